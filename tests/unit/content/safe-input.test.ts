/**
 * Content format 1.2: whatever an editor's file holds, the reader answers with located errors,
 * never with a stack trace or a hang. Control characters in fields and the body, YAML aliases
 * that explode or point at themselves, custom tags, the key `__proto__`, lines starting with
 * `---` inside the front matter; and files that are not plain files: FIFOs, devices, hard links,
 * a folder where a file belongs and the other way round, names in NFD.
 */
import { execFileSync } from 'node:child_process';
import { link, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSite } from '../../../src/model/site.ts';
import { formatContentError } from '../../../src/schema/errors.ts';
import { slugify } from '../../../src/model/read.ts';
import { base, contentFolder, md, NOW, output, service, text, type Files } from '../support/content.ts';

/** Loads a folder prepared by `prepare` (on top of the base files); the messages in German or English. */
async function messagesAfter(files: Files, prepare: (dir: string, root: string) => Promise<void>, language: 'de' | 'en' = 'de'): Promise<string> {
  const { root, dir } = await contentFolder({ ...base, ...files });
  await prepare(dir, root);
  const result = await loadSite(dir, { urls: { base: '/' }, now: NOW, cwd: root });
  return result.ok ? '' : result.errors.map((e) => formatContentError(e, language)).join('\n');
}

describe('control characters', () => {
  test('a vertical tab pasted from Word into a field, an escaped one, and one in the body: each with line and field', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service('tasks:\n  - title: "Ausweis\\x01"\n    status: normal\n', 'limited', 'Erste Zeile.\nZweite\u000b Zeile.\n').replace('Geschlossen.', 'Ge\u000bschlossen.'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:5: summary: enthält das unsichtbare Steuerzeichen U+000B — erlaubt: Text ohne Steuerzeichen (oft beim Kopieren aus Word oder einer PDF-Datei mitgekommen: die Stelle löschen und neu tippen)
      content/towns/soest/buergerbuero.md:7: tasks[1].title: enthält das unsichtbare Steuerzeichen U+0001 — erlaubt: Text ohne Steuerzeichen (oft beim Kopieren aus Word oder einer PDF-Datei mitgekommen: die Stelle löschen und neu tippen)
      content/towns/soest/buergerbuero.md:11: enthält das unsichtbare Steuerzeichen U+000B — erlaubt: Text ohne Steuerzeichen (oft beim Kopieren aus Word oder einer PDF-Datei mitgekommen: die Stelle löschen und neu tippen)"
    `);
  });

  test('DEL in site.yaml, NUL in a key; tab, line breaks and U+2028 are fine', async () => {
    expect(
      await output({
        'site.yaml': 'title: "Notfall\u007f"\noperator: Kreis Test\n',
        'towns/soest/buergerbuero.md': service('tasks:\n  - title: "A\\tB"\n    status: normal\n', 'limited', 'Text\u2028mit Trenner.\n'),
        'towns/soest/gewerbe.md': service('note\u0000: x\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/site.yaml:1: title: enthält das unsichtbare Steuerzeichen U+007F — erlaubt: Text ohne Steuerzeichen (oft beim Kopieren aus Word oder einer PDF-Datei mitgekommen: die Stelle löschen und neu tippen)
      content/towns/soest/gewerbe.md:6: note<U+0000>: enthält das unsichtbare Steuerzeichen U+0000 — erlaubt: Text ohne Steuerzeichen (oft beim Kopieren aus Word oder einer PDF-Datei mitgekommen: die Stelle löschen und neu tippen)
      content/towns/soest/gewerbe.md:6: note<U+0000>: unbekanntes Feld — erlaubt: title, status, updated, summary, since, expected, incident, channels, tasks, keywords, updates, aliases, order, planned"
    `);
  });

  test('characters XML has no place for: U+FFFE, U+FFFF and half a surrogate pair (from a YAML escape)', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service('keywords: ["A\\uFFFE", "B\\uD800", "ok \\U0001F692"]\n', 'limited', 'Text \uFFFF.\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:6: keywords[1]: enthält das unsichtbare Steuerzeichen U+FFFE — erlaubt: Text ohne Steuerzeichen (oft beim Kopieren aus Word oder einer PDF-Datei mitgekommen: die Stelle löschen und neu tippen)
      content/towns/soest/buergerbuero.md:6: keywords[2]: enthält das unsichtbare Steuerzeichen U+D800 — erlaubt: Text ohne Steuerzeichen (oft beim Kopieren aus Word oder einer PDF-Datei mitgekommen: die Stelle löschen und neu tippen)
      content/towns/soest/buergerbuero.md:8: enthält das unsichtbare Steuerzeichen U+FFFF — erlaubt: Text ohne Steuerzeichen (oft beim Kopieren aus Word oder einer PDF-Datei mitgekommen: die Stelle löschen und neu tippen)"
    `);
  });

  test('the same in English', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': service('', 'limited', 'Text\u001b[31m\n') }, { language: 'en' })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:7: contains the invisible control character U+001B — allowed: text without control characters (often pasted from Word or a PDF: delete the spot and type it again)"`);
  });
});

