/** `aushang init --towns <file>`: a district and its towns from one list, checked, idempotent. */
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalogue, servicesFor } from '../../../src/catalogue/index.ts';
import { initSite, InitError, nameSaysKind, resolveSettings } from '../../../src/init/index.ts';
import { parseCsv, readTownList, TownListError } from '../../../src/init/towns.ts';
import { loadSite } from '../../../src/model/site.ts';
import { formatContentError } from '../../../src/schema/errors.ts';

const now = Date.parse('2026-12-02T08:30:00Z');
const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'aushang-towns-'));

const soest = [
  '\uFEFFname,kind,parent,phone,address,website,ars',
  'Kreis Soest,Kreis,,02921 30-0,"Hoher Weg 1-3, 59494 Soest",www.kreis-soest.de,05974',
  'Werl,Stadt,Kreis Soest,02922 800-0,"Hedwig-Dransfeld-Str. 23, 59457 Werl",https://www.werl.de,',
  'Ense,Gemeinde,kreis-soest,,,,',
].join('\r\n');

async function withList(name: string, text: string) {
  const dir = await tempDir();
  const list = path.join(dir, name);
  await writeFile(list, text);
  const site = path.join(dir, 'site');
  return { dir, list, site, read: (file: string) => readFile(path.join(site, file), 'utf8') };
}

async function checked(site: string): Promise<string> {
  const result = await loadSite(path.join(site, 'content'), { urls: { base: '/' }, builtAt: now, cwd: site });
  return result.ok ? '' : result.errors.map((e) => formatContentError(e, 'en')).join('\n');
}

