/**
 * "Possibly outdated" at build time and when read: the decision the pages (`standNote`), the
 * check's warning (`isStale`) and the browser script (`isStaleAt`) share.
 */
import { describe, expect, test } from 'vitest';
import { isStale } from '../../../src/core/stale.ts';
import { standNote } from '../../../src/model/derive.ts';
import { isStaleAt, staleFrom } from '../../../src/core/stale.ts';
import type { TimeValue } from '../../../src/core/time.ts';

const HOUR = 3_600_000;
/** Friday, 3 November 2023, 14:17 in Berlin. */
const stand: TimeValue = { instant: Date.parse('2023-11-03T13:17:00Z'), dateOnly: false, iso: '2023-11-03T14:17:00+01:00' };

describe('the moment a notice becomes possibly outdated', () => {
  test('staleAfterHours after its Stand; stale only after that moment, not at it', () => {
    const from = staleFrom(stand.instant, 48);
    expect(new Date(from).toISOString()).toBe('2023-11-05T13:17:00.000Z');
    expect(isStaleAt(from, from - 1)).toBe(false);
    expect(isStaleAt(from, from)).toBe(false);
    expect(isStaleAt(from, from + 1)).toBe(true);
  });

  test('the build-time rule is the same decision', () => {
    expect(isStale(stand, stand.instant + 48 * HOUR, 48)).toBe(false);
    expect(isStale(stand, stand.instant + 48 * HOUR + 1, 48)).toBe(true);
    expect(isStale(stand, stand.instant + 1000 * HOUR, 48, true), 'a quiet notice does not age').toBe(false);
  });
});

describe('what a page says about its age', () => {
  test('fresh at build time: the moment the script shows the note, in UTC', () => {
    expect(standNote(stand, stand.instant + 2 * HOUR, 48)).toEqual({ kind: 'fresh', staleFrom: '2023-11-05T13:17:00.000Z' });
    expect(standNote(stand, stand.instant + 2 * HOUR, 24)).toEqual({ kind: 'fresh', staleFrom: '2023-11-04T13:17:00.000Z' });
  });

  test('already old at build time: the note is in the HTML, no script needed', () => {
    expect(standNote(stand, stand.instant + 49 * HOUR, 48)).toEqual({ kind: 'stale' });
  });

  test('a quiet notice or a page without a Stand says nothing about its age', () => {
    expect(standNote(stand, stand.instant + 49 * HOUR, 48, true)).toBeUndefined();
    expect(standNote(stand, stand.instant, 48, true)).toBeUndefined();
    expect(standNote(undefined, stand.instant, 48)).toBeUndefined();
  });

  test('a date alone counts from local midnight, as the model resolved it', () => {
    const date: TimeValue = { instant: Date.parse('2023-11-05T23:00:00Z'), dateOnly: true, iso: '2023-11-06' };
    expect(standNote(date, date.instant, 48)).toEqual({ kind: 'fresh', staleFrom: '2023-11-07T23:00:00.000Z' });
  });
});
