/**
 * Small things citizens hit (issue 19), in Chromium on the example site with two mirrors, in
 * every interface language: no page scrolls sideways at 320 px with the WCAG text spacing
 * (1.4.12); every control shows a clear focus; long words hyphenate by the element's language;
 * a town's status stays beside its name; the search page marks German results in an Arabic
 * interface and offers the hotline when nothing is found; the 404 page names the mirrors.
 *
 * The pages' Content-Security-Policy forbids styles it does not know, so the text spacing is
 * injected with CSP bypassed (`bypassCSP`), as a user style sheet or bookmarklet would be.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root, tempDir } from '../support/build.ts';
import { launchBrowser, newPage } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';
import type { Language } from '../../src/i18n/index.ts';
import { languageKeys } from '../../src/schema/index.ts';

const pageTypes = ['/', '/soest/', '/kreis-soest/', '/soest/buergerbuero/', '/stoerungen/sit-2023/', '/anliegen/', '/anliegen/u/', '/suche/', '/suche/?q=Ausweis', '/impressum/', '/soest/aushang/', '/gibt-es-nicht/'];

/** WCAG 2.2 success criterion 1.4.12, the values it names. */
const textSpacing = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

const mirrors = ['https://kreis-soest.gitlab.io/notfall/', 'https://notfall-soest.s3.eu-central-1.amazonaws.com/notfall/'];

/** The example content with another interface language, a main address and two mirrors. */
function contentIn(language: Language): string {
  const content = path.join(tempDir(`aushang-reach-${language}-`), 'content');
  cpSync(path.join(root, 'content'), content, { recursive: true });
  const siteYaml = path.join(content, 'site.yaml');
  const settings = readFileSync(siteYaml, 'utf8');
  if (!/^language: de$/m.test(settings)) throw new Error('content/site.yaml no longer says "language: de"');
  const addresses = `url: https://notfall.kreis-soest.de/notfall/\nmirrors:\n${mirrors.map((m) => `  - ${m}`).join('\n')}`;
  writeFileSync(siteYaml, settings.replace(/^language: de$/m, `language: ${language}\n${language === 'en' ? 'contentLanguage: de\n' : ''}${addresses}`));
  return content;
}

let browser: Browser;
const servers = new Map<Language, ServedSite>();

beforeAll(async () => {
  for (const language of languageKeys) servers.set(language, await serve(buildOnce(contentIn(language)), { base: '/notfall/' }));
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
});

const url = (language: Language, p: string) => new URL(p.replace(/^\//, ''), servers.get(language)!.url).href;
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each([...languageKeys])('%s', (language) => {
  it('no page scrolls sideways at 320 px with the WCAG text spacing', async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 }, bypassCSP: true });
    const wide: string[] = [];
    for (const p of pageTypes) {
      await page.goto(url(language, p));
      if (p.includes('?q=')) await page.locator('#search-results li').first().waitFor({ timeout: 15_000 });
      await page.addStyleTag({ content: textSpacing });
      const pixels = await overflow(page);
      if (pixels > 0) wide.push(`${p}: ${pixels} px`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });
});

