/**
 * What the build writes for hosts (`_headers`, `manifest.json`), that the pages need no
 * exception from the Content-Security-Policy, reproducible builds (the same input gives the same
 * bytes, whatever the file system) and the build's safety: a build that fails or is stopped at
 * any point leaves the previous output byte for byte and no temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, opendirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/hosting/headers.ts';
import { parseManifest } from '../../src/hosting/manifest.ts';
import {
  CACHE_IMMUTABLE,
  cacheClassOf,
  headerContentSecurityPolicy,
  IMMUTABLE_FOLDERS,
  PERMISSIONS_POLICY,
  SECURITY_HEADERS,
  API_FOLDER,
} from '../../src/hosting/policy.ts';
import { hashFile, listFiles } from '../../src/hosting/write.ts';
import { buildOnce, buildSite, fixture, removeKilledBuildsFolders, root, runCli, tempDir } from '../support/build.ts';
import { expectedPolicyMeta, inlineStyles } from '../support/page-policy.ts';
import { styleHashSource } from '../../src/hosting/style.ts';

const content = path.join(root, 'content');
const EPOCH = '1700000000';

/** Every file below `dir` with its SHA-256: what "byte for byte" means here. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (f) => [f, (await hashFile(path.join(dir, f))).sha256] as const)));
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => `${p}: ${a.get(p)?.slice(0, 8) ?? 'absent'} vs ${b.get(p)?.slice(0, 8) ?? 'absent'}`);
}

/** A folder's entries in the order the file system gives them (readdir() sorts them). */
function rawListing(folder: string): string {
  const dir = opendirSync(folder);
  const names: string[] = [];
  for (let entry = dir.readSync(); entry; entry = dir.readSync()) names.push(entry.name);
  dir.closeSync();
  return names.join(' ');
}

const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('.aushang-build-') || name.includes('.old-'));

