/**
 * 1.2: `/<town>/badge.svg`, a small picture of a town's status for other websites: the town's
 * name and its status in words (the site's language), so it says the status without colour.
 * Accessible (`role="img"`, a `<title>` naming both), no external references (no font, no
 * image, no link), and a layout that does not depend on a font: each text is given its width
 * (`textLength`), computed from the number of characters, and centred, so the words fit their
 * box in any font and in either writing direction. The colours are the status tags' colours.
 */
import type { StatusKey } from '../schema/index.ts';
import { attributesOf, escapeXml } from './xml.ts';

/** Background and text colour per status: the light scheme of the status tags (site.css). */
export const badgeColours: Record<StatusKey, { bg: string; fg: string }> = {
  normal: { bg: '#cce2d8', fg: '#005a30' },
  limited: { bg: '#fff7bf', fg: '#594d00' },
  deferred: { bg: '#d2e2f1', fg: '#0c2d4a' },
  unavailable: { bg: '#f4cdc6', fg: '#8a1a0b' },
};
const nameColours = { bg: '#383f43', fg: '#ffffff' };

const height = 20;
const padding = 6;
/** Width per character at 11 px: generous for wide letters; `textLength` makes the rest exact. */
const perCharacter = 7;

/** A text's box width: its characters (code points) times `perCharacter`, plus padding. */
export function boxWidth(text: string): number {
  return Array.from(text).length * perCharacter + 2 * padding;
}

export interface BadgeInput {
  name: string;
  status: StatusKey;
  /** The status in words. */
  label: string;
  /** The site's language (`lang` of the picture). */
  language: string;
}

export function badgeSvg({ name, status, label, language }: BadgeInput): string {
  const left = boxWidth(name);
  const right = boxWidth(label);
  const width = left + right;
  const colours = badgeColours[status];
  const text = (x: number, box: number, fill: string, value: string) =>
    `<text${attributesOf({ x: String(x + box / 2), y: '14', fill, textLength: String(box - 2 * padding), lengthAdjust: 'spacingAndGlyphs' })}>${escapeXml(value)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg"${attributesOf({ width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'badge-title', lang: language })}>`,
    `<title id="badge-title">${escapeXml(`${name}: ${label}`)}</title>`,
    `<rect${attributesOf({ width: String(left), height: String(height), fill: nameColours.bg })}/>`,
    `<rect${attributesOf({ x: String(left), width: String(right), height: String(height), fill: colours.bg })}/>`,
    `<g font-family="Verdana,DejaVu Sans,Arial,sans-serif" font-size="11" text-anchor="middle">`,
    text(0, left, nameColours.fg, name),
    text(left, right, colours.fg, label),
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
