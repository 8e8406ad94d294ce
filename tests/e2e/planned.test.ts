/**
 * 1.2 (issue 22): a planned closure decided when the page is read. The `planned` fixture (the
 * Bürgerbüro of Werl closed on Saturday, 12 December 2026, 07:00–18:00 in Berlin) is built on
 * 10 December, before the window; Chromium then reads it with its clock moved into the window,
 * after it, with a page left open while the window starts, and without JavaScript; the lists of
 * other pages (A–Z, the counts, a district's services and towns, the notice) switch as well, and
 * so do the search's results (status, summary, a task's status and the status filter).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../support/build.ts';
import { expectNoAxeViolations, launchBrowser, newPage, searchAnswered } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

const BUILT = String(Date.parse('2026-12-10T12:00:00Z') / 1000);
const BEFORE = new Date('2026-12-12T06:30:00+01:00');
const DURING = new Date('2026-12-12T09:00:00+01:00');
const AFTER = new Date('2026-12-12T18:00:00+01:00');
const PLANNED = 'Geplant: Samstag, 12.12.2026, 07:00 Uhr bis Samstag, 12.12.2026, 18:00 Uhr';
const NOW = 'Gilt jetzt, bis Samstag, 12.12.2026, 18:00 Uhr';
const CLOSED = 'Umstellung auf neue Software; das Bürgerbüro bleibt geschlossen.';

let browser: Browser;
let server: ServedSite;

beforeAll(async () => {
  server = await serve(buildSite(fixture('planned'), { SOURCE_DATE_EPOCH: BUILT }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (p: string) => new URL(p.replace(/^\//, ''), server.url).href;

/** What the service page shows: its status, its lead, and the line of the planned closure. */
async function servicePage(page: Page) {
  const card = page.locator('#geplant-werl-buergerbuero-20261212-0700');
  return {
    status: await page.locator('.facts dd').first().locator('strong:visible').innerText(),
    lead: await page.locator('.lead:visible').innerText(),
    line: (await card.isVisible()) ? await card.locator('.meta').innerText() : undefined,
  };
}

describe('a page built before a planned closure', () => {
  it('read before the window: planned, with its dates; the status as written', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(BEFORE);
    await page.goto(url('/werl/buergerbuero/'));
    expect(await servicePage(page)).toEqual({ status: 'Normal verfügbar', lead: expect.stringContaining('Arbeitet wie gewohnt'), line: PLANNED });
    await page.context().close();
  });

  it('read during the window: the planned status and summary are the current ones, on every page', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(DURING);
    await page.goto(url('/werl/buergerbuero/'));
    expect(await servicePage(page)).toEqual({ status: 'Nicht möglich', lead: expect.stringContaining(CLOSED), line: NOW });
    await expectNoAxeViolations(page);
    await page.goto(url('/werl/'));
    await expect(page.locator('.facts dd').first().locator('strong:visible').innerText()).resolves.toBe('Eingeschränkt');
    await expect(page.locator('section[aria-labelledby="services"] .card').innerText()).resolves.toContain(CLOSED);
    await page.goto(url('/'));
    await expect(page.getByText('Alles funktioniert wie gewohnt').isVisible()).resolves.toBe(false);
    const werl = page.locator('.towns li').filter({ has: page.locator('a[href="/werl/"]') });
    await expect(werl.locator('.town-status strong:visible').innerText()).resolves.toBe('Eingeschränkt');
    await expect(page.getByText(NOW).first().isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('read during the window: the lists switch too (A–Z, counts, the district\'s services and towns, the notice)', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(DURING);
    const visibleTag = (row: ReturnType<Page['locator']>) => row.locator('strong.tag:visible').innerText();
    await page.goto(url('/anliegen/'));
    await expect(visibleTag(page.locator('.az li').filter({ has: page.getByRole('link', { name: 'Bürgerbüro', exact: true }) }))).resolves.toBe('Nicht möglich');
    await page.goto(url('/'));
    const werl = page.locator('.towns li').filter({ has: page.locator('a[href="/werl/"]') });
    await expect(werl.locator('.count:visible').innerText()).resolves.toContain('1 von 1');
    await page.goto(url('/werl/'));
    await expect(visibleTag(page.locator('section[aria-labelledby="parent-services"] li'))).resolves.toBe('Eingeschränkt');
    await page.goto(url('/kreis-soest/'));
    await expect(visibleTag(page.locator('section[aria-labelledby="children"] li'))).resolves.toBe('Eingeschränkt');
    await page.goto(url('/werl/aushang/'));
    await expect(visibleTag(page.locator('.ns-title'))).resolves.toBe('Nicht möglich');
    await expect(page.locator('.ns-summary:visible').innerText()).resolves.toContain(CLOSED);
    await page.context().close();
  });

  it('read after the window: gone, the status as written again', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(AFTER);
    await page.goto(url('/werl/buergerbuero/'));
    expect(await servicePage(page)).toEqual({ status: 'Normal verfügbar', lead: expect.stringContaining('Arbeitet wie gewohnt'), line: undefined });
    await page.goto(url('/'));
    await expect(page.getByText(CLOSED).isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  it('left open while the window starts: the page switches', async () => {
    const page = await newPage(browser);
    await page.clock.install({ time: BEFORE });
    await page.goto(url('/werl/buergerbuero/'));
    expect((await servicePage(page)).line).toBe(PLANNED);
    await page.clock.fastForward('01:00:00');
    await page.getByText(NOW).waitFor();
    expect(await servicePage(page)).toEqual({ status: 'Nicht möglich', lead: expect.stringContaining(CLOSED), line: NOW });
    await page.context().close();
  });

  it('without JavaScript: the build-time state, and the line says from when to when', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.clock.setFixedTime(DURING);
    await page.goto(url('/werl/buergerbuero/'));
    expect(await servicePage(page)).toEqual({ status: 'Normal verfügbar', lead: expect.stringContaining('Arbeitet wie gewohnt'), line: PLANNED });
    await page.context().close();
  });
});

/** What the search page shows for `query` (and `params`): each result's title, status, text and tasks. */
async function searchResults(page: Page, query: string, params = '') {
  await page.goto(url(`/suche/?q=${encodeURIComponent(query)}${params}`));
  await searchAnswered(page, /Treffer/);
  return page.locator('.result').evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector('h2')!.textContent!.trim(),
      status: li.querySelector(':scope > .tag')?.textContent?.trim() ?? '',
      text: li.querySelector(':scope > .excerpt')?.textContent?.trim() ?? '',
      tasks: [...li.querySelectorAll('.result-tasks li')].map((task) => task.textContent!.replace(/\s+/g, ' ').trim()),
    })),
  );
}