describe('hosting files in the build', () => {
  const builds: Record<'/' | '/notfall/', string> = { '/': '', '/notfall/': '' };
  beforeAll(() => {
    builds['/'] = buildOnce(content, { SOURCE_DATE_EPOCH: EPOCH });
    builds['/notfall/'] = buildOnce(content, { SOURCE_DATE_EPOCH: EPOCH, BASE_PATH: '/notfall/' });
  });

  for (const base of ['/', '/notfall/'] as const) {
    it(`_headers (base ${base}): security headers everywhere, a year's cache only for content-named folders`, async () => {
      const dist = builds[base];
      const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
      expect(rules.map((r) => r.pattern)).toEqual([`${base}*`, ...IMMUTABLE_FOLDERS.map((f) => `${base}${f}*`), `${base}${API_FOLDER}*`]);
      // The policy names the hash of the pages' inline stylesheet, as their own <meta> does.
      const policy = headerContentSecurityPolicy(undefined, inlineStyles(readFileSync(path.join(dist, 'index.html'), 'utf8')).map(styleHashSource));
      expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*';/);
      for (const file of await listFiles(dist)) {
        const urlPath = base + file.replace(/(^|\/)index\.html$/, '$1');
        const headers = headersFor(rules, urlPath);
        for (const [name, value] of SECURITY_HEADERS) {
          expect(headers.get(name.toLowerCase()), `${name} on ${urlPath}`).toEqual([name === 'Content-Security-Policy' ? policy : value]);
        }
        // Never two Cache-Control values for one path: hosts would join them into one header.
        if (cacheClassOf(file) === 'immutable') expect(headers.get('cache-control'), urlPath).toEqual([CACHE_IMMUTABLE]);
        else expect(headers.get('cache-control'), `${urlPath} keeps the host's short default`).toBeUndefined();
        // The JSON API, and only the API, may be read from other origins.
        expect(headers.get('access-control-allow-origin'), urlPath).toEqual(file.startsWith(API_FOLDER) ? ['*'] : undefined);
      }
      expect(headersFor(rules, `${base}soest/`).get('content-security-policy')).toEqual([policy]);
      expect(headersFor(rules, `${base}soest/`).get('permissions-policy')).toEqual([PERMISSIONS_POLICY]);
    });
  }

  it('caches for a year only files named after their content; Pagefind has no other kind of file', async () => {
    const dist = builds['/'];
    const files = await listFiles(dist);
    const immutable = files.filter((f) => cacheClassOf(f) === 'immutable');
    expect(immutable.filter((f) => f.startsWith('assets/')).length).toBeGreaterThanOrEqual(1);
    for (const file of immutable) {
      expect(file).toMatch(/^(assets\/[\w.-]+\.[\w-]{8}\.(css|js)|pagefind\/(fragment|index|filter)\/[a-z-]+_[0-9a-f]{7,}\.pf_(fragment|index|filter))$/);
    }
    // Pagefind's files outside those folders keep their names from build to build (or, the
    // meta file, cannot be singled out in _headers): they must stay short-lived. A new kind
    // of file from a new Pagefind version fails here and needs a decision. `aushang-words.txt` is
    // ours: the typo word list (src/vocabulary/wordlist.ts), rewritten by every build.
    const fixedNames = /^pagefind\/(aushang-words\.txt|pagefind\.js|pagefind-entry\.json|pagefind-worker\.js|pagefind-highlight\.js|pagefind-(component-|modular-)?ui\.(js|css)|wasm\.[a-z-]+\.pagefind|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta)$/;
    for (const file of files.filter((f) => f.startsWith('pagefind/') && cacheClassOf(f) === 'short')) expect(file).toMatch(fixedNames);
  });

  it('gives a content-named file new bytes only under a new name', async () => {
    const changed = path.join(tempDir(), 'content');
    cpSync(content, changed, { recursive: true });
    const file = path.join(changed, 'towns/soest/buergerbuero.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, 'summary: Heute ab 10 Uhr wieder geöffnet.'));
    const before = await snapshot(builds['/']);
    const after = await snapshot(buildSite(changed, { SOURCE_DATE_EPOCH: EPOCH }));
    const immutable = [...after.keys()].filter((f) => cacheClassOf(f) === 'immutable');
    for (const f of immutable) if (before.has(f)) expect(after.get(f), f).toBe(before.get(f));
    // The change did reach the index, under new names.
    expect(immutable.filter((f) => f.startsWith('pagefind/') && !before.has(f)).length).toBeGreaterThan(0);
  });

  it('needs no exception from the Content-Security-Policy: no inline script or style but the site’s own stylesheet (allowed by its hash), nothing from elsewhere', async () => {
    const dist = builds['/notfall/'];
    const pages = (await listFiles(dist)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) {
      const html = readFileSync(path.join(dist, page), 'utf8');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
        // Data blocks (JSON-LD) are not scripts and CSP does not apply to them.
        if (/type="application\/(ld\+)?json"/.test(tag)) continue;
        expect(tag, page).toMatch(/ src="\/notfall\/assets\/[^"]+"/);
      }
      // The one <style> is the site's stylesheet, and the page's policy names exactly its hash.
      if (!html.includes('http-equiv="refresh"')) expect(html, page).toContain(expectedPolicyMeta(html));
      expect(inlineStyles(html).length, page).toBeLessThanOrEqual(1);
      expect(html.replace(/<style>[\s\S]*?<\/style>/, ''), page).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
      // Everything the page loads (not what it links to) comes from the site itself.
      const loads = [
        ...[...html.matchAll(/<(?:script|img|iframe|embed|source|audio|video)\b[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]!),
        ...[...html.matchAll(/<link\b[^>]*>/g)]
          .map((m) => m[0])
          .filter((tag) => !/rel="(alternate|canonical|me|author|license)"/.test(tag))
          .map((tag) => /href="([^"]*)"/.exec(tag)?.[1] ?? ''),
        ...[...html.matchAll(/<form\b[^>]*\saction="([^"]*)"/g)].map((m) => m[1]!),
      ];
      for (const url of loads) expect(url, `${page} loads ${url}`).toMatch(/^(\/notfall\/|data:)/);
    }
  });

  it('manifest.json lists every file once, sorted, with size and SHA-256, but not itself nor _headers', async () => {
    const dist = builds['/notfall/'];
    const text = readFileSync(path.join(dist, 'manifest.json'), 'utf8');
    const manifest = parseManifest(text);
    expect(manifest.base).toBe('/notfall/');
    const files = (await listFiles(dist)).filter((f) => f !== 'manifest.json' && f !== '_headers');
    expect(manifest.files.map((f) => f.path)).toEqual(files);
    for (const entry of manifest.files) {
      const actual = await hashFile(path.join(dist, entry.path));
      expect({ path: entry.path, ...actual }).toEqual(entry);
    }
    expect(text).toContain('\n    {"path":"404.html","size":');
  });
});

