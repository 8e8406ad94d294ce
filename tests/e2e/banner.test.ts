/**
 * 1.2: the banner snippet of docs/banner.md, as a town's own website embeds it: on a page of
 * another origin (a second local server), under a strict Content-Security-Policy that allows
 * only the snippet's script hash and the notice site's origin, in Chromium, with and without
 * JavaScript, and accessible (axe, WCAG 2.1 AA) in each of these states: filled in, a plain
 * link without JavaScript, a plain link when the notice site cannot be reached, in English, and
 * the badge. The badge loads there as an image. The snippet is taken from the documentation
 * itself, so what the docs say is what is tested.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root } from '../support/build.ts';
import { expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';
import { API_FOLDER, API_HEADERS } from '../../src/hosting/policy.ts';

const docs = readFileSync(path.join(root, 'docs/banner.md'), 'utf8');
/** The snippet between the markers of a language, without its code fence. */
function snippet(language: 'de' | 'en'): string {
  const start = `<!-- snippet:${language}:start -->\n`;
  const block = docs.slice(docs.indexOf(start) + start.length, docs.indexOf(`<!-- snippet:${language}:end -->`));
  return block.replace(/^```html\n/, '').replace(/```\n$/, '');
}
const scriptOf = (html: string) => /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
const EXAMPLE = 'https://notfall.kreis-soest.de/';

let browser: Browser;
let site: ServedSite;
const servers: Server[] = [];

