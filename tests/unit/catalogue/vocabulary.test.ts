/**
 * The catalogue and the search vocabulary describe the same services: a service prepared from
 * the catalogue must be findable by the words citizens use for it, without any editor having
 * written keywords. So every entry's title and tasks meet at least one group of the German
 * vocabulary (`src/vocabulary/de.ts`); a new catalogue entry without one fails here until its
 * words are added to the vocabulary.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../../src/catalogue/index.ts';
import { de } from '../../../src/vocabulary/de.ts';
import { createExpander } from '../../../src/vocabulary/index.ts';

const catalogue = loadCatalogue();
const expander = createExpander({ vocabulary: de, siteGroups: [], siteTexts: [] });

describe('every catalogue service is known to the search vocabulary', () => {
  test.each(catalogue.services.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
    const text = [entry.title, ...Object.values(entry.titles ?? {}), ...entry.tasks].join('. ');
    expect(expander.expand(text).synonyms.length, `${entry.id}: no vocabulary group for "${text}"`).toBeGreaterThan(0);
  });

  test('the everyday words of the busiest services find their catalogue entries', () => {
    // What the index gets for an entry: its own text, the parts of its compounds and its groups' words.
    const indexed = (text: string) => {
      const { synonyms, parts } = expander.expand(text);
      return [text.toLowerCase(), ...synonyms, ...parts].join(' ');
    };
    const find = (word: string) =>
      catalogue.services.filter((entry) => new RegExp(`(^|[^\\p{L}])${word.toLowerCase()}`, 'u').test(indexed([entry.title, ...entry.tasks].join('. ')))).map((e) => e.id);
    expect(find('Trauung')).toContain('standesamt');
    expect(find('Kennzeichen')).toContain('kfz-zulassung');
    expect(find('Sperrmüll')).toContain('abfall');
  });
});
