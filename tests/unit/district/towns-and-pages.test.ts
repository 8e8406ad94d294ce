/**
 * The home page's and the incident page's lists of towns (grouped by district, natural order),
 * the legal pages every page links to, and the pages in Leichte Sprache and Gebärdensprache.
 */
import { describe, expect, test } from 'vitest';
import { accessPages, footerPages, groupTowns, naturalCollator } from '../../../src/model/derive.ts';
import type { Site } from '../../../src/model/types.ts';
import { md, output, service, site, town } from '../support/content.ts';

const collator = naturalCollator('de-DE');
const names = (s: Site, grouping = groupTowns(s.towns, s.town, collator)) =>
  grouping.groups.map((g) => [g.id, g.rows.map((r) => r.town.name)]);

describe('natural order', () => {
  test('"Ort 2" before "Ort 10", umlauts with their base letter', async () => {
    const s = await site({
      'towns/ort-10/index.md': town('Ort 10'),
      'towns/ort-2/index.md': town('Ort 2'),
      'towns/oestrich/index.md': town('Östrich'),
      'towns/olpe/index.md': town('Olpe'),
      'towns/soest/index.md': town('Soest'),
    });
    expect(s.towns.map((t) => t.name)).toEqual(['Olpe', 'Ort 2', 'Ort 10', 'Östrich', 'Soest']);
  });
});

describe('towns grouped by district', () => {
  test('under the top of their parent chain, the district first, towns without one last', async () => {
    const s = await site({
      'towns/kreis-soest/index.md': town('Kreis Soest'),
      'towns/soest/index.md': town('Soest', 'parent: kreis-soest\n'),
      'towns/ort-10/index.md': town('Ort 10', 'parent: kreis-soest\n'),
      'towns/ort-2/index.md': town('Ort 2', 'parent: kreis-soest\n'),
      'towns/amt-a/index.md': town('Amt A', 'parent: ort-2\n'),
      'towns/altkreis/index.md': town('Altkreis'),
      'towns/hochsauerlandkreis/index.md': town('Hochsauerlandkreis'),
      'towns/arnsberg/index.md': town('Arnsberg', 'parent: hochsauerlandkreis\n'),
    });
    const grouping = groupTowns(s.towns, s.town, collator);
    expect(grouping.by).toBe('district');
    expect(names(s, grouping)).toEqual([
      ['gruppe-hochsauerlandkreis', ['Hochsauerlandkreis', 'Arnsberg']],
      ['gruppe-kreis-soest', ['Kreis Soest', 'Amt A', 'Ort 2', 'Ort 10', 'Soest']],
      ['gruppe-weitere', ['Altkreis']],
    ]);
    expect(grouping.groups[0]!.district!.slug).toBe('hochsauerlandkreis');
    expect(grouping.groups[2]!.district).toBeUndefined();
  });

  test('an incident’s towns: the district’s heading even when the district itself is not affected', async () => {
    const s = await site({
      'towns/kreis-soest/index.md': town('Kreis Soest'),
      'towns/soest/index.md': town('Soest', 'parent: kreis-soest\n'),
      'towns/werl/index.md': town('Werl', 'parent: kreis-soest\n'),
    });
    const affected = s.towns.filter((t) => t.slug !== 'kreis-soest');
    const grouping = groupTowns(affected, s.town, collator);
    expect(grouping.groups.map((g) => [g.district?.name, g.rows.map((r) => r.town.name)])).toEqual([['Kreis Soest', ['Soest', 'Werl']]]);
  });

  test('how many services of each town are restricted', async () => {
    const s = await site({
      'towns/soest/buergerbuero.md': service('', 'limited'),
      'towns/soest/standesamt.md': service('', 'normal').replace('Bürgerbüro', 'Standesamt'),
      'towns/soest/kasse.md': service('', 'unavailable').replace('Bürgerbüro', 'Kasse'),
    });
    const [row] = groupTowns(s.towns, s.town, collator).groups[0]!.rows;
    expect(row).toMatchObject({ restricted: 2 });
    expect(row!.town.services).toHaveLength(3);
    expect(groupTowns(s.towns, s.town, collator).counted).toBe(true);
    const none = await site({});
    expect(groupTowns(none.towns, none.town, collator).counted).toBe(false);
  });

  test('without districts: one list, or by initial when it is long', async () => {
    const few = await site({ 'towns/werl/index.md': town('Werl') });
    expect(groupTowns(few.towns, few.town, collator)).toMatchObject({ by: 'none', groups: [{ id: 'gruppe-alle' }] });
    const many = await site(Object.fromEntries(['Ahlen', 'Anröchte', 'Bönen', 'Ense', '1. Ort'].map((n, i) => [`towns/t${i}/index.md`, town(n)])));
    const grouping = groupTowns(many.towns, many.town, collator, 3);
    expect(grouping.by).toBe('initial');
    expect(grouping.groups.map((g) => [g.id, g.letter, g.rows.map((r) => r.town.name)])).toEqual([
      ['gruppe-a', 'A', ['Ahlen', 'Anröchte']],
      ['gruppe-b', 'B', ['Bönen']],
      ['gruppe-e', 'E', ['Ense']],
      ['gruppe-s', 'S', ['Soest']],
      ['gruppe-0', '#', ['1. Ort']],
    ]);
  });
});

