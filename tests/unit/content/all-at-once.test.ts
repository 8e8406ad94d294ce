/** Every mistake in one run: an editor learns all of them at once, sorted by file and line. */
import { expect, test } from 'vitest';
import { md, output, service, town } from '../support/content.ts';

test('ten mistakes in ten files give ten errors in one run', async () => {
  const messages = await output({
    'site.yaml': 'title: Test\noperator: Kreis Test\ntimezone: Europe/Berln\n',
    'towns/soest/index.md': town('Soest', 'staus: limited\n'),
    'towns/soest/buergerbuero.md': service('', 'geschlossen'),
    'towns/soest/gewerbe.md': service('channels:\n  - channel: phone\n    status: normal\n    value: 103-2342\n'),
    'towns/werl/index.md': town('Werl', 'parent: kreis-soes\n'),
    'towns/werl/sperrmuell.md': service('title: Sperrmüll\n'),
    'towns/Lippstadt/index.md': town('Lippstadt'),
    'incidents/sit-2023.md': md('title: Cyberangriff\nstarted: 2023-10-30\nupdated: 2033-11-03 14:17\nsummary: Die IT ist ausgefallen.'),
    'pages/impressum.md': md('title: Impressum', 'Verantwortlich: <b>Kreis Test</b>\n'),
    'pages/datenschutz.md': 'title: Datenschutz\n',
  });
  expect(messages.split('\n')).toHaveLength(10);
  expect(messages).toMatchInlineSnapshot(`
    "content/incidents/sit-2023.md:4: updated: „2033-11-03 14:17“ liegt mehr als einen Tag in der Zukunft — erlaubt: bis Sonntag, 05.11.2023, 13:00 Uhr (Tippfehler bei Jahr oder Monat?)
    content/pages/datenschutz.md:1: kein Kopfbereich — die Datei muss mit einer Zeile --- beginnen, dann folgen die Felder, dann wieder eine Zeile ---
    content/pages/impressum.md:4: enthält HTML „<b>“ — erlaubt: nur Markdown
    content/site.yaml:3: timezone: „Europe/Berln“ — erlaubt: eine Zeitzone wie Europe/Berlin
    content/towns/Lippstadt: Name „Lippstadt“ — erlaubt: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (ü als ue, ß als ss) (Vorschlag: lippstadt)
    content/towns/soest/buergerbuero.md:3: status: „geschlossen“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)
    content/towns/soest/gewerbe.md:9: channels[1].value: „103-2342“ hat keine Vorwahl — erlaubt: eine Nummer mit Vorwahl, z. B. 02921 / 103-2342
    content/towns/soest/index.md:7: staus: unbekanntes Feld — erlaubt: name, kind, parent, incidents, updated, status, summary, contacts, links, updates, aliases, ars, planned (meinten Sie „status“?)
    content/towns/werl/index.md:7: parent: „kreis-soes“ — kein Ort dieses Namens; vorhanden: soest, werl
    content/towns/werl/sperrmuell.md:6: der Kopfbereich ist kein gültiges YAML: ein Feld steht doppelt (Map keys must be unique) (Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der davor)"
  `);
});
