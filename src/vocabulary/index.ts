/**
 * The built-in vocabulary of a site's languages. A language without one (any but de and en
 * today) gets none: the site's own `vocabulary:` groups still apply, compounds are not split.
 */
import { de } from './de.ts';
import { en } from './en.ts';
import type { Vocabulary } from './types.ts';

const builtIn: Record<string, Vocabulary> = { de, en };

export function vocabularyFor(language: string): Vocabulary | undefined {
  return Object.hasOwn(builtIn, language) ? builtIn[language] : undefined;
}

/**
 * The vocabulary a site's search uses: the one of the language its notices are written in
 * (its endings and compound rules fit the indexed words), plus the groups of its interface
 * language when that differs — an English interface over German notices finds "passport"
 * (English group → Reisepass) and still "Perso" (German group → Personalausweis).
 */
export function siteVocabulary(languages: { language: string; contentLanguage: string }): Vocabulary | undefined {
  const written = vocabularyFor(languages.contentLanguage);
  const read = languages.language === languages.contentLanguage ? undefined : vocabularyFor(languages.language);
  if (!written || !read) return written ?? read;
  return { ...written, groups: [...written.groups, ...read.groups] };
}

export { createExpander, type Expander, type Expansion } from './expand.ts';
export type { Vocabulary } from './types.ts';