const page = (title: string, extra = '') => md(`title: ${title}\n${extra}`, 'Text.');

describe('legal pages and pages in Leichte Sprache and Gebärdensprache', () => {
  test('found by role, in a fixed order, then the other footer pages; a missing one is left out', async () => {
    const s = await site({
      'pages/kontakt.md': page('Kontakt', 'footer: true'),
      'pages/a11y.md': page('Erklärung zur Barrierefreiheit', 'role: barrierefreiheit'),
      'pages/anbieter.md': page('Impressum', 'role: impressum\nfooter: true'),
      'pages/hilfe.md': page('Hilfe'),
    });
    expect(footerPages(s.pages).map((p) => p.slug)).toEqual(['anbieter', 'a11y', 'kontakt']);
    expect(accessPages(s.pages)).toEqual([]);
  });

  test('Leichte Sprache before Gebärdensprache', async () => {
    const s = await site({
      'pages/dgs.md': page('Gebärdensprache', 'role: gebaerdensprache'),
      'pages/leicht.md': page('Leichte Sprache', 'role: leichte-sprache'),
    });
    expect(accessPages(s.pages).map(({ role, page: p }) => [role, p.slug])).toEqual([
      ['leichte-sprache', 'leicht'],
      ['gebaerdensprache', 'dgs'],
    ]);
  });

  test('a role the format does not know, and an example flag that is not true or false, are errors', async () => {
    const files = {
      'pages/impressum.md': page('Impressum', 'role: impresum'),
      'pages/datenschutz.md': page('Datenschutz', 'example: ja'),
    };
    expect(await output(files)).toMatchInlineSnapshot(`
      "content/pages/datenschutz.md:3: example: Text „ja“ — erwartet: der Wahrheitswert (Beispiel: example: true)
      content/pages/impressum.md:3: role: „impresum“ — erlaubt: impressum, datenschutz, barrierefreiheit, leichte-sprache, gebaerdensprache (meinten Sie „impressum“?)"
    `);
    expect(await output(files, { language: 'en' })).toMatchInlineSnapshot(`
      "content/pages/datenschutz.md:3: example: text "ja" — expected: the truth value (example: example: true)
      content/pages/impressum.md:3: role: "impresum" — allowed: impressum, datenschutz, barrierefreiheit, leichte-sprache, gebaerdensprache (did you mean "impressum"?)"
    `);
  });

  test('a role on two pages is an error', async () => {
    const files = {
      'pages/impressum.md': page('Impressum', 'role: impressum'),
      'pages/anbieter.md': page('Anbieter', 'role: impressum'),
    };
    expect(await output(files)).toMatchInlineSnapshot(`"content/pages/impressum.md:3: role: „impressum“ hat schon die Seite content/pages/anbieter.md — erlaubt: jede Rolle auf höchstens einer Seite"`);
    expect(await output(files, { language: 'en' })).toMatchInlineSnapshot(`"content/pages/impressum.md:3: role: "impressum" is already the role of the page content/pages/anbieter.md — allowed: each role on one page at most"`);
  });
});
