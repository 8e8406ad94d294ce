/**
 * `npm run resolve`: the all-clear. Sets `resolved` and an update on the incident; with
 * `--services normal` every town the incident affects (named in `incidents`, or through a
 * service's `incident`) is set back to normal. All or nothing.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runResolve } from '../../../src/cli/resolve.ts';
import { base, contentFolder, incident, md, service, town, type Files } from '../support/content.ts';
import { check, read, run } from './run.ts';

const resolve = (root: string, ...argv: string[]) => run(runResolve, root, argv);

/** Soest names the incident; Werl only through a service; Ense is not affected. */
const site: Files = {
  ...base,
  'incidents/sit-2023.md': incident('resolved:\n'),
  'incidents/strom.md': incident(),
  'towns/soest/index.md': town('Soest', 'incidents: [sit-2023]\ncontacts:\n  - channel: email\n    status: unavailable\n'),
  'towns/soest/buergerbuero.md': service(
    'since: 2023-10-30\nexpected: 2023-11-06\ntasks:\n  - title: Ausweis beantragen\n    status: unavailable\n  - title: Ausweis abholen\n    status: normal\n',
    'limited',
    'Text.\n',
  ),
  'towns/soest/gewerbe.md': service('', 'normal'),
  'towns/soest/kasse.md': service('incident: strom\n', 'unavailable'),
  'towns/werl/index.md': md('name: Werl\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Offen.\n'),
  'towns/werl/standesamt.md': service('incident: sit-2023\n', 'deferred'),
  'towns/ense/index.md': town('Ense'),
};

