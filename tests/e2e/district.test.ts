/**
 * A district of 72 towns in 5 districts (the generator of `bench/`), as a citizen sees its home
 * page on a 360 × 740 phone: at most 6 screens tall, within 14 KB gzip with its stylesheet,
 * one row per town under its district, a list of the districts to jump to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { buildOnce, fixture, tempDir } from '../support/build.ts';
import { expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

const PHONE = { width: 360, height: 740 };
const MAX_SCREENS = 6;

let browser: Browser;
let server: ServedSite;
let dist: string;

beforeAll(async () => {
  const content = path.join(tempDir('aushang-district-'), 'content');
  const result = generate({ towns: 72, services: 12, out: content });
  expect(result).toMatchObject({ towns: 72, districts: 5 });
  // Built on the evening after the notices' last change, so they are current, as in a crisis.
  dist = buildOnce(content, { SOURCE_DATE_EPOCH: String(Date.parse('2023-11-04T18:00:00Z') / 1000) });
  server = await serve(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (p: string) => new URL(p.replace(/^\//, ''), server.url).href;

describe('the home page of a 72-town district', () => {
  it(`fits in ${MAX_SCREENS} screens of a 360 × 740 phone, without scrolling sideways`, async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: PHONE });
    await page.goto(url('/'));
    const size = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth }));
    expect(size.overflow).toBeLessThanOrEqual(0);
    expect(size.height / PHONE.height, `${size.height} px`).toBeLessThanOrEqual(MAX_SCREENS);
    await page.close();
  });

  it('stays within 14 KB gzip with its stylesheet', () => {
    const css = readdirSync(path.join(dist, 'assets')).filter((n) => n.endsWith('.css'));
    const bytes = [path.join(dist, 'index.html'), ...css.map((n) => path.join(dist, 'assets', n))].reduce(
      (sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(14 * 1024);
  });

  it('lists every town once, under its district, with status and restricted services, and jumps to a district', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: PHONE });
    await page.goto(url('/'));
    const groups = page.locator('main .group-title');
    await expect(groups.count()).resolves.toBe(5);
    await expect(page.locator('main .towns li').count()).resolves.toBe(72);
    const rows = await page.locator('main .towns li').allInnerTexts();
    for (const row of rows) expect(row).toMatch(/(Normal verfügbar|Eingeschränkt|Nur Annahme|Nicht möglich)\s+\d+ von 12/);
    const jump = page.getByRole('navigation', { name: 'Direkt zu einem Kreis' });
    const districts = await jump.getByRole('link').allInnerTexts();
    expect(districts).toEqual(await groups.allInnerTexts());
    // By keyboard: the link moves to the district's heading.
    await jump.getByRole('link').nth(3).focus();
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe(`#${await groups.nth(3).getAttribute('id')}`);
    await expect(groups.nth(3).evaluate((h) => Math.round(h.getBoundingClientRect().top))).resolves.toBeLessThan(PHONE.height / 2);
    await page.close();
  });

  for (const p of ['/', '/stoerungen/it-ausfall-2023/']) {
    it(`${p} has no axe violations`, async () => {
      const page = await newPage(browser, { viewport: PHONE });
      await page.goto(url(p));
      await expectNoAxeViolations(page);
      await page.close();
    });
  }
});

describe('a home page with pages in Leichte Sprache and Gebärdensprache', () => {
  it('links them before the search, by keyboard right after the header, with no axe violations', async () => {
    const site = await serve(buildOnce(fixture('roles')));
    try {
      const page = await newPage(browser, { viewport: PHONE });
      await page.goto(new URL('', site.url).href);
      const access = page.getByRole('navigation', { name: 'Leichte Sprache und Gebärdensprache' });
      await expect(access.getByRole('link').allInnerTexts()).resolves.toEqual(['Leichte Sprache', 'Gebärdensprache']);
      // Skip link, site title, A–Z, search: the fifth Tab is "Leichte Sprache".
      for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Leichte Sprache');
      await expectNoAxeViolations(page);
      await page.close();
    } finally {
      await site.close();
    }
  });
});
