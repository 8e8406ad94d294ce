/**
 * The rules of single field values as data, read by both sides: `check` (`rules.ts`,
 * `core/markdown.ts`) and the web editor's generated configuration (`src/editor/config.ts`),
 * so the two cannot drift apart. Each rule has a regular expression for the whole value (what
 * the web editor lets be saved, as Sveltia's `pattern`), the key of its message next to the
 * field (`pattern.<name>` in `src/i18n/fields.<lang>.ts`), and examples: values check accepts
 * and values it refuses. The regular expression may be stricter than check, never looser:
 * `tests/unit/editor/equivalence.test.ts` runs every value the editor would save through check.
 *
 * What a pattern cannot know is left to check and said in docs/web-editor.md: whether a site
 * path (`/soest/`) exists, whether an old address is free, and times more than a day ahead. References to other files
 * (`incident`, `incidents`, `parent`) are choices of existing entries in the editor.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { markdownLinkSchemes } from '../core/markdown.ts';
import { phonePattern } from '../core/phone.ts';
import { arsPattern, leikaPattern } from './index.ts';

/** Schemes of a town's `links[].url` (else a site path); e-mail and phone are contacts. */
export const linkUrlSchemes = ['https:', 'http:'] as const;
/** Schemes of an `online` or `web` channel's address (else a site path). */
export const channelUrlSchemes = ['https:'] as const;

/** An e-mail address (a channel's value may start with `mailto:`). */
export const emailAddress = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

export type PatternMessage = 'line' | 'text' | 'paragraph' | 'body' | 'alias' | 'link' | 'web' | 'email' | 'phone' | 'ars' | 'leika' | 'time';

export interface FieldRule {
  /** Source of a JavaScript regular expression (no flags) for the whole, trimmed value. */
  pattern: string;
  /** `pattern.<message>` in the field texts: the German or English words under the field. */
  message: PatternMessage;
  /** Values check accepts (and the pattern too). */
  examples: readonly string[];
  /** Values check refuses: the pattern must refuse them as well. */
  refused: readonly string[];
}

/** Control characters (tab and line breaks aside) are never part of a value. */
const noControl = '(?![\\s\\S]*[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f])';
/** Something besides spaces: check reads a blank text as missing. */
const notBlank = '(?=[\\s\\S]*\\S)';
const schemes = (list: readonly string[]) => list.map((s) => s.replace(/[.+]/g, '\\$&')).join('|');
/** A host with a dot, letters, digits, hyphens and umlauts, an optional port. */
const label = '[A-Za-z0-9äöüÄÖÜß](?:[A-Za-z0-9äöüÄÖÜß-]*[A-Za-z0-9äöüÄÖÜß])?';
const host = `${label}(?:\\.${label})+(?::[1-9][0-9]{0,3})?`;
const webAddress = (list: readonly string[]) => `(?:${schemes(list)})\\/\\/${host}(?:[/?#]\\S*)?`;
/** A path of this site: `/`, then no second slash or backslash. */
const sitePath = '\\/(?![/\\\\])\\S*';

/** An empty line (`\n`, `\r\n` or `\r` breaks): it starts a second paragraph. */
const blankLine = '(?![\\s\\S]*(?:\\r\\n|\\r|\\n)[ \\t]*(?:\\r\\n|\\r|\\n))';

/**
 * A link reference definition (`[x]: javascript:…`), which gives any address to a `[x]`
 * elsewhere: `[…]:` at the start of the text, after an empty line or a line that ends a block
 * (heading, rule, fence, table), or in a list or a quote. One inside a paragraph is none.
 */
const definitionLine = '[ \\t>*+\\-0-9.)]*\\[(?:[^\\]\\\\]|\\\\[\\s\\S])*\\]:';
const definition = [
  `(?!${definitionLine})`,
  // After an empty line, a heading, a rule or setext underline (`***`, `---`, `===`) or a fence.
  `(?![\\s\\S]*(?:^|[\\r\\n])[ \\t]*(?:#[^\\r\\n]*|[-*_=][-*_= \\t]*|[\`~]{3,}[^\\r\\n]*)?[\\r\\n]${definitionLine})`,
  `(?![\\s\\S]*[\\r\\n][ \\t]*(?:[>*+-]|\\d+[.)])${definitionLine})`,
].join('');

