/**
 * The web editor's phone pattern (`phonePattern`, made from libphonenumber's metadata) against
 * check's `parsePhone`: every number the pattern lets be saved, check accepts (the editor may be
 * stricter, never looser), over hand-written numbers and a few thousand generated ones; numbers
 * without area code are refused.
 */
import { describe, expect, test } from 'vitest';
import { parsePhone, phonePattern } from '../../../src/core/phone.ts';
import { seededRandom } from '../../support/random.ts';

const pattern = new RegExp(phonePattern('DE'));


const separators = ['', '', '', ' ', ' ', '-', '/', ' / ', '\u00a0', '.', '\u2013', ')', '(', ' - '];

/** A number as an editor might write it: national with 0, +49, short codes, typos, other characters. */
function generated(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly plausible German numbers: area code 2–9 or mobile 15/16/17, 0800, 0180, 0900.
    const start = pick(['2', '3', '4', '5', '6', '7', '8', '9', '15', '16', '17', '800', '180', '900', '1', '0', '137', '32', '700', '118']);
    const national = start + digits(Math.floor(next() * 12));
    let written = '';
    for (const d of national) written += d + (next() < 0.25 ? pick(separators) : '');
    const form = next();
    if (form < 0.55) written = `0${pick(separators)}${written}`;
    else if (form < 0.75) written = `+49${pick(separators)}${written}`;
    else if (form < 0.8) written = `(0${written.slice(0, 4)})${pick(separators)}${written.slice(4)}`;
    else if (form < 0.85) written = pick(['110', '112', '115', '116117', '11 0', '1 12', '116 117', '0110']);
    else if (form < 0.9) written = `${pick(['0', '+49', '+', '00', '+31 ', '0049 '])}${written}${pick(['', 'x', ' ext. 5', 'a', '#', ' '])}`;
    // else: no area code at all, as `800-3211`.
    out.push(written.trim());
  }
  return out;
}

describe('the web editor’s phone pattern', () => {
  test('refuses numbers without area code', () => {
    for (const bad of ['800-3211', '103-2342', '3211', '1032127', '2921 103-2127', '02921', '0', '+', '+49', 'siehe unten', '0800 TELEFON']) {
      expect(pattern.test(bad), bad).toBe(false);
      expect(parsePhone(bad, 'DE').ok, bad).toBe(false);
    }
  });

  test('accepts numbers with area code as editors write them, and the short codes', () => {
    const good = ['02921 103-2127', '02921 / 103-2127', '(02921) 103 2127', '02921-1032127', '+49 2921 1032127', '+49 (2921) 103-2127', '0171 1234567', '0800 1234567', '030 12345678', '0221 2210', '110', '112', '115', '116117'];
    for (const number of good) {
      expect(pattern.test(number), number).toBe(true);
      expect(parsePhone(number, 'DE').ok, number).toBe(true);
    }
  });

  test('every number it accepts, check accepts (5,000 generated numbers)', () => {
    const numbers = generated(5000, 16);
    const accepted = numbers.filter((n) => pattern.test(n));
    // Not vacuous: many generated numbers pass, and many do not.
    expect(accepted.length).toBeGreaterThan(1000);
    expect(numbers.length - accepted.length).toBeGreaterThan(500);
    const refusedByCheck = accepted.filter((n) => !parsePhone(n, 'DE').ok);
    expect(refusedByCheck).toEqual([]);
    // And it is not much stricter: of the generated numbers check accepts, it refuses only the
    // documented kinds (a call from abroad: 00 or 0049 …; another country; spaced short codes).
    const strictOnly = numbers.filter((n) => parsePhone(n, 'DE').ok && !pattern.test(n));
    expect(strictOnly.filter((n) => !/^(?:0\D*0|\+(?!49)|\+49\D*0|1\d*\D)/.test(n))).toEqual([]);
  });

  test('it is stricter than check only where documented: another country, 0049, short codes with spaces', () => {
    for (const number of ['+31 20 123 4567', '0049 2921 1032127', '116 117']) {
      expect(parsePhone(number, 'DE').ok, number).toBe(true);
      expect(pattern.test(number), number).toBe(false);
    }
  });

  test('follows the site’s country: Austria has its own numbers, with the same trunk 0', () => {
    const austria = new RegExp(phonePattern('AT'));
    expect(austria.test('01 5131515')).toBe(true);
    expect(parsePhone('01 5131515', 'AT').ok).toBe(true);
    expect(austria.test('+43 1 5131515')).toBe(true);
    expect(austria.test('+49 2921 1032127')).toBe(false);
  });
});
