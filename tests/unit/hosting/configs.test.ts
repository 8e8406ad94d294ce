/**
 * The example server configs in hosting/ say what src/hosting/policy.ts says.
 *
 * nginx is also started with both configs in tests/e2e/hosting.test.ts. Apache is not installed
 * on the test machines (.ci/run installs nginx only, and the project does not want a second web
 * server there), and `apache2 -t` would not read an .htaccess file anyway (Apache reads it per
 * request). So the .htaccess files are checked here by reading them: only directives Apache 2.4
 * allows in .htaccess, balanced sections, no trailing comments (Apache has none), and the
 * header values, MIME types, error page and cache rule of the policy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADMIN_FOLDER, API_FOLDER, API_HEADERS, CACHE_IMMUTABLE, CACHE_SHORT, cacheClassOf, CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/hosting/policy.ts';

const hosting = path.resolve(import.meta.dirname, '../../../hosting');
const read = (file: string) => readFileSync(path.join(hosting, file), 'utf8');

/** Site paths (below the base) of every kind the build writes. */
const samples = [
  '',
  'index.html',
  'soest/',
  'soest/buergerbuero/',
  'soest/feed.xml',
  'assets/Layout.CAlZq7HH.css',
  'assets/index.astro_astro_type_script_index_0_lang.C4xeU1hn.js',
  'pagefind/pagefind.js',
  'pagefind/pagefind-entry.json',
  'pagefind/wasm.de.pagefind',
  'pagefind/pagefind.de_b75d7a2967.pf_meta',
  'pagefind/fragment/de_596a2b6.pf_fragment',
  'pagefind/index/de_659d513.pf_index',
  'pagefind/filter/de_c5e08d2.pf_filter',
  // A search index in parts (src/model/search-parts.ts): the further parts as the first.
  'pagefind/aushang-parts.js',
  'pagefind_2/pagefind-entry.json',
  'pagefind_2/pagefind.de_b75d7a2967.pf_meta',
  'pagefind_2/fragment/de_596a2b6.pf_fragment',
  'pagefind_3/index/de_659d513.pf_index',
  'pagefind_12/filter/de_c5e08d2.pf_filter',
  'api/v1/towns.json',
  'manifest.json',
  'anliegen/a/',
  // The service worker: short-cached, so an update (or its removal, `offline: false`) arrives.
  'sw.js',
];

const variants = [
  { base: '/', nginx: 'nginx/aushang.conf', apache: 'apache/htaccess' },
  { base: '/notfall/', nginx: 'nginx/aushang-notfall.conf', apache: 'apache/htaccess-notfall' },
];

const pagefindBinaries = ['.pagefind', '.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter'];