describe('YAML oddities', () => {
  test('nested aliases ("billion laughs") stop at the limit, at the first alias', async () => {
    const bomb = text`
      keywords: &a [x, x, x, x, x, x, x, x, x]
      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
      d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    `;
    expect(await output({ 'towns/soest/buergerbuero.md': service(bomb) })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:7: YAML-Verweise (*name) vervielfachen den Inhalt über die Grenze von 100 — erlaubt: die Werte ausschreiben"`);
  });

  test('an alias inside the value it names, and an alias to no anchor', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service('tasks: &t\n  - title: x\n    status: normal\n    more: *t\n'),
        'towns/soest/gewerbe.md': service('keywords: *nirgends\n'),
        'towns/soest/kfz.md': service('keywords: &k [a]\naliases: &r [*r]\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:9: tasks[1].more: „*t“ verweist auf einen Wert, in dem es selbst steht — erlaubt: den Wert ausschreiben
      content/towns/soest/gewerbe.md:6: keywords: „*nirgends“ verweist auf keinen Anker (&name) davor — erlaubt: den Wert ausschreiben
      content/towns/soest/kfz.md:7: aliases[1]: „*r“ verweist auf einen Wert, in dem es selbst steht — erlaubt: den Wert ausschreiben"
    `);
  });

  test('an alias used once, as YAML allows, is fine', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': service('keywords: &k [Ausweis]\ntasks:\n  - title: Pass\n    status: normal\n') })).toBe('');
  });

  test('custom tags: !!js/function, !foo, YAML 1.1 !!binary; the core !!str is fine', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service('keywords: [!!js/function "function () {}"]\n'),
        'towns/soest/gewerbe.md': service('keywords: [!foo bar]\n'),
        'towns/soest/kfz.md': service('keywords: [!!binary aGVsbG8=]\n'),
        'towns/soest/sperrmuell.md': service('keywords: [!!str 2023]\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:6: die YAML-Angabe „!!js/function“ ist nicht erlaubt — erlaubt: Werte ohne !-Angabe; Text, der mit ! beginnt, in Anführungszeichen setzen
      content/towns/soest/gewerbe.md:6: die YAML-Angabe „!foo“ ist nicht erlaubt — erlaubt: Werte ohne !-Angabe; Text, der mit ! beginnt, in Anführungszeichen setzen
      content/towns/soest/kfz.md:6: die YAML-Angabe „!!binary“ ist nicht erlaubt — erlaubt: Werte ohne !-Angabe; Text, der mit ! beginnt, in Anführungszeichen setzen"
    `);
  });

  test('__proto__ as a key does not fill the required fields', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': md('__proto__:\n  title: Bürgerbüro\n  status: normal\n  updated: 2023-11-03 14:17\n  summary: x\n') })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:2: __proto__: „__proto__“ ist als Feldname nicht erlaubt — erlaubt: die Felder dieser Datei"`);
  });

  test('a line starting with ---- inside the front matter does not end it silently', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service().replace('summary: Geschlossen.\n', 'summary: Geschlossen.\n----\nchannels:\n  - channel: phone\n    status: normal\n'),
        'towns/soest/gewerbe.md': '---\ntitle: Gewerbe\n--- Ende\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:6: die Zeile „----“ beginnt mit --- im Kopfbereich — erlaubt: genau --- als Zeile, die den Kopfbereich beendet; Trennlinien gehören in den Text darunter
      content/towns/soest/gewerbe.md:3: die Zeile „--- Ende“ beginnt mit --- im Kopfbereich — erlaubt: genau --- als Zeile, die den Kopfbereich beendet; Trennlinien gehören in den Text darunter"
    `);
  });

  test('the same in English', async () => {
    expect(
      await output(
        {
          'towns/soest/buergerbuero.md': service('keywords: [!foo bar]\n'),
          'towns/soest/gewerbe.md': service('keywords: *k\n'),
          'towns/soest/kfz.md': md('__proto__: {}\n'),
          'towns/soest/sperrmuell.md': '---\ntitle: x\n-----\n---\n',
        },
        { language: 'en' },
      ),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:6: the YAML tag "!foo" is not allowed — allowed: values without a ! tag; put text starting with ! in quotes
      content/towns/soest/gewerbe.md:6: keywords: "*k" refers to no anchor (&name) before it — allowed: write the value out
      content/towns/soest/kfz.md:2: __proto__: "__proto__" is not allowed as a field name — allowed: the fields of this file
      content/towns/soest/sperrmuell.md:3: the line "-----" starts with --- inside the front matter — allowed: exactly --- as the line that ends the front matter; dividers belong in the text below"
    `);
  });

  test('nesting deep enough to exhaust a parser is an error, not a crash', async () => {
    const deep = `keywords: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(await output({ 'towns/soest/buergerbuero.md': service(deep) })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:6: der Kopfbereich ist kein gültiges YAML: Syntaxfehler (Maximum call stack size exceeded) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"`);
  });
});

