/** Feeds, structured data, sitemap and robots.txt of a built site. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/model/html.ts';
import { buildOnce, fixture, readPage, root, tempDir } from '../support/build.ts';

const parser = new XMLParser({ ignoreAttributes: false });

interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string };
  pubDate: string;
  description: string;
}

function feed(dist: string, file: string): { channel: { title: string; link: string; item: RssItem | RssItem[] } } {
  const xml = readFileSync(path.join(dist, file), 'utf8');
  return parser.parse(xml, true).rss;
}

const items = (f: ReturnType<typeof feed>) => ([] as RssItem[]).concat(f.channel.item ?? []);

/** The file a site path is served from. */
function served(dist: string, sitePath: string): string {
  const clean = sitePath.split('#')[0]!;
  return path.join(dist, clean, clean.endsWith('/') ? 'index.html' : '');
}

function ldBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

describe('feeds of the example site', () => {
  const siteUrl = 'https://notfall.example';
  let dist: string;
  beforeAll(() => {
    dist = buildOnce(path.join(root, 'content'), { SITE_URL: siteUrl });
  });

  it('/feed.xml parses, holds every update and notice change newest first, and every link resolves', () => {
    const f = feed(dist, 'feed.xml');
    const list = items(f);
    // 7 towns + 30 services + 1 incident, plus their updates.
    expect(list.length).toBeGreaterThanOrEqual(38);
    const dates = list.map((i) => Date.parse(i.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const guids = list.map((i) => i.guid['#text']);
    expect(new Set(guids).size).toBe(guids.length);
    for (const item of list) {
      expect(item.link.startsWith(`${siteUrl}/`)).toBe(true);
      const url = new URL(item.link);
      expect(existsSync(served(dist, url.pathname)), item.link).toBe(true);
      if (url.hash) expect(readFileSync(served(dist, url.pathname), 'utf8')).toContain(`id="${url.hash.slice(1)}"`);
    }
    expect(list.some((i) => i.title.startsWith('Bürgerbüro (Soest): Eingeschränkt'))).toBe(true);
  });

  it('each town has a feed with its own notices and is linked from its pages', () => {
    const f = feed(dist, 'soest/feed.xml');
    const links = items(f).map((i) => new URL(i.link).pathname);
    expect(links.every((p) => p.startsWith('/soest/') || p.startsWith('/stoerungen/'))).toBe(true);
    expect(links).toContain('/soest/buergerbuero/');
    for (const page of ['/soest/', '/soest/buergerbuero/']) {
      const html = readPage(dist, page);
      expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Notfall-Informationen im Kreis Soest" href="/feed.xml">');
      expect(html).toContain('href="/soest/feed.xml"');
    }
  });

  it('structured data: GovernmentOrganization with contact points, SpecialAnnouncements, breadcrumbs', () => {
    const town = ldBlocks(readPage(dist, '/soest/')) as Record<string, any>[];
    expect(town[0]).toMatchObject({ '@type': 'GovernmentOrganization', name: 'Soest', url: `${siteUrl}/soest/` });
    expect(town[0]!.contactPoint[0]).toMatchObject({ '@type': 'ContactPoint', telephone: '+4929211030' });
    expect(town[0]!.parentOrganization).toMatchObject({ name: 'Kreis Soest' });
    expect(town[1]).toMatchObject({ '@type': 'BreadcrumbList' });
    const service = ldBlocks(readPage(dist, '/soest/buergerbuero/')) as Record<string, any>[];
    expect(service[0]).toMatchObject({
      '@type': 'SpecialAnnouncement',
      datePosted: '2023-10-30',
      dateModified: '2023-11-03T14:17:00+01:00',
      expires: '2023-11-06',
      url: `${siteUrl}/soest/buergerbuero/`,
      announcementLocation: { '@type': 'GovernmentOrganization', name: 'Soest' },
    });
    expect(service[1]!.itemListElement.map((i: any) => i.item)).toEqual([`${siteUrl}/`, `${siteUrl}/soest/`, `${siteUrl}/soest/buergerbuero/`]);
    const incident = ldBlocks(readPage(dist, '/stoerungen/sit-2023/')) as Record<string, any>[];
    expect(incident[0]).toMatchObject({ '@type': 'SpecialAnnouncement', datePosted: '2023-10-30' });
    expect(incident[0]!.announcementLocation).toHaveLength(7);
  });

  it('a sitemap of content pages and a robots.txt that names it', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${siteUrl}/soest/buergerbuero/</loc>`);
    expect(sitemap).not.toContain('/suche/');
    expect(sitemap).not.toContain('404');
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nDisallow: /suche/\nSitemap: ${siteUrl}/sitemap-index.xml\n`);
  });

  // 1.2: Atom, JSON Feed, CAP, status.json and the badges are written, served with their types
  // and linked from every page's head and footer (the formats are checked in tests/unit/feeds/).
  it('1.2: Atom, JSON Feed and the badge for the site and every town; CAP and status.json at the root', () => {
    for (const file of ['feed.atom', 'feed.json', 'cap.xml', 'api/v1/status.json', 'api/v1/schema/status.json']) expect(existsSync(path.join(dist, file)), file).toBe(true);
    const towns = (JSON.parse(readFileSync(path.join(dist, 'api/v1/status.json'), 'utf8')) as { towns: { slug: string; badge: string }[] }).towns;
    expect(towns).toHaveLength(7);
    for (const town of towns) {
      for (const file of ['feed.xml', 'feed.atom', 'feed.json', 'badge.svg']) expect(existsSync(path.join(dist, town.slug, file)), `${town.slug}/${file}`).toBe(true);
      expect(town.badge).toBe(`${siteUrl}/${town.slug}/badge.svg`);
    }
    // The Atom feed lists what the RSS feed lists.
    const atom = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' || n === 'link' }).parse(readFileSync(path.join(dist, 'feed.atom'), 'utf8')).feed;
    expect(atom.entry.map((e: { link: { '@_href': string }[] }) => e.link[0]!['@_href'])).toEqual(items(feed(dist, 'feed.xml')).map((i) => i.link));
    const json = JSON.parse(readFileSync(path.join(dist, 'soest/feed.json'), 'utf8'));
    expect(json.items.map((i: { url: string }) => i.url)).toEqual(items(feed(dist, 'soest/feed.xml')).map((i) => i.link));
  });

  it('1.2: every page links every feed in its head (a town’s pages its own too) and in the footer', () => {
    for (const page of ['/', '/anliegen/', '/stoerungen/sit-2023/', '/impressum/', '/soest/', '/soest/buergerbuero/']) {
      const html = readPage(dist, page);
      expect(html, page).toContain('<link rel="alternate" type="application/atom+xml" title="Notfall-Informationen im Kreis Soest (Atom)" href="/feed.atom">');
      expect(html, page).toContain('<link rel="alternate" type="application/feed+json" title="Notfall-Informationen im Kreis Soest (JSON Feed)" href="/feed.json">');
      expect(html, page).toContain('<link rel="alternate" type="application/atom+xml" title="Notfall-Informationen im Kreis Soest (CAP)" href="/cap.xml">');
      const footer = html.slice(html.indexOf('<footer'));
      for (const href of ['/feed.xml', '/feed.atom', '/feed.json', '/cap.xml']) expect(footer, `${page} ${href}`).toContain(`href="${href}"`);
      expect(footer).toContain('Neuigkeiten abonnieren:');
    }
    for (const page of ['/soest/', '/soest/buergerbuero/']) {
      const html = readPage(dist, page);
      for (const file of ['feed.atom', 'feed.json']) expect(html, page).toMatch(new RegExp(`<link rel="alternate" type="[^"]+" title="Soest – [^"]+" href="/soest/${file.replace('.', '\\.')}">`));
    }
  });
});

