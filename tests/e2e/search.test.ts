/**
 * Search in a real browser against the built example site: what a citizen types, what they
 * see in the result list itself, filters, keyboard, no JavaScript, a host that blocks the
 * index, and a copy served below a path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root } from '../support/build.ts';
import { expectNoAxeViolations, launchBrowser, newPage, searchAnswered } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

let browser: Browser;
let server: ServedSite;
let dist: string;

beforeAll(async () => {
  dist = buildOnce(path.join(root, 'content'));
  server = await serve(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (p: string, site: ServedSite = server) => new URL(p.replace(/^\//, ''), site.url).href;

/** Waits until the live region reports an outcome, and returns it. */
async function outcome(page: Page): Promise<string> {
  await searchAnswered(page, /Treffer|nicht verfügbar|Geben Sie ein/);
  return page.locator('#search-status').innerText();
}

interface Shown {
  title: string;
  status: string;
  tasks: { title: string; status: string; href: string }[];
}

async function results(page: Page): Promise<Shown[]> {
  return page.locator('.result').evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector('h2')!.textContent!.trim(),
      status: li.querySelector(':scope > .tag')?.textContent?.trim() ?? '',
      tasks: [...li.querySelectorAll('.result-tasks li')].map((task) => ({
        title: task.querySelector('a')!.textContent!.trim(),
        status: task.querySelector('.tag')?.textContent?.trim() ?? '',
        href: task.querySelector('a')!.getAttribute('href')!,
      })),
    })),
  );
}

async function search(page: Page, query: string, params = ''): Promise<Shown[]> {
  await page.goto(url(`/suche/?q=${encodeURIComponent(query)}${params}`));
  await outcome(page);
  return results(page);
}

describe('what a citizen types', () => {
  it('"Personalausweis" finds the Bürgerbüro tasks of Soest and Werl, with their status in the list', async () => {
    const page = await newPage(browser);
    const shown = await search(page, 'Personalausweis');
    expect(shown.slice(0, 2).map((r) => r.title).sort()).toEqual(['Bürgerbüro – Soest', 'Bürgerbüro – Werl']);
    for (const result of shown.slice(0, 2)) {
      expect(result.status).toBe('Eingeschränkt');
      expect(result.tasks[0]).toMatchObject({ title: 'Personalausweis oder Reisepass beantragen', status: 'Nicht möglich' });
    }
    await expect(page.locator('#search-status').innerText()).resolves.toBe('2 Treffer für „Personalausweis“');
    await expectNoAxeViolations(page);
    await page.close();
  });

  const expectations: [query: string, first: string, task: RegExp | null][] = [
    ['Personalausweis', 'Bürgerbüro', /^Personalausweis oder Reisepass beantragen$/],
    ['Reisepass', 'Bürgerbüro', /^Personalausweis oder Reisepass beantragen$/],
    ['Führerschein', 'Bürgerbüro – Werl', /^Führerschein/],
    ['Sperrmüll', 'Sperrmüll – Soest', /^Sperrmüll-Abholung/],
    ['KiTa', 'KiTa-Vormerkung – Soest', /KiTa-Platz/],
    ['Bauantrag', 'Bauordnung', /^Bauantrag einreichen$/],
    ['Rechnung', 'Rechnungen an die Stadt', /^Rechnung an die Stadt/],
    ['Eheschließung', 'Standesamt', /Eheschließung/],
    ['Gewerbe', 'Gewerbe', /^Gewerbe anmelden oder abmelden$/],
    ['Kennzeichen', 'Kfz-Zulassung – Kreis Soest', null],
    ['Perso', 'Bürgerbüro', /^Personalausweis/],
    ['Heiratsurkunde', 'Standesamt', null],
  ];
  for (const [query, first, task] of expectations) {
    it(`"${query}" gives ${first} first`, async () => {
      const page = await newPage(browser);
      const [top] = await search(page, query);
      expect(top, query).toBeDefined();
      expect(top!.title.startsWith(first), `${query}: ${top!.title}`).toBe(true);
      expect(top!.status).not.toBe('');
      if (task) expect(top!.tasks[0]?.title, query).toMatch(task);
      await page.close();
    });
  }

  it('a task result links to its anchor on the service page', async () => {
    const page = await newPage(browser);
    const shown = await search(page, 'Sperrmüll');
    const href = shown[0]!.tasks[0]!.href;
    expect(href).toMatch(/^\/soest\/sperrmuell\/#anliegen-/);
    await page.locator(`.result-tasks a[href="${href}"]`).click();
    await page.waitForURL(/#anliegen-/);
    const id = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`[id="${id}"]`).isVisible()).resolves.toBe(true);
    await page.close();
  });
});

