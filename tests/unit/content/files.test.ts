/**
 * Files and folders: broken YAML, empty files, other encodings, missing front matter, front
 * matter that is not a set of fields, unexpected files, missing site.yaml and towns/.
 */
import { describe, expect, test } from 'vitest';
import { loadSite } from '../../../src/model/site.ts';
import { formatContentError } from '../../../src/schema/errors.ts';
import { contentFolder, md, NOW, output, service, site, text } from '../support/content.ts';

describe('YAML', () => {
  test('an unclosed quote', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': md('title: "Bürgerbüro\nstatus: limited\nupdated: 2023-11-03 14:17\nsummary: x') })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:2: der Kopfbereich ist kein gültiges YAML: ein schließendes Anführungszeichen oder eine Klammer fehlt (Missing closing "quote) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"`);
  });

  test('a tab as indentation', async () => {
    expect(
      await output({ 'towns/soest/buergerbuero.md': service('channels:\n\t- channel: phone\n\t  status: normal\n') }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:7: der Kopfbereich ist kein gültiges YAML: Tabulator als Einrückung, bitte Leerzeichen verwenden (Tabs are not allowed as indentation) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)
      content/towns/soest/buergerbuero.md:8: der Kopfbereich ist kein gültiges YAML: Tabulator als Einrückung, bitte Leerzeichen verwenden (Tabs are not allowed as indentation) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"
    `);
  });

  test('a field twice', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': service('status: normal\n') })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:6: der Kopfbereich ist kein gültiges YAML: ein Feld steht doppelt (Map keys must be unique) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"`);
  });

  test('a missing colon, and a value that needs quotes', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service('note\n'),
        'towns/soest/gewerbe.md': service('keywords: @home\n'),
        'towns/soest/sperrmuell.md': service().replace('summary: Geschlossen.', 'summary: Achtung: geschlossen'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:6: der Kopfbereich ist kein gültiges YAML: nach dem Feldnamen fehlt ein Doppelpunkt, oder die Zeile ist falsch eingerückt (Implicit map keys need to be followed by map values) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)
      content/towns/soest/gewerbe.md:6: der Kopfbereich ist kein gültiges YAML: ein Wert beginnt mit einem Zeichen, das in Anführungszeichen stehen muss (Plain value cannot start with reserved character @) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)
      content/towns/soest/sperrmuell.md:5: der Kopfbereich ist kein gültiges YAML: ein Text mit Doppelpunkt muss in Anführungszeichen stehen, oder die Zeile ist falsch eingerückt (Nested mappings are not allowed in compact mappings) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"
    `);
  });

  test('an unclosed quote in a list, reported where it opens', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': service("tasks:\n  - title: Ausweis\n    status: normal\n  - title: 'Pass\n    status: normal\n") })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:9: der Kopfbereich ist kein gültiges YAML: ein schließendes Anführungszeichen oder eine Klammer fehlt (Missing closing 'quote) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"`);
  });

  test('an unclosed list', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': service('keywords: [Ausweis, Pass\n') })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:6: der Kopfbereich ist kein gültiges YAML: ein schließendes Anführungszeichen oder eine Klammer fehlt (Flow sequence in block collection must be sufficiently indented and end with a ]) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"`);
  });

  test('broken site.yaml', async () => {
    expect(await output({ 'site.yaml': 'title: Test\n  operator: Kreis Test\n' })).toMatchInlineSnapshot(`"content/site.yaml:1: der Kopfbereich ist kein gültiges YAML: ein Text mit Doppelpunkt muss in Anführungszeichen stehen, oder die Zeile ist falsch eingerückt (Nested mappings are not allowed in compact mappings) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"`);
  });

  test('the same in English', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': service('status: normal\n') }, { language: 'en' })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:6: the front matter is not valid YAML: a field appears twice (Map keys must be unique) (check indentation, colons and quotes in this line and the one before)"`);
  });

  test('blank lines before the front matter only move the line numbers', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': '\n\n' + service('staus: x\n') })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:8: staus: unbekanntes Feld — erlaubt: title, status, updated, summary, since, expected, incident, channels, tasks, keywords, updates, aliases, order, planned (meinten Sie „status“?)"`);
  });

  test('Windows line endings and a byte order mark are fine', async () => {
    const s = await site({ 'towns/soest/buergerbuero.md': '\uFEFF' + service('', 'limited', 'Text.\n').replace(/\n/g, '\r\n') });
    expect(s.town('soest')!.services[0]!.title).toBe('Bürgerbüro');
  });
});

