/**
 * The search index fed while Astro renders (src/cli/search-feed.ts, src/cli/rendered-pages.ts):
 * pages reach Pagefind in sorted order whatever order they are rendered in, and the index is
 * the one the build after Astro makes — also when the prediction was wrong (then it is made afresh).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { listFiles } from '../../../src/hosting/write.ts';
import { fileOfRequest, inRenderOrder, pageBatches, renderFirst } from '../../../src/cli/rendered-pages.ts';
import { indexedPages, InOrder, SearchFeed } from '../../../src/cli/search-feed.ts';
import { indexedRoutes, inSearch } from '../../../src/model/routes.ts';
import { buildSearchIndex, indexedPart } from '../../../src/cli/search-index.ts';

describe('pages released in the expected order', () => {
  test('a page waits until every page before it has arrived', () => {
    const order = new InOrder(['a', 'b', 'c', 'd']);
    expect(order.arrive('c', 'C')).toEqual([]);
    expect(order.arrive('b', 'B')).toEqual([]);
    expect(order.arrive('a', 'A')).toEqual([
      { file: 'a', part: 'A' },
      { file: 'b', part: 'B' },
      { file: 'c', part: 'C' },
    ]);
    expect(order.complete).toBe(false);
    expect(order.arrive('d', 'D')).toEqual([{ file: 'd', part: 'D' }]);
    expect(order.complete).toBe(true);
    expect(order.size).toBe(4);
    expect(order.spoiled).toBeUndefined();
  });

  test('a page not expected, or arriving twice, spoils the sequence and nothing more is released', () => {
    const unexpected = new InOrder(['a', 'b']);
    expect(unexpected.arrive('x', 'X')).toEqual([]);
    expect(unexpected.arrive('a', 'A')).toEqual([]);
    expect(unexpected.spoiled).toBe('x was not expected');
    const twice = new InOrder(['a', 'b', 'c']);
    twice.arrive('a', 'A');
    twice.arrive('c', 'C');
    expect(twice.arrive('c', 'C')).toEqual([]);
    expect(twice.spoiled).toBe('c arrived twice');
    expect(twice.arrive('b', 'B')).toEqual([]);
  });
});

describe('the pages the model says will be indexed', () => {
  const site = {
    towns: [
      { slug: 'werl', services: [{ slug: 'buergerbuero' }, { slug: 'standesamt' }] },
      { slug: 'ense', services: [{ slug: 'jugendamt' }] },
    ],
    incidents: [{ slug: 'stromausfall' }],
  };

  test('one rule: the routes of the towns, their services and the incidents; the layout asks it for each page', () => {
    expect(indexedRoutes(site)).toEqual(['/werl/', '/werl/buergerbuero/', '/werl/standesamt/', '/ense/', '/ense/jugendamt/', '/stoerungen/stromausfall/']);
    for (const route of indexedRoutes(site)) expect(inSearch(site, route), route).toBe(true);
    // The home page, the printable notice, the incidents' list, A–Z, a page of its own, the search page: not in the search.
    for (const route of ['/', '/werl/aushang/', '/stoerungen/', '/anliegen/', '/impressum/', '/suche/', '/werl/buergerbuero']) expect(inSearch(site, route), route).toBe(false);
  });

  test('towns, their services and the incidents, as Astro writes them, sorted by their bytes as listFiles sorts', () => {
    expect(indexedPages(site)).toEqual([
      'ense/index.html',
      'ense/jugendamt/index.html',
      'stoerungen/stromausfall/index.html',
      'werl/buergerbuero/index.html',
      'werl/index.html',
      'werl/standesamt/index.html',
    ]);
  });
});

describe('what Astro renders, seen as files', () => {
  test("a request's folder below the base is the file Astro writes; other paths none", () => {
    expect(fileOfRequest('http://localhost/werl/', '/')).toBe('werl/index.html');
    expect(fileOfRequest('http://localhost/notfall/werl/b%C3%BCrgerb%C3%BCro/', '/notfall')).toBe('werl/bürgerbüro/index.html');
    expect(fileOfRequest('http://localhost/notfall/werl/', '/notfall/')).toBe('werl/index.html');
    expect(fileOfRequest('http://localhost/feed.xml', '/')).toBeUndefined();
    expect(fileOfRequest('http://localhost/werl/', '/notfall/')).toBeUndefined();
  });

  const page = (pathname: string, type = 'page') => ({ pathname, route: { type } });

  test('the expected pages are rendered first, in their order; the rest keeps its order', () => {
    const paths = [page('/'), page('/werl/standesamt'), page('/feed.xml', 'endpoint'), page('/werl'), page('/werl/buergerbuero')];
    const first = ['werl/buergerbuero/index.html', 'werl/index.html', 'werl/standesamt/index.html'];
    expect(renderFirst(paths, first).map((p) => p.pathname)).toEqual(['/werl/buergerbuero', '/werl', '/werl/standesamt', '/', '/feed.xml']);
  });

  test("Astro's listing in either shape (7.3: an array; 7.4: { paths, metadata }) keeps its shape; another shape is left as it came", () => {
    const paths = [page('/'), page('/werl')];
    const first = ['werl/index.html'];
    expect(inRenderOrder(paths, first).map((p) => p.pathname)).toEqual(['/werl', '/']);
    const metadata = { staticImages: [] };
    expect(inRenderOrder({ paths, metadata }, first)).toEqual({ paths: [page('/werl'), page('/')], metadata });
    const odd = { routes: paths };
    expect(inRenderOrder(odd, first)).toBe(odd);
  });

  test('when two routes make the same path the order decides which wins, so it is left alone', () => {
    const paths = [page('/werl/standesamt'), page('/werl'), page('/werl/', 'endpoint')];
    expect(renderFirst(paths, ['werl/index.html', 'werl/standesamt/index.html'])).toEqual(paths);
  });
});

/** A small built site: pages with an indexed part, one without, and a stylesheet. */
const pages: Record<string, string> = {
  'index.html': '<html lang="de"><body><main><h1>Start</h1></main></body></html>',
  'werl/index.html': '<html lang="de"><body><main><div data-pagefind-body><h1>Werl</h1><p>Rathaus und Bürgerbüro</p></div></main></body></html>',
  'werl/buergerbuero/index.html':
    '<html lang="de"><body><main><div data-pagefind-body><h1>Bürgerbüro</h1><p>Personalausweis beantragen</p><span data-pagefind-filter="Ort">Werl</span></div></main></body></html>',
  'werl/standesamt/index.html': '<html lang="de"><body><main><div data-pagefind-body><h1>Standesamt</h1><p>Eheschließung und Geburtsurkunde</p></div></main></body></html>',
  'ense/index.html': '<html lang="de"><body><main><div data-pagefind-body><h1>Ense</h1><p>Gemeindeverwaltung</p></div></main></body></html>',
  'style.css': 'body { color: black }',
};
const indexed = Object.keys(pages).filter((file) => indexedPart(pages[file]!) !== undefined);

