/** site.yaml: defaults, time zone, country, language, staleAfterHours and site contacts. */
import { describe, expect, test } from 'vitest';
import { output, site } from '../support/content.ts';

describe('site.yaml', () => {
  test('defaults', async () => {
    const s = await site({});
    expect(s.settings).toMatchObject({ language: 'de', timezone: 'Europe/Berlin', country: 'DE', staleAfterHours: 48, contacts: [], locale: 'de-DE' });
  });

  test('an unknown time zone and country', async () => {
    expect(await output({ 'site.yaml': 'title: T\noperator: O\ntimezone: Europe/Berln\ncountry: GER\n' })).toMatchInlineSnapshot(`
      "content/site.yaml:3: timezone: „Europe/Berln“ — erlaubt: eine Zeitzone wie Europe/Berlin
      content/site.yaml:4: country: „GER“ — erlaubt: ein Ländercode wie DE, AT oder CH"
    `);
  });

  test('country in lower case', async () => {
    expect(await output({ 'site.yaml': 'title: T\noperator: O\ncountry: de\n' })).toMatchInlineSnapshot(`"content/site.yaml:3: country: „de“ — erlaubt: ein Ländercode wie DE, AT oder CH"`);
  });

  test('language, staleAfterHours', async () => {
    expect(await output({ 'site.yaml': 'title: T\noperator: O\nlanguage: deutsch\nstaleAfterHours: 0\n' })).toMatchInlineSnapshot(`
      "content/site.yaml:3: language: „deutsch“ — erlaubt: de, en, tr, ar, uk, ru
      content/site.yaml:4: staleAfterHours: „0“ — erlaubt: mindestens 1"
    `);
    expect(await output({ 'site.yaml': 'title: T\noperator: O\nstaleAfterHours: zwei Tage\n' })).toMatchInlineSnapshot(`"content/site.yaml:3: staleAfterHours: Text „zwei Tage“ — erwartet: die Zahl (Beispiel: staleAfterHours: 48)"`);
  });

  test('English messages when the site is in English', async () => {
    expect(await output({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\ntimezone: Mars/Olympus\n' })).toMatchInlineSnapshot(`"content/site.yaml:4: timezone: "Mars/Olympus" — allowed: a time zone such as Europe/Berlin"`);
  });

  test('a valid site.yaml with every setting', async () => {
    const s = await site({
      'site.yaml': [
        'title: Notfall-Informationen im Kreis Soest',
        'operator: Kreis Soest',
        'description: Was in den Rathäusern gerade funktioniert.',
        'language: en',
        'timezone: Europe/Vienna',
        'country: AT',
        'staleAfterHours: 24',
        'contacts:',
        '  - channel: phone',
        '    status: normal',
        '    value: 0662 8072 0',
        '    note: Bürgertelefon',
        '',
      ].join('\n'),
    });
    expect(s.settings).toMatchObject({ language: 'en', timezone: 'Europe/Vienna', country: 'AT', staleAfterHours: 24, locale: 'en-GB' });
    expect(s.settings.contacts[0]).toMatchObject({ value: '0662 8072 0', href: 'tel:+4366280720', note: { markdown: 'Bürgertelefon', html: 'Bürgertelefon' } });
  });

  describe('vocabulary (1.1)', () => {
    test('groups as lists or as text with commas; numbers are words', async () => {
      const s = await site({ 'site.yaml': 'title: T\noperator: O\nvocabulary:\n  - [Bürgerkoffer, Notfallmappe]\n  - Wasserstelle, Trinkwasserausgabe\n  - [Hotline, 115]\n' });
      expect(s.settings.vocabulary).toEqual([['Bürgerkoffer', 'Notfallmappe'], ['Wasserstelle', 'Trinkwasserausgabe'], ['Hotline', '115']]);
    });

    test('left out: no groups of its own', async () => {
      expect((await site({})).settings.vocabulary).toEqual([]);
    });

    test('a group of one word, an empty word, a mapping, a text instead of a list', async () => {
      const yaml = 'title: T\noperator: O\nvocabulary:\n  - [Bürgerkoffer]\n  - Notfallmappe\n  - [Wasserstelle, ""]\n  - { Trauung: Hochzeit }\n';
      expect(await output({ 'site.yaml': yaml })).toMatchInlineSnapshot(`
        "content/site.yaml:4: vocabulary[1]: nur „Bürgerkoffer“ — erlaubt: eine Gruppe aus mindestens zwei Wörtern, die für Bürgerinnen und Bürger dasselbe bedeuten (Beispiel: - [Trauung, Eheschließung])
        content/site.yaml:5: vocabulary[2]: nur „Notfallmappe“ — erlaubt: eine Gruppe aus mindestens zwei Wörtern, die für Bürgerinnen und Bürger dasselbe bedeuten (Beispiel: - [Trauung, Eheschließung])
        content/site.yaml:6: vocabulary[3][2]: ist leer — hier gehört ein Text hin
        content/site.yaml:7: vocabulary[4]: eine Gruppe von Feldern „{"Trauung":"Hochzeit"}“ — erwartet: eine Liste (Text, der mit [ { : oder # beginnt, in Anführungszeichen setzen)"
      `);
      expect(await output({ 'site.yaml': 'title: T\noperator: O\nvocabulary: Bürgerkoffer\n' })).toMatchInlineSnapshot(`"content/site.yaml:3: vocabulary[1]: nur „Bürgerkoffer“ — erlaubt: eine Gruppe aus mindestens zwei Wörtern, die für Bürgerinnen und Bürger dasselbe bedeuten (Beispiel: - [Trauung, Eheschließung])"`);
    });

    test('in English', async () => {
      expect(await output({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\nvocabulary:\n  - [help desk]\n' })).toMatchInlineSnapshot(`"content/site.yaml:5: vocabulary[1]: only "help desk" — allowed: a group of at least two words that mean the same to citizens (example: - [Trauung, Eheschließung])"`);
    });
  });
});

describe('site.yaml: editor (1.1)', () => {
  const siteWith = (editor: string) => ({ 'site.yaml': `title: T\noperator: O\n${editor}` });

  test('false or left out: no web editor; a block gets its defaults', async () => {
    expect((await site(siteWith('editor: false\n'))).settings.editor).toBeUndefined();
    expect((await site({})).settings.editor).toBeUndefined();
    const s = await site(siteWith('editor:\n  backend: gitlab\n  repo: kreis-soest/notfall/inhalt\n  url: https://git.kreis-soest.de/\n  appId: abc123\n'));
    expect(s.settings.editor).toEqual({ backend: 'gitlab', repo: 'kreis-soest/notfall/inhalt', branch: 'main', review: false, url: 'https://git.kreis-soest.de', appId: 'abc123', stampUpdated: true });
  });

  test('every mistake, in German', async () => {
    expect(await output(siteWith('editor: true\n'))).toMatchInlineSnapshot(`"content/site.yaml:3: editor: „true“ — erlaubt: false (kein Web-Editor) oder darunter eingerückt die Felder backend und repo (siehe docs/web-editor.md)"`);
    expect(await output(siteWith('editor:\n  backend: bitbucket\n  repo: notfall\n  review: ja\n  branch: main\n  url: http://git.soest.de\n  token: geheim\n'))).toMatchInlineSnapshot(`
      "content/site.yaml:4: editor.backend: „bitbucket“ — erlaubt: github, gitlab, gitea
      content/site.yaml:5: editor.repo: „notfall“ — erlaubt: Besitzer und Name des Repositorys mit Schrägstrich, z. B. stadt-soest/notfall
      content/site.yaml:6: editor.review: Text „ja“ — erwartet: der Wahrheitswert
      content/site.yaml:8: editor.url: „http://git.soest.de“ — erlaubt: die https-Adresse des Servers, z. B. https://git.soest.de
      content/site.yaml:9: editor.token: unbekanntes Feld — erlaubt: backend, repo, branch, review, url, appId, authUrl, stampUpdated"
    `);
    expect(await output(siteWith('editor:\n  backend: gitea\n  repo: stadt/notfall\n  url: https://git.soest.de\n  review: true\n'))).toMatchInlineSnapshot(`"content/site.yaml:7: editor.review: „true“ — mit backend: gitea nicht möglich: der Web-Editor öffnet dort keine Pull Requests; erlaubt: false (und die Prüfung über Schutzregeln des Branches im Server)"`);
    expect(await output(siteWith('editor:\n  backend: gitea\n  repo: stadt/notfall\n'))).toMatchInlineSnapshot(`"content/site.yaml:3: editor.url: fehlt — bei backend: gitea Pflicht: die https-Adresse des Gitea- oder Forgejo-Servers, z. B. url: https://git.soest.de"`);
  });

  test('the same mistakes in English', async () => {
    const english = (editor: string) => ({ 'site.yaml': `title: T\noperator: O\nlanguage: en\n${editor}` });
    expect(await output(english('editor: github\n'))).toMatchInlineSnapshot(`"content/site.yaml:4: editor: "github" — allowed: false (no web editor) or the fields backend and repo indented below it (see docs/web-editor.md)"`);
    expect(await output(english('editor:\n  backend: github\n  repo: notfall\n  authUrl: auth.example.org\n'))).toMatchInlineSnapshot(`
      "content/site.yaml:6: editor.repo: "notfall" — allowed: the repository's owner and name joined by a slash, e.g. stadt-soest/notfall
      content/site.yaml:7: editor.authUrl: "auth.example.org" — allowed: the server's https address, e.g. https://git.soest.de"
    `);
    expect(await output(english('editor:\n  backend: gitea\n  repo: stadt/notfall\n  url: https://git.soest.de\n  review: true\n'))).toMatchInlineSnapshot(`"content/site.yaml:8: editor.review: "true" — not possible with backend: gitea: the web editor cannot open pull requests there; allowed: false (and review through the server's branch protection)"`);
    expect(await output(english('editor:\n  backend: gitea\n  repo: stadt/notfall\n'))).toMatchInlineSnapshot(`"content/site.yaml:4: editor.url: missing — required with backend: gitea: the https address of the Gitea or Forgejo server, e.g. url: https://git.soest.de"`);
  });
});
