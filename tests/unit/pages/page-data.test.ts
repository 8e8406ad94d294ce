/**
 * What the pages show, computed without a build (`model/page-data.ts`): titles, one breadcrumb
 * trail for the visible breadcrumbs and the JSON-LD, facts, quiet flags and section ids, which
 * the link rule reads too.
 */
import { describe, expect, test } from 'vitest';
import { homePage, incidentPage, noticePage, servicePage, townPage } from '../../../src/model/page-data.ts';
import { linkTargets } from '../../../src/model/targets.ts';
import type { Site } from '../../../src/model/types.ts';
import { incident, md, pageContext, service, site, text, town } from '../support/content.ts';

const files = {
  'towns/kreis-soest/index.md': md(text`
    name: Kreis Soest
    kind: Kreis
    updated: 2023-11-03 14:17
    status: limited
    summary: Die Kreisverwaltung ist eingeschränkt.
  `),
  'towns/kreis-soest/strassenverkehrsamt.md': service('', 'unavailable'),
  'towns/soest/index.md': town('Soest', 'parent: kreis-soest\nincidents: [sit-2023]\nlinks:\n  - title: Stadt\n    url: https://www.soest.de\n', 'Mehr.\n'),
  'towns/soest/buergerbuero.md': service(
    'incident: sit-2023\nsince: 2023-10-30\ntasks:\n  - title: Personalausweis\n    status: deferred\nupdates:\n  - at: 2023-11-03 15:00\n    text: Neu.\n',
  ),
  'incidents/sit-2023.md': incident(),
};

const trailOf = (data: { trail: { name: string; path: string }[] }) => data.trail.map((c) => `${c.name} ${c.path}`);
/** The BreadcrumbList's items, as search engines read them. */
const jsonLdTrail = (jsonLd: unknown[]) =>
  (jsonLd.at(-1) as { '@type': string; itemListElement: { name: string; item: string }[] }).itemListElement.map((i) => `${i.name} ${i.item}`);

describe('townPage', () => {
  test('title, trail through the parent, facts with links, sections, feed', async () => {
    const s = await site(files, { basePath: '/notfall/' });
    const page = townPage(pageContext(s), s.town('soest')!);
    expect(page.title).toBe('Soest');
    expect(page.description).toBe('Geöffnet.');
    expect(trailOf(page)).toEqual(['Startseite /', 'Kreis Soest /kreis-soest/', 'Soest /soest/']);
    // One trail: the JSON-LD BreadcrumbList names the same steps, with the base path.
    expect(jsonLdTrail(page.jsonLd)).toEqual(['Startseite /notfall/', 'Kreis Soest /notfall/kreis-soest/', 'Soest /notfall/soest/']);
    expect(page.facts.map((f) => [f.label, f.status ?? f.text ?? f.time?.iso, f.path ?? null])).toEqual([
      ['Status', 'limited', null],
      // The town's "Stand" is its newest change, a service's update included.
      ['Stand', '2023-11-03T15:00:00+01:00', null],
      ['Art', 'Stadt', null],
      ['Gehört zu', 'Kreis Soest', '/kreis-soest/'],
      ['Ursache', 'Cyberangriff', '/stoerungen/sit-2023/'],
    ]);
    expect(page.sections).toEqual(['services', 'updates', 'links', 'parent-services', 'details']);
    expect(page.feed).toEqual({ title: 'Soest – Notfall-Informationen Test', town: 'soest', path: '/soest/feed.xml' });
    expect(page.parent?.slug).toBe('kreis-soest');
    expect(page.quiet).toBe(false);
    const district = townPage(pageContext(s), s.town('kreis-soest')!);
    expect(district.sections).toEqual(['services', 'updates', 'children']);
    expect(trailOf(district)).toEqual(['Startseite /', 'Kreis Soest /kreis-soest/']);
    expect(district.children.map((c) => c.slug)).toEqual(['soest']);
  });

  test('quiet when nothing is disrupted and no open incident concerns it', async () => {
    const s = await site({ 'towns/soest/index.md': md('name: Soest\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Wie immer.\n'), 'towns/soest/buergerbuero.md': service('', 'normal') });
    expect(townPage(pageContext(s), s.town('soest')!).quiet).toBe(true);
    expect(servicePage(pageContext(s), s.town('soest')!, s.town('soest')!.services[0]!).quiet).toBe(true);
    expect(homePage(pageContext(s))).toMatchObject({ quiet: true, sections: ['quiet', 'incidents', 'towns'] });
  });
});

