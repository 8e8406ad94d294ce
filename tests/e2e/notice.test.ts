/**
 * The printable notice `/<town>/aushang/`, as a clerk prints it: Chromium prints Soest's
 * notice to an A4 PDF, poppler renders page 1 to pixels, and the QR code read from those
 * pixels must lead to the town page. Also: no QR code and no word about it without an address,
 * the address and mirrors from site.yaml, a copy below /notfall/,
 * axe, and the print rules of the other pages.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import pngjs from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root, tempDir } from '../support/build.ts';
import { collectForeignRequests, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

const content = path.join(root, 'content');
const SITE_URL = 'https://notfall.example';
/**
 * Soest (17 services, 27 tasks, 4 contacts) prints on 2 A4 pages: page 1 has the header with
 * the QR code, the contacts and 5 services, page 2 the other 12 with room to spare. One page
 * would need type below 9 pt or leaving out what the contract asks for.
 */
const SOEST_PAGES = 2;

let browser: Browser;
const servers: ServedSite[] = [];
let site: ServedSite;

beforeAll(async () => {
  site = await serve(buildOnce(content, { SITE_URL }));
  servers.push(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
});

/**
 * Closes the page's context and waits for it: `newPage` closes the context when the page
 * closes, without waiting, which can race with `browser.close()` at the end of the file.
 */
const closePage = (page: Page) => page.context().close();

const url = (server: ServedSite, sitePath: string) => new URL(sitePath.replace(/^\//, ''), server.url).href;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

interface Printed {
  pages: number;
  /** The text of page 1, as poppler extracts it. */
  text: string;
  /** The text of every page. */
  all: string;
  /** The QR code read from page 1 rendered at 150 dpi, or undefined if none was found. */
  qr: string | undefined;
}

/** Prints the page as a clerk would (A4, backgrounds on), then reads the PDF back. */
async function print(page: Page): Promise<Printed> {
  const dir = tempDir('aushang-print-');
  const pdf = path.join(dir, 'aushang.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [pdf]))?.[1]);
  const text = run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']);
  const all = run('pdftotext', [pdf, '-']);
  run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
  const png = readdirSync(dir).find((file) => /^page-0*1\.png$/.test(file));
  if (!png) throw new Error(`pdftoppm wrote no page 1 in ${dir}`);
  const image = pngjs.PNG.sync.read(readFileSync(path.join(dir, png)));
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return { pages, text, all, qr: jsQR(pixels, image.width, image.height)?.data };
}

describe('Soest’s notice, printed with SITE_URL', () => {
  let printed: Printed;

  it(`prints on at most ${SOEST_PAGES} A4 pages, with a QR code on page 1 that leads to the town page`, async () => {
    const page = await newPage(browser);
    await page.goto(url(site, '/soest/aushang/'));
    printed = await print(page);
    await closePage(page);
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(printed.pages).toBeLessThanOrEqual(SOEST_PAGES);
    expect(printed.qr).toBe('https://notfall.example/soest/');
  });

  it('page 1 says who, since when and how to call, and prints the QR code’s address as text', () => {
    expect(printed.text).toContain('https://notfall.example/soest/');
    expect(printed.text).toContain('Soest');
    expect(printed.text).toMatch(/Stand: Freitag, 03\.11\.2023, 14:17 Uhr/);
    expect(printed.text).toContain('Cyberangriff auf Südwestfalen-IT');
    expect(printed.text).toContain('02921 103-0');
    expect(printed.text).toContain('Nicht möglich');
    // No navigation, no search, no screen hint on paper.
    expect(printed.text).not.toContain('Anliegen A–Z');
    expect(printed.text).not.toContain('Strg + P');
  });
});

describe('Soest’s notice on screen', () => {
  it('has the town, its kind, the incident, "Stand", contacts and every service with its tasks', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    const foreign = collectForeignRequests(page, site.origin);
    await page.goto(url(site, '/soest/aushang/'));
    await expect(page.locator('h1').innerText()).resolves.toBe('Soest');
    await expect(page.locator('.notice-kind').innerText()).resolves.toMatch(/^stadt$/i);
    await expect(page.locator('.notice-facts time').first().getAttribute('datetime')).resolves.toBe('2023-11-03T14:17:00+01:00');
    await expect(page.locator('.notice-facts').innerText()).resolves.toContain('Cyberangriff auf Südwestfalen-IT');
    await expect(page.locator('.notice-contacts a[href="tel:+4929211030"]').innerText()).resolves.toBe('02921 103-0');

    const services = readdirSync(path.join(content, 'towns/soest')).filter((f) => f !== 'index.md').length;
    expect(services).toBe(17);
    await expect(page.locator('.ns').count()).resolves.toBe(services);
    // Every status is text: the service's, each channel's and each task's.
    const tags = await page.locator('.ns .tag').allInnerTexts();
    expect(tags.length).toBeGreaterThan(services * 2);
    for (const tag of tags) expect(['Normal verfügbar', 'Eingeschränkt', 'Nur Annahme', 'Nicht möglich']).toContain(tag);
    const buergerbuero = page.locator('.ns', { has: page.locator('a[href="/soest/buergerbuero/"]') });
    await expect(buergerbuero.locator('.nt li', { hasText: 'Personalausweis oder Reisepass beantragen' }).locator('.tag').innerText()).resolves.toBe(
      'Nicht möglich',
    );
    await expect(buergerbuero.locator('a[href="tel:+4929211032127"]').innerText()).resolves.toBe('02921 / 103-2127');

    // The QR code is inline SVG, labelled; nothing is loaded from elsewhere; no script but the
    // site's page script (the Stand check, the offline service worker), a file of the site.
    const qr = page.locator('svg.qr');
    await expect(qr.getAttribute('role')).resolves.toBe('img');
    await expect(qr.getAttribute('aria-label')).resolves.toContain('https://notfall.example/soest/');
    await expect(page.locator('.notice-url').innerText()).resolves.toBe('https://notfall.example/soest/');
    const scripts = await page.locator('script').evaluateAll((all) => all.map((s) => `${s.getAttribute('type')} ${s.getAttribute('src')}`));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^module \/assets\/Head\.astro[^/]*\.js$/);
    await expect(page.locator('.notice-hint').isVisible()).resolves.toBe(true);
    expect(foreign).toEqual([]);

    // Not in the site's search, and not for search engines.
    await expect(page.locator('[data-pagefind-body]').count()).resolves.toBe(0);
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
    await closePage(page);
  });

  it('is linked from the town page as "Aushang zum Ausdrucken"', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(url(site, '/soest/'));
    await page.getByRole('link', { name: 'Aushang zum Ausdrucken' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Soest');
    expect(new URL(page.url()).pathname).toBe('/soest/aushang/');
    await closePage(page);
  });

  it('reflows at 320 px and at 400 % zoom (1280 px wide): no town’s notice scrolls sideways', async () => {
    const towns = readdirSync(path.join(content, 'towns'));
    expect(towns).toEqual(expect.arrayContaining(['hochsauerlandkreis', 'kreis-siegen-wittgenstein', 'werl']));
    // 400 % of a 1280 × 1024 window is a 320 × 256 CSS px viewport at 4 device pixels per px.
    for (const screen of [{ viewport: { width: 320, height: 640 } }, { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 }]) {
      const page = await newPage(browser, { javaScriptEnabled: false, ...screen });
      for (const town of towns) {
        await page.goto(url(site, `/${town}/aushang/`));
        const wide = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const beyond = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 0.5);
          return { overflow: document.documentElement.scrollWidth - width, beyond: beyond.map((e) => `${e.tagName.toLowerCase()}.${e.className}`) };
        });
        expect(wide, `${town} at ${JSON.stringify(screen)}`).toEqual({ overflow: 0, beyond: [] });
      }
      await closePage(page);
    }
  });

  it('links Impressum, Datenschutz and Barrierefreiheit on screen, not on paper', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(url(site, '/soest/aushang/'));
    const legal = page.getByRole('navigation', { name: 'Rechtliches' });
    await expect(legal.getByRole('link').allInnerTexts()).resolves.toEqual(['Impressum', 'Datenschutzerklärung', 'Erklärung zur Barrierefreiheit']);
    await expect(legal.isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(legal.isVisible()).resolves.toBe(false);
    await closePage(page);
  });

  it('a district’s notice lists its towns with their status', async () => {
    const page = await newPage(browser);
    await page.goto(url(site, '/kreis-soest/aushang/'));
    const towns = await page.locator('.notice-children li').allInnerTexts();
    expect(towns.map((line) => line.replace(/\s+/g, ' ').trim())).toEqual(['Soest Eingeschränkt', 'Werl Eingeschränkt']);
    await closePage(page);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations (${colorScheme})`, async () => {
      const page = await newPage(browser, { colorScheme });
      await page.goto(url(site, '/soest/aushang/'));
      await expectNoAxeViolations(page);
      await closePage(page);
    });
  }
});

describe('print rules', () => {
  it('on paper the notice uses at least 9 pt type, keeps every service together and hides the hint', async () => {
    const page = await newPage(browser);
    await page.goto(url(site, '/soest/aushang/'));
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const smallest = await page.evaluate(() => {
      let min = Infinity;
      for (const el of document.querySelectorAll('main *')) {
        const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        if (hasText && (el as HTMLElement).offsetParent !== null) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      }
      return min;
    });
    expect(smallest, '9 pt is 12 CSS px').toBeGreaterThanOrEqual(12);
    const breaks = await page.locator('.ns').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakInside));
    expect(new Set(breaks)).toEqual(new Set(['avoid']));
    await expect(page.locator('.notice-hint').isVisible()).resolves.toBe(false);
    // Black on white on paper, also when the screen is dark.
    await expect(page.locator('body').evaluate((el) => getComputedStyle(el).color)).resolves.toBe('rgb(0, 0, 0)');
    await closePage(page);
  });

  it('other pages print without navigation and search; external links show their address, phone numbers as written', async () => {
    const page = await newPage(browser);
    await page.goto(url(site, '/soest/'));
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header nav', 'form.search', '.breadcrumbs', '.notice-link', '.skip-link']) {
      await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(false);
    }
    await expect(page.locator('.site-title').isVisible()).resolves.toBe(true);
    const after = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el, '::after').content);
    await expect(after('main .links a[href^="https://"]')).resolves.toMatch(/^" \(https:\/\/www\.soest\.sitzung-online\.de\/?\)"$/);
    await expect(after('main a[href^="tel:"]')).resolves.toBe('none');
    await expect(after('main .channel-value[href^="https://"]')).resolves.toBe('none');
    const printed = await print(page);
    expect(printed.all).toMatch(/Ratsinformationssystem Allris \(https:\/\/www\.soest\.sitzung-online\.de\/?\)/);
    expect(printed.all).toContain('02921 103-0');
    expect(printed.all).not.toContain('tel:');
    expect(printed.all).not.toContain('Aushang zum Ausdrucken');
    await closePage(page);
  });
});

describe('without any address (no SITE_URL, no url in site.yaml)', () => {
  it('the notice has no QR code and says nothing about one: no operator text on a door', async () => {
    const server = await serve(buildOnce(content));
    servers.push(server);
    const page = await newPage(browser);
    await page.goto(url(server, '/soest/aushang/'));
    await expect(page.locator('svg').count()).resolves.toBe(0);
    await expect(page.locator('.notice-qr').count()).resolves.toBe(0);
    const text = await page.locator('body').innerText();
    for (const word of ['QR', 'SITE_URL', 'Betreuung']) expect(text).not.toContain(word);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    const printed = await print(page);
    expect(printed.qr).toBeUndefined();
    expect(printed.all).not.toContain('QR');
    await closePage(page);
  });
});

describe('with url and mirrors in site.yaml', () => {
  it('the QR code leads to the address in site.yaml (its path is the base path), the notice and every page name every address', async () => {
    const copy = path.join(tempDir('aushang-addresses-'), 'content');
    cpSync(content, copy, { recursive: true });
    appendFileSync(path.join(copy, 'site.yaml'), 'url: https://notfall.example/notfall/\nmirrors:\n  - https://kreis-soest.gitlab.io/notfall/\n');
    const server = await serve(buildOnce(copy), { base: '/notfall/' });
    servers.push(server);
    const page = await newPage(browser);
    await page.goto(url(server, '/soest/aushang/'));
    const printed = await print(page);
    expect(printed.qr).toBe('https://notfall.example/notfall/soest/');
    expect(printed.all.replace(/\s+/g, ' ')).toContain('Diese Website ist unter mehreren Adressen erreichbar: notfall.example/notfall, kreis-soest.gitlab.io/notfall');
    for (const p of ['/', '/soest/', '/soest/buergerbuero/', '/anliegen/', '/impressum/']) {
      await page.goto(url(server, p));
      const addresses = page.locator('.site-footer .addresses a');
      await expect(addresses.allInnerTexts(), p).resolves.toEqual(['notfall.example/notfall', 'kreis-soest.gitlab.io/notfall']);
      await expect(addresses.first().getAttribute('href')).resolves.toBe('https://notfall.example/notfall/');
    }
    await expectNoAxeViolations(page);
    await closePage(page);
    // The address reaches Astro too: a sitemap with absolute links, named in robots.txt.
    const robots = await (await fetch(url(server, '/robots.txt'))).text();
    expect(robots).toContain('Sitemap: https://notfall.example/notfall/sitemap-index.xml');
    const sitemap = await fetch(url(server, '/sitemap-0.xml'));
    expect(sitemap.status).toBe(200);
    expect(await sitemap.text()).toContain('<loc>https://notfall.example/notfall/soest/</loc>');
  });
});

describe('a copy below /notfall/', () => {
  it('the printed QR code leads to https://notfall.example/notfall/soest/', async () => {
    const server = await serve(buildOnce(content, { SITE_URL, BASE_PATH: '/notfall/' }), { base: '/notfall/' });
    servers.push(server);
    const page = await newPage(browser);
    await page.goto(url(server, '/soest/'));
    await page.getByRole('link', { name: 'Aushang zum Ausdrucken' }).click();
    expect(new URL(page.url()).pathname).toBe('/notfall/soest/aushang/');
    // The click returns once the address has changed; print only with the stylesheet applied.
    await page.waitForLoadState('load');
    const printed = await print(page);
    expect(printed.pages).toBeLessThanOrEqual(SOEST_PAGES);
    expect(printed.qr).toBe('https://notfall.example/notfall/soest/');
    // Printed beside the code; a long address may break after a slash.
    expect(printed.text.replace(/\s+/g, '')).toContain('https://notfall.example/notfall/soest/');
    await closePage(page);
  });
});
