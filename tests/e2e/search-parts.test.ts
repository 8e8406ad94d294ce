/**
 * The search index in parts (issue 21, scope 5; src/model/search-parts.ts), in Chromium: the
 * example site built with the limit lowered to 15 indexed pages a part
 * (`AUSHANG_SEARCH_PART_PAGES`, meant for tests) has three parts — the incidents and the five
 * districts in `pagefind/`, Soest (18 pages) in `pagefind_2/`, Werl (12) in `pagefind_3/`. The
 * search page merges them: one query finds pages of two parts in one list, the town filter works
 * for a town of a further part, and offline the service worker answers the same search from
 * what it kept of every part.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/hosting/headers.ts';
import { parseManifest } from '../../src/hosting/manifest.ts';
import { CACHE_IMMUTABLE } from '../../src/hosting/policy.ts';
import { verifyCopy } from '../../src/hosting/verify.ts';
import { listFiles } from '../../src/hosting/write.ts';
import { searchParts, townOfPage } from '../../src/model/search-parts.ts';
import { buildOnce, buildSite, root } from '../support/build.ts';
import { launchBrowser, newPage, searchAnswered } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

let browser: Browser;
let server: ServedSite;
/** The same site in one part. */
let whole: ServedSite;
let dist: string;
let page: Page;
let context: BrowserContext;
/** Each indexed page's part, by its site path (`/soest/buergerbuero/`). */
const partOf = new Map<string, number>();
/** Every address the browser asked for. */
const requested: string[] = [];

beforeAll(async () => {
  dist = buildSite(path.join(root, 'content'), { SOURCE_DATE_EPOCH: '1699023600', AUSHANG_SEARCH_PART_PAGES: '15' });
  const pages = (await listFiles(dist)).filter((file) => file.endsWith('.html') && readFileSync(path.join(dist, file), 'utf8').includes('<div data-pagefind-body>'));
  for (const [part, files] of searchParts(pages, 15).entries()) for (const file of files) partOf.set(`/${file.replace(/index\.html$/, '')}`, part);
  server = await serve(dist);
  whole = await serve(buildOnce(path.join(root, 'content'), { SOURCE_DATE_EPOCH: '1699023600' }));
  browser = await launchBrowser();
  page = await newPage(browser);
  context = page.context();
  page.on('request', (request) => void requested.push(new URL(request.url()).pathname));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await whole?.close();
});

const url = (p: string, site: ServedSite = server) => new URL(p.replace(/^\//, ''), site.url).href;

/** The result list's pages (site paths) after a search. */
async function found(query: string, params = '', site: ServedSite = server): Promise<string[]> {
  await page.goto(url(`/suche/?q=${encodeURIComponent(query)}${params}`, site));
  await searchAnswered(page);
  return page.locator('.result h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** The parts the pages are in. */
const partsOf = (pages: readonly string[]) => [...new Set(pages.map((p) => partOf.get(p)))].sort();

describe('the search index in parts', () => {
  it('is built in three parts, a town never split, the search page loading the merging script', () => {
    expect(new Set(partOf.values())).toEqual(new Set([0, 1, 2]));
    const incidents = [...partOf].filter(([p]) => p.startsWith('/stoerungen/'));
    expect(incidents.length).toBeGreaterThan(0);
    for (const [p, part] of incidents) expect(part, p).toBe(0);
    for (const town of ['soest', 'werl']) {
      const parts = new Set([...partOf].filter(([p]) => townOfPage(p.slice(1)) === town).map(([, part]) => part));
      expect(parts.size, town).toBe(1);
    }
    expect(readFileSync(path.join(dist, 'suche/index.html'), 'utf8')).toContain('data-bundle="/pagefind/aushang-parts.js"');
  });

  it('the hosting files know the parts: the manifest lists them, verify checks them, _headers caches their chunks', async () => {
    const manifest = parseManifest(readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
    const files = await listFiles(dist);
    for (const folder of ['pagefind_2', 'pagefind_3']) {
      const inPart = manifest.files.filter((f) => f.path.startsWith(`${folder}/`)).map((f) => f.path);
      expect(inPart, folder).toEqual(files.filter((f) => f.startsWith(`${folder}/`)));
      expect(inPart, folder).toContain(`${folder}/pagefind-entry.json`);
    }
    const report = await verifyCopy({ url: server.url, against: manifest, againstFiles: files.filter((f) => f !== 'manifest.json' && f !== '_headers') });
    expect(report.problems).toEqual([]);
    expect(report.checked).toBe(manifest.files.length);
    const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
    expect(headersFor(rules, '/pagefind_3/index/de_1.pf_index').get('cache-control')).toEqual([CACHE_IMMUTABLE]);
  });

  it('one query finds pages of two parts in one list', async () => {
    await page.goto(url('/'));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const pages = await found('Personalausweis');
    expect(pages).toEqual(expect.arrayContaining(['/soest/buergerbuero/', '/werl/buergerbuero/']));
    expect(partsOf(pages)).toEqual(expect.arrayContaining([1, 2]));
    await expect(page.locator('#search-status').innerText()).resolves.toBe(`${pages.length} Treffer für „Personalausweis“`);
    // Every further part's entry file was asked for with the build's tag, as the first part's (cacheable).
    for (const folder of ['pagefind_2', 'pagefind_3']) expect(requested).toContain(`/${folder}/pagefind-entry.json`);
  });

  it('the town filter works across the parts: a town of a further part, and one of the first', async () => {
    const werl = await found('Bürgerbüro', '&ort=werl');
    expect(werl.length).toBeGreaterThan(0);
    for (const p of werl) expect(p, p).toMatch(/^\/werl\//);
    const all = await found('Kreis');
    expect(partsOf(all).length).toBeGreaterThan(1);
    const soest = await found('Bürgerbüro', '&ort=soest');
    expect(soest).toContain('/soest/buergerbuero/');
    for (const p of soest) expect(p, p).toMatch(/^\/soest\//);
  });

  it('finds what the same site finds with its index in one part, first', async () => {
    // A part that lacks a word answers it with pages of the word's longest known beginning
    // (Pagefind's way, per index); the search page ranks pages naming the word before them.
    for (const [query, params] of [['Personalausweis', ''], ['Bürgerbüro', ''], ['Standesamt', ''], ['Kreis', ''], ['Bürgerbüro', '&ort=werl'], ['Personalausweis', '&status=possible']]) {
      const one = await found(query!, params, whole);
      const inParts = await found(query!, params);
      expect(one.length, query).toBeGreaterThan(0);
      expect(inParts.slice(0, one.length).sort(), `${query}${params}`).toEqual([...one].sort());
    }
  });

  it('offline: the service worker answers the same search from every part it kept', async () => {
    // What the service worker kept of the further parts (its own cache, not the browser's).
    const kept = await page.evaluate(() => caches.open('aushang-files').then((cache) => cache.keys()).then((keys) => keys.map((r) => new URL(r.url).pathname)));
    for (const folder of ['pagefind_2', 'pagefind_3']) {
      expect(kept, folder).toContain(`/${folder}/pagefind-entry.json`);
      expect(kept.some((p) => p.startsWith(`/${folder}/index/`)), folder).toBe(true);
    }
    await context.setOffline(true);
    const pages = await found('Personalausweis');
    await expect(page.locator('.offline-note').count()).resolves.toBe(1);
    expect(pages).toEqual(expect.arrayContaining(['/soest/buergerbuero/', '/werl/buergerbuero/']));
    await context.setOffline(false);
  });
});
