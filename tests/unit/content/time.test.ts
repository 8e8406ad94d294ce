/**
 * Time (docs/content-format.md, "Zeitangaben"): dates and date-times, quoted or not, are read in the site's
 * time zone (also in summer time and across both changes of the clock), offsets are honoured,
 * impossible dates are errors, and pages show German dates whatever the machine's time zone.
 * These tests run under TZ=UTC and TZ=America/New_York with the same expectations.
 */
import { describe, expect, test } from 'vitest';
import { formatTime, isValidTimeZone, parseTime, type TimeValue } from '../../../src/core/time.ts';
import { messagesOf, languages, translator, type Language, type Translate } from '../../../src/i18n/index.ts';
import { incident, NOW, output, service, site, text, town } from '../support/content.ts';

const berlin = 'Europe/Berlin';
const iso = (input: string, zone = berlin) => parseTime(input, zone)?.iso;
const utc = (input: string, zone = berlin) => {
  const value = parseTime(input, zone);
  return value && new Date(value.instant).toISOString();
};
const de = translator('de');
const en = translator('en');
const show = (value: TimeValue, zone = berlin) => formatTime(value, zone, 'de-DE', de);

test('these tests run in a machine time zone other than the site one', () => {
  expect(['UTC', 'America/New_York']).toContain(process.env.TZ);
  expect(new Date(2023, 10, 3).getTimezoneOffset()).not.toBe(-60);
});

describe('parseTime', () => {
  test('a text asked again gets the same answer, as an object of its own; per time zone', () => {
    const first = parseTime('2023-11-06 09:00', berlin)!;
    const again = parseTime('2023-11-06 09:00', berlin)!;
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    again.iso = 'changed';
    expect(parseTime('2023-11-06 09:00', berlin)!.iso).toBe('2023-11-06T09:00:00+01:00');
    expect(parseTime('2023-11-06 09:00', 'Europe/Istanbul')!.iso).toBe('2023-11-06T09:00:00+03:00');
    expect(parseTime('2023-02-30', berlin)).toBeUndefined();
    expect(parseTime('2023-02-30', berlin)).toBeUndefined();
  });

  test('a date alone is a calendar date, its instant local midnight', () => {
    expect(parseTime('2023-11-06', berlin)).toEqual({ instant: Date.parse('2023-11-05T23:00:00Z'), dateOnly: true, iso: '2023-11-06' });
  });

  test('a date-time without offset is local time, with or without seconds, with space or T', () => {
    expect(iso('2023-11-03 14:17')).toBe('2023-11-03T14:17:00+01:00');
    expect(iso('2023-11-03 14:17:00')).toBe('2023-11-03T14:17:00+01:00');
    expect(iso('2023-11-03T14:17:30')).toBe('2023-11-03T14:17:30+01:00');
    expect(utc('2023-11-03 14:17')).toBe('2023-11-03T13:17:00.000Z');
  });

  test('an offset is that instant, shown in the site time zone', () => {
    expect(utc('2023-11-03T14:17:00+01:00')).toBe('2023-11-03T13:17:00.000Z');
    expect(utc('2023-11-03T14:17:00+0100')).toBe('2023-11-03T13:17:00.000Z');
    expect(utc('2023-11-03T13:17:00Z')).toBe('2023-11-03T13:17:00.000Z');
    expect(iso('2023-11-03T08:17:00-05:00')).toBe('2023-11-03T14:17:00+01:00');
  });

  test('summer time', () => {
    expect(iso('2023-07-01 12:00')).toBe('2023-07-01T12:00:00+02:00');
    expect(utc('2023-07-01 12:00')).toBe('2023-07-01T10:00:00.000Z');
  });

  test('spring forward: 2023-03-26 02:30 does not exist and is read as 03:30 summer time', () => {
    expect(iso('2023-03-26 01:59')).toBe('2023-03-26T01:59:00+01:00');
    expect(iso('2023-03-26 02:30')).toBe('2023-03-26T03:30:00+02:00');
    expect(utc('2023-03-26 02:30')).toBe('2023-03-26T01:30:00.000Z');
    expect(iso('2023-03-26 03:00')).toBe('2023-03-26T03:00:00+02:00');
  });

  test('fall back: 2023-10-29 02:30 happens twice and is read as the earlier, summer time', () => {
    expect(iso('2023-10-29 01:59')).toBe('2023-10-29T01:59:00+02:00');
    expect(iso('2023-10-29 02:30')).toBe('2023-10-29T02:30:00+02:00');
    expect(utc('2023-10-29 02:30')).toBe('2023-10-29T00:30:00.000Z');
    expect(iso('2023-10-29 03:00')).toBe('2023-10-29T03:00:00+01:00');
    expect(iso('2023-10-29T02:30:00+01:00')).toBe('2023-10-29T02:30:00+01:00');
  });

  test('another site time zone', () => {
    expect(iso('2023-11-03 14:17', 'Europe/Vienna')).toBe('2023-11-03T14:17:00+01:00');
    expect(iso('2023-11-03 14:17', 'America/New_York')).toBe('2023-11-03T14:17:00-04:00');
    expect(iso('2023-11-03 14:17', 'UTC')).toBe('2023-11-03T14:17:00+00:00');
  });

  test('impossible dates and times', () => {
    for (const input of ['2023-02-30', '2023-02-29', '2023-13-01', '2023-00-10', '2023-11-31', '2023-11-03 25:00', '2023-11-03 14:60', '2023-11-03 14:17:61', '2023-11-03T14:17+15:00']) {
      expect(parseTime(input, berlin), input).toBeUndefined();
    }
    expect(iso('2024-02-29')).toBe('2024-02-29');
  });

  test('isValidTimeZone', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Europe/Berln')).toBe(false);
  });
});

