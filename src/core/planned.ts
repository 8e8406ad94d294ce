/**
 * 1.2: which planned change applies at a moment — the one rule, used by the build (pages, API,
 * feeds, the quiet home page, `/geplant.ics`) and by the page script when the page is read
 * (`src/scripts/planned.ts` bundles this module). No runtime imports, so the script stays tiny.
 *
 * A window is half-open: it applies from `start` (inclusive) to `end` (exclusive), in
 * milliseconds. A date alone for `until` ends at the end of that day (`plannedEnd`).
 */

import type { TimeValue } from './time.ts';

/** A date alone for `until` counts until the end of that day: the next day's start in the site's zone. */
export function plannedEnd(until: TimeValue, nextDayStart: (date: TimeValue) => number): number {
  return until.dateOnly ? nextDayStart(until) : until.instant;
}

/** The instants of a window; an open side is `undefined` (a segment before the first or after the last change). */
export interface Window {
  start?: number;
  end?: number;
}

/**
 * Whether the moment `t` lies in the window: `start ≤ t < end`. An open side may also be `NaN`
 * (what `Date.parse` gives for the empty side of a `data-window`): a comparison with it is false.
 */
export function inWindow(window: Window, t: number): boolean {
  return !(t < (window.start ?? Number.NaN)) && !(t >= (window.end ?? Number.NaN));
}

/**
 * The planned entry that applies at `t`: of those whose window holds `t`, the one that started
 * last (a change within a change wins while it lasts); on a tie the one written first. None when
 * no window holds `t` — then what the editor wrote applies.
 */
export function plannedAt<P extends Required<Window>>(entries: readonly P[], t: number): P | undefined {
  let found: P | undefined;
  for (const entry of entries) if (inWindow(entry, t) && (found === undefined || entry.start > found.start)) found = entry;
  return found;
}

/** Where a planned entry stands at `t`: still to come, running, or over. */
export function plannedPhase(window: Required<Window>, t: number): 'upcoming' | 'current' | 'past' {
  return t < window.start ? 'upcoming' : t < window.end ? 'current' : 'past';
}

/** A window as an attribute (`data-window`): ISO 8601 instants in UTC, an open side empty — `/2026-12-12T06:00:00.000Z`. */
export function windowText(window: Window): string {
  const iso = (t: number | undefined) => (t === undefined ? '' : new Date(t).toISOString());
  return `${iso(window.start)}/${iso(window.end)}`;
}

/**
 * 1.2: the states of one value from the build time on as one text, for the search index's meta:
 * `start/end=value` per state (the window as `windowText` writes it), separated by spaces —
 * `/2026-12-12T06:00:00.000Z=normal 2026-12-12T06:00:00.000Z/2026-12-12T17:00:00.000Z=unavailable …`.
 * A value holds neither spaces nor `=` (a status key). The search page reads it back with
 * `stateAt` (src/scripts/search-results.ts), by `inWindow`.
 */
export function windowsText(states: readonly (Window & { value: string })[]): string {
  return states.map((state) => `${windowText(state)}=${state.value}`).join(' ');
}

