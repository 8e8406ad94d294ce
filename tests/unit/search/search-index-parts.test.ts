/**
 * The search index written in parts (src/cli/search-index.ts `buildSearchIndex` with `parts`,
 * src/model/search-parts.ts), with the real Pagefind on a small built site of three towns:
 * the parts' folders, what a further part keeps, the merging script, and a build that fails
 * when the pages do not make the parts the search page names.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildSearchIndex, SearchIndexError } from '../../../src/cli/search-index.ts';
import { SEARCH_PART_PAGES_VARIABLE } from '../../../src/model/search-parts.ts';
import { WORD_LIST_PATH } from '../../../src/vocabulary/wordlist.ts';

const made: string[] = [];

/** A built page with an indexed part (as the layout writes it), or without (`indexed: false`). */
function page(title: string, town: string, indexed = true): string {
  const body = `<h1>${title}</h1><p>Wasser Strom ${town} Bürgerbüro ${title}</p><span data-pagefind-filter="town">${town}</span>`;
  return `<!doctype html><html lang="de"><head><title>${title}</title></head><body><main>${indexed ? `<div data-pagefind-body>${body}</div>` : body}</main></body></html>`;
}

/** A site of three towns (3, 4 and 2 services), an incident and two pages outside the search. */
function site(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aushang-parts-index-'));
  made.push(dir);
  const write = (file: string, html: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  };
  for (const [town, services] of [['ense', 3], ['soest', 4], ['werl', 2]] as const) {
    write(`${town}/index.html`, page(town, town));
    for (let i = 0; i < services; i++) write(`${town}/dienst-${i}/index.html`, page(`Dienst ${i}`, town));
    write(`${town}/aushang/index.html`, page('Aushang', town, false));
  }
  write('stoerungen/sturm/index.html', page('Sturm', 'Ense'));
  write('index.html', page('Start', '', false));
  return dir;
}

const entry = (dir: string, folder: string) => JSON.parse(readFileSync(path.join(dir, folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
const pageCount = (dir: string, folder: string) => Object.values(entry(dir, folder).languages).reduce((sum, l) => sum + l.page_count, 0);

beforeEach(() => void (process.env[SEARCH_PART_PAGES_VARIABLE] = '6'));
afterEach(() => void delete process.env[SEARCH_PART_PAGES_VARIABLE]);
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the search index in parts', () => {
  test('each part in its folder with its pages; a further part keeps what mergeIndex reads; the merging script and one word list', async () => {
    const dir = site();
    // 6 a part: the incident and Ense (1 + 4), Soest (5), Werl (3).
    const hashes = await buildSearchIndex(dir, 'de', 3);
    expect([pageCount(dir, 'pagefind'), pageCount(dir, 'pagefind_2'), pageCount(dir, 'pagefind_3')]).toEqual([5, 5, 3]);
    for (const folder of ['pagefind_2', 'pagefind_3']) {
      expect(readdirSync(path.join(dir, folder)).filter((name) => !/^pagefind\.de_[0-9a-f]+\.pf_meta$/.test(name)).sort(), folder).toEqual(['filter', 'fragment', 'index', 'pagefind-entry.json']);
    }
    expect(existsSync(path.join(dir, 'pagefind/pagefind.js'))).toBe(true);
    expect(readFileSync(path.join(dir, 'pagefind/aushang-parts.js'), 'utf8')).toContain('const parts = ["pagefind_2","pagefind_3"];');
    expect(readFileSync(path.join(dir, WORD_LIST_PATH), 'utf8')).toContain('bürgerbüro');
    expect(existsSync(path.join(dir, 'pagefind_2', WORD_LIST_PATH.split('/').at(-1)!))).toBe(false);
    // Every page read once for the manifest, those outside the search too.
    expect(hashes.size).toBe(17);
  });

  test('the same parts built twice', async () => {
    const [a, b] = [site(), site()];
    await buildSearchIndex(a, 'de', 3);
    await buildSearchIndex(b, 'de', 3);
    for (const folder of ['pagefind', 'pagefind_2', 'pagefind_3']) expect(entry(a, folder), folder).toEqual(entry(b, folder));
  });

  test('the pages make other parts than the search page names: the build fails', async () => {
    await expect(buildSearchIndex(site(), 'de', 2)).rejects.toThrow(new SearchIndexError('Search index: the pages make 3 parts, the search page names 2.'));
    await expect(buildSearchIndex(site(), 'de')).rejects.toThrow(new SearchIndexError('Search index: the pages make 3 parts, the search page names 1.'));
  });

  test('at or under the limit: one index in pagefind/, no further part, no merging script', async () => {
    process.env[SEARCH_PART_PAGES_VARIABLE] = '13';
    const dir = site();
    await buildSearchIndex(dir, 'de');
    expect(pageCount(dir, 'pagefind')).toBe(13);
    expect(existsSync(path.join(dir, 'pagefind_2'))).toBe(false);
    expect(existsSync(path.join(dir, 'pagefind/aushang-parts.js'))).toBe(false);
  });
});