describe('files', () => {
  test('an empty file, and a file of blank lines', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': '', 'pages/impressum.md': '\n  \n' })).toMatchInlineSnapshot(`
      "content/pages/impressum.md:1: die Datei ist leer
      content/towns/soest/buergerbuero.md:1: die Datei ist leer"
    `);
  });

  test('a file not saved as UTF-8', async () => {
    const latin1 = Buffer.from('---\ntitle: B\xfcrgerb\xfcro\nstatus: limited\nupdated: 2023-11-03\nsummary: x\n---\n', 'latin1');
    expect(await output({ 'towns/soest/buergerbuero.md': latin1 })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md: die Datei ist nicht als UTF-8 gespeichert (im Editor „Speichern unter“ mit der Kodierung UTF-8 wählen)"`);
  });

  test('a file without front matter, and one without the closing ---', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': 'title: Bürgerbüro\nstatus: limited\n',
        'towns/soest/gewerbe.md': '---\ntitle: Gewerbe\nstatus: limited\n\nText\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:1: kein Kopfbereich — die Datei muss mit einer Zeile --- beginnen, dann folgen die Felder, dann wieder eine Zeile ---
      content/towns/soest/gewerbe.md:1: kein Kopfbereich — die Datei muss mit einer Zeile --- beginnen, dann folgen die Felder, dann wieder eine Zeile ---"
    `);
  });

  test('front matter that is a list or a single text', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': md('- title: Bürgerbüro\n- status: limited'), 'pages/impressum.md': md('Impressum') })).toMatchInlineSnapshot(`
      "content/pages/impressum.md:2: der Kopfbereich enthält keine Felder — erlaubt: Zeilen wie title: Bürgerbüro
      content/towns/soest/buergerbuero.md:2: der Kopfbereich enthält keine Felder — erlaubt: Zeilen wie title: Bürgerbüro"
    `);
  });

  test('site.yaml that is a list', async () => {
    expect(await output({ 'site.yaml': '- title: Test\n' })).toMatchInlineSnapshot(`"content/site.yaml:1: der Kopfbereich enthält keine Felder — erlaubt: Zeilen wie title: Bürgerbüro"`);
  });

  test('empty front matter: every required field is missing', async () => {
    expect(await output({ 'pages/impressum.md': '---\n---\nText\n' })).toMatchInlineSnapshot(`"content/pages/impressum.md: title: fehlt — dieses Feld ist Pflicht (Beispiel: title: Bürgerbüro)"`);
  });

  test('unexpected files and folders', async () => {
    expect(
      await output({
        'README.md': '# Hinweise\n',
        'bilder/logo.png': 'x',
        'towns/liste.txt': 'x',
        'towns/soest/notizen.txt': 'x',
        'towns/soest/archiv/alt.md': service(),
        'incidents/sit.yaml': 'x',
        'pages/entwurf/': '',
        'pages/bild.png': 'x',
        '.git-keep': 'x',
        'towns/soest/.DS_Store': 'x',
      }),
    ).toMatchInlineSnapshot(`
      "content/bilder: unerwartete Datei oder unerwarteter Ordner — erlaubt: site.yaml, towns/, incidents/, pages/
      content/incidents/sit.yaml: unerwartete Datei oder unerwarteter Ordner — erlaubt: incidents/<name>.md
      content/pages/bild.png: unerwartete Datei oder unerwarteter Ordner — erlaubt: pages/<name>.md
      content/pages/entwurf: unerwartete Datei oder unerwarteter Ordner — erlaubt: pages/<name>.md
      content/README.md: unerwartete Datei oder unerwarteter Ordner — erlaubt: site.yaml, towns/, incidents/, pages/
      content/towns/liste.txt: unerwartete Datei oder unerwarteter Ordner — erlaubt: towns/<ort>/index.md
      content/towns/soest/archiv: unerwartete Datei oder unerwarteter Ordner — erlaubt: index.md, <dienst>.md
      content/towns/soest/notizen.txt: unerwartete Datei oder unerwarteter Ordner — erlaubt: index.md, <dienst>.md"
    `);
  });

  test('a town folder without index.md', async () => {
    expect(await output({ 'towns/werl/buergerbuero.md': service() })).toMatchInlineSnapshot(`"content/towns/werl/index.md: diese Datei fehlt"`);
  });

  test('missing site.yaml', async () => {
    expect(await output({ 'site.yaml': null })).toMatchInlineSnapshot(`"content/site.yaml: diese Datei fehlt"`);
  });

  test('missing or empty towns folder', async () => {
    expect(await output({ 'site.yaml': 'title: T\noperator: O\n' }, { base: false })).toMatchInlineSnapshot(`"content/towns/: dieser Ordner fehlt oder ist leer"`);
    expect(await output({ 'site.yaml': 'title: T\noperator: O\n', 'towns/': '' }, { base: false })).toMatchInlineSnapshot(`"content/towns/: dieser Ordner fehlt oder ist leer"`);
  });

  test('a content folder that does not exist', async () => {
    const { root } = await contentFolder({});
    const result = await loadSite(`${root}/inhalt`, { urls: { base: '/' }, now: NOW, cwd: root });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => formatContentError(e, 'de'))).toMatchInlineSnapshot(`
      [
        "inhalt: dieser Ordner fehlt oder ist leer",
      ]
    `);
  });

  test('incidents and pages folders are optional', async () => {
    const s = await site({});
    expect(s.incidents).toEqual([]);
    expect(s.pages).toEqual([]);
  });

  test('a body is kept; a file may have front matter only', async () => {
    const s = await site({
      'pages/impressum.md': md('title: Impressum\nfooter: true', '# Verantwortlich\n\nKreis Test\n'),
      'pages/datenschutz.md': md('title: Datenschutz'),
    });
    expect(s.pages.map((p) => [p.slug, p.footer, p.body.markdown])).toEqual([
      ['datenschutz', false, ''],
      ['impressum', true, '# Verantwortlich\n\nKreis Test\n'],
    ]);
  });

  test('a body line is counted from the start of the file', async () => {
    expect(
      await output({
        'pages/impressum.md': text`
          ---
          title: Impressum
          ---
          Zeile 4

          Zeile 6 <b>fett</b>
        `,
      }),
    ).toMatchInlineSnapshot(`"content/pages/impressum.md:6: enthält HTML „<b>“ — erlaubt: nur Markdown"`);
  });
});
