/** The service catalogue: its data, the kinds, the files written from it, and that every entry passes check. */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  entryTitle,
  FileExistsError,
  findEntry,
  kindsOf,
  loadCatalogue,
  renderServiceFile,
  renderTownFile,
  servicesFor,
  writeServiceFile,
} from '../../../src/catalogue/index.ts';
import { listCatalogue } from '../../../src/cli/catalogue.ts';
import { loadSite } from '../../../src/model/site.ts';
import { catalogueUsualSummaries } from '../../../src/schema/warnings.ts';

const catalogue = loadCatalogue();
const ids = (kind: string) => servicesFor(catalogue, kind).map((entry) => entry.id);
const updated = '2026-12-02 09:30';

describe('the data', () => {
  test('check knows the catalogue\'s "works as usual" summaries, to warn when only the status changed', () => {
    expect([...catalogueUsualSummaries]).toEqual([catalogue.texts.serviceSummary, catalogue.texts.townSummary]);
  });

  test('at least 40 services, every one with tasks', () => {
    expect(catalogue.services.length).toBeGreaterThanOrEqual(40);
    for (const entry of catalogue.services) expect(entry.tasks.length, entry.id).toBeGreaterThan(0);
  });

  test('the tasks citizens come for are there', () => {
    const tasks = catalogue.services.flatMap((entry) => entry.tasks);
    for (const task of ['Personalausweis beantragen', 'Wohnsitz anmelden', 'Fahrzeug zulassen', 'Eheschließung anmelden']) expect(tasks).toContain(task);
  });

  test('a task appears in one service only, so search finds one place', () => {
    const tasks = catalogue.services.flatMap((entry) => entry.tasks);
    expect(tasks.filter((task, i) => tasks.indexOf(task) !== i)).toEqual([]);
  });

  test('channels are examples to fill in, except fixed numbers (112)', () => {
    for (const entry of catalogue.services) {
      for (const channel of entry.channels) expect(channel.hint ?? String(channel.value), entry.id).toBeTruthy();
    }
    expect(findEntry(catalogue, 'feuerwehr')!.channels.find((channel) => channel.value !== undefined)).toMatchObject({ channel: 'phone', value: 112 });
  });

  test('a mistake in the data names the field', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aushang-catalogue-'));
    const file = path.join(dir, 'services.yaml');
    const text = (await readFile(new URL('../../../src/catalogue/services.yaml', import.meta.url), 'utf8')).replace('kinds: [Stadt, Gemeinde]', 'kinds: [Dorf]');
    await writeFile(file, text);
    expect(() => loadCatalogue(file)).toThrow(/services\.0\.kinds\.0/);
  });
});

describe('which services a kind gets', () => {
  test('a Kreis has the Kfz-Zulassung and the Ausländerbehörde, not the Bürgerbüro and the Standesamt', () => {
    expect(ids('Kreis')).toEqual(expect.arrayContaining(['kfz-zulassung', 'auslaenderbehoerde', 'fuehrerscheinstelle', 'jobcenter']));
    expect(ids('Kreis')).not.toContain('buergerbuero');
    expect(ids('Kreis')).not.toContain('standesamt');
  });

  test('a Stadt and a Gemeinde have the Bürgerbüro and the Standesamt, not the Kfz-Zulassung', () => {
    for (const kind of ['Stadt', 'Gemeinde']) {
      expect(ids(kind)).toEqual(expect.arrayContaining(['buergerbuero', 'standesamt']));
      expect(ids(kind)).not.toContain('kfz-zulassung');
    }
  });

  test('a Stadt has a few services a Gemeinde leaves to the Kreis', () => {
    expect(ids('Stadt')).toContain('bauaufsicht');
    expect(ids('Gemeinde')).not.toContain('bauaufsicht');
  });

  test('other words for the kind, in any case', () => {
    expect(kindsOf(catalogue, 'Landkreis')).toEqual(['Kreis']);
    expect(kindsOf(catalogue, 'kreisfreie stadt')).toEqual(['Stadt', 'Kreis']);
    expect(kindsOf(catalogue, 'Samtgemeinde')).toEqual(['Gemeinde']);
    expect(ids('Kreisfreie Stadt')).toEqual(catalogue.services.map((entry) => entry.id));
  });

  test('titles follow the kind', () => {
    const kasse = findEntry(catalogue, 'kasse')!;
    expect(entryTitle(kasse, ['Stadt'])).toBe('Stadtkasse');
    expect(entryTitle(kasse, ['Kreis'])).toBe('Kreiskasse');
    expect(entryTitle(findEntry(catalogue, 'standesamt')!, ['Gemeinde'])).toBe('Standesamt');
  });
});

