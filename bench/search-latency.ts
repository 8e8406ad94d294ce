/**
 * Search latency in Chromium (bench/README.md, d): the built site served by
 * tests/support/serve.ts, `/suche/` in Chromium; the time from the last keystroke until the live
 * region (#search-status) reports the result for that query, with and without the script's
 * debounce, the requests each query made, and the time to the first results on a cold page load.
 * `npm run bench` calls `measureSearch`; run alone it compares builds, interleaved, round by round:
 *
 *   node bench/search-latency.ts <dist-a> [<dist-b> …] [--rounds 2]
 *
 * (each build's `dist/` folder; its figures are printed per build and side by side).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../tests/support/browser.ts';
import { serve, type ServedSite } from '../tests/support/serve.ts';

// Several words between single ones, so that a status line of one is never taken for the next.
export const QUERIES = ['Personalausweis', 'Hund Steuer', 'Sperrmüll', 'Ausweis sofort', 'Kennzeichen', 'Oma Pflege', 'Standesamt', 'Hundesteuer', 'Wohngeld', 'Perso', 'Bauantrag', 'Trauung', 'Schein', 'Fürherschein', 'Meldebeschenigung', 'Sozialammt'];
export const COLD_QUERY = 'Personalausweis';
export const KEY_DELAY_MS = 50;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const max = (xs: readonly number[]) => Math.max(...xs);
const millis = (ms: number) => `${Math.round(ms)} ms`;

/** What is open while a measurement runs, so that a stopped benchmark can close it. */
export interface Open {
  browser?: Browser | undefined;
  server?: ServedSite | undefined;
}

/**
 * Runs in the page before its own script. Records the last `input` event (the last keystroke),
 * when the search script's debounce timer fires (any timer set while an `input` event is being
 * dispatched), and when #search-status first reports the outcome for the query in
 * `__bench.query` (or the page's `?q=`): "N Treffer für „q“" or "Keine Treffer für „q“", built
 * from the page's own message templates (data-labels), so it follows the interface language.
 */
