/**
 * First contentful paint over an emulated 2G link, for `npm run bench` (section e). A built site
 * is served the way the hosting examples serve it (text compressed with gzip, as nginx's
 * `gzip on` and Apache's mod_deflate do; nothing cached), Chromium loads each page in a fresh
 * context with the network throttled through the DevTools protocol
 * (`Network.emulateNetworkConditions`: 300 ms latency, 250 kbit/s down, 250 kbit/s up), and
 * the page's own `first-contentful-paint` entry is read. Each page is loaded `runs` times; the
 * median counts.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, newPage } from '../tests/support/browser.ts';
import { contentTypeFor } from '../tests/support/serve.ts';
import { cacheControlFor } from '../src/hosting/policy.ts';

export const TWO_G = { latency: 300, downloadThroughput: 250_000 / 8, uploadThroughput: 250_000 / 8 } as const;

export interface FirstPaint {
  page: string;
  runs: number[];
  medianMs: number;
  /** Requests before the first paint's entry was read (the page and what it links). */
  requests: number;
  /** Bytes on the wire (gzip where the server compresses). */
  bytes: number;
}

const compressible = /\.(html|css|js|json|xml|svg|txt)$/;

/**
 * A static server with gzip for text, like the hosting examples. `caching`: the `Cache-Control`
 * the hosting examples send (src/hosting/policy.ts), else `no-store`.
 */
async function gzipServer(folder: string, caching = false, log?: (sitePath: string, bytes: number) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const sitePath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      let file = path.join(folder, sitePath);
      if (!file.startsWith(folder)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      const gzip = compressible.test(file) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const sent = gzip ? gzipSync(body, { level: 6 }) : body;
      response.writeHead(200, {
        'content-type': contentTypeFor(file),
        'content-length': sent.length,
        'cache-control': caching ? cacheControlFor(sitePath) : 'no-store',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(sent);
      log?.(`${sitePath}${new URL(request.url ?? '/', 'http://x').search}`, sent.length);
    })().catch(() => {
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** FCP of each page (paths relative to the site root, e.g. `arnsberg/`) over 2G. */
export async function measureFirstPaint(dist: string, pages: readonly string[], runs = 3): Promise<FirstPaint[]> {
  const server = await gzipServer(path.resolve(dist));
  const browser = await launchBrowser();
  try {
    const out: FirstPaint[] = [];
    for (const page of pages) {
      const times: number[] = [];
      let requests = 0;
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const tab = await newPage(browser);
        const cdp = await tab.context().newCDPSession(tab);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...TWO_G });
        let count = 0;
        let wire = 0;
        cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
          count++;
          wire += event.encodedDataLength;
        });
        await tab.goto(new URL(page, server.url).href, { waitUntil: 'load', timeout: 60_000 });
        const fcp = await tab.evaluate(
          () =>
            new Promise<number>((done) => {
              const read = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
              const now = read();
              if (now !== undefined) return done(now);
              new PerformanceObserver(() => {
                const later = read();
                if (later !== undefined) done(later);
              }).observe({ type: 'paint', buffered: true });
            }),
        );
        times.push(fcp);
        requests = count;
        bytes = wire;
        await tab.close();
      }
      out.push({ page, runs: times, medianMs: median(times), requests, bytes });
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One request of the search timeline: when the server answered it (ms after the submit), what, how many bytes. */
export interface TimelineEntry {
  atMs: number;
  url: string;
  bytes: number;
}

export interface SearchAnswer {
  from: string;
  query: string;
  runs: number[];
  medianMs: number;
  /** Requests that reached the server, and their bytes, between the submit and the first result (median run). */
  requests: number;
  bytes: number;
  /** Requests and bytes the focus started before the submit (the prefetch). */
  prefetchRequests: number;
  prefetchBytes: number;
  /** Every request of the median run after the submit, in the order the server answered them. */
  timeline: TimelineEntry[];
}

/**
 * How fast a citizen types on a phone, which is the time the focus prefetch has before the
 * submit: about 3 characters a second (≈ 36 words a minute, the usual figure for phone
 * keyboards). `npm run bench` also measures a submit at once (0 ms), the case without any head start.
 */
export const TYPING_DELAY_MS = 300;

/**
 * Submit → first answer over 2G: a fresh browser context (cold cache) opens `from` (a page with
 * the search form), waits for it to load, focuses the search field (the page starts loading
 * the search files then), types `query` at TYPING_DELAY_MS per key and presses Enter; the time
 * runs from the Enter until the first result is shown on the search page. Served with the
 * hosting examples' caching, so what the focus loaded is in the browser's cache; requests are
 * counted where they arrive, at the server (Pagefind's worker fetches too; what the browser's
 * cache answers never arrives). Service workers are blocked: on a first visit none is
 * installed yet, and DevTools' network emulation would not slow a worker's own requests down.
 */
export async function measureSearchAnswer(dist: string, from: string, query: string, runs = 3, typingDelayMs = TYPING_DELAY_MS): Promise<SearchAnswer> {
  type Phase = 'page' | 'typing' | 'search';
  let phase = 'page' as Phase;
  let submitted = 0;
  let served: (TimelineEntry & { phase: Phase })[] = [];
  const server = await gzipServer(path.resolve(dist), true, (url, bytes) => served.push({ atMs: performance.now() - submitted, url, bytes, phase }));
  const browser = await launchBrowser();
  try {
    const measured: { ms: number; timeline: TimelineEntry[]; prefetchRequests: number; prefetchBytes: number }[] = [];
    for (let i = 0; i < runs; i++) {
      served = [];
      phase = 'page' as Phase;
      const tab = await newPage(browser, { serviceWorkers: 'block' });
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...TWO_G });
      await tab.goto(new URL(from, server.url).href, { waitUntil: 'load', timeout: 60_000 });
      phase = 'typing';
      await tab.click('input[name="q"]');
      await tab.keyboard.type(query, { delay: typingDelayMs });
      phase = 'search';
      submitted = performance.now();
      await tab.keyboard.press('Enter');
      await tab.waitForSelector('#search-results li', { timeout: 120_000 });
      const ms = performance.now() - submitted;
      await tab.close();
      const typing = served.filter((r) => r.phase === 'typing');
      const timeline = served.filter((r) => r.phase === 'search' && r.atMs <= ms).map(({ atMs, url, bytes }) => ({ atMs, url, bytes }));
      measured.push({ ms, timeline, prefetchRequests: typing.length, prefetchBytes: typing.reduce((n, r) => n + r.bytes, 0) });
    }
    const sorted = [...measured].sort((a, b) => a.ms - b.ms);
    const mid = sorted[Math.floor(sorted.length / 2)]!;
    return {
      from,
      query,
      runs: measured.map((m) => m.ms),
      medianMs: mid.ms,
      requests: mid.timeline.length,
      bytes: mid.timeline.reduce((n, r) => n + r.bytes, 0),
      prefetchRequests: mid.prefetchRequests,
      prefetchBytes: mid.prefetchBytes,
      timeline: mid.timeline,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