describe('reproducible builds', () => {
  it('two builds of the same content with SOURCE_DATE_EPOCH are byte-identical, wherever the content folder lies', async () => {
    // The same commit for both: aushang-build.json names it (the copy is in no repository).
    const env = { SOURCE_DATE_EPOCH: EPOCH, SITE_URL: 'https://notfall.example.de', BASE_PATH: '/notfall/', GITHUB_SHA: 'a'.repeat(40) };
    // The second build reads a copy of the content from a deeper folder of another name.
    const elsewhere = path.join(tempDir('aushang-elsewhere-'), 'a', 'längerer Ordner', 'inhalt');
    cpSync(content, elsewhere, { recursive: true });
    try {
      const first = await snapshot(buildSite(content, env));
      const second = await snapshot(buildSite(elsewhere, env));
      expect(first.size).toBeGreaterThan(100);
      expect(differences(first, second)).toEqual([]);
    } finally {
      rmSync(path.dirname(path.dirname(path.dirname(elsewhere))), { recursive: true, force: true });
    }
  });

  it('the search index does not depend on the order in which the file system lists the pages', async () => {
    // Pagefind numbers pages in the order it gets them; a directory walk gets them in the file
    // system's order (tmpfs: order of creation; ext4: a hash with a per-disk seed). Two copies
    // of the same pages, created in opposite orders on tmpfs, are listed differently.
    const source = buildOnce(fixture('edge'));
    const pages = (await listFiles(source)).filter((f) => f.endsWith('.html'));
    const parent = existsSync('/dev/shm') ? '/dev/shm' : tempDir();
    const copies = [pages, [...pages].reverse()].map((order, i) => {
      const dir = path.join(parent, `aushang-order-${process.pid}-${i}`);
      rmSync(dir, { recursive: true, force: true });
      for (const page of order) {
        mkdirSync(path.dirname(path.join(dir, page)), { recursive: true });
        cpSync(path.join(source, page), path.join(dir, page));
      }
      return dir;
    });
    try {
      const listings = copies.map(rawListing);
      expect(listings[0], 'precondition: the two copies are listed in different orders').not.toBe(listings[1]);
      for (const dir of copies) {
        const run = spawnSync(
          process.execPath,
          ['--input-type=module', '-e', `await (await import(${JSON.stringify(path.join(root, 'src/cli/search-index.ts'))})).buildSearchIndex(${JSON.stringify(dir)});`],
          { cwd: root, encoding: 'utf8', timeout: 120_000 },
        );
        expect(run.status, run.stderr).toBe(0);
      }
      const [a, b] = await Promise.all(copies.map((dir) => snapshot(path.join(dir, 'pagefind'))));
      expect(a!.size).toBeGreaterThan(5);
      expect(differences(a!, b!)).toEqual([]);
    } finally {
      for (const dir of copies) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a build that fails or is stopped publishes nothing', () => {
  /** A real previous build in a folder of its own; returns its output folder and parent. */
  function previousBuild(): { out: string; parent: string } {
    const out = buildSite(fixture('edge'));
    return { out, parent: path.dirname(out) };
  }

  it('a content error leaves the previous output byte for byte and no temporary folder', async () => {
    const { out, parent } = previousBuild();
    const before = await snapshot(out);
    const run = runCli('build', ['--content', fixture('bad'), '--out', out]);
    expect(run.status).toBe(1);
    expect(differences(before, await snapshot(out))).toEqual([]);
    expect(leftovers(parent)).toEqual([]);
  });

  it('a failure after Astro has run (the search index cannot be written) leaves the previous output byte for byte', async () => {
    const { out, parent } = previousBuild();
    const before = await snapshot(out);
    const run = spawnSync(
      process.execPath,
      ['--import', path.join(root, 'tests/fixtures/hooks/pagefind-write-fails.mjs'), path.join(root, 'src/cli/build.ts'), '--content', content, '--out', out],
      { cwd: root, encoding: 'utf8', env: { ...process.env, BASE_PATH: '', SITE_URL: '' }, timeout: 240_000 },
    );
    expect(run.status).toBe(1);
    // Astro did build the pages: the (fake) indexer received them.
    expect(run.stderr).toMatch(/Pagefind received [1-9]\d* pages from Astro/);
    expect(run.stderr).toContain('No space left on device (simulated)');
    expect(run.stderr).toContain('Build failed; the previous output was left as it was.');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(differences(before, await snapshot(out))).toEqual([]);
    expect(leftovers(parent)).toEqual([]);
  });

  /** Starts a build and waits until its temporary folder exists. */
  async function startBuild(out: string) {
    const child = spawn(process.execPath, [path.join(root, 'src/cli/build.ts'), '--content', content, '--out', out], {
      cwd: root,
      env: { ...process.env, BASE_PATH: '', SITE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const parent = path.dirname(out);
    const deadline = Date.now() + 60_000;
    while (!readdirSync(parent).some((n) => n.startsWith('.aushang-build-'))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the build never started:\n${output}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    // The signal handlers are set right after the folder is made; Astro takes seconds.
    await new Promise((r) => setTimeout(r, 200));
    return { child, exit, output: () => output };
  }

  it('a build stopped with SIGTERM or Ctrl-C removes its temporary folders and keeps the previous output', async () => {
    const { out, parent } = previousBuild();
    const before = await snapshot(out);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const build = await startBuild(out);
      build.child.kill(signal);
      const { code } = await build.exit;
      expect(code, build.output()).toBe(signal === 'SIGTERM' ? 143 : 130);
      expect(build.output()).toContain(`Build stopped (${signal}); the previous output was left as it was.`);
      expect(leftovers(parent)).toEqual([]);
      expect(readdirSync(path.join(root, '.astro')).filter((n) => n.startsWith(`.aushang-build-${build.child.pid}-`))).toEqual([]);
      expect(differences(before, await snapshot(out))).toEqual([]);
    }
  });

  it('the next build removes what a build killed outright (kill -9) left behind', async () => {
    const { out, parent } = previousBuild();
    const build = await startBuild(out);
    build.child.kill('SIGKILL');
    await build.exit;
    const [left] = leftovers(parent);
    expect(left).toMatch(/^\.aushang-build-\d+-/);
    // Fresh leftovers are kept (their build might run in another container); old ones go.
    const run = runCli('build', ['--content', fixture('edge'), '--out', out]);
    expect(run.status).toBe(0);
    // The last line, so the deploy log shows it: the anchor for `verify --manifest-sha256`.
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`manifest.json sha256: ${(await hashFile(path.join(out, 'manifest.json'))).sha256}`);
    expect(leftovers(parent)).toEqual([left]);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(parent, left!), hourAgo, hourAgo);
    expect(runCli('build', ['--content', fixture('edge'), '--out', out]).status).toBe(0);
    expect(leftovers(parent)).toEqual([]);
    expect(statSync(path.join(out, 'index.html')).isFile()).toBe(true);
    // The killed build's working folder in .astro/ goes the same way; don't wait ten minutes here.
    removeKilledBuildsFolders(build.child.pid!);
  });
});

describe('where the build runs', () => {
  it('two builds at once (from the same project) do not get in each other\'s way', async () => {
    const outs = [path.join(tempDir(), 'dist'), path.join(tempDir(), 'dist')];
    const runs = await Promise.all(
      outs.map(
        (out, i) =>
          new Promise<{ code: number | null; output: string }>((resolve) => {
            const child = spawn(process.execPath, [path.join(root, 'src/cli/build.ts'), '--content', i ? fixture('edge') : content, '--out', out], {
              cwd: root,
              env: { ...process.env, BASE_PATH: '', SITE_URL: '' },
            });
            let output = '';
            child.stdout.on('data', (d) => (output += d));
            child.stderr.on('data', (d) => (output += d));
            child.once('exit', (code) => resolve({ code, output }));
          }),
      ),
    );
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect(readFileSync(path.join(outs[0]!, 'index.html'), 'utf8')).toContain('Kreis Soest');
    expect(readFileSync(path.join(outs[1]!, 'index.html'), 'utf8')).toContain('Testkreis');
  });

  // /dev/shm is a tmpfs on Linux: another file system than the project's.
  const otherFileSystem = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(root).dev;
  it.skipIf(!otherFileSystem)('builds into a folder on another file system (and creates its parent)', async () => {
    const parent = path.join('/dev/shm', `aushang-test-${process.pid}`);
    const out = path.join(parent, 'www', 'dist');
    try {
      const run = runCli('build', ['--content', fixture('edge'), '--out', out]);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const manifest = parseManifest(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      expect(manifest.files.map((f) => f.path)).toEqual((await listFiles(out)).filter((f) => f !== 'manifest.json' && f !== '_headers'));
      expect(leftovers(path.dirname(out))).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