/** What no text may hold: raw HTML, images, link definitions, links with another scheme. */
const markdownSafe = [
  noControl,
  // Raw HTML (`<b>`, `</p>`, `<!--`, `<?`) and autolinks (`<https://…>`).
  '(?![\\s\\S]*<[A-Za-z/!?])',
  // Images.
  '(?![\\s\\S]*!\\[)',
  definition,
  // Every `](` must start an address with an allowed scheme or a site path.
  `(?![\\s\\S]*\\]\\((?!\\s*(?:${schemes(markdownLinkSchemes)}|\\/(?![/\\\\]))))`,
].join('');

/**
 * Inline Markdown in one paragraph: on one line anything safe (`1. Hilfe` is no list there);
 * on more lines no empty line, and no line that starts a block (heading, list, quote, code,
 * rule, table).
 */
const paragraph =
  `^${notBlank}${markdownSafe}(?![\\s\\S]*[\\r\\n])[\\s\\S]*$` +
  `|^${notBlank}${markdownSafe}${blankLine}(?!(?:[\\s\\S]*[\\r\\n])?[ \\t]*(?:[#>*+=_|\`~-]|\\d+[.)]|\\t| {4}))[\\s\\S]*$`;

/** A body: Markdown with paragraphs, lists and headings, but safe (see `markdownSafe`). */
const body = `^${markdownSafe}[\\s\\S]*$`;

/** A real day: months of 30 and 31 days, 29 February in leap years only. */
const leapYear = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const day = `(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))|${leapYear}-02-29)`;
const clock = '(?:[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?\\s*(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?)?';
const timePattern = `^${day}${clock}$`;

export type RuleName = 'line' | 'text' | 'paragraph' | 'body' | 'linkUrl' | 'webUrl' | 'email' | 'phone' | 'alias' | 'ars' | 'leika' | 'time';

/** Rules of texts: one line, any text, one paragraph of Markdown, a body. */
const textRules = {
  line: {
    pattern: `^${noControl}${notBlank}[^\\r\\n]*$`,
    message: 'line',
    examples: ['Bürgerbüro', 'Mo–Fr 8–12 Uhr', 'Kreis'],
    refused: ['Erste Zeile\nzweite Zeile', 'Bürger\u0001büro', '   '],
  },
  text: {
    pattern: `^${noControl}${notBlank}[\\s\\S]*$`,
    message: 'text',
    examples: ['Rathaus, Am Markt 1, 59494 Soest', 'Am Markt 1\n59494 Soest'],
    refused: ['Am Markt\u000b1', ' '],
  },
  paragraph: {
    pattern: paragraph,
    message: 'paragraph',
    examples: [
      'Geschlossen, telefonisch erreichbar.',
      'Zeile eins\nZeile zwei',
      'Das *Bürgerbüro* ist [geöffnet](https://www.soest.de), Tel. [02921 103-0](tel:+4929211030).',
      'Schreiben Sie an [uns](mailto:buergerbuero@soest.de).',
      '1. Hilfe',
      '- Ausweis',
    ],
    refused: [
      'Absatz eins\n\nAbsatz zwei',
      'Absatz eins\n  \nAbsatz zwei',
      '<b>fett</b>',
      '![Logo](https://x.de/l.png)',
      '[klick](javascript:alert(1))',
      '[klick](data:text/html,x)',
      'Zeile eins\n- Zeile zwei',
      'Titel\n===',
      '# Titel\nText',
      '[x]\n\n[x]: javascript:alert(1)',
      '[klick](../werl/)',
    ],
  },
  body: {
    pattern: body,
    message: 'body',
    examples: ['Was passiert ist.\n\n## Was Sie tun können\n\n- Termine absagen\n- [Online-Dienste](https://www.soest.de)', '[Name der Behörde]  \nnach [§ 3 DSG NRW – oder die Vorschrift\nIhres Landes]: Text', '**Fett:** Text\n[Vorschrift\nIhres Landes]: Text', ''],
    refused: ['<div>Text</div>', '![Bild](https://x.de/b.png)', '[klick](javascript:alert(1))', 'Text [x]\n\n[x]: data:text/html,x', 'Text [x]\n\n- [x\\]]: javascript:x', 'Text [x]\n- [x]: javascript:x', '## Titel\n[x]: javascript:x\n\n[x]', 'Text\n\n***\n[x]: javascript:x'],
  },
} satisfies Partial<Record<RuleName, FieldRule>>;

