/**
 * `check` loads only what it reports (issue 21): Markdown is inspected by the scanner (inline
 * runs parsed only where a link, an image or HTML may start), each text's HTML is made when
 * first read, and the planned changes are not applied. The errors, warnings and counts are those
 * of a full load; the HTML, when read, is the full load's too.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createRenderer, inspectMarkdown, inspectParsed, mayHoldProblem } from '../../../src/core/markdown.ts';
import { loadSite } from '../../../src/model/site.ts';
import { azGroups, buildIndex, indexEntries, initialOf, naturalCollator } from '../../../src/model/derive.ts';
import { linkTargets } from '../../../src/model/targets.ts';
import { base, closure, contentFolder, incident, md, NOW, plannedSoest, service, town, type Files } from '../support/content.ts';

const texts = [
  'Nur Text ohne Zeichen',
  'Das *Bürgerbüro* ist [geöffnet](https://www.soest.de), Tel. [02921 103-0](tel:+4929211030).',
  '[Formulare](/soest/formulare/) und [relativ](buergerbuero/#zeiten)',
  '<b>fett</b> und <!-- Kommentar -->',
  '<div>\nBlock\n</div>\n\nAbsatz',
  'Bild: ![Plan](plan.png) und ![](https://x.de/a.png)',
  'Autolink <https://www.soest.de> und <mailto:a@soest.de>',
  '[Verweis][ref]\n\n[ref]: /soest/',
  '[böse](javascript:alert(1)) und [auch](//evil.example/x)',
  'Code `<b>` und \\[kein Link\\](x) und &lt;b&gt;',
  '# Titel\n\nText mit **fett**\n\n- eins\n- [zwei](/werl/)\n\n> Zitat <i>x</i>\n\n```\n<code>\n```\n\n---\n\n| a | b |\n|---|---|\n| [c](/c/) | d |',
  'eins\n\nzwei',
  '1. Liste\n2. mit ![Bild](x.png)',
];

describe('the scanner finds what the inspector finds', () => {
  test.each(texts.flatMap((t) => [[t, true], [t, false]] as const))('%j (inline: %s)', (text, inline) => {
    const links = (rendered: boolean) => {
      const found: [string, number][] = [];
      const problems = inspectMarkdown(text, inline, (href, line) => found.push([href, line]), rendered);
      return { problems, found };
    };
    expect(links(false)).toEqual(links(true));
  });
});

describe('a lazy renderer', () => {
  const eager = createRenderer((p) => `/base${p}`);
  const lazy = createRenderer((p) => `/base${p}`, { lazy: true });

  test.each(texts)('makes the same HTML when read: %j', (text) => {
    for (const offset of [0, 1]) {
      // A body checked first hands its tokens to the eager renderer; the lazy one parses again.
      inspectMarkdown(text, false);
      expect(lazy.block(text, offset)).toEqual(eager.block(text, offset));
      expect({ ...lazy.block(text, offset) }).toEqual(eager.block(text, offset));
    }
    expect(lazy.inline(text)).toEqual(eager.inline(text));
  });

  test('makes the HTML once, when it is first read', () => {
    const text = lazy.block('# Titel\n\n[Link](/soest/)', 1);
    expect(Object.getOwnPropertyDescriptor(text, 'html')?.get).toBeTypeOf('function');
    expect(text.html).toBe(text.html);
    expect(text.html).toBe('<h3>Titel</h3>\n<p><a href="/base/soest/">Link</a></p>\n');
  });
});

const broken: Files = {
  ...base,
  'towns/soest/buergerbuero.md': service('channels:\n  - channel: phone\n    status: normal\n    value: "12345"\n', 'limited', 'Text mit <b>HTML</b> und [Link](/nirgends/) und ![Bild](x.png)\n'),
  'towns/soest/jugendamt.md': service('summary: "[weg](/weg/) <i>x</i>"\n', 'normal'),
  'towns/werl/index.md': town('Werl', '', '[Soest](/soest/) und [kaputt](/kaputt/)\n'),
  'incidents/cyber.md': incident(),
  'pages/impressum.md': md('title: Impressum\n', '# Impressum\n\n<script>x</script>\n'),
};

/** What `check` reports of a load: the errors, or the warnings and the counts. */
function reported(result: Awaited<ReturnType<typeof loadSite>>) {
  if (!result.ok) return { errors: result.errors };
  const { site } = result;
  return { warnings: result.warnings, counts: [site.towns.length, site.towns.flatMap((t) => t.services).length, site.incidents.length, site.pages.length] };
}