describe.each(variants)('hosting/$apache (base $base)', ({ base, apache }) => {
  const text = read(apache);
  const lines = text.split('\n').map((line, i) => ({ n: i + 1, line: line.trim() })).filter(({ line }) => line && !line.startsWith('#'));

  test('uses only directives Apache 2.4 allows in .htaccess, in balanced sections', () => {
    const allowed = new Set(['Options', 'DirectoryIndex', 'DirectorySlash', 'ErrorDocument', 'AddType', 'AddCharset', 'Header', 'AddOutputFilterByType']);
    const modules = new Set(['mod_mime.c', 'mod_headers.c', 'mod_deflate.c']);
    const stack: string[] = [];
    for (const { n, line } of lines) {
      const where = `${apache}:${n}: ${line}`;
      expect(line.split('"').length % 2, `${where}: unbalanced quotes`).toBe(1);
      expect(line, `${where}: Apache has no comments after a directive`).not.toMatch(/\s#(?![^"]*"\s*>?$)/);
      const open = /^<(IfModule|If)\s+(.+)>$/.exec(line);
      const close = /^<\/(IfModule|If)>$/.exec(line);
      if (open) {
        if (open[1] === 'IfModule') expect(modules, where).toContain(open[2]);
        else expect(open[2], where).toMatch(/^"%\{REQUEST_URI\} =~ m#.+#"$/);
        stack.push(open[1]!);
      } else if (close) {
        expect(stack.pop(), where).toBe(close[1]);
      } else {
        expect(allowed, where).toContain(line.split(/\s+/)[0]);
      }
    }
    expect(stack).toEqual([]);
  });

  test('sends the security headers of the policy, always', () => {
    const headers = lines.map(({ line }) => /^Header always set (\S+) "(.*)"$/.exec(line)).filter((m) => m !== null);
    // Besides `set`, only the one `unset` for the web editor (its own test below).
    expect(lines.filter(({ line }) => line.startsWith('Header ')).length).toBe(headers.length + 1);
    const set = headers.map((m) => [m[1]!, m[2]!] as const);
    for (const [name, value] of SECURITY_HEADERS) expect(set.filter(([n]) => n === name), name).toEqual([[name, value]]);
    expect(set.filter(([n]) => n === 'Cache-Control').map(([, v]) => v)).toEqual([CACHE_SHORT, CACHE_IMMUTABLE]);
  });

  test('caches for a year exactly what the policy says', () => {
    const expression = /<If "%\{REQUEST_URI\} =~ m#(.+)#">/.exec(text)![1]!;
    const immutable = new RegExp(expression);
    for (const sample of samples) {
      expect(immutable.test(base + sample), base + sample).toBe(cacheClassOf(sample) === 'immutable');
    }
    // Only the immutable Cache-Control is inside the <If>.
    expect(text.slice(text.indexOf('<If '), text.indexOf('</If>'))).toContain(`Header always set Cache-Control "${CACHE_IMMUTABLE}"`);
  });

  test('lets other origins read the JSON API, and nothing else', () => {
    const second = text.indexOf('<If ', text.indexOf('</If>'));
    const block = text.slice(second, text.indexOf('</If>', second));
    const api = new RegExp(/<If "%\{REQUEST_URI\} =~ m#(.+)#">/.exec(block)![1]!);
    expect(block).toContain(`Header always set ${API_HEADERS[0]![0]} "${API_HEADERS[0]![1]}"`);
    for (const sample of samples) expect(api.test(base + sample), base + sample).toBe(sample.startsWith(API_FOLDER));
  });

  test('pretty URLs, the 404 page below the base, and the MIME types Pagefind needs', () => {
    const directives = lines.map(({ line }) => line);
    expect(directives).toContain('Options -Indexes -MultiViews');
    expect(directives).toContain('DirectoryIndex index.html');
    expect(directives).toContain('DirectorySlash On');
    expect(directives).toContain(`ErrorDocument 404 ${base}404.html`);
    expect(directives).toContain('AddType application/wasm .wasm');
    expect(directives).toContain(`AddType application/octet-stream ${pagefindBinaries.join(' ')}`);
    const deflate = directives.find((d) => d.startsWith('AddOutputFilterByType DEFLATE'))!;
    expect(deflate.split(/\s+/)).toEqual(expect.arrayContaining(['text/html', 'text/css', 'application/json', 'image/svg+xml']));
    expect(deflate).not.toContain('octet-stream');
  });

  test('sends no policy header for the web editor, whose page carries its own', () => {
    const block = text.slice(text.indexOf(`<If "%{REQUEST_URI} =~ m#^${base}${ADMIN_FOLDER}#">`));
    expect(block.slice(0, block.indexOf('</If>'))).toContain('Header always unset Content-Security-Policy');
  });
});

describe.each(variants)('hosting/$nginx (base $base)', ({ base, nginx }) => {
  const text = read(nginx);

  test('sends the security headers of the policy, always', () => {
    const headers = [...text.matchAll(/^\s*add_header (\S+) (.+) always;$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(headers.map(([name]) => name)).toEqual(['Cache-Control', ...SECURITY_HEADERS.map(([name]) => name), 'Access-Control-Allow-Origin']);
    for (const [name, value] of SECURITY_HEADERS) {
      // The policy comes from a map: none for the web editor, whose page carries its own.
      if (name === 'Content-Security-Policy') expect(headers.find(([n]) => n === name)![1]).toMatch(/^\$aushang_(notfall_)?csp$/);
      else expect(headers.find(([n]) => n === name)![1]).toBe(`"${value}"`);
    }
    const csp = /map \$uri \$aushang_(?:notfall_)?csp \{([^}]+)\}/.exec(text)![1]!;
    const entries = [...csp.matchAll(/^\s*(\S+|"[^"]+")\s+"([^"]*)";$/gm)].map((m) => [m[1]!.replace(/^"|"$/g, ''), m[2]!]);
    expect(entries).toEqual([
      ['default', CONTENT_SECURITY_POLICY],
      [`~^${base}${ADMIN_FOLDER}`, ''],
    ]);
    // Every add_header is at one level: a location with its own add_header would drop the others.
    expect(text.match(/^\s*add_header\b/gm)?.length).toBe(headers.length);
  });

  test('its cache map says what the policy says', () => {
    const map = /map \$uri \$\w+ \{([^}]+)\}/.exec(text)![1]!;
    const entries = [...map.matchAll(/^\s*(\S+|"[^"]+")\s+"([^"]+)";$/gm)].map((m) => [m[1]!.replace(/^"|"$/g, ''), m[2]!] as const);
    expect(entries[0]).toEqual(['default', CACHE_SHORT]);
    const [pattern, value] = entries[1]!;
    expect(value).toBe(CACHE_IMMUTABLE);
    const immutable = new RegExp(pattern.replace(/^~/, ''));
    for (const sample of samples) {
      expect(immutable.test(base + sample), base + sample).toBe(cacheClassOf(sample) === 'immutable');
    }
  });

  test("sends Pagefind's binaries of every part as octet-stream", () => {
    const location = new RegExp(/location ~ (\S+pf_filter\)\$) \{/.exec(text)![1]!);
    for (const sample of samples) {
      const binary = /^pagefind(_\d+)?\//.test(sample) && pagefindBinaries.some((ending) => sample.endsWith(ending));
      expect(location.test(base + sample), base + sample).toBe(binary);
    }
  });

  test('lets other origins read the JSON API, and nothing else', () => {
    const map = /map \$uri \$\w+_cors \{([^}]+)\}/.exec(text)![1]!;
    const entries = [...map.matchAll(/^\s*(\S+|"[^"]+")\s+"([^"]*)";$/gm)].map((m) => [m[1]!.replace(/^"|"$/g, ''), m[2]!] as const);
    expect(entries[0]).toEqual(['default', '']);
    const [pattern, value] = entries[1]!;
    expect(value).toBe(API_HEADERS[0]![1]);
    const api = new RegExp(pattern.replace(/^~/, ''));
    for (const sample of samples) expect(api.test(base + sample), base + sample).toBe(sample.startsWith(API_FOLDER));
  });
});
