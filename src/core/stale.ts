/**
 * "Possibly outdated", decided from a notice's "Stand" and the site's `staleAfterHours`: at
 * build time (the pages, `check`'s warning). When the page is read, the note and the neutral
 * sentence switch at `staleFrom` through their windows (`StandNote.astro`, `src/scripts/planned.ts`).
 */
import type { TimeValue } from './time.ts';

/** The moment a notice with this "Stand" (milliseconds) becomes possibly outdated. */
export function staleFrom(stand: number, staleAfterHours: number): number {
  return stand + staleAfterHours * 3_600_000;
}

/** Whether a notice read (or built) at `now` is possibly outdated: later than `staleFrom`. */
export function isStaleAt(staleFromMs: number, now: number): boolean {
  return now > staleFromMs;
}

/**
 * Whether a notice is older than the site's `staleAfterHours` at build time. A quiet notice
 * (everything works, no open incident concerns it) does not age: a site prepared months ahead
 * stays correct.
 */
export function isStale(updated: TimeValue, builtAt: number, staleAfterHours: number, quiet = false): boolean {
  return !quiet && isStaleAt(staleFrom(updated.instant, staleAfterHours), builtAt);
}
