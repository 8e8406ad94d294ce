/**
 * Field names and values: unknown fields with "did you mean", the status vocabulary (channels
 * have no `deferred`), the channel kinds, wrong types, and numbers kept as written.
 */
import { describe, expect, test } from 'vitest';
import { channelKinds, channelStatusKeys, statusKeys } from '../../../src/schema/index.ts';
import { md, output, service, site, text, town } from '../support/content.ts';

describe('unknown fields', () => {
  test('a misspelt field is named, with the allowed fields and the closest one', async () => {
    expect(await output({ 'towns/soest/index.md': town('Soest', 'staus: limited\n') })).toMatchInlineSnapshot(`"content/towns/soest/index.md:7: staus: unbekanntes Feld — erlaubt: name, kind, parent, incidents, updated, status, summary, contacts, links, updates, aliases, ars, planned (meinten Sie „status“?)"`);
  });

  test('in a service, in a channel, in a task, in an update and in a link', async () => {
    expect(
      await output({
        'towns/soest/index.md': town('Soest', 'links:\n  - title: Allris\n    ur: https://www.soest.de\n'),
        'towns/soest/buergerbuero.md': service(text`
          sumary: Geschlossen.
          channels:
            - channel: phone
              status: normal
              vaule: 02921 103-0
          tasks:
            - title: Ausweis
              status: normal
              notiz: Mitbringen
          updates:
            - at: 2023-11-03 14:17
              txt: Neu
        `),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:6: sumary: unbekanntes Feld — erlaubt: title, status, updated, summary, since, expected, incident, channels, tasks, keywords, updates, aliases, order, planned (meinten Sie „summary“?)
      content/towns/soest/buergerbuero.md:10: channels[1].vaule: unbekanntes Feld — erlaubt: channel, status, value, note, hours
      content/towns/soest/buergerbuero.md:14: tasks[1].notiz: unbekanntes Feld — erlaubt: title, status, note, leika, planned
      content/towns/soest/buergerbuero.md:16: updates[1].text: fehlt — dieses Feld ist Pflicht (Beispiel: text: Das Bürgerbüro öffnet wieder.)
      content/towns/soest/buergerbuero.md:17: updates[1].txt: unbekanntes Feld — erlaubt: at, text (meinten Sie „text“?)
      content/towns/soest/index.md:8: links[1].url: fehlt — dieses Feld ist Pflicht (Beispiel: url: https://www.example.de)
      content/towns/soest/index.md:9: links[1].ur: unbekanntes Feld — erlaubt: title, url (meinten Sie „url“?)"
    `);
  });

  test('a field far from every allowed one gets no suggestion', async () => {
    expect(await output({ 'pages/impressum.md': md('title: Impressum\nverantwortlich: Herr Meier') })).toMatchInlineSnapshot(`"content/pages/impressum.md:3: verantwortlich: unbekanntes Feld — erlaubt: title, footer, role, example"`);
  });

  test('site.yaml: a misspelt setting', async () => {
    expect(await output({ 'site.yaml': 'title: Test\noperator: Kreis Test\ntimezon: Europe/Berlin\n' })).toMatchInlineSnapshot(`"content/site.yaml:3: timezon: unbekanntes Feld — erlaubt: title, operator, description, language, contentLanguage, timezone, country, staleAfterHours, contacts, editor, vocabulary, url, mirrors, offline (meinten Sie „timezone“?)"`);
  });
});

describe('status vocabulary', () => {
  test('the keys', () => {
    expect(statusKeys).toEqual(['normal', 'limited', 'deferred', 'unavailable']);
    expect(channelStatusKeys).toEqual(['normal', 'limited', 'unavailable']);
  });

  test('every key is accepted for services and tasks', async () => {
    for (const status of statusKeys) {
      const s = await site({
        'towns/soest/buergerbuero.md': service(`tasks:\n  - title: Ausweis\n    status: ${status}\n`, status),
      });
      expect(s.towns[0]!.services[0]!.status).toBe(status);
      expect(s.towns[0]!.services[0]!.tasks[0]!.status).toBe(status);
    }
  });

  test('a German word or a typo for a status gets the key as suggestion', async () => {
    expect(
      await output({
        'towns/soest/index.md': town('Soest').replace('status: limited', 'status: eingeschränkt'),
        'towns/soest/buergerbuero.md': service('tasks:\n  - title: Ausweis\n    status: unavailible\n  - title: Pass\n    status: Normal verfügbar\n', 'geschlossen'),
        'towns/soest/gewerbe.md': service('', 'kaputt'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:3: status: „geschlossen“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)
      content/towns/soest/buergerbuero.md:8: tasks[1].status: „unavailible“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)
      content/towns/soest/buergerbuero.md:10: tasks[2].status: „Normal verfügbar“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „normal“?)
      content/towns/soest/gewerbe.md:3: status: „kaputt“ — erlaubt: normal, limited, deferred, unavailable
      content/towns/soest/index.md:5: status: „eingeschränkt“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „limited“?)"
    `);
  });

  test('a channel has no deferred', async () => {
    expect(
      await output({
        'towns/soest/index.md': town('Soest', 'contacts:\n  - channel: phone\n    status: deferred\n    value: 02921 103-0\n'),
      }),
    ).toMatchInlineSnapshot(`"content/towns/soest/index.md:9: contacts[1].status: „deferred“ — erlaubt: normal, limited, unavailable"`);
  });
});

describe('channel kinds', () => {
  test('the kinds', () => {
    expect(channelKinds).toEqual(['phone', 'fax', 'email', 'post', 'in-person', 'online', 'web']);
  });

  test('every kind is accepted', async () => {
    const s = await site({
      'towns/soest/buergerbuero.md': service(text`
        channels:
          - channel: phone
            status: normal
            value: 02921 103-0
          - channel: fax
            status: limited
            value: 02921 103-1000
          - channel: email
            status: unavailable
            value: buergerbuero@soest.de
          - channel: post
            status: normal
            value: |
              Stadt Soest
              Am Vreithof 8
              59494 Soest
          - channel: in-person
            status: normal
            value: Rathaus, Zimmer 12
          - channel: online
            status: normal
            value: https://service.soest.de/antrag
          - channel: web
            status: normal
            value: https://www.soest.de
      `),
    });
    const channels = s.towns[0]!.services[0]!.channels;
    expect(channels.map((c) => [c.channel, c.href ?? null])).toEqual([
      ['phone', 'tel:+4929211030'],
      ['fax', null],
      ['email', 'mailto:buergerbuero@soest.de'],
      ['post', null],
      ['in-person', null],
      ['online', 'https://service.soest.de/antrag'],
      ['web', 'https://www.soest.de/'],
    ]);
    expect(channels[3]!.lines).toEqual(['Stadt Soest', 'Am Vreithof 8', '59494 Soest']);
  });

  test('a wrong kind: German words and typos get a suggestion', async () => {
    expect(
      await output({
        'towns/soest/index.md': town(
          'Soest',
          text`
            contacts:
              - channel: telefon
                status: normal
              - channel: E-Mail
                status: normal
              - channel: inperson
                status: normal
              - channel: brieftaube
                status: normal
          `,
        ),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:8: contacts[1].channel: „telefon“ — erlaubt: phone, fax, email, post, in-person, online, web (meinten Sie „phone“?)
      content/towns/soest/index.md:10: contacts[2].channel: „E-Mail“ — erlaubt: phone, fax, email, post, in-person, online, web (meinten Sie „email“?)
      content/towns/soest/index.md:12: contacts[3].channel: „inperson“ — erlaubt: phone, fax, email, post, in-person, online, web (meinten Sie „in-person“?)
      content/towns/soest/index.md:14: contacts[4].channel: „brieftaube“ — erlaubt: phone, fax, email, post, in-person, online, web"
    `);
  });
});

describe('types', () => {
  test('a list or a group where text belongs, and text where a list belongs', async () => {
    expect(
      await output({
        'towns/soest/index.md': md(text`
          name: [Soest]
          kind:
            art: Stadt
          updated: 2023-11-03 14:17
          status: limited
          summary: Geöffnet.
          contacts: phone
        `),
        'pages/impressum.md': md('title: Impressum\nfooter: ja'),
        'towns/soest/buergerbuero.md': service('order: zehn\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/pages/impressum.md:3: footer: Text „ja“ — erwartet: der Wahrheitswert (Beispiel: footer: true)
      content/towns/soest/buergerbuero.md:6: order: Text „zehn“ — erwartet: die Zahl (Beispiel: order: 10)
      content/towns/soest/index.md:2: name: eine Liste „["Soest"]“ — erwartet: Text (Text, der mit [ { : oder # beginnt, in Anführungszeichen setzen)
      content/towns/soest/index.md:3: kind: eine Gruppe von Feldern „{"art":"Stadt"}“ — erwartet: Text (Text, der mit [ { : oder # beginnt, in Anführungszeichen setzen)
      content/towns/soest/index.md:8: contacts[1]: Text „phone“ — erwartet: eine Gruppe von Feldern"
    `);
  });

  test('a number where text belongs is text as written (an incident may be called 2023)', async () => {
    const s = await site({
      'towns/soest/index.md': town('Soest', 'incidents: 2023\n').replace('kind: Stadt', 'kind: 042'),
      'incidents/2023.md': md('title: 2023\nstarted: 2023-10-30\nupdated: 2023-11-03 14:17\nsummary: Ja.'),
    });
    expect(s.incidents[0]!.title).toBe('2023');
    expect(s.towns[0]!.kind).toBe('042');
    expect(s.towns[0]!.incidents).toEqual(['2023']);
    expect(s.incidents[0]!.towns).toEqual(['soest']);
  });

  test('a single value where a list belongs is a list of one', async () => {
    const s = await site({
      'towns/soest/index.md': town('Soest', 'incidents: sit-2023\naliases: /rathaus/\n'),
      'incidents/sit-2023.md': md('title: Cyberangriff\nstarted: 2023-10-30\nupdated: 2023-11-03 14:17\nsummary: Ja.'),
      'towns/soest/buergerbuero.md': service('keywords: Ausweis\n'),
    });
    expect(s.towns[0]!.incidents).toEqual(['sit-2023']);
    expect(s.towns[0]!.aliases).toEqual(['/rathaus/']);
    expect(s.towns[0]!.services[0]!.keywords).toEqual(['Ausweis']);
  });
});

describe('numbers as written', () => {
  test('a phone number without quotes keeps its leading zero', async () => {
    const s = await site({
      'towns/soest/index.md': town('Soest', 'contacts:\n  - channel: phone\n    status: normal\n    value: 0292110300\n  - channel: phone\n    status: normal\n    value: 115\n'),
    });
    expect(s.towns[0]!.contacts.map((c) => [c.value, c.href])).toEqual([
      ['0292110300', 'tel:+4929211030' + '0'],
      ['115', 'tel:115'],
    ]);
  });

  test('keywords and order written as numbers', async () => {
    const s = await site({ 'towns/soest/buergerbuero.md': service('keywords: [115, 0800]\norder: 010\n') });
    expect(s.towns[0]!.services[0]!.keywords).toEqual(['115', '0800']);
    expect(s.towns[0]!.services[0]!.order).toBe(10);
  });
});
