/**
 * The search index in parts (src/model/search-parts.ts): which page goes to which part. The
 * build in parts and the search across them in a browser: tests/e2e/search-parts.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { comparePaths } from '../../../src/hosting/manifest.ts';
import { routes, searchPartFolder } from '../../../src/model/routes.ts';
import {
  furtherPartFolders,
  indexedPages,
  pageFile,
  SEARCH_PART_PAGES,
  searchPartCount,
  searchPartLimit,
  searchParts,
  townOfPage,
} from '../../../src/model/search-parts.ts';
import { isReservedPath } from '../../../src/schema/aliases.ts';
import { reservedRoutes } from '../../../src/schema/index.ts';
import { seededRandom } from '../../support/random.ts';

/** A site of towns with `sizes[i]` services each and `incidents` incidents. */
function site(sizes: readonly number[], incidents = 2) {
  return {
    towns: sizes.map((size, i) => ({ slug: `ort-${String.fromCharCode(97 + (i % 26))}${i}`, services: Array.from({ length: size }, (_, s) => ({ slug: `dienst-${s}` })) })),
    incidents: Array.from({ length: incidents }, (_, i) => ({ slug: `stoerung-${i}` })),
  };
}

/** Shuffled copy (a seeded generator, so a failure can be repeated). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('searchParts', () => {
  const pages = indexedPages(site([5, 12, 3, 7, 1, 9, 4]));

  test('at or under the limit: one part, the sorted pages as they are', () => {
    expect(searchParts(pages, pages.length)).toEqual([pages]);
    expect(searchParts(pages, SEARCH_PART_PAGES)).toEqual([pages]);
  });

  test('complete, no page twice, each part sorted', () => {
    for (const limit of [1, 5, 10, 13, 20]) {
      const parts = searchParts(pages, limit);
      expect(parts.flat().sort(comparePaths), `limit ${limit}`).toEqual(pages);
      for (const part of parts) expect(part, `limit ${limit}`).toEqual([...part].sort(comparePaths));
    }
  });

  test('deterministic: the same parts whatever the order the pages come in', () => {
    for (const seed of [1, 2, 3]) expect(searchParts(shuffled(pages, seed), 13)).toEqual(searchParts(pages, 13));
  });

  test('a town never split; towns in the order of their folders; the incidents in the first part', () => {
    const parts = searchParts(pages, 13);
    const partOfTown = new Map<string, number>();
    parts.forEach((part, i) => {
      for (const page of part) {
        const town = townOfPage(page);
        if (town === undefined) expect(i, page).toBe(0);
        else expect(partOfTown.get(town) ?? i, page).toBe(i);
        if (town !== undefined) partOfTown.set(town, i);
      }
    });
    const towns = [...partOfTown.keys()];
    expect(towns).toEqual([...towns].sort(comparePaths));
    expect(parts[0]!.filter((p) => p.startsWith('stoerungen/'))).toHaveLength(2);
  });

  test('at most the limit a part, but for a town larger than it, which has a part of its own', () => {
    const parts = searchParts(pages, 10);
    for (const part of parts) {
      const towns = new Set(part.map(townOfPage).filter((t) => t !== undefined));
      if (part.length > 10) expect(towns.size, part.join()).toBe(1);
    }
    // The town of 12 services (13 pages) alone; the next town starts a new part.
    expect(parts.some((part) => part.length === 13 && new Set(part.map(townOfPage)).size === 1)).toBe(true);
  });

  test('a part is filled before the next starts: the next town would not have fit', () => {
    const parts = searchParts(pages, 13);
    for (let i = 0; i + 1 < parts.length; i++) {
      const nextTown = townOfPage(parts[i + 1]![0]!);
      const nextTownPages = parts[i + 1]!.filter((p) => townOfPage(p) === nextTown).length;
      expect(parts[i]!.length + nextTownPages, `part ${i}`).toBeGreaterThan(13);
    }
  });

  test('no indexed page: one empty part', () => {
    expect(searchParts([], 10)).toEqual([[]]);
  });
});

describe('the pages and their towns', () => {
  test('a page of a town is in its folder; the incidents and files at the root belong to no town', () => {
    expect(townOfPage('werl/index.html')).toBe('werl');
    expect(townOfPage('werl/buergerbuero/index.html')).toBe('werl');
    expect(townOfPage(`${pageFile(routes.incident('sturm-2023'))}`)).toBeUndefined();
    expect(townOfPage('index.html')).toBeUndefined();
  });

  test('indexedPages: every indexed route as Astro writes it, sorted', () => {
    expect(indexedPages(site([1], 1))).toEqual(['ort-a0/dienst-0/index.html', 'ort-a0/index.html', 'stoerungen/stoerung-0/index.html']);
  });

  test('searchPartCount: from the site, as the parent counts the files', () => {
    const s = site([5, 12, 3, 7, 1, 9, 4]);
    expect(searchPartCount(s, 13)).toBe(searchParts(indexedPages(s), 13).length);
    expect(searchPartCount(s, 1000)).toBe(1);
  });
});

describe('the limit and the folders', () => {
  test('AUSHANG_SEARCH_PART_PAGES lowers the limit when it is a whole number of at least 1', () => {
    expect(searchPartLimit({})).toBe(SEARCH_PART_PAGES);
    expect(searchPartLimit({ AUSHANG_SEARCH_PART_PAGES: '15' })).toBe(15);
    for (const bad of ['', '0', '-3', '1.5', 'viele', '15 Seiten']) expect(searchPartLimit({ AUSHANG_SEARCH_PART_PAGES: bad }), bad).toBe(SEARCH_PART_PAGES);
  });

  test('the first part is pagefind/, the others its siblings pagefind_2/, … (no slug has a "_")', () => {
    expect([0, 1, 2].map(searchPartFolder)).toEqual(['pagefind', 'pagefind_2', 'pagefind_3']);
    expect(routes.searchPart(1)).toBe('/pagefind_2/');
    expect(furtherPartFolders(1)).toEqual([]);
    expect(furtherPartFolders(3)).toEqual(['pagefind_2', 'pagefind_3']);
  });

  test('the further parts\' folders are the build\'s: no alias may take them', () => {
    for (const alias of ['/pagefind_2/', '/pagefind_3/alt/', '/pagefind_12/x.html', '/PAGEFIND_2/']) expect(isReservedPath(alias, reservedRoutes), alias).toBe(true);
    for (const part of [1, 2, 9, 10, 99]) expect(isReservedPath(routes.searchPart(part), reservedRoutes), routes.searchPart(part)).toBe(true);
    for (const alias of ['/pagefind-2/', '/pagefind_/', '/soest/pagefind_2/']) expect(isReservedPath(alias, reservedRoutes), alias).toBe(false);
  });
});