/** Rules of addresses: a town's link, an `online` or `web` channel, an e-mail address. */
const addressRules = {
  linkUrl: {
    pattern: `^${noControl}(?:${webAddress(linkUrlSchemes)}|${sitePath})$`,
    message: 'link',
    examples: ['https://www.soest.de', 'http://www.soest.de/rathaus/', 'https://www.soest.de/suche?q=pass#a', '/soest/'],
    refused: ['mailto:buergerbuero@soest.de', 'tel:+4929211030', 'www.soest.de', 'javascript:alert(1)', '../werl/', 'Website der Stadt', '//evil.example/x'],
  },
  webUrl: {
    pattern: `^${noControl}(?:${webAddress(channelUrlSchemes)}|${sitePath})$`,
    message: 'web',
    examples: ['https://www.soest.de/online-dienste', 'https://service.kreis-soest.de', '/soest/'],
    refused: ['http://www.soest.de', 'www.soest.de', 'mailto:a@soest.de', 'javascript:alert(1)'],
  },
  email: {
    pattern: `^${noControl}(?:mailto:)?${emailAddress.source.slice(1)}`,
    message: 'email',
    examples: ['buergerbuero@soest.de', 'mailto:buergerbuero@soest.de', 'info@kreis-soest.de'],
    refused: ['buergerbuero@soest', 'buergerbuero soest.de', 'buergerbuero', 'a@b.c', 'buerger\u0001buero@soest.de'],
  },
} satisfies Partial<Record<RuleName, FieldRule>>;

/** Rules of times, aliases and official keys. */
const keyRules = {
  time: {
    // check's form of a time (`timeInputPattern` in the schema) with real days and times only:
    // the editor's time field saves `YYYY-MM-DD HH:mm` or a date; a value already in a file in
    // another form check accepts (seconds, an offset) can be saved again.
    pattern: timePattern,
    message: 'time',
    examples: ['2023-11-04 08:10', '2023-10-30', '2023-11-04T09:30', '2023-11-04 09:30:00+01:00', '2020-02-29 12:00', '2000-02-29'],
    refused: ['06.12.2026 08:10', '6.12.2026', 'gestern', '2026-12-06 8:10', '', '2026-02-29', '2026-04-31 08:00', '2026-12-06 24:00', '2026-13-01'],
  },
  alias: {
    // Path segments of letters, digits, `_ ~ -`, dots only inside a segment: no `..`, no
    // dotfile, no `//`, nothing percent-encoded. Whether the path is free, check decides.
    pattern: `^(?:\\/[A-Za-z0-9][A-Za-z0-9_~-]*(?:\\.[A-Za-z0-9][A-Za-z0-9_~-]*)*)+\\/?$`,
    message: 'alias',
    examples: ['/rathaus/', '/buergerbuero-soest', '/alt/seite.html'],
    refused: ['/', 'rathaus/', '/x//y/', '/%2e%2e/x/', '/../x/', '/soest/.htaccess', '/mit leerzeichen/'],
  },
  // 1.2: official keys, the schema's own patterns (src/schema/index.ts).
  ars: {
    pattern: arsPattern.source,
    message: 'ars',
    examples: ['059740040040', '159740040040'],
    refused: ['05974004004', '0597400400400', '05974 0040040', '05974004004a', ''],
  },
  leika: {
    pattern: leikaPattern.source,
    message: 'leika',
    examples: ['99000000000000', '10999000000000'],
    refused: ['9900000000000', '990000000000000', '99 000000000000', 'LeiKa', ''],
  },
} satisfies Partial<Record<RuleName, FieldRule>>;

/** The rules by name; `phone` depends on the site's country. */
export function fieldRules(country: CountryCode = 'DE'): Readonly<Record<RuleName, FieldRule>> {
  return {
    ...textRules,
    ...addressRules,
    phone: {
      pattern: phonePattern(country),
      message: 'phone',
      examples: ['02921 103-2127', '02921 / 103-2127', '(02921) 1032127', '+49 2921 1032127', '0171 1234567', '0800 1234567', '110', '112', '115', '116117'],
      refused: ['800-3211', '103-2342', '02921', 'siehe unten', '0049 abc'],
    },
    ...keyRules,
  };
}
