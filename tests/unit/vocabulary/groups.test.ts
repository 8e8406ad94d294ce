/**
 * Every group of the built-in vocabularies, generated from the data: a text that uses only one
 * member gets the words of every other member, so a query for any member finds it. The same
 * through a real Pagefind index: tests/build/vocabulary.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { createExpander, vocabularyFor } from '../../../src/vocabulary/index.ts';
import { wordsOf } from '../../../src/vocabulary/words.ts';

for (const language of ['de', 'en']) {
  const vocabulary = vocabularyFor(language)!;
  const expander = createExpander({ vocabulary, siteGroups: [], siteTexts: [] });

  describe(`${language}: the data`, () => {
    test('every group has at least two different members, each with a word', () => {
      for (const group of vocabulary.groups) {
        expect(new Set(group.map((m) => m.toLowerCase())).size, group.join(', ')).toBe(group.length);
        expect(group.length, group.join(', ')).toBeGreaterThanOrEqual(2);
        for (const member of group) expect(wordsOf(member).length, member).toBeGreaterThan(0);
      }
    });
  });

  describe(`${language}: every member finds a text that uses only another member`, () => {
    vocabulary.groups.forEach((group, index) => {
      test(`group ${index + 1}: ${group[0]}`, () => {
        for (const used of group) {
          const { synonyms, parts } = expander.expand(used);
          const indexed = new Set([...wordsOf(used), ...synonyms, ...parts]);
          for (const query of group) {
            const missing = wordsOf(query).filter((w) => !indexed.has(w));
            expect(missing, `"${query}" on a page that says "${used}"`).toEqual([]);
          }
        }
      });
    });
  });
}

describe('languages', () => {
  test('a language without a vocabulary gets none; its site groups still apply', () => {
    expect(vocabularyFor('tr')).toBeUndefined();
    expect(vocabularyFor('toString')).toBeUndefined();
    const expander = createExpander({ vocabulary: vocabularyFor('tr'), siteGroups: [['Nüfus cüzdanı', 'Kimlik']], siteTexts: ['Kimlik kartı'] });
    expect(expander.expand('Kimlik başvurusu').synonyms).toEqual(['nüfus', 'cüzdanı']);
    expect(expander.splitter).toBeUndefined();
  });

  test("a site's own groups apply besides the built-in ones", () => {
    const expander = createExpander({ vocabulary: vocabularyFor('de'), siteGroups: [['Bürgerkoffer', 'Notfallmappe']], siteTexts: [] });
    expect(expander.expand('Notfallmappe abholen').synonyms).toContain('bürgerkoffer');
  });
});

describe('expansion', () => {
  const expander = createExpander({ vocabulary: vocabularyFor('de'), siteGroups: [], siteTexts: ['Sperrmüll-Abholung beantragen'] });

  test('a phrase member is used only when all its words are there', () => {
    expect(expander.expand('Wohnsitz ummelden').synonyms).toContain('umziehen');
    expect(expander.expand('Hauptwohnsitz').synonyms).not.toContain('umziehen');
  });

  test('forms of a word find its group ("Urkunden" is "Urkunde")', () => {
    expect(expander.expand('Urkunden bestellen').synonyms).toContain('personenstandsurkunde');
  });

  test('the parts of compounds, and the groups of the parts', () => {
    const { parts, synonyms } = expander.expand('Sperrmüll-Abholung beantragen');
    expect(parts).toContain('müll');
    expect(synonyms).toContain('abfall');
    expect(synonyms).toContain('sperrgut');
  });

  test("a text's own words are not repeated", () => {
    const { parts, synonyms } = expander.expand('Trauung und Eheschließung');
    expect(synonyms).not.toContain('trauung');
    expect(synonyms).not.toContain('eheschließung');
    expect(parts).toEqual([]);
  });
});

describe('forms of a word', () => {
  const expander = createExpander({ vocabulary: vocabularyFor('de'), siteGroups: [], siteTexts: [] });
  test('"Müller" is not "Müll", "Steuern" is "Steuer"', () => {
    expect(expander.expand('Frau Müller').synonyms).not.toContain('abfall');
    expect(expander.expand('Steuern').synonyms).toContain('steueramt');
  });
});
