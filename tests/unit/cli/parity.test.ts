/**
 * Issue 18, scope 8: what the web editor can do, the command line can do too. `update --task`
 * sets a task's status and note, `update --channel … --value … --hours …` a way of contact's
 * number and hours (keeping every comment and the order), `new --from a,b` creates several
 * catalogue services, and `--help` prints each command's usage in the site's language.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { choicesOf } from '../../../src/schema/choices.ts';
import { channelSchema, serviceSchema } from '../../../src/schema/index.ts';
import { runNew } from '../../../src/cli/new.ts';
import { runResolve } from '../../../src/cli/resolve.ts';
import { runUpdate } from '../../../src/cli/update.ts';
import { base, contentFolder, incident, md, text, type Files } from '../support/content.ts';
import { check, read, run } from './run.ts';

const update = (root: string, ...argv: string[]) => run(runUpdate, root, argv);
const create = (root: string, ...argv: string[]) => run(runNew, root, argv);

const buergerbuero = md(text`
  title: Bürgerbüro   # wie auf der Website
  status: limited
  updated: 2023-11-03 14:17
  summary: Nur mit Termin.
  channels:
    - channel: phone
      status: normal
      # value: Telefonnummer des Bürgerbüros mit Vorwahl
      note: Zentrale
    - channel: email
      status: normal
      value: buergerbuero@soest.de
  tasks:
    # die häufigsten Anliegen
    - title: Personalausweis beantragen
      status: normal
    - { title: Reisepass beantragen, status: normal }
    - title: Wohnsitz anmelden
      status: limited
      note: Nur mit Termin.
`);

async function folder(files: Files = {}) {
  return contentFolder({ ...base, 'towns/soest/buergerbuero.md': buergerbuero, 'incidents/sit-2023.md': incident(), ...files });
}

describe('update --task', () => {
  test('status and note of one task; the service’s status, the comments and the order stay', async () => {
    const { root } = await folder();
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--task', 'Personalausweis beantragen', '--status', 'unavailable', '--note', 'Ab Montag wieder.');
    expect(out).toBe(
      [
        'Gespeichert: content/towns/soest/buergerbuero.md',
        '  tasks[1].status: normal → unavailable',
        '  tasks[1].note: Ab Montag wieder. (neu)',
        '  updated: 2023-11-03 14:17 → 2023-11-04 13:00',
        '  updates: neuer Eintrag 2023-11-04 13:00: Anliegen „Personalausweis beantragen“: Nicht möglic…',
      ].join('\n'),
    );
    expect(code).toBe(0);
    const after = await read(root, 'towns/soest/buergerbuero.md');
    expect(after).toBe(
      buergerbuero
        .replace('updated: 2023-11-03 14:17', 'updated: 2023-11-04 13:00')
        .replace('  - title: Personalausweis beantragen\n    status: normal\n', '  - title: Personalausweis beantragen\n    status: unavailable\n    note: Ab Montag wieder.\n')
        .replace(/\n---\n$/, '\nupdates:\n  - at: 2023-11-04 13:00\n    text: "Anliegen „Personalausweis beantragen“: Nicht möglich. Ab Montag wieder."\n---\n'),
    );
    expect(await check(root)).toBe('');
  });

  test('a task written as a flow map, named by its number; an existing note is replaced', async () => {
    const { root } = await folder();
    expect((await update(root, 'soest/buergerbuero', '--task', '2', '--status', 'deferred')).code).toBe(0);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toContain('  - { title: Reisepass beantragen, status: deferred }\n');
    expect((await update(root, 'soest/buergerbuero', '--task', 'wohnsitz  ANMELDEN', '--note', 'Wieder ohne Termin.')).code).toBe(0);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toContain('  - title: Wohnsitz anmelden\n    status: limited\n    note: Wieder ohne Termin.\n');
    expect(await check(root)).toBe('');
  });

  test('a task that is not there: the tasks, and the closest one', async () => {
    const { root } = await folder();
    const before = await read(root, 'towns/soest/buergerbuero.md');
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--task', 'Personalausweis beantrage', '--status', 'unavailable');
    expect(code).toBe(1);
    expect(out).toBe('content/towns/soest/buergerbuero.md: kein Anliegen „Personalausweis beantrage“ (meinten Sie „Personalausweis beantragen“?) — vorhanden: 1. Personalausweis beantragen; 2. Reisepass beantragen; 3. Wohnsitz anmelden');
    expect(await read(root, 'towns/soest/buergerbuero.md')).toBe(before);
  });

  test('mistakes in the call, in English', async () => {
    const { root } = await folder({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' });
    const texts = [];
    for (const argv of [
      ['soest', '--task', 'x', '--status', 'normal'],
      ['soest/buergerbuero', '--task', 'Reisepass beantragen'],
      ['soest/buergerbuero', '--task', 'Reisepass beantragen', '--channel', 'phone', '--status', 'normal'],
      ['soest/buergerbuero', '--value', '02921 103-0'],
      ['soest/buergerbuero', '--task', 'Reisepass beantragen', '--status', 'closed'],
    ]) {
      const result = await update(root, ...argv);
      expect(result.code).toBe(1);
      texts.push(result.text);
    }
    expect(texts).toEqual([
      'soest is not a service — only services have tasks, e.g.: npm run update -- soest/buergerbuero --task "…" --status …',
      'Nothing to change in the task "Reisepass beantragen" — e.g.: npm run update -- soest/buergerbuero --task "Reisepass beantragen" --status unavailable --note "…"',
      'please change --task and --channel in two calls: one call changes one task or one way of contact',
      '--value needs --channel, e.g.: --channel phone --value "02922 800-0"',
      expect.stringMatching(/^Not saved, no file was changed\. The change would cause these errors:\ncontent\/towns\/soest\/buergerbuero\.md: tasks\[2\]\.status: "closed"/),
    ]);
  });
});

describe('update --channel --value --hours', () => {
  test('the number goes where the example comment was, hours after it; no update entry (contact details are no news)', async () => {
    const { root } = await folder();
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--channel', 'phone', '--value', '02921 103-2127', '--hours', 'Mo–Fr 8–12 Uhr');
    expect(out).toBe(
      [
        'Gespeichert: content/towns/soest/buergerbuero.md',
        '  channels[1].value: 02921 103-2127 (neu)',
        '  channels[1].hours: Mo–Fr 8–12 Uhr (neu)',
        '  updated: 2023-11-03 14:17 → 2023-11-04 13:00',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toBe(
      buergerbuero
        .replace('updated: 2023-11-03 14:17', 'updated: 2023-11-04 13:00')
        .replace('    # value: Telefonnummer des Bürgerbüros mit Vorwahl\n', '    value: 02921 103-2127\n    hours: Mo–Fr 8–12 Uhr\n'),
    );
    expect(await check(root)).toBe('');
  });

  test('a value that is there is replaced; with --status the entry says so', async () => {
    const { root } = await folder();
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--channel', 'email', '--status', 'limited', '--value', 'termine@soest.de');
    expect(code).toBe(0);
    expect(out).toContain('  channels[2].value: buergerbuero@soest.de → termine@soest.de');
    expect(out).toContain('updates: neuer Eintrag 2023-11-04 13:00: E-Mail: Eingeschränkt.');
    expect(await read(root, 'towns/soest/buergerbuero.md')).toContain('  - channel: email\n    status: limited\n    value: termine@soest.de\n');
  });

  test('a town’s contacts, CRLF line ends kept', async () => {
    const townFile = md(text`
      name: Soest
      kind: Stadt
      updated: 2023-11-03 14:17
      summary: Das Rathaus ist geöffnet.
      contacts:
        - channel: phone
          status: normal
    `).replace(/\n/g, '\r\n');
    const { root } = await folder({ 'towns/soest/index.md': townFile });
    expect((await update(root, 'soest', '--channel', 'phone', '--value', '02921 103-0')).code).toBe(0);
    expect(await read(root, 'towns/soest/index.md')).toBe(townFile.replace('updated: 2023-11-03 14:17', 'updated: 2023-11-04 13:00').replace('    status: normal\r\n', '    status: normal\r\n    value: 02921 103-0\r\n'));
  });

  test('a phone number check would refuse is refused with check’s message; the file stays', async () => {
    const { root } = await folder();
    const before = await read(root, 'towns/soest/buergerbuero.md');
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--channel', 'phone', '--value', '103-2127');
    expect(code).toBe(1);
    expect(out).toBe('Nicht gespeichert, keine Datei wurde geändert. Die Änderung ergäbe diese Fehler:\ncontent/towns/soest/buergerbuero.md: channels[1].value: „103-2127“ hat keine Vorwahl — erlaubt: eine Nummer mit Vorwahl, z. B. 02921 / 103-2342');
    expect(await read(root, 'towns/soest/buergerbuero.md')).toBe(before);
  });

  test('a way of contact the file has twice: refused, not guessed', async () => {
    const twice = buergerbuero.replace('  - channel: email\n    status: normal\n    value: buergerbuero@soest.de\n', '  - channel: phone\n    status: normal\n    value: 02921 103-0\n');
    const { root } = await folder({ 'towns/soest/buergerbuero.md': twice });
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--channel', 'phone', '--value', '02921 103-2127');
    expect(code).toBe(1);
    expect(out).toBe('content/towns/soest/buergerbuero.md: in channels gibt es den Kontaktweg „phone“ 2-mal — welcher gemeint ist, lässt sich nicht sagen; bitte in der Datei ändern');
  });
});

describe('new --from with several ids', () => {
  test('comma-separated and repeated: one file each, from the catalogue; check passes', async () => {
    const { root, dir } = await folder();
    const { code, text: out } = await create(root, 'soest', '--from', 'buergerbuero-x,standesamt', '--from', 'kfz-zulassung');
    expect(code).toBe(1);
    expect(out).toMatch(/^„buergerbuero-x“ steht nicht im Katalog/);
    expect(await readdir(path.join(dir, 'towns/soest'))).toEqual(['buergerbuero.md', 'index.md']);
    const again = await create(root, 'soest', '--from', 'standesamt,kfz-zulassung', '--from', 'ordnungsamt');
    expect(again.text.split('\n').slice(0, 4)).toEqual([
      'Angelegt: content/towns/soest/standesamt.md',
      'Angelegt: content/towns/soest/kfz-zulassung.md',
      'Angelegt: content/towns/soest/ordnungsamt.md',
      'Prüfen Sie Titel, Kontaktwege und Anliegen in den neuen Dateien. Ändern später mit: npm run update -- soest/<dienst> --status … --note "…"',
    ]);
    expect(again.code).toBe(0);
    expect((await read(root, 'towns/soest/standesamt.md'))).toMatch(/^title: Standesamt$/m);
    expect(await check(root)).toBe('');
  });

  test('several ids with a service name, or one that exists: refused, nothing written', async () => {
    const { root, dir } = await folder();
    const named = await create(root, 'soest', 'amt', '--from', 'standesamt,ordnungsamt');
    expect(named).toEqual({ code: 1, text: 'Mit mehreren Katalog-Diensten (standesamt, ordnungsamt) heißt jeder wie im Katalog — geben Sie nur den Ort an, z. B.: npm run new -- werl --from buergerbuero,standesamt' });
    const taken = await create(root, 'soest', '--from', 'standesamt,buergerbuero');
    expect(taken.code).toBe(1);
    expect(taken.text).toMatch(/^content\/towns\/soest\/buergerbuero\.md gibt es schon/);
    expect(await readdir(path.join(dir, 'towns/soest'))).toEqual(['buergerbuero.md', 'index.md']);
  });
});

describe('--help', () => {
  test('new, update and resolve print their usage in the site’s language, exit 0', async () => {
    const { root } = await folder();
    const help = await create(root, '--help');
    expect(help.code).toBe(0);
    expect(help.text).toMatch(/^Aufruf: npm run new -- <ort> \[<dienst>\] \[Angaben\]/);
    expect(help.text).toContain('--from <id>[,<id>]');
    const updateHelp = await update(root, '-h');
    expect(updateHelp.code).toBe(0);
    expect(updateHelp.text).toContain('--task "<anliegen>"');
    const resolveHelp = await run(runResolve, root, ['--help']);
    expect(resolveHelp.code).toBe(0);
    expect(resolveHelp.text).toMatch(/^Aufruf: npm run resolve -- <störung> \[Angaben\]/);
  });

  test('in English for an English site', async () => {
    const { root } = await folder({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' });
    const help = await create(root, 'soest', '--help');
    expect(help.code).toBe(0);
    expect(help.text).toMatch(/^Usage: npm run new -- <town> \[<service>\] \[options\]/);
    expect(help.text).toMatch(/--status <s> +normal, limited, deferred or unavailable\n/);
  });

  test('the values of --status and --channel are the schema’s, every placeholder filled', async () => {
    const { root } = await folder();
    const texts = [(await create(root, '--help')).text, (await update(root, '--help')).text];
    const statuses = choicesOf(serviceSchema.shape.status);
    for (const text of texts) {
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).toMatch(new RegExp(`--status <s> +${statuses.slice(0, -1).join(', ')} oder ${statuses.at(-1)}`));
    }
    expect(texts[1]).toContain(`--channel <weg>             ${choicesOf(channelSchema.shape.channel).join(', ')};`);
  });
});