describe('below a path', () => {
  it('feeds, sitemap and structured data carry the base path', () => {
    const dist = buildOnce(fixture('edge'), { SITE_URL: 'https://mirror.example', BASE_PATH: '/notfall/' });
    for (const item of items(feed(dist, 'feed.xml'))) expect(item.link).toMatch(/^https:\/\/mirror\.example\/notfall\//);
    expect(readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8')).toContain('<loc>https://mirror.example/notfall/testdorf/</loc>');
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain('Disallow: /notfall/suche/');
    expect(readPage(dist, '/testdorf/')).toContain('href="/notfall/feed.xml"');
  });

  it('without SITE_URL: feeds use the local preview address, no sitemap, root-relative structured data', () => {
    const dist = buildOnce(fixture('edge'));
    expect(feed(dist, 'feed.xml').channel.link).toBe('http://localhost:4321/');
    expect(existsSync(path.join(dist, 'sitemap-index.xml'))).toBe(false);
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).not.toContain('Sitemap');
    const [town] = ldBlocks(readPage(dist, '/testdorf/')) as Record<string, unknown>[];
    expect(town!.url).toBe('/testdorf/');
  });
});

describe('texts that could break JSON or XML', () => {
  it('quotes, backslashes, </script>, emoji and line breaks stay data', () => {
    const content = path.join(tempDir(), 'content');
    mkdirSync(path.join(content, 'towns/ort'), { recursive: true });
    writeFileSync(path.join(content, 'site.yaml'), 'title: Test\noperator: Test\n');
    // Plain-text fields (names, titles) may hold anything; Markdown fields reject HTML.
    const nasty = 'Amt "Mitte" \\ </script><script>alert(1)</script> & <!-- 🚒';
    const markdown = 'Neu: "Mitte" \\ & 🚒';
    writeFileSync(
      path.join(content, 'towns/ort/index.md'),
      `---\nname: 'Ort "Nord" </script>'\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: limited\nsummary: 'Zeile eins\n\n  Zeile zwei'\n---\n`,
    );
    writeFileSync(
      path.join(content, 'towns/ort/amt.md'),
      `---\ntitle: ${JSON.stringify(nasty)}\nstatus: normal\nupdated: 2023-11-03 14:17\nsummary: "Backslash \\\\ und Emoji 🚒"\nupdates:\n  - at: 2023-11-03 15:00\n    text: ${JSON.stringify(markdown)}\n---\n`,
    );
    const dist = buildOnce(content, { SITE_URL: 'https://notfall.example' });
    const html = readPage(dist, '/ort/amt/');
    expect(html).not.toContain('<script>alert(1)</script>');
    const [announcement] = ldBlocks(html) as Record<string, string>[];
    expect(announcement!.name).toBe(`${nasty} – Ort "Nord" </script>: Normal verfügbar`);
    expect(announcement!.text).toBe('Backslash \\ und Emoji 🚒');
    const list = items(feed(dist, 'feed.xml'));
    // A title is plain text escaped once more as HTML (README.md, "Feeds and structured data"): once decoded it holds no markup,
    // and a reader that takes it for HTML shows it as written.
    expect(list.some((i) => i.title === escapeHtml(`${nasty} (Ort "Nord" </script>): Normal verfügbar`))).toBe(true);
    expect(list.every((i) => !i.title.includes('<'))).toBe(true);
    expect(list.some((i) => i.description === 'Neu: &quot;Mitte&quot; \\ &amp; 🚒')).toBe(true);
  });
});
