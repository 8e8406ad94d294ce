/**
 * The words the home page suggests to search for ("z. B. „Termin“ oder „Ausweis“"), taken from
 * the site's own tasks, so a suggestion always finds something on this site.
 *
 * A word qualifies when it is a one-word member of a vocabulary group (the built-in vocabulary
 * of the content language, or the site's own `vocabulary:`): those are the words citizens type
 * for a service, not "beantragen" or "Vereinbarten". In German only nouns count (capitalised:
 * the vocabulary also has verbs such as "reservieren"). A language without a vocabulary, or a
 * site whose tasks use none of its words, falls back to the words of five letters or more. A word that is a service's title
 * ("Bürgerbüro") is a place, not a task, and is left out. The words are ranked by how many tasks
 * name them, then by how often the services' texts use them, then alphabetically, so the same
 * content gives the same hint. Each is shown as the tasks write it (its first spelling).
 */
import { vocabularyFor } from '../vocabulary/index.ts';
import { keyOf } from '../vocabulary/words.ts';
import type { Site } from './types.ts';

/** Words of a title as written (letters only; hyphens split): "Sperrmüll-Abholung" → Sperrmüll, Abholung. */
function wordsAsWritten(text: string): string[] {
  return text.match(/\p{L}+/gu) ?? [];
}

/** The keys of the one-word members of the vocabulary the site searches with. */
function vocabularyKeys(groups: readonly (readonly string[])[], endings: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const group of groups) for (const member of group) if (/^\p{L}+$/u.test(member)) keys.add(keyOf(member, endings));
  return keys;
}

/** In German only nouns, which are capitalised; other languages have no such sign. */
function noun(word: string, language: string): boolean {
  return language !== 'de' || /^\p{Lu}/u.test(word);
}

export function searchHintWords(site: Pick<Site, 'settings' | 'towns'>, count = 2): string[] {
  const language = site.settings.contentLanguage;
  const builtIn = vocabularyFor(language);
  const endings = builtIn?.endings ?? [];
  const known = vocabularyKeys([...(builtIn?.groups ?? []), ...site.settings.vocabulary], endings);
  // Every word of every service is keyed, most of them many times (folding a word is what costs).
  const keys = new Map<string, string>();
  const keyOfWord = (word: string) => {
    let key = keys.get(word);
    if (key === undefined) keys.set(word, (key = keyOf(word, endings)));
    return key;
  };
  const services = site.towns.flatMap((town) => town.services);
  const titles = services.flatMap((service) => service.tasks.map((task) => task.titleText));
  const places = new Set(services.map((service) => keyOfWord(service.title)));
  /** How often each word's key occurs in the services' titles, summaries and tasks. */
  const uses = new Map<string, number>();
  for (const service of services) {
    const text = [service.title, service.summary.markdown, ...service.tasks.map((task) => `${task.titleText} ${task.note?.markdown ?? ''}`)].join(' ');
    for (const word of wordsAsWritten(text)) uses.set(keyOfWord(word), (uses.get(keyOfWord(word)) ?? 0) + 1);
  }

  const rank = (qualifies: (word: string) => boolean): string[] => {
    /** key → how many tasks name it, and its first spelling. */
    const found = new Map<string, { tasks: number; uses: number; written: string }>();
    for (const title of titles) {
      const seen = new Set<string>();
      for (const word of wordsAsWritten(title)) {
        if (!qualifies(word)) continue;
        const key = keyOfWord(word);
        if (seen.has(key) || places.has(key)) continue;
        seen.add(key);
        const entry = found.get(key);
        if (entry) entry.tasks++;
        else found.set(key, { tasks: 1, uses: uses.get(key) ?? 0, written: word });
      }
    }
    const collator = new Intl.Collator(language);
    return [...found.values()]
      .sort((a, b) => b.tasks - a.tasks || b.uses - a.uses || collator.compare(a.written, b.written))
      .slice(0, count)
      .map((entry) => entry.written);
  };

  const fromVocabulary = rank((word) => word.length >= 3 && noun(word, language) && known.has(keyOfWord(word)));
  return fromVocabulary.length > 0 ? fromVocabulary : rank((word) => word.length >= 5 && noun(word, language));
}
