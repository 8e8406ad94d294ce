/**
 * How long the search page waits after a keystroke before it searches (its debounce), issue 20.
 * Pure, so it is unit-tested without a browser.
 */

/** The longest wait: a first key, a paste, a slow typist. */
export const PAUSE_MAX = 120;
/** The shortest wait, whatever the typing speed. */
export const PAUSE_MIN = 80;

/**
 * The wait after a key that came `gap` ms after the one before (undefined: the first key): one and
 * a half times the gap, between PAUSE_MIN and PAUSE_MAX. A fast typist's result comes sooner after
 * the last key, while a steady typist still starts no search in the middle of a word: such a
 * search of a short beginning costs Pagefind far more than the whole word ("pers" 80–200 ms on the
 * page's thread at 10,000 notices, "personalausweis" 15–70 ms) and delays the search that counts.
 */
export function pauseAfter(gap: number | undefined): number {
  if (gap === undefined || !Number.isFinite(gap) || gap < 0) return PAUSE_MAX;
  return Math.min(PAUSE_MAX, Math.max(PAUSE_MIN, Math.round(gap * 1.5)));
}
