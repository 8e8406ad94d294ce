/**
 * Pages found by their `role`: the legal pages linked from every page (the notice's screen
 * view too), a missing one left out, and Leichte Sprache and Gebärdensprache linked
 * prominently from the home page. Town names in natural order, grouped by district.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, fixture, readPage } from '../support/build.ts';

let dist: string;

beforeAll(() => {
  dist = buildOnce(fixture('roles'));
});

function htmlPages(dir: string, prefix = '/'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlPages(full, `${prefix}${name}/`);
    return name === 'index.html' ? [prefix] : name.endsWith('.html') ? [`${prefix}${name}`] : [];
  });
}

/** The hrefs and texts of the links in the nav (or footer) that starts where `start` first matches. */
function links(html: string, start: RegExp): [string, string][] {
  const from = html.search(start);
  if (from < 0) return [];
  const block = html.slice(from, html.indexOf('</nav>', from));
  return [...block.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1]!, m[2]!]);
}

describe('legal pages', () => {
  it('every page links Impressum and Barrierefreiheit by role, in that order; the missing Datenschutz is left out', () => {
    const pages = htmlPages(dist);
    expect(pages).toEqual(expect.arrayContaining(['/', '/ort-2/', '/ort-2/aushang/', '/anliegen/', '/suche/', '/zugang/', '/404.html']));
    for (const p of pages) {
      const html = readPage(dist, p);
      if (html.includes('http-equiv="refresh"')) continue;
      const nav = p.endsWith('/aushang/') ? /<nav class="notice-legal"/ : /<footer class="site-footer"/;
      // The footer's other links (the feeds) are not pages.
      const pageLinks = links(html, nav).filter(([href]) => !/\/(feed\.(xml|atom|json)|cap\.xml|geplant\.ics)$/.test(href!));
      expect(pageLinks, p).toEqual([
        ['/anbieter/', 'Impressum'],
        ['/zugang/', 'Erklärung zur Barrierefreiheit'],
      ]);
    }
  });
});

describe('Leichte Sprache and Gebärdensprache', () => {
  it('are linked from the home page right below its heading, with their usual names', () => {
    const html = readPage(dist, '/');
    const nav = html.indexOf('<nav class="access"');
    expect(nav).toBeGreaterThan(html.indexOf('<h1>'));
    expect(nav).toBeLessThan(html.indexOf('<form'));
    expect(html).toContain('<nav class="access" aria-label="Leichte Sprache und Gebärdensprache">');
    expect(links(html, /<nav class="access"/)).toEqual([
      ['/leichte-sprache/', 'Leichte Sprache'],
      ['/dgs/', 'Gebärdensprache'],
    ]);
  });

  it('are not linked from the other pages’ bodies', () => {
    expect(readPage(dist, '/ort-2/')).not.toContain('class="access"');
  });
});

describe('the towns on the home page', () => {
  it('under their district, in natural order, one row each without the summary', () => {
    const html = readPage(dist, '/');
    expect(html).toContain('<h3 id="gruppe-kreis-nord" class="group-title">Kreis Nord</h3>');
    const order = ['/kreis-nord/', '/ort-2/', '/ort-10/'].map((href) => html.indexOf(`<a href="${href}">`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toContain('Das Rathaus ist geschlossen.');
    // No town has services here: no counts, and no line explaining them.
    expect(html).not.toContain('Dienste eingeschränkt sind');
    expect(readPage(dist, '/ort-10/')).toContain('Das Rathaus ist geschlossen.');
  });
});