/** A server on its own port that answers every request with one body. */
async function server(handler: (url: string) => { type: string; body: string; headers?: Record<string, string> }): Promise<string> {
  const s = createServer((req, res) => {
    const { type, body, headers = {} } = handler(req.url ?? '/');
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  });
  servers.push(s);
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

/** The embedding page: the snippet with the notice site's address, under the town's own CSP. */
function page(body: string, csp: string): { type: string; body: string; headers: Record<string, string> } {
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Stadt Soest</title></head><body><main><h1>Stadt Soest</h1>${body}</main></body></html>`;
  return { type: 'text/html; charset=utf-8', body: html, headers: { 'Content-Security-Policy': csp } };
}

const strictCsp = (script: string, connect: string) => `default-src 'none'; script-src ${hashOf(script)}; connect-src ${connect}; img-src ${connect}; style-src 'none'; base-uri 'none'; form-action 'none'`;

beforeAll(async () => {
  const dist = buildOnce(path.join(root, 'content'), { SOURCE_DATE_EPOCH: '1699023600' });
  // As every host configuration does (src/hosting/policy.ts): the API may be read from any origin.
  site = await serve(dist, { headers: (sitePath) => (sitePath.startsWith(API_FOLDER) ? Object.fromEntries(API_HEADERS) : {}) });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
});

/** The embedding page's content as a browser without JavaScript has it (set by that test). */
let noScriptMain = '';
const embed = (language: 'de' | 'en', origin = site.url) => snippet(language).replaceAll(EXAMPLE, origin);
const close = (p: Page) => p.context().close();

describe('the banner snippet on another origin', () => {
  it('the documented CSP hash is the script’s, and both languages share the script', () => {
    const script = scriptOf(snippet('de'));
    expect(scriptOf(snippet('en'))).toBe(script);
    expect(docs).toContain(`script-src ${hashOf(script)}`);
    expect(snippet('de')).toContain(`${EXAMPLE}api/v1/status.json`);
  });

  it('with JavaScript: the status in words and the Stand before the link, under a strict CSP, accessible', async () => {
    const url = await server(() => page(embed('de'), strictCsp(scriptOf(snippet('de')), site.origin)));
    expect(new URL(url).origin).not.toBe(site.origin);
    const p = await newPage(browser);
    const violations: string[] = [];
    p.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await p.goto(url);
    const banner = p.getByRole('status', { name: 'Hinweis der Verwaltung' });
    await expect.poll(() => banner.getAttribute('data-status'), { timeout: 10_000 }).toBe('limited');
    expect((await banner.innerText()).replace(/\s+/g, ' ').trim()).toBe('Soest: Eingeschränkt. Stand: 03.11.2023, 14:17. Eingeschränkter Betrieb? Aktuelle Hinweise der Verwaltung');
    expect(await banner.locator('strong').innerText()).toBe('Soest: Eingeschränkt.');
    expect(await banner.getByRole('link').getAttribute('href')).toBe(`${site.url}soest/`);
    expect(violations).toEqual([]);
    await expectNoAxeViolations(p);
    await close(p);
  });

  it('without JavaScript: a plain link to the town’s page', async () => {
    const url = await server(() => page(embed('de'), strictCsp(scriptOf(snippet('de')), site.origin)));
    const p = await newPage(browser, { javaScriptEnabled: false });
    await p.goto(url);
    const banner = p.getByRole('status', { name: 'Hinweis der Verwaltung' });
    expect((await banner.innerText()).trim()).toBe('Eingeschränkter Betrieb? Aktuelle Hinweise der Verwaltung');
    expect(await banner.getAttribute('data-status')).toBeNull();
    noScriptMain = /<main>[\s\S]*<\/main>/.exec(await p.content())![0];
    await p.getByRole('link', { name: 'Eingeschränkter Betrieb? Aktuelle Hinweise der Verwaltung' }).click();
    await p.waitForURL(`${site.url}soest/`);
    expect(await p.getByRole('heading', { level: 1 }).innerText()).toContain('Soest');
    await close(p);
  });

  it('a CSP without the hash keeps the plain link: the hash is what lets it run; accessible as it is without JavaScript', async () => {
    const url = await server(() => page(embed('de'), strictCsp('something else', site.origin)));
    const p = await newPage(browser);
    await p.goto(url);
    await p.waitForTimeout(300);
    expect((await p.getByRole('status').innerText()).trim()).toBe('Eingeschränkter Betrieb? Aktuelle Hinweise der Verwaltung');
    // The very page a browser without JavaScript shows (axe needs JavaScript to run, so it checks it here).
    expect(/<main>[\s\S]*<\/main>/.exec(await p.content())![0]).toBe(noScriptMain);
    await expectNoAxeViolations(p);
    await close(p);
  });

  it('the notice site cannot be reached (down, or not there): the plain link stays, no error shows', async () => {
    const gone = await server(() => ({ type: 'text/plain', body: 'not here', headers: {} }));
    for (const address of [`${gone}/api/v1/status.json`, 'http://127.0.0.1:1/api/v1/status.json']) {
      const html = embed('de').replace(`${site.url}api/v1/status.json`, address);
      const url = await server(() => page(html, strictCsp(scriptOf(html), `${gone} http://127.0.0.1:1`)));
      const p = await newPage(browser);
      await p.goto(url);
      await p.waitForLoadState('networkidle');
      const banner = p.getByRole('status', { name: 'Hinweis der Verwaltung' });
      expect((await banner.innerText()).trim()).toBe('Eingeschränkter Betrieb? Aktuelle Hinweise der Verwaltung');
      expect(await banner.getAttribute('data-status')).toBeNull();
      expect(await banner.getByRole('link').getAttribute('href')).toBe(`${site.url}soest/`);
      await expectNoAxeViolations(p);
      await close(p);
    }
  });

  it('in English, for the whole site', async () => {
    const english = embed('en').replace(' data-town="soest"', '');
    const url = await server(() => page(english, strictCsp(scriptOf(english), site.origin)));
    const p = await newPage(browser, { locale: 'en-GB' });
    await p.goto(url);
    const banner = p.getByRole('status', { name: 'Notice from the administration' });
    await expect.poll(() => banner.getAttribute('data-status'), { timeout: 10_000 }).toBe('limited');
    expect(await banner.locator('strong').innerText()).toBe('Notfall-Informationen im Kreis Soest: Eingeschränkt.');
    expect((await banner.innerText()).replace(/\s+/g, ' ')).toContain('As of 3 Nov 2023, 14:17.');
    await expectNoAxeViolations(p);
    await close(p);
  });

  it('hidden while everything is normal, when asked to (data-hide-when-normal); a plain link without JavaScript', async () => {
    // The example's status.json with every status normal and no open incident, on a third origin.
    const real = (await (await fetch(`${site.url}api/v1/status.json`)).json()) as { status: string; incident: boolean; towns: { status: string }[] };
    const quiet = JSON.stringify({ ...real, status: 'normal', incident: false, towns: real.towns.map((t) => ({ ...t, status: 'normal' })) });
    const api = await server(() => ({ type: 'application/json; charset=utf-8', body: quiet, headers: { 'Access-Control-Allow-Origin': '*' } }));
    const html = embed('de').replace(`${site.url}api/v1/status.json`, `${api}/status.json`).replace(' data-town="soest"', ' data-town="soest" data-hide-when-normal');
    const url = await server(() => page(html, strictCsp(scriptOf(html), api)));
    const p = await newPage(browser);
    await p.goto(url);
    await expect.poll(() => p.locator('.aushang-banner').isHidden(), { timeout: 10_000 }).toBe(true);
    await close(p);
    const off = await newPage(browser, { javaScriptEnabled: false });
    await off.goto(url);
    expect(await off.getByRole('link', { name: 'Eingeschränkter Betrieb? Aktuelle Hinweise der Verwaltung' }).isVisible()).toBe(true);
    await close(off);
  });

  it('the badge loads as an image on the other origin, with the status in its title', async () => {
    const html = `<p><a href="${site.url}soest/"><img src="${site.url}soest/badge.svg" alt="Soest: aktueller Status der Verwaltung" height="20"></a></p>`;
    const url = await server(() => page(html, `default-src 'none'; img-src ${site.origin}`));
    const p = await newPage(browser);
    await p.goto(url);
    const image = p.getByRole('img', { name: 'Soest: aktueller Status der Verwaltung' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    const response = await fetch(`${site.url}soest/badge.svg`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toContain('<title id="badge-title">Soest: Eingeschränkt</title>');
    await expectNoAxeViolations(p);
    await close(p);
  });
});
