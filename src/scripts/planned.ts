/**
 * 1.2: planned changes, decided when the page is read. The build writes each state an element
 * can have from the build time on — a status before, during and after a planned closure, a
 * "planned from … to …" line and an "in effect now" line — each with its window
 * (`data-window="start/end"`, ISO 8601, an open side empty; `core/planned.ts`), the one holding
 * the build time shown, the others `hidden`. This script shows the ones whose window holds the
 * reader's clock and hides the rest, and does so again when the next window starts or ends on a
 * page left open (at most ~24.8 days ahead: browsers fire a longer timer at once). Without
 * JavaScript the build-time state stays, and the lines say from when to when. Part of every
 * page's script (`page.ts`); kept tiny.
 */
import { inWindow } from '../core/planned.ts';

function update(): void {
  const now = Date.now();
  let wait = 2 ** 31 - 1;
  for (const element of document.querySelectorAll<HTMLElement>('[data-window]')) {
    const [start, end] = element.dataset.window!.split('/').map(Date.parse);
    element.hidden = !inWindow({ start, end }, now);
    for (const bound of [start!, end!]) if (bound > now) wait = Math.min(wait, bound - now + 50);
  }
  setTimeout(update, wait);
}

update();
