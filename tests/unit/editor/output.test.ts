/**
 * What the web editor writes (observed with Sveltia CMS 0.221.1, see tests/e2e/web-editor.test.ts)
 * passes check: fields in the form's order, block lists instead of `[a, b]`, long texts on one
 * line, empty optional fields and empty lists left out, a blank line after the front matter, a
 * time without offset from the "Jetzt" button, an extra newline at the end.
 */
import { describe, expect, test } from 'vitest';
import { base, output, site } from '../support/content.ts';

const saved = `---
title: Bürgerbüro
status: deferred
updated: 2023-11-04 09:30
summary: Anträge werden angenommen und nach dem Neustart der Technik bearbeitet.
since: 2023-10-30
channels:
  - channel: phone
    status: normal
    value: 02921 / 103-2127
    note: Hier vorab erfragen, welche Anliegen tatsächlich angeboten werden können.
    hours: zu den üblichen Öffnungszeiten
tasks:
  - title: Wohnsitz an-, ab- oder ummelden
    status: deferred
keywords:
  - Bürgeramt
  - Perso
updates:
  - at: 2023-11-04 09:30
    text: Anträge auf Meldebescheinigungen werden wieder angenommen.
order: 30
---

Das Bürgerbüro ist **zurzeit geschlossen**.

`;

describe('a file as the web editor saves it', () => {
  test('passes check and reads as written', async () => {
    expect(await output({ ...base, 'towns/soest/buergerbuero.md': saved })).toBe('');
    const s = await site({ ...base, 'towns/soest/buergerbuero.md': saved });
    const service = s.town('soest')!.services[0]!;
    expect(service).toMatchObject({ status: 'deferred', keywords: ['Bürgeramt', 'Perso'], aliases: [] });
    expect(service.updates).toHaveLength(1);
    expect(service.body.html.trim()).toBe('<p>Das Bürgerbüro ist <strong>zurzeit geschlossen</strong>.</p>');
  });

  test('a town saved with only its required fields and no lists', async () => {
    const town = '---\nname: Bad Sassendorf\nkind: Gemeinde\nupdated: 2023-11-04 09:30\nstatus: limited\nsummary: Rathaus geöffnet.\n---\n';
    expect(await output({ ...base, 'towns/bad-sassendorf/index.md': town })).toBe('');
  });
});
