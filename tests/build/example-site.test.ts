/**
 * Builds the example content (the 2023 Südwestfalen-IT notices) and reads the HTML as a
 * citizen's browser would get it, with no JavaScript.
 */
import { inlineStyles } from '../support/page-policy.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/model/site.ts';
import type { Site } from '../../src/model/types.ts';
import { buildOnce, compareLinkTargets, readPage, root } from '../support/build.ts';

let dist: string;
let site: Site;

beforeAll(async () => {
  dist = buildOnce(path.join(root, 'content'));
  const result = await loadSite(path.join(root, 'content'), { urls: { base: '/' } });
  if (!result.ok) throw new Error('example content has errors');
  site = result.site;
});

function allHtml(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? allHtml(p) : name.endsWith('.html') ? [p] : [];
  });
}

describe('the example site', () => {
  it('marks old notices as possibly outdated while the incident is open, also a service that says normal', () => {
    // Built now, the 2023 notices are years old; only a quiet notice would not age.
    for (const page of ['/', '/soest/', '/soest/buergerbuero/', '/soest/allris/']) {
      const html = readPage(dist, page);
      expect(html, page).toContain('könnten veraltet sein');
      // Old already when built: the note is in the HTML, and no script is needed to decide it.
      expect(html, page).not.toContain('data-stale-from');
    }
  });

  it('has a page for every town, service, incident and plain page', () => {
    const paths = [
      '/',
      '/anliegen/',
      '/suche/',
      ...site.towns.flatMap((t) => [t.path, ...t.services.map((s) => s.path)]),
      ...site.incidents.map((i) => i.path),
      ...site.pages.map((p) => p.path),
    ];
    expect(paths.length).toBeGreaterThan(40);
    for (const p of paths) expect(() => readPage(dist, p), p).not.toThrow();
    expect(readPage(dist, '404.html')).toContain('Seite nicht gefunden');
  });

  it('makes every page and anchor the link checker accepts, and no other page', async () => {
    expect(await compareLinkTargets(dist, path.join(root, 'content'))).toBeGreaterThan(40);
  });

  it('encodes the seed: every town the article names', () => {
    expect(site.towns.map((t) => t.slug)).toEqual(
      expect.arrayContaining(['soest', 'werl', 'kreis-soest', 'hochsauerlandkreis', 'maerkischer-kreis', 'kreis-olpe', 'kreis-siegen-wittgenstein']),
    );
    expect(site.town('soest')!.parent).toBe('kreis-soest');
    expect(site.town('soest')!.services.map((s) => s.slug)).toEqual(
      expect.arrayContaining(['buergerbuero', 'allerheiligenkirmes', 'kita-vormerkung', 'rechnungen', 'standesamt', 'sperrmuell', 'website']),
    );
    expect(site.incident('sit-2023')!.towns).toHaveLength(7);
  });

  it('shows the Soest Bürgerbüro with status texts, phone link, times as written and tasks', () => {
    const html = readPage(dist, '/soest/buergerbuero/');
    expect(html).toContain('<h1>Bürgerbüro');
    expect(html).toMatch(/class="tag tag-limited"[^>]*>Eingeschränkt</);
    expect(html).toContain('Nur Annahme');
    expect(html).toContain('Nicht möglich');
    expect(html).toContain('href="tel:+4929211032127"');
    expect(html).toMatch(/>\s*02921 \/ 103-2127\s*<\/a>/);
    expect(html).toContain('<time datetime="2023-11-03T14:17:00+01:00">Freitag, 03.11.2023, 14:17 Uhr</time>');
    expect(html).toContain('<time datetime="2023-11-06">Montag, 06.11.2023</time>');
    expect(html).toMatch(/<h3 id="anliegen-personalausweis-oder-reisepass-beantragen"/);
  });

  it('shows Werl with its fax number as written and its postal address as a block', () => {
    const html = readPage(dist, '/werl/');
    expect(html).toContain('02922-8003298');
    expect(html).not.toContain('tel:+4929228003298');
    expect(html).toMatch(/<address class="post"[^>]*>\s*Wallfahrtsstadt Werl<br>Hedwig-Dransfeld-Str. 23-23a<br>59457 Werl\s*<\/address>/);
  });

  it('links a town to its district and the district’s services', () => {
    const html = readPage(dist, '/soest/');
    expect(html).toContain('href="/kreis-soest/"');
    expect(html).toContain('href="/kreis-soest/kfz-zulassung/"');
    expect(readPage(dist, '/kreis-soest/')).toContain('href="/soest/"');
  });

  it('shows the towns on the home page under their district, one row each, summaries on the town pages', () => {
    const html = readPage(dist, '/');
    expect(html).toContain('<h3 id="gruppe-kreis-soest" class="group-title">Kreis Soest</h3>');
    expect(html).toContain('<a href="#gruppe-kreis-soest">Kreis Soest</a>');
    expect(html.replace(/\s+/g, ' ')).toMatch(
      /<a href="\/soest\/">Soest<\/a> <span class="town-status"> <strong class="tag tag-limited">Eingeschränkt<\/strong> <span class="count"> <span aria-hidden="true">\d+ von 17<\/span> <span class="vh">\d+ von 17 Diensten eingeschränkt<\/span>/,
    );
    for (const town of site.towns) {
      expect(html).toContain(`<a href="${town.path}">${town.name}</a>`);
      expect(html, town.slug).not.toContain(town.summary.html);
      expect(readPage(dist, town.path), town.slug).toContain(town.summary.html);
    }
  });

  it('shows each service’s own Stand in the town’s list of services', () => {
    const html = readPage(dist, '/werl/');
    for (const service of site.town('werl')!.services) {
      const card = html.slice(html.indexOf(`<a href="${service.path}">`));
      expect(card.slice(0, card.indexOf('</li>')), service.slug).toContain(`Stand: <time datetime="${service.lastChange.iso}">`);
    }
  });

  it('links Impressum, Datenschutz and Barrierefreiheit from every page, the notice’s screen view too', () => {
    const legal = ['/impressum/', '/datenschutz/', '/barrierefreiheit/'];
    for (const file of allHtml(dist)) {
      const html = readFileSync(file, 'utf8');
      if (html.includes('http-equiv="refresh"')) continue;
      const nav = html.slice(html.search(/<footer class="site-footer"|<nav class="notice-legal"/));
      for (const href of legal) expect(nav, `${file} ${href}`).toContain(`href="${href}"`);
    }
  });

  it('lists every task and service A–Z with town and status', () => {
    const html = readPage(dist, '/anliegen/');
    for (const entry of site.index) expect(html).toContain(`href="${entry.path}"`);
    expect(html).toContain('Personalausweis oder Reisepass beantragen');
  });

  it('lists the incident’s towns with how many services are restricted', () => {
    const html = readPage(dist, '/stoerungen/sit-2023/');
    expect(html).toMatch(/\d+ von \d+ Diensten eingeschränkt/);
    expect(html).toContain('href="/werl/"');
  });

  /** The web editor (a site with `editor:` in site.yaml) is a script application, exempt from both bars. */
  const editorPage = path.join('admin', 'index.html');

  /**
   * Every page loads the one page script (src/scripts/page.ts: the "Stand" check, the offline
   * service worker's registration, search files loaded on focus), a module file under /assets/;
   * the search page its own besides. Nothing inline, nothing else.
   */
  it('ships no JavaScript but the page script (≤ 1 KB gzip) and, on the search page, the search script; and one stylesheet', () => {
    const pageScripts = new Set<string>();
    for (const file of allHtml(dist)) {
      if (file.endsWith(editorPage)) continue;
      const html = readFileSync(file, 'utf8');
      const scripts = html.match(/<script(?![^>]*application\/ld\+json)[^>]*>/g) ?? [];
      const sources = scripts.map((tag) => /^<script type="module" src="\/assets\/([^"/]+\.js)">$/.exec(tag)?.[1]);
      expect(sources.every(Boolean), `${file}: ${scripts.join(' ')}`).toBe(true);
      expect(sources.filter((name) => name!.startsWith('Head.astro')), file).toHaveLength(1);
      pageScripts.add(sources.find((name) => name!.startsWith('Head.astro'))!);
      expect(sources, file).toHaveLength(file.endsWith(path.join('suche', 'index.html')) ? 2 : 1);
      expect(html.match(/<link rel="stylesheet"/g)?.length ?? 0, file).toBeLessThanOrEqual(1);
    }
    expect(pageScripts.size).toBe(1);
    expect(gzipSync(readFileSync(path.join(dist, 'assets', [...pageScripts][0]!)), { level: 9 }).length).toBeLessThanOrEqual(1024);
    // No third file that a page would load besides: what the search script shares with the page
    // script (the rule of planned changes, src/core/planned.ts) is in the page script's file.
    const files = readdirSync(path.join(dist, 'assets')).filter((n) => n.endsWith('.js'));
    expect(files).toHaveLength(2);
    const search = readFileSync(path.join(dist, 'assets', files.find((n) => !pageScripts.has(n))!), 'utf8');
    expect([...search.matchAll(/\bfrom\s*"\.\/([^"]+)"/g)].map((m) => m[1])).toEqual([...pageScripts]);
  });

  it('writes the offline service worker at the base, small, named on every page', () => {
    const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
    expect(sw).toContain('function offlineWorker(config)');
    expect(sw).toContain('"note":"Offline gespeichert, Stand {time}.');
    expect(() => new Function(sw)).not.toThrow();
    expect(gzipSync(sw, { level: 9 }).length).toBeLessThanOrEqual(2.5 * 1024);
    expect(readPage(dist, '/')).toContain('<html lang="de" dir="ltr" data-sw="/sw.js">');
  });

  it('keeps every page, its stylesheet inlined, within 14 KB gzip (the first round trip): no stylesheet to fetch', () => {
    expect(readdirSync(path.join(dist, 'assets')).filter((n) => n.endsWith('.css'))).toEqual([]);
    for (const file of allHtml(dist)) {
      if (file.endsWith(editorPage)) continue;
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('<link rel="stylesheet"');
      if (!html.includes('http-equiv="refresh"')) expect(inlineStyles(html), file).toHaveLength(1);
      expect(gzipSync(html, { level: 9 }).length, file).toBeLessThanOrEqual(14 * 1024);
    }
  });

  it('renders every interface string: no unfilled {placeholders} and no i18n keys', () => {
    for (const file of allHtml(dist)) {
      // The search page hands its message templates to its script in data-labels.
      const text = readFileSync(file, 'utf8').replace(/data-labels="[^"]*"/, '');
      expect(text, file).not.toMatch(/\{[a-z]+\}/);
      expect(text, file).not.toMatch(/>(status|layout|facts|town|service)\.[a-zA-Z]+</);
    }
  });
});

