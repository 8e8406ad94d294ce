/**
 * The shortcuts of docs/performance.md give what the long way gives: offsets kept per quarter hour, plain
 * text that skips markdown-it, a checked body rendered from the checker's tokens, and the model
 * the build hands to Astro's pages.
 */
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { createRenderer, inspectMarkdown, isAllowedHref, plainText } from '../../../src/core/markdown.ts';
import { offsetAt } from '../../../src/core/time.ts';
import { controlCharacter, hasControlCharacter } from '../../../src/model/yaml-safety.ts';
import { getView, handOver } from '../../../src/model/view.ts';
import { urlSettingsFromEnv } from '../../../src/model/urls.ts';
import type { LoadResult } from '../../../src/model/site.ts';

/** The offset the long way: one formatToParts per instant. */
function referenceOffset(instant: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

describe('offsets per quarter hour', () => {
  const around = (iso: string, minutes: number, step = 20_000) => {
    const at = Date.parse(iso);
    const out: number[] = [];
    for (let t = at - minutes * 60_000; t <= at + minutes * 60_000; t += step) out.push(t);
    return out;
  };
  const cases: [string, string][] = [
    ['Europe/Berlin', '2023-03-26T01:00:00Z'], // summer time begins
    ['Europe/Berlin', '2023-10-29T01:00:00Z'], // and ends
    ['Europe/Berlin', '1893-03-31T23:06:32Z'], // local mean time (+0:53:28) to CET, not on a quarter hour
    ['Australia/Lord_Howe', '2023-04-01T15:00:00Z'], // a half-hour change
    ['Asia/Kathmandu', '1985-12-31T18:30:00Z'], // +5:30 to +5:45
    ['America/New_York', '2023-11-05T06:00:00Z'],
  ];
  for (const [zone, iso] of cases) {
    it(`${zone} around ${iso}`, () => {
      for (const instant of around(iso, 40)) expect(offsetAt(instant, zone), new Date(instant).toISOString()).toBe(referenceOffset(instant, zone));
    });
  }
});

/** Plain text the long way: the text tokens of markdown-it's inline parse. */
function referencePlainText(source: string): string {
  const tokens = new MarkdownIt({ html: true, linkify: false }).parseInline(source, {});
  let out = '';
  const walk = (list: typeof tokens) => {
    for (const token of list) {
      if (token.type === 'text' || token.type === 'code_inline') out += token.content;
      if (token.type === 'softbreak' || token.type === 'hardbreak') out += ' ';
      if (token.children) walk(token.children);
    }
  };
  walk(tokens);
  return out.trim();
}

describe('plain text skips markdown-it and gives the same', () => {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isAllowedHref;
  const render = createRenderer((p) => p);
  const texts = ['Geschlossen bis auf Weiteres', '  Leerzeichen am Rand  ', 'Preis 5 € "ab" heute', "Bürgerbüro's Öffnungszeiten", 'Tel. 02921 / 103', 'a * b', 'x_y', '# 5', 'siehe [hier](/a/)', 'Zeile\nzwei'];
  for (const text of texts) {
    it(JSON.stringify(text), () => {
      expect(render.inline(text).html).toBe(md.renderInline(text));
      expect(plainText(text)).toBe(referencePlainText(text));
    });
  }
  it('plain text of a plain text is the text, trimmed', () => {
    expect(plainText('  Geschlossen heute ')).toBe('Geschlossen heute');
  });
  it('a plain text has nothing to report, inline', () => {
    expect(inspectMarkdown('Geschlossen, Termine "verschoben"', true)).toEqual([]);
  });
});

describe('a checked body is rendered from the checker tokens', () => {
  const bodies = [
    '# Überschrift\n\nAbsatz mit [Link](https://example.org/) und [Seite](/impressum/).\n\n- eins\n- zwei\n\n## Zwei\n\nEnde.',
    'Text mit `Code`, *Betonung* und <https://example.org/>.',
    'Tabelle\n\n| a | b |\n| - | - |\n| 1 | 2 |',
  ];
  for (const body of bodies) {
    it(JSON.stringify(body.slice(0, 30)), () => {
      const resolve = (p: string) => `/basis${p}`;
      const fresh = createRenderer(resolve).block(body, 1).html;
      const renderer = createRenderer(resolve);
      expect(inspectMarkdown(body, false)).toEqual([]);
      expect(renderer.block(body, 1).html).toBe(fresh);
      // The tokens are used once: a second render parses again and gives the same.
      expect(renderer.block(body, 1).html).toBe(fresh);
    });
  }
});

describe('the model handed over by the build', () => {
  it('is what the pages get for the same folder and URL settings', async () => {
    const dir = path.resolve('tests/fixtures/does-not-exist-handover');
    process.env.AUSHANG_CONTENT = dir;
    const address = urlSettingsFromEnv();
    const site = { address, settings: { language: 'de', contentLanguage: 'de', timezone: 'Europe/Berlin', locale: 'de-DE' } };
    const result = { ok: true, site, language: 'de', warnings: [] } as unknown as LoadResult;
    handOver(dir, address, result);
    const view = await getView();
    expect(view.site).toBe(site);
  });
});

describe('the quick test for control characters answers as the full pattern', () => {
  const texts = [
    'Bürgerbüro — geöffnet 8–12 Uhr 😀',
    'tab\tand\r\nline feeds',
    'vertical\u000btab',
    'bell\u0007',
    'delete\u007f',
    'no text\ufffe',
    '\uffff',
    'lone high \ud800 in the middle',
    'lone high at the end \udbff',
    '\udc00 lone low at the start',
    'a pair 😀 and a lone low \udfff',
    'reversed pair \ude00\ud83d',
    '',
  ];
  it.each(texts)('%j', (text) => {
    expect(hasControlCharacter(text)).toBe(controlCharacter.test(text));
  });
  it('finds a hit in every position of a long text', () => {
    const long = 'Straßensperrung '.repeat(500);
    for (const bad of ['\u0000', '\ud800', '\udc00']) {
      for (const at of [0, long.length / 2, long.length]) {
        const text = long.slice(0, at) + bad + long.slice(at);
        expect(hasControlCharacter(text)).toBe(true);
      }
    }
  });
});
