/**
 * Every escaping context with hostile texts (tests/fixtures/sites/hostile): `</script>`,
 * `"><img src=x onerror=…>`, `]]>`, `&`, U+2028 in every plain-text field an editor can fill,
 * and as entities and code in Markdown. The outputs are parsed, not searched: HTML pages (element
 * content and attributes), the RSS feeds, the JSON API and the JSON-LD blocks. None may hold live
 * markup, and each must give the text back as written where it carries it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, fixture } from '../support/build.ts';
import { inlineStyles } from '../support/page-policy.ts';

const content = fixture('hostile');
let dist: string;
/** The site's own stylesheet, as the home page carries it; no payload can add or change a <style>. */
let siteStyle: string | undefined;
/** Every HTML page of the build. */
let pages: string[];

beforeAll(() => {
  dist = buildOnce(content, { SITE_URL: 'https://notfall.example', SOURCE_DATE_EPOCH: '1711900000' });
  siteStyle = inlineStyles(readFileSync(path.join(dist, 'index.html'), 'utf8'))[0];
  pages = filesBelow(dist, '.html');
});

const townName = 'Angriff "><img src=x onerror=alert(3)></script>\u2028Ost';
const siteTitle = 'Notfall </script><script>alert(1)</script> & Co';
const siteDescription = '"><img src=x onerror=alert(1)> ]]> & &amp; Zeile\u2028Trenner';

/** Elements that would load or run something if a payload had become markup (the notice's QR code is our own inline SVG). */
const liveElement = /^(img|iframe|object|embed|style|base)$/i;


function filesBelow(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return entities[name] ?? whole;
  });
}

interface Tag {
  name: string;
  attributes: Record<string, string>;
  /** For <script>: its raw text. */
  body?: string;
}

