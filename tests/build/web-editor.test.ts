/**
 * The web editor at /admin/ is built only for a site.yaml with an `editor:` block. With
 * `editor: false` the build is what it was before there was an editor: no page, no script, no
 * assets. With an editor, the page is not content: noindex, not in the search index, the
 * sitemap or robots' allowed paths, and it has its own Content-Security-Policy naming the one
 * Git host; every other page keeps the site's policy.
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/hosting/headers.ts';
import { adminContentSecurityPolicyMeta, headerContentSecurityPolicy, styleHashesOfMeta } from '../../src/hosting/policy.ts';
import { expectedPolicyMeta, inlineStyles } from '../support/page-policy.ts';
import { styleHashSource } from '../../src/hosting/style.ts';
import { editorBundle } from '../../src/editor/bundle.ts';
import { buildOnce, fixture, readPage, tempDir } from '../support/build.ts';

const SITE_URL = 'https://notfall.example';
const GITLAB = 'https://git.kreis.example';

function withSiteYaml(extra: string): string {
  const content = path.join(tempDir(), 'content');
  cpSync(fixture('edge'), content, { recursive: true });
  const file = path.join(content, 'site.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8')}${extra}`);
  return content;
}

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

let without: string;
let withEditor: string;

beforeAll(() => {
  without = buildOnce(withSiteYaml('editor: false\n'), { SITE_URL });
  withEditor = buildOnce(withSiteYaml(`editor:\n  backend: gitlab\n  repo: kreis/notfall\n  url: ${GITLAB}\n  appId: 0123abcd\n  review: true\n`), { SITE_URL });
});

describe('editor: false', () => {
  it('builds no /admin/ and none of its files: the assets are the search script and the "Stand" script (the stylesheet is inlined)', () => {
    const all = files(without);
    expect(existsSync(path.join(without, 'admin'))).toBe(false);
    expect(all.filter((f) => /admin|sveltia/i.test(f))).toEqual([]);
    const assets = readdirSync(path.join(without, 'assets'));
    expect(assets).toHaveLength(2);
    expect(assets.filter((f) => f.endsWith('.js'))).toHaveLength(2);
    const bytes = assets.reduce((sum, f) => sum + statSync(path.join(without, 'assets', f)).size, 0);
    expect(bytes).toBeLessThan(40 * 1024);
  });

  it('sends the pages’ policy with their style’s hash, and robots.txt does not mention an editor', () => {
    const rules = parseHeadersFile(readFileSync(path.join(without, '_headers'), 'utf8'));
    const style = inlineStyles(readPage(without, '/'));
    expect(style).toHaveLength(1);
    expect(headersFor(rules, '/testdorf/').get('content-security-policy')).toEqual([headerContentSecurityPolicy(undefined, [styleHashSource(style[0]!)])]);
    expect(readFileSync(path.join(without, 'robots.txt'), 'utf8')).not.toContain('admin');
  });
});

describe('with an editor block', () => {
  it('builds /admin/ with its own policy, noindex, and the generated configuration', () => {
    const html = readPage(withEditor, '/admin/');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${adminContentSecurityPolicyMeta([GITLAB])}">`);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<html lang="de">');
    const config = JSON.parse(/data-config="([^"]*)"/.exec(html)![1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'"));
    expect(config.backend).toEqual({ name: 'gitlab', repo: 'kreis/notfall', branch: 'main', api_root: `${GITLAB}/api/v4`, base_url: GITLAB, auth_type: 'pkce', app_id: '0123abcd' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.collections.map((c: { name: string }) => c.name)).toEqual(['services', 'towns', 'incidents', 'pages']);
  });

  it('loads the script bundled once with the package (not by this build): its entry, and every file of it in assets/', async () => {
    const bundle = await editorBundle();
    const html = readPage(withEditor, '/admin/');
    expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1])).toEqual([`/assets/${bundle.entry}`]);
    for (const file of bundle.files) expect(readFileSync(path.join(withEditor, 'assets', file)).equals(readFileSync(path.join(bundle.dir, file))), file).toBe(true);
  });

  it('every other page keeps the site’s policy and has no script of the editor', () => {
    for (const page of ['/', '/testdorf/', '/testdorf/buergerbuero/', '/suche/']) {
      const html = readPage(withEditor, page);
      expect(html, page).toContain(expectedPolicyMeta(html));
      expect(styleHashesOfMeta(expectedPolicyMeta(html)), page).toHaveLength(1);
      expect(html, page).not.toMatch(/AdminPage|sveltia/i);
    }
    const rules = parseHeadersFile(readFileSync(path.join(withEditor, '_headers'), 'utf8'));
    expect(headersFor(rules, '/admin/').get('content-security-policy')).toEqual([headerContentSecurityPolicy([GITLAB])]);
  });

  it('keeps /admin/ out of the search index, the sitemap and robots’ allowed paths', () => {
    const sitemap = readFileSync(path.join(withEditor, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`${SITE_URL}/testdorf/`);
    expect(sitemap).not.toContain('/admin/');
    expect(readFileSync(path.join(withEditor, 'robots.txt'), 'utf8')).toContain('Disallow: /admin/\n');
    const fragments = readdirSync(path.join(withEditor, 'pagefind', 'fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    for (const name of fragments) {
      const raw = gunzipSync(readFileSync(path.join(withEditor, 'pagefind', 'fragment', name))).toString('utf8');
      const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string };
      expect(fragment.url).not.toContain('/admin/');
    }
  });

  it('lists the editor’s files in manifest.json like any other', () => {
    const manifest = JSON.parse(readFileSync(path.join(withEditor, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toContain('admin/index.html');
  });
});
