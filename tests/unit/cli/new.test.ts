/**
 * `npm run new`: a town or a service with every required field, the site-local time, a comment
 * on each field and a valid status; what it writes passes `check`; a bad, reserved or taken
 * name is refused and nothing is written.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runNew, nameFromSlug } from '../../../src/cli/new.ts';
import { isQuietSite } from '../../../src/model/derive.ts';
import { loadSite } from '../../../src/model/site.ts';
import { base, contentFolder, incident, md, NOW, type Files } from '../support/content.ts';
import { check, read, run } from './run.ts';

const create = (root: string, ...argv: string[]) => run(runNew, root, argv);

async function folder(files: Files = {}) {
  return contentFolder({ ...base, 'incidents/sit-2023.md': incident(), 'pages/impressum.md': md('title: Impressum'), ...files });
}

/** Every file below content/, to show that a refusal wrote nothing. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('a town', () => {
  test('with the defaults: every required field, a comment on each, now in Berlin', async () => {
    const { root } = await folder();
    const { code, text } = await create(root, 'bad-sassendorf');
    expect(code).toBe(0);
    expect(text).toMatchInlineSnapshot(`
      "Angelegt: content/towns/bad-sassendorf/index.md
      Prüfen Sie name, kind und summary in content/towns/bad-sassendorf/index.md. Dienste legen Sie an mit: npm run new -- bad-sassendorf <dienst> --title "…""
    `);
    expect(await read(root, 'towns/bad-sassendorf/index.md')).toMatchInlineSnapshot(`
      "---
      # Name, wie er auf der Website steht (Pflicht)
      name: Bad Sassendorf
      # Art: Stadt, Gemeinde, Kreis oder ein anderes Wort (Pflicht)
      kind: Stadt
      # Stand: wann diese Angaben zuletzt geprüft wurden, Ortszeit (Pflicht)
      updated: 2023-11-04 13:00
      status: normal   # nur solange der Ort keine Dienste hat: mit dem ersten Dienst (npm run new) fällt die Zeile weg, dann ergibt sich der Status aus den Diensten
      # Ein Satz: was gerade gilt (Pflicht)
      summary: Die Verwaltung ist wie gewohnt erreichbar.
      ---
      "
    `);
    expect(await check(root)).toBe('');
  });

  test('with --name, --kind, --parent, --status, --summary and --incident', async () => {
    const { root } = await folder();
    const argv = ['ense', '--name', 'Ense', '--kind', 'Gemeinde', '--parent', 'soest', '--status', 'limited', '--summary', 'Rathaus: nur telefonisch.', '--incident', 'sit-2023'];
    expect((await create(root, ...argv)).code).toBe(0);
    expect(await read(root, 'towns/ense/index.md')).toMatchInlineSnapshot(`
      "---
      # Name, wie er auf der Website steht (Pflicht)
      name: Ense
      # Art: Stadt, Gemeinde, Kreis oder ein anderes Wort (Pflicht)
      kind: Gemeinde
      # Kreis, zu dem der Ort gehört: der Name seines Ordners unter towns/
      parent: soest
      # Störungen, die diesen Ort betreffen: Namen der Dateien unter incidents/
      incidents: [sit-2023]
      # Stand: wann diese Angaben zuletzt geprüft wurden, Ortszeit (Pflicht)
      updated: 2023-11-04 13:00
      # normal, limited, deferred oder unavailable; ohne diese Zeile ergibt er sich aus den Diensten
      status: limited
      # Ein Satz: was gerade gilt (Pflicht)
      summary: "Rathaus: nur telefonisch."
      ---
      "
    `);
    expect(await check(root)).toBe('');
  });

  test('in English when the site is', async () => {
    const { root } = await folder({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\ntimezone: America/New_York\n' });
    const { text } = await create(root, 'kreis-test');
    expect(text).toMatchInlineSnapshot(`
      "Created: content/towns/kreis-test/index.md
      Check name, kind and summary in content/towns/kreis-test/index.md. Add services with: npm run new -- kreis-test <service> --title "…""
    `);
    expect(await read(root, 'towns/kreis-test/index.md')).toMatchInlineSnapshot(`
      "---
      # name as shown on the website (required)
      name: Kreis Test
      # kind: Stadt, Gemeinde, Kreis or another word (required)
      kind: Kreis
      # as of: when this was last checked, local time (required)
      updated: 2023-11-04 08:00
      status: normal   # only while the town has no services: its first service (npm run new) removes the line, and the status follows from the services
      # one sentence: what applies now (required)
      summary: The administration can be reached as usual.
      ---
      "
    `);
    expect(await check(root)).toBe('');
  });
});

describe('a town’s status, content format 1.2', () => {
  test('the first service of a new town takes out its status: normal, so a disrupted service is never under a town said to be normal', async () => {
    const { root } = await folder();
    expect((await create(root, 'ense')).code).toBe(0);
    const { code, text } = await create(root, 'ense', 'buergerbuero', '--title', 'Bürgerbüro', '--status', 'limited');
    expect(code).toBe(0);
    expect(text).toMatchInlineSnapshot(`
      "Angelegt: content/towns/ense/buergerbuero.md
      Prüfen Sie title und summary in content/towns/ense/buergerbuero.md. Ändern später mit: npm run update -- ense/buergerbuero --status … --note "…"
      Aus content/towns/ense/index.md entfernt: status: normal — der Status des Ortes ergibt sich jetzt aus seinen Diensten.
      Hinweis: Der Ort sagt in summary: „Die Verwaltung ist wie gewohnt erreichbar.“ — stimmt das noch? Sonst: npm run update -- ense --summary "…""
    `);
    const written = await read(root, 'towns/ense/index.md');
    expect(written).not.toContain('status:');
    expect(written).not.toContain('fällt die Zeile weg');
    expect(await check(root)).toBe('');
    const loaded = await loadSite(path.join(root, 'content'), { urls: { base: '/' }, now: NOW, cwd: root });
    const s = loaded.ok ? loaded.site : expect.unreachable();
    expect(s.town('ense')!.status).toBe('limited');
    expect(s.town('ense')!.statusDerived).toBe(true);
    expect(isQuietSite(s)).toBe(false);
  });

  test('also with --from; a status given with --status other than normal stays, with a hint', async () => {
    const { root } = await folder();
    expect((await create(root, 'ense')).code).toBe(0);
    expect((await create(root, 'ense', '--from', 'standesamt')).text).toContain('Aus content/towns/ense/index.md entfernt: status: normal');
    expect(await read(root, 'towns/ense/index.md')).not.toContain('status:');
    expect((await create(root, 'werl', '--status', 'limited')).code).toBe(0);
    const hint = (await create(root, 'werl', 'kasse')).text;
    expect(hint).toContain('Hinweis: werl hat einen eigenen Status (limited)');
    expect(await read(root, 'towns/werl/index.md')).toContain('status: limited\n');
    expect(await check(root)).toBe('');
    const english = await folder({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' });
    await create(english.root, 'ense');
    expect((await create(english.root, 'ense', 'kasse')).text.split('\n').at(-1)).toMatchInlineSnapshot(`"Removed from content/towns/ense/index.md: status: normal — the town's status now follows from its services."`);
  });
});

describe('a service', () => {
  test('normal by default; a disrupted one gets since', async () => {
    const { root } = await folder();
    const normal = await create(root, 'soest', 'buergerbuero', '--title', 'Bürgerbüro');
    expect(normal.code).toBe(0);
    expect(normal.text).toMatchInlineSnapshot(`
      "Angelegt: content/towns/soest/buergerbuero.md
      Prüfen Sie title und summary in content/towns/soest/buergerbuero.md. Ändern später mit: npm run update -- soest/buergerbuero --status … --note "…"
      Hinweis: soest hat einen eigenen Status (limited); er gilt statt des Status, der sich aus den Diensten ergibt. Soll er sich aus den Diensten ergeben: npm run update -- soest --status auto"
    `);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toMatchInlineSnapshot(`
      "---
      # Name des Dienstes, wie er auf der Website steht (Pflicht)
      title: Bürgerbüro
      # normal, limited, deferred oder unavailable (Pflicht)
      status: normal
      # Stand: wann diese Angaben zuletzt geprüft wurden, Ortszeit (Pflicht)
      updated: 2023-11-04 13:00
      # Ein Satz: was gerade gilt (Pflicht)
      summary: Wie gewohnt verfügbar.
      ---
      "
    `);
    expect((await create(root, 'soest', 'kasse')).text).toContain('Hinweis: soest hat einen eigenen Status (limited)');
    expect((await create(root, 'soest', 'standesamt', '--title', 'Standesamt', '--status', 'unavailable', '--incident', 'sit-2023')).code).toBe(0);
    expect(await read(root, 'towns/soest/standesamt.md')).toMatchInlineSnapshot(`
      "---
      # Name des Dienstes, wie er auf der Website steht (Pflicht)
      title: Standesamt
      # normal, limited, deferred oder unavailable (Pflicht)
      status: unavailable
      # Stand: wann diese Angaben zuletzt geprüft wurden, Ortszeit (Pflicht)
      updated: 2023-11-04 13:00
      # Ein Satz: was gerade gilt (Pflicht)
      summary: Derzeit gestört; Einzelheiten folgen.
      # seit wann der Dienst gestört ist
      since: 2023-11-04 13:00
      # die Störung, die diesen Dienst betrifft: Name der Datei unter incidents/
      incident: sit-2023
      ---
      "
    `);
    expect(await check(root)).toBe('');
  });
});

describe('a service from the catalogue (--from)', () => {
  test('the usual tasks, keywords and example channels, working as usual; it passes check', async () => {
    const { root } = await folder();
    const { code } = await create(root, 'soest', 'standesamt', '--from', 'standesamt');
    expect(code).toBe(0);
    const written = await read(root, 'towns/soest/standesamt.md');
    expect(written).toMatch(/^---\ntitle: Standesamt\nstatus: normal\nupdated: 2023-11-04 13:00\n/);
    expect(written).toContain('tasks:\n');
    expect(written).toMatch(/- title: .*Eheschließung/);
    expect(written).toContain('keywords:');
    expect(await check(root)).toBe('');
  });

  test('without a service name it takes the catalogue id; the title follows the town\'s kind', async () => {
    const { root } = await folder({ 'towns/kreis-test/index.md': md('name: Kreis Test\nkind: Kreis\nupdated: 2023-11-03 14:17\nstatus: normal\nsummary: Geöffnet.') });
    expect((await create(root, 'kreis-test', '--from', 'kasse')).code).toBe(0);
    expect(await read(root, 'towns/kreis-test/kasse.md')).toContain('title: Kreiskasse\n');
    expect(await check(root)).toBe('');
  });

  test('--status, --summary and --incident change it as on the day of an outage', async () => {
    const { root } = await folder();
    const argv = ['soest', 'kfz', '--from', 'kfz-zulassung', '--status', 'unavailable', '--summary', 'Geschlossen; Anträge per Post.', '--incident', 'sit-2023'];
    expect((await create(root, ...argv)).code).toBe(0);
    const written = await read(root, 'towns/soest/kfz.md');
    expect(written).toContain('status: unavailable\n');
    expect(written).toContain('summary: Geschlossen; Anträge per Post.\n');
    expect(written).toContain('since: 2023-11-04 13:00\n');
    expect(written).toContain('incident: sit-2023\n');
    expect(await check(root)).toBe('');
  });

  test('an id the catalogue does not have is refused, and nothing is written', async () => {
    const { root, dir } = await folder();
    const before = await tree(dir);
    const { code, text } = await create(root, 'soest', 'x', '--from', 'standesammt');
    expect(code).toBe(1);
    expect(text).toMatch(/^„standesammt“ steht nicht im Katalog — vorhanden: buergerbuero, standesamt, /);
    expect(await tree(dir)).toEqual(before);
  });
});

describe('an incident', () => {
  test('stoerungen/<name>: it starts now', async () => {
    const { root } = await folder();
    const { code, text } = await create(root, 'stoerungen/stromausfall', '--title', 'Stromausfall im Kreis', '--summary', 'Seit 11 Uhr ohne Strom.');
    expect(code).toBe(0);
    expect(text).toMatchInlineSnapshot(`
      "Angelegt: content/incidents/stromausfall.md
      Prüfen Sie title und summary in content/incidents/stromausfall.md. Betroffene Orte tragen Sie so ein: npm run update -- <ort> --incident stromausfall --status limited --summary "…""
    `);
    expect(await read(root, 'incidents/stromausfall.md')).toMatchInlineSnapshot(`
      "---
      # was passiert ist, in wenigen Worten (Pflicht)
      title: Stromausfall im Kreis
      # Beginn der Störung, Ortszeit (Pflicht)
      started: 2023-11-04 13:00
      # Stand: wann diese Angaben zuletzt geprüft wurden, Ortszeit (Pflicht)
      updated: 2023-11-04 13:00
      # ein, zwei Sätze: was passiert ist und was das für die Bürgerinnen und Bürger heißt (Pflicht)
      summary: Seit 11 Uhr ohne Strom.
      ---
      "
    `);
    expect(await check(root)).toBe('');
    const again = await create(root, 'stoerungen/stromausfall');
    expect(again.code).toBe(1);
    expect(again.text).toMatchInlineSnapshot(`"content/incidents/stromausfall.md gibt es schon — nichts angelegt. Ändern Sie es mit: npm run update -- stoerungen/stromausfall --note "…""`);
    const status = await create(root, 'stoerungen/brand', '--status', 'limited');
    expect(status.text).toMatchInlineSnapshot(`"--status gilt nicht für eine Störung — erlaubt: --title, --summary"`);
  });
});

describe('refused, and nothing is written', () => {
  const cases: [string, string[]][] = [
    ['a name that is not a slug', ['Bad Sassendorf']],
    ['a service name that is not a slug', ['soest', 'Bürgerbüro']],
    ['a reserved town', ['suche']],
    ['a town named like a page', ['impressum']],
    ['a reserved service', ['soest', 'aushang']],
    ['a town that exists', ['soest']],
    ['a service that exists', ['soest', 'rathaus']],
    ['a service of a town that does not exist', ['werl', 'buergerbuero']],
    ['a parent that is no town', ['werl', '--parent', 'kreis-soes']],
    ['an incident that does not exist', ['werl', '--incident', 'sit-2024']],
    ['--kind for a service', ['soest', 'gewerbe', '--kind', 'Stadt']],
    ['a text with HTML', ['soest', 'gewerbe', '--summary', '<i>zu</i>']],
    ['no name', []],
  ];
  for (const [what, argv] of cases) {
    test(what, async () => {
      const { root, dir } = await folder({ 'towns/soest/rathaus.md': md('title: Rathaus\nstatus: normal\nupdated: 2023-11-03\nsummary: Offen.') });
      const before = await tree(dir);
      const { code, text } = await create(root, ...argv);
      expect(code).toBe(1);
      expect(text).toMatchSnapshot();
      expect(await tree(dir)).toEqual(before);
    });
  }
});

test('an error elsewhere that names every town does not block a new town', async () => {
  const { root } = await folder({ 'towns/werl/index.md': md('name: Werl\nkind: Stadt\nparent: nirgends\nupdated: 2023-11-03\nstatus: normal\nsummary: Offen.') });
  const { code, text } = await create(root, 'ense');
  expect(code).toBe(0);
  expect(text).toMatchInlineSnapshot(`
    "Angelegt: content/towns/ense/index.md
    Prüfen Sie name, kind und summary in content/towns/ense/index.md. Dienste legen Sie an mit: npm run new -- ense <dienst> --title "…"
    Hinweis: Im Inhalt steht noch ein Fehler, der nicht von dieser Änderung kommt; solange er besteht, wird nichts veröffentlicht. npm run check zeigt ihn."
  `);
});

test('refusals in English', async () => {
  const { root } = await folder({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' });
  const texts = [];
  for (const argv of [['Bad Sassendorf'], ['suche'], ['soest'], ['werl', 'rathaus'], ['soest', 'feed'], ['stoerungen/brand', '--kind', 'Stadt'], ['soest', 'x', '--titel', 'X'], []]) {
    const { code, text } = await create(root, ...argv);
    expect(code).toBe(1);
    texts.push(text);
  }
  expect(texts).toMatchInlineSnapshot(`
    [
      "Nothing created:
    content/towns/Bad Sassendorf: name "Bad Sassendorf" — allowed: lower-case letters a–z, digits and single hyphens (suggestion: bad-sassendorf)",
      "Nothing created:
    content/towns/suche/index.md: "suche" is an address of the site itself — not allowed: api, suche, anliegen, stoerungen, aushang, feed.xml, 404, assets, pagefind, admin",
      "content/towns/soest/index.md exists already — nothing created. Change it with: npm run update -- soest --note "…"",
      "The town "werl" does not exist yet (content/towns/werl/index.md is missing) — create it first: npm run new -- werl",
      "Nothing created:
    content/towns/soest/feed.md: "feed" is an address of the town itself — not allowed: aushang, feed, index",
      "--kind does not apply to an incident — allowed: --title, --summary",
      "Unknown option "--titel" (did you mean "--title"?) — allowed: --name, --title, --kind, --parent, --status, --summary, --incident, --from, --content",
      "Usage: npm run new -- <town> [<service>] [--name "…"] [--title "…"] [--kind Stadt] [--parent <district>] [--status limited] [--summary "…"] [--incident <incident>] [--from <catalogue-id>], or for an incident: npm run new -- stoerungen/<incident> --title "…" [--summary "…"]",
    ]
  `);
});

test('nameFromSlug: a first guess for the name', () => {
  expect(nameFromSlug('bad-sassendorf')).toBe('Bad Sassendorf');
  expect(nameFromSlug('werl')).toBe('Werl');
});
