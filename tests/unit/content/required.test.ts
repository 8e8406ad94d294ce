/**
 * Required fields of every file kind (docs/content-format.md: site.yaml, towns, services,
 * incidents, pages): a missing field names the file, the line and the field, with an example.
 */
import { describe, expect, test } from 'vitest';
import { md, output, site, text } from '../support/content.ts';

describe('required fields', () => {
  test('the base content is valid', async () => {
    const s = await site({});
    expect(s.towns.map((t) => t.slug)).toEqual(['soest']);
  });

  test('site.yaml needs title and operator', async () => {
    expect(await output({ 'site.yaml': 'description: Nur eine Beschreibung\n' })).toMatchInlineSnapshot(`
      "content/site.yaml:1: operator: fehlt — dieses Feld ist Pflicht (Beispiel: operator: Kreis Soest)
      content/site.yaml:1: title: fehlt — dieses Feld ist Pflicht (Beispiel: title: Bürgerbüro)"
    `);
  });

  test('a town needs name, kind, updated and summary', async () => {
    expect(await output({ 'towns/soest/index.md': md('status: limited') })).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:2: kind: fehlt — dieses Feld ist Pflicht (Beispiel: kind: Stadt)
      content/towns/soest/index.md:2: name: fehlt — dieses Feld ist Pflicht (Beispiel: name: Soest)
      content/towns/soest/index.md:2: summary: fehlt — dieses Feld ist Pflicht (Beispiel: summary: Geschlossen, telefonisch erreichbar.)
      content/towns/soest/index.md:2: updated: fehlt — dieses Feld ist Pflicht (Beispiel: updated: 2023-11-03 14:17)"
    `);
  });

  test('a service needs title, status, updated and summary', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': md('since: 2023-10-30') })).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:2: status: fehlt — dieses Feld ist Pflicht (Beispiel: status: limited)
      content/towns/soest/buergerbuero.md:2: summary: fehlt — dieses Feld ist Pflicht (Beispiel: summary: Geschlossen, telefonisch erreichbar.)
      content/towns/soest/buergerbuero.md:2: title: fehlt — dieses Feld ist Pflicht (Beispiel: title: Bürgerbüro)
      content/towns/soest/buergerbuero.md:2: updated: fehlt — dieses Feld ist Pflicht (Beispiel: updated: 2023-11-03 14:17)"
    `);
  });

  test('an incident needs title, started, updated and summary', async () => {
    expect(await output({ 'incidents/sit-2023.md': md('resolved: 2023-11-20') })).toMatchInlineSnapshot(`
      "content/incidents/sit-2023.md:2: started: fehlt — dieses Feld ist Pflicht (Beispiel: started: 2023-10-30)
      content/incidents/sit-2023.md:2: summary: fehlt — dieses Feld ist Pflicht (Beispiel: summary: Geschlossen, telefonisch erreichbar.)
      content/incidents/sit-2023.md:2: title: fehlt — dieses Feld ist Pflicht (Beispiel: title: Bürgerbüro)
      content/incidents/sit-2023.md:2: updated: fehlt — dieses Feld ist Pflicht (Beispiel: updated: 2023-11-03 14:17)"
    `);
  });

  test('a page needs a title', async () => {
    expect(await output({ 'pages/impressum.md': md('footer: true', 'Text.\n') })).toMatchInlineSnapshot(`"content/pages/impressum.md:2: title: fehlt — dieses Feld ist Pflicht (Beispiel: title: Bürgerbüro)"`);
  });

  test('an empty field counts as missing; a field of spaces is empty', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': md(text`
          title: "  "
          status:
          updated: 2023-11-03 14:17
          summary: Geschlossen.
        `),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:2: title: ist leer — hier gehört ein Text hin
      content/towns/soest/buergerbuero.md:3: status: fehlt — dieses Feld ist Pflicht (Beispiel: status: limited)"
    `);
  });

  test('entries of lists need their own required fields', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': md(text`
          title: Bürgerbüro
          status: limited
          updated: 2023-11-03 14:17
          summary: Geschlossen.
          channels:
            - value: 02921 103-0
          tasks:
            - note: Ohne Titel
          updates:
            - text: Ohne Zeit
        `),
        'towns/soest/index.md': md(text`
          name: Soest
          kind: Stadt
          updated: 2023-11-03 14:17
          summary: Geöffnet.
          links:
            - title: Ohne Adresse
        `),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:7: channels[1].channel: fehlt — dieses Feld ist Pflicht (Beispiel: channel: phone)
      content/towns/soest/buergerbuero.md:7: channels[1].status: fehlt — dieses Feld ist Pflicht (Beispiel: status: limited)
      content/towns/soest/buergerbuero.md:9: tasks[1].status: fehlt — dieses Feld ist Pflicht (Beispiel: status: limited)
      content/towns/soest/buergerbuero.md:9: tasks[1].title: fehlt — dieses Feld ist Pflicht (Beispiel: title: Bürgerbüro)
      content/towns/soest/buergerbuero.md:11: updates[1].at: fehlt — dieses Feld ist Pflicht (Beispiel: at: 2023-11-03 14:17)
      content/towns/soest/index.md:7: links[1].url: fehlt — dieses Feld ist Pflicht (Beispiel: url: https://www.example.de)"
    `);
  });
});
