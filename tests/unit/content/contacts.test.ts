/**
 * Contact values (docs/content-format.md, "Kontaktwege"): phone and fax numbers for the site's
 * country, shown as written and linked in E.164; e-mail addresses; https URLs for online and
 * web; link URLs.
 */
import { describe, expect, test } from 'vitest';
import { parsePhone } from '../../../src/core/phone.ts';
import { output, service, site, text, town } from '../support/content.ts';

const channel = (kind: string, value: string, status = 'normal') => `  - channel: ${kind}\n    status: ${status}\n    value: ${value}\n`;
const withChannels = (...channels: string[]) => ({ 'towns/soest/buergerbuero.md': service(`channels:\n${channels.join('')}`) });

describe('parsePhone', () => {
  test.each([
    ['02921 / 103-2127', 'tel:+4929211032127'],
    ['02921 103-2127', 'tel:+4929211032127'],
    ['02922-8003298', 'tel:+4929228003298'],
    ['+49 2921 103-0', 'tel:+4929211030'],
    ['(02921) 103-0', 'tel:+4929211030'],
    ['+49 (0)2921 103-0', 'tel:+4929211030'],
    ['0171 1234567', 'tel:+491711234567'],
    ['0800 1110111', 'tel:+498001110111'],
    ['110', 'tel:110'],
    ['112', 'tel:112'],
    ['115', 'tel:115'],
    ['116117', 'tel:116117'],
    ['116 117', 'tel:116117'],
  ])('%s → %s', (written, tel) => {
    expect(parsePhone(written, 'DE')).toEqual({ ok: true, tel });
  });

  test.each([
    ['103-2342', 'noAreaCode'],
    ['1032342', 'noAreaCode'],
    ['02921 / 103-2127 Frau Meier', 'characters'],
    ['02921 103-0 (Mo–Fr)', 'characters'],
    ['ab sofort', 'invalid'],
    ['Tel. 02921 103-0', 'characters'],
    ['0', 'invalid'],
    ['00000 000', 'invalid'],
    ['0123', 'invalid'],
  ])('%s is %s', (written, reason) => {
    expect(parsePhone(written, 'DE')).toEqual({ ok: false, reason });
  });

  test('for another country', () => {
    expect(parsePhone('01 4000 0', 'AT')).toMatchObject({ ok: true });
    expect(parsePhone('0662 8072 0', 'AT')).toEqual({ ok: true, tel: 'tel:+4366280720' });
  });
});

describe('phone and fax in content', () => {
  test('a phone number is shown as written and linked in E.164; a fax gets no link', async () => {
    const s = await site(withChannels(channel('phone', '02921 / 103-2127'), channel('phone', '02922-8003298'), channel('phone', '+49 2921 103-0'), channel('phone', '115'), channel('fax', '02921 103-1000')));
    expect(s.town('soest')!.services[0]!.channels.map((c) => [c.value, c.href])).toEqual([
      ['02921 / 103-2127', 'tel:+4929211032127'],
      ['02922-8003298', 'tel:+4929228003298'],
      ['+49 2921 103-0', 'tel:+4929211030'],
      ['115', 'tel:115'],
      ['02921 103-1000', undefined],
    ]);
  });

  test('unquoted short codes are numbers in YAML and still valid', async () => {
    const s = await site(withChannels(channel('phone', '110'), channel('phone', '112'), channel('phone', '116117')));
    expect(s.town('soest')!.services[0]!.channels.map((c) => c.href)).toEqual(['tel:110', 'tel:112', 'tel:116117']);
  });

  test('no area code, not a number, a name after the number', async () => {
    expect(
      await output(withChannels(channel('phone', '103-2342'), channel('fax', '103-2399'), channel('phone', '12345678901234567'), channel('phone', '02921 / 103-2127 Frau Meier'))),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:9: channels[1].value: „103-2342“ hat keine Vorwahl — erlaubt: eine Nummer mit Vorwahl, z. B. 02921 / 103-2342
      content/towns/soest/buergerbuero.md:12: channels[2].value: „103-2399“ hat keine Vorwahl — erlaubt: eine Nummer mit Vorwahl, z. B. 02921 / 103-2342
      content/towns/soest/buergerbuero.md:15: channels[3].value: „12345678901234567“ hat keine Vorwahl — erlaubt: eine Nummer mit Vorwahl, z. B. 02921 / 103-2342
      content/towns/soest/buergerbuero.md:18: channels[4].value: „02921 / 103-2127 Frau Meier“ enthält außer der Nummer noch anderen Text — erlaubt: nur Ziffern, Leerzeichen, / - ( ) und ein + am Anfang (Namen und Zeiten gehören in note oder hours)"
    `);
  });

  test('the same in English', async () => {
    expect(await output(withChannels(channel('phone', '103-2342'), channel('phone', '0123'), channel('phone', '02921 103-0 ab 8 Uhr')), { language: 'en' })).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:9: channels[1].value: "103-2342" has no area code — allowed: a number with area code, e.g. 02921 / 103-2342
      content/towns/soest/buergerbuero.md:12: channels[2].value: "0123" is not a valid phone number — allowed: a number with area code such as 02921 / 103-2127 or +49 2921 103-0, or 110, 112, 115, 116117
      content/towns/soest/buergerbuero.md:15: channels[3].value: "02921 103-0 ab 8 Uhr" holds more than a phone number — allowed: digits, spaces, / - ( ) and a leading + (names and hours go in note or hours)"
    `);
  });

  test('in site.yaml contacts and town contacts', async () => {
    expect(
      await output({
        'site.yaml': `title: T\noperator: O\ncontacts:\n${channel('phone', '30-0')}`,
        'towns/soest/index.md': town('Soest', `contacts:\n${channel('fax', 'kaputt')}`),
      }),
    ).toMatchInlineSnapshot(`
      "content/site.yaml:6: contacts[1].value: „30-0“ hat keine Vorwahl — erlaubt: eine Nummer mit Vorwahl, z. B. 02921 / 103-2342
      content/towns/soest/index.md:10: contacts[1].value: „kaputt“ ist keine gültige Telefonnummer — erlaubt: eine Nummer mit Vorwahl wie 02921 / 103-2127 oder +49 2921 103-0, oder 110, 112, 115, 116117"
    `);
  });

  test('the site country decides how numbers without country code are read', async () => {
    const s = await site({ 'site.yaml': 'title: T\noperator: O\ncountry: AT\n', ...withChannels(channel('phone', '0662 8072 0')) });
    expect(s.town('soest')!.services[0]!.channels[0]!.href).toBe('tel:+4366280720');
  });
});

