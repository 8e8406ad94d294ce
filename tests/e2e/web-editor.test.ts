/**
 * The web editor at /admin/ in Chromium, offline: a copy of the example site with an `editor:`
 * block is built and served; the editor works on a local repository (the site's files in the
 * browser's private file system, see tests/support/local-repository.ts). A clerk sets
 * Soest's Bürgerbüro to "Nur Annahme" with a sentence and adds an update; the saved file must
 * say exactly that, keep everything else, and pass `check`. The German interface must load
 * without any request to another origin.
 *
 * `AUSHANG_SCREENSHOTS=docs npx vitest run tests/e2e/web-editor.test.ts` also renews the
 * screenshots in docs/.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, root, runCli, tempDir } from '../build/helpers.ts';
import { launchBrowser, newPage } from '../support/browser.ts';
import { answerDirectoryPicker, filesOf, readRepository, writeRepository } from '../support/local-repository.ts';
import { serve, type ServedSite } from '../support/serve.ts';

const SERVICE = 'content/towns/soest/buergerbuero.md';
const SUMMARY = 'Anträge werden angenommen und nach dem Neustart der Technik bearbeitet.';
const UPDATE_AT = '2023-11-04 09:30';
const UPDATE = 'Anträge auf Meldebescheinigungen werden wieder angenommen.';
/** GitHub's status page, which Sveltia asks about; the editor's policy blocks it on purpose. */
const GITHUB_STATUS = 'https://www.githubstatus.com/';

let browser: Browser;
let site: ServedSite;
let content: string;
let original: Record<string, string>;
const shots = process.env.AUSHANG_SCREENSHOTS ? path.resolve(root, process.env.AUSHANG_SCREENSHOTS) : undefined;

beforeAll(async () => {
  content = path.join(tempDir(), 'content');
  cpSync(path.join(root, 'content'), content, { recursive: true });
  writeFileSync(path.join(content, 'site.yaml'), `${readFileSync(path.join(content, 'site.yaml'), 'utf8')}editor:\n  backend: github\n  repo: kreis-soest/notfall\n`);
  original = filesOf(content, 'content/');
  site = await serve(buildSite(content));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Watch {
  foreign: string[];
  blocked: string[];
}

/** Records requests to other origins and whatever the page's policy blocked. */
function watch(page: Page): Watch {
  const result: Watch = { foreign: [], blocked: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(site.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) result.foreign.push(url);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (!/Content Security Policy|Refused to/.test(text)) return;
    result.blocked.push(/https?:\/\/[^\s'"]+/.exec(text)?.[0] ?? text);
  });
  return result;
}

/** Opens the editor on the local repository holding `files`, as a signed-in clerk sees it. */
async function openEditor(files: Record<string, string>): Promise<{ page: Page; seen: Watch }> {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  await page.goto(new URL('favicon.svg', site.url).href);
  await writeRepository(page, files);
  await answerDirectoryPicker(page);
  await page.goto(new URL('admin/', site.url).href);
  await page.getByRole('button', { name: 'Mit lokalem Repository arbeiten' }).click();
  await page.getByRole('treeitem', { name: /Dienste/ }).first().waitFor();
  return { page, seen };
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, name) });
}

