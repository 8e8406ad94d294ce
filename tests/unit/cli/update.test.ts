/**
 * `npm run update`: sets fields, adds an entry to `updates` at the site-local time, keeps the
 * rest of the file as written, and refuses (file unchanged) what `check` would reject.
 * Runs under TZ=UTC and TZ=America/New_York (the unit projects): the times must not differ.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runUpdate } from '../../../src/cli/update.ts';
import { base, contentFolder, incident, md, service, text, town, type Files } from '../support/content.ts';
import { check, read, run } from './run.ts';

const update = (root: string, ...argv: string[]) => run(runUpdate, root, argv);

const buergerbuero = md(text`
  # Bürgerbüro der Stadt Soest
  title: "Bürgerbüro"        # wie auf der Website
  status: limited
  updated: 2023-11-03 14:17
  summary: >-
    Zurzeit geschlossen, telefonisch
    erreichbar.
  since: 2023-10-30
  expected: 2023-11-06
  channels:
    - channel: phone
      status: normal
      value: 02921 / 103-2127
    - channel: email
      status: unavailable
  keywords: [Ausweis, 'Pass']
`, 'Einzelheiten *hier*.\n\n---\n\nNoch ein Absatz.\n');

async function folder(files: Files = {}) {
  return contentFolder({ ...base, 'towns/soest/buergerbuero.md': buergerbuero, 'incidents/sit-2023.md': incident(), ...files });
}

describe('a service', () => {
  test('status and note: the fields change, an entry is added, the rest stays as written', async () => {
    const { root } = await folder();
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--status', 'unavailable', '--note', 'Heute ganz geschlossen.');
    expect(out).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/soest/buergerbuero.md
        status: limited → unavailable
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Heute ganz geschlossen.
      Hinweis: summary ist unverändert: „Zurzeit geschlossen, telefonisch erreichbar.“ — passt das zum neuen Status? Sonst: --summary "…""
    `);
    expect(code).toBe(0);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toMatchInlineSnapshot(`
      "---
      # Bürgerbüro der Stadt Soest
      title: "Bürgerbüro"        # wie auf der Website
      status: unavailable
      updated: 2023-11-04 13:00
      summary: >-
        Zurzeit geschlossen, telefonisch
        erreichbar.
      since: 2023-10-30
      expected: 2023-11-06
      channels:
        - channel: phone
          status: normal
          value: 02921 / 103-2127
        - channel: email
          status: unavailable
      keywords: [Ausweis, 'Pass']
      updates:
        - at: 2023-11-04 13:00
          text: Heute ganz geschlossen.
      ---
      Einzelheiten *hier*.

      ---

      Noch ein Absatz.
      "
    `);
    expect(await check(root)).toBe('');
  });

  test('--summary sets the summary and is the entry\'s text when there is no --note', async () => {
    const { root } = await folder();
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--summary', 'Ab Montag: wieder geöffnet.');
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/soest/buergerbuero.md
        summary: Zurzeit geschlossen, telefonisch erreichbar. → Ab Montag: wieder geöffnet.
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Ab Montag: wieder geöffnet."
    `);
    const file = await read(root, 'towns/soest/buergerbuero.md');
    expect(file).toContain('summary: >-\n  Ab Montag: wieder geöffnet.\nsince: 2023-10-30\n');
    expect(file).toContain('updates:\n  - at: 2023-11-04 13:00\n    text: "Ab Montag: wieder geöffnet."\n---\nEinzelheiten');
  });

  test('back to normal: since and expected go; out of normal: since is set', async () => {
    const { root } = await folder({ 'towns/soest/gewerbe.md': service('', 'normal') });
    expect((await update(root, 'soest/buergerbuero', '--status', 'normal')).text).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/soest/buergerbuero.md
        status: limited → normal
        since: entfernt (war 2023-10-30)
        expected: entfernt (war 2023-11-06)
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Neuer Status: Normal verfügbar.
      Hinweis: summary ist unverändert: „Zurzeit geschlossen, telefonisch erreichbar.“ — passt das zum neuen Status? Sonst: --summary "…"
      Hinweis: Der Ort sagt in summary: „Das Rathaus ist geöffnet.“ — stimmt das noch? Sonst: npm run update -- soest --summary "…""
    `);
    const file = await read(root, 'towns/soest/buergerbuero.md');
    expect(file).not.toMatch(/since|expected/);
    expect((await update(root, 'soest/gewerbe', '--status', 'deferred')).text).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/soest/gewerbe.md
        status: normal → deferred
        since: 2023-11-04 13:00 (neu)
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Neuer Status: Nur Annahme.
      Hinweis: summary ist unverändert: „Geschlossen.“ — passt das zum neuen Status? Sonst: --summary "…"
      Hinweis: Der Ort sagt in summary: „Das Rathaus ist geöffnet.“ — stimmt das noch? Sonst: npm run update -- soest --summary "…""
    `);
    expect(await read(root, 'towns/soest/gewerbe.md')).toContain('summary: Geschlossen.\nsince: 2023-11-04 13:00\n');
    expect(await check(root)).toBe('');
  });

  test('--channel sets the status of that way of contact', async () => {
    const { root } = await folder();
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--channel', 'phone', '--status', 'limited', '--at', '9:30');
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/soest/buergerbuero.md
        channels[1].status: normal → limited
        updated: 2023-11-03 14:17 → 2023-11-04 09:30
        updates: neuer Eintrag 2023-11-04 09:30: Telefon: Eingeschränkt."
    `);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toContain('  - channel: phone\n    status: limited\n');
    const fax = await update(root, 'soest/buergerbuero', '--channel', 'fax', '--status', 'normal');
    expect(fax.code).toBe(1);
    expect(fax.text).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md: in channels gibt es keinen Kontaktweg „fax“ — vorhanden: phone, email"`);
  });
});

describe('a town’s status may not be better than its services (content format 1.2)', () => {
  const normalTown = md('name: Werl\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: normal\nsummary: Alles wie gewohnt.');

  test('a service that stops being normal takes out the town’s status: normal; the editor is shown the town’s summary', async () => {
    const { root } = await folder({ 'towns/werl/index.md': normalTown, 'towns/werl/rathaus.md': service('', 'normal') });
    const { code, text: out } = await update(root, 'werl/rathaus', '--status', 'limited', '--summary', 'Nur vormittags.');
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/werl/rathaus.md
        status: normal → limited
        since: 2023-11-04 13:00 (neu)
        summary: Geschlossen. → Nur vormittags.
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Nur vormittags.
      Gespeichert: content/towns/werl/index.md
        status: entfernt (war normal)
      Hinweis: Der Ort sagt in summary: „Alles wie gewohnt.“ — stimmt das noch? Sonst: npm run update -- werl --summary "…""
    `);
    expect(await read(root, 'towns/werl/index.md')).not.toContain('status:');
    expect(await check(root)).toBe('');
  });

  test('in English', async () => {
    const { root } = await folder({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n', 'towns/werl/index.md': normalTown, 'towns/werl/rathaus.md': service('', 'normal') });
    const { text: out } = await update(root, 'werl/rathaus', '--status', 'unavailable', '--summary', 'Geschlossen, Auskunft unter 02922 800-0.');
    expect(out.split('\n').slice(-3)).toMatchInlineSnapshot(`
      [
        "Saved: content/towns/werl/index.md",
        "  status: removed (was normal)",
        "Note: the town's summary says: "Alles wie gewohnt." — is that still true? If not: npm run update -- werl --summary "…"",
      ]
    `);
  });

  test('a town set to normal above a disrupted service is refused, with the services named', async () => {
    const { root } = await folder();
    const { code, text: out } = await update(root, 'soest', '--status', 'normal');
    expect(code).toBe(1);
    expect(out).toMatchInlineSnapshot(`
      "Nicht gespeichert, keine Datei wurde geändert. Die Änderung ergäbe diese Fehler:
      content/towns/soest/index.md: status: „normal“, aber nicht jeder Dienst arbeitet wie gewohnt (Bürgerbüro: limited) — ein Ort kann nicht besser dastehen als seine Dienste; die Zeile status einfach entfernen, dann ergibt sich der Status aus den Diensten: limited"
    `);
  });
});

describe('a new status with the old summary', () => {
  test('is saved, and the editor is asked whether the summary still fits (de, en); not with --summary', async () => {
    const { root } = await folder();
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--status', 'deferred');
    expect(code).toBe(0);
    expect(out.split('\n').at(-1)).toBe('Hinweis: summary ist unverändert: „Zurzeit geschlossen, telefonisch erreichbar.“ — passt das zum neuen Status? Sonst: --summary "…"');
    expect((await update(root, 'soest/buergerbuero', '--status', 'limited', '--summary', 'Telefonisch erreichbar.')).text).not.toContain('summary ist unverändert');
    const english = await folder({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' });
    expect((await update(english.root, 'soest/buergerbuero', '--status', 'unavailable')).text.split('\n').at(-1)).toBe(
      'Note: summary is unchanged: "Zurzeit geschlossen, telefonisch erreichbar." — does it still fit the new status? If not: --summary "…"',
    );
  });
});

describe('times are site-local, whatever the machine', () => {
  test('now in Berlin, winter and summer', async () => {
    const { root } = await folder();
    await run(runUpdate, root, ['soest/buergerbuero', '--note', 'Winter.'], Date.parse('2023-11-04T12:00:00Z'));
    await run(runUpdate, root, ['soest', '--note', 'Sommer.'], Date.parse('2023-07-01T10:00:00Z'));
    expect(await read(root, 'towns/soest/buergerbuero.md')).toContain('updated: 2023-11-04 13:00\n');
    expect(await read(root, 'towns/soest/index.md')).toContain('  - at: 2023-07-01 12:00\n    text: Sommer.\n');
  });

  test('in the time zone site.yaml names', async () => {
    const { root } = await folder({ 'site.yaml': 'title: T\noperator: O\ntimezone: Asia/Tokyo\n' });
    await update(root, 'soest', '--note', 'Tokio.');
    expect(await read(root, 'towns/soest/index.md')).toContain('  - at: 2023-11-04 21:00\n');
  });

  test('--at: a date-time, a date, or a time of day meaning today; an earlier time leaves updated', async () => {
    const { root } = await folder();
    await update(root, 'soest', '--note', 'a', '--at', '2023-11-03 08:00');
    let file = await read(root, 'towns/soest/index.md');
    expect(file).toContain('updated: 2023-11-03 14:17\n');
    expect(file).toContain('  - at: 2023-11-03 08:00\n');
    await update(root, 'soest', '--note', 'b', '--at', '7:05');
    file = await read(root, 'towns/soest/index.md');
    expect(file).toContain('updated: 2023-11-04 07:05\n');
    expect(file).toContain('  - at: 2023-11-04 07:05\n    text: b\n  - at: 2023-11-03 08:00\n');
    const bad = await update(root, 'soest', '--note', 'c', '--at', 'gestern');
    expect(bad.code).toBe(1);
    expect(bad.text).toMatchInlineSnapshot(`"--at „gestern“ — erlaubt: Datum und Uhrzeit wie 2023-11-03 14:17, ein Datum wie 2023-11-06 oder nur die Uhrzeit wie 14:17 (heute; Ortszeit Europe/Berlin)"`);
  });
});

describe('refused, and the file stays byte for byte', () => {
  const refusals: [string, string[]][] = [
    ['a status that is not one', ['soest/buergerbuero', '--status', 'geschlossen']],
    ['a time more than a day ahead', ['soest/buergerbuero', '--note', 'x', '--at', '2023-11-09 10:00']],
    ['HTML in a text', ['soest/buergerbuero', '--summary', 'Zu <b>heute</b>']],
  ];
  for (const [what, argv] of refusals) {
    test(what, async () => {
      const { root, dir } = await folder();
      const before = await readFile(path.join(dir, 'towns/soest/buergerbuero.md'));
      const { code, text: out } = await update(root, ...argv);
      expect(code).toBe(1);
      expect(out).toMatchSnapshot();
      expect(await readFile(path.join(dir, 'towns/soest/buergerbuero.md'))).toEqual(before);
      expect((await readdir(path.join(dir, 'towns/soest'))).sort()).toEqual(['buergerbuero.md', 'index.md']);
    });
  }

  test('a CRLF file that cannot be edited safely is left alone', async () => {
    const broken = '---\r\ntitle: [Bürgerbüro\r\nstatus: limited\r\n---\r\n';
    const { root, dir } = await folder({ 'towns/soest/buergerbuero.md': broken });
    const { code, text: out } = await update(root, 'soest/buergerbuero', '--status', 'normal');
    expect(code).toBe(1);
    expect(out).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md kann nicht geändert werden, bis diese Fehler behoben sind:
      content/towns/soest/buergerbuero.md:3: der Kopfbereich ist kein gültiges YAML: ein schließendes Anführungszeichen oder eine Klammer fehlt (Flow sequence in block collection must be sufficiently indented and end with a ]) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"
    `);
    expect(await readFile(path.join(dir, 'towns/soest/buergerbuero.md'), 'utf8')).toBe(broken);
  });
});

describe('CRLF files', () => {
  test('stay CRLF, with the new lines too, and the body unchanged', async () => {
    const crlf = buergerbuero.replaceAll('\n', '\r\n');
    const { root, dir } = await folder({ 'towns/soest/buergerbuero.md': crlf });
    expect((await update(root, 'soest/buergerbuero', '--status', 'normal', '--note', 'Offen.')).code).toBe(0);
    const file = await readFile(path.join(dir, 'towns/soest/buergerbuero.md'), 'utf8');
    expect(file.replace(/\r\n/g, '')).not.toContain('\n');
    expect(file).toBe(
      crlf
        .replace('status: limited', 'status: normal')
        .replace('updated: 2023-11-03 14:17', 'updated: 2023-11-04 13:00')
        .replace('since: 2023-10-30\r\nexpected: 2023-11-06\r\n', '')
        .replace("keywords: [Ausweis, 'Pass']\r\n", "keywords: [Ausweis, 'Pass']\r\nupdates:\r\n  - at: 2023-11-04 13:00\r\n    text: Offen.\r\n"),
    );
  });
});

describe('towns and incidents', () => {
  test('a town: --status adds its own status after updated; --channel sets a contact', async () => {
    const { root } = await folder({ 'towns/werl/index.md': md('name: Werl\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Offen.\ncontacts:\n  - channel: email\n    status: normal\n') , 'towns/werl/rathaus.md': service() });
    const { code, text: out } = await update(root, 'werl', '--status', 'unavailable', '--note', 'Rathaus zu.');
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/werl/index.md
        status: unavailable (neu)
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Rathaus zu.
      Hinweis: summary ist unverändert: „Offen.“ — passt das zum neuen Status? Sonst: --summary "…""
    `);
    expect(await read(root, 'towns/werl/index.md')).toMatchInlineSnapshot(`
      "---
      name: Werl
      kind: Stadt
      updated: 2023-11-04 13:00
      status: unavailable
      summary: Offen.
      contacts:
        - channel: email
          status: normal
      updates:
        - at: 2023-11-04 13:00
          text: Rathaus zu.
      ---
      "
    `);
    expect((await update(root, '/werl/', '--channel', 'email', '--status', 'unavailable')).text).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/werl/index.md
        contacts[1].status: normal → unavailable
        updates: neuer Eintrag 2023-11-04 13:00: E-Mail: Nicht möglich."
    `);
    expect(await check(root)).toBe('');
  });

  test('--incident: a town lists it, a service names it', async () => {
    const { root } = await folder({ 'incidents/strom.md': incident().replace('Cyberangriff', 'Stromausfall') });
    expect((await update(root, 'soest', '--incident', 'strom')).text).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/soest/index.md
        incidents: strom (neu)
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Betroffen von der Störung „Stromausfall“."
    `);
    expect(await read(root, 'towns/soest/index.md')).toContain('kind: Stadt\nincidents: [strom]\nupdated: 2023-11-04 13:00\n');
    expect((await update(root, 'soest', '--incident', 'sit-2023', '--status', 'limited', '--note', 'Auch die IT.')).code).toBe(0);
    expect(await read(root, 'towns/soest/index.md')).toContain('incidents: [strom, sit-2023]\n');
    expect((await update(root, 'soest/buergerbuero', '--incident', 'strom', '--status', 'unavailable')).text).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/soest/buergerbuero.md
        status: limited → unavailable
        incident: strom (neu)
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Neuer Status: Nicht möglich.
      Hinweis: summary ist unverändert: „Zurzeit geschlossen, telefonisch erreichbar.“ — passt das zum neuen Status? Sonst: --summary "…""
    `);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toContain('expected: 2023-11-06\nincident: strom\n');
    expect(await check(root)).toBe('');
    const unknown = await update(root, 'soest', '--incident', 'stromm');
    expect(unknown.code).toBe(1);
    expect(unknown.text).toMatchInlineSnapshot(`
      "Nicht gespeichert, keine Datei wurde geändert. Die Änderung ergäbe diese Fehler:
      content/towns/soest/index.md: incidents[3]: „stromm“ — keine Störung dieses Namens; vorhanden: sit-2023, strom (meinten Sie „strom“?)"
    `);
  });

  test('--status auto: a town\'s own status goes, it follows from the services again', async () => {
    const { root } = await folder();
    const { code, text: out } = await update(root, 'soest', '--status', 'auto');
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/soest/index.md
        status: entfernt (war limited)
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Der Status ergibt sich jetzt aus den Diensten."
    `);
    expect(await read(root, 'towns/soest/index.md')).not.toContain('status:');
    expect(await check(root)).toBe('');
  });

  test('--status auto for a town without services is refused: it needs a status', async () => {
    const { root } = await folder({ 'towns/soest/buergerbuero.md': null });
    const { code, text: out } = await update(root, 'soest', '--status', 'auto');
    expect(code).toBe(1);
    expect(out).toMatchInlineSnapshot(`
      "Nicht gespeichert, keine Datei wurde geändert. Die Änderung ergäbe diese Fehler:
      content/towns/soest/index.md: status: fehlt — Pflicht für einen Ort ohne Dienste (Beispiel: status: limited)"
    `);
  });

  test('an incident: summary and note; a status is refused', async () => {
    const { root } = await folder();
    expect((await update(root, 'stoerungen/sit-2023', '--summary', 'Die Server laufen wieder an.')).text).toMatchInlineSnapshot(`
      "Gespeichert: content/incidents/sit-2023.md
        summary: Die IT ist ausgefallen. → Die Server laufen wieder an.
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Die Server laufen wieder an."
    `);
    expect(await read(root, 'incidents/sit-2023.md')).toContain('summary: Die Server laufen wieder an.\nupdates:\n  - at: 2023-11-04 13:00\n');
    const status = await update(root, 'stoerungen/sit-2023', '--status', 'normal');
    expect(status.code).toBe(1);
    expect(status.text).toMatchInlineSnapshot(`"stoerungen/sit-2023 ist eine Störung und hat keinen Status — für die Entwarnung: npm run resolve -- stoerungen/sit-2023"`);
  });
});

describe('mistakes in the call', () => {
  test('messages in German', async () => {
    const { root } = await folder();
    const texts = [];
    for (const argv of [
      ['soest/buergerburo', '--note', 'x'],
      ['soest/buergerbuero'],
      ['soest/buergerbuero', '--stauts', 'normal'],
      ['soest/buergerbuero', '--status'],
      ['soest/buergerbuero', '--channel', 'phone'],
      ['soest/buergerbuero', '--note', ' '],
      [],
    ]) {
      const { code, text: out } = await update(root, ...argv);
      expect(code).toBe(1);
      texts.push(out);
    }
    expect(texts).toMatchInlineSnapshot(`
      [
        "„soest/buergerburo“ gibt es nicht (meinten Sie „soest/buergerbuero“?) — vorhanden: soest/buergerbuero",
        "Nichts zu ändern — geben Sie an, was sich geändert hat, z. B.: npm run update -- soest/buergerbuero --status limited --note "…" (das -- nach update nicht vergessen, sonst kommen die Angaben nicht an)",
        "Unbekannte Angabe „--stauts“ (meinten Sie „--status“?) — erlaubt: --status, --channel, --incident, --summary, --note, --at, --task, --value, --hours, --content",
        "Bei „--status“ fehlt der Wert — Beispiel: --status limited, Texte in Anführungszeichen: --note "Ab Montag wieder geöffnet."",
        "--channel braucht --status, --value oder --hours, z. B.: --channel email --status unavailable",
        "--note ist leer — erlaubt: ein Text",
        "Aufruf: npm run update -- <ort> | <ort>/<dienst> | stoerungen/<störung> [--status limited] [--channel phone] [--summary "…"] [--note "…"] [--at "2023-11-03 14:17"]",
      ]
    `);
  });

  test('messages in English', async () => {
    const { root, dir } = await folder({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' });
    const texts = [];
    for (const argv of [['soest/buergerburo', '--note', 'x'], ['soest/buergerbuero', '--status', 'closed'], ['soest/buergerbuero', '--at', 'tomorrow', '--note', 'x']]) {
      texts.push((await update(root, ...argv)).text);
    }
    texts.push((await update(root, 'soest/buergerbuero', '--status', 'unavailable')).text);
    expect(texts).toMatchInlineSnapshot(`
      [
        ""soest/buergerburo" does not exist (did you mean "soest/buergerbuero"?) — present: soest/buergerbuero",
        "Not saved, no file was changed. The change would cause these errors:
      content/towns/soest/buergerbuero.md: status: "closed" — allowed: normal, limited, deferred, unavailable (did you mean "unavailable"?)",
        "--at "tomorrow" — allowed: date and time like 2023-11-03 14:17, a date like 2023-11-06, or a time of day alone like 14:17 (today; local time Europe/Berlin)",
        "Saved: content/towns/soest/buergerbuero.md
        status: limited → unavailable
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: new entry 2023-11-04 13:00: New status: Not available.
      Note: summary is unchanged: "Zurzeit geschlossen, telefonisch erreichbar." — does it still fit the new status? If not: --summary "…"",
      ]
    `);
    expect(await readFile(path.join(dir, 'towns/soest/buergerbuero.md'), 'utf8')).toContain('  - at: 2023-11-04 13:00\n    text: "New status: Not available."\n');
  });

  test('an error elsewhere does not block the update, and is mentioned', async () => {
    const { root } = await folder({ 'towns/werl/index.md': town('Werl', 'parent: nirgends\n') });
    const { code, text: out } = await update(root, 'soest', '--note', 'Trotzdem.');
    expect(out).toMatchInlineSnapshot(`
      "Gespeichert: content/towns/soest/index.md
        updated: 2023-11-03 14:17 → 2023-11-04 13:00
        updates: neuer Eintrag 2023-11-04 13:00: Trotzdem.
      Hinweis: Im Inhalt steht noch ein Fehler, der nicht von dieser Änderung kommt; solange er besteht, wird nichts veröffentlicht. npm run check zeigt ihn."
    `);
    expect(code).toBe(0);
  });
});
