/** The search page's wait after a keystroke (src/scripts/search-pause.ts), issue 20. */
import { describe, expect, test } from 'vitest';
import { PAUSE_MAX, PAUSE_MIN, pauseAfter } from '../../../src/scripts/search-pause.ts';

describe('the wait after a keystroke', () => {
  test('a first key or one after a long gap waits the longest', () => {
    expect(pauseAfter(undefined)).toBe(PAUSE_MAX);
    expect(pauseAfter(2000)).toBe(PAUSE_MAX);
    expect(pauseAfter(Number.NaN)).toBe(PAUSE_MAX);
  });

  test('a fast typist waits less than the longest, never less than the shortest', () => {
    expect(pauseAfter(50)).toBe(PAUSE_MIN);
    expect(pauseAfter(10)).toBe(PAUSE_MIN);
    expect(pauseAfter(70)).toBe(105);
    expect(pauseAfter(70)).toBeLessThan(PAUSE_MAX);
  });

  test('a steady typist starts no search in the middle of a word: the wait outlasts the gap', () => {
    for (const gap of [30, 50, 60, 79]) expect(pauseAfter(gap), String(gap)).toBeGreaterThan(gap);
  });
});