describe('e-mail', () => {
  test('an address becomes a mailto: link; mailto: written by the editor is fine', async () => {
    const s = await site(withChannels(channel('email', 'buergerbuero@soest.de'), channel('email', 'mailto:info@soest.de')));
    expect(s.town('soest')!.services[0]!.channels.map((c) => c.href)).toEqual(['mailto:buergerbuero@soest.de', 'mailto:info@soest.de']);
  });

  test('not an address', async () => {
    expect(await output(withChannels(channel('email', 'buergerbuero at soest.de'), channel('email', 'buergerbuero@soest'), channel('email', 'Frau Meier <meier@soest.de>')))).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:9: channels[1].value: „buergerbuero at soest.de“ ist keine E-Mail-Adresse — erlaubt: z. B. buergerbuero@soest.de
      content/towns/soest/buergerbuero.md:12: channels[2].value: „buergerbuero@soest“ ist keine E-Mail-Adresse — erlaubt: z. B. buergerbuero@soest.de
      content/towns/soest/buergerbuero.md:15: channels[3].value: „Frau Meier <meier@soest.de>“ ist keine E-Mail-Adresse — erlaubt: z. B. buergerbuero@soest.de"
    `);
  });
});

describe('online and web', () => {
  test('an https URL is a link', async () => {
    const s = await site(withChannels(channel('online', 'https://service.soest.de/antrag?x=1'), channel('web', 'https://www.soest.de/')));
    expect(s.town('soest')!.services[0]!.channels.map((c) => c.href)).toEqual(['https://service.soest.de/antrag?x=1', 'https://www.soest.de/']);
  });

  test('http is an error with a hint; without scheme gets a suggestion; not a URL', async () => {
    expect(
      await output(withChannels(channel('web', 'http://www.soest.de'), channel('online', 'www.soest.de/antrag'), channel('web', 'Website der Stadt'), channel('online', 'ftp://soest.de'), channel('web', 'https://localhost'))),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:9: channels[1].value: „http://www.soest.de“ — erlaubt: nur https-Adressen (fast jede Website ist auch mit https:// erreichbar)
      content/towns/soest/buergerbuero.md:12: channels[2].value: „www.soest.de/antrag“ ist keine vollständige Web-Adresse — erlaubt: eine Adresse mit https:// (meinten Sie „https://www.soest.de/antrag“?)
      content/towns/soest/buergerbuero.md:15: channels[3].value: „Website der Stadt“ ist keine vollständige Web-Adresse — erlaubt: eine Adresse mit https://
      content/towns/soest/buergerbuero.md:18: channels[4].value: „ftp://soest.de“ ist keine vollständige Web-Adresse — erlaubt: eine Adresse mit https://
      content/towns/soest/buergerbuero.md:21: channels[5].value: „https://localhost“ ist keine vollständige Web-Adresse — erlaubt: eine Adresse mit https://"
    `);
  });

  test('http and English', async () => {
    expect(await output(withChannels(channel('web', 'http://www.soest.de')), { language: 'en' })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:9: channels[1].value: "http://www.soest.de" — allowed: https addresses only (almost every website is reachable with https:// too)"`);
  });

  test('no value is fine: "the website is down" needs none', async () => {
    const s = await site({ 'towns/soest/buergerbuero.md': service('channels:\n  - channel: web\n    status: unavailable\n    note: Die Website ist ausgefallen.\n') });
    expect(s.town('soest')!.services[0]!.channels[0]!.href).toBeUndefined();
  });
});

describe('links', () => {
  test('links[].url may be http or https, and must be a URL', async () => {
    const s = await site({ 'towns/soest/index.md': town('Soest', 'links:\n  - title: Allris\n    url: https://www.soest.sitzung-online.de\n  - title: Alt\n    url: http://alt.soest.de\n') });
    expect(s.town('soest')!.links.map((l) => l.url)).toEqual(['https://www.soest.sitzung-online.de', 'http://alt.soest.de']);
    expect(
      await output({
        'towns/soest/index.md': town(
          'Soest',
          text`
            links:
              - title: Allris
                url: www.soest.sitzung-online.de
              - title: Kaputt
                url: javascript:alert(1)
          `,
        ),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:9: links[1].url: „www.soest.sitzung-online.de“ ist keine vollständige Web-Adresse — erlaubt: eine Adresse mit https:// (meinten Sie „https://www.soest.sitzung-online.de“?)
      content/towns/soest/index.md:11: links[2].url: „javascript:alert(1)“ ist keine vollständige Web-Adresse — erlaubt: eine Adresse mit https://"
    `);
  });
});
