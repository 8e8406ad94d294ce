/**
 * `pagefind/aushang-parts.js` (src/hosting/search-parts-script.ts), run in Node as the module it
 * is, beside a stand-in for Pagefind's `pagefind.js` that records what it is asked. In a
 * browser against real parts: tests/e2e/search-parts.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { searchPartsScript } from '../../../src/hosting/search-parts-script.ts';
import { tempDir } from '../../support/build.ts';

/** Pagefind's module as far as the script uses it; `calls` records each call in order. */
const standIn = `
export const calls = [];
export async function options(o) { calls.push(['options', o]); }
export async function init() { calls.push(['init']); }
export async function mergeIndex(part, o) { calls.push(['mergeIndex', part, o]); }
export async function search(term, o) { calls.push(['search', term, o]); return { results: [] }; }
export async function preload(term) { calls.push(['preload', term]); }
`;

interface PartsModule {
  calls: unknown[][];
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, o?: Record<string, unknown>): Promise<unknown>;
  preload(term: string): Promise<void>;
}

async function load(folders: readonly string[]): Promise<{ site: string; module: PartsModule }> {
  const site = tempDir('aushang-parts-');
  mkdirSync(path.join(site, 'pagefind'));
  writeFileSync(path.join(site, 'pagefind/pagefind.js'), standIn);
  writeFileSync(path.join(site, 'pagefind/aushang-parts.js'), searchPartsScript(folders));
  return { site, module: (await import(pathToFileURL(path.join(site, 'pagefind/aushang-parts.js')).href)) as PartsModule };
}

describe('pagefind/aushang-parts.js', () => {
  test('init merges every further part, found beside the first, with the page\'s baseUrl and metaCacheTag', async () => {
    const { site, module } = await load(['pagefind_2', 'pagefind_3']);
    await module.options({ baseUrl: '/notfall/', noWorker: true, metaCacheTag: 'abc' });
    await module.init();
    const merged = { baseUrl: '/notfall/', metaCacheTag: 'abc' };
    expect(module.calls).toEqual([
      ['options', { baseUrl: '/notfall/', noWorker: true, metaCacheTag: 'abc' }],
      ['init'],
      ['mergeIndex', `${pathToFileURL(site).pathname}/pagefind_2/`, merged],
      ['mergeIndex', `${pathToFileURL(site).pathname}/pagefind_3/`, merged],
    ]);
  });

  test('everything else is Pagefind\'s own', async () => {
    const { module } = await load(['pagefind_2']);
    await module.search('Personalausweis', { filters: { town: 'Werl' } });
    await module.preload('Pers');
    expect(module.calls).toEqual([
      ['search', 'Personalausweis', { filters: { town: 'Werl' } }],
      ['preload', 'Pers'],
    ]);
  });
});
