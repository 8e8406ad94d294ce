/**
 * 1.2: a search result shows the state at the reader's clock, as the pages do: `toResult` picks
 * the state of `statusWindows` / `w-<id>` holding `now` (src/scripts/search-results.ts), with the
 * summary written for it, and keeps or drops the page by the status at `now`. The Bürgerbüro's
 * record as the build writes it before its closure (12 December 2026, 06:00–17:00 UTC).
 */
import { describe, expect, test } from 'vitest';
import { stateAt, toResult, toResults, type PagefindData } from '../../../src/scripts/search-results.ts';
import { windowsText } from '../../../src/core/planned.ts';

const START = '2026-12-12T06:00:00.000Z';
const END = '2026-12-12T17:00:00.000Z';
const BEFORE = Date.parse('2026-12-12T05:59:59.999Z');
const DURING = Date.parse(START);
const LAST = Date.parse(END) - 1;
const AFTER = Date.parse(END);

const buergerbuero: PagefindData = {
  url: '/werl/buergerbuero/',
  excerpt: 'Das <mark>Bürgerbüro</mark>',
  meta: {
    title: 'Bürgerbüro',
    kind: 'service',
    town: 'Werl',
    status: 'normal',
    statusLabel: 'Normal verfügbar',
    summary: 'Arbeitet wie gewohnt.',
    statusWindows: `/${START}=normal ${START}/${END}=unavailable ${END}/=normal`,
    'summary-1': 'Umstellung auf neue Software; geschlossen.',
    'summary-2': 'Arbeitet wie gewohnt.',
    't-anliegen-ausweis': 'normal',
    'w-anliegen-ausweis': `/${START}=normal ${START}/${END}=limited ${END}/=normal`,
    't-anliegen-meldebescheinigung': 'normal',
  },
  sub_results: [
    { url: '/werl/buergerbuero/#anliegen-ausweis', title: 'Ausweis', excerpt: 'Ausweis' },
    { url: '/werl/buergerbuero/#anliegen-meldebescheinigung', title: 'Meldebescheinigung', excerpt: 'Melde' },
  ],
};

const seen = (data: PagefindData, now: number, choice: Parameters<typeof toResult>[1] = '') => {
  const result = toResult(data, choice, now);
  return result && { status: result.status, summary: result.summary, tasks: result.tasks.map((t) => `${t.title}: ${t.status}`) };
};

describe('a result follows planned changes', () => {
  test('before the window: as built', () => {
    expect(seen(buergerbuero, BEFORE)).toEqual({ status: 'normal', summary: 'Arbeitet wie gewohnt.', tasks: ['Ausweis: normal', 'Meldebescheinigung: normal'] });
  });

  test('during the window (its first and last millisecond): the planned status, summary and task status', () => {
    for (const now of [DURING, LAST]) {
      expect(seen(buergerbuero, now)).toEqual({ status: 'unavailable', summary: 'Umstellung auf neue Software; geschlossen.', tasks: ['Ausweis: limited', 'Meldebescheinigung: normal'] });
    }
  });

  test('after the window: as written again', () => {
    expect(seen(buergerbuero, AFTER)).toEqual({ status: 'normal', summary: 'Arbeitet wie gewohnt.', tasks: ['Ausweis: normal', 'Meldebescheinigung: normal'] });
  });

  test('a state without a summary of its own keeps the one before it', () => {
    const meta = { ...buergerbuero.meta, 'summary-2': undefined };
    expect(seen({ ...buergerbuero, meta }, AFTER)?.summary).toBe('Umstellung auf neue Software; geschlossen.');
  });

  test('the status choice is checked against the status at the clock', () => {
    expect(seen(buergerbuero, BEFORE, 'unavailable')).toBeUndefined();
    expect(seen(buergerbuero, DURING, 'unavailable')).toEqual({ status: 'unavailable', summary: 'Umstellung auf neue Software; geschlossen.', tasks: [] });
    expect(seen(buergerbuero, DURING, 'possible')?.tasks).toEqual(['Ausweis: limited', 'Meldebescheinigung: normal']);
    expect(seen(buergerbuero, DURING, 'normal')?.tasks).toEqual(['Meldebescheinigung: normal']);
    expect(seen(buergerbuero, AFTER, 'limited')).toBeUndefined();
    expect(toResults([buergerbuero], 'unavailable', DURING).map((r) => r.url)).toEqual(['/werl/buergerbuero/']);
    expect(toResults([buergerbuero], 'unavailable', AFTER)).toEqual([]);
  });

  test('a town result switches the same way', () => {
    const town: PagefindData = {
      url: '/werl/',
      excerpt: '',
      meta: { title: 'Werl', kind: 'town', town: 'Werl', status: 'normal', summary: 'Alles normal.', statusWindows: `/${START}=normal ${START}/${END}=limited ${END}/=normal`, 'summary-1': 'Bürgerbüro zu.', 'summary-2': 'Alles normal.' },
    };
    expect(seen(town, DURING)).toEqual({ status: 'limited', summary: 'Bürgerbüro zu.', tasks: [] });
    expect(seen(town, AFTER)).toEqual({ status: 'normal', summary: 'Alles normal.', tasks: [] });
  });

  test('without windows the meta stays as it is, whatever the clock', () => {
    const { statusWindows: _s, 'w-anliegen-ausweis': _w, 'summary-1': _1, 'summary-2': _2, ...meta } = buergerbuero.meta;
    for (const now of [BEFORE, DURING, AFTER]) expect(seen({ ...buergerbuero, meta }, now)).toEqual({ status: 'normal', summary: 'Arbeitet wie gewohnt.', tasks: ['Ausweis: normal', 'Meldebescheinigung: normal'] });
  });
});

describe('the states as one text: windowsText (core/planned.ts) and stateAt', () => {
  const states = [
    { end: Date.parse(START), value: 'normal' },
    { start: Date.parse(START), end: Date.parse(END), value: 'unavailable' },
    { start: Date.parse(END), value: 'normal' },
  ];
  test('windowsText writes each window as data-window does, with its value', () => {
    expect(windowsText(states)).toBe(`/${START}=normal ${START}/${END}=unavailable ${END}/=normal`);
  });
  test('stateAt reads it back by the pages\' rule: the start inclusive, the end exclusive, open sides open', () => {
    const text = windowsText(states);
    expect(stateAt(text, Date.parse('1970-01-01T00:00:00Z'))).toEqual({ index: 0, value: 'normal' });
    expect(stateAt(text, BEFORE)).toEqual({ index: 0, value: 'normal' });
    expect(stateAt(text, DURING)).toEqual({ index: 1, value: 'unavailable' });
    expect(stateAt(text, LAST)).toEqual({ index: 1, value: 'unavailable' });
    expect(stateAt(text, AFTER)).toEqual({ index: 2, value: 'normal' });
  });
  test('an empty or broken text holds no state', () => {
    expect(stateAt('', DURING)).toBeUndefined();
    expect(stateAt('normal', DURING)).toBeUndefined();
  });
});
