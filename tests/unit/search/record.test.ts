/** Which hidden words a service page gives the search index, and where: the page's or a task's. */
import { describe, expect, test } from 'vitest';
import { searchExpander, serviceRecord, type SearchRecord } from '../../../src/model/search.ts';
import { translator } from '../../../src/i18n/index.ts';
import { md, site, text } from '../support/content.ts';

/** The search record of the first service of Soest, with these front matter lines. */
async function record(frontMatter: string, extra: Record<string, string> = {}): Promise<SearchRecord> {
  const s = await site({ 'towns/soest/amt.md': md(frontMatter), ...extra });
  const town = s.towns[0]!;
  const service = town.services.find((x) => x.slug === 'amt')!;
  return serviceRecord(service, town, translator('de'), () => '', searchExpander(s), s.builtAt);
}

/** A task's hidden words by its title's anchor. */
const words = (r: SearchRecord, id: string) => [...r.tasks[id]!.synonyms, ...r.tasks[id]!.parts];
const pageWords = (r: SearchRecord) => [...r.extra.synonyms, ...r.extra.parts];

describe("the words of a service's own name belong to the page, not to a task that names it", () => {
  test('"Termin im Bürgerbüro" gets no "Meldeamt"; the page does', async () => {
    const r = await record(text`
      title: Bürgerbüro
      status: limited
      updated: 2023-11-03 14:17
      summary: Eingeschränkt.
      tasks:
        - title: Vereinbarten Termin im Bürgerbüro wahrnehmen
          status: unavailable
        - title: Führerschein im Bürgerbüro umtauschen
          status: limited
    `);
    expect(words(r, 'anliegen-vereinbarten-termin-im-buergerbuero-wahrnehmen')).toEqual([]);
    // The task keeps the words of its own subject.
    expect(words(r, 'anliegen-fuehrerschein-im-buergerbuero-umtauschen')).toEqual(expect.arrayContaining(['fahrerlaubnis', 'lappen', 'führer', 'schein']));
    expect(words(r, 'anliegen-fuehrerschein-im-buergerbuero-umtauschen')).not.toContain('meldeamt');
    expect(pageWords(r)).toEqual(expect.arrayContaining(['meldeamt', 'bürgeramt', 'büro']));
  });

  test('also another service of the town: "Bedingungen des Bürgerbüros" on the Gewerbe page', async () => {
    const r = await record(
      text`
        title: Gewerbe
        status: deferred
        updated: 2023-11-03 14:17
        summary: Nur als Antrag.
        tasks:
          - title: Gewerbe anmelden oder abmelden
            status: deferred
            note: Es gelten die Bedingungen des Bürgerbüros.
      `,
      { 'towns/soest/buergerbuero.md': md('title: Bürgerbüro\nstatus: limited\nupdated: 2023-11-03 14:17\nsummary: Eingeschränkt.\n') },
    );
    const task = words(r, 'anliegen-gewerbe-anmelden-oder-abmelden');
    expect(task).not.toContain('meldeamt');
    // What the rest of the task brings stays with it: the phrase "Gewerbe anmelden".
    expect(task).toEqual(expect.arrayContaining(['gewerbeanmeldung', 'existenzgründung']));
    // What the name alone brings does not.
    expect(task).not.toContain('gewerbeamt');
    expect(pageWords(r)).toContain('gewerbeamt');
  });

  test('a compound that contains a name is a word of its own: "Sperrmüll-Abholung" keeps "Sperrgut"', async () => {
    const r = await record(text`
      title: Sperrmüll
      status: limited
      updated: 2023-11-03 14:17
      summary: Eingeschränkt.
      tasks:
        - title: Sperrmüll-Abholung beantragen
          status: limited
    `);
    expect(words(r, 'anliegen-sperrmuell-abholung-beantragen')).toContain('sperrgut');
  });

  test('a service named by several words is no name: its words stay with the tasks', async () => {
    const r = await record(text`
      title: Steuern und Abgaben
      status: limited
      updated: 2023-11-03 14:17
      summary: Eingeschränkt.
      tasks:
        - title: Steuern bezahlen
          status: limited
    `);
    expect(words(r, 'anliegen-steuern-bezahlen').length).toBeGreaterThan(0);
  });
});

test('keywords are the page\'s, in the record, not in any task', async () => {
  const r = await record(text`
    title: Bürgerservice
    status: limited
    updated: 2023-11-03 14:17
    summary: Eingeschränkt.
    tasks:
      - title: Wohnsitz ummelden
        status: deferred
    keywords: [Reisepass]
  `);
  expect(r.keywords).toEqual(['Reisepass']);
  expect(words(r, 'anliegen-wohnsitz-ummelden')).not.toContain('reisepass');
});