describe('files written from the catalogue', () => {
  test('a service: normal, the summary says so, channels as examples to fill in', () => {
    expect(renderServiceFile(catalogue, findEntry(catalogue, 'fundbuero')!, { townKind: 'Gemeinde', updated })).toMatchInlineSnapshot(`
      "---
      title: Fundbüro
      status: normal
      updated: 2026-12-02 09:30
      summary: Arbeitet wie gewohnt. Alle Anliegen sind wie üblich möglich.
      # Beispiele: Ergänzen Sie bei jedem Weg die Angabe (value) vorab und löschen Sie Wege, die es
      # nicht gibt. Am Tag einer Störung ändern Sie nur noch den Status.
      channels:
        - channel: phone
          status: normal
          # value: Telefonnummer des Fundbüros mit Vorwahl
        - channel: in-person
          status: normal
          # value: Ort (Anschrift, Zimmer); die Öffnungszeiten gehören unter hours:
      tasks:
        - title: Fundsache abgeben
          status: normal
        - title: Verlorenen Gegenstand suchen
          status: normal
        - title: Fundsache abholen
          status: normal
      keywords: [Fundsachen, verloren, gefunden, Schlüssel, Geldbörse, Portemonnaie, Handy, Fahrrad]
      order: 45
      ---
      "
    `);
  });

  test('writeServiceFile (new --from) writes <id>.md or a slug of its own and never overwrites', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aushang-catalogue-'));
    const entry = findEntry(catalogue, 'standesamt')!;
    const file = await writeServiceFile(catalogue, dir, entry, { townKind: 'Stadt', updated });
    expect(path.basename(file)).toBe('standesamt.md');
    await expect(writeServiceFile(catalogue, dir, entry, { townKind: 'Stadt', updated })).rejects.toBeInstanceOf(FileExistsError);
    expect(path.basename(await writeServiceFile(catalogue, dir, entry, { townKind: 'Stadt', updated, slug: 'trauungen' }))).toBe('trauungen.md');
  });

  test.each(['Stadt', 'Gemeinde', 'Kreis', 'Kreisfreie Stadt'])('every entry for a %s passes check', async (kind) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aushang-catalogue-'));
    await writeFile(path.join(dir, 'site.yaml'), 'title: Test\noperator: Test\n');
    const townDir = path.join(dir, 'towns', 'musterort');
    for (const entry of servicesFor(catalogue, kind)) await writeServiceFile(catalogue, townDir, entry, { townKind: kind, updated });
    await writeFile(path.join(townDir, 'index.md'), renderTownFile(catalogue, { name: 'Musterort', kind, updated }));
    const result = await loadSite(dir, { urls: { base: '/' }, builtAt: Date.parse('2026-12-02T12:00:00Z') });
    if (!result.ok) throw new Error(result.errors.map((error) => JSON.stringify(error)).join('\n'));
    const town = result.site.towns[0]!;
    expect(town.services.length).toBe(servicesFor(catalogue, kind).length);
    expect(town.status).toBe('normal');
    for (const service of town.services) {
      expect(service.status).toBe('normal');
      expect(service.tasks.every((task) => task.status === 'normal')).toBe(true);
    }
  });

  test('the example channels, once filled in as the comments say, pass check too', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aushang-catalogue-'));
    await writeFile(path.join(dir, 'site.yaml'), 'title: Test\noperator: Test\n');
    const values: Record<string, string> = { phone: '02921 103-0', fax: '02921 103-1', email: 'info@example.de', post: 'Markt 1\n59494 Musterort', 'in-person': 'Rathaus, Markt 1', online: 'https://www.example.de/online', web: 'https://www.example.de' };
    const townDir = path.join(dir, 'towns', 'musterort');
    const fill = (text: string) => text.replace(/^( *)# value: .*$/gm, (_, indent: string, offset: number) => {
      const kind = /channel: (\S+)\n[^\n]*\n$/.exec(text.slice(0, offset))![1]!;
      return `${indent}value: ${JSON.stringify(values[kind])}`;
    });
    await mkdir(townDir, { recursive: true });
    for (const entry of catalogue.services) await writeFile(path.join(townDir, `${entry.id}.md`), fill(renderServiceFile(catalogue, entry, { townKind: 'Kreisfreie Stadt', updated })));
    await writeFile(path.join(townDir, 'index.md'), fill(renderTownFile(catalogue, { name: 'Musterort', kind: 'Kreisfreie Stadt', updated })));
    const result = await loadSite(dir, { urls: { base: '/' }, builtAt: Date.parse('2026-12-02T12:00:00Z') });
    if (!result.ok) throw new Error(result.errors.map((error) => JSON.stringify(error)).join('\n'));
    const channels = result.site.towns[0]!.services.flatMap((service) => service.channels);
    expect(channels.every((channel) => channel.value !== undefined)).toBe(true);
  });
});

describe('aushang catalogue', () => {
  test('lists id, title and kinds; with --kind the titles of that kind', () => {
    const lines = listCatalogue(catalogue, { kind: 'Kreis' });
    expect(lines.find((line) => line.startsWith('kasse '))).toMatch(/^kasse +Kreiskasse \(Stadt, Gemeinde, Kreis\)$/);
    expect(lines.at(-1)).toBe(`${servicesFor(catalogue, 'Kreis').length} services for a Kreis. aushang init prepares them for a new town; the id is the file name (towns/<town>/<id>.md).`);
  });

  test('a kind the catalogue maps says what it counts as', () => {
    expect(listCatalogue(catalogue, { kind: 'Landkreis' }).at(-1)).toMatch(/ services for a Landkreis \(Kreis\)\. /);
  });

  test('--tasks lists each service’s tasks', () => {
    const lines = listCatalogue(catalogue, { tasks: true });
    expect(lines).toContain(`${' '.repeat(Math.max(...catalogue.services.map((e) => e.id.length)))}    - Fahrzeug zulassen`);
  });
});
