/**
 * 1.2: the Atom feeds (RFC 4287) are built from the same entries as RSS, carry every element
 * the RFC requires (feed: id, title, updated, author, self link; entry: id, title, updated, an
 * alternate link, content), use absolute ids that are unique and permanent, and give hostile
 * text back as written, never as markup.
 */
import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { translator } from '../../../src/i18n/index.ts';
import { atomFeed } from '../../../src/model/atom.ts';
import { rssFeed } from '../../../src/model/rss.ts';
import { createUrls } from '../../../src/model/urls.ts';
import { service, text } from '../support/content.ts';
import { payload, testSite, urls } from '../support/small-site.ts';

const t = translator('de');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'author'].includes(name) });
/** RFC 3339 date-time with an offset (Atom's date construct). */
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

type Text = string | { '#text'?: string; '@type'?: string };
const textOf = (value: Text) => (typeof value === 'string' ? value : (value['#text'] ?? ''));
const decodeHtml = (html: string) => html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

/** The RFC 4287 requirements of a feed document; returns what is missing or wrong. */
function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  if (XMLValidator.validate(xml) !== true) return ['not well-formed'];
  const feed = parser.parse(xml).feed;
  if (!feed || feed['@xmlns'] !== 'http://www.w3.org/2005/Atom') return ['no atom:feed'];
  for (const name of ['id', 'title', 'updated']) if (feed[name] === undefined || Array.isArray(feed[name])) problems.push(`feed needs exactly one ${name}`);
  if (!rfc3339.test(String(feed.updated))) problems.push(`feed updated ${feed.updated}`);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(String(feed.id))) problems.push('feed id is not an absolute IRI');
  const entries = (feed.entry ?? []) as Record<string, unknown>[];
  // atom:author is required on the feed unless every entry has one.
  if (!feed.author && entries.some((e) => !e.author)) problems.push('no author');
  if (!feed.link?.some((l: Record<string, string>) => l['@rel'] === 'self')) problems.push('no self link');
  const ids = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    for (const name of ['id', 'title', 'updated']) if (entry[name] === undefined || Array.isArray(entry[name])) problems.push(`entry ${i} needs exactly one ${name}`);
    if (!rfc3339.test(String(entry.updated))) problems.push(`entry ${i} updated ${String(entry.updated)}`);
    const id = String(entry.id);
    if (!/^https?:\/\//.test(id)) problems.push(`entry ${i} id ${id}`);
    if (ids.has(id)) problems.push(`entry ${i} id repeated: ${id}`);
    ids.add(id);
    // Without content, an entry needs an alternate link (4.1.1); ours have both.
    const links = (entry.link ?? []) as Record<string, string>[];
    if (!links.some((l) => l['@rel'] === 'alternate')) problems.push(`entry ${i} has no alternate link`);
    if (!entry.content) problems.push(`entry ${i} has no content`);
  }
  return problems;
}

