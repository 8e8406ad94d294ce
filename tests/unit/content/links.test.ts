/**
 * Content format 1.1: links inside the site must lead to a page the build makes (and to an
 * anchor that page has); relative links are errors that show the site-relative form.
 */
import { describe, expect, test } from 'vitest';
import { incident, md, output, service, site, town } from '../support/content.ts';
import { closestPath } from '../../../src/schema/links.ts';
import { linkTargets } from '../../../src/model/targets.ts';
import { townDocument } from '../../../src/model/api.ts';
import { createUrls } from '../../../src/model/urls.ts';

/** Soest with a Bürgerbüro (two tasks, an update), Werl, an incident and an Impressum. */
const world = {
  'towns/soest/buergerbuero.md': service(
    'tasks:\n  - title: Personalausweis beantragen\n    status: unavailable\n  - title: Wohnsitz anmelden\n    status: deferred\nupdates:\n  - at: 2023-11-03 14:17\n    text: Neu.\naliases: [/bb/]\n',
  ),
  'towns/werl/index.md': town('Werl'),
  'incidents/sit-2023.md': incident(),
  'pages/impressum.md': md('title: Impressum'),
};

describe('site-relative links', () => {
  test('every kind of page, anchor, feed, API file and alias resolves', async () => {
    const body = [
      '[a](/) [b](/werl/) [c](/soest/buergerbuero/) [d](/soest/buergerbuero/#anliegen-personalausweis-beantragen)',
      '[e](/soest/buergerbuero/#neu-20231103-1417) [f](/soest/buergerbuero/#tasks) [g](/soest/#services) [h](/soest/aushang/)',
      '[i](/stoerungen/sit-2023/) [j](/impressum/) [k](/anliegen/#buchstabe-p) [l](/suche/?q=Ausweis) [m](/bb/)',
      '[n](/feed.xml) [o](/soest/feed.xml) [p](/api/v1/towns.json) [q](/api/v1/towns/werl.json) [r](/soest/buergerbuero/#main)',
    ].join('\n');
    const s = await site({ ...world, 'towns/soest/index.md': town('Soest', '', `${body}\n`) });
    expect(s.town('soest')!.body.html).toContain('href="/soest/buergerbuero/#anliegen-personalausweis-beantragen"');
  });

  test('a path the build does not make, with the closest existing one', async () => {
    expect(
      await output({
        ...world,
        'towns/soest/index.md': town('Soest', '', 'Siehe [Werl](/werl-alt/), [Werl](/werl), [Soest](/Soest/) und [x](/gibt-es-nicht/).\n').replace(
          'summary: Geöffnet.',
          'summary: Siehe [Bürgerbüro](/soest/buergerbuero-alt/).',
        ),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:6: summary: Link auf „/soest/buergerbuero-alt/“ — diese Seite gibt es auf der Website nicht (meinten Sie „/soest/buergerbuero/“?)
      content/towns/soest/index.md:8: Link auf „/werl-alt/“ — diese Seite gibt es auf der Website nicht (meinten Sie „/werl/“?)
      content/towns/soest/index.md:8: Link auf „/werl“ — diese Seite gibt es auf der Website nicht (meinten Sie „/werl/“?)
      content/towns/soest/index.md:8: Link auf „/Soest/“ — diese Seite gibt es auf der Website nicht (meinten Sie „/soest/“?)
      content/towns/soest/index.md:8: Link auf „/gibt-es-nicht/“ — diese Seite gibt es auf der Website nicht"
    `);
  });

  test('an anchor the page does not have: a task id with a typo, a section the page leaves out', async () => {
    expect(
      await output({
        ...world,
        'towns/soest/index.md': town(
          'Soest',
          'links:\n  - title: Ausweis\n    url: /soest/buergerbuero/#anliegen-personalausweis\n',
          '[Kontakt](/werl/#contacts)\n',
        ),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:9: links[1].url: Link auf „/soest/buergerbuero/#anliegen-personalausweis“ — die Seite /soest/buergerbuero/ hat keinen Abschnitt #anliegen-personalausweis (meinten Sie „/soest/buergerbuero/#anliegen-personalausweis-beantragen“?)
      content/towns/soest/index.md:11: Link auf „/werl/#contacts“ — die Seite /werl/ hat keinen Abschnitt #contacts"
    `);
    expect(
      await output({ ...world, 'towns/soest/index.md': town('Soest', '', '[Ausweis](/soest/buergerbuero/#anliegen-personalausweis-beantrage)\n') }),
    ).toMatchInlineSnapshot(`"content/towns/soest/index.md:8: Link auf „/soest/buergerbuero/#anliegen-personalausweis-beantrage“ — die Seite /soest/buergerbuero/ hat keinen Abschnitt #anliegen-personalausweis-beantrage (meinten Sie „/soest/buergerbuero/#anliegen-personalausweis-beantragen“?)"`);
  });

  test('in every text field: channel notes, task titles and notes, updates, incidents, pages, site contacts', async () => {
    expect(
      await output({
        ...world,
        'site.yaml': 'title: T\noperator: O\ncontacts:\n  - channel: in-person\n    status: normal\n    note: "[Rathaus](/rathaus/)"\n',
        'towns/werl/buergerbuero.md': service(
          'channels:\n  - channel: in-person\n    status: normal\n    note: "[Plan](/plan/)"\ntasks:\n  - title: "[Ausweis](/ausweis/)"\n    status: normal\n    note: "[mehr](/mehr/)"\nupdates:\n  - at: 2023-11-03\n    text: "[neu](/neu/)"\n',
        ),
        'incidents/sit-2023.md': incident().replace('summary: Die IT ist ausgefallen.', 'summary: "[Lage](/lage/)"'),
        'pages/impressum.md': md('title: Impressum', 'Zeile eins.\n\n[Kontakt](/kontakt/)\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/incidents/sit-2023.md:5: summary: Link auf „/lage/“ — diese Seite gibt es auf der Website nicht
      content/pages/impressum.md:6: Link auf „/kontakt/“ — diese Seite gibt es auf der Website nicht
      content/site.yaml:6: contacts[1].note: Link auf „/rathaus/“ — diese Seite gibt es auf der Website nicht
      content/towns/werl/buergerbuero.md:9: channels[1].note: Link auf „/plan/“ — diese Seite gibt es auf der Website nicht
      content/towns/werl/buergerbuero.md:11: tasks[1].title: Link auf „/ausweis/“ — diese Seite gibt es auf der Website nicht
      content/towns/werl/buergerbuero.md:13: tasks[1].note: Link auf „/mehr/“ — diese Seite gibt es auf der Website nicht
      content/towns/werl/buergerbuero.md:16: updates[1].text: Link auf „/neu/“ — diese Seite gibt es auf der Website nicht"
    `);
  });

  test('written with the base path, which the site adds itself', async () => {
    expect(await output({ ...world, 'towns/soest/index.md': town('Soest', '', '[Werl](/notfall/werl/#updates)\n') }, { basePath: '/notfall/' })).toMatchInlineSnapshot(
      `"content/towns/soest/index.md:8: Link auf „/notfall/werl/#updates“ — diese Seite gibt es auf der Website nicht (ohne den Basispfad /notfall/ schreiben, den setzt die Website selbst: /werl/#updates)"`,
    );
    // Without the base path it resolves, and the page gets it.
    const s = await site({ ...world, 'towns/soest/index.md': town('Soest', '', '[Werl](/werl/#updates)\n') }, { basePath: '/notfall/' });
    expect(s.town('soest')!.body.html).toContain('href="/notfall/werl/#updates"');
  });

  test('a link to a file that has errors of its own is not reported again', async () => {
    expect(
      await output({ ...world, 'towns/werl/index.md': town('Werl').replace('status: limited', 'status: zu'), 'towns/soest/index.md': town('Soest', '', '[Werl](/werl/#updates)\n') }),
    ).toMatchInlineSnapshot(`"content/towns/werl/index.md:5: status: „zu“ — erlaubt: normal, limited, deferred, unavailable"`);
  });

  test('in English', async () => {
    expect(
      await output({
        ...world,
        'site.yaml': 'title: T\noperator: O\nlanguage: en\n',
        'towns/soest/index.md': town('Soest', '', '[a](/werl-alt/) [b](/werl/#contacts) [c](../werl/)\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:8: link to "/werl-alt/" — there is no such page on this site (did you mean "/werl/"?)
      content/towns/soest/index.md:8: link to "/werl/#contacts" — the page /werl/ has no section #contacts
      content/towns/soest/index.md:8: relative link "../werl/" (from this page it led to /werl/) — allowed: a path on this site starting with /, e.g. /soest/ (did you mean "/werl/"?)"
    `);
    expect(await output({ ...world, 'site.yaml': 'title: T\noperator: O\nlanguage: en\n', 'towns/soest/index.md': town('Soest', '', '[a](/notfall/werl/)\n') }, { basePath: '/notfall/' })).toMatchInlineSnapshot(
      `"content/towns/soest/index.md:8: link to "/notfall/werl/" — there is no such page on this site (write it without the base path /notfall/, the site adds it itself: /werl/)"`,
    );
  });
});

describe('relative links', () => {
  test('resolved against the page of the file they are in, with the site-relative form', async () => {
    expect(
      await output({
        ...world,
        'towns/soest/index.md': town('Soest', '', '[Werl](../werl/) und [Impressum](impressum) und [Dienste](#services)\n'),
        'towns/soest/buergerbuero.md': service('tasks:\n  - title: Ausweis\n    status: normal\n', 'limited', '[Stadt](../) [Aufgaben](#tasks) [Werl](../../werl/)\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:10: relativer Link „../“ (führte von dieser Seite nach /soest/) — erlaubt: ein Pfad der Website, der mit / beginnt, z. B. /soest/ (meinten Sie „/soest/“?)
      content/towns/soest/buergerbuero.md:10: relativer Link „#tasks“ (führte von dieser Seite nach /soest/buergerbuero/#tasks) — erlaubt: ein Pfad der Website, der mit / beginnt, z. B. /soest/ (meinten Sie „/soest/buergerbuero/#tasks“?)
      content/towns/soest/buergerbuero.md:10: relativer Link „../../werl/“ (führte von dieser Seite nach /werl/) — erlaubt: ein Pfad der Website, der mit / beginnt, z. B. /soest/ (meinten Sie „/werl/“?)
      content/towns/soest/index.md:8: relativer Link „../werl/“ (führte von dieser Seite nach /werl/) — erlaubt: ein Pfad der Website, der mit / beginnt, z. B. /soest/ (meinten Sie „/werl/“?)
      content/towns/soest/index.md:8: relativer Link „impressum“ (führte von dieser Seite nach /soest/impressum) — erlaubt: ein Pfad der Website, der mit / beginnt, z. B. /soest/ (meinten Sie „/impressum/“?)
      content/towns/soest/index.md:8: relativer Link „#services“ (führte von dieser Seite nach /soest/#services) — erlaubt: ein Pfad der Website, der mit / beginnt, z. B. /soest/ (meinten Sie „/soest/#services“?)"
    `);
  });

  test('links[].url: a site path is checked like a Markdown link, a relative one is an error, a domain still wants https://', async () => {
    expect(
      await output({
        ...world,
        'towns/soest/index.md': town(
          'Soest',
          'links:\n  - title: Impressum\n    url: /impressum/\n  - title: Alt\n    url: /soest-alt/\n  - title: Werl\n    url: ../werl/\n  - title: Stadt\n    url: www.soest.de\n',
        ),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:11: links[2].url: Link auf „/soest-alt/“ — diese Seite gibt es auf der Website nicht (meinten Sie „/soest/“?)
      content/towns/soest/index.md:13: links[3].url: relativer Link „../werl/“ (führte von dieser Seite nach /werl/) — erlaubt: ein Pfad der Website, der mit / beginnt, z. B. /soest/ (meinten Sie „/werl/“?)
      content/towns/soest/index.md:15: links[4].url: „www.soest.de“ ist keine vollständige Web-Adresse — erlaubt: eine Adresse mit https:// (meinten Sie „https://www.soest.de“?)"
    `);
  });

  test('a site path in links[] stays a site path in the model and gets the base path on the page', async () => {
    const s = await site({ ...world, 'towns/soest/index.md': town('Soest', 'links:\n  - title: Impressum\n    url: /impressum/\n  - title: Web\n    url: https://www.soest.de\n') }, { basePath: '/notfall/' });
    expect(s.town('soest')!.links.map((l) => l.url)).toEqual(['/impressum/', 'https://www.soest.de']);
    expect(s.town('soest')!.links.map((l) => createUrls(s.address).href(l.url))).toEqual(['/notfall/impressum/', 'https://www.soest.de']);
    // In the API like every other URL there: absolute with SITE_URL; a web address normalized.
    const urls = createUrls({ base: '/notfall/', site: 'https://notfall.example/notfall' });
    expect(townDocument(s, s.town('soest')!, urls).town.links.map((l) => l.url)).toEqual(['https://notfall.example/notfall/impressum/', 'https://www.soest.de/']);
  });
});

describe('online and web channels', () => {
  const channel = (value: string) => `channels:\n  - channel: online\n    status: normal\n    value: ${value}\n`;

  test('a page of this site is checked like a link; a relative one is an error', async () => {
    expect(await output({ ...world, 'towns/werl/a.md': service(channel('/werl/formulare/')), 'towns/werl/b.md': service(channel('formulare')) })).toMatchInlineSnapshot(`
      "content/towns/werl/a.md:9: channels[1].value: Link auf „/werl/formulare/“ — diese Seite gibt es auf der Website nicht (meinten Sie „/werl/“?)
      content/towns/werl/b.md:9: channels[1].value: relativer Link „formulare“ (führte von dieser Seite nach /werl/b/formulare) — erlaubt: ein Pfad der Website, der mit / beginnt, z. B. /soest/ (meinten Sie „/werl/b/“?)"
    `);
  });

  test('on the page with the base path, in the API absolute with SITE_URL', async () => {
    const s = await site({ ...world, 'towns/werl/a.md': service(channel('/soest/buergerbuero/#tasks')) }, { basePath: '/notfall/' });
    const werl = s.town('werl')!;
    expect(werl.services[0]!.channels[0]!.href).toBe('/soest/buergerbuero/#tasks');
    expect(createUrls(s.address).href(werl.services[0]!.channels[0]!.href!)).toBe('/notfall/soest/buergerbuero/#tasks');
    const urls = createUrls({ base: '/notfall/', site: 'https://notfall.example/notfall' });
    expect(townDocument(s, werl, urls).town.services[0]!.channels[0]!.href).toBe('https://notfall.example/notfall/soest/buergerbuero/#tasks');
  });
});

describe('the targets', () => {
  test('anchors follow what the pages show: #links only with links, #tasks only with tasks, #details only with a body', async () => {
    const s = await site({ ...world, 'towns/soest/index.md': town('Soest', 'links:\n  - title: Web\n    url: https://www.soest.de\n', 'Text.\n') });
    const targets = linkTargets({ towns: s.towns, pages: s.pages, incidents: s.incidents, redirects: s.redirects, index: s.index, siteContacts: false, sources: [] });
    const anchors = (p: string) => [...(targets.get(p) as Set<string>)].sort();
    expect(anchors('/soest/')).toEqual(['details', 'links', 'main', 'services', 'updates']);
    expect(anchors('/werl/')).toEqual(['main', 'updates']);
    expect(anchors('/soest/buergerbuero/')).toEqual([
      'anliegen-personalausweis-beantragen',
      'anliegen-wohnsitz-anmelden',
      'channels',
      'main',
      'neu-20231103-1417',
      'tasks',
      'updates',
    ]);
    expect(targets.has('/bb/')).toBe(true);
  });

  test('closestPath: the trailing slash, the case, a near path; nothing when too far', () => {
    const targets = new Map([['/werl/', new Set<string>()], ['/soest/buergerbuero/', new Set<string>()]]);
    expect(closestPath('/werl', targets)).toBe('/werl/');
    expect(closestPath('/WERL/', targets)).toBe('/werl/');
    expect(closestPath('/soest/buergerburo/', targets)).toBe('/soest/buergerbuero/');
    expect(closestPath('/impressum/', targets)).toBeUndefined();
  });
});
