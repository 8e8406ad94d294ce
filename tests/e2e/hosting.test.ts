/**
 * The example site on a real web server: nginx with the example configs from hosting/nginx/,
 * at a domain root and below /notfall/. Every link of every page, feed and API file resolves;
 * every file comes with the policy's headers and the right MIME type; search works in Chromium
 * under the Content-Security-Policy header without a single violation; and `npm run verify`
 * tells an intact copy from an altered or incomplete one.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePath } from '../../src/hosting/manifest.ts';
import { API_FOLDER, cacheControlFor, CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/hosting/policy.ts';
import { listFiles } from '../../src/hosting/write.ts';
import { buildOnce, root, tempDir } from '../support/build.ts';
import { launchBrowser, newPage, searchAnswered } from '../support/browser.ts';
import { freePort, startNginx, testConfig, type NginxSite } from '../support/nginx.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One plain HTTP request: no redirects followed, no decompression. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

/** Follows redirects (at most 5); returns the chain of statuses and the last answer. */
async function follow(url: string): Promise<{ chain: string[]; last: Answer }> {
  const chain: string[] = [];
  let current = url;
  for (let i = 0; i < 6; i++) {
    const answer = await get(current);
    chain.push(`${answer.status} ${current}`);
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && typeof location === 'string') {
      current = new URL(location, current).href;
      continue;
    }
    return { chain, last: answer };
  }
  throw new Error(`too many redirects: ${chain.join(' → ')}`);
}

const decodeEntities = (s: string) =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * Every URL a file points to: in HTML the attributes, redirect targets and JSON-LD; in feeds,
 * the API, robots.txt and the like every absolute URL of the site. (Not URLs printed as text,
 * such as the notice's address split with <wbr>.)
 */
function linksIn(file: string, text: string, siteUrl: string): string[] {
  const origin = new URL(siteUrl).origin;
  const escaped = origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const absolute = (t: string) => [...t.matchAll(new RegExp(`${escaped}[^\\s"'<>\\\\)]*`, 'g'))].map((m) => decodeEntities(m[0]));
  if (!file.endsWith('.html')) return absolute(text);
  const links: string[] = [];
  for (const m of text.matchAll(/\s(?:href|src|action|content)="([^"]*)"/g)) {
    const value = decodeEntities(m[1]!);
    const refresh = /^\d+;\s*url=(.+)$/i.exec(value);
    if (refresh) links.push(refresh[1]!);
    else if (!m[0].startsWith(' content=')) links.push(value);
    else links.push(...absolute(value));
  }
  for (const m of text.matchAll(/\ssrcset="([^"]*)"/g)) links.push(...decodeEntities(m[1]!).split(',').map((s) => s.trim().split(/\s+/)[0]!));
  for (const m of text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) links.push(...absolute(m[1]!));
  return links;
}

