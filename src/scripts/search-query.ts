/**
 * A query analysed like the pages are (README, "Queries analysed like pages"), then searched: the search page's whole query
 * pipeline, pure but for the two things it is given (Pagefind's search and the build's word
 * list), so that tests run it against a real index in Node exactly as the browser does.
 *
 * The index already holds, for every page, the words of the vocabulary groups it uses and the
 * parts of its compounds (src/model/search.ts), so each query word finds its synonyms and the
 * compounds it is part of without a query of its own. What the query side adds, with the word
 * list (every word of the index) as its dictionary:
 * - a word the index does not know as a whole word is corrected ("Sozialammt" → sozialamt),
 *   even when Pagefind finds pages with a known beginning of it;
 * - otherwise an unknown compound is split into words the index knows ("Hundesteuerbescheid"
 *   → hundesteuer bescheid);
 * - neighbouring words are joined into a compound the index knows ("Hund Steuer" → hundesteuer);
 * - when not every word is found, the subsets with one word fewer are searched, the most
 *   specific first, their results taking turns, and the page says which words it searched for;
 * - results that name more of the query's words come first within each rank of `rankResults`.
 * Pagefind answers a word it does not know with pages that contain a known beginning of it
 * ("so" for "sofort"); a word counts as found only when the results mark it (`namesWord`).
 *
 * At most MAX_QUERIES Pagefind queries per search; the word list is fetched once, and only for a
 * query of several words or with a word the results do not name.
 */
import { boundedDistance, closestWord, correctable, matchCase, namesWord, queryWords } from './search-correction.ts';
import { rankResults, toResults, type PagefindData, type ResultView, type StatusChoice } from './search-results.ts';

export interface SearchDeps {
  /**
   * Pagefind's search with the page's filters: the data of the first `count` results, in
   * Pagefind's order, each as it was for this query (Pagefind reuses a page's object and a later
   * search overwrites its excerpt and sub-results). The same query again (for more results) must
   * not cost a second search.
   */
  search(query: string, count: number): Promise<PagefindData[]>;
  /** The build's word list (`pagefind/aushang-words.txt`), parsed. */
  words(): Promise<readonly string[]>;
  /** The word list when it is already here (the page fetches it at the first keystroke), else undefined. */
  loadedWords?(): readonly string[] | undefined;
}

export interface SearchOutcome {
  results: ResultView[];
  /** The query with its misspelt words corrected, when any was. */
  corrected?: string;
  /** When not every word was found: the words the results are for. */
  partial?: string;
  /**
   * The one query whose results these are, as given to `search` (absent when the results of
   * several were merged): the page tells from Pagefind's count for it how many a fuller list holds.
   */
  searched?: string;
}

/** Pagefind queries per search at most (a corrected single word and the subsets count). */
export const MAX_QUERIES = 4;
/** Subsets searched when not every word is found. */
export const MAX_SUBSETS = 3;
/** Results shown, and results read to see whether the words are found. */
export const SHOWN = 40;
const PROBE = 8;

/** Letters that join two words into a compound: Hund-e-steuer, Geburt-s-urkunde. */
const linkers = ['', 'e', 's', 'es', 'n', 'en', 'er'];
/** The word list has words of 4 letters or more; shorter ones are taken as known. */
const LISTED = 4;

/** A lookup of whole words of the index. */
export type Lexicon = ReadonlySet<string>;

const lower = (word: string) => word.toLowerCase();

/** Whether the index has the word as a whole word, or a form of it with or without a common ending (Hund, Hunde). */
export function isWholeWord(word: string, lexicon: Lexicon): boolean {
  const w = lower(word);
  if (w.length < LISTED || /\d/.test(w)) return true;
  const endings = ['e', 'en', 'n', 's', 'es'];
  return lexicon.has(w) || endings.some((e) => lexicon.has(w + e) || (w.endsWith(e) && lexicon.has(w.slice(0, -e.length))));
}

/**
 * Whether the index has the word neither as a whole word nor as the beginning of one: Pagefind
 * could only answer it with pages that contain a shorter beginning of it ("Sozialammt").
 */
export function isUnknown(word: string, lexicon: Lexicon, list: readonly string[]): boolean {
  const w = lower(word);
  return !isWholeWord(w, lexicon) && !list.some((known) => known.startsWith(w));
}

/**
 * An unknown compound as words of the index, fewest parts first, then the longer last part:
 * "hundesteuerbescheid" → hundesteuer, bescheid. Empty when it cannot be split.
 */
