/**
 * After a schema error the checker looks at the rest of the file again. It must keep counting
 * list entries as the editor wrote them, and report empty fields that do not exist.
 */
import { describe, expect, test } from 'vitest';
import { output, service, site, text, town } from '../support/content.ts';

describe('errors after a broken entry', () => {
  test('entries after a broken one keep their numbers and lines', async () => {
    expect(
      await output({
        'towns/soest/index.md': town(
          'Soest',
          text`
            contacts:
              - channel: telefon
                status: normal
              - channel: phone
                status: normal
                value: 103-2342
              - nur Text
              - channel: email
                status: normal
                value: kaputt
          `,
        ),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:8: contacts[1].channel: „telefon“ — erlaubt: phone, fax, email, post, in-person, online, web (meinten Sie „phone“?)
      content/towns/soest/index.md:12: contacts[2].value: „103-2342“ hat keine Vorwahl — erlaubt: eine Nummer mit Vorwahl, z. B. 02921 / 103-2342
      content/towns/soest/index.md:13: contacts[3]: Text „nur Text“ — erwartet: eine Gruppe von Feldern
      content/towns/soest/index.md:16: contacts[4].value: „kaputt“ ist keine E-Mail-Adresse — erlaubt: z. B. buergerbuero@soest.de"
    `);
  });

  test('an empty field that does not exist is reported, an empty optional one is not', async () => {
    expect(
      await output({
        'towns/soest/index.md': town('Soest', 'stauts:\nparent:\ncontacts:\n  - channel: phone\n    status: normal\n    hinweis:\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:7: stauts: unbekanntes Feld — erlaubt: name, kind, parent, incidents, updated, status, summary, contacts, links, updates, aliases, ars, planned (meinten Sie „status“?)
      content/towns/soest/index.md:12: contacts[1].hinweis: unbekanntes Feld — erlaubt: channel, status, value, note, hours"
    `);
  });
});

describe('aliases without case', () => {
  test('an alias that differs from a page only in case collides with it', async () => {
    expect(
      await output({
        'towns/soest/index.md': town('Soest'),
        'towns/werl/index.md': town('Werl', 'aliases: [/Soest/, /API/alt/]\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/werl/index.md:7: aliases[1]: „/Soest/“ ist schon vergeben (content/towns/soest/index.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:7: aliases[2]: „/API/alt/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt"
    `);
  });
});

describe('Stand', () => {
  test('is the latest of updated and the updates, for services and their town', async () => {
    const s = await site({
      'towns/soest/index.md': town('Soest'),
      'towns/soest/buergerbuero.md': service('updates:\n  - at: 2023-11-04 09:30\n    text: Neu.\n'),
    });
    const soest = s.town('soest')!;
    expect(soest.services[0]!.lastChange.iso).toBe('2023-11-04T09:30:00+01:00');
    expect(soest.lastChange.iso).toBe('2023-11-04T09:30:00+01:00');
  });
});
