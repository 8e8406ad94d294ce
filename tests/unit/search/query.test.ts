/**
 * The search page's query pipeline (src/scripts/search-query.ts), issue 20: analysis with the word
 * list, then Pagefind (here a stand-in that finds pages by their words, marking them as Pagefind
 * does), then ranking. The same pipeline against a real index: tests/build/search-eval.test.ts.
 */
import { describe, expect, test } from 'vitest';
import {
  analyseQuery,
  FIRST,
  isWholeWord,
  joinCompounds,
  MAX_QUERIES,
  namesAll,
  searchQuery,
  splitCompound,
  subsetsOf,
  takeTurns,
  wordsNamed,
  type SearchDeps,
} from '../../../src/scripts/search-query.ts';
import type { PagefindData } from '../../../src/scripts/search-results.ts';

const list = ['hundesteuer', 'steuer', 'steuern', 'bescheid', 'sozialamt', 'ausweis', 'personalausweis', 'hund', 'pflege', 'hilfe', 'schulanmeldung', 'abgeladen'];
const lexicon = new Set(list);

describe('whole words of the index', () => {
  test('a listed word, a form of one, and words too short or with digits to be listed', () => {
    expect(isWholeWord('Steuer', lexicon)).toBe(true);
    expect(isWholeWord('Hunde', lexicon)).toBe(true);
    expect(isWholeWord('Oma', lexicon)).toBe(true);
    expect(isWholeWord('B96', lexicon)).toBe(true);
    expect(isWholeWord('Sozialammt', lexicon)).toBe(false);
  });
});

describe('compounds', () => {
  test('an unknown compound is split into words of the index, fewest parts first', () => {
    expect(splitCompound('Hundesteuerbescheid', lexicon)).toEqual(['hundesteuer', 'bescheid']);
    expect(splitCompound('Pflegehilfe', lexicon)).toEqual(['pflege', 'hilfe']);
    expect(splitCompound('Hundeflugzeug', lexicon)).toEqual([]);
  });

  test('neighbouring words are joined where the index knows the compound, with a linking letter or without the -e', () => {
    expect(joinCompounds(['hund', 'steuer'], lexicon)).toEqual(['hundesteuer']);
    expect(joinCompounds(['schule', 'anmeldung'], lexicon)).toEqual(['schulanmeldung']);
    expect(joinCompounds(['oma', 'pflege'], lexicon)).toEqual(['oma', 'pflege']);
  });
});

describe('analysis', () => {
  test('a misspelt word is corrected, an unknown compound split; joined forms besides', () => {
    const { words, joined, corrections } = analyseQuery('Sozialammt Hund Steuer', lexicon, list);
    expect(words).toEqual(['sozialamt', 'hund', 'steuer']);
    expect(joined).toEqual(['sozialamt', 'hundesteuer']);
    expect([...corrections]).toEqual([['sozialammt', 'sozialamt']]);
  });

  test('among several words only one edit is corrected: two edits is more likely a word the index lacks', () => {
    expect(analyseQuery('Ausweis abgelaufen', lexicon, list).words).toEqual(['ausweis', 'abgelaufen']);
    expect(analyseQuery('Abgelaufen', lexicon, list).words).toEqual(['abgeladen']);
  });
});

const hit = (url: string, title: string, excerpt: string): PagefindData => ({ url, excerpt, meta: { title, kind: 'service', status: 'limited' } });

describe('which words the results name', () => {
  const steuern = hit('/steuern/', 'Steuern', '<mark>Hundesteuer</mark> und <mark>Steuern</mark>');
  test('every word must be marked in the first results; a known beginning is not the word', () => {
    expect(namesAll(['hundesteuer', 'steuer'], [steuern])).toBe(true);
    expect(namesAll(['hund', 'sofort'], [hit('/a/', 'A', '<mark>Hund</mark> <mark>so</mark> erreichen')])).toBe(false);
    expect(namesAll(['hund'], [])).toBe(false);
    expect(wordsNamed(['hund', 'steuer', 'oma'], steuern)).toBe(2);
  });

  test('subsets with one word fewer, the last word dropped first, at most three', () => {
    expect(subsetsOf(['hund', 'flugzeug'])).toEqual([['hund'], ['flugzeug']]);
    expect(subsetsOf(['a', 'b', 'c', 'd'])).toEqual([['a', 'b', 'c'], ['a', 'b', 'd'], ['a', 'c', 'd']]);
    expect(subsetsOf(['hund'])).toEqual([]);
  });

  test('the results of several searches take turns, each page once', () => {
    const [a, b, c] = [hit('/a/', 'A', ''), hit('/b/', 'B', ''), hit('/c/', 'C', '')];
    expect(takeTurns([[a, b], [c, a]]).map((d) => d.url)).toEqual(['/a/', '/c/', '/b/']);
  });
});

/** A stand-in for Pagefind: a page is found when every query word begins one of its words; found words are marked. */
function fakeIndex(pages: Record<string, string>): SearchDeps & { queries: string[]; wordListFetched: number; read: number } {
  const deps = {
    queries: [] as string[],
    wordListFetched: 0,
    /** Results read at most by one search (Pagefind loads a fragment for each). */
    read: 0,
    async search(query: string, count: number) {
      deps.queries.push(query);
      deps.read = Math.max(deps.read, Math.min(count, Object.keys(pages).length));
      const terms = query.toLowerCase().split(/\s+/);
      return Object.entries(pages)
        .filter(([, text]) => terms.every((t) => text.toLowerCase().split(' ').some((w) => w.startsWith(t))))
        .slice(0, count)
        .map(([url, text]) => {
          const marked = text.split(' ').map((w) => (terms.some((t) => w.toLowerCase().startsWith(t)) ? `<mark>${w}</mark>` : w)).join(' ');
          return { url, excerpt: marked, meta: { title: text.split(' ')[0]!, kind: 'service', status: 'limited' } };
        });
    },
    async words() {
      deps.wordListFetched++;
      return Object.values(pages).flatMap((t) => t.toLowerCase().split(' ')).filter((w) => w.length >= 4);
    },
  };
  return deps;
}

