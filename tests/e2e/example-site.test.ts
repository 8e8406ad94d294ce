/**
 * The example site in Chromium, as a citizen uses it: on a phone, without JavaScript, by
 * keyboard; axe-core checks every page type for WCAG 2.2 AA violations.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root } from '../support/build.ts';
import { expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

let browser: Browser;
let server: ServedSite;

beforeAll(async () => {
  const dist = buildOnce(path.join(root, 'content'));
  server = await serve(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageTypes = {
  home: '/',
  town: '/soest/',
  district: '/kreis-soest/',
  service: '/soest/buergerbuero/',
  werl: '/werl/',
  incident: '/stoerungen/sit-2023/',
  az: '/anliegen/',
  search: '/suche/',
  page: '/impressum/',
  notFound: '/gibt-es-nicht/',
};

const url = (p: string) => new URL(p.replace(/^\//, ''), server.url).href;

describe('every page type', () => {
  for (const [name, p] of Object.entries(pageTypes)) {
    it(`${name} (${p}) has no axe violations, in light and dark`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await newPage(browser, { colorScheme });
        await page.goto(url(p));
        await expectNoAxeViolations(page);
        await page.close();
      }
    });
  }
});

describe('without JavaScript on a narrow phone', () => {
  it('reads the Soest Bürgerbüro: status, phone link, tasks; nothing wider than the screen', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    for (const p of Object.values(pageTypes)) {
      await page.goto(url(p));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, p).toBeLessThanOrEqual(0);
    }
    await page.goto(url('/soest/buergerbuero/'));
    await expect(page.locator('h1').innerText()).resolves.toContain('Bürgerbüro');
    await expect(page.locator('.facts .tag').first().innerText()).resolves.toBe('Eingeschränkt');
    await expect(page.locator('a[href="tel:+4929211032127"]').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('#anliegen-personalausweis-oder-reisepass-beantragen').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('the search page points to the A–Z list', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(url('/suche/'));
    const link = page.locator('main a[href="/anliegen/"]');
    await expect(link.count()).resolves.toBeGreaterThan(0);
    await link.first().click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Anliegen A–Z');
    await page.close();
  });
});

describe('by keyboard', () => {
  it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await newPage(browser);
    await page.goto(url('/soest/'));
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    // The next Tab lands inside the main content.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => Boolean(document.activeElement?.closest('main')))).resolves.toBe(true);
    await page.close();
  });

  it('reaches a service from the town page and the search form submits to /suche/', async () => {
    const page = await newPage(browser);
    await page.goto(url('/soest/'));
    await page.locator('a[href="/soest/buergerbuero/"]').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/soest\/buergerbuero\/$/);
    await page.goto(url('/'));
    await page.locator('#q').focus();
    await page.keyboard.type('Personalausweis');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/suche\/\?q=Personalausweis$/);
    await page.close();
  });

  it('finds out, by Tab and Enter alone, whether a passport can be applied for in Werl', async () => {
    const page = await newPage(browser, { viewport: { width: 412, height: 823 } });
    const tabTo = async (href: string) => {
      for (let presses = 1; presses <= 40; presses++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.getAttribute('href'))) === href) return presses;
      }
      throw new Error(`no Tab reaches ${href} on ${page.url()}`);
    };
    await page.goto(url('/'));
    // Home page: skip link, header, search, the incident, the district list, then the towns.
    expect(await tabTo('/werl/')).toBeLessThanOrEqual(12);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/werl\/$/);
    expect(await tabTo('/werl/buergerbuero/')).toBeLessThanOrEqual(12);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/werl\/buergerbuero\/$/);
    // As a screen reader reads it: the task's heading, then its status as text.
    const tasks = page.getByRole('region', { name: 'Was geht und was nicht' });
    expect(await tasks.ariaSnapshot()).toContain(
      ['- heading "Personalausweis oder Reisepass beantragen" [level=3]', '- strong: Nicht möglich'].join('\n      '),
    );
    await page.close();
  });
});
