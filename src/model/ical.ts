/**
 * 1.2: a small iCalendar writer (RFC 5545), enough for a feed of events: text values escaped
 * (§3.3.11: backslash, semicolon, comma, line breaks), content lines folded at 75 octets without
 * splitting a UTF-8 character (§3.1), CRLF line ends, times in UTC (`20261212T060000Z`) or as
 * dates (`VALUE=DATE`). Written here rather than taken from a library: the feed needs a dozen
 * properties, and this stays small, dependency-free and byte-for-byte reproducible.
 */

/** A TEXT value: `\` `;` `,` escaped, a line break as `\n`, other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '');
}

/** One content line folded into lines of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    // The first line holds 75 octets; a continuation 74 after its leading space.
    if (size + bytes > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** `20261212T060000Z`: a UTC DATE-TIME. */
export function utcDateTime(instant: number): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `20261214`: a DATE, from `2026-12-14`. */
export function dateValue(isoDate: string): string {
  return isoDate.slice(0, 10).replace(/-/g, '');
}

/** A property: `NAME;PARAM=x:value` (the value already in its iCalendar form). */
export interface Property {
  name: string;
  params?: Record<string, string>;
  value: string;
}

function contentLine(property: Property): string {
  const params = Object.entries(property.params ?? {})
    .map(([key, value]) => `;${key}=${value}`)
    .join('');
  return foldLine(`${property.name}${params}:${property.value}`);
}

/** A `VCALENDAR` with its properties and `VEVENT`s, CRLF after every line. */
export function calendar(properties: readonly Property[], events: readonly (readonly Property[])[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    ...properties.map(contentLine),
    ...events.flatMap((event) => ['BEGIN:VEVENT', ...event.map(contentLine), 'END:VEVENT']),
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
