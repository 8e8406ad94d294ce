/**
 * The search index in parts (issue 21, scope 5; docs/performance.md, "Issue 21, session 9").
 * Pagefind's peak memory comes in `writeFiles` and follows the pages of the index (≈ 150 KB a
 * page): 3 GB at 20,000 notices. A site with more indexed pages than `searchPartLimit()` gets
 * several indexes, written one after the other, each by its own Pagefind process that is closed
 * before the next starts, so the peak is that of the largest part. The search page merges them
 * (Pagefind's `mergeIndex`) into one result list with the same filters.
 *
 * Which page goes to which part (`searchParts`), from the pages' files alone — the build's
 * parent, which writes the index, does not load the content model; the child that renders the
 * pages asks the same rule with the files it will write (`indexedPages`), so the search page
 * and the service worker name the same parts:
 *
 * - pages that belong to no town (the incidents, `stoerungen/…`) go to the first part;
 * - then the towns in the order of their folders, a town's pages always together: a town that
 *   would take a part past the limit starts the next one (a town larger than the limit has a
 *   part of its own);
 * - within a part, pages keep the sorted order (`comparePaths`), which Pagefind numbers them by.
 *
 * A site at or under the limit has one part: the index is exactly what it was without parts.
 * Imports nothing but routes and the path order, so the build's parent and Astro's pages can use it.
 */
import { comparePaths } from '../hosting/manifest.ts';
import { indexedRoutes, routes, searchPartFolder, type IndexedSite } from './routes.ts';

/**
 * Indexed pages a part holds at most (but for a town larger than that). Pagefind's `writeFiles`
 * peaked at 0.15–0.18 MiB a page (4,000–20,000 pages), so a part of 6,000 pages peaks at ≈ 1 GB
 * beside the build's ≈ 0.1 GB; the same figure as `FEED_PAGE_LIMIT`, above which the index is
 * built after Astro anyway.
 */
export const SEARCH_PART_PAGES = 6000;

/** The variable that lowers the limit, for tests that build a small site in parts. */
export const SEARCH_PART_PAGES_VARIABLE = 'AUSHANG_SEARCH_PART_PAGES';

/** The limit: `AUSHANG_SEARCH_PART_PAGES` when it is a whole number of at least 1, else `SEARCH_PART_PAGES`. */
export function searchPartLimit(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const set = env[SEARCH_PART_PAGES_VARIABLE]?.trim() ?? '';
  return /^[1-9][0-9]*$/.test(set) ? Number(set) : SEARCH_PART_PAGES;
}

/** Astro's file for a page's route in the `directory` build format: `/werl/` → `werl/index.html`. */
export function pageFile(route: string): string {
  return `${route.replace(/^\//, '')}index.html`;
}

/** The town folder a page's file is in (`werl/buergerbuero/index.html` → `werl`), undefined for the incidents' pages and files at the root. */
export function townOfPage(file: string): string | undefined {
  const slash = file.indexOf('/');
  if (slash < 0) return undefined;
  const folder = file.slice(0, slash);
  return `/${folder}/` === routes.incidents() ? undefined : folder;
}

/** The pages by town, towns in sorted order; the pages of no town under the key undefined, first. */
function pagesByTown(files: readonly string[]): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>([[undefined, []]]);
  for (const file of [...files].sort(comparePaths)) {
    const town = townOfPage(file);
    const group = groups.get(town);
    if (group) group.push(file);
    else groups.set(town, [file]);
  }
  return groups;
}

/** The indexed pages (`files`) in parts of at most `limit` pages (but for a larger town): see the module's comment. */
export function searchParts(files: readonly string[], limit: number = searchPartLimit()): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  for (const [town, pages] of pagesByTown(files)) {
    if (town !== undefined && current.length > 0 && current.length + pages.length > limit) {
      parts.push(current);
      current = [];
    }
    current.push(...pages);
  }
  parts.push(current);
  return parts.map((part) => part.sort(comparePaths));
}

/** The files of the pages in the site's search (`indexedRoutes`), sorted as the built site's files are. */
export function indexedPages(site: IndexedSite): string[] {
  return indexedRoutes(site).map(pageFile).sort(comparePaths);
}

/** How many parts the site's search index has (1 at or under the limit). */
export function searchPartCount(site: IndexedSite, limit: number = searchPartLimit()): number {
  return searchParts(indexedPages(site), limit).length;
}

/** The folders of the further parts (`pagefind_2`, …; none for an index in one part). */
export function furtherPartFolders(parts: number): string[] {
  return Array.from({ length: Math.max(0, parts - 1) }, (_, i) => searchPartFolder(i + 1));
}
