/** 1.2: the one rule "which planned entry applies at t", and the states over time the pages switch between. */
import { describe, expect, test } from 'vitest';
import { inWindow, plannedAt, plannedPhase } from '../../../src/core/planned.ts';
import { timeline } from '../../../src/model/planned-state.ts';

const entry = (start: number, end: number, status: string) => ({ start, end, status });

describe('plannedAt', () => {
  const entries = [entry(10, 20, 'a'), entry(15, 18, 'b'), entry(15, 30, 'c')];
  test('none before the first start, at and after the last end (the end is exclusive)', () => {
    expect(plannedAt(entries, 9)).toBeUndefined();
    expect(plannedAt(entries, 30)).toBeUndefined();
  });
  test('the start is inclusive; of several running, the one that started last wins, written first on a tie', () => {
    expect(plannedAt(entries, 10)?.status).toBe('a');
    expect(plannedAt(entries, 15)?.status).toBe('b');
    expect(plannedAt(entries, 18)?.status).toBe('c');
  });
  test('inWindow with open sides, and the phase of an entry', () => {
    expect(inWindow({}, 5)).toBe(true);
    expect(inWindow({ end: 5 }, 5)).toBe(false);
    expect(inWindow({ start: 5 }, 5)).toBe(true);
    expect([9, 10, 19, 20].map((t) => plannedPhase(entry(10, 20, 'a'), t))).toEqual(['upcoming', 'current', 'current', 'past']);
  });
});

describe('timeline', () => {
  const windows = [entry(10, 20, 'x'), entry(20, 30, 'x'), entry(40, 50, 'x')];
  const valueAt = (t: number) => (t >= 10 && t < 30 ? 'closed' : t >= 40 && t < 50 ? 'limited' : 'open');
  test('from the build time on: touching windows with the same state joined, the first segment open at its start', () => {
    expect(timeline(windows, valueAt, String, 0)).toEqual([
      { start: undefined, end: 10, value: 'open' },
      { start: 10, end: 30, value: 'closed' },
      { start: 30, end: 40, value: 'open' },
      { start: 40, end: 50, value: 'limited' },
      { start: 50, end: undefined, value: 'open' },
    ]);
  });
  test('built during a window: the current state first; bounds already passed are left out', () => {
    expect(timeline(windows, valueAt, String, 25)).toEqual([
      { start: undefined, end: 30, value: 'closed' },
      { start: 30, end: 40, value: 'open' },
      { start: 40, end: 50, value: 'limited' },
      { start: 50, end: undefined, value: 'open' },
    ]);
  });
  test('nothing planned: one segment', () => {
    expect(timeline([], valueAt, String, 0)).toEqual([{ start: undefined, end: undefined, value: 'open' }]);
  });
});
