/**
 * Offline after the first visit (issue 19, scope 3), in Chromium with the network cut: a
 * citizen opens the site, visits three pages and searches once; then the network goes
 * (`context.setOffline(true)`): the pages reload from the service worker with the note
 * "Offline gespeichert, Stand …", and search finds a task on them. When the network is back, the
 * published version is shown, not the saved one (the served file is changed in between). With
 * `offline: false` the build's `sw.js` removes the worker and what it saved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, root } from '../support/build.ts';
import { expectNoAxeViolations, launchBrowser, newPage, searchAnswered } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';
import { serviceWorkerSource } from '../../src/hosting/service-worker.ts';

/** Friday, 3 November 2023, 16:00 in Berlin. */
const BUILT = '1699023600';
const NOTE = /^Offline gespeichert, Stand .+\. Sie haben gerade keine Verbindung/;

let browser: Browser;
let server: ServedSite;
let dist: string;
let page: Page;
let context: BrowserContext;

beforeAll(async () => {
  dist = buildSite(path.join(root, 'content'), { SOURCE_DATE_EPOCH: BUILT });
  server = await serve(dist);
  browser = await launchBrowser();
  page = await newPage(browser);
  context = page.context();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (p: string) => new URL(p.replace(/^\//, ''), server.url).href;
const visited = ['/soest/', '/soest/buergerbuero/', '/werl/'];
const note = () => page.locator('.offline-note');

/** The search page's outcome line once the search is done. */
async function searched(query: string): Promise<string[]> {
  await page.goto(url(`/suche/?q=${encodeURIComponent(query)}`));
  await searchAnswered(page);
  return page.locator('.result-tasks a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('offline after the first visit', () => {
  it('the first page registers the service worker, which then controls the site', async () => {
    await page.goto(url('/'));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.map((r) => new URL(r.scope).pathname)))).toEqual(['/']);
  });

  it('online: the published pages, without a note; one search', async () => {
    for (const p of visited) {
      await page.goto(url(p));
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), p).toBe(true);
      await expect(note().count(), p).resolves.toBe(0);
    }
    expect(await searched('Personalausweis')).toContain('/soest/buergerbuero/#anliegen-personalausweis-oder-reisepass-beantragen');
  });

  it('offline: the pages visited reload from the saved copies, marked "Offline gespeichert, Stand …"', async () => {
    await context.setOffline(true);
    for (const p of visited) {
      await page.goto(url(p));
      await page.reload();
      await expect(note().innerText(), p).resolves.toMatch(NOTE);
      // The page itself is there: its heading and its inline style.
      await expect(page.locator('h1').count(), p).resolves.toBe(1);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.offline-note')!).borderInlineStartWidth), p).not.toBe('0px');
    }
    await expectNoAxeViolations(page);
  });

  it('offline: search finds a task on them', async () => {
    const tasks = await searched('Personalausweis');
    expect(tasks).toContain('/soest/buergerbuero/#anliegen-personalausweis-oder-reisepass-beantragen');
    await expect(note().innerText()).resolves.toMatch(NOTE);
  });

  it('offline: a page never visited is not made up', async () => {
    const response = await page.goto(url('/ense/')).catch(() => null);
    expect(response?.ok() ?? false).toBe(false);
  });

  it('back online: the published version, changed meanwhile, without the note', async () => {
    const file = path.join(dist, 'soest/buergerbuero/index.html');
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, html.replace('<h1', '<p id="changed">Neu veröffentlicht</p><h1'));
    await context.setOffline(false);
    await page.goto(url('/soest/buergerbuero/'));
    await expect(page.locator('#changed').innerText()).resolves.toBe('Neu veröffentlicht');
    await expect(note().count()).resolves.toBe(0);
    // And the saved copy is now that version: offline again, it is what shows, marked.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('#changed').innerText()).resolves.toBe('Neu veröffentlicht');
    await expect(note().innerText()).resolves.toMatch(NOTE);
    await context.setOffline(false);
  });

  it('with offline: false, the next sw.js removes the worker and what it saved', async () => {
    writeFileSync(path.join(dist, 'sw.js'), serviceWorkerSource(undefined));
    await page.goto(url('/'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.waitForFunction(() => navigator.serviceWorker.getRegistrations().then((all) => all.length === 0), null, { polling: 200, timeout: 10_000 });
    await page.waitForFunction(() => caches.keys().then((names) => names.length === 0), null, { polling: 200, timeout: 10_000 });
    await page.close();
  });
});
