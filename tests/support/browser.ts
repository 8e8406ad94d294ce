/**
 * Chromium for the e2e tests: Debian's /usr/bin/chromium driven by playwright-core
 * (no browser download).
 *
 *   const browser = await launchBrowser();
 *   const page = await newPage(browser);   // axe needs a page from browser.newContext()
 *   await page.goto(site.url);
 *   await expectNoAxeViolations(page);
 *   await browser.close();
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The WCAG 2.2 AA rules axe-core checks the pages against (README.md: `tests/e2e`, axe-core). */
export const WCAG_AA_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}

/**
 * A page in its own context (fresh cookies and storage). Closing the page closes the context.
 * Defaults: German locale, Berlin time, a phone-sized screen is one `viewport` option away.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...options });
  const page = await context.newPage();
  page.once('close', () => {
    // The browser may already be closing (afterAll): then the context is gone with it.
    context.close().catch(() => undefined);
  });
  return page;
}

export interface AxeCheckOptions {
  /** axe tags to check; default WCAG 2.0–2.2 A and AA. */
  tags?: readonly string[];
  /** Rule ids to skip, e.g. ['color-contrast'] while a palette is unfinished. Say why. */
  disableRules?: readonly string[];
  /** CSS selectors to leave out of the check. */
  exclude?: readonly string[];
}

export function formatViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary?.split('\n').join('\n      ') ?? ''}`)
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
      return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/** Runs axe-core on the page as it is now and throws a readable list of any violations. */
export async function expectNoAxeViolations(page: Page, options: AxeCheckOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([...(options.tags ?? WCAG_AA_TAGS)]);
  if (options.disableRules?.length) builder = builder.disableRules([...options.disableRules]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  if (results.violations.length > 0) {
    throw new Error(
      `axe found ${results.violations.length} accessibility violation(s) on ${page.url()}:\n${formatViolations(results.violations)}`,
    );
  }
}

/**
 * Records every request that leaves the given origin ("No page requests anything from another
 * origin", README.md, "Hosting"). Call before `page.goto`; read the array at the end of the test.
 */
export function collectForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

/**
 * Waits until the search page has answered — its status line matches `status` — with its whole
 * list: after the first results the list is `aria-busy` while the rest are read
 * (src/scripts/search.ts), and what is read before that may still change.
 */
export async function searchAnswered(page: Page, status: RegExp = /Treffer|nicht verfügbar/): Promise<void> {
  await page.waitForFunction(
    ({ source, flags }) => new RegExp(source, flags).test(document.getElementById('search-status')?.textContent ?? '') && !document.getElementById('search-results')?.hasAttribute('aria-busy'),
    { source: status.source, flags: status.flags },
  );
}