describe('resolve', () => {
  test('the incident alone: resolved, an update, updated', async () => {
    const { root } = await contentFolder(site);
    const { code, text } = await resolve(root, 'sit-2023', '--at', '12:30', '--summary', 'Die Systeme laufen wieder.');
    expect(code).toBe(0);
    expect(text).toMatchInlineSnapshot(`
      "Gespeichert: content/incidents/sit-2023.md
        resolved: 2023-11-04 12:30 (neu)
        summary: Die IT ist ausgefallen. → Die Systeme laufen wieder.
        updated: 2023-11-03 14:17 → 2023-11-04 12:30
        updates: neuer Eintrag 2023-11-04 12:30: Die Störung ist behoben.
      1 Datei geändert. Prüfen Sie die Seiten und veröffentlichen Sie."
    `);
    expect(await read(root, 'incidents/sit-2023.md')).toMatchInlineSnapshot(`
      "---
      title: Cyberangriff
      started: 2023-10-30
      updated: 2023-11-04 12:30
      summary: Die Systeme laufen wieder.
      resolved: 2023-11-04 12:30
      updates:
        - at: 2023-11-04 12:30
          text: Die Störung ist behoben.
      ---
      "
    `);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toBe(site['towns/soest/buergerbuero.md']);
    expect(await check(root)).toBe('');
  });

  test('--services normal: every affected town back to normal, others untouched', async () => {
    const { root } = await contentFolder(site);
    const { code, text } = await resolve(root, 'stoerungen/sit-2023', '--services', 'normal', '--note', 'Alles läuft wieder.');
    expect(code).toBe(0);
    expect(text).toMatchInlineSnapshot(`
      "Gespeichert: content/incidents/sit-2023.md
        resolved: 2023-11-04 13:00 (neu)
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Alles läuft wieder.
      Gespeichert: content/towns/soest/index.md
        status: entfernt (war limited)
        contacts[1].status: unavailable → normal
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Wieder wie gewohnt verfügbar: Die Störung „Cyberang…
      Gespeichert: content/towns/soest/buergerbuero.md
        status: limited → normal
        tasks[1].status: unavailable → normal
        since: entfernt (war 2023-10-30)
        expected: entfernt (war 2023-11-06)
        summary: Geschlossen. → Wieder wie gewohnt verfügbar.
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Wieder wie gewohnt verfügbar: Die Störung „Cyberang…
      Gespeichert: content/towns/werl/index.md
        summary: Offen. → Die Verwaltung arbeitet wieder wie gewohnt.
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Wieder wie gewohnt verfügbar: Die Störung „Cyberang…
      Gespeichert: content/towns/werl/standesamt.md
        status: deferred → normal
        summary: Geschlossen. → Wieder wie gewohnt verfügbar.
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Wieder wie gewohnt verfügbar: Die Störung „Cyberang…
      5 Dateien geändert. Prüfen Sie die Seiten und veröffentlichen Sie.
      Diese Zusammenfassungen sind unverändert; sprechen sie noch von der Störung, ändern Sie sie:
        soest: „Geöffnet.“ → npm run update -- soest --summary "…""
    `);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toMatchInlineSnapshot(`
      "---
      title: Bürgerbüro
      status: normal
      updated: 2023-11-04 13:00
      summary: Wieder wie gewohnt verfügbar.
      tasks:
        - title: Ausweis beantragen
          status: normal
        - title: Ausweis abholen
          status: normal
      updates:
        - at: 2023-11-04 13:00
          text: "Wieder wie gewohnt verfügbar: Die Störung „Cyberangriff“ ist behoben."
      ---
      Text.
      "
    `);
    expect(await read(root, 'towns/soest/index.md')).toMatchInlineSnapshot(`
      "---
      name: Soest
      kind: Stadt
      updated: 2023-11-04 13:00
      summary: Geöffnet.
      incidents: [sit-2023]
      contacts:
        - channel: email
          status: normal
      updates:
        - at: 2023-11-04 13:00
          text: "Wieder wie gewohnt verfügbar: Die Störung „Cyberangriff“ ist behoben."
      ---
      "
    `);
    // Already normal, another incident's, an unaffected town: as they were.
    for (const file of ['towns/soest/gewerbe.md', 'towns/soest/kasse.md', 'towns/ense/index.md', 'incidents/strom.md']) {
      expect(await read(root, file), file).toBe(site[file]);
    }
    expect(await check(root)).toBe('');
  });

  test('a town whose status follows from its services gets a summary that fits once they are all back; the rest is listed to revisit', async () => {
    const files: Files = {
      ...site,
      'towns/werl/index.md': md('name: Werl\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Bürgerbüro und Standesamt sind eingeschränkt.\n'),
      'towns/werl/buergerbuero.md': service('incident: sit-2023\n', 'limited'),
      'towns/werl/gewerbe.md': service('incident: sit-2023\n', 'normal').replace('Bürgerbüro', 'Gewerbeamt'),
    };
    const { root } = await contentFolder(files);
    const { code, text } = await resolve(root, 'sit-2023', '--services', 'normal');
    expect(code).toBe(0);
    expect(await read(root, 'towns/werl/index.md')).toContain('summary: Die Verwaltung arbeitet wieder wie gewohnt.\n');
    // Soest keeps a service of another incident: its summary is the editor's to change; so is that of a service already normal.
    expect(text.slice(text.indexOf('Diese Zusammenfassungen'))).toMatchInlineSnapshot(`
      "Diese Zusammenfassungen sind unverändert; sprechen sie noch von der Störung, ändern Sie sie:
        soest: „Geöffnet.“ → npm run update -- soest --summary "…"
        werl/gewerbe: „Geschlossen.“ → npm run update -- werl/gewerbe --summary "…""
    `);
    expect(await check(root)).toBe('');
  });

  test('resolved already: --services normal still sets the towns back; without it nothing happens', async () => {
    const { root } = await contentFolder({ ...site, 'incidents/sit-2023.md': incident('resolved: 2023-11-04 10:00\n') });
    const again = await resolve(root, 'sit-2023');
    expect(again.code).toBe(0);
    expect(again.text).toMatchInlineSnapshot(`"stoerungen/sit-2023 ist schon seit 2023-11-04 10:00 als behoben eingetragen."`);
    const services = await resolve(root, 'sit-2023', '--services', 'normal');
    expect(services.code).toBe(0);
    expect(services.text.split('\n').filter((l) => !l.startsWith('  '))).toMatchInlineSnapshot(`
      [
        "stoerungen/sit-2023 ist schon seit 2023-11-04 10:00 als behoben eingetragen.",
        "Gespeichert: content/towns/soest/index.md",
        "Gespeichert: content/towns/soest/buergerbuero.md",
        "Gespeichert: content/towns/werl/index.md",
        "Gespeichert: content/towns/werl/standesamt.md",
        "4 Dateien geändert. Prüfen Sie die Seiten und veröffentlichen Sie.",
        "Diese Zusammenfassungen sind unverändert; sprechen sie noch von der Störung, ändern Sie sie:",
      ]
    `);
  });

  test('a single entry written without a list is set back too', async () => {
    const single = { ...site, 'towns/werl/standesamt.md': service('incident: sit-2023\nchannels: {channel: phone, status: limited}\n', 'deferred') };
    const { root } = await contentFolder(single);
    expect((await resolve(root, 'sit-2023', '--services', 'normal')).code).toBe(0);
    expect(await read(root, 'towns/werl/standesamt.md')).toContain('channels: {channel: phone, status: normal}\n');
    expect(await check(root)).toBe('');
  });

  const unchanged = async (dir: string) => Promise.all(Object.keys(site).map((f) => readFile(path.join(dir, f))));

  test('all or nothing: a change that is refused stops every change', async () => {
    const { root, dir } = await contentFolder(site);
    const before = await unchanged(dir);
    const { code, text } = await resolve(root, 'sit-2023', '--services', 'normal', '--at', '2023-10-01');
    expect(code).toBe(1);
    expect(text).toMatchInlineSnapshot(`
      "Nicht gespeichert, keine Datei wurde geändert. Die Änderung ergäbe diese Fehler:
      content/incidents/sit-2023.md: resolved: „2023-10-01“ liegt vor dem Beginn „2023-10-30“ — erlaubt: ein Zeitpunkt danach"
    `);
    expect(await unchanged(dir)).toEqual(before);
  });

  test('all or nothing: a file that cannot be written stops every change', async () => {
    const { root, dir } = await contentFolder(site);
    // Where the last file's temporary copy would go (outside content/), a folder: writing it fails.
    await mkdir(path.join(dir, '../.aushang-edit', `${process.pid}.towns%2Fwerl%2Fstandesamt.md.tmp`), { recursive: true });
    const before = await unchanged(dir);
    const { code, text } = await resolve(root, 'sit-2023', '--services', 'normal');
    expect(code).toBe(1);
    expect(text).toMatchInlineSnapshot(`"content/towns/werl/standesamt.md kann nicht geschrieben werden (EISDIR) — keine Datei wurde geändert"`);
    expect(await unchanged(dir)).toEqual(before);
    expect((await readdir(path.join(dir, 'towns/soest'))).filter((f) => f.startsWith('.'))).toEqual([]);
    // The temporary copies written before the failure are gone too; only the injected folder is left.
    expect(await readdir(path.join(dir, '../.aushang-edit'))).toEqual([`${process.pid}.towns%2Fwerl%2Fstandesamt.md.tmp`]);
  });

  test('refusals', async () => {
    const { root } = await contentFolder(site);
    const texts = [];
    for (const argv of [['sit-2024'], ['soest'], ['sit-2023', '--services', 'alle'], ['sit-2023', '--at', '2023-10-01'], []]) {
      const { code, text } = await resolve(root, ...argv);
      expect(code).toBe(1);
      texts.push(text);
    }
    expect(texts).toMatchInlineSnapshot(`
      [
        "„stoerungen/sit-2024“ gibt es nicht (meinten Sie „stoerungen/sit-2023“?) — vorhanden: stoerungen/sit-2023, stoerungen/strom",
        "„stoerungen/soest“ gibt es nicht (meinten Sie „stoerungen/strom“?) — vorhanden: stoerungen/sit-2023, stoerungen/strom",
        "--services „alle“ — erlaubt: normal",
        "Nicht gespeichert, keine Datei wurde geändert. Die Änderung ergäbe diese Fehler:
      content/incidents/sit-2023.md: resolved: „2023-10-01“ liegt vor dem Beginn „2023-10-30“ — erlaubt: ein Zeitpunkt danach",
        "Aufruf: npm run resolve -- <störung> [--at "2023-11-03 14:17"] [--summary "…"] [--note "…"] [--services normal]",
      ]
    `);
    expect(await read(root, 'incidents/sit-2023.md')).toBe(site['incidents/sit-2023.md']);
  });

  test('content with errors: nothing changes, the errors are shown', async () => {
    const { root } = await contentFolder({ ...site, 'towns/ense/index.md': town('Ense', 'parent: nirgends\n') });
    const { code, text } = await resolve(root, 'sit-2023');
    expect(code).toBe(1);
    expect(text).toMatchInlineSnapshot(`
      "Nichts geändert: Der Inhalt hat Fehler; beheben Sie sie zuerst (npm run check), dann ist klar, welche Orte die Störung betrifft:
      content/towns/ense/index.md:7: parent: „nirgends“ — kein Ort dieses Namens; vorhanden: ense, soest, werl"
    `);
  });

  test('in English', async () => {
    const { root } = await contentFolder({ ...site, 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' });
    const { text } = await resolve(root, 'sit-2023', '--services', 'normal');
    expect(text.split('\n').filter((l) => !l.startsWith('  ') || l.includes('updates'))).toMatchInlineSnapshot(`
      [
        "Saved: content/incidents/sit-2023.md",
        "  updates: new entry 2023-11-04 13:00: The incident is resolved.",
        "Saved: content/towns/soest/index.md",
        "  updates: new entry 2023-11-04 13:00: Available as usual again: the incident "Cyberangrif…",
        "Saved: content/towns/soest/buergerbuero.md",
        "  updates: new entry 2023-11-04 13:00: Available as usual again: the incident "Cyberangrif…",
        "Saved: content/towns/werl/index.md",
        "  updates: new entry 2023-11-04 13:00: Available as usual again: the incident "Cyberangrif…",
        "Saved: content/towns/werl/standesamt.md",
        "  updates: new entry 2023-11-04 13:00: Available as usual again: the incident "Cyberangrif…",
        "5 files changed. Check the pages and publish.",
        "These summaries are unchanged; if they still speak of the incident, change them:",
      ]
    `);
  });
});
