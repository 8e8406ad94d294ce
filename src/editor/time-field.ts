/**
 * Dates and times in the web editor, whatever the browser's language. Sveltia's date field is the
 * browser's own `datetime-local` input, which Chromium shows in the browser's language
 * (`12/06/2026, 08:10 AM` on an English browser, whatever the page's `lang`), so the editor has a
 * field of its own (registered in src/scripts/admin.ts): a text box showing `06.12.2026 08:10`
 * (German editor) or `2026-12-06 08:10` (English), a "Jetzt" button, and the value written as the
 * content format wants it (`YYYY-MM-DD HH:mm`, or `YYYY-MM-DD`, local time of the site).
 *
 * Pure: runs in the browser and in unit tests.
 */
import type { EditorLanguage } from '../i18n/index.ts';

/** The custom field type's name in the CMS configuration. */
export const TIME_WIDGET = 'aushang-time';

const STORED = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:\s*Uhr)?)?$/i;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/;

const two = (n: number) => String(n).padStart(2, '0');

/** How a saved value is shown: German or ISO with a space; anything else as it is. */
export function displayTime(value: unknown, language: EditorLanguage): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  const m = STORED.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi] = m;
  const time = h === undefined ? '' : ` ${h}:${mi}`;
  return language === 'de' ? `${d}.${mo}.${y}${time}` : `${y}-${mo}-${d}${time}`;
}

/** A real day and time of day, or undefined. */
function canonical(y: number, mo: number, d: number, h?: number, mi?: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const date = `${y}-${two(mo)}-${two(d)}`;
  if (h === undefined || mi === undefined) return date;
  if (h > 23 || mi > 59) return undefined;
  return `${date} ${two(h)}:${two(mi)}`;
}

/** What the clerk typed (`6.12.2026 8:10`, `06.12.2026, 08:10 Uhr`, `2026-12-06 08:10`) as saved, or undefined. */
export function parseTime(typed: string): string | undefined {
  const text = typed.trim();
  const german = GERMAN.exec(text);
  if (german) {
    const [, d, mo, y, h, mi] = german;
    return canonical(Number(y), Number(mo), Number(d), h === undefined ? undefined : Number(h), mi === undefined ? undefined : Number(mi));
  }
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi] = iso;
    return canonical(Number(y), Number(mo), Number(d), h === undefined ? undefined : Number(h), mi === undefined ? undefined : Number(mi));
  }
  return undefined;
}

/** Now in the site's time zone, as saved: `2026-12-06 08:10`. */
export function localNow(timeZone: string, instant: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