describe('filters', () => {
  it('the town filter narrows to one town', async () => {
    const page = await newPage(browser);
    const all = await search(page, 'Bürgerbüro');
    expect(all.some((r) => r.title.endsWith('Werl'))).toBe(true);
    await page.selectOption('#ort', 'soest');
    await searchAnswered(page, /in Soest/);
    const soest = await results(page);
    expect(soest.length).toBeGreaterThan(0);
    for (const r of soest) expect(r.title).not.toMatch(/Werl|Kreis Soest$/);
    expect(new URL(page.url()).searchParams.get('ort')).toBe('soest');
    await page.close();
  });

  it('"only what is possible" hides tasks that are not possible', async () => {
    const page = await newPage(browser);
    const shown = await search(page, 'Personalausweis', '&status=possible');
    const statuses = shown.flatMap((r) => r.tasks.map((t) => t.status));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses).not.toContain('Nicht möglich');
    await page.close();
  });

  it('the search on a town page is narrowed to that town', async () => {
    const page = await newPage(browser);
    await page.goto(url('/werl/'));
    await page.fill('#q', 'Standesamt');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\/suche\/\?q=Standesamt&ort=werl$/);
    expect(await outcome(page)).toContain('in Werl');
    await expect(page.locator('#ort').inputValue()).resolves.toBe('werl');
    for (const r of await results(page)) expect(r.title).not.toContain('Soest');
    await page.close();
  });

  it('works with the back button', async () => {
    const page = await newPage(browser);
    await search(page, 'Sperrmüll');
    await page.fill('#q', 'Gewerbe');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=Gewerbe/);
    await outcome(page);
    await page.goBack();
    // Polled while the page may still be loading: an element not there yet is no answer yet.
    await page.waitForFunction(() => (document.getElementById('q') as HTMLInputElement | null)?.value === 'Sperrmüll');
    await searchAnswered(page, /Sperrmüll/);
    expect((await results(page))[0]!.title).toBe('Sperrmüll – Soest');
    await page.close();
  });

  it('returns to the search before the typing also when the typed search ran before Enter', async () => {
    const page = await newPage(browser);
    await search(page, 'Sperrmüll');
    await page.fill('#q', 'Gewerbe');
    // The pause after the key runs out first: the typed search has its own history entry already.
    await page.waitForURL(/q=Gewerbe/);
    await outcome(page);
    await page.press('#q', 'Enter');
    await page.goBack();
    await page.waitForFunction(() => (document.getElementById('q') as HTMLInputElement | null)?.value === 'Sperrmüll');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Sperrmüll');
    await page.close();
  });
});

describe('by keyboard only', () => {
  it('types a query, reaches the first task result with Tab and opens it with Enter', async () => {
    const page = await newPage(browser);
    await page.goto(url('/suche/'));
    await outcome(page);
    // Skip link, then the site title and the two navigation links, then the search field.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'q')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('Führerschein');
    await page.keyboard.press('Enter');
    await searchAnswered(page, /Führerschein/);
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => Boolean(document.activeElement?.closest('.result-tasks')))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Führerschein/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/werl\/buergerbuero\/#anliegen-/);
    await page.close();
  });
});

