/**
 * Typo correction on the search page, pure so it is unit-tested without a browser: a query
 * word of 5 letters or more that the index does not know is replaced by the closest word of the
 * build's word list (`vocabulary/wordlist.ts`): at most one edit for words up to 8 letters, two
 * for longer ones; of equally close words the one on more pages (earlier in the list) wins.
 */

/** Words of a query, as typed (case kept), letters and digits. */
export function queryWords(query: string): string[] {
  return query.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words that are corrected when the index does not know them: 5 letters or more, no digits. */
export function correctable(query: string): string[] {
  return [...new Set(queryWords(query).filter((w) => w.length >= 5 && !/\d/.test(w)).map((w) => w.toLowerCase()))];
}

/** Lower case without diacritics, ß as ss. */
const fold = (word: string) => word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');

/** The parts of Pagefind's result data that show which words matched. */
export interface MarkedData {
  excerpt: string;
  sub_results?: { excerpt: string }[];
}

/**
 * Whether results matched the word itself. Pagefind answers an unknown word with pages that
 * contain a known beginning of it ("für" for "Fürherschein"), so a result alone does not
 * show that the index knows the word; the marked words of the excerpts do: one of them must
 * begin with the word, less a common ending (Pagefind stems "Urkunden" to find "Urkunde").
 */
export function namesWord(word: string, results: readonly MarkedData[]): boolean {
  const folded = fold(word);
  const ending = ['en', 'es', 'e', 'n', 's'].find((e) => folded.endsWith(e) && folded.length - e.length >= 4);
  const stem = ending ? folded.slice(0, -ending.length) : folded;
  const marks = /<mark>([^<]*)<\/mark>/g;
  for (const result of results) {
    for (const excerpt of [result.excerpt, ...(result.sub_results ?? []).map((s) => s.excerpt)]) {
      for (const m of excerpt.matchAll(marks)) if (fold(m[1]!).startsWith(stem)) return true;
    }
  }
  return false;
}

/** How many edits a word of this length may be away from its correction. */
export const maxEdits = (word: string) => (word.length <= 8 ? 1 : 2);

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest word of the list within the allowed edits (the first of equally close ones), or undefined. */
export function closestWord(word: string, list: readonly string[]): string | undefined {
  const needle = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxEdits(needle) + 1;
  for (const candidate of list) {
    if (candidate === needle) return undefined;
    const distance = boundedDistance(needle, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The word list file: one word a line. */
export function parseWordList(text: string): string[] {
  return text.split('\n').filter((w) => w !== '');
}

/**
 * The query with each unknown word replaced by its correction, or undefined when none could
 * be corrected. Words keep their place; the others stay as typed.
 */
export function correctQuery(query: string, unknown: ReadonlySet<string>, list: readonly string[]): string | undefined {
  const corrections = new Map<string, string>();
  for (const word of unknown) {
    const correction = closestWord(word, list);
    if (correction) corrections.set(word, correction);
  }
  if (corrections.size === 0) return undefined;
  return query.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const correction = corrections.get(word.toLowerCase());
    return correction === undefined ? word : matchCase(correction, word);
  });
}

/** "führerschein" written like "Fürherschein" → "Führerschein". */
export function matchCase(word: string, like: string): string {
  return like[0] === like[0]!.toUpperCase() && like[0] !== like[0]!.toLowerCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}
