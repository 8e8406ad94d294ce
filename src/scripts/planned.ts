/**
 * 1.2: planned changes, decided when the page is read. The build writes each state an element
 * can have from the build time on — a status before, during and after a planned closure, a
 * "planned from … to …" line and a "in effect now" line — each with its window
 * (`data-window`, `model/planned.ts`), the one holding the build time shown, the others
 * `hidden`. This script shows the ones whose window holds the reader's clock and hides the
 * rest, and does so again when the next window starts or ends on a page left open. Without
 * JavaScript the build-time state stays, and the lines say from when to when. Part of every
 * page's script (`page.ts`).
 */
import { inWindow, parseWindow } from '../model/planned.ts';

function update(): void {
  const now = Date.now();
  let next = Number.POSITIVE_INFINITY;
  for (const element of document.querySelectorAll<HTMLElement>('[data-window]')) {
    const window = parseWindow(element.dataset.window ?? '');
    element.hidden = !inWindow(window, now);
    for (const bound of [window.start, window.end]) if (bound !== undefined && bound > now) next = Math.min(next, bound);
  }
  // Capped: browsers fire a timer of more than ~24.8 days at once.
  if (next !== Number.POSITIVE_INFINITY) setTimeout(update, Math.min(next - now + 50, 2 ** 31 - 1));
}

update();