export function instrument(): void {
  interface Bench {
    query?: string;
    lastInput?: number;
    debounceFired?: number;
    debounceDelay?: number;
    matchedAt?: number;
    status?: string;
  }
  const w = window as unknown as { __bench: Bench };
  w.__bench = {};
  let inInput = false;
  addEventListener('input', () => {
    inInput = true;
    w.__bench.lastInput = performance.now();
  }, true);
  addEventListener('input', () => {
    inInput = false;
  });
  const original = window.setTimeout.bind(window);
  const patched = (handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
    if (inInput && typeof handler === 'function') {
      w.__bench.debounceDelay = delay ?? 0;
      const fire = handler as (...a: unknown[]) => void;
      return original((...a: unknown[]) => {
        w.__bench.debounceFired = performance.now();
        fire(...a);
      }, delay, ...rest);
    }
    return original(handler, delay, ...rest);
  };
  window.setTimeout = patched as typeof window.setTimeout;

  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patternFor = (query: string): RegExp | null => {
    const form = document.getElementById('search-form');
    if (!form) return null;
    const labels = JSON.parse(form.dataset.labels ?? '{}') as Record<string, string>;
    const templates = ['countOne', 'countMany', 'none', 'corrected', 'partial'].map((k) => labels[k]).filter((t): t is string => Boolean(t));
    if (templates.length === 0) return new RegExp(`[„“"]${escape(query)}[“”"]`);
    const alternatives = templates.map((t) =>
      escape(t).replace('\\{count\\}', '\\d+').replace('\\{query\\}', escape(query)).replace('\\{typed\\}', escape(query)).replace('\\{corrected\\}', '.+').replace('\\{words\\}', '.+'),
    );
    return new RegExp(`^(?:${alternatives.join('|')})`);
  };
  const check = () => {
    const bench = w.__bench;
    if (bench.matchedAt !== undefined) return;
    const query = bench.query ?? new URLSearchParams(location.search).get('q');
    const status = document.getElementById('search-status');
    if (!query || !status) return;
    const text = status.textContent ?? '';
    if (patternFor(query)?.test(text)) {
      bench.matchedAt = performance.now();
      bench.status = text;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

export interface Sample {
  query: string;
  round: number;
  /** From the last keystroke to the status line reporting the result (what a citizen waits). */
  totalMs: number;
  /** From the debounce timer firing to the status line: Pagefind search, result data, render. */
  afterDebounceMs: number;
  /** Requests from the first keystroke to the result, by kind: Pagefind's fragments, index and filter chunks, the word list, others. */
  requests: Record<string, number>;
  status: string;
}

export interface SearchFigures {
  notices: number;
  debounceMs: number;
  samples: Sample[];
  totalMedian: number;
  totalMax: number;
  afterDebounceMedian: number;
  afterDebounceMax: number;
  cold: { ms: number; requests: number; bytes: number }[];
  coldMedian: number;
}

async function readBench(page: Page) {
  return page.evaluate(() => (window as unknown as { __bench: Record<string, number | string | undefined> }).__bench);
}

/** What a request of the search page is: a Pagefind fragment, index or filter chunk, the word list, or another file. */
export function requestKind(url: string): string {
  const name = new URL(url).pathname;
  if (name.endsWith('.pf_fragment')) return 'fragment';
  if (name.endsWith('.pf_index')) return 'index';
  if (name.endsWith('.pf_filter')) return 'filter';
  if (name.endsWith('aushang-words.txt')) return 'words';
  return 'other';
}

const describeRequests = (requests: Record<string, number>) =>
  Object.entries(requests).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'no requests';

export async function measureSearch(dist: string, notices: number, log: (line: string) => void = console.log, open: Open = {}): Promise<SearchFigures> {
  const server = (open.server = await serve(dist));
  const browser = (open.browser = await launchBrowser());
  const searchUrl = new URL('suche/', server.url).href;

  // Cold: a fresh context (empty cache) per load; from navigation start to the reported result.
  const cold: SearchFigures['cold'] = [];
  for (let i = 0; i < 3; i++) {
    const page = await newPage(browser);
    await page.addInitScript(instrument);
    let requests = 0;
    let bytes = 0;
    page.on('response', (response) => {
      requests++;
      bytes += Number(response.headers()['content-length'] ?? 0);
    });
    await page.goto(`${searchUrl}?q=${encodeURIComponent(COLD_QUERY)}`);
    await page.waitForFunction(() => (window as unknown as { __bench: { matchedAt?: number } }).__bench.matchedAt !== undefined, null, { timeout: 60_000 });
    const bench = await readBench(page);
    cold.push({ ms: Number(bench.matchedAt), requests, bytes });
    await page.close();
  }
  log(`    cold load of /suche/?q=${COLD_QUERY}: ${cold.map((c) => millis(c.ms)).join(', ')}`);

  // Typing: one page, each query typed twice (the second time Pagefind has its chunks cached).
  const page = await newPage(browser);
  await page.addInitScript(instrument);
  let requests: Record<string, number> = {};
  page.on('request', (request) => {
    const kind = requestKind(request.url());
    requests[kind] = (requests[kind] ?? 0) + 1;
  });
  await page.goto(searchUrl);
  const prompt = await page.evaluate(() => JSON.parse(document.getElementById('search-form')?.dataset.labels ?? '{}').prompt as string | undefined);
  await page.waitForFunction((text) => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return text ? status === text : !/…/.test(status);
  }, prompt, { timeout: 60_000 });
  const samples: Sample[] = [];
  let debounceMs = NaN;
  for (const round of [1, 2]) {
    for (const query of QUERIES) {
      await page.fill('#q', '');
      await page.waitForTimeout(400);
      await page.evaluate((q) => {
        (window as unknown as { __bench: Record<string, unknown> }).__bench = { query: q };
      }, query);
      await page.click('#q');
      requests = {};
      await page.keyboard.type(query, { delay: KEY_DELAY_MS });
      await page.waitForFunction(() => (window as unknown as { __bench: { matchedAt?: number } }).__bench.matchedAt !== undefined, null, { timeout: 30_000 });
      const b = await readBench(page);
      const matchedAt = Number(b.matchedAt);
      debounceMs = Number(b.debounceDelay);
      const sample: Sample = {
        query,
        round,
        totalMs: matchedAt - Number(b.lastInput),
        afterDebounceMs: matchedAt - Number(b.debounceFired),
        status: String(b.status),
        requests,
      };
      samples.push(sample);
      log(`    ${round === 1 ? 'first ' : 'repeat'} ${query.padEnd(16)} ${millis(sample.totalMs).padStart(7)} (${millis(sample.afterDebounceMs)} after the debounce; ${describeRequests(sample.requests)})  ${sample.status}`);
    }
  }
  await page.close();
  await browser.close();
  open.browser = undefined;
  await server.close();
  open.server = undefined;
  const totals = samples.map((s) => s.totalMs);
  const after = samples.map((s) => s.afterDebounceMs);
  return {
    notices,
    debounceMs,
    samples,
    totalMedian: median(totals),
    totalMax: max(totals),
    afterDebounceMedian: median(after),
    afterDebounceMax: max(after),
    cold,
    coldMedian: median(cold.map((c) => c.ms)),
  };
}


/** Figures of one or more runs of a build, as one line. */
function summary(runs: readonly SearchFigures[]): string {
  const samples = runs.flatMap((r) => r.samples);
  const totals = samples.map((s) => s.totalMs);
  const first = samples.filter((s) => s.round === 1).map((s) => s.totalMs);
  const repeated = samples.filter((s) => s.round === 2).map((s) => s.totalMs);
  const fragments = samples.map((s) => s.requests.fragment ?? 0);
  return [
    `last key → result median ${millis(median(totals))}, max ${millis(max(totals))}`,
    `first typed median ${millis(median(first))} (max ${millis(max(first))}), repeated median ${millis(median(repeated))} (max ${millis(max(repeated))})`,
    `after the debounce median ${millis(median(samples.map((s) => s.afterDebounceMs)))}`,
    `fragments per query median ${median(fragments)}, max ${max(fragments)}`,
    `cold load median ${millis(median(runs.flatMap((r) => r.cold.map((c) => c.ms))))}`,
  ].join('; ');
}

/** Compares builds, interleaved: each round measures every build once, in turn. */
async function compare(dists: readonly string[], rounds: number): Promise<void> {
  const runs = new Map<string, SearchFigures[]>(dists.map((d) => [d, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const dist of dists) {
      console.log(`\nround ${round}: ${dist}`);
      runs.get(dist)!.push(await measureSearch(dist, 0));
    }
  }
  console.log('');
  for (const [dist, figures] of runs) console.log(`${dist}: ${summary(figures)}`);
  if (dists.length === 2) {
    const [a, b] = dists.map((d) => runs.get(d)!.flatMap((r) => r.samples.map((s) => s.totalMs)));
    console.log(`ratio ${dists[1]} / ${dists[0]}: median ${(median(b!) / median(a!)).toFixed(2)} ×, max ${(max(b!) / max(a!)).toFixed(2)} ×`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values, positionals } = parseArgs({ options: { rounds: { type: 'string', default: '1' } }, allowPositionals: true });
  if (positionals.length === 0) throw new Error('usage: node bench/search-latency.ts <dist> [<dist> …] [--rounds N]');
  await compare(positionals.map((d) => path.resolve(d)), Number(values.rounds));
}