describe('files that are not plain files', () => {
  test('a FIFO where a service file belongs is an error, and check does not wait on it', async () => {
    const shown = await messagesAfter({}, async (dir) => {
      execFileSync('mkfifo', [path.join(dir, 'towns/soest/buergerbuero.md')]);
      execFileSync('mkfifo', [path.join(dir, 'site.yaml.tmp')]);
    });
    expect(shown).toMatchInlineSnapshot(`
      "content/site.yaml.tmp: unerwartete Datei oder unerwarteter Ordner — erlaubt: site.yaml, towns/, incidents/, pages/
      content/towns/soest/buergerbuero.md: ist keine gewöhnliche Datei (sondern z. B. eine Pipe oder ein Gerät) — erlaubt: nur gewöhnliche Dateien"
    `);
  });

  test('a hard link to a file outside content/ is not read', async () => {
    const shown = await messagesAfter({}, async (dir, root) => {
      await writeFile(path.join(root, 'geheim.md'), service().replace('Bürgerbüro', 'Geheim'));
      await link(path.join(root, 'geheim.md'), path.join(dir, 'towns/soest/geheim.md'));
    });
    expect(shown).toMatchInlineSnapshot(`"content/towns/soest/geheim.md: ist ein harter Link (die Datei hat 2 Namen, vielleicht auch außerhalb von content/) — erlaubt: eine eigene Datei; bitte kopieren statt verlinken"`);
  });

  test('a file where a folder belongs, and a folder where a file belongs', async () => {
    const shown = await messagesAfter({ 'site.yaml': null, 'towns/soest/index.md': null, 'towns/soest/buergerbuero.md': service() }, async (dir) => {
      await writeFile(path.join(dir, 'incidents'), 'keine Störung\n');
      await mkdir(path.join(dir, 'site.yaml'));
      await mkdir(path.join(dir, 'towns/soest/index.md'));
      await mkdir(path.join(dir, 'towns/soest/gewerbe.md'));
    });
    expect(shown).toMatchInlineSnapshot(`
      "content/incidents: ist eine Datei — hier gehört ein Ordner hin
      content/site.yaml: ist ein Ordner — hier gehört eine Datei hin
      content/towns/soest/gewerbe.md: unerwartete Datei oder unerwarteter Ordner — erlaubt: index.md, <dienst>.md
      content/towns/soest/index.md: unerwartete Datei oder unerwarteter Ordner — erlaubt: index.md, <dienst>.md"
    `);
  });

  test('towns/ as a file, and the content folder itself a file', async () => {
    expect(await messagesAfter({ 'towns/soest/index.md': null }, async (dir) => {
      await writeFile(path.join(dir, 'towns'), 'soest\n');
    })).toMatchInlineSnapshot(`"content/towns: ist eine Datei — hier gehört ein Ordner hin"`);
    const { root } = await contentFolder({});
    await writeFile(path.join(root, 'inhalt'), 'x');
    const result = await loadSite(path.join(root, 'inhalt'), { urls: { base: '/' }, now: NOW, cwd: root });
    expect(result.ok ? [] : result.errors.map((e) => formatContentError(e, 'en'))).toMatchInlineSnapshot(`
      [
        "inhalt: is a file — a folder belongs here",
      ]
    `);
  });

  test('the same in English', async () => {
    const shown = await messagesAfter(
      {},
      async (dir, root) => {
        execFileSync('mkfifo', [path.join(dir, 'towns/soest/buergerbuero.md')]);
        await writeFile(path.join(root, 'geheim.md'), service());
        await link(path.join(root, 'geheim.md'), path.join(dir, 'towns/soest/geheim.md'));
        await writeFile(path.join(dir, 'pages'), 'x');
      },
      'en',
    );
    expect(shown).toMatchInlineSnapshot(`
      "content/pages: is a file — a folder belongs here
      content/towns/soest/buergerbuero.md: is not a regular file (but, say, a pipe or a device) — allowed: regular files only
      content/towns/soest/geheim.md: is a hard link (the file has 2 names, perhaps also outside content/) — allowed: a file of its own; copy it instead of linking"
    `);
  });

  test('a file name in NFD (as macOS may write it): the suggestion is the composed name', async () => {
    const nfd = 'Bu\u0308rgerbu\u0308ro';
    expect(slugify(nfd)).toBe('buergerbuero');
    expect(await output({ [`towns/soest/${nfd}.md`]: service() })).toMatchInlineSnapshot(`"content/towns/soest/Bürgerbüro.md: Name „Bürgerbüro“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: buergerbuero)"`);
  });
});

describe('written with escapes', () => {
  test('__proto__ as a quoted key with an escape is caught too', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': service('"__pro\\x74o__": {}\n') })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:6: __proto__: „__proto__“ ist als Feldname nicht erlaubt — erlaubt: die Felder dieser Datei"`);
  });
});