describe('when search cannot work', () => {
  it('without JavaScript the page points to the A–Z list', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(url('/suche/?q=Personalausweis'));
    await expect(page.locator('#search-status').innerText()).resolves.toContain('Die Suche braucht JavaScript');
    await expect(page.locator('#search-status a[href="/anliegen/"]').count()).resolves.toBe(1);
    await expect(page.locator('.result').count()).resolves.toBe(0);
    await page.close();
  });

  it('a host that blocks the index: says so and links to A–Z, never an empty result list', async () => {
    // Blocked: routes do not see what the offline service worker fetches for the page.
    const page = await newPage(browser, { serviceWorkers: 'block' });
    await page.route(/\/pagefind\/.*\.(pagefind|pf_meta|pf_index|pf_fragment)$/, (route) => route.abort());
    await page.route(/\.wasm/, (route) => route.abort());
    await page.goto(url('/suche/?q=Personalausweis'));
    expect(await outcome(page)).toContain('nicht verfügbar');
    await expect(page.locator('#search-status a[href="/anliegen/"]').count()).resolves.toBe(1);
    await expect(page.locator('.result').count()).resolves.toBe(0);
    await page.close();
  });

  it('while the index loads: the query stays in the field, the A–Z list and the hotline are offered', async () => {
    const page = await newPage(browser, { serviceWorkers: 'block' });
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route(/\/pagefind\/pagefind\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url('/suche/?q=Personalausweis'));
    await expect(page.locator('#q').inputValue()).resolves.toBe('Personalausweis');
    await expect(page.locator('#search-status').innerText()).resolves.toContain('Die Suche wird geladen');
    await expect(page.locator('#search-status a[href="/anliegen/"]').count()).resolves.toBe(1);
    await expect(page.locator('.search-ways').innerText()).resolves.toBe('Auch ohne Suche: Anliegen A–Z · Bürgertelefon 02921 30-0');
    await expect(page.locator('.search-ways a[href^="tel:"]').count()).resolves.toBe(1);
    release();
    expect(await outcome(page)).toBe('2 Treffer für „Personalausweis“');
    await page.close();
  });

  it('other pages load only the page script; Pagefind’s files once a search field gets focus, and nothing else', async () => {
    const page = await newPage(browser, { serviceWorkers: 'block' });
    const requested: string[] = [];
    page.on('request', (request) => {
      const { pathname, search } = new URL(request.url());
      if (request.resourceType() !== 'document' && pathname !== '/favicon.svg') requested.push(pathname + search);
    });
    for (const p of ['/', '/soest/', '/soest/buergerbuero/', '/anliegen/']) await page.goto(url(p));
    expect(new Set(requested).size).toBe(1);
    expect(requested[0]).toMatch(/^\/assets\/Head\.astro[^/]*\.js$/);
    await page.goto(url('/soest/'));
    requested.length = 0;
    await page.focus('input[name="q"]');
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; wasm: string }> };
    const { hash, wasm } = entry.languages.de!;
    const tag = (await page.locator('form[data-pagefind]').getAttribute('data-tag'))!;
    const expected = ['/pagefind/pagefind.js', `/pagefind/pagefind-entry.json?ts=${tag}`, `/pagefind/wasm.${wasm}.pagefind`, `/pagefind/pagefind.${hash}.pf_meta`];
    await expect.poll(() => [...requested].sort()).toEqual([...expected].sort());
    // The search page asks for the entry file at the same address (metaCacheTag).
    await page.goto(url('/suche/?q=Personalausweis'));
    await outcome(page);
    expect(requested.filter((r) => r.startsWith('/pagefind/pagefind-entry.json')).every((r) => r === expected[1])).toBe(true);
    await page.close();
  });
});