async function listErrors(text: string, name = 'towns.csv', language: 'de' | 'en' = 'en'): Promise<string> {
  const { dir, list } = await withList(name, text);
  const error = await readTownList(list, { cwd: dir, language, country: 'DE', existing: [] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TownListError);
  return (error as Error).message;
}

describe('the CSV reader', () => {
  test('quotes, a comma and a line break in quotes, "" for a quote, BOM, CRLF, empty lines', () => {
    const { rows } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\r\nthere"\r\n\r\nz,\r\n');
    expect(rows.map((row) => row.map((cell) => cell.value))).toEqual([['a', 'b'], ['x, y', 'say "hi"\r\nthere'], ['z', '']]);
    expect(rows[2]![0]!.at).toEqual({ line: 5, column: 1 });
    expect(rows[1]![1]!.at).toEqual({ line: 2, column: 8 });
  });

  test('semicolons, as a German spreadsheet exports', () => {
    expect(parseCsv('name;kind\nWerl;Stadt\n').rows.map((row) => row.map((cell) => cell.value))).toEqual([['name', 'kind'], ['Werl', 'Stadt']]);
  });

  test('a quote that is not closed is found where it opens', () => {
    expect(parseCsv('a,b\n"x,y\n').unclosed).toEqual({ line: 2, column: 1 });
  });
});

describe('mistakes in the list: file, line, column, in the site’s language; no town', { timeout: 30_000 }, () => {
  test('CSV', async () => {
    const text = 'name;kind;phone;website\nA;Stadt;02921 1;http://a.de\n;Stadt\nC;Stadt;;;x\nA;Gemeinde\nsuche;Stadt\n';
    expect(await listErrors(text)).toBe(
      [
        'towns.csv:2:9: phone: "02921 1" is not a valid phone number — allowed: a number with area code such as 02921 / 103-2127 or +49 2921 103-0, or 110, 112, 115, 116117',
        'towns.csv:2:17: website: "http://a.de" — allowed: https addresses only',
        'towns.csv:3:1: name: missing — this field is required',
        'towns.csv:4:11: 5 values, the header row has 4 columns — is there a comma in a value? Then put the value in "…"',
        'towns.csv:6:1: slug: "suche" is an address of the site itself — not allowed: api, suche, anliegen, stoerungen, aushang, feed.xml, 404, assets, pagefind, admin',
      ].join('\n'),
    );
  });

  test('a town twice, an unknown parent, an unknown column — in German', async () => {
    const text = 'name,kind,parent,ort\nWerl,Stadt,Kreis Sost,x\nWerl,Stadt,,\n';
    expect(await listErrors(text, 'towns.csv', 'de')).toBe(
      [
        'towns.csv:1:18: unbekannte Spalte „ort“ — erlaubt: name, kind, slug, parent, phone, email, address, website, ars',
        'towns.csv:2:12: parent: „Kreis Sost“ ist kein Ort der Liste oder der Website — vorhanden: werl',
        'towns.csv:3:1: slug: der Ort „werl“ steht zweimal in der Liste, zuerst in Zeile 2 — erlaubt: jeder Ort einmal (eigener Ordnername: Spalte slug)',
      ].join('\n'),
    );
  });

  test('a header without kind', async () => {
    expect(await listErrors('name\nWerl\n')).toBe('towns.csv:1:1: the header row has no column "kind" — required: name, kind\ntowns.csv:2:1: kind: missing — this field is required');
  });

  test('YAML: the column of the value', async () => {
    const text = '- name: Werl\n  kind: Stadt\n  phone: "12345"\n- name: Ense\n  kind: [Gemeinde]\n- Soest\n';
    expect(await listErrors(text, 'towns.yaml')).toBe(
      [
        'towns.yaml:3:10: phone: "12345" has no area code — allowed: a number with area code, e.g. 02921 / 103-2342',
        'towns.yaml:5:9: kind: not a single value — allowed: a text',
        'towns.yaml:6:3: not a list of towns — allowed: entries like "- name: Werl" with "kind: Stadt" below',
      ].join('\n'),
    );
  });

  test('another file type', async () => {
    expect(await listErrors('x', 'towns.xlsx')).toBe('towns.xlsx: allowed is a list of towns as a CSV file (.csv, header row name,kind,…) or a YAML file (.yaml, .yml: entries with name, kind, …)');
  });

  test('init writes nothing then', async () => {
    const { dir, list, site } = await withList('towns.csv', 'name,kind,phone\nWerl,Stadt,123\n');
    const error = await initSite(site, { now, towns: list, cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InitError);
    expect((error as Error).message).toBe('towns.csv:2:12: phone: „123“ hat keine Vorwahl — erlaubt: eine Nummer mit Vorwahl, z. B. 02921 / 103-2342\nNichts wurde geschrieben.');
    expect(await readdir(dir)).toEqual(['towns.csv']);
  });
});

describe('a district from one list', { timeout: 30_000 }, () => {
  test('the list alone: named after its district, every town with its services, contacts and parent; check finds no error', async () => {
    const { dir, list, site, read } = await withList('towns.csv', soest);
    const result = await initSite(site, { now, towns: list, cwd: dir });
    expect(result.towns).toEqual({ created: ['kreis-soest', 'werl', 'ense'], existing: [] });
    expect(result.arsIgnored).toBe(true);
    expect(await checked(site)).toBe('');
    const loaded = await loadSite(path.join(site, 'content'), { urls: { base: '/' }, builtAt: now });
    if (!loaded.ok) throw new Error('not ok');
    expect(loaded.site.settings).toMatchObject({ operator: 'Kreis Soest', title: 'Notfall-Informationen – Kreis Soest' });
    const catalogue = loadCatalogue();
    for (const town of loaded.site.towns) expect(town.services.length).toBe(servicesFor(catalogue, town.kind).length);
    expect(loaded.site.towns.map((town) => [town.slug, town.parent])).toEqual([
      ['ense', 'kreis-soest'],
      ['kreis-soest', undefined],
      ['werl', 'kreis-soest'],
    ]);
    const werl = await read('content/towns/werl/index.md');
    expect(werl).toContain('  - channel: phone\n    status: normal\n    value: 02922 800-0\n');
    expect(werl).toContain('  - channel: in-person\n    status: normal\n    value: "Hedwig-Dransfeld-Str. 23, 59457 Werl"\n');
    expect(werl).toContain('  - channel: web\n    status: normal\n    value: https://www.werl.de\n');
    expect(werl).toContain('    # value: allgemeine E-Mail-Adresse');
    expect(werl).not.toMatch(/^status:/m);
    expect(await read('content/towns/kreis-soest/index.md')).toContain('value: https://www.kreis-soest.de\n');
    expect((await read('CODEOWNERS')).split('\n').slice(-4)).toEqual([
      '# /content/towns/kreis-soest/  @BEISPIEL-ORGANISATION/redaktion-kreis-soest',
      '# /content/towns/werl/  @BEISPIEL-ORGANISATION/redaktion-werl',
      '# /content/towns/ense/  @BEISPIEL-ORGANISATION/redaktion-ense',
      '',
    ]);
  });

  test('--name "Kreis Soest" --kind Kreis --town kreis-soest --towns: the district and its towns in one go; towns without parent belong to it', async () => {
    const { dir, list, site } = await withList('towns.yaml', '- { name: Werl, kind: Stadt, phone: 02922 800-0 }\n- { name: Möhnesee, kind: Gemeinde }\n- { name: Lippetal, kind: Gemeinde, slug: lippetal }\n');
    const result = await initSite(site, { now, towns: list, cwd: dir, name: 'Kreis Soest', kind: 'Kreis', town: 'kreis-soest' });
    expect(result.towns.created).toEqual(['kreis-soest', 'werl', 'moehnesee', 'lippetal']);
    expect(await checked(site)).toBe('');
    const loaded = await loadSite(path.join(site, 'content'), { urls: { base: '/' }, builtAt: now });
    if (!loaded.ok) throw new Error('not ok');
    expect(loaded.site.settings.operator).toBe('Kreis Soest');
    expect(loaded.site.towns.map((town) => [town.slug, town.name, town.parent])).toEqual([
      ['kreis-soest', 'Kreis Soest', undefined],
      ['lippetal', 'Lippetal', 'kreis-soest'],
      ['moehnesee', 'Möhnesee', 'kreis-soest'],
      ['werl', 'Werl', 'kreis-soest'],
    ]);
  });

  test('again with one town more: adds that town and its CODEOWNERS line, touches nothing else, names the others', async () => {
    const { dir, list, site, read } = await withList('towns.csv', soest);
    await initSite(site, { now, towns: list, cwd: dir });
    const werlBefore = await read('content/towns/werl/index.md');
    const siteBefore = await stat(path.join(site, 'content/site.yaml'));
    const packageBefore = await read('package.json');
    await writeFile(list, `${soest}\r\nWickede (Ruhr),Gemeinde,Kreis Soest,02377 915-0,,,\r\n`);
    const again = await initSite(site, { now: now + 3_600_000, towns: list, cwd: dir });
    expect(again.added).toBe(true);
    expect(again.towns).toEqual({ created: ['wickede-ruhr'], existing: ['kreis-soest', 'werl', 'ense'] });
    expect(again.written).toEqual([...['index', ...servicesFor(loadCatalogue(), 'Gemeinde').map((entry) => entry.id)].map((name) => `content/towns/wickede-ruhr/${name}.md`), 'CODEOWNERS']);
    expect(await read('content/towns/werl/index.md')).toBe(werlBefore);
    expect((await stat(path.join(site, 'content/site.yaml'))).mtimeMs).toBe(siteBefore.mtimeMs);
    expect(await read('package.json')).toBe(packageBefore);
    expect((await read('CODEOWNERS')).trimEnd().split('\n').at(-1)).toBe('# /content/towns/wickede-ruhr/  @BEISPIEL-ORGANISATION/redaktion-wickede-ruhr');
    expect(await checked(site)).toBe('');
    const third = await initSite(site, { now, towns: list, cwd: dir });
    expect(third.towns.created).toEqual([]);
    expect(third.written).toEqual([]);
  });
});

describe('the operator', () => {
  test('the name when it says its kind already: no "Kreis Kreis Soest"', async () => {
    expect((await resolveSettings({ name: 'Kreis Soest', kind: 'Kreis' })).operator).toBe('Kreis Soest');
    expect((await resolveSettings({ name: 'Hochsauerlandkreis', kind: 'Kreis' })).operator).toBe('Hochsauerlandkreis');
    expect((await resolveSettings({ name: 'Landkreis Harburg', kind: 'Landkreis' })).operator).toBe('Landkreis Harburg');
    expect((await resolveSettings({ name: 'Soest', kind: 'Kreis' })).operator).toBe('Kreis Soest');
    expect((await resolveSettings({ name: 'Lippstadt', kind: 'Stadt' })).operator).toBe('Stadt Lippstadt');
  });

  test('nameSaysKind', () => {
    expect(nameSaysKind('Gemeinde Ense', 'Gemeinde')).toBe(true);
    expect(nameSaysKind('Ense', 'Gemeinde')).toBe(false);
    expect(nameSaysKind('Rhein-Kreis Neuss', 'Kreis')).toBe(true);
  });
});