export function splitCompound(word: string, lexicon: Lexicon): string[] {
  const w = lower(word);
  const memo = new Map<number, string[] | null>();
  const from = (start: number): string[] | null => {
    if (memo.has(start)) return memo.get(start)!;
    let best: string[] | null = lexicon.has(w.slice(start)) && w.length - start >= LISTED ? [w.slice(start)] : null;
    for (let end = start + LISTED; end <= w.length - LISTED; end++) {
      const part = w.slice(start, end);
      if (!lexicon.has(part)) continue;
      for (const linker of linkers) {
        if (!w.startsWith(linker, end)) continue;
        const rest = from(end + linker.length);
        if (rest && (!best || rest.length + 1 < best.length)) best = [part, ...rest];
      }
    }
    memo.set(start, best);
    return best;
  };
  const parts = from(0);
  return parts && parts.length > 1 ? parts : [];
}

/** Neighbouring words joined where the index knows the compound: hund steuer → hundesteuer. */
export function joinCompounds(words: readonly string[], lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const word of words) {
    const previous = out[out.length - 1];
    const joined = previous !== undefined && /^\p{L}+$/u.test(previous) && /^\p{L}+$/u.test(word) ? compoundOf(previous, word, lexicon) : undefined;
    if (joined) out[out.length - 1] = joined;
    else out.push(word);
  }
  return out;
}

function compoundOf(first: string, second: string, lexicon: Lexicon): string | undefined {
  const a = lower(first);
  const b = lower(second);
  for (const linker of linkers) {
    if (lexicon.has(a + linker + b)) return a + linker + b;
    // "Schule Anmeldung": the first word's -e may be dropped in the compound (Schulanmeldung).
    if (linker === '' && a.endsWith('e') && lexicon.has(a.slice(0, -1) + b)) return a.slice(0, -1) + b;
  }
  return undefined;
}

export interface Analysis {
  /** The words to search, in order. */
  words: string[];
  /** The same with neighbouring words joined into compounds the index knows. */
  joined: string[];
  /** Misspelt words and their corrections. */
  corrections: Map<string, string>;
}

/**
 * The words of a query analysed with the word list: each misspelt word corrected, each unknown
 * compound split; and the same with neighbouring words joined into compounds the index knows.
 */
export function analyseQuery(query: string, lexicon: Lexicon, list: readonly string[]): Analysis {
  const corrections = new Map<string, string>();
  const words: string[] = [];
  // Among several words a word two edits from any word of the index is more likely a real word the
  // index lacks ("abgelaufen", not "abgeladen"): it is left to the search for fewer words.
  const single = queryWords(query).length === 1;
  for (const typed of queryWords(query)) {
    const word = lower(typed);
    if (isWholeWord(word, lexicon)) {
      words.push(word);
      continue;
    }
    const correction = correctable(word).length > 0 ? closestWord(word, list) : undefined;
    if (correction && (single || boundedDistance(word, correction, 1) <= 1)) {
      corrections.set(word, correction);
      words.push(correction);
      continue;
    }
    const parts = splitCompound(word, lexicon);
    words.push(...(parts.length > 0 ? parts : [word]));
  }
  return { words, joined: joinCompounds(words, lexicon), corrections };
}

/** Whether the results mark every word (Pagefind also answers with pages that only contain a beginning of one). */
export function namesAll(words: readonly string[], results: readonly PagefindData[]): boolean {
  const top = results.slice(0, PROBE);
  return top.length > 0 && words.every((word) => namesWord(word, top));
}

/** The subsets of the words tried when not all are found: one word fewer each, the last word dropped first. */
export function subsetsOf(words: readonly string[]): string[][] {
  if (words.length < 2) return [];
  const subsets: string[][] = [];
  for (let drop = words.length - 1; drop >= 0 && subsets.length < MAX_SUBSETS; drop--) subsets.push(words.filter((_, i) => i !== drop));
  return subsets;
}

/** How many of the words a result's marked text names. */
export function wordsNamed(words: readonly string[], result: PagefindData): number {
  return words.filter((word) => namesWord(word, [result])).length;
}

/** "Hund" for [hund], as the words were typed where they were (the query's own spelling otherwise). */
function shown(words: readonly string[], query: string): string {
  const typed = new Map(queryWords(query).map((w) => [lower(w), w]));
  return words.map((w) => typed.get(w) ?? w).join(' ');
}

/** The query with its corrections in place, case kept: "Fürherschein" → "Führerschein". */
function withCorrections(query: string, corrections: ReadonlyMap<string, string>): string {
  return query.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const correction = corrections.get(lower(word));
    return correction === undefined ? word : matchCase(correction, word);
  });
}

/** Results of the words, the ones that name more of the query's words first, then by `rankResults`. */
function ranked(data: readonly PagefindData[], queryWordsAll: readonly string[], rankQuery: string, choice: StatusChoice): ResultView[] {
  const order = data.map((d, index) => ({ d, index, named: wordsNamed(queryWordsAll, d) }));
  order.sort((a, b) => b.named - a.named || a.index - b.index);
  return rankResults(toResults(order.map((o) => o.d), choice), rankQuery);
}

