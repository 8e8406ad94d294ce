/**
 * "Possibly outdated" is decided when the page is read (docs/content-format.md, "Der „Stand“"). The example is
 * built two hours after its newest "Stand" (Friday, 3 November 2023, 14:17), so every page is
 * fresh at build time; Chromium then reads it with its clock set within the 48 hours, beyond
 * them, with a page left open while they pass, and without JavaScript.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, readPage, root } from '../support/build.ts';
import { expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

/** Friday, 3 November 2023, 16:00 in Berlin: the newest "Stand" is 1 h 43 min old. */
const BUILT = '1699023600';
const WITHIN = new Date('2023-11-05T12:00:00+01:00'); // 45 h 43 min after the Stand
const BEYOND = new Date('2023-11-05T14:18:00+01:00'); // 48 h 1 min after it
const NEUTRAL = 'Angaben, die älter als 48 Stunden sind, können veraltet sein.';
const STALE = 'Diese Angaben sind älter als 48 Stunden und könnten veraltet sein.';

let browser: Browser;
let server: ServedSite;
let dist: string;

beforeAll(async () => {
  dist = buildOnce(path.join(root, 'content'), { SOURCE_DATE_EPOCH: BUILT });
  server = await serve(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (p: string) => new URL(p.replace(/^\//, ''), server.url).href;
const closePage = (page: Page) => page.context().close();

/** Whether the neutral sentence and the stale note are visible. */
async function shown(page: Page): Promise<{ neutral: boolean; stale: boolean }> {
  return {
    neutral: await page.getByText(NEUTRAL).isVisible(),
    stale: await page.getByText(STALE).isVisible(),
  };
}

const pages = ['/', '/soest/', '/soest/buergerbuero/', '/stoerungen/sit-2023/', '/soest/aushang/'];

describe('a page fresh at build time', () => {
  it('carries its Stand machine-readably: the moment it becomes possibly outdated and the threshold', () => {
    const html = readPage(dist, '/soest/buergerbuero/');
    expect(html).toContain('<div class="stand" data-stale-from="2023-11-05T13:17:00.000Z" data-stale-after-hours="48">');
    expect(html).toContain('Stand: <time datetime="2023-11-03T14:17:00+01:00">Freitag, 03.11.2023, 14:17 Uhr</time>.');
  });

  it('without JavaScript: the neutral sentence, true at any time, and no stale note', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.clock.setFixedTime(BEYOND);
    for (const p of pages) {
      await page.goto(url(p));
      expect(await shown(page), p).toEqual({ neutral: true, stale: false });
    }
    await closePage(page);
  });

  it('read within 48 hours of its Stand: no stale note', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(WITHIN);
    for (const p of pages) {
      await page.goto(url(p));
      expect(await shown(page), p).toEqual({ neutral: true, stale: false });
    }
    await closePage(page);
  });

  it('read more than 48 hours after its Stand: the stale note instead of the sentence', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(BEYOND);
    for (const p of pages) {
      await page.goto(url(p));
      await page.getByText(STALE).waitFor();
      expect(await shown(page), p).toEqual({ neutral: false, stale: true });
    }
    await expectNoAxeViolations(page);
    await closePage(page);
  });

  it('left open while the 48 hours pass: the note appears', async () => {
    const page = await newPage(browser);
    await page.clock.install({ time: WITHIN });
    await page.goto(url('/soest/'));
    expect(await shown(page)).toEqual({ neutral: true, stale: false });
    await page.clock.fastForward('03:00:00');
    await page.getByText(STALE).waitFor();
    expect(await shown(page)).toEqual({ neutral: false, stale: true });
    await closePage(page);
  });

  it('has no axe violations with the sentence (light and dark)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe runs as a script: with the clock within the 48 hours the page shows the sentence.
      const page = await newPage(browser, { colorScheme });
      await page.clock.setFixedTime(WITHIN);
      await page.goto(url('/soest/'));
      expect(await shown(page)).toEqual({ neutral: true, stale: false });
      await expectNoAxeViolations(page);
      await closePage(page);
    }
  });

  it('the printed notice shows the Stand prominently, and the note when printed too late', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(BEYOND);
    await page.goto(url('/soest/aushang/'));
    await page.getByText(STALE).waitFor();
    await page.emulateMedia({ media: 'print' });
    const stand = page.locator('.notice-stand');
    await expect(stand.innerText()).resolves.toMatch(/^Stand\s*Freitag, 03\.11\.2023, 14:17 Uhr$/);
    // Larger and bolder than the other facts: 14 pt (18.67 CSS px), bold.
    await expect(stand.evaluate((el) => [getComputedStyle(el).fontSize, getComputedStyle(el).fontWeight])).resolves.toEqual(['18.6667px', '700']);
    await expect(page.getByText(STALE).isVisible()).resolves.toBe(true);
    await closePage(page);
  });

  it('is decided by the page script (under 2 KB), which every page loads, and stays within 14 KB gzip', () => {
    expect(readdirSync(path.join(dist, 'assets')).filter((n) => n.endsWith('.css'))).toEqual([]);
    const script = (p: string) => [...readPage(dist, p).matchAll(/<script type="module" src="\/assets\/([^"]+)"><\/script>/g)].map((m) => m[1]!);
    for (const p of pages) {
      const scripts = script(p);
      expect(scripts, p).toHaveLength(1);
      expect(statSync(path.join(dist, 'assets', scripts[0]!)).size, p).toBeLessThan(2048);
      expect(gzipSync(readPage(dist, p), { level: 9 }).length, p).toBeLessThanOrEqual(14 * 1024);
    }
    // The same script where no Stand is shown: one file for the whole site, cached once.
    for (const p of ['/anliegen/', '/impressum/']) expect(script(p), p).toEqual(script('/'));
  });
});