describe('the search of a site built before a planned closure', () => {
  const buergerbuero = (results: Awaited<ReturnType<typeof searchResults>>) => results.find((r) => r.title === 'Bürgerbüro – Werl');

  it('read before the window: the Bürgerbüro as written; "Nicht möglich" does not find it', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(BEFORE);
    expect(buergerbuero(await searchResults(page, 'Bürgerbüro'))).toMatchObject({ status: 'Normal verfügbar', text: expect.stringContaining('Arbeitet wie gewohnt') });
    expect(buergerbuero(await searchResults(page, 'Bürgerbüro', '&status=unavailable'))).toBeUndefined();
    await page.context().close();
  });

  it('read during the window: "Nicht möglich" with the closure\'s summary, found by "Nicht möglich" and not by "Normal verfügbar"; the town "Eingeschränkt"', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(DURING);
    const results = await searchResults(page, 'Bürgerbüro');
    expect(buergerbuero(results)).toMatchObject({ status: 'Nicht möglich', text: `${CLOSED} Notfälle: 02922 800-0.` });
    expect(results.find((r) => r.title === 'Werl')?.status).toBe('Eingeschränkt');
    expect(buergerbuero(await searchResults(page, 'Bürgerbüro', '&status=unavailable'))?.status).toBe('Nicht möglich');
    expect(buergerbuero(await searchResults(page, 'Bürgerbüro', '&status=normal'))).toBeUndefined();
    await page.context().close();
  });

  it("read during the task's window (14–18 December): the task is \"Eingeschränkt\"", async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(new Date('2026-12-15T10:00:00+01:00'));
    expect(buergerbuero(await searchResults(page, 'Personalausweis'))?.tasks).toEqual(['Personalausweis beantragen Eingeschränkt']);
    await page.context().close();
  });

  it('read after the window: as written again', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(AFTER);
    expect(buergerbuero(await searchResults(page, 'Bürgerbüro'))).toMatchObject({ status: 'Normal verfügbar', text: expect.stringContaining('Arbeitet wie gewohnt') });
    await page.context().close();
  });
});