describe('formatTime', () => {
  test('German date-time and date', () => {
    expect(show(parseTime('2023-11-03 14:17', berlin)!)).toBe('Freitag, 03.11.2023, 14:17 Uhr');
    expect(show(parseTime('2023-11-06', berlin)!)).toBe('Montag, 06.11.2023');
  });

  test('an instant is shown in the site time zone', () => {
    expect(show(parseTime('2023-11-03T13:17:00Z', berlin)!)).toBe('Freitag, 03.11.2023, 14:17 Uhr');
    expect(show(parseTime('2023-11-03T23:30:00Z', berlin)!)).toBe('Samstag, 04.11.2023, 00:30 Uhr');
    expect(show(parseTime('2023-07-01 12:00', berlin)!)).toBe('Samstag, 01.07.2023, 12:00 Uhr');
    expect(show(parseTime('2023-03-26 02:30', berlin)!)).toBe('Sonntag, 26.03.2023, 03:30 Uhr');
    expect(show(parseTime('2023-10-29 02:30', berlin)!)).toBe('Sonntag, 29.10.2023, 02:30 Uhr');
  });

  test('midnight is 00:00, not 24:00', () => {
    expect(show(parseTime('2023-11-06 00:00', berlin)!)).toBe('Montag, 06.11.2023, 00:00 Uhr');
  });

  test('a date alone is the same calendar day in every time zone', () => {
    expect(show(parseTime('2023-11-06', 'Pacific/Auckland')!, 'Pacific/Auckland')).toBe('Montag, 06.11.2023');
    expect(show(parseTime('2023-11-06', 'America/Los_Angeles')!, 'America/Los_Angeles')).toBe('Montag, 06.11.2023');
  });

  test('English as GOV.UK writes it: the date written out, no comma, the 12-hour clock without a space', () => {
    const show = (input: string) => formatTime(parseTime(input, berlin)!, berlin, en('lang.locale'), en);
    expect(show('2020-10-29 16:19')).toBe('4:19pm on Thursday 29 October 2020');
    expect(show('2023-11-06')).toBe('Monday 6 November 2023');
    expect(show('2023-11-03 09:05')).toBe('9:05am on Friday 3 November 2023');
    expect(show('2023-11-03 17:30')).toBe('5:30pm on Friday 3 November 2023');
    // Whole hours without ":00"; midday and midnight in words (GOV.UK: not 12pm, not 00:00).
    expect(show('2023-11-03 10:00')).toBe('10am on Friday 3 November 2023');
    expect(show('2023-11-03 12:00')).toBe('midday on Friday 3 November 2023');
    expect(show('2023-11-03 00:00')).toBe('midnight on Friday 3 November 2023');
    expect(show('2023-11-03 00:30')).toBe('12:30am on Friday 3 November 2023');
    expect(show('2023-11-03 12:45')).toBe('12:45pm on Friday 3 November 2023');
    // In the site's time zone, whatever the machine's.
    expect(show('2023-07-01T22:30:00Z')).toBe('12:30am on Sunday 2 July 2023');
  });

  test('Turkish, Arabic, Ukrainian and Russian: each language’s own long form from Intl', () => {
    const show = (language: Language, input: string) => {
      const t = translator(language);
      return formatTime(parseTime(input, berlin)!, berlin, t('lang.locale'), t);
    };
    expect(show('tr', '2020-10-29 16:19')).toBe('29 Ekim 2020 Perşembe 16:19');
    expect(show('tr', '2023-11-06')).toBe('6 Kasım 2023 Pazartesi');
    expect(show('ar', '2020-10-29 16:19')).toBe('الخميس، 29 أكتوبر 2020 في 4:19 م');
    expect(show('ar', '2023-11-06')).toBe('الاثنين، 6 نوفمبر 2023');
    expect(show('uk', '2020-10-29 16:19')).toBe('четвер, 29 жовтня 2020 р. о 16:19');
    expect(show('uk', '2023-11-06')).toBe('понеділок, 6 листопада 2023 р.');
    expect(show('ru', '2020-10-29 16:19')).toBe('четверг, 29 октября 2020 г. в 16:19');
    expect(show('ru', '2023-11-06')).toBe('понедельник, 6 ноября 2023 г.');
    // The site's time zone: 22:30 UTC is half past midnight in Berlin in summer.
    expect(show('ru', '2023-07-01T22:30:00Z')).toBe('воскресенье, 2 июля 2023 г. в 00:30');
  });

  test('a time formatted once is kept per translator: the same time, each language its own text, the same again', () => {
    expect(translator('en')).toBe(translator('en'));
    const value = parseTime('2023-11-03 12:00', berlin)!;
    const de = translator('de');
    const en = translator('en');
    const own: Translate = (key, params) => (key === 'time.dateTime' ? 'um {hour}:{minute} am {day}.{month}.' : de(key, params));
    for (let round = 0; round < 2; round++) {
      expect(formatTime(value, berlin, 'de-DE', de)).toBe('Freitag, 03.11.2023, 12:00 Uhr');
      expect(formatTime(value, berlin, 'en-GB', en)).toBe('midday on Friday 3 November 2023');
      expect(formatTime(value, berlin, 'de-DE', own)).toBe('um 12:00 am 03.11.');
      // Another zone and a date alone are other times.
      expect(formatTime(value, 'Europe/London', 'de-DE', de)).toBe('Freitag, 03.11.2023, 11:00 Uhr');
      expect(formatTime(parseTime('2023-11-03', berlin)!, berlin, 'de-DE', de)).toBe('Freitag, 03.11.2023');
    }
  });

  test('the patterns hold no names of days or months: Intl supplies them', () => {
    const words = (language: Language) =>
      [messagesOf(language)['time.dateTime'], messagesOf(language)['time.date']].join(' ').replace(/\{\w+\}/g, '').match(/\p{L}+/gu) ?? [];
    expect(Object.fromEntries(languages.map((l) => [l, words(l)]))).toEqual({ de: ['Uhr'], en: ['on'], tr: [], ar: [], uk: [], ru: [] });
  });
});

