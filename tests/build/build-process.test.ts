/**
 * `aushang build` in two processes: the check and Astro run in a child (src/cli/build-pages.ts),
 * the search index, hosting files and the swap in the parent (src/cli/build.ts), which never
 * loads the content model or Astro — so Pagefind runs beside no process holding Astro's memory.
 * What the user sees stays as with one process: check's messages and exit code, no stack trace,
 * and whatever ends the child, no temporary folder and the previous output byte for byte.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { hashFile, listFiles } from '../../src/hosting/write.ts';
import { buildSearchIndex, indexedPart } from '../../src/cli/search-index.ts';
import { indexedPages } from '../../src/cli/search-feed.ts';
import { loadSite } from '../../src/model/site.ts';
import { buildSite, fixture, removeKilledBuildsFolders, root, runCli, tempDir } from '../support/build.ts';

const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('.aushang-build-') || name.includes('.old-'));

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = await listFiles(dir);
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, (await hashFile(path.join(dir, file))).sha256] as const)));
}

/** The process ids of a process's children (Linux). */
function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts a build of the edge fixture into `out` and waits until Astro renders in its child. */
async function startBuild(out: string) {
  const build = spawn(process.execPath, [path.join(root, 'src/cli/build.ts'), '--content', fixture('edge'), '--out', out], {
    cwd: root,
    env: { ...process.env, BASE_PATH: '', SITE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  build.stdout.on('data', (data) => (output += data));
  build.stderr.on('data', (data) => (output += data));
  const exit = new Promise<number | null>((resolve) => build.once('exit', (code) => resolve(code)));
  await until(() => readdirSync(path.dirname(out)).some((name) => name.startsWith('.aushang-build-')) || build.exitCode !== null, 'the temporary folder');
  const [pages] = childrenOf(build.pid!);
  if (build.exitCode !== null || pages === undefined) throw new Error(`the build did not run:\n${output}`);
  return { build, pages, exit, output: () => output };
}

describe('aushang build: the check and Astro in a child process', () => {
  test('the parent loads neither the content model nor Astro; the child does; the timings cover both', () => {
    const modules = path.join(tempDir(), 'modules.txt');
    const out = path.join(tempDir(), 'dist');
    const run = runCli('build', ['--content', fixture('edge'), '--out', out], { AUSHANG_TEST_MODULES: modules, AUSHANG_TIMINGS: '1', NODE_OPTIONS: `--import ${path.join(root, 'tests/fixtures/hooks/record-modules.mjs')}` });
    expect(run.status, run.stderr).toBe(0);
    const loaded = (file: string) => readFileSync(file, 'utf8').split('\n');
    const heavy = (urls: string[]) => urls.filter((url) => /\/src\/model\/(site|view|read)\.ts$|\/node_modules\/(astro|zod|yaml|markdown-it)\//.test(url));
    expect(loaded(modules).some((url) => url.includes('/node_modules/pagefind/'))).toBe(true);
    expect(heavy(loaded(modules))).toEqual([]);
    // Control: the same hook sees the child load them.
    expect(heavy(loaded(`${modules}.child`)).length).toBeGreaterThan(3);
    const timings = JSON.parse(/^aushang-timings (.*)$/m.exec(run.stderr)![1]!) as Record<string, number>;
    expect(Object.keys(timings)).toEqual(['check', 'astro', 'search', 'hosting', 'publish', 'maxRssBytes']);
    expect(timings.maxRssBytes).toBeGreaterThan(100 * 2 ** 20);
  });

  test('a content error: check’s messages and exit code 1 reach the user, and nothing else', () => {
    const check = runCli('check', [fixture('bad')]);
    const build = runCli('build', ['--content', fixture('bad'), '--out', path.join(tempDir(), 'dist')]);
    expect(build.status).toBe(1);
    expect(check.stdout.split('\n').length).toBeGreaterThan(3);
    expect(build.stdout).toBe(check.stdout);
    expect(build.stderr).not.toContain('Build failed');
    expect(build.stdout + build.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test('an output folder that cannot be made: its reason and exit 1, no stack trace', () => {
    const blocked = path.join(tempDir(), 'a-file');
    writeFileSync(blocked, '');
    const run = runCli('build', ['--content', fixture('edge'), '--out', path.join(blocked, 'dist')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^E[A-Z]+: .*a-file/m);
    expect(run.stderr).toContain('Build failed; the previous output was left as it was.');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test('the child killed from outside (as by the kernel when memory runs out): exit 1, said so, nothing left behind', async () => {
    const out = buildSite(fixture('edge'));
    const before = await snapshot(out);
    const { pages, exit, output } = await startBuild(out);
    process.kill(pages, 'SIGKILL');
    expect(await exit, output()).toBe(1);
    expect(output()).toContain('stopped (SIGKILL)');
    expect(output()).toContain('Build failed; the previous output was left as it was.');
    expect(leftovers(path.dirname(out))).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  });

  test('a build stopped with SIGTERM stops its child too', async () => {
    const out = path.join(tempDir(), 'dist');
    const { build, pages, exit, output } = await startBuild(out);
    build.kill('SIGTERM');
    expect(await exit, output()).toBe(143);
    expect(alive(pages)).toBe(false);
    expect(leftovers(path.dirname(out))).toEqual([]);
  });

  test('a build killed outright (kill -9): its child ends as well', async () => {
    const out = path.join(tempDir(), 'dist');
    const { build, pages, exit } = await startBuild(out);
    build.kill('SIGKILL');
    await exit;
    await until(() => !alive(pages), 'the child to end', 10_000);
    // What the killed build left: the next build removes it after ten minutes (hosting.test.ts),
    // and takes its working folder over then (work-folder.test.ts).
    removeKilledBuildsFolders(build.pid!);
  });

  test('--keep-last-good: the held-back copy lives through Astro and is gone after the build', async () => {
    const content = path.join(tempDir(), 'content');
    cpSync(fixture('edge'), content, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-C', content, '-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'gut');
    const good = git('rev-parse', 'HEAD').trim();
    const file = path.join(content, 'towns/testdorf/buergerbuero.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^status: normal$/m, 'status: kaputt'));
    git('commit', '-qam', 'kaputt');
    const tmp = tempDir();
    const out = path.join(tempDir(), 'dist');
    const run = runCli('build', ['--content', content, '--out', out, '--keep-last-good'], { TMPDIR: tmp });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('towns/testdorf/buergerbuero.md');
    const info = JSON.parse(readFileSync(path.join(out, 'aushang-build.json'), 'utf8')) as { heldBack: { file: string; publishedFrom?: string }[] };
    expect(info.heldBack.map(({ file, publishedFrom }) => ({ file, publishedFrom }))).toEqual([{ file: 'towns/testdorf/buergerbuero.md', publishedFrom: good }]);
    // Nothing of the build is left in the temporary folder but Node's compile cache, which the
    // next build uses (src/cli/process.ts; docs/performance.md, issue 21, session 12).
    expect(readdirSync(tmp).filter((name) => name !== 'node-compile-cache')).toEqual([]);
  });

  test('a second build adds next to nothing to the compile cache: Astro works at the same path every time', () => {
    const cache = path.join(tempDir(), 'compile-cache');
    const entries = () => readdirSync(cache, { recursive: true }).length;
    /** One build; whether it worked in the stable folder (a build of another test file may hold it). */
    const build = () => {
      const run = runCli('build', ['--content', fixture('edge'), '--out', path.join(tempDir(), 'dist')], { NODE_COMPILE_CACHE: cache, AUSHANG_TIMINGS: '1' });
      expect(run.status, run.stderr).toBe(0);
      return /^aushang-work-folder stable$/m.test(run.stderr);
    };
    // Until two builds in a row had the stable folder: the first fills the cache for its path.
    let before = 0;
    let growth: number | undefined;
    for (let tries = 0, previousStable = false; tries < 6 && growth === undefined; tries++) {
      before = existsSync(cache) ? entries() : 0;
      const stable = build();
      if (stable && previousStable) growth = entries() - before;
      previousStable = stable;
    }
    expect(before).toBeGreaterThan(100);
    // Vite's bundled config has a new name every build; a fresh working folder adds ≈ 60 entries.
    expect(growth).toBeLessThanOrEqual(3);
  });

  test('the search index fed with the pages the child sends while Astro renders equals the index built from the written pages', async () => {
    const out = path.join(tempDir(), 'dist');
    const run = runCli('build', ['--content', path.join(root, 'content'), '--out', out], { AUSHANG_TIMINGS: '1', SOURCE_DATE_EPOCH: '1698930000' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('aushang-search-feed {"fed":true}');
    // One rule (`indexedRoutes`): the pages the layout marked for the search are the ones the feed expected.
    const loaded = await loadSite(path.join(root, 'content'), { urls: { base: '/' } });
    if (!loaded.ok) throw new Error('the example does not load');
    const marked = (await listFiles(out)).filter((file) => file.endsWith('.html') && indexedPart(readFileSync(path.join(out, file), 'utf8')) !== undefined);
    expect(marked).toEqual(indexedPages(loaded.site));
    expect(marked.length).toBeGreaterThan(loaded.site.towns.length + loaded.site.incidents.length);
    // The same pages indexed after the fact, the way a site above FEED_PAGE_LIMIT is.
    const copy = path.join(tempDir(), 'site');
    cpSync(out, copy, { recursive: true });
    rmSync(path.join(copy, 'pagefind'), { recursive: true });
    await buildSearchIndex(copy, 'de');
    expect(await snapshot(path.join(copy, 'pagefind'))).toEqual(await snapshot(path.join(out, 'pagefind')));
  });
});
