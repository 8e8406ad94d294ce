/**
 * The one module that handles time. Editors write a date (`2023-11-06`) or a date-time
 * (`2023-11-03 14:17`, seconds and an offset optional). Without an offset a date-time is
 * wall-clock time in the site's time zone, in summer time too; the machine's own time zone
 * never matters. Formatting goes through `Intl` with an explicit time zone.
 */
import { format, type Translate } from '../i18n/index.ts';

/**
 * A date (`2023-11-06`) or date-time (`2023-11-03 14:17`, with seconds, or with an offset).
 * The schema keeps it as written; `parseTime` below resolves it in the site's time zone.
 */
export const timeInputPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A time as the site uses it. */
export interface TimeValue {
  /** Milliseconds since the epoch; for a date alone, local midnight of that date. */
  instant: number;
  /** A date alone, shown without a time of day. */
  dateOnly: boolean;
  /** ISO 8601 for `<time datetime>` and the API: `2023-11-06` or `2023-11-03T14:17:00+01:00`. */
  iso: string;
}

interface TimeParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Offset in minutes east of UTC, when one was written. */
  offsetMinutes?: number;
}

/** Splits what an editor wrote; `undefined` when it is not a valid date (2023-02-30). */
export function parseTimeParts(input: string): TimeParts | undefined {
  const m = timeInputPattern.exec(input.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, off] = m;
  const parts: TimeParts = { year: Number(y), month: Number(mo), day: Number(d) };
  if (parts.month < 1 || parts.month > 12) return undefined;
  const daysInMonth = new Date(Date.UTC(parts.year, parts.month, 0)).getUTCDate();
  if (parts.day < 1 || parts.day > daysInMonth) return undefined;
  if (h !== undefined) {
    parts.hour = Number(h);
    parts.minute = Number(mi);
    parts.second = s === undefined ? 0 : Number(s);
    if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return undefined;
  }
  if (off !== undefined) {
    if (off === 'Z') parts.offsetMinutes = 0;
    else {
      const sign = off.startsWith('-') ? -1 : 1;
      const digits = off.slice(1).replace(':', '');
      const hours = Number(digits.slice(0, 2));
      const minutes = Number(digits.slice(2));
      if (hours > 14 || minutes > 59) return undefined;
      parts.offsetMinutes = sign * (hours * 60 + minutes);
    }
  }
  return parts;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offsets per time zone and quarter hour, as [offset at its start, offset at its end]. */
const offsetBuckets = new Map<string, Map<number, [number, number]>>();
const bucket = 15 * 60_000;

/**
 * The time zone's offset from UTC at an instant, in minutes (Berlin: 60 in winter, 120 in summer).
 * `formatToParts` is slow and a site asks for the same few days thousands of times, so offsets
 * are kept per quarter hour: when the offset is the same at the quarter's start and end, no
 * change lies within it (no zone changes twice in 15 minutes) and it holds for every instant
 * between; a quarter with a change in it is computed for each instant.
 */
export function offsetAt(instant: number, timeZone: string): number {
  let buckets = offsetBuckets.get(timeZone);
  if (!buckets) offsetBuckets.set(timeZone, (buckets = new Map()));
  const start = Math.floor(instant / bucket) * bucket;
  let known = buckets.get(start);
  if (!known) buckets.set(start, (known = [computeOffset(start, timeZone), computeOffset(start + bucket - 1000, timeZone)]));
  return known[0] === known[1] ? known[0] : computeOffset(instant, timeZone);
}

function computeOffset(instant: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const p = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/**
 * The instant of a wall-clock time in a time zone. In the hour skipped in spring the clock is
 * read as summer time one hour later (02:30 → 03:30); in the hour repeated in autumn the
 * earlier instant wins: the same choice as Temporal's "compatible" disambiguation.
 */
export function zonedToInstant(wallAsUtc: number, timeZone: string): number {
  const before = offsetAt(wallAsUtc - 86_400_000, timeZone);
  const after = offsetAt(wallAsUtc + 86_400_000, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((instant) => offsetAt(instant, timeZone) * 60_000 === wallAsUtc - instant)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // In a gap: use the offset from before the change, which lands after the gap.
  return wallAsUtc - before * 60_000;
}

/** `+01:00` for 60 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 of an instant with the time zone's offset at that instant. */
export function isoInZone(instant: number, timeZone: string): string {
  const offset = offsetAt(instant, timeZone);
  const local = new Date(instant + offset * 60_000);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${formatOffset(offset)}`
  );
}

/** Resolves parts in the site's time zone. */
export function resolveTime(parts: TimeParts, timeZone: string): TimeValue {
  const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  if (parts.hour === undefined) {
    return {
      instant: zonedToInstant(wallAsUtc, timeZone),
      dateOnly: true,
      iso: `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`,
    };
  }
  const instant = parts.offsetMinutes === undefined ? zonedToInstant(wallAsUtc, timeZone) : wallAsUtc - parts.offsetMinutes * 60_000;
  return { instant, dateOnly: false, iso: isoInZone(instant, timeZone) };
}

/**
 * Times already resolved, by time zone and text: a district writes the same dates (`since`,
 * `expected`) in many files, and resolving one asks `Intl` for the zone's offset four or five times.
 */
const resolvedTimes = new Map<string, TimeValue | null>();

/** `2023-11-03T14:17:30.123+01:00` and a little room: the longest text worth keeping. */
const LONGEST_TIME = 40;

/** Parses and resolves an editor's text; `undefined` when it is not a real date. Each answer is a fresh object. */
export function parseTime(input: string, timeZone: string): TimeValue | undefined {
  const key = `${timeZone}\n${input}`;
  let known = resolvedTimes.get(key);
  if (known === undefined) {
    const parts = parseTimeParts(input);
    known = parts ? resolveTime(parts, timeZone) : null;
    // Bounded, so a long-running process (astro dev) does not keep every time it ever read;
    // a text longer than any time is answered, not kept.
    if (resolvedTimes.size >= 100_000) resolvedTimes.clear();
    if (input.length <= LONGEST_TIME) resolvedTimes.set(key, known);
  }
  return known === null ? undefined : { ...known };
}

/** The `Intl` formats the interface patterns draw on. */
const displayOptions = {
  /** `Freitag`, `03`, `11`, `2023`, `14`, `17`: the weekday and two-digit numbers (German). */
  numeric: { weekday: 'long', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** `29`, `October`: the day without a leading zero and the month's name (English). */
  written: { day: 'numeric', month: 'long' },
  /** `4`, `19`, `pm`: the 12-hour clock (English). */
  clock: { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' },
  /** The language's own long date, e.g. `29 Ekim 2020 Perşembe`. */
  fullDate: { dateStyle: 'full' },
  /** The language's own long date and time, e.g. `четверг, 29 октября 2020 г. в 16:19`. */
  fullDateTime: { dateStyle: 'full', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type DisplayFormat = keyof typeof displayOptions;

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(format: DisplayFormat, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${format}|${locale}|${timeZone}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...displayOptions[format], timeZone });
    displayFormatters.set(key, formatter);
  }
  return formatter;
}

/** Parts already formatted: a site shows each time on several pages (service, town, API, feeds). */
const formattedParts = new Map<string, Readonly<Record<string, string>>>();

function partsOf(format: DisplayFormat, locale: string, timeZone: string, instant: number): Readonly<Record<string, string>> {
  const key = `${format}|${locale}|${timeZone}|${instant}`;
  let known = formattedParts.get(key);
  if (!known) {
    // Bounded, so a long-running process (astro dev) does not keep every time it ever showed.
    if (formattedParts.size >= 100_000) formattedParts.clear();
    const parts = displayFormatter(format, locale, timeZone).formatToParts(new Date(instant));
    known = Object.fromEntries(parts.map((x) => [x.type, x.value]));
    formattedParts.set(key, known);
  }
  return known;
}

/**
 * The time of day on the 12-hour clock as the GOV.UK style guide writes it: `4:19pm`, `4pm`,
 * `midday`, `midnight` (the words from the interface strings).
 */
function clockTime(hour24: string, minute: string, locale: string, timeZone: string, instant: number, t: Translate): string {
  if (minute === '00' && hour24 === '00') return t('time.midnight');
  if (minute === '00' && hour24 === '12') return t('time.midday');
  const p = partsOf('clock', locale, timeZone, instant);
  const period = (p.dayPeriod ?? '').toLowerCase().replace(/[\s.]/g, '');
  return `${p.hour}${minute === '00' ? '' : `:${minute}`}${period}`;
}

/**
 * A time for people to read, in the site's time zone, in the form of the interface strings
 * `time.dateTime` and `time.date`: `Freitag, 03.11.2023, 14:17 Uhr` (German),
 * `2:17pm on Friday 3 November 2023` (English), or the language's own long form from `Intl`
 * (`{fullDateTime}`, `{fullDate}`). Intl supplies every name and number.
 */
export function formatTime(value: TimeValue, timeZone: string, locale: string, t: Translate): string {
  let known = formattedTimes.get(t);
  if (!known) formattedTimes.set(t, (known = new Map()));
  const key = `${value.dateOnly ? `date ${value.iso}` : value.instant}|${timeZone}|${locale}`;
  let text = known.get(key);
  if (text === undefined) {
    // Bounded, so a long-running process (astro dev) does not keep every time it ever showed.
    if (known.size >= 100_000) known.clear();
    text = formatTimeOnce(value, timeZone, locale, t);
    known.set(key, text);
  }
  return text;
}

/**
 * Times already formatted, by translator (its language's patterns and words for midnight and
 * midday) and by time, zone and locale: a site shows each time on several pages (service, town,
 * lists, feeds, the search record).
 */
const formattedTimes = new WeakMap<Translate, Map<string, string>>();

function formatTimeOnce(value: TimeValue, timeZone: string, locale: string, t: Translate): string {
  // A date alone is a calendar date: no time zone applies to it.
  const zone = value.dateOnly ? 'UTC' : timeZone;
  const instant = value.dateOnly ? Date.parse(`${value.iso}T00:00:00Z`) : value.instant;
  const pattern = t(value.dateOnly ? 'time.date' : 'time.dateTime');
  const needs = (name: string) => pattern.includes(`{${name}}`);
  const p = partsOf('numeric', locale, zone, instant);
  const params: Record<string, string> = { weekday: p.weekday!, day: p.day!, month: p.month!, year: p.year!, hour: p.hour!, minute: p.minute! };
  if (needs('dayNumber') || needs('monthName')) {
    const w = partsOf('written', locale, zone, instant);
    params.dayNumber = w.day!;
    params.monthName = w.month!;
  }
  if (needs('clock')) params.clock = clockTime(p.hour!, p.minute!, locale, zone, instant, t);
  if (needs('fullDate')) params.fullDate = displayFormatter('fullDate', locale, zone).format(instant);
  if (needs('fullDateTime')) params.fullDateTime = displayFormatter('fullDateTime', locale, zone).format(instant);
  return format(pattern, params);
}

/** Whether a time zone name is one `Intl` knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `2023-11-03 14:17`: an instant as editors write it, the wall-clock time in the site's time
 * zone without an offset. What the editor commands and `init` write for "now".
 */
export function editorTime(instant: number, timeZone: string): string {
  const iso = isoInZone(instant, timeZone);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