describe('Atom feeds', () => {
  test('the site feed and a town feed have every element RFC 4287 requires', async () => {
    const s = await testSite();
    for (const town of [undefined, s.town('soest')!, s.town('werl')!]) expect(atomProblems(atomFeed(s, urls, t, town))).toEqual([]);
  });

  test('the checker finds what is missing', () => {
    const ok = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>https://x/</id><title>T</title><updated>2023-11-03T14:17:00+01:00</updated><author><name>A</name></author><link rel="self" href="https://x/feed.atom"/><entry><id>https://x/a</id><title>E</title><updated>2023-11-03T14:17:00+01:00</updated><link rel="alternate" href="https://x/a"/><content>x</content></entry></feed>';
    expect(atomProblems(ok)).toEqual([]);
    expect(atomProblems(ok.replace('<author><name>A</name></author>', ''))).toEqual(['no author']);
    expect(atomProblems(ok.replace('<updated>2023-11-03T14:17:00+01:00</updated><author>', '<updated>2023-11-03</updated><author>'))).toEqual(['feed updated 2023-11-03']);
    expect(atomProblems(ok.replace('<id>https://x/a</id>', '<id>a</id>'))).toEqual(['entry 0 id a']);
  });

  test('the same entries as RSS, in the same order, with the same links', async () => {
    const s = await testSite();
    for (const town of [undefined, s.town('soest')!]) {
      const rss = new XMLParser().parse(await getRssString(rssFeed(s, urls, t, town))).rss.channel.item as { title: string; link: string }[];
      const atom = parser.parse(atomFeed(s, urls, t, town)).feed.entry as { title: Text; link: Record<string, string>[] }[];
      expect(atom.map((e) => e.link[0]!['@href'])).toEqual(rss.map((i) => i.link));
      expect(atom.map((e) => textOf(e.title))).toEqual(rss.map((i) => i.title));
      expect(atom.length).toBeGreaterThan(3);
    }
  });

  test('feed metadata: language, base for relative links, home and self, the operator as author', async () => {
    const s = await testSite();
    const feed = parser.parse(atomFeed(s, urls, t, s.town('soest')!)).feed;
    expect(feed['@xml:lang']).toBe('de');
    expect(feed['@xml:base']).toBe('https://notfall.example/');
    expect(feed.id).toBe('https://notfall.example/soest/');
    expect(textOf(feed.title)).toBe('Soest – Notfall-Informationen Test');
    expect(feed.author[0].name).toBe('Kreis Test');
    expect(feed.link.map((l: Record<string, string>) => [l['@rel'], l['@href']])).toEqual([
      ['self', 'https://notfall.example/soest/feed.atom'],
      ['alternate', 'https://notfall.example/soest/'],
    ]);
  });

  test('an update keeps its anchor as id; a notice change gets the time, so a new status is a new entry', async () => {
    const s = await testSite();
    const ids = (parser.parse(atomFeed(s, urls, t, s.town('soest')!)).feed.entry as { id: string }[]).map((e) => e.id);
    expect(ids).toContain('https://notfall.example/soest/buergerbuero/#stand-20231103T141700');
    expect(ids.some((id) => /^https:\/\/notfall\.example\/soest\/buergerbuero\/#neu-/.test(id))).toBe(true);
    const later = await testSite({ 'towns/soest/buergerbuero.md': service('updates:\n  - at: 2023-11-03 10:00\n    text: Telefon geht wieder.\n', 'normal').replace('updated: 2023-11-03 14:17', 'updated: 2023-11-04 09:00') });
    const laterIds = (parser.parse(atomFeed(later, urls, t, later.town('soest')!)).feed.entry as { id: string }[]).map((e) => e.id);
    expect(laterIds).toContain('https://notfall.example/soest/buergerbuero/#stand-20231104T090000');
    expect(laterIds).not.toContain('https://notfall.example/soest/buergerbuero/#stand-20231103T141700');
  });

  test('a date alone is its local midnight with the offset', async () => {
    const s = await testSite();
    const entries = parser.parse(atomFeed(s, urls, t, s.town('soest')!)).feed.entry as { updated: string; link: Record<string, string>[] }[];
    expect(entries.find((e) => e.link[0]!['@href']!.includes('#neu-20231102'))!.updated).toBe('2023-11-02T00:00:00+01:00');
  });

  test('without an address, links and ids are absolute on the local preview', async () => {
    const s = await testSite();
    const feed = parser.parse(atomFeed(s, createUrls({ base: '/notfall/' }), t)).feed;
    expect(feed.id).toBe('http://localhost:4321/notfall/');
    expect((feed.entry as { id: string }[]).every((e) => e.id.startsWith('http://localhost:4321/notfall/'))).toBe(true);
  });

  test('hostile text: titles decode to what the editor wrote, as text or read as HTML; never markup', async () => {
    const s = await testSite({
      'site.yaml': text`
        title: 'Notfall ${payload}'
        description: 'Beschreibung ${payload}'
        operator: 'Kreis ${payload}'
      `,
      'towns/soest/buergerbuero.md': service().replace('title: Bürgerbüro', `title: 'Dienst ${payload}'`),
    });
    for (const town of [undefined, s.town('soest')!]) {
      const xml = atomFeed(s, urls, t, town);
      expect(atomProblems(xml)).toEqual([]);
      const feed = parser.parse(xml).feed;
      const titles = [feed.title, ...(feed.entry as { title: Text }[]).map((e) => e.title)];
      for (const title of titles) {
        expect((title as { '@type': string })['@type']).toBe('html');
        // Decoded once (XML), it is HTML-escaped text: no tag a reader would run.
        expect(textOf(title)).not.toMatch(/<\s*(img|script)\b/i);
      }
      if (!town) {
        expect(decodeHtml(textOf(feed.title))).toBe(`Notfall ${payload}`);
        expect(decodeHtml(textOf(feed.subtitle))).toBe(`Beschreibung ${payload}`);
        expect(feed.author[0].name).toBe(`Kreis ${payload}`);
      }
      expect(titles.some((title) => decodeHtml(textOf(title)).startsWith(`Dienst ${payload}`))).toBe(true);
    }
  });
});
