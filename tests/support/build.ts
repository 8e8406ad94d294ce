/**
 * Builds for the build and browser tests: the real CLI (`src/cli/*.ts`) in a child process, as
 * `npm run build` would.
 *
 * `buildOnce(content, env)` is what a test that only reads the output wants: the first call for
 * a content and an environment builds, every later one — in this file or, during one `vitest
 * run`, in any other (`build-cache.ts` provides a folder for the run) — gets the same folder.
 * Call it in `beforeAll` or a test, never while the file is collected, and never change what it
 * returns. `buildSite` builds afresh into a folder of its own, for tests that change the output.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, existsSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { OWNER_FILE, STABLE_WORK_FOLDER } from '../../src/cli/work-folder.ts';

export const root = path.resolve(import.meta.dirname, '../..');
export const fixture = (name: string) => path.join(root, 'tests/fixtures/sites', name);

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(script: 'build' | 'check', args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [path.join(root, `src/cli/${script}.ts`), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: '', SITE_URL: '', ...env },
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Removes the working folders in `.astro/` that a build killed outright left (src/cli/work-folder.ts):
 * its fresh ones and the stable one when it owned that. A later build would take them over
 * after ten minutes; until then the builds of the other tests would work in fresh folders.
 */
export function removeKilledBuildsFolders(pid: number): void {
  const workspace = path.join(root, '.astro');
  const owned = (name: string) => readFileSync(path.join(workspace, name, OWNER_FILE), 'utf8') === String(pid);
  for (const name of readdirSync(workspace).filter((n) => n.startsWith(`.aushang-build-${pid}-`) || (n === STABLE_WORK_FOLDER && owned(n)))) {
    rmSync(path.join(workspace, name), { recursive: true, force: true });
  }
}

export function tempDir(prefix = 'aushang-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Builds a content folder into a fresh temporary folder; throws with the output on failure. */
export function buildSite(content: string, env: Record<string, string> = {}): string {
  const out = path.join(tempDir(), 'dist');
  const run = runCli('build', ['--content', content, '--out', out], env);
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return out;
}

/** The builds of this process, by content and environment. */
const built = new Map<string, string>();

/** Builds a content folder once per content (its files, not its place) and environment; see above. */
export function buildOnce(content: string, env: Record<string, string> = {}): string {
  const key = buildKey(content, env);
  let dist = built.get(key);
  if (dist && existsSync(dist)) return dist;
  const shared = sharedCache();
  dist = shared ? path.join(shared, key) : undefined;
  if (!dist || !existsSync(dist)) dist = publish(buildSite(content, env), dist);
  built.set(key, dist);
  return dist;
}

/** The run's folder for builds shared between test files, when `build-cache.ts` provides one. */
function sharedCache(): string | undefined {
  try {
    return inject('buildCache') || undefined;
  } catch {
    return undefined; // outside a Vitest worker (e.g. scripts/screenshot-district.ts)
  }
}

/** Moves a fresh build to its shared place; another file that built it first wins. */
function publish(fresh: string, target: string | undefined): string {
  if (!target) return fresh;
  try {
    renameSync(fresh, target);
  } catch {
    if (!existsSync(target)) throw new Error(`cannot keep the build ${fresh} as ${target}`);
  }
  rmSync(path.dirname(fresh), { recursive: true, force: true });
  return target;
}

/** A hash of the content's files (names and bytes) and of the environment. */
export function buildKey(content: string, env: Record<string, string>): string {
  const hash = createHash('sha256');
  const files = readdirSync(content, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => ({ file: path.join(entry.parentPath, entry.name), link: entry.isSymbolicLink() }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { file, link } of files) {
    hash.update(`${path.relative(content, file)}\0`);
    hash.update(link ? `-> ${readlinkSync(file)}` : readFileSync(file));
    hash.update('\0');
  }
  hash.update(JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b))));
  return hash.digest('hex').slice(0, 24);
}

export function readPage(dist: string, sitePath: string): string {
  const file = path.join(dist, sitePath, sitePath.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`no page at ${sitePath}`);
  return readFileSync(file, 'utf8');
}

/**
 * The link checker's list of what the build makes (`src/model/targets.ts`) against a real build:
 * every target is a file of the build, every anchor it lists is an `id` on that page, and every
 * HTML page of the build (but the error page) is a target. Returns how many were compared.
 */
export async function compareLinkTargets(dist: string, content: string): Promise<number> {
  const { loadSite } = await import('../../src/model/site.ts');
  const { linkTargets } = await import('../../src/model/targets.ts');
  const result = await loadSite(content, { urls: { base: '/' } });
  if (!result.ok) throw new Error(`${content} has errors`);
  const s = result.site;
  const targets = linkTargets({
    towns: s.towns,
    pages: s.pages,
    incidents: s.incidents,
    redirects: s.redirects,
    index: s.index,
    siteContacts: s.settings.contacts.length > 0,
    sources: [],
  });
  const problems: string[] = [];
  for (const [sitePath, anchors] of targets) {
    const file = path.join(dist, sitePath, sitePath.endsWith('/') ? 'index.html' : '');
    if (!existsSync(file)) {
      problems.push(`${sitePath}: not built`);
      continue;
    }
    if (anchors === 'any' || anchors.size === 0) continue;
    const ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const anchor of anchors) if (!ids.has(anchor)) problems.push(`${sitePath}#${anchor}: no such id`);
  }
  const html = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? html(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : []));
  for (const file of html(dist)) {
    const relative = `/${path.relative(dist, file).split(path.sep).join('/')}`;
    const sitePath = relative.endsWith('/index.html') ? relative.slice(0, -'index.html'.length) : relative;
    if (sitePath !== '/404.html' && !targets.has(sitePath)) problems.push(`${sitePath}: built, but no link target`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return targets.size;
}
