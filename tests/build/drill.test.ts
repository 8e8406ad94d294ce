/**
 * `aushang build --drill` (issue 18, scope 3): a rehearsal build that no one can mistake for a
 * real notice — "Übung" in every page's title and in a banner on every page, `noindex`
 * everywhere, robots.txt closed, and no feeds, API or sitemap for readers and apps. Its own
 * search works like the real site's, the same pages in it (`indexedRoutes`), fed while Astro renders.
 */
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { main as announce } from '../../src/cli/announce.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import { indexedPart } from '../../src/cli/search-index.ts';
import { indexedPages } from '../../src/cli/search-feed.ts';
import { loadSite } from '../../src/model/site.ts';
import { fixture, runCli, tempDir, type Run } from '../support/build.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('aushang build --drill', { timeout: 300_000 }, () => {
  const out = path.join(tempDir('aushang-drill-'), 'dist');
  let run: Run;
  beforeAll(() => {
    run = runCli('build', ['--content', fixture('alltag'), '--out', out, '--drill'], { SITE_URL: 'https://uebung.example.org', AUSHANG_TIMINGS: '1' });
  });

  test('builds, and says it is a rehearsal', () => {
    // Nothing on stderr but the timings asked for (and which working folder Astro had): the search index was fed while Astro rendered.
    expect(run.stderr.split('\n').filter((line) => line && !line.startsWith('aushang-timings ') && !line.startsWith('aushang-work-folder '))).toEqual(['aushang-search-feed {"fed":true}']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').at(-2)).toBe(`Built ${path.relative(path.resolve(import.meta.dirname, '../..'), out)}/ — a rehearsal (Übung): every page says so, not indexed, no feeds, no API`);
  });

  test('every page: "Übung" in the title and in a banner, noindex', () => {
    const pages = files(out).filter((file) => file.endsWith('.html') && !file.startsWith('admin/'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = readFileSync(path.join(out, page), 'utf8');
      // Redirect pages of aliases are one line that leads on; they are noindex as before.
      if (/http-equiv="refresh"/.test(html)) continue;
      expect(html, page).toContain('<meta name="robots" content="noindex">');
      expect(html, page).toMatch(/<title>Übung: /);
      expect(html, page).toMatch(/<div class="banner drill" role="note">\s*<p>Übung: Diese Website ist eine Probe für den Ernstfall\. Was hier steht, gilt nicht – es ist keine echte Meldung\.<\/p>\s*<\/div>/);
      expect(html, page).not.toContain('application/rss+xml');
      // 1.2: nor Atom, JSON Feed or CAP, in the head or the footer.
      expect(html, page).not.toMatch(/application\/atom\+xml|application\/feed\+json|href="\/(feed\.atom|feed\.json|cap\.xml)"/);
    }
  });

  test("its own search holds the pages the real site's would (indexedRoutes)", async () => {
    const loaded = await loadSite(fixture('alltag'), { urls: { base: '/' } });
    if (!loaded.ok) throw new Error('the fixture does not load');
    const marked = files(out).filter((file) => file.endsWith('.html') && indexedPart(readFileSync(path.join(out, file), 'utf8')) !== undefined);
    expect(marked).toEqual(indexedPages(loaded.site));
    expect(existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
  });

  test('robots.txt closes everything; no feeds, no API, no sitemap', () => {
    expect(readFileSync(path.join(out, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    const all = files(out);
    expect(all.filter((file) => file.startsWith('api/') || /(^|\/)(feed\.(xml|atom|json)|badge\.svg)$/.test(file) || file === 'cap.xml' || /^sitemap.*\.xml$/.test(file))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: Record<string, unknown> } | Record<string, unknown>;
    expect(JSON.stringify(manifest)).not.toMatch(/feed\.xml|"api\//);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  // Issue 22, scope 5: a rehearsal is never announced, even with a channel set up and a state
  // that would make every entry new.
  test('aushang-build.json says drill, and announce posts nothing', async () => {
    expect(JSON.parse(readFileSync(path.join(out, 'aushang-build.json'), 'utf8')).drill).toBe(true);
    let posts = 0;
    const server = createServer((_request, response) => {
      posts += 1;
      response.writeHead(200).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    const state = path.join(tempDir('aushang-drill-state-'), 'state.json');
    writeFileSync(state, JSON.stringify({ format: 1, known: [], sent: {} }));
    const lines: string[] = [];
    const code = await announce(['--site', out, '--state', state], (line) => lines.push(line), { AUSHANG_WEBHOOK_URL: hook, AUSHANG_CONTENT: fixture('alltag') });
    server.close();
    expect({ code, lines, posts }).toEqual({ code: 0, lines: ['Übung (build --drill): nichts angekündigt.'], posts: 0 });
  });
});
