/**
 * A compound query finds pages that name its parts: a text that names every part of a compound
 * the dictionary knows (the vocabulary and the site's own words) gets the compound as a hidden,
 * lower-weight word, like the parts of its own compounds.
 */
import { describe, expect, test } from 'vitest';
import { de } from '../../../src/vocabulary/de.ts';
import { createExpander } from '../../../src/vocabulary/index.ts';

const expander = (siteTexts: string[] = []) => createExpander({ vocabulary: de, siteGroups: [], siteTexts });

describe('the compound of parts a text names', () => {
  test('"Steuer für Hunde" gets hundesteuer; "Urkunde nach der Geburt" gets geburtsurkunde (linking -s-)', () => {
    expect(expander().expand('Steuer für Hunde zahlen').parts).toContain('hundesteuer');
    expect(expander().expand('Urkunde nach der Geburt').parts).toContain('geburtsurkunde');
  });

  test('a compound only the site uses counts too', () => {
    expect(expander().expand('Ausweis für den Bus').parts).not.toContain('busausweis');
    expect(expander(['Den Busausweis gibt es im Rathaus.']).expand('Ausweis für den Bus').parts).toContain('busausweis');
  });

  test('and its groups: the compound brings the words of the groups it is in', () => {
    expect(expander().expand('Steuer für Hunde zahlen').synonyms).toContain('hundemarke');
  });

  test('not when one part is missing, and not the compound the text already has', () => {
    expect(expander().expand('Steuer zahlen').parts).not.toContain('hundesteuer');
    expect(expander().expand('Die Hundesteuer für Hunde').parts).not.toContain('hundesteuer');
  });
});
