/**
 * `pagefind/aushang-parts.js`: for a search index in parts (src/model/search-parts.ts), the
 * module the search page loads instead of `pagefind.js` (its `data-bundle`). It is Pagefind's
 * own module with two functions wrapped: `options` remembers what the page chose, and `init`
 * merges the further parts (`pagefind_2/`, …) into the first with Pagefind's `mergeIndex`,
 * with the same `baseUrl` and `metaCacheTag` (so the service worker and the browser's cache
 * hold their entry files as the first part's). Pagefind then searches every part at once and
 * returns one result list; its filters (town, status) apply in every part.
 *
 * The search page's own script (src/scripts/search.ts) is the same with or without parts, and
 * so is every byte of a site in one part: only a site in parts has this file.
 * The parts are found relative to this file, so it does not depend on the base path.
 */

/** Pagefind's options passed on to each merged part (the others are the first instance's alone). */
const MERGED_OPTIONS = ['baseUrl', 'metaCacheTag'] as const;

/** The module's text, for the further parts' folders (`furtherPartFolders`). */
export function searchPartsScript(folders: readonly string[]): string {
  return [
    '// Written by the Aushang build (src/hosting/search-parts-script.ts): Pagefind with the',
    "// search index's further parts merged in.",
    "import * as pagefind from './pagefind.js';",
    "export * from './pagefind.js';",
    `const parts = ${JSON.stringify(folders)};`,
    `const passed = ${JSON.stringify(MERGED_OPTIONS)};`,
    'let chosen = {};',
    'export async function options(options) {',
    '  chosen = Object.fromEntries(Object.entries(options).filter(([key]) => passed.includes(key)));',
    '  return pagefind.options(options);',
    '}',
    'export async function init() {',
    '  await pagefind.init();',
    '  await Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(`../${part}/`, import.meta.url).pathname, chosen)));',
    '}',
    '',
  ].join('\n');
}
