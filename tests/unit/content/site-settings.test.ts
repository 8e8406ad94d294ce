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
});