describe('the search index', () => {
  /** What Pagefind indexed, page by page: its fragments are gzipped JSON. */
  function fragments(): { url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string> }[] {
    const dir = path.join(dist, 'pagefind/fragment');
    return readdirSync(dir).map((name) => {
      const raw = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
      return JSON.parse(raw.slice(raw.indexOf('{')));
    });
  }

  it('holds every town, service and incident page, and nothing else', () => {
    const urls = fragments().map((f) => f.url).sort();
    const expected = [
      ...site.towns.flatMap((t) => [t.path, ...t.services.map((s) => s.path)]),
      ...site.incidents.map((i) => i.path),
    ].sort();
    expect(urls).toEqual(expected);
  });

  it('leaves out navigation, footers, forms and repeated labels', () => {
    for (const fragment of fragments()) {
      for (const boilerplate of ['Zum Inhalt springen', 'Startseite', 'Herausgegeben von', 'Bürgertelefon', 'Anliegen suchen', 'Anliegen A–Z', 'Gestört seit', 'Stand Freitag']) {
        expect(fragment.content, `${fragment.url}: ${boilerplate}`).not.toContain(boilerplate);
      }
    }
  });

  it('indexes keywords, and carries town, status and kind as filters and meta', () => {
    const buergerbuero = fragments().find((f) => f.url === '/soest/buergerbuero/')!;
    expect(buergerbuero.content).toContain('Perso');
    expect(buergerbuero.filters.town).toEqual(['Soest']);
    expect(buergerbuero.filters.kind!.sort()).toEqual(['service', 'task']);
    expect(buergerbuero.filters.status!.sort()).toEqual(['deferred', 'limited', 'unavailable']);
    expect(buergerbuero.meta).toMatchObject({
      title: 'Bürgerbüro',
      town: 'Soest',
      status: 'limited',
      statusLabel: 'Eingeschränkt',
      stand: 'Freitag, 03.11.2023, 14:17 Uhr',
      't-anliegen-personalausweis-oder-reisepass-beantragen': 'unavailable',
    });
  });

  it('is German, so German stemming applies', () => {
    expect(readdirSync(path.join(dist, 'pagefind')).some((name) => /^wasm\.de\./.test(name))).toBe(true);
    expect(readPage(dist, '/')).toContain('<html lang="de"');
  });
});