/** What nginx should call each kind of file the build writes. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  // 1.2: the Atom feeds (nginx's mime.types).
  '.atom': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  // 1.2: the calendars of planned changes (a location of their own: not in every mime.types).
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};
const compressed = new Set(['.html', '.css', '.js', '.json', '.xml', '.atom', '.svg', '.txt', '.ics']);

const SOURCE_DATE_EPOCH = '1700000000';

const variants = [
  { config: 'aushang.conf', base: '/', siteUrl: 'https://notfall.example.de' },
  { config: 'aushang-notfall.conf', base: '/notfall/', siteUrl: 'https://www.example.de' },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the example configs', () => {
  it.each(variants)('$config passes nginx -t', ({ config }) => {
    expect(testConfig({ config, root: tempDir() })).toContain('test is successful');
  });
});

describe.each(variants)('nginx with hosting/nginx/$config (base $base)', ({ config, base, siteUrl }) => {
  let dist: string;
  /** The folder nginx serves the site from (root + base). */
  let served: string;
  let site: NginxSite;
  /** The site's absolute URLs (SITE_URL + base) are rewritten to nginx's address. */
  const local = (url: string) => (url.startsWith(siteUrl) ? site.origin + url.slice(siteUrl.length) : url);

  beforeAll(async () => {
    dist = buildOnce(path.join(root, 'content'), { BASE_PATH: base, SITE_URL: siteUrl, SOURCE_DATE_EPOCH });
    const www = tempDir('aushang-www-');
    served = path.join(www, base);
    cpSync(dist, served, { recursive: true });
    site = await startNginx({ config, root: www, base });
  });

  afterAll(async () => {
    await site?.stop();
  });

  it('answers every internal link of every page, feed and API file with 200 (after redirects)', async () => {
    const files = (await listFiles(dist)).filter((f) => f !== '_headers');
    const found = new Map<string, string>(); // url → where it was found
    const linked = new Set<string>();
    for (const file of files.filter((f) => /\.(html|xml|json|txt)$/.test(f))) {
      const fileUrl = `${site.url}${encodePath(file)}`;
      for (const link of linksIn(file, readFileSync(path.join(dist, file), 'utf8'), siteUrl)) {
        if (/^(mailto|tel|javascript|data):/i.test(link) || link.startsWith('#')) continue;
        const url = new URL(local(link), fileUrl);
        if (url.origin !== site.origin) continue;
        url.hash = '';
        linked.add(url.href);
        if (!found.has(url.href)) found.set(url.href, file);
      }
    }
    for (const file of files) {
      const url = `${site.url}${encodePath(file).replace(/(^|\/)index\.html$/, '$1')}`;
      if (!found.has(url)) found.set(url, '(a file of the build)');
    }
    const urls = [...found.keys()];
    // Pages, the search script, the search index, feeds (absolute URLs) and the API all link somewhere.
    expect(linked.size).toBeGreaterThan(50);
    for (const kind of [/\/assets\/.+\.js$/, /\/soest\/buergerbuero\/$/, /\/favicon\.svg$/]) {
      expect([...linked].some((u) => kind.test(u)), String(kind)).toBe(true);
    }
    const failures: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < urls.length) {
          const url = urls[next++]!;
          const { chain, last } = await follow(url);
          if (last.status !== 200) failures.push(`${chain.join(' → ')} (linked from ${found.get(url)})`);
        }
      }),
    );
    expect(failures).toEqual([]);
  });

  it('sends every file with the policy\'s headers, its MIME type and gzip where it helps', async () => {
    const problems: string[] = [];
    for (const file of (await listFiles(dist)).filter((f) => f !== '_headers')) {
      const answer = await get(`${site.url}${encodePath(file)}`, { 'accept-encoding': 'gzip' });
      const ext = path.extname(file);
      const h = answer.headers;
      const expected: Record<string, string | undefined> = {
        status: '200',
        'content-type': contentTypes[ext] ?? `(no type decided for ${ext})`,
        'cache-control': cacheControlFor(file),
        'content-encoding': compressed.has(ext) && Number(readFileSync(path.join(dist, file)).length) >= 256 ? 'gzip' : undefined,
        ...Object.fromEntries(SECURITY_HEADERS.map(([name, value]) => [name.toLowerCase(), value])),
        // Only the JSON API may be read from other origins.
        'access-control-allow-origin': file.startsWith(API_FOLDER) ? '*' : undefined,
      };
      const actual: Record<string, string | undefined> = { status: String(answer.status) };
      for (const name of Object.keys(expected)) if (name !== 'status') actual[name] = h[name] as string | undefined;
      for (const [name, value] of Object.entries(expected)) if (actual[name] !== value) problems.push(`${file}: ${name} is ${actual[name]}, expected ${value}`);
    }
    expect(problems).toEqual([]);
  });

  it('pretty URLs: a folder without its slash redirects, unknown paths get the 404 page with the headers', async () => {
    const redirect = await get(`${site.url}soest`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`${base}soest/`);
    if (base !== '/') {
      const bare = await get(`${site.origin}${base.slice(0, -1)}`);
      expect([bare.status, bare.headers.location]).toEqual([301, base]);
    }
    for (const missing of ['gibt-es-nicht/', 'soest/gibt-es-nicht', 'assets/', 'pagefind/fragment/']) {
      const answer = await get(`${site.url}${missing}`);
      expect(answer.status, missing).toBe(404);
      expect(answer.body.toString('utf8'), missing).toContain('Seite nicht gefunden');
      expect(answer.headers['content-security-policy'], missing).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['cache-control'], missing).toBe(cacheControlFor('404.html'));
    }
  });

  it('search works in Chromium under the Content-Security-Policy header, with no violation', async () => {
    const page = await newPage(browser);
    try {
      const violations: string[] = [];
      const failed: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        if (/Content Security Policy|Refused to|Pagefind web worker/i.test(text)) violations.push(`console ${message.type()}: ${text}`);
      });
      page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
      page.on('requestfailed', (req) => failed.push(`${req.url()}: ${req.failure()?.errorText}`));
      page.on('response', (res) => {
        if (res.status() >= 400) failed.push(`${res.url()}: HTTP ${res.status()}`);
      });
      await page.exposeFunction('reportViolation', (text: string) => violations.push(`securitypolicyviolation: ${text}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.effectiveDirective} ${event.blockedURI}`);
        });
      });

      const response = await page.goto(`${site.url}suche/?q=Personalausweis`);
      expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      await searchAnswered(page);
      expect(await page.locator('#search-status').innerText()).toMatch(/^\d+ Treffer für „Personalausweis“$/);
      const titles = await page.locator('.result h2').allInnerTexts();
      expect(titles).toEqual(expect.arrayContaining(['Bürgerbüro – Soest', 'Bürgerbüro – Werl']));
      // A result links to the page below the base.
      expect(await page.locator('.result a').first().getAttribute('href')).toMatch(new RegExp(`^${base}`));
      // A second search on the same page uses the loaded index.
      await page.locator('#q').fill('Kfz');
      await page.locator('#q').press('Enter');
      await searchAnswered(page, /Kfz/);
      // Pagefind runs on the page (`noWorker`, docs/performance.md "Search over 2G"), its
      // WebAssembly under 'wasm-unsafe-eval'; no worker of its own.
      expect(page.workers().map((w) => new URL(w.url()).pathname)).not.toContain(`${base}pagefind/pagefind-worker.js`);
      // The offline service worker starts under the header's worker-src 'self', at the base.
      const worker = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? ''));
      expect(new URL(worker).pathname).toBe(`${base}sw.js`);
      expect(violations).toEqual([]);
      expect(failed).toEqual([]);

      // The listener does hear violations: an inline script is refused and reported.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.body.append(script);
      });
      await expect.poll(() => violations.some((v) => v.startsWith('securitypolicyviolation: script-src-elem inline'))).toBe(true);
      expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);

      // The inlined stylesheet applies under the server's header (which leaves styles to the
      // page) and the page's own policy; any other inline style is still refused by the page's hash.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--link').trim())).not.toBe('');
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'body { display: none }';
        document.head.append(style);
      });
      await expect.poll(() => violations.some((v) => v.startsWith('securitypolicyviolation: style-src-elem inline'))).toBe(true);
      expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
    } finally {
      await page.close();
    }
  });

  it('npm run verify passes for the intact copy and names an altered and a deleted file', async () => {
    const closedPort = await freePort();
    const verify = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'src/cli/verify.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

    // Through npm once, as an operator runs it.
    const npm = spawnSync('npm', ['run', '--silent', 'verify', '--', site.url], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(npm.status, npm.stdout + npm.stderr).toBe(0);
    expect(npm.stdout).toMatch(/^Checked \d+ files of .* against its manifest\.json\.\nOK: the copy is complete and every file is identical\.\n$/);
    expect(verify(site.url, '--against', dist).status).toBe(0);

    const altered = 'soest/buergerbuero/index.html';
    const deleted = 'werl/index.html';
    try {
      appendFileSync(path.join(served, altered), '<!-- changed on the server -->');
      rmSync(path.join(served, deleted));
      for (const args of [[site.url], [site.url, '--against', dist]]) {
        const run = verify(...args);
        expect(run.status, run.stdout + run.stderr).toBe(1);
        expect(run.stdout).toContain(`  changed    ${altered}  (`);
        expect(run.stdout).toContain(`  missing    ${deleted}  (HTTP 404)`);
        expect(run.stdout).toContain('NOT OK: 2 differences (1 missing, 1 changed).');
        expect(run.stderr).toBe('');
      }
    } finally {
      cpSync(path.join(dist, altered), path.join(served, altered));
      cpSync(path.join(dist, deleted), path.join(served, deleted));
    }
    expect(verify(site.url).status).toBe(0);

    // A server that is down: one line, no stack trace.
    const down = verify(`http://127.0.0.1:${closedPort}${base}`);
    expect(down.status).toBe(1);
    expect(down.stderr).toBe(`NOT OK: cannot load http://127.0.0.1:${closedPort}${base}manifest.json: connection refused\n`);
  });
});
