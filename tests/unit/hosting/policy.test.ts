/** The hosting policy, `_headers` and `manifest.json` as pure functions. */
import { describe, expect, test } from 'vitest';
import { headerPatternMatches, headersFor, parseHeadersFile, renderHeadersFile } from '../../../src/hosting/headers.ts';
import {
  compareManifests,
  comparePaths,
  createManifest,
  encodePath,
  parseManifest,
  serializeManifest,
  type ManifestEntry,
} from '../../../src/hosting/manifest.ts';
import {
  CACHE_IMMUTABLE,
  cacheClassOf,
  cacheControlFor,
  CACHE_SHORT,
  CONTENT_SECURITY_POLICY,
  adminContentSecurityPolicy,
  adminContentSecurityPolicyMeta,
  headerContentSecurityPolicy,
  IMMUTABLE_FOLDERS,
  immutableFolders,
  pageContentSecurityPolicyMeta,
  styleHashesOfMeta,
} from '../../../src/hosting/policy.ts';
import { styleHashSource } from '../../../src/hosting/style.ts';

const hash = (c: string) => c.repeat(64);

describe('the policy', () => {
  test('the Content-Security-Policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  test('a page’s policy allows exactly its inline style by hash, and leaves out what only works as a header', () => {
    const page = pageContentSecurityPolicyMeta(['sha256-abc=']);
    expect(page).toBe(CONTENT_SECURITY_POLICY.replace("style-src 'self' 'unsafe-inline'", "style-src 'sha256-abc='").replace("; frame-ancestors 'none'", ''));
    expect(pageContentSecurityPolicyMeta([])).toContain("style-src 'none';");
    expect(styleHashesOfMeta(page)).toEqual(['sha256-abc=']);
    expect(styleHashesOfMeta(CONTENT_SECURITY_POLICY)).toEqual([]);
  });

  test('the hash of an inline style is the base64 SHA-256 of its UTF-8 text, as browsers compute it', () => {
    expect(styleHashSource('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(styleHashSource('a{color:red}')).toBe('sha256-6hWWMOcF+mJesSJGYhmK2lkIIEw9Xc5XKGLPVzh8yxs=');
    // Asked again after another text: still that text's hash (the last one is kept).
    expect(styleHashSource('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(styleHashSource('ä')).toBe('sha256-M+bXP+6CkEyNevt43hFU0ejcKg7bCBIOY99bk4XC2cw=');
  });

  test('a year only for the folders of content-named files', () => {
    expect(cacheControlFor('assets/Layout.CAlZq7HH.css')).toBe(CACHE_IMMUTABLE);
    expect(cacheControlFor('/pagefind/fragment/de_596a2b6.pf_fragment')).toBe(CACHE_IMMUTABLE);
    expect(cacheClassOf('pagefind/index/de_659d513.pf_index')).toBe('immutable');
    expect(cacheClassOf('pagefind/filter/de_c5e08d2.pf_filter')).toBe('immutable');
    for (const path of ['index.html', 'soest/index.html', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.de.pagefind', 'manifest.json', 'feed.xml', 'soest/assets/index.html']) {
      expect(cacheControlFor(path), path).toBe(CACHE_SHORT);
    }
  });

  test('a search index in parts: the further parts\' chunk folders as pagefind/\'s, their other files briefly', () => {
    for (const path of ['pagefind_2/fragment/de_596a2b6.pf_fragment', '/pagefind_3/index/de_659d513.pf_index', 'pagefind_12/filter/de_c5e08d2.pf_filter']) {
      expect(cacheClassOf(path), path).toBe('immutable');
    }
    for (const path of ['pagefind_2/pagefind-entry.json', 'pagefind_2/pagefind.de_abc.pf_meta', 'pagefind/aushang-parts.js', 'pagefind_2/other/x', 'pagefind-2/index/x', 'soest/pagefind_2/index/x']) {
      expect(cacheClassOf(path), path).toBe('short');
    }
  });

  test('immutableFolders: IMMUTABLE_FOLDERS, and those of each further part', () => {
    expect(immutableFolders()).toEqual([...IMMUTABLE_FOLDERS]);
    expect(immutableFolders(1)).toEqual([...IMMUTABLE_FOLDERS]);
    expect(immutableFolders(3)).toEqual([...IMMUTABLE_FOLDERS, 'pagefind_2/fragment/', 'pagefind_2/index/', 'pagefind_2/filter/', 'pagefind_3/fragment/', 'pagefind_3/index/', 'pagefind_3/filter/']);
    for (const folder of immutableFolders(3)) expect(cacheClassOf(`${folder}x`), folder).toBe('immutable');
  });
});

describe('_headers', () => {
  test('a search index in parts: each further part\'s chunk folders immutable; in one part as before', () => {
    expect(renderHeadersFile('/notfall/', undefined, [], 1)).toBe(renderHeadersFile('/notfall/'));
    const rules = parseHeadersFile(renderHeadersFile('/notfall/', undefined, [], 2));
    expect(rules.map((r) => r.pattern)).toEqual([
      '/notfall/*',
      '/notfall/assets/*',
      '/notfall/pagefind/fragment/*',
      '/notfall/pagefind/index/*',
      '/notfall/pagefind/filter/*',
      '/notfall/pagefind_2/fragment/*',
      '/notfall/pagefind_2/index/*',
      '/notfall/pagefind_2/filter/*',
      '/notfall/api/*',
    ]);
    expect(headersFor(rules, '/notfall/pagefind_2/index/de_1.pf_index').get('cache-control')).toEqual([CACHE_IMMUTABLE]);
    expect(headersFor(rules, '/notfall/pagefind_2/pagefind-entry.json').get('cache-control')).toBeUndefined();
  });

  test('every rule starts with the base path', () => {
    const rules = parseHeadersFile(renderHeadersFile('/notfall/'));
    expect(rules.map((r) => r.pattern)).toEqual(['/notfall/*', '/notfall/assets/*', '/notfall/pagefind/fragment/*', '/notfall/pagefind/index/*', '/notfall/pagefind/filter/*', '/notfall/api/*']);
    expect(headersFor(rules, '/notfall/api/v1/towns.json').get('access-control-allow-origin')).toEqual(['*']);
    expect(headersFor(rules, '/notfall/soest/').get('access-control-allow-origin')).toBeUndefined();
    expect(headersFor(rules, '/notfall/assets/x.css').get('cache-control')).toEqual([CACHE_IMMUTABLE]);
    expect(headersFor(rules, '/notfall/soest/').get('cache-control')).toBeUndefined();
    expect(headersFor(rules, '/assets/x.css').size).toBe(0);
  });

  test('patterns match like Netlify and Cloudflare', () => {
    expect(headerPatternMatches('/*', '/')).toBe(true);
    expect(headerPatternMatches('/assets/*', '/assets/a/b.js')).toBe(true);
    expect(headerPatternMatches('/assets/*', '/soest/assets/a.js')).toBe(false);
    expect(headerPatternMatches('/:town/feed.xml', '/soest/feed.xml')).toBe(true);
    expect(headerPatternMatches('/:town/feed.xml', '/a/b/feed.xml')).toBe(false);
    expect(headerPatternMatches('/a.b', '/aXb')).toBe(false);
  });
});

describe('manifest.json', () => {
  const entry = (path: string, size = 1, c = 'a'): ManifestEntry => ({ path, size, sha256: hash(c) });

  test('sorted by UTF-8 bytes, not by locale', () => {
    const paths = ['b.html', 'Z.html', 'ä/index.html', 'a/index.html', 'a.html', 'a/b.html'];
    expect(createManifest('/', paths.map((p) => entry(p))).files.map((f) => f.path)).toEqual([
      'Z.html',
      'a.html',
      'a/b.html',
      'a/index.html',
      'b.html',
      'ä/index.html',
    ]);
    expect(comparePaths('a', 'a')).toBe(0);
  });

  test('one file a line; reads back what it writes', () => {
    const manifest = createManifest('/notfall/', [entry('b.html', 2, 'b'), entry('a.html')]);
    const text = serializeManifest(manifest);
    expect(text).toBe(
      `{\n  "format": 1,\n  "base": "/notfall/",\n  "files": [\n    {"path":"a.html","size":1,"sha256":"${hash('a')}"},\n    {"path":"b.html","size":2,"sha256":"${hash('b')}"}\n  ]\n}\n`,
    );
    expect(parseManifest(text)).toEqual(manifest);
    expect(serializeManifest(createManifest('/', []))).toBe('{\n  "format": 1,\n  "base": "/",\n  "files": []\n}\n');
  });

  test('rejects what is not a manifest, and paths that leave the site', () => {
    expect(() => parseManifest('<html>')).toThrow('is not JSON');
    expect(() => parseManifest('{"format": 2, "base": "/", "files": []}')).toThrow('has format 2, expected 1');
    for (const path of ['../etc/passwd', '/abs.html', 'a//b', 'a\\b', '']) {
      expect(() => parseManifest(JSON.stringify({ format: 1, base: '/', files: [entry(path)] })), path).toThrow('files[0]');
    }
    expect(() => parseManifest(JSON.stringify({ format: 1, base: '/', files: [{ path: 'a', size: 1, sha256: 'XYZ' }] }))).toThrow('files[0]');
    expect(() => createManifest('/', [entry('a'), entry('a')])).toThrow('a is listed twice');
  });

  test('compares two manifests file by file', () => {
    const local = createManifest('/', [entry('a.html'), entry('b.html'), entry('c.html')]);
    const remote = createManifest('/', [entry('a.html'), entry('c.html', 2, 'c'), entry('d.html')]);
    expect(compareManifests(local, remote).map((d) => `${d.kind} ${d.path}`)).toEqual(['missing b.html', 'changed c.html', 'extra d.html']);
  });

  test('encodes each path segment for a URL', () => {
    expect(encodePath('soest/bürger büro/index.html')).toBe('soest/b%C3%BCrger%20b%C3%BCro/index.html');
  });
});

describe('the web editor’s policy (/admin/)', () => {
  test('its own policy allows the Git host’s API and nothing else from elsewhere', () => {
    expect(adminContentSecurityPolicy(['https://api.github.com'])).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' blob: data: https://api.github.com; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(adminContentSecurityPolicyMeta(['https://gitlab.com'])).not.toContain('frame-ancestors');
    expect(adminContentSecurityPolicyMeta(['https://gitlab.com'])).toContain("connect-src 'self' blob: data: https://gitlab.com;");
  });

  test('without an editor, _headers sends the pages’ policy, with their style’s hash when known', () => {
    expect(headerContentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    expect(headerContentSecurityPolicy(undefined, ['sha256-abc='])).toBe(`${pageContentSecurityPolicyMeta(['sha256-abc='])}; frame-ancestors 'none'`);
    expect(headersFor(parseHeadersFile(renderHeadersFile('/', undefined, ['sha256-abc='])), '/soest/').get('content-security-policy')).toEqual([
      headerContentSecurityPolicy(undefined, ['sha256-abc=']),
    ]);
    expect(renderHeadersFile('/')).toBe(renderHeadersFile('/', undefined));
    expect(headersFor(parseHeadersFile(renderHeadersFile('/')), '/soest/').get('content-security-policy')).toEqual([CONTENT_SECURITY_POLICY]);
  });

  test('with an editor, the header allows what either page needs; each page narrows it with its <meta>', () => {
    const header = headerContentSecurityPolicy(['https://api.github.com'], ['sha256-abc=']);
    // No hash with an editor: it would switch off the 'unsafe-inline' the editor page needs.
    expect(header).toBe(headerContentSecurityPolicy(['https://api.github.com']));
    expect(header).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' blob: data: https://api.github.com; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; font-src 'self'",
    );
    const rules = parseHeadersFile(renderHeadersFile('/', ['https://api.github.com']));
    expect(headersFor(rules, '/admin/').get('content-security-policy')).toEqual([header]);
    // Every source of each page's own policy is in the header, so the header never blocks more than the page's policy.
    for (const policy of [CONTENT_SECURITY_POLICY, adminContentSecurityPolicy(['https://api.github.com'])]) {
      for (const part of policy.split('; ')) {
        const [directive, ...sources] = part.split(' ');
        const allowed = header.split('; ').find((d) => d.startsWith(`${directive} `))!.split(' ');
        for (const source of sources) expect(allowed, `${directive} ${source}`).toContain(source);
      }
    }
  });
});
