/** Compound splitting: one test per rule of src/vocabulary/split.ts, with words that must not be split. */
import { describe, expect, test } from 'vitest';
import { de } from '../../../src/vocabulary/de.ts';
import { createExpander } from '../../../src/vocabulary/expand.ts';
import { createSplitter } from '../../../src/vocabulary/split.ts';

const rules = de.compounds!;
/** A splitter whose reviewed words and site words are exactly these. */
const splitter = (reviewed: string[], site: string[] = []) => createSplitter(rules, new Set(reviewed), new Set(site));
/** The splitter a German site with these texts gets. */
const siteSplitter = (...texts: string[]) => createExpander({ vocabulary: de, siteGroups: [], siteTexts: texts }).splitter!;

describe('splitting rules', () => {
  test('two dictionary words joined directly', () => {
    expect(splitter(['führer', 'schein']).split('Führerschein')).toEqual(['führer', 'schein']);
  });

  test('linking -s-', () => {
    expect(splitter(['geburt', 'urkunde']).split('Geburtsurkunde')).toEqual(['geburt', 'urkunde']);
    expect(splitter(['führung', 'zeugnis']).split('Führungszeugnis')).toEqual(['führung', 'zeugnis']);
  });

  test('linking -es-, -n-, -en-, -e-, -er-', () => {
    expect(splitter(['stand', 'amt']).split('Standesamt')).toEqual(['stand', 'amt']);
    expect(splitter(['sonne', 'schutz']).split('Sonnenschutz')).toEqual(['sonne', 'schutz']);
    expect(splitter(['frau', 'haus']).split('Frauenhaus')).toEqual(['frau', 'haus']);
    expect(splitter(['hund', 'steuer']).split('Hundesteuer')).toEqual(['hund', 'steuer']);
    expect(splitter(['kind', 'garten']).split('Kindergarten')).toEqual(['kind', 'garten']);
  });

  test('a modifier may be a verb stem or lack its final -e', () => {
    expect(splitter(['sperren', 'müll']).split('Sperrmüll')).toEqual(['sperren', 'müll']);
    expect(splitter(['schule', 'weg']).split('Schulweg')).toEqual(['schule', 'weg']);
  });

  test('more than two parts, and the shorter compounds inside', () => {
    const s = splitter(['führer', 'schein', 'stelle'], ['führerschein']);
    expect(s.split('Führerscheinstelle')).toEqual(['führerschein', 'stelle']);
    expect(s.pieces('Führerscheinstelle').sort()).toEqual(['führer', 'führerschein', 'schein', 'stelle']);
    expect(splitter(['kraft', 'fahrzeug', 'steuer']).split('Kraftfahrzeugsteuer')).toEqual(['kraft', 'fahrzeug', 'steuer']);
  });

  test('the head must be a word as written, not a stem', () => {
    expect(splitter(['müll', 'sperren']).split('Müllsperr')).toEqual([]);
  });

  test('short words: under 6 letters nothing is split, a part of 3 letters must be reviewed', () => {
    expect(splitter(['bad', 'amt']).split('Badamt')).toEqual(['bad', 'amt']);
    expect(splitter(['haus', 'amt']).split('Hausamt')).toEqual(['haus', 'amt']);
    expect(splitter([], ['bad', 'amt']).split('Badamt')).toEqual([]);
    expect(splitter(['weg', 'weiser']).split('Wegweiser')).toEqual(['weg', 'weiser']);
    expect(splitter(['auto', 'bus']).split('Autob')).toEqual([]);
  });

  test('site words of 4 letters or more are parts', () => {
    expect(splitter([], ['kreis', 'haus']).split('Kreishaus')).toEqual(['kreis', 'haus']);
  });

  test('function words are never parts', () => {
    expect(splitter(['einzug', 'zug'], ['ein']).split('Einzug')).toEqual([]);
    expect(splitter(['weis', 'aus']).split('Ausweis')).toEqual([]);
  });

  test('the split with more reviewed parts wins over one with site words (Hund-es-teuer)', () => {
    expect(splitter(['hund', 'steuer'], ['teuer']).split('Hundesteuer')).toEqual(['hund', 'steuer']);
  });

  test('fewer parts win', () => {
    expect(splitter(['haupt', 'bahn', 'hof', 'bahnhof']).split('Hauptbahnhof')).toEqual(['haupt', 'bahnhof']);
  });

  test('a word that is no compound is not split', () => {
    expect(splitter(['führer', 'schein']).split('Personalausweis')).toEqual([]);
  });
});

describe('words that must not be split, with the real vocabulary and a site using their pieces', () => {
  const s = siteSplitter('Verwalt und Tung, Besch und Einigung, Urlaub und Laub, Ordnung, Bestattung, Gemeinde und Meinde, Staub und Becken');
  for (const word of ['Verwaltung', 'Bescheinigung', 'Bestattung', 'Urlaub', 'Gemeinde', 'Staubecken', 'Ordnung', 'Behörde', 'Urkunde', 'Anmeldung', 'Antrag', 'Ausweis']) {
    test(word, () => expect(s.split(word)).toEqual([]));
  }
});

describe('the real vocabulary splits what citizens search for', () => {
  const s = siteSplitter('Sperrmüll-Abholung, Hundesteuer zahlen, Meldebescheinigung, Kfz-Steuer');
  const cases: [string, string[]][] = [
    ['Führerschein', ['führer', 'schein']],
    ['Führungszeugnis', ['führung', 'zeugnis']],
    ['Geburtsurkunde', ['geburt', 'urkunde']],
    ['Hundesteuer', ['hund', 'steuer']],
    ['Sperrmüll', ['sperren', 'müll']],
    ['Grundsteuer', ['grund', 'steuer']],
    ['Meldebescheinigung', ['melde', 'bescheinigung']],
    ['Kindergarten', ['kinder', 'garten']],
    ['Standesamt', ['stand', 'amt']],
    ['Sterbeurkunde', ['sterbe', 'urkunde']],
    ['Ordnungsamt', ['ordnung', 'amt']],
    ['Verwaltungsgebühr', ['verwaltung', 'gebühr']],
  ];
  for (const [word, parts] of cases) test(`${word} → ${parts.join(' + ')}`, () => expect(s.split(word)).toEqual(parts));
});
