/**
 * The example site with an English and an Arabic interface (right to left), as citizens use
 * it: axe-core finds no WCAG 2.2 AA violation on any page type, no page scrolls sideways on a
 * 320 px screen, the editors' German stays marked as German, and search works. One build per
 * language (CI has two cores).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce } from '../support/build.ts';
import { exampleContentIn } from '../support/example-in.ts';
import { expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

const pageTypes = {
  home: '/',
  town: '/soest/',
  district: '/kreis-soest/',
  service: '/soest/buergerbuero/',
  incident: '/stoerungen/sit-2023/',
  az: '/anliegen/',
  search: '/suche/',
  page: '/impressum/',
  notice: '/soest/aushang/',
  notFound: '/gibt-es-nicht/',
};

const languages = ['en', 'ar'] as const;
let browser: Browser;
const servers = new Map<(typeof languages)[number], ServedSite>();

beforeAll(async () => {
  // English: the operator says the content stays German; Arabic: German is the default.
  servers.set('en', await serve(buildOnce(exampleContentIn('en', 'de'))));
  servers.set('ar', await serve(buildOnce(exampleContentIn('ar'))));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
});

const url = (language: (typeof languages)[number], p: string) => new URL(p.replace(/^\//, ''), servers.get(language)!.url).href;
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each(languages)('the example site in %s', (language) => {
  it('every page type has no axe violations, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await newPage(browser, { colorScheme });
      for (const [name, p] of Object.entries(pageTypes)) {
        await page.goto(url(language, p));
        await expectNoAxeViolations(page).catch((error: Error) => {
          throw new Error(`${name} (${p}), ${colorScheme}: ${error.message}`);
        });
      }
      await page.close();
    }
  });

  it('no page scrolls sideways at 320 px, without JavaScript', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    for (const p of Object.values(pageTypes)) {
      await page.goto(url(language, p));
      expect(await overflow(page), p).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('the interface is in its language, the editors’ text stays marked as German', async () => {
    const page = await newPage(browser);
    await page.goto(url(language, '/soest/buergerbuero/'));
    const html = page.locator('html');
    await expect(html.getAttribute('lang')).resolves.toBe(language);
    await expect(html.getAttribute('dir')).resolves.toBe(language === 'ar' ? 'rtl' : 'ltr');
    await expect(page.locator('h1 [lang="de"][dir="ltr"]').allInnerTexts()).resolves.toEqual(['Bürgerbüro', 'Soest']);
    await expect(page.locator('.lead').getAttribute('lang')).resolves.toBe('de');
    await expect(page.locator('.task-title [lang="de"]').first().innerText()).resolves.toContain('Wohnsitz');
    // Status is text in the interface language.
    await expect(page.locator('.facts .tag').first().innerText()).resolves.toBe(language === 'ar' ? 'محدود' : 'Limited');
    await page.close();
  });

  it('search finds German content with German stemming', async () => {
    const page = await newPage(browser);
    await page.goto(url(language, '/suche/?q=Reisepässe'));
    // German stemming: "Reisepässe" is neither a word of the page nor a prefix of one.
    await page.locator('#search-results a[href^="/soest/buergerbuero/"]').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.close();
  });
});

describe('English', () => {
  it('writes dates as GOV.UK does', async () => {
    const page = await newPage(browser);
    await page.goto(url('en', '/soest/buergerbuero/'));
    const facts = await page.locator('.facts').innerText();
    expect(facts).toMatch(/Last updated\s+\d{1,2}(:\d{2})?(am|pm) on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ 20\d\d/);
    await page.close();
  });
});

describe('Arabic, right to left', () => {
  it('lays the page out from the right: the skip link, banner border and breadcrumbs start on the right', async () => {
    const page = await newPage(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(url('ar', '/soest/buergerbuero/'));
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const home = await box('.breadcrumbs li:first-child a');
    const next = await box('.breadcrumbs li:nth-child(2) a');
    expect(home.x).toBeGreaterThan(next.x);
    const styles = await page.locator('.banner').evaluate((e) => getComputedStyle(e).borderRightWidth);
    expect(styles).toBe('6px');
    await page.keyboard.press('Tab');
    const skip = await box('.skip-link');
    expect(skip.x + skip.width).toBeGreaterThan(300);
    await page.close();
  });
});