describe('times in content', () => {
  test('quoted and unquoted, with and without seconds: all site-local (YAML does not make them UTC)', async () => {
    const s = await site({
      'towns/soest/a.md': service('since: 2023-10-30\nexpected: "2023-11-06"\n').replace('updated: 2023-11-03 14:17', 'updated: 2023-11-03 14:17:00'),
      'towns/soest/b.md': service().replace('updated: 2023-11-03 14:17', 'updated: "2023-11-03 14:17"'),
      'towns/soest/c.md': service().replace('updated: 2023-11-03 14:17', "updated: '2023-11-03T14:17:00'"),
      'towns/soest/d.md': service().replace('updated: 2023-11-03 14:17', 'updated: 2023-11-03T14:17:00+01:00'),
      'towns/soest/e.md': service().replace('updated: 2023-11-03 14:17', 'updated: 2023-07-01 12:00'),
    });
    const services = s.town('soest')!.services;
    expect(services.map((x) => [x.slug, x.updated.iso])).toEqual([
      ['a', '2023-11-03T14:17:00+01:00'],
      ['b', '2023-11-03T14:17:00+01:00'],
      ['c', '2023-11-03T14:17:00+01:00'],
      ['d', '2023-11-03T14:17:00+01:00'],
      ['e', '2023-07-01T12:00:00+02:00'],
    ]);
    expect(services[0]!.since).toEqual({ instant: Date.parse('2023-10-29T23:00:00Z'), dateOnly: true, iso: '2023-10-30' });
    expect(services[0]!.expected?.iso).toBe('2023-11-06');
  });

  test('the site time zone applies', async () => {
    const s = await site({ 'site.yaml': 'title: T\noperator: O\ntimezone: America/New_York\n' });
    expect(s.town('soest')!.updated.iso).toBe('2023-11-03T14:17:00-04:00');
  });

  test('not a time, and a time that does not exist', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service(text`
          since: gestern
          expected: 06.11.2023
          updates:
            - at: 2023-02-30 14:17
              text: Gibt es nicht.
            - at: 2023-11-03 25:00
              text: Gibt es auch nicht.
            - at: 2023-11-03
              text: Geht.
        `),
        'incidents/sit.md': incident().replace('started: 2023-10-30', 'started: 2023-10'),
        'towns/werl/index.md': town('Werl').replace('updated: 2023-11-03 14:17', 'updated: 2023'),
      }),
    ).toMatchInlineSnapshot(`
      "content/incidents/sit.md:3: started: „2023-10“ — erlaubt: ein Datum (2023-11-06) oder Datum und Uhrzeit (2023-11-03 14:17)
      content/towns/soest/buergerbuero.md:6: since: „gestern“ — erlaubt: ein Datum (2023-11-06) oder Datum und Uhrzeit (2023-11-03 14:17)
      content/towns/soest/buergerbuero.md:7: expected: „06.11.2023“ — erlaubt: ein Datum (2023-11-06) oder Datum und Uhrzeit (2023-11-03 14:17)
      content/towns/soest/buergerbuero.md:9: updates[1].at: „2023-02-30 14:17“ — dieses Datum oder diese Uhrzeit gibt es nicht
      content/towns/soest/buergerbuero.md:11: updates[2].at: „2023-11-03 25:00“ — dieses Datum oder diese Uhrzeit gibt es nicht
      content/towns/werl/index.md:4: updated: „2023“ — erlaubt: ein Datum (2023-11-06) oder Datum und Uhrzeit (2023-11-03 14:17)"
    `);
  });

  test('updated and at more than a day ahead are errors; expected may lie ahead', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service(text`
          expected: 2024-06-01
          updates:
            - at: 2023-11-05 13:01
              text: Ein Tag und eine Minute voraus.
            - at: 2023-11-05 12:59
              text: Weniger als einen Tag voraus, das ist eine Zeitzonenfrage.
        `),
        'towns/werl/index.md': town('Werl').replace('updated: 2023-11-03 14:17', 'updated: 2032-11-03 14:17'),
        'incidents/sit.md': incident().replace('updated: 2023-11-03 14:17', 'updated: 2023-12-03'),
      }),
    ).toMatchInlineSnapshot(`
      "content/incidents/sit.md:4: updated: „2023-12-03“ liegt mehr als einen Tag in der Zukunft — erlaubt: bis Sonntag, 05.11.2023, 13:00 Uhr (Tippfehler bei Jahr oder Monat?)
      content/towns/soest/buergerbuero.md:8: updates[1].at: „2023-11-05 13:01“ liegt mehr als einen Tag in der Zukunft — erlaubt: bis Sonntag, 05.11.2023, 13:00 Uhr (Tippfehler bei Jahr oder Monat?)
      content/towns/werl/index.md:4: updated: „2032-11-03 14:17“ liegt mehr als einen Tag in der Zukunft — erlaubt: bis Sonntag, 05.11.2023, 13:00 Uhr (Tippfehler bei Jahr oder Monat?)"
    `);
  });

  test('since and started may lie ahead too (only updated and at may not)', async () => {
    const s = await site({ 'towns/soest/buergerbuero.md': service('since: 2024-01-01\n'), 'incidents/sit.md': incident().replace('started: 2023-10-30', 'started: 2024-01-01') });
    expect(s.incidents[0]!.started.iso).toBe('2024-01-01');
  });

  test('the future rule depends on now, not on the clock', async () => {
    const files = { 'towns/werl/index.md': town('Werl').replace('updated: 2023-11-03 14:17', 'updated: 2032-11-03 14:17') };
    expect(await output(files, { now: Date.parse('2032-11-03T00:00:00Z') })).toBe('');
    expect(await output(files, { now: NOW })).not.toBe('');
  });

  test('resolved before started', async () => {
    expect(await output({ 'incidents/sit.md': incident('resolved: 2023-10-29 23:00\n') })).toMatchInlineSnapshot(`"content/incidents/sit.md:6: resolved: „2023-10-29 23:00“ liegt vor dem Beginn „2023-10-30“ — erlaubt: ein Zeitpunkt danach"`);
    const s = await site({ 'incidents/sit.md': incident('resolved: 2023-10-30\n') });
    expect(s.incidents[0]!.resolved?.iso).toBe('2023-10-30');
  });

  test('updates are shown newest first, whatever the order written', async () => {
    const s = await site({
      'towns/soest/index.md': town('Soest', text`
        updates:
          - at: 2023-11-01
            text: Erste
          - at: 2023-11-03 14:17
            text: Dritte
          - at: 2023-11-02 09:00
            text: Zweite
      `),
    });
    expect(s.town('soest')!.updates.map((u) => u.text.markdown)).toEqual(['Dritte', 'Zweite', 'Erste']);
  });

  test('an empty optional time counts as absent', async () => {
    const s = await site({ 'incidents/sit.md': incident('resolved:\n') });
    expect(s.incidents[0]!.resolved).toBeUndefined();
  });
});