export interface SearchOptions {
  /** Search exactly as typed: no correction, no analysis (`exakt=1`). */
  exact?: boolean;
  choice?: StatusChoice;
  /**
   * Results to read and rank (default SHOWN). The page asks for the first few before the rest
   * (`FIRST`); every decision reads only the first PROBE results, so it is the same either way.
   */
  shown?: number;
}

/** Results read for the first answer; at least PROBE, so that the first answer decides as the full one does. */
export const FIRST = 10;

/** The search page's query pipeline: analysis, Pagefind, ranking. */
export async function searchQuery(query: string, deps: SearchDeps, options: SearchOptions = {}): Promise<SearchOutcome> {
  const choice = options.choice ?? '';
  const shownCount = Math.max(options.shown ?? SHOWN, PROBE);
  const typed = queryWords(query).map(lower);
  if (options.exact || typed.length === 0) return { results: rankResults(toResults(await deps.search(query, shownCount), choice), query), searched: query };

  let first: PagefindData[] | undefined;
  let list: readonly string[];
  const ready = deps.loadedWords?.();
  if (typed.length === 1 && ready && isUnknown(typed[0]!, new Set(ready), ready)) {
    // One word the word list at hand shows unknown: straight to its correction, no search for the typo.
    list = ready;
  } else if (typed.length === 1) {
    // One word: Pagefind's own results show whether the index knows it; the word list only when not.
    first = await deps.search(query, shownCount);
    if (namesAll(typed, first)) return { results: ranked(first, typed, query, choice), searched: query };
    list = await deps.words();
  } else {
    // Several words: the words as typed are searched while the word list loads (most need no change).
    [first, list] = await Promise.all([deps.search(typed.join(' '), shownCount), deps.words()]);
  }
  const lexicon = new Set(list);
  const { words, joined, corrections } = analyseQuery(query, lexicon, list);
  const corrected = corrections.size > 0 ? withCorrections(query, corrections) : undefined;
  const rankQuery = [query, ...corrections.values(), ...words, ...joined].join(' ');
  const outcome = (results: ResultView[], searched: readonly string[] | undefined, partial?: string): SearchOutcome => ({
    results,
    ...(corrected !== undefined ? { corrected } : {}),
    ...(partial !== undefined ? { partial } : {}),
    ...(searched !== undefined ? { searched: searchedAs(searched) } : {}),
  });
  const searchedAs = (terms: readonly string[]) => (first && terms.join(' ') === typed.join(' ') && typed.length === 1 ? query : terms.join(' '));
  let queries = first ? 1 : 0;
  const search = (terms: readonly string[], count: number) => {
    if (first && terms.join(' ') === typed.join(' ')) return Promise.resolve(first.slice(0, count));
    queries++;
    return deps.search(terms.join(' '), count);
  };

  // The words apart (the index holds the parts of the pages' compounds), then joined.
  const data = await search(words, shownCount);
  if (namesAll(words, data) || words.length < 2) return outcome(ranked(data, words, rankQuery, choice), words);
  if (joined.length < words.length) {
    const together = await search(joined, shownCount);
    if (namesAll(joined, together)) return outcome(ranked(together, words, rankQuery, choice), joined);
  }

  // Not every word is found: the subsets with one word fewer that are found, the most specific
  // first (fewer results, then more letters), their results taking turns.
  const subsets = subsetsOf(words).slice(0, Math.max(0, MAX_QUERIES - queries));
  const probes = await Promise.all(subsets.map((subset) => search(subset, PROBE)));
  const found = subsets
    .map((subset, i) => ({ words: subset, probe: probes[i]!, count: probes[i]!.length, letters: subset.join('').length }))
    .filter((f) => namesAll(f.words, f.probe));
  if (found.length === 0) return outcome(ranked(data, words, rankQuery, choice), words);
  found.sort((a, b) => a.count - b.count || b.letters - a.letters);
  const lists = await Promise.all(found.map((f) => search(f.words, shownCount)));
  const partial = found.map((f) => shown(f.words, corrected ?? query)).join(' / ');
  return outcome(ranked(takeTurns(lists), words, rankQuery, choice), found.length === 1 ? found[0]!.words : undefined, partial);
}

/** The lists merged, the first of each, then the second of each, …; a page once. */
export function takeTurns(lists: readonly (readonly PagefindData[])[]): PagefindData[] {
  const seen = new Set<string>();
  const merged: PagefindData[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const list of lists) {
      const item = list[i];
      if (item && !seen.has(item.url)) {
        seen.add(item.url);
        merged.push(item);
      }
    }
  }
  return merged;
}
