/**
 * The built-in vocabulary of a site's language. A language without one (any but de and en
 * today) gets none: the site's own `vocabulary:` groups still apply, compounds are not split.
 */
import { de } from './de.ts';
import { en } from './en.ts';
import type { Vocabulary } from './types.ts';

const builtIn: Record<string, Vocabulary> = { de, en };

export function vocabularyFor(language: string): Vocabulary | undefined {
  return Object.hasOwn(builtIn, language) ? builtIn[language] : undefined;
}

export { createExpander, type Expander, type Expansion } from './expand.ts';
export type { Vocabulary } from './types.ts';