describe('focus', () => {
  it('every control the keyboard reaches shows a 3 px focus outline (search page, home page, a service)', async () => {
    const page = await newPage(browser);
    const faint: string[] = [];
    for (const p of ['/suche/?q=Ausweis', '/', '/soest/buergerbuero/']) {
      await page.goto(url('de', p));
      if (p.includes('?q=')) await page.locator('#search-results li').first().waitFor({ timeout: 15_000 });
      const seen = new Set<string>();
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return undefined;
          const style = getComputedStyle(el);
          const key = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${el.getAttribute('href') ?? el.getAttribute('name') ?? ''} ${Math.round(el.getBoundingClientRect().top + scrollY)}`;
          return { key, outline: `${style.outlineStyle} ${style.outlineWidth}` };
        });
        if (!focused || seen.has(focused.key)) break;
        seen.add(focused.key);
        if (focused.outline !== 'solid 3px') faint.push(`${p}: ${focused.key}: ${focused.outline}`);
      }
      expect(seen.size, p).toBeGreaterThan(5);
      if (p.startsWith('/suche/')) expect([...seen].some((k) => k.startsWith('select#ort')), 'the town filter is reached').toBe(true);
    }
    expect(faint).toEqual([]);
    await page.close();
  });
});

describe('hyphenation and status tags', () => {
  it('hyphens: auto on the editors’ German (lang="de" on an Arabic page), never in addresses', async () => {
    const page = await newPage(browser);
    await page.goto(url('ar', '/soest/buergerbuero/'));
    const lead = page.locator('.lead');
    await expect(lead.getAttribute('lang')).resolves.toBe('de');
    await expect(lead.evaluate((e) => getComputedStyle(e).hyphens)).resolves.toBe('auto');
    await expect(page.locator('.site-footer .address').first().evaluate((e) => getComputedStyle(e).hyphens)).resolves.toBe('manual');
    await page.close();
  });

  it('a town’s status stays on the line of its name, also at 320 px with text spacing', async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 }, bypassCSP: true });
    for (const language of ['de', 'ar', 'uk'] as const) {
      await page.goto(url(language, '/'));
      await page.addStyleTag({ content: textSpacing });
      const under = await page.locator('.towns li').evaluateAll((rows) =>
        rows
          .map((row) => {
            const name = row.querySelector('a')!.getBoundingClientRect();
            const status = row.querySelector('.tag')!.getBoundingClientRect();
            // Under the name: the tag starts below the name's last line.
            return status.top >= name.bottom - 1 ? row.querySelector('a')!.textContent : undefined;
          })
          .filter(Boolean),
      );
      expect(under, language).toEqual([]);
    }
    await page.close();
  });
});

describe('search page', () => {
  it('in Arabic, the results the editors wrote are marked German', async () => {
    const page = await newPage(browser);
    await page.goto(url('ar', '/suche/?q=Reisepass'));
    const first = page.locator('#search-results .result h2 a').first();
    await first.waitFor({ timeout: 15_000 });
    await expect(first.getAttribute('lang')).resolves.toBe('de');
    await expect(first.getAttribute('dir')).resolves.toBe('ltr');
    const tasks = page.locator('#search-results .result-tasks a');
    await expect(tasks.first().getAttribute('lang')).resolves.toBe('de');
    // The interface around them stays Arabic: the status tag is not marked.
    await expect(page.locator('#search-results .tag').first().getAttribute('lang')).resolves.toBeNull();
    await page.close();
  });

  it('nothing found: the A–Z list and the hotline; found: no hotline', async () => {
    const page = await newPage(browser);
    await page.goto(url('de', '/suche/?q=Xylophonreparatur'));
    const reach = page.locator('#search-reach');
    await reach.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(page.locator('#search-status').innerText()).resolves.toContain('Keine Treffer');
    await expect(reach.locator('a[href^="tel:"]').first().innerText()).resolves.toBe('02921 30-0');
    await page.locator('#q').fill('Ausweis');
    await page.locator('#search-results li').first().waitFor({ timeout: 15_000 });
    await reach.waitFor({ state: 'hidden' });
    await page.close();
  });
});

describe('mirrors', () => {
  it('the 404 page and every footer name the mirrors; the notice prints them beside the QR code', async () => {
    const page = await newPage(browser);
    await page.goto(url('de', '/gibt-es-nicht/'));
    const listed = await page.locator('main .mirrors a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(listed).toEqual(['https://notfall.kreis-soest.de/notfall/', ...mirrors]);
    await expect(page.locator('.site-footer .addresses a').count()).resolves.toBe(3);
    await page.goto(url('de', '/soest/aushang/'));
    await expect(page.locator('.notice-qr svg')).toBeDefined();
    await expect(page.locator('.notice-url').innerText()).resolves.toBe('https://notfall.kreis-soest.de/notfall/soest/');
    await expect(page.locator('.notice-foot .addresses').innerText()).resolves.toContain('kreis-soest.gitlab.io/notfall');
    await page.close();
  });
});
