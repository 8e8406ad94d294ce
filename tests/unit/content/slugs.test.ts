/**
 * Slugs are folder and file names; towns and pages must not take the site's own routes or each
 * other's names, services must not take a town's own routes.
 */
import { describe, expect, test } from 'vitest';
import { reservedRoutes, reservedServiceSlugs, slugPattern } from '../../../src/schema/index.ts';
import { slugify } from '../../../src/model/read.ts';
import { incident, md, output, service, site, town } from '../support/content.ts';

describe('slugs', () => {
  test('the pattern', () => {
    for (const good of ['soest', 'kreis-soest', 'sit-2023', '2023', 'a1-b2']) expect(good).toMatch(slugPattern);
    for (const bad of ['Soest', 'bürgerbüro', 'kfz_zulassung', 'kreis--soest', '-soest', 'soest-', 'soest.de', '']) expect(bad).not.toMatch(slugPattern);
  });

  test('slugify suggests a valid slug', () => {
    expect(slugify('Bürgerbüro')).toBe('buergerbuero');
    expect(slugify('Straßenverkehrsamt')).toBe('strassenverkehrsamt');
    expect(slugify('Kfz_Zulassung')).toBe('kfz-zulassung');
    expect(slugify('Öffnungszeiten (neu)')).toBe('oeffnungszeiten-neu');
    expect(slugify('Café')).toBe('cafe');
  });

  test('town folders: uppercase, umlaut, underscore, space', async () => {
    expect(
      await output({
        'towns/Werl/index.md': town('Werl'),
        'towns/lüdenscheid/index.md': town('Lüdenscheid'),
        'towns/kreis_soest/index.md': town('Kreis Soest'),
        'towns/bad sassendorf/index.md': town('Bad Sassendorf'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/bad sassendorf: Name „bad sassendorf“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: bad-sassendorf)
      content/towns/kreis_soest: Name „kreis_soest“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: kreis-soest)
      content/towns/lüdenscheid: Name „lüdenscheid“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: luedenscheid)
      content/towns/Werl: Name „Werl“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: werl)"
    `);
  });

  test('service, incident and page files', async () => {
    expect(
      await output({
        'towns/soest/Bürgerbüro.md': service(),
        'towns/soest/kfz_zulassung.md': service(),
        'incidents/SIT 2023.md': incident(),
        'pages/Datenschutz.md': md('title: Datenschutz'),
      }),
    ).toMatchInlineSnapshot(`
      "content/incidents/SIT 2023.md: Name „SIT 2023“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: sit-2023)
      content/pages/Datenschutz.md: Name „Datenschutz“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: datenschutz)
      content/towns/soest/Bürgerbüro.md: Name „Bürgerbüro“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: buergerbuero)
      content/towns/soest/kfz_zulassung.md: Name „kfz_zulassung“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: kfz-zulassung)"
    `);
  });
});

describe('reserved routes', () => {
  test('the lists', () => {
    expect(reservedRoutes).toEqual(['api', 'suche', 'anliegen', 'stoerungen', 'aushang', 'feed.xml', '404', 'assets', 'pagefind', 'admin']);
    expect(reservedServiceSlugs).toEqual(expect.arrayContaining(['aushang', 'feed']));
  });

  test.each(['api', 'suche', 'anliegen', 'stoerungen', 'aushang', '404', 'assets', 'pagefind', 'admin'])('a town may not be called %s', async (slug) => {
    expect(await output({ [`towns/${slug}/index.md`]: town('X') })).toBe(
      `content/towns/${slug}/index.md: „${slug}“ ist eine Adresse der Website selbst — nicht erlaubt: api, suche, anliegen, stoerungen, aushang, feed.xml, 404, assets, pagefind, admin`,
    );
  });

  test('a folder called feed.xml is not a slug, and would be the feed', async () => {
    expect(await output({ 'towns/feed.xml/index.md': town('Feed') })).toMatchInlineSnapshot(`"content/towns/feed.xml: Name „feed.xml“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: feed-xml)"`);
  });

  test('a town called api, in English', async () => {
    expect(await output({ 'towns/api/index.md': town('Api') }, { language: 'en' })).toMatchInlineSnapshot(`"content/towns/api/index.md: "api" is an address of the site itself — not allowed: api, suche, anliegen, stoerungen, aushang, feed.xml, 404, assets, pagefind, admin"`);
  });

  test.each(['aushang', 'feed'])('a service may not be called %s', async (slug) => {
    expect(await output({ [`towns/soest/${slug}.md`]: service() })).toBe(
      `content/towns/soest/${slug}.md: „${slug}“ ist eine Adresse des Ortes selbst — nicht erlaubt: aushang, feed, index`,
    );
  });

  test('a page may not take a reserved route', async () => {
    expect(await output({ 'pages/suche.md': md('title: Suche'), 'pages/404.md': md('title: Nicht gefunden') })).toMatchInlineSnapshot(`
      "content/pages/404.md: „404“ ist eine Adresse der Website selbst — nicht erlaubt: api, suche, anliegen, stoerungen, aushang, feed.xml, 404, assets, pagefind, admin
      content/pages/suche.md: „suche“ ist eine Adresse der Website selbst — nicht erlaubt: api, suche, anliegen, stoerungen, aushang, feed.xml, 404, assets, pagefind, admin"
    `);
  });

  test('reserved words inside a slug are fine', async () => {
    const s = await site({ 'towns/api-test/index.md': town('Api-Test'), 'towns/soest/aushang-alt.md': service(), 'pages/suche-hilfe.md': md('title: Hilfe') });
    expect(s.towns.map((t) => t.slug)).toEqual(['api-test', 'soest']);
  });
});

describe('town and page collision', () => {
  test('a town and a page of the same name', async () => {
    expect(await output({ 'towns/impressum/index.md': town('Impressum'), 'pages/impressum.md': md('title: Impressum') })).toMatchInlineSnapshot(`"content/towns/impressum/index.md: „impressum“ heißt auch die Seite content/pages/impressum.md — erlaubt: verschiedene Namen"`);
  });

  test('towns and pages may share words', async () => {
    const s = await site({ 'pages/soest-impressum.md': md('title: Impressum') });
    expect(s.pages.map((p) => p.path)).toEqual(['/soest-impressum/']);
  });
});
