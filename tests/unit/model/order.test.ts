/**
 * `compareEnglish` (src/core/order.ts) orders as `localeCompare(…, 'en')` did wherever file names,
 * messages and letters are sorted: the same sign for every pair of a varied set of strings.
 */
import { describe, expect, test } from 'vitest';
import { compareEnglish } from '../../../src/core/order.ts';

const strings = [
  '', ' ', '-', '_', '#', '1', '10', '2', 'a', 'A', 'ä', 'Ä', 'ae', 'b', 'z', 'ß', 'ss', 'é', 'e', 'Ö', 'o', 'oe',
  'content/towns/soest/index.md', 'content/towns/soest/buergerbuero.md', 'content/towns/soest-land/index.md',
  'content/towns/Soest/x.md', 'content/site.yaml', 'content/towns/ärzte/a.md', 'content/towns/aerzte/a.md',
  'channels[1].value', 'channels[10].value', 'channels[2].value', 'tasks[0].note', 'tasks[0].title', 'updated', 'status',
  'stale', 'expectedPast', 'noAlternative', 'Ω', 'я', 'ж', '中', '😀', 'a\u0308', 'x y', 'x-y', 'x_y', 'xy',
];

describe('compareEnglish', () => {
  test('gives the sign of localeCompare with "en" for every pair', () => {
    for (const a of strings) for (const b of strings) expect([a, b, Math.sign(compareEnglish(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b, 'en'))]);
  });

  test('sorts as localeCompare with "en" sorts', () => {
    const shuffled = [...strings].reverse();
    expect([...shuffled].sort(compareEnglish)).toEqual([...shuffled].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
