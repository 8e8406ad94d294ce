/**
 * "Possibly outdated", decided when the page is read. A page whose "Stand" was fresh at build
 * time carries `data-stale-from` (ISO 8601): from then on this script shows the note the HTML
 * holds hidden and hides the neutral sentence. Without JavaScript the neutral sentence stays
 * ("information more than 48 hours old may be out of date"), which is true at any time. The
 * script never hides a note the build already showed. A page left open is checked again when
 * the moment comes. Part of every page's script (`page.ts`); does nothing on a page without a
 * Stand; no framework.
 */
import { isStaleAt } from '../core/stale.ts';

const box = document.querySelector<HTMLElement>('[data-stale-from]');

function check(): void {
  if (!box) return;
  const from = Date.parse(box.dataset.staleFrom ?? '');
  if (Number.isNaN(from)) return;
  if (isStaleAt(from, Date.now())) {
    box.querySelector('[data-stale]')?.removeAttribute('hidden');
    box.querySelector('[data-fresh]')?.setAttribute('hidden', '');
    return;
  }
  // Capped: browsers fire a timer of more than ~24.8 days at once.
  setTimeout(check, Math.min(from - Date.now() + 1000, 2 ** 31 - 1));
}

check();