describe('loadSite with checkOnly', () => {
  const cases: [string, () => Promise<string>][] = [
    ['the example content', async () => path.resolve('content')],
    ['broken texts', async () => (await contentFolder(broken)).dir],
    ['planned changes', async () => (await contentFolder({ ...base, ...plannedSoest, 'towns/werl/index.md': town('Werl', `planned:\n${closure('2023-11-01', '2023-11-30', 'limited', 'Umbau')}`) })).dir],
  ];

  test.each(cases)('reports what a full load reports: %s', async (_name, folder) => {
    const dir = await folder();
    const options = { urls: { base: '/' }, now: NOW, builtAt: NOW, cwd: path.dirname(dir) };
    const full = await loadSite(dir, options);
    const checked = await loadSite(dir, { ...options, checkOnly: true });
    expect(reported(checked)).toEqual(reported(full));
  });

  test('its texts make the HTML of a full load when read', async () => {
    const options = { urls: { base: '/' }, now: NOW, cwd: process.cwd() };
    const full = await loadSite(path.resolve('content'), options);
    const checked = await loadSite(path.resolve('content'), { ...options, checkOnly: true });
    if (!full.ok || !checked.ok) throw new Error('the example content has errors');
    const bodies = (site: typeof full.site) => [...site.towns.flatMap((t) => [t.body, t.summary, ...t.services.flatMap((s) => [s.body, s.summary, ...s.tasks.map((k) => k.title)])]), ...site.pages.map((p) => p.body), ...site.incidents.map((i) => i.body)].map((t) => t.html);
    expect(bodies(checked.site)).toEqual(bodies(full.site));
  });
});

describe('the A–Z entries of the link check, unsorted', () => {
  test('are those of the index, and give the same link targets, in the same order', async () => {
    const options = { urls: { base: '/' }, now: NOW, cwd: process.cwd() };
    const full = await loadSite(path.resolve('content'), options);
    if (!full.ok) throw new Error('the example content has errors');
    const { towns, pages, incidents, redirects } = full.site;
    const collator = naturalCollator('de');
    const sorted = buildIndex(towns, collator);
    const entries = indexEntries(towns);
    expect(entries).not.toEqual(sorted);
    expect(new Set(entries.map((e) => JSON.stringify(e)))).toEqual(new Set(sorted.map((e) => JSON.stringify(e))));
    const targets = (index: typeof sorted) => [...linkTargets({ towns, pages, incidents, redirects, index, siteContacts: true, sources: [] })];
    expect(targets(entries)).toEqual(targets(sorted));
    // A split list: each letter's pages, however the entries are ordered.
    const pagesPerLetter = (index: typeof sorted) => azGroups(index, 10, 3).groups.map((g) => [g.letter, g.pages.length]);
    expect(pagesPerLetter(entries)).toEqual(pagesPerLetter(sorted));
  });
});

describe('initialOf, kept per label', () => {
  test.each([
    ['Ärztlicher Dienst', 'A'],
    ['„Zitat“ am Anfang', 'Z'],
    ['öffentliche Ordnung', 'O'],
    ['3D-Druck', '#'],
    ['Ωmega', '#'],
    ['', '#'],
  ])('%j → %s, the same the second time', (label, initial) => {
    expect(initialOf(label)).toBe(initial);
    expect(initialOf(label)).toBe(initial);
  });
});

describe('a text that cannot hold a problem is not parsed (mayHoldProblem)', () => {
  /** Every character Markdown gives a meaning, but the three a link, an image or HTML needs. */
  const alphabet = ['a', 'B', 'ä', ' ', ' ', '\n', '\n\n', '\t', '*', '_', '#', '-', '+', '=', '>', '`', '```', '~', '|', '\\', '&', '&lt;', '&#91;', ';', ':', '(', ')', ']', '/', 'https://x.de', 'tel:+49', 'mailto:a@b.de', '1.', '1)', '    ', '---', '***', '"', "'", '%', '$', '@', '{', '}', '^', '\r\n'];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const generated = Array.from({ length: 3000 }, () => Array.from({ length: 1 + random(40) }, () => alphabet[random(alphabet.length)]).join(''));
  const corpus = [...texts, ...generated, '- eins\n- zwei', '# Titel\n\nText', '> Zitat', '    Code', '| a | b |\n|---|---|\n| c | d |', 'eins\n\nzwei', '***'];

  test('the parser finds no problem and no link in any of them, inline or body, checked or rendered', () => {
    let skipped = 0;
    for (const text of corpus) {
      for (const inline of [true, false]) {
        if (mayHoldProblem(text, inline)) continue;
        skipped += 1;
        for (const rendered of [true, false]) {
          const links: string[] = [];
          expect([text, inline, rendered, inspectParsed(text, inline, (href) => links.push(href), rendered), links]).toEqual([text, inline, rendered, [], []]);
        }
      }
    }
    // Most of the corpus, bodies and one-line inline texts alike.
    expect(skipped).toBeGreaterThan(2000);
  });

  test('one of the three characters, or an inline text on two lines, is parsed', () => {
    for (const text of ['[x](/a/)', '<b>', '![x](a.png)', 'a [b', 'a < b', 'Achtung!']) expect([text, mayHoldProblem(text, false)]).toEqual([text, true]);
    expect(mayHoldProblem('eins\n\nzwei', true)).toBe(true);
    expect(mayHoldProblem('eins\n\nzwei', false)).toBe(false);
    expect(inspectMarkdown('eins\n\nzwei', true)).toEqual([{ kind: 'block', found: 'paragraphs', line: 0 }]);
  });

  test('a body not parsed for the check is rendered as before, after a body that was', () => {
    const eager = createRenderer((p) => `/base${p}`);
    const body = '# Titel\n\n- eins\n- zwei\n\n> Zitat';
    inspectMarkdown('# Titel\n\n[Link](/soest/)', false);
    expect(inspectMarkdown(body, false)).toEqual([]);
    expect(eager.block(body, 1).html).toBe('<h3>Titel</h3>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n<blockquote>\n<p>Zitat</p>\n</blockquote>\n');
  });
});