describe('the pipeline', () => {
  const pages = { '/steuern/': 'Steuern Hundesteuer anmelden', '/sozialamt/': 'Sozialamt Hilfe zur Pflege', '/buergerbuero/': 'Bürgerbüro Personalausweis beantragen' };

  test('a known word: one search, no word list', async () => {
    const index = fakeIndex(pages);
    const { results, corrected, partial } = await searchQuery('Sozialamt', index);
    expect(results.map((r) => r.url)).toEqual(['/sozialamt/']);
    expect([corrected, partial, index.queries, index.wordListFetched]).toEqual([undefined, undefined, ['Sozialamt'], 0]);
  });

  test('a misspelt word is corrected even though a known beginning of it finds pages', async () => {
    const index = fakeIndex({ ...pages, '/so/': 'So erreichen Sie uns' });
    const { results, corrected } = await searchQuery('Sozialammt', index);
    expect(corrected).toBe('Sozialamt');
    expect(results.map((r) => r.url)).toEqual(['/sozialamt/']);
  });

  test('several words that are found together', async () => {
    const index = fakeIndex(pages);
    const { results, partial } = await searchQuery('Hilfe Pflege', index);
    expect(results.map((r) => r.url)).toEqual(['/sozialamt/']);
    expect(partial).toBeUndefined();
    expect(index.queries).toEqual(['hilfe pflege']);
  });

  test('words joined into the compound the page has', async () => {
    const index = fakeIndex({ '/steuern/': 'Steuern Hundesteuer anmelden', '/hunde/': 'Hundewiese' });
    const { results } = await searchQuery('Hund Steuer', index);
    expect(results.map((r) => r.url)).toEqual(['/steuern/']);
  });

  test('when not every word is found: the subsets that are, and the page says which words', async () => {
    const index = fakeIndex(pages);
    const { results, partial } = await searchQuery('Oma Pflege', index);
    expect(partial).toBe('Pflege');
    expect(results.map((r) => r.url)).toEqual(['/sozialamt/']);
    expect(index.queries.length).toBeLessThanOrEqual(MAX_QUERIES);
  });

  test('searched exactly as typed: one search, nothing corrected', async () => {
    const index = fakeIndex(pages);
    const { corrected } = await searchQuery('Sozialammt', index, { exact: true });
    expect(corrected).toBeUndefined();
    expect(index.queries).toEqual(['Sozialammt']);
  });

  test('the first answer reads only the first results, decides as the full one does, and names the query it shows', async () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`/steuern-${i}/`, `Steuern${i} Hundesteuer anmelden`]));
    for (const [query, searched] of [['Hundesteuer', 'Hundesteuer'], ['Hund Steuer', 'hund steuer'], ['Hundesteuerr', 'hundesteuer']] as const) {
      const firstIndex = fakeIndex(many);
      const first = await searchQuery(query, firstIndex, { shown: FIRST });
      const full = await searchQuery(query, fakeIndex(many));
      expect(firstIndex.read, query).toBe(FIRST);
      expect(first.results.map((r) => r.url), query).toEqual(full.results.slice(0, FIRST).map((r) => r.url));
      expect([first.searched, first.corrected], query).toEqual([searched, full.corrected]);
      expect(firstIndex.queries, query).toContain(searched);
      expect(full.results.length).toBe(30);
    }
  });

  test('the first answer of a partial search names the same words and shows the first results of the full one', async () => {
    // The page shows it at once (the status line names the words, not a count), then the full list.
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`/pflege-${i}/`, `Pflege${i} Hilfe zur Pflege`]));
    const firstIndex = fakeIndex(many);
    const first = await searchQuery('Oma Pflege', firstIndex, { shown: FIRST });
    const full = await searchQuery('Oma Pflege', fakeIndex(many));
    expect(firstIndex.read).toBe(FIRST);
    expect([first.partial, first.corrected]).toEqual([full.partial, full.corrected]);
    expect(first.partial).toBe('Pflege');
    expect(first.results.map((r) => r.url)).toEqual(full.results.slice(0, FIRST).map((r) => r.url));
    expect(full.results.length).toBe(30);
  });

  test('the results of several subsets merged name no single query', async () => {
    const index = fakeIndex({ '/a/': 'Oma Rente', '/b/': 'Pflege Hilfe', '/c/': 'Oma Hilfe' });
    const { partial, searched } = await searchQuery('Oma Pflege Rente', index);
    expect(partial).toBeDefined();
    expect(partial!.includes('/')).toBe(searched === undefined);
  });

  test('with the word list at hand, a word it shows unknown is corrected without searching for the typo; the beginning of a known word is searched as typed', async () => {
    const index = fakeIndex({ ...pages, '/so/': 'So erreichen Sie uns' });
    const ready = await index.words();
    const typo = await searchQuery('Sozialammt', { ...index, loadedWords: () => ready });
    expect([typo.corrected, typo.results.map((r) => r.url), index.queries]).toEqual(['Sozialamt', ['/sozialamt/'], ['sozialamt']]);
    index.queries.length = 0;
    const begun = await searchQuery('Sozialam', { ...index, loadedWords: () => ready });
    expect([begun.corrected, begun.results.map((r) => r.url), index.queries]).toEqual([undefined, ['/sozialamt/'], ['Sozialam']]);
  });
});