describe('without layout shift', () => {
  /**
   * The layout shifts of a page load as Lighthouse counts them: every 'layout-shift' entry
   * without recent input, from the start (buffered), until the outcome is shown and a moment
   * after.
   */
  async function shifts(page: Page, p: string): Promise<{ total: number; moved: string[] }> {
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node }[] }[]) {
          if (entry.hadRecentInput) continue;
          const sources = entry.sources.map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}${s.node.id ? `#${s.node.id}` : ''}.${s.node.className}` : String(s.node?.nodeName)));
          w.__shifts.push({ value: entry.value, sources });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url(p));
    await outcome(page);
    await page.waitForTimeout(500);
    const entries = await page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
    return { total: entries.reduce((sum, e) => sum + e.value, 0), moved: entries.flatMap((e) => e.sources) };
  }

  // Lighthouse's phone (412 × 823) and desktop (1350 × 940) screens, and a small phone.
  for (const viewport of [{ width: 412, height: 823 }, { width: 1350, height: 940 }, { width: 320, height: 568 }]) {
    for (const p of ['/suche/?q=Personalausweis', '/suche/?q=Ausweis&status=possible', '/suche/']) {
      it(`nothing moves while ${p} loads and shows its outcome (${viewport.width} × ${viewport.height})`, async () => {
        const page = await newPage(browser, { viewport });
        const { total, moved } = await shifts(page, p);
        expect({ total, moved }).toEqual({ total: 0, moved: [] });
        await page.close();
      });
    }
  }

  it('nothing below the results moves when typing brings results', async () => {
    const page = await newPage(browser, { viewport: { width: 412, height: 823 } });
    await page.goto(url('/suche/'));
    await outcome(page);
    const footer = page.locator('.site-footer');
    const before = await footer.evaluate((el) => el.getBoundingClientRect().top + scrollY);
    await page.locator('#q').fill('Personalausweis');
    await searchAnswered(page, /Treffer/);
    const after = await footer.evaluate((el) => el.getBoundingClientRect().top + scrollY);
    // The footer starts below the screen and stays there, or does not move at all.
    expect(before >= 823 || after === before, `footer from ${before} to ${after}`).toBe(true);
    await page.close();
  });
});

describe('the whole list, after the first results', () => {
  it('is busy while the rest are read, and then longer', async () => {
    // No service worker: the requests it would make for the page are not routed through page.route.
    const page = await newPage(browser, { serviceWorkers: 'block' });
    // Every result's data after the first ten comes two seconds late.
    let fragments = 0;
    await page.route('**/pagefind/fragment/**', async (route) => {
      if (++fragments > 10) await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await page.goto(url(`/suche/?q=${encodeURIComponent('Kreis')}`));
    await page.waitForFunction(() => /Treffer/.test(document.getElementById('search-status')?.textContent ?? ''));
    // The list as it is at the first answer, read at once.
    const first = await page.evaluate(() => ({
      status: document.getElementById('search-status')!.textContent!,
      busy: document.getElementById('search-results')!.getAttribute('aria-busy'),
      shown: document.querySelectorAll('.result').length,
    }));
    const count = Number(/^(\d+) Treffer/.exec(first.status)?.[1]);
    expect(count).toBeGreaterThan(10);
    expect(first).toMatchObject({ busy: 'true', shown: 10 });
    await searchAnswered(page, /Treffer/);
    expect(await page.locator('.result').count()).toBe(Math.min(count, 40));
    // The delay was on the way: the later results' data came through the route.
    expect(fragments).toBeGreaterThan(10);
    await page.close();
  });

  it('is not busy after a search with no more to read', async () => {
    const page = await newPage(browser);
    await search(page, 'Personalausweis');
    expect(await page.locator('#search-results').getAttribute('aria-busy')).toBeNull();
    await page.close();
  });
});

describe('below a path', () => {
  it('finds and links correctly when served at /notfall/', async () => {
    const below = await serve(buildOnce(path.join(root, 'content'), { BASE_PATH: '/notfall/' }), { base: '/notfall/' });
    try {
      const page = await newPage(browser);
      await page.goto(url('/suche/?q=Personalausweis', below));
      expect(await outcome(page)).toBe('2 Treffer für „Personalausweis“');
      const hrefs = await page.locator('.result a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      for (const href of hrefs) expect(href).toMatch(/^\/notfall\//);
      await page.locator('.result-tasks a').first().click();
      await page.waitForURL(/\/notfall\/(soest|werl)\/buergerbuero\/#anliegen-/);
      await page.close();
    } finally {
      await below.close();
    }
  });
});
