/**
 * Search in the citizens' words (docs/content-format.md, "Eigene Wörter für die Suche"), in a real browser, on a fixture site with no
 * `keywords` anywhere (tests/fixtures/sites/alltag): an everyday word, a part of a compound or
 * a typo finds the right task with its status among the first three results, and a task comes
 * before a page that merely mentions the word. Several words, paraphrases and a misspelt word
 * that starts with a real word (issue 20) too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, fixture } from '../support/build.ts';
import { expectNoAxeViolations, launchBrowser, newPage, searchAnswered } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

let browser: Browser;
let server: ServedSite;

beforeAll(async () => {
  server = await serve(buildOnce(fixture('alltag')));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Shown {
  title: string;
  tasks: { title: string; status: string }[];
}

async function search(page: Page, query: string, params = ''): Promise<{ status: string; shown: Shown[] }> {
  await page.goto(new URL(`suche/?q=${encodeURIComponent(query)}${params}`, server.url).href);
  await searchAnswered(page, /Treffer|Ergebnisse für|nicht verfügbar/);
  const shown = await page.locator('.result').evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector('h2')!.textContent!.trim(),
      tasks: [...li.querySelectorAll('.result-tasks li')].map((task) => ({
        title: task.querySelector('a')!.textContent!.trim(),
        status: task.querySelector('.tag')?.textContent?.trim() ?? '',
      })),
    })),
  );
  return { status: await page.locator('#search-status').innerText(), shown };
}

const cases: [query: string, service: string, task: string, status: string][] = [
  ['Trauung', 'Standesamt – Musterstadt', 'Eheschließung anmelden', 'Nur Annahme'],
  ['umziehen', 'Bürgerbüro – Musterstadt', 'Wohnsitz an-, ab- oder ummelden', 'Nur Annahme'],
  ['Kennzeichen', 'Straßenverkehrsamt – Kreis Muster', 'Fahrzeug zulassen', 'Nicht möglich'],
  ['Schein', 'Fahrerlaubnisbehörde – Kreis Muster', 'Führerschein umtauschen', 'Eingeschränkt'],
  ['Zeugnis', 'Bürgerbüro – Musterstadt', 'Führungszeugnis beantragen', 'Eingeschränkt'],
  ['Steuer', 'Steuern und Abgaben – Musterstadt', 'Hundesteuer anmelden oder abmelden', 'Nur Annahme'],
  ['Müll', 'Abfallwirtschaft – Musterstadt', 'Sperrmüll-Abholung beantragen', 'Nicht möglich'],
  ['Bußgeld', 'Ordnungsamt – Musterstadt', 'Verwarnungsgeld bezahlen', 'Eingeschränkt'],
  ['Kindergarten', 'Kindertagesbetreuung – Musterstadt', 'Kita-Platz anmelden', 'Nur Annahme'],
  ['Geburt', 'Standesamt – Musterstadt', 'Geburtsurkunde beantragen', 'Eingeschränkt'],
  ['Fürherschein', 'Fahrerlaubnisbehörde – Kreis Muster', 'Führerschein umtauschen', 'Eingeschränkt'],
  ['Sperrmühl', 'Abfallwirtschaft – Musterstadt', 'Sperrmüll-Abholung beantragen', 'Nicht möglich'],
  ['Meldebeschenigung', 'Bürgerbüro – Musterstadt', 'Meldebescheinigung ausstellen lassen', 'Normal verfügbar'],
  // Several words, parts of a longer compound, paraphrases (issue 20).
  ['Hund Steuer', 'Steuern und Abgaben – Musterstadt', 'Hundesteuer anmelden oder abmelden', 'Nur Annahme'],
  ['Kind Geld', 'Elterngeldstelle – Kreis Muster', 'Elterngeld beantragen', 'Nur Annahme'],
  ['Parkausweis', 'Ordnungsamt – Musterstadt', 'Bewohnerparkausweis beantragen', 'Nicht möglich'],
  ['Ausweis sofort', 'Bürgerbüro – Musterstadt', 'Personalausweis oder Reisepass beantragen', 'Nicht möglich'],
  ['Oma Pflege', 'Sozialamt – Musterstadt', 'Hilfe zur Pflege beantragen', 'Nur Annahme'],
];

describe('the words citizens type find the task, with its status, among the first three', () => {
  for (const [query, service, task, status] of cases) {
    it(`"${query}" → ${task} (${status})`, async () => {
      const page = await newPage(browser);
      const { shown } = await search(page, query);
      const top = shown.slice(0, 3);
      const hit = top.find((r) => r.title === service);
      expect(hit, `${query}: ${shown.map((r) => r.title).join(' | ')}`).toBeDefined();
      expect(hit!.tasks.find((t) => t.title === task), `${query}: ${JSON.stringify(hit!.tasks)}`).toEqual({ title: task, status });
      // A page that merely mentions the word comes after the task.
      const mention = shown.findIndex((r) => r.title.startsWith('Pressestelle'));
      if (mention >= 0) expect(mention, query).toBeGreaterThan(shown.indexOf(hit!));
      await page.close();
    });
  }
});

describe('typos', () => {
  it('the page says what it searched for and links to the search exactly as typed', async () => {
    const page = await newPage(browser);
    const { status } = await search(page, 'Fürherschein');
    expect(status).toBe('Ergebnisse für „Führerschein“ — genau so suchen: „Fürherschein“');
    const link = page.locator('#search-status a');
    await expect(link.innerText()).resolves.toBe('Fürherschein');
    await expectNoAxeViolations(page);
    await link.click();
    // Exactly as typed: no correction (Pagefind itself may still find pages with a known beginning, "für").
    await searchAnswered(page, /Treffer für „Fürherschein“/);
    expect(new URL(page.url()).searchParams.get('exakt')).toBe('1');
    await expect(page.locator('#search-status a').count()).resolves.toBe(0);
    await page.close();
  });

  it('a misspelt word that starts with a real word is corrected too', async () => {
    const page = await newPage(browser);
    const { status, shown } = await search(page, 'Sozialammt');
    expect(status).toBe('Ergebnisse für „Sozialamt“ — genau so suchen: „Sozialammt“');
    expect(shown[0]?.title).toBe('Sozialamt – Musterstadt');
    await expect(page.locator('.result').first().locator('.tag').first().innerText()).resolves.toBe('Eingeschränkt');
    await page.close();
  });

  it('the word list is fetched only when a query has a word the index does not know', async () => {
    const page = await newPage(browser);
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('aushang-words.txt')) fetched.push(request.url());
    });
    await search(page, 'Führerschein');
    expect(fetched).toEqual([]);
    await search(page, 'Sperrmühl');
    expect(fetched).toHaveLength(1);
    await page.close();
  });
});

describe('several words', () => {
  it('when not every word is found, the page says which words it searched for', async () => {
    const page = await newPage(browser);
    const { status, shown } = await search(page, 'Hund Flugzeug');
    expect(status).toBe('Keine Treffer für alle Wörter — Ergebnisse für „Hund“');
    expect(shown[0]?.tasks[0]).toEqual({ title: 'Hundesteuer anmelden oder abmelden', status: 'Nur Annahme' });
    await expectNoAxeViolations(page);
    await page.close();
  });
});

describe('filters keep working', () => {
  it('the town filter narrows the everyday word to one town', async () => {
    const page = await newPage(browser);
    const { shown } = await search(page, 'Führerschein', '&ort=musterstadt');
    expect(shown.map((r) => r.title)).toEqual(['Pressestelle – Musterstadt']);
    await page.close();
  });

  it('the status filter applies to tasks found through a synonym', async () => {
    const page = await newPage(browser);
    const { shown } = await search(page, 'Trauung', '&status=possible');
    expect(shown.find((r) => r.title.startsWith('Standesamt'))?.tasks).toEqual([{ title: 'Eheschließung anmelden', status: 'Nur Annahme' }]);
    const unavailable = await search(page, 'Kennzeichen', '&status=normal');
    expect(unavailable.shown.find((r) => r.title.startsWith('Straßenverkehrsamt'))).toBeUndefined();
    await page.close();
  });

  it("the site's own vocabulary", async () => {
    const page = await newPage(browser);
    const { shown } = await search(page, 'Notfallmappe');
    expect(shown.map((r) => r.title)).toEqual(['Bürgerbüro – Musterstadt']);
    await page.close();
  });
});