describe('the web editor', () => {
  it('loads in German with no request to another origin', async () => {
    const { page, seen } = await openEditor(original);
    for (const name of ['Dienste', 'Orte', 'Störungen', 'Seiten']) await expect(page.getByRole('treeitem', { name: new RegExp(name) }).first().isVisible()).resolves.toBe(true);
    await page.getByRole('treeitem', { name: /Orte/ }).first().click();
    await page.getByText('Märkischer Kreis', { exact: true }).first().waitFor();
    await screenshot(page, 'web-editor-orte.png');
    expect(seen.foreign).toEqual([]);
    expect(seen.blocked.filter((url) => !url.startsWith(GITHUB_STATUS))).toEqual([]);
    await page.close();
  });

  it('saves a new status, summary and update that check accepts, and keeps the rest', async () => {
    const { page, seen } = await openEditor(original);
    await page.getByRole('treeitem', { name: 'soest', exact: true }).click();
    await page.getByText(/^Bürgerbüro – Eingeschränkt$/).first().waitFor();
    await screenshot(page, 'web-editor-dienste.png');
    await page.getByText(/^Bürgerbüro – /).first().click();
    await page.getByRole('radio', { name: 'Nur Annahme' }).first().click();
    await page.getByRole('textbox', { name: 'Kurz gesagt' }).fill(SUMMARY);
    // "Stand": now, as the hint under the field asks.
    await page.getByRole('button', { name: 'Jetzt' }).first().click();
    await screenshot(page, 'web-editor-dienst.png');
    await page.getByRole('button', { name: /Neuigkeit\W* hinzufügen/ }).click();
    await page.locator('input[type="datetime-local"]').nth(3).fill(UPDATE_AT.replace(' ', 'T'));
    await page.getByRole('textbox', { name: 'Meldung' }).first().fill(UPDATE);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(/gespeichert/i).first().waitFor();

    const after = await readRepository(page);
    const changed = Object.keys(after).filter((file) => after[file] !== original[file]);
    expect(changed).toEqual([SERVICE]);
    const before = matter(original[SERVICE]!);
    const saved = matter(after[SERVICE]!);
    const { updated, ...rest } = saved.data;
    expect(updated).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(rest).toEqual({
      ...before.data,
      updated: undefined,
      status: 'deferred',
      summary: SUMMARY,
      updates: [{ at: UPDATE_AT, text: UPDATE }, ...before.data.updates],
    });
    expect(saved.content.trim()).toBe(before.content.trim());

    const checked = path.join(tempDir(), 'content');
    cpSync(content, checked, { recursive: true });
    writeFileSync(path.join(checked, 'towns/soest/buergerbuero.md'), after[SERVICE]!);
    const run = runCli('check', [checked]);
    expect(run.stdout + run.stderr).toContain('Keine Fehler');
    expect(run.status).toBe(0);
    expect(seen.foreign).toEqual([]);
    await page.close();
  });

  it('does not save what check would reject: two paragraphs in "Kurz gesagt"', async () => {
    const { page } = await openEditor(original);
    await page.getByRole('treeitem', { name: 'soest', exact: true }).click();
    await page.getByText(/^Bürgerbüro – /).first().click();
    await page.getByRole('textbox', { name: 'Kurz gesagt' }).fill('Absatz eins.\n\nAbsatz zwei.');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte nur ein Absatz: keine Leerzeile, kein HTML, keine Bilder; Links nur mit https://, http://, mailto:, tel: oder /pfad/.').first().waitFor();
    expect((await readRepository(page))[SERVICE]).toBe(original[SERVICE]);
    await page.close();
  });

  it('does not save a phone number without area code, and offers only existing incidents as the cause', async () => {
    const { page } = await openEditor(original);
    await page.getByRole('treeitem', { name: 'soest', exact: true }).click();
    await page.getByText(/^Bürgerbüro – /).first().click();
    // The cause is a choice of the incidents that exist (or none): no field to type "Cyberangriff" into.
    const cause = page.getByRole('radiogroup', { name: 'Ursache (Störung)' });
    await cause.waitFor();
    expect(await cause.getByRole('radio').count()).toBe(2);
    await expect(cause.getByRole('radio', { name: '(keine)' }).isVisible()).resolves.toBe(true);
    await expect(cause.getByRole('radio', { name: 'Cyberangriff auf Südwestfalen-IT' }).isChecked()).resolves.toBe(true);
    expect(await page.getByRole('group', { name: /Ursache/ }).first().getByRole('textbox').count()).toBe(0);
    // The phone number of the first way to get in touch, written without its area code.
    const contacts = page.getByRole('group', { name: /^Feld „\W*Kontaktwege\W*“$/ });
    await contacts.getByRole('button', { name: 'Alle aufklappen' }).click();
    await contacts.getByRole('textbox', { name: 'Nummer, Adresse oder Link' }).first().fill('800-3211');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte die Nummer mit Vorwahl angeben, z. B. 02921 103-2127 oder +49 2921 1032127. Ohne Vorwahl gehen nur 110, 112, 115 und 116117.').first().waitFor();
    await screenshot(page, 'web-editor-vorwahl.png');
    expect((await readRepository(page))[SERVICE]).toBe(original[SERVICE]);
    await page.close();
  });
});