describe('the index fed while pages are rendered', () => {
  let parent: string;
  let reference: Map<string, Buffer>;
  let referenceHashes: Awaited<ReturnType<typeof buildSearchIndex>>;

  /** A fresh copy of the site. */
  function site(name: string): string {
    const dir = path.join(parent, name);
    for (const [file, text] of Object.entries(pages)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }

  async function files(dir: string): Promise<Map<string, Buffer>> {
    return new Map((await listFiles(dir)).map((file) => [file, readFileSync(path.join(dir, file))]));
  }

  /**
   * Feeds a copy with `offers` in that order, expecting the sorted indexed pages. `early`: the
   * folder is named before the pages come (`into`, as the build does), so the index may be
   * written before `finish`.
   */
  async function fed(name: string, offers: [string, string][], expected = [...indexed].sort(), early = false) {
    const dir = site(name);
    const feed = new SearchFeed('de');
    feed.expect(expected);
    if (early) feed.into(dir);
    for (const [file, part] of offers) feed.offer(file, part);
    const hashes = await feed.finish(dir);
    return { dir, hashes, outcome: feed.outcome };
  }

  const offer = (file: string): [string, string] => [file, indexedPart(pages[file]!)!];

  beforeAll(async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'aushang-feed-'));
    const dir = site('reference');
    referenceHashes = await buildSearchIndex(dir, 'de');
    reference = await files(dir);
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  test('precondition: the index has several pages, in an order not that of rendering', () => {
    expect(indexed).toHaveLength(4);
    expect([...reference.keys()].filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(5);
  });

  test('pages offered in any order give the same files and the same page hashes as indexing after the build', async () => {
    const { dir, hashes, outcome } = await fed('shuffled', ['werl/standesamt/index.html', 'ense/index.html', 'werl/index.html', 'werl/buergerbuero/index.html'].map(offer));
    expect(outcome).toEqual({ fed: true });
    expect(hashes).toEqual(referenceHashes);
    expect(await files(dir)).toEqual(reference);
  });

  test('with the folder named first, the index is written before finish, and the same', async () => {
    const dir = site('early');
    const feed = new SearchFeed('de');
    feed.expect([...indexed].sort());
    feed.into(dir);
    for (const file of indexed) feed.offer(...offer(file));
    const entry = path.join(dir, 'pagefind', 'pagefind-entry.json');
    for (let tries = 0; tries < 200 && !existsSync(entry); tries++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(existsSync(entry)).toBe(true);
    const hashes = await feed.finish(dir);
    expect(feed.outcome).toEqual({ fed: true });
    expect(hashes).toEqual(referenceHashes);
    expect(await files(dir)).toEqual(reference);
  });

  test('above its page limit, the index is written only in finish, and the same', async () => {
    const dir = site('late');
    const feed = new SearchFeed('de', indexed.length - 1);
    feed.expect([...indexed].sort());
    feed.into(dir);
    for (const file of indexed) feed.offer(...offer(file));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(path.join(dir, 'pagefind'))).toBe(false);
    const hashes = await feed.finish(dir);
    expect(feed.outcome).toEqual({ fed: true });
    expect(hashes).toEqual(referenceHashes);
    expect(await files(dir)).toEqual(reference);
  });

  test('the folder is the one finish gets', () => {
    const feed = new SearchFeed('de');
    feed.into(path.join(parent, 'one'));
    expect(() => feed.into(path.join(parent, 'other'))).toThrow(/not .*other/);
  });

  type Fed = (name: string, offers: [string, string][], expected?: string[]) => ReturnType<typeof fed>;
  const wrongWith = (feedWith: Fed, suffix: string): [string, () => ReturnType<typeof fed>][] => [
    ['a page never offered', () => feedWith(`missing${suffix}`, ['ense/index.html', 'werl/buergerbuero/index.html', 'werl/index.html'].map(offer))],
    ['a part other than the file on disk', () => feedWith(`other-bytes${suffix}`, [...indexed.map(offer).filter(([file]) => file !== 'werl/index.html'), ['werl/index.html', '<html lang="de"><body><div data-pagefind-body>Werl</div></body></html>']])],
    ['a page offered twice', () => feedWith(`twice${suffix}`, [...indexed.map(offer), offer('ense/index.html')])],
    ['a page not expected', () => feedWith(`unexpected${suffix}`, [...indexed.map(offer), ['werl/alt/index.html', '<html><body><div data-pagefind-body>alt</div></body></html>']])],
    ['a page expected that the build did not write', () => feedWith(`not-written${suffix}`, [...indexed.map(offer), ['zz/index.html', '<html><body><div data-pagefind-body>zz</div></body></html>']], [...indexed, 'zz/index.html'].sort())],
    ['a built page with an indexed part that was not expected', () => feedWith(`not-predicted${suffix}`, indexed.filter((file) => file !== 'ense/index.html').map(offer), indexed.filter((file) => file !== 'ense/index.html').sort())],
  ];
  const wrong = wrongWith(fed, '');
  test.each(wrong)('%s: the fed index is thrown away and the site indexed afresh, the same as after the build', async (_, run) => {
    const { dir, hashes, outcome } = await run();
    expect(outcome?.fed).toBe(false);
    expect(hashes).toEqual(referenceHashes);
    expect(await files(dir)).toEqual(reference);
  });

  // With the folder named first, a page offered twice or unexpected comes after the index was
  // complete and its writing had begun: that index is thrown away just the same.
  const wrongEarly = wrongWith((name, offers, expected) => fed(name, offers, expected, true), '-early');
  test.each(wrongEarly)('%s, the folder named first: the index is thrown away and the site indexed afresh', async (_, run) => {
    const { dir, hashes, outcome } = await run();
    expect(outcome?.fed).toBe(false);
    expect(hashes).toEqual(referenceHashes);
    expect(await files(dir)).toEqual(reference);
  });

  test('a pagefind/ folder already in the site (from public/) is kept, and the index written into it as before', async () => {
    const dir = site('public-folder');
    mkdirSync(path.join(dir, 'pagefind'));
    writeFileSync(path.join(dir, 'pagefind', 'eigen.txt'), 'aus public/');
    const before = site('public-reference');
    cpSync(path.join(dir, 'pagefind'), path.join(before, 'pagefind'), { recursive: true });
    await buildSearchIndex(before, 'de');
    const feed = new SearchFeed('de');
    feed.expect([...indexed].sort());
    for (const file of indexed) feed.offer(...offer(file));
    await feed.finish(dir);
    expect(feed.outcome).toEqual({ fed: true });
    expect(await files(dir)).toEqual(await files(before));
  });
});

describe('rendered pages handed on a batch at a time (pageBatches)', () => {
  test('a batch goes when its parts are long enough, after a while, or when flushed; in order, none empty', () => {
    vi.useFakeTimers();
    try {
      const sent: string[][] = [];
      const batches = pageBatches((pages) => sent.push(pages.map((p) => p.file)), { maxChars: 10, maxWaitMs: 50 });
      batches.add('a', '1234');
      batches.add('b', '1234');
      expect(sent).toEqual([]);
      batches.add('c', '12');
      expect(sent).toEqual([['a', 'b', 'c']]);
      batches.add('d', '1');
      vi.advanceTimersByTime(49);
      expect(sent).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(sent).toEqual([['a', 'b', 'c'], ['d']]);
      batches.add('e', '1');
      batches.flush();
      batches.flush();
      expect(sent).toEqual([['a', 'b', 'c'], ['d'], ['e']]);
      vi.advanceTimersByTime(100);
      expect(sent).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
