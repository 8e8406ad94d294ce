/**
 * Which vocabulary a site's search uses: the language its notices are written in, plus its
 * interface language's groups when the two differ (src/vocabulary/index.ts, siteVocabulary).
 */
import { describe, expect, test } from 'vitest';
import { createExpander, siteVocabulary, vocabularyFor } from '../../../src/vocabulary/index.ts';

const indexed = (languages: { language: string; contentLanguage: string }, text: string) => {
  const expander = createExpander({ vocabulary: siteVocabulary(languages), siteGroups: [], siteTexts: [text] });
  const { synonyms, parts } = expander.expand(text);
  return new Set([...synonyms, ...parts]);
};

describe('siteVocabulary', () => {
  test('one language: its own vocabulary, unchanged', () => {
    expect(siteVocabulary({ language: 'de', contentLanguage: 'de' })).toBe(vocabularyFor('de'));
    expect(siteVocabulary({ language: 'en', contentLanguage: 'en' })).toBe(vocabularyFor('en'));
  });

  test('German notices under an English interface: German words and English ones both find the task', () => {
    const words = indexed({ language: 'en', contentLanguage: 'de' }, 'Personalausweis beantragen');
    expect(words).toContain('perso'); // a German citizen's word (the content's vocabulary)
    expect(words).toContain('card'); // from the English group "identity card, ID card, …, Personalausweis"
  });

  test('the endings and compound rules are those of the notices’ language', () => {
    const vocabulary = siteVocabulary({ language: 'en', contentLanguage: 'de' })!;
    expect(vocabulary.endings).toBe(vocabularyFor('de')!.endings);
    expect(vocabulary.compounds).toBe(vocabularyFor('de')!.compounds);
    expect(indexed({ language: 'en', contentLanguage: 'de' }, 'Hundesteuer zahlen')).toContain('steuer');
  });

  test('a language without a built-in vocabulary takes the other one, or none', () => {
    expect(siteVocabulary({ language: 'tr', contentLanguage: 'de' })).toBe(vocabularyFor('de'));
    expect(siteVocabulary({ language: 'en', contentLanguage: 'uk' })).toBe(vocabularyFor('en'));
    expect(siteVocabulary({ language: 'ar', contentLanguage: 'ar' })).toBeUndefined();
  });
});
