/** 1.2: the iCalendar writer (RFC 5545): escaping, folding at 75 octets, CRLF, UTC times and dates. */
import { describe, expect, test } from 'vitest';
import { calendar, dateValue, escapeText, foldLine, utcDateTime } from '../../../src/model/ical.ts';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('iCalendar writer', () => {
  test('TEXT escapes backslash, semicolon, comma and line breaks (§3.3.11); other control characters are dropped', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\u0007g: h')).toBe('a\\\\b\\;c\\,d\\ne\\nf' + 'g: h');
  });

  test('lines are folded at 75 octets, continuations start with a space, no UTF-8 character is split', () => {
    const line = `DESCRIPTION:${'Bürgerbüro geschlossen – Öffnung später; '.repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    // Unfolding (§3.1: remove CRLF + one space) gives the line back.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  test('a line of exactly 75 octets stays one line; 76 are folded', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  test('UTC date-times and dates', () => {
    expect(utcDateTime(Date.parse('2026-12-12T06:00:00Z'))).toBe('20261212T060000Z');
    expect(dateValue('2026-12-14')).toBe('20261214');
  });

  test('a calendar: every line ends with CRLF, events in BEGIN/END', () => {
    const text = calendar([{ name: 'VERSION', value: '2.0' }], [[{ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20261214' }]]);
    expect(text).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261214\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
  });
});