describe('servicePage', () => {
  test('title with the town, trail through the town, facts only with a value, sections', async () => {
    const s = await site(files);
    const soest = s.town('soest')!;
    const page = servicePage(pageContext(s), soest, soest.services[0]!);
    expect(page.title).toBe('Bürgerbüro – Soest');
    expect(trailOf(page)).toEqual(['Startseite /', 'Soest /soest/', 'Bürgerbüro /soest/buergerbuero/']);
    expect(jsonLdTrail(page.jsonLd)).toEqual(trailOf(page));
    // No `expected`: no row for it.
    expect(page.facts.map((f) => f.label)).toEqual(['Status', 'Stand', 'Gestört seit', 'Ursache']);
    expect(page.sections).toEqual(['channels', 'tasks', 'updates']);
    expect(page.quiet).toBe(false);
    expect(Object.keys(page.search.tasks)).toEqual(['anliegen-personalausweis']);
  });
});

describe('incidentPage', () => {
  test('quiet once resolved; trail in the JSON-LD; the towns it affects', async () => {
    const open = await site(files);
    const page = incidentPage(pageContext(open), open.incident('sit-2023')!);
    expect(page.title).toBe('Cyberangriff');
    expect(page.quiet).toBe(false);
    expect(jsonLdTrail(page.jsonLd)).toEqual(['Startseite /', 'Cyberangriff /stoerungen/sit-2023/']);
    expect(page.facts.map((f) => [f.label, f.text ?? f.time?.iso])).toEqual([
      ['Begonnen', '2023-10-30'],
      ['Behoben', 'andauernd'],
      ['Stand', '2023-11-03T14:17:00+01:00'],
    ]);
    expect(page.sections).toEqual(['towns']);
    const resolved = await site({ ...files, 'incidents/sit-2023.md': incident('resolved: 2023-11-02\n') });
    expect(incidentPage(pageContext(resolved), resolved.incident('sit-2023')!).quiet).toBe(true);
  });
});

describe('section ids and the link rule', () => {
  /** The anchors the link rule allows on a page, without the layout's own and the model's ids. */
  const sectionTargets = (s: Site, path: string) => {
    const targets = linkTargets({ towns: s.towns, pages: s.pages, incidents: s.incidents, redirects: s.redirects, index: s.index, siteContacts: false, sources: [] });
    const anchors = targets.get(path);
    return anchors === 'any' || anchors === undefined ? anchors : [...anchors].filter((id) => id !== 'main' && !/^(anliegen|neu)-/.test(id));
  };

  test('every page’s section ids are the anchors the link rule allows', async () => {
    const s = await site(files);
    const ctx = pageContext(s);
    const soest = s.town('soest')!;
    expect(sectionTargets(s, '/soest/')).toEqual(townPage(ctx, soest).sections);
    expect(sectionTargets(s, '/kreis-soest/')).toEqual(townPage(ctx, s.town('kreis-soest')!).sections);
    expect(sectionTargets(s, '/soest/buergerbuero/')).toEqual(servicePage(ctx, soest, soest.services[0]!).sections);
    expect(sectionTargets(s, '/stoerungen/sit-2023/')).toEqual(incidentPage(ctx, s.incident('sit-2023')!).sections);
    expect(sectionTargets(s, '/soest/aushang/')).toEqual(noticePage(ctx, soest).sections);
    expect(sectionTargets(s, '/')).toEqual(homePage(ctx).sections);
  });
});