/**
 * A small HTML tokenizer: comments and the doctype are skipped, script and style bodies are raw
 * text up to their end tag (as a browser reads them), every other `<name …>` is a tag with its
 * attributes. Enough to see which elements and attributes a page really has.
 */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const tagPattern = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/?([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
  let match: RegExpExecArray | null;
  while ((match = tagPattern.exec(html))) {
    if (!match[1] || match[0].startsWith('</')) continue;
    const attributes: Record<string, string> = {};
    for (const a of (match[2] ?? '').matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attributes[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const name = match[1].toLowerCase();
    const tag: Tag = { name, attributes };
    if (name === 'script' || name === 'style') {
      const end = html.toLowerCase().indexOf(`</${name}`, tagPattern.lastIndex);
      tag.body = html.slice(tagPattern.lastIndex, end < 0 ? html.length : end);
      tagPattern.lastIndex = end < 0 ? html.length : end;
    }
    out.push(tag);
  }
  return out;
}

/** Text outside tags, with entities decoded: what a reader sees. */
function visibleText(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' '));
}

/** `<img`, `<script`, … as the start of a tag in a text that a reader may treat as HTML. */
const markupInText = /<\s*(img|script|iframe|svg|object|embed)\b/i;

describe('escaping: hostile texts never become markup', () => {
  it('HTML pages: no element or event attribute from a payload, only our own scripts, every JSON-LD block parses', () => {
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      // The one <style> a page may have is the site's stylesheet, exactly (its hash is in the policy).
      const styles = tags(html).filter((tag) => tag.name === 'style');
      expect(styles.length, file).toBeLessThanOrEqual(1);
      for (const style of styles) expect(style.body, file).toBe(siteStyle);
      for (const tag of tags(html).filter((t) => t.name !== 'style')) {
        expect(tag.name, file).not.toMatch(liveElement);
        for (const name of Object.keys(tag.attributes)) expect(name, `${file} <${tag.name}>`).not.toMatch(/^on/);
        if (tag.name === 'script') {
          if (tag.attributes.type === 'application/ld+json') expect(() => JSON.parse(tag.body!), file).not.toThrow();
          else expect(tag.attributes.src, `${file}: an inline script`).toBeTruthy();
        }
      }
    }
  });

  it('HTML element content: the payloads are shown as text, exactly as written', () => {
    const town = readFileSync(path.join(dist, 'angriff/index.html'), 'utf8');
    const text = visibleText(town);
    expect(text).toContain(townName);
    expect(text).toContain('Code </script><img src=x onerror=alert(4)>');
    expect(text).toContain('Entität <img src=x onerror=alert(5)>');
    expect(text).toContain('Rathaus "><img src=x onerror=alert(6)>');
    const impressum = visibleText(readFileSync(path.join(dist, 'impressum/index.html'), 'utf8'));
    expect(impressum).toContain('Verantwortlich: <script>alert(18)</script>');
  });

  it('attributes: the feed link title, the link to the portal and the redirect page give the text back', () => {
    const home = tags(readFileSync(path.join(dist, 'index.html'), 'utf8'));
    const alternate = home.find((t) => t.name === 'link' && t.attributes.rel === 'alternate')!;
    expect(alternate.attributes.title).toBe(siteTitle);
    const town = tags(readFileSync(path.join(dist, 'angriff/index.html'), 'utf8'));
    const portal = town.find((t) => t.name === 'a' && t.attributes.href?.startsWith('https://portal.example/'))!;
    expect(new URL(portal.attributes.href!).searchParams.get('b')).toBe('"2"><img');
    const redirect = readFileSync(path.join(dist, 'alter-dienst/index.html'), 'utf8');
    const refresh = tags(redirect).find((t) => t.name === 'meta' && t.attributes['http-equiv'] === 'refresh')!;
    expect(refresh.attributes.content).toBe('0; url=/angriff/dienst/');
    expect(visibleText(redirect)).toContain('Dienst </script><img src=x onerror=alert(11)> – ' + townName);
  });

  it('JSON-LD: each block parses and gives the name back as written', () => {
    const town = tags(readFileSync(path.join(dist, 'angriff/index.html'), 'utf8'));
    const blocks = town.filter((t) => t.attributes.type === 'application/ld+json').map((t) => JSON.parse(t.body!) as Record<string, unknown>);
    expect(blocks[0]!.name).toBe(townName);
    for (const t of town.filter((tag) => tag.attributes.type === 'application/ld+json')) {
      expect(t.body).not.toMatch(/<|\u2028/);
    }
  });

  it('RSS: well-formed XML; titles and descriptions hold no markup once decoded, and give the text back', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const file of ['feed.xml', 'angriff/feed.xml']) {
      const xml = readFileSync(path.join(dist, file), 'utf8');
      expect(XMLValidator.validate(xml), file).toBe(true);
      const channel = parser.parse(xml).rss.channel as { title: string; description: string; item: { title: string; description: string }[] };
      const items = ([] as { title: string; description: string }[]).concat(channel.item);
      expect(items.length).toBeGreaterThan(1);
      for (const value of [channel.title, channel.description, ...items.flatMap((i) => [i.title, i.description])]) {
        expect(String(value), file).not.toMatch(markupInText);
      }
    }
    const channel = parser.parse(readFileSync(path.join(dist, 'feed.xml'), 'utf8')).rss.channel as { title: string; description: string };
    // Read as HTML, as many readers do, the channel says what the editor wrote.
    expect(decodeEntities(channel.title)).toBe(siteTitle);
    expect(decodeEntities(channel.description)).toBe(siteDescription);
  });

  it('1.2 Atom, CAP and the badge: well-formed XML; titles HTML-escaped text; the town name comes back as written', () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'area'].includes(name) });
    for (const file of ['feed.atom', 'angriff/feed.atom', 'cap.xml', 'angriff/badge.svg']) {
      const xml = readFileSync(path.join(dist, file), 'utf8');
      expect(XMLValidator.validate(xml), file).toBe(true);
      // No element but the format's own: a payload never became a tag.
      for (const tag of tags(xml)) expect(tag.name, file).not.toMatch(/^(img|script|iframe|object|embed|foreignobject|style)$/);
    }
    const atom = parser.parse(readFileSync(path.join(dist, 'angriff/feed.atom'), 'utf8')).feed;
    const titles = [atom.title, ...atom.entry.map((e: { title: unknown }) => e.title)].map((t: { '#text': string }) => t['#text']);
    for (const title of titles) expect(title).not.toMatch(markupInText);
    expect(decodeEntities(atom.title['#text'])).toBe(`${townName} – ${siteTitle}`);
    const cap = parser.parse(readFileSync(path.join(dist, 'cap.xml'), 'utf8')).feed;
    const areas = cap.entry.flatMap((e: { content: { alert: { info: { area: { areaDesc: string }[] } } } }) => e.content.alert.info.area.map((a) => a.areaDesc));
    expect(areas).toContain(townName);
    const badge = parser.parse(readFileSync(path.join(dist, 'angriff/badge.svg'), 'utf8')).svg;
    expect(badge.title['#text'].startsWith(`${townName}: `)).toBe(true);
  });

  it('1.2 JSON Feed: parses, and the titles are the text as written', () => {
    const feed = JSON.parse(readFileSync(path.join(dist, 'angriff/feed.json'), 'utf8'));
    expect(feed.title).toBe(`${townName} – ${siteTitle}`);
    for (const item of feed.items) for (const tag of tags(item.content_html)) expect(tag.name).not.toMatch(/^(img|script|iframe|svg)$/);
  });

  it('JSON API: every file parses, texts come back exactly, and no rendered HTML holds a payload as markup', () => {
    const files = filesBelow(path.join(dist, 'api'), '.json');
    expect(files.length).toBeGreaterThan(1);
    const strings: { key: string; value: string }[] = [];
    const walk = (value: unknown, key: string) => {
      if (typeof value === 'string') strings.push({ key, value });
      else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    for (const file of files) walk(JSON.parse(readFileSync(file, 'utf8')), '');
    expect(strings.some((s) => s.value === townName)).toBe(true);
    for (const { key, value } of strings.filter((s) => s.key === 'html')) {
      for (const tag of tags(value)) expect(tag.name, `${key}: ${value}`).not.toMatch(/^(img|script|iframe|svg)$/);
    }
  });
});
