/**
 * The web editor's date and time field (issue 18): shown in German whatever the browser's
 * language, typed German or ISO, saved in the content format; "Stand" is the site's local now.
 */
import { describe, expect, test } from 'vitest';
import { displayTime, localNow, parseTime } from '../../../src/editor/time-field.ts';
import { fieldRules } from '../../../src/schema/field-rules.ts';

describe('the time field', () => {
  test('shows a saved time in German (or ISO for an English editor), anything else as written', () => {
    expect(displayTime('2026-12-06 08:10', 'de')).toBe('06.12.2026 08:10');
    expect(displayTime('2023-10-30', 'de')).toBe('30.10.2023');
    expect(displayTime('2026-12-06 08:10', 'en')).toBe('2026-12-06 08:10');
    expect(displayTime('2023-11-04 09:30:00+01:00', 'de')).toBe('2023-11-04 09:30:00+01:00');
    expect(displayTime(undefined, 'de')).toBe('');
  });

  test('reads what a clerk types', () => {
    expect(parseTime('06.12.2026 08:10')).toBe('2026-12-06 08:10');
    expect(parseTime('6.12.2026 8:10')).toBe('2026-12-06 08:10');
    expect(parseTime(' 06.12.2026, 08.10 Uhr ')).toBe('2026-12-06 08:10');
    expect(parseTime('6.12.2026')).toBe('2026-12-06');
    expect(parseTime('2026-12-06T08:10')).toBe('2026-12-06 08:10');
    expect(parseTime('2026-12-06')).toBe('2026-12-06');
  });

  test('refuses what is no day or time; what it cannot read, the field’s rule refuses', () => {
    const rule = new RegExp(fieldRules('DE').time.pattern);
    for (const typed of ['31.11.2026', '29.02.2026 10:00', '06.12.2026 24:00', '06.12.26', 'morgen', '06.12.2026 08']) {
      expect(parseTime(typed), typed).toBeUndefined();
      expect(rule.test(typed), typed).toBe(false);
    }
    expect(parseTime('29.02.2028')).toBe('2028-02-29');
  });

  test('"Stand" is now in the site’s time zone, not the browser’s', () => {
    const instant = new Date('2026-12-06T07:10:00Z');
    expect(localNow('Europe/Berlin', instant)).toBe('2026-12-06 08:10');
    expect(localNow('America/New_York', instant)).toBe('2026-12-06 02:10');
    expect(localNow('Europe/Berlin', new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02 00:30');
  });
});
