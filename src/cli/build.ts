/**
 * `aushang build [--content <folder>] [--out <folder>] [--keep-last-good]` (`npm run build` in the generator): checks the content first (every
 * error, in the editors' words), then builds with Astro, the search index and the hosting files
 * (`_headers`, `manifest.json`) into a fresh temporary folder and only when everything succeeded
 * replaces the output folder. With `--keep-last-good`, a file check refuses is published in its
 * last version that checks clean (or left out), the errors are reported, and the rest goes out
 * (src/cli/last-good.ts); `aushang-build.json` says what was built (src/hosting/build-info.ts).
 * A failed or interrupted build publishes nothing, leaves the previous output as it was and
 * removes its temporary folder.
 *
 * The check and Astro run in a child process (src/cli/build-pages.ts; what the two tell each
 * other: src/cli/build-messages.ts). This process never loads the content model or Astro: it
 * makes the folders, builds the search index once the child has exited (so Pagefind runs beside
 * no process that holds Astro's memory), writes the hosting files and publishes.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serializeManifest } from '../hosting/manifest.ts';
import { writeHostingFiles } from '../hosting/write.ts';
import { builtRootFiles, builtTownFiles, feedFiles, folderNames, routes } from '../model/routes.ts';
import { internalFailure } from './check.ts';
import { leftBehind, useCompileCache } from './process.ts';
import { workFolder } from './work-folder.ts';
import { buildSearchIndex, stopSearchIndex } from './search-index.ts';
import { SearchFeed } from './search-feed.ts';
import type { BuildMessage, FromPages, PagesOptions, ResultMessage } from './build-messages.ts';
import { phaseClock } from './phases.ts';

// Node keeps the compiled modules for the next build, this process's and the child's (which
// inherits the cache's folder): Astro's intermediate modules have the same paths every time.
useCompileCache();

const { values } = parseArgs({
  options: { content: { type: 'string' }, out: { type: 'string' }, drill: { type: 'boolean' }, 'keep-last-good': { type: 'boolean', default: false } },
  allowPositionals: false,
});
const root = path.resolve(import.meta.dirname, '../..');
// Content and output belong to the site in the working directory (the generator's own
// checkout or a site repository with aushang installed); Astro runs from the package (root).
const contentDir = path.resolve(values.content ?? process.env.AUSHANG_CONTENT ?? 'content');
const outDir = path.resolve(values.out ?? 'dist');
// A rehearsal (`--drill`): "Übung" on every page, not indexed, no feeds and no API (see dropForDrill).
const drill = values.drill === true || process.env.AUSHANG_DRILL === '1';
/** The child's script: `.ts` next to the sources, `.js` in the compiled package (lib/cli/). */
const pagesScript = path.join(import.meta.dirname, `build-pages${path.extname(import.meta.filename)}`);

/** Milliseconds per phase: check and astro are the child's, the rest this process's. */
const clock = phaseClock();
const phases = clock.phases;

const parent = path.dirname(outDir);
// Astro keeps its intermediate server build in `<cwd>/.astro/.prerender/` when the output
// folder is not below the working directory, as ours are: two builds at once would share it.
// So each build works in a folder of its own inside the project (inside, so that those
// intermediate files still find node_modules).
const workspace = path.join(root, '.astro');
/** The temporary folders, once made: `staging` next to the output, `work` for Astro. */
let staging: string | undefined;
let work: string | undefined;
const removeTemporary = () => {
  // Pagefind may be writing the index into the staging folder (src/cli/search-feed.ts): it ends first.
  stopSearchIndex();
  for (const folder of [staging, work]) if (folder) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
};
/** The child (check and Astro) while it runs. */
let pages: ChildProcess | undefined;
/** Set by a signal: the child's end is then the signal handler's business (`stop`). */
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => stop(signal));

const rendered = await renderInChild();
if (!rendered.result) {
  removeTemporary();
  process.exit(rendered.code);
}
const { result, site, feed, contentLanguage, searchParts } = rendered;
phases.check = result.phases.check ?? 0;
phases.astro = result.phases.astro ?? 0;
clock.restart();
/** Printed last, so the deploy log shows it: anyone can check a copy against it (`verify --manifest-sha256`). */
let manifestSha256 = '';
try {
  if (drill) await dropForDrill(site);
  // The pages as the search index read them: nothing changes a page after this, so the manifest takes their hashes.
  const pageHashes = feed ? await feed.finish(site) : await buildSearchIndex(site, contentLanguage, searchParts);
  clock.done('search');
  if (process.env.AUSHANG_TIMINGS && feed) console.error(`aushang-search-feed ${JSON.stringify(feed.outcome)}`);
  const manifest = await writeHostingFiles(site, result.base, result.gitHostOrigins, pageHashes, searchParts);
  manifestSha256 = createHash('sha256').update(serializeManifest(manifest)).digest('hex');
  // The child wrote the build information (aushang-build.json) right after Astro.
  clock.done('hosting');
  phases.hosting! += result.phases.buildInfo ?? 0;
  if (site !== staging) await cp(site, staging!, { recursive: true });
  // mkdtemp makes the folder private (0700); a web server must be able to read it.
  await chmod(staging!, 0o755);
} catch (error) {
  removeTemporary();
  console.error(error instanceof Error ? error.message : error);
  console.error('Build failed; the previous output was left as it was.');
  process.exit(1);
}
rmSync(work!, { recursive: true, force: true, maxRetries: 3 });

// The swap: two renames with no await between them, so no signal handler can run halfway.
const exists = await stat(outDir).then(() => true, () => false);
const old = `${outDir}.old-${process.pid}`;
try {
  if (exists) renameSync(outDir, old);
  try {
    renameSync(staging!, outDir);
  } catch (error) {
    if (exists) renameSync(old, outDir);
    throw error;
  }
} catch (error) {
  removeTemporary();
  console.error(error instanceof Error ? error.message : error);
  console.error('Build failed; the previous output was left as it was.');
  process.exit(1);
}
if (exists) await rm(old, { recursive: true, force: true, maxRetries: 3 });
clock.done('publish');
if (process.env.AUSHANG_TIMINGS) console.error(`aushang-timings ${JSON.stringify({ ...phases, maxRssBytes: Math.max(process.resourceUsage().maxRSS * 1024, result.maxRssBytes) })}`);
console.log(`Built ${path.relative(process.cwd(), outDir) || '.'}/${drill ? ' — a rehearsal (Übung): every page says so, not indexed, no feeds, no API' : ''}`);
console.log(`manifest.json sha256: ${manifestSha256}`);

type Rendered = { result: ResultMessage; site: string; feed: SearchFeed | undefined; contentLanguage: string | undefined; searchParts: number } | { result?: undefined; code: number };

/**
 * Runs the check and Astro in the child (the same Node, with the same options) and resolves
 * once it has exited: with its result, or with the exit code to end with when it failed. The
 * child reports content errors and Astro's message itself; this adds only what it cannot know.
 */
function renderInChild(): Promise<Rendered> {
  const options: PagesOptions = { contentDir, keepLastGood: values['keep-last-good'], drill };
  // Messages go as V8's structured clone, not JSON: a rendered page's indexed part (tens of KB
  // of HTML, one message each) costs Astro's process about half as much to send.
  const child = fork(pagesScript, [JSON.stringify(options)], { execArgv: process.execArgv, serialization: 'advanced' });
  pages = child;
  let result: ResultMessage | undefined;
  let site: string | undefined;
  let folderError: unknown;
  /** The search index fed with the pages while Astro renders them (src/cli/search-feed.ts), when the child sends them. */
  let feed: SearchFeed | undefined;
  let contentLanguage: string | undefined;
  /** The search index's parts the pages name (src/model/search-parts.ts). */
  let searchParts = 1;
  child.on('message', (message: FromPages) => {
    if (message.type === 'pages') {
      for (const page of message.pages) feed?.offer(page.file, page.part);
    } else if (message.type === 'checked') {
      contentLanguage = message.contentLanguage;
      searchParts = message.searchParts ?? 1;
      if (message.indexedPages) {
        feed = new SearchFeed(message.contentLanguage);
        feed.expect(message.indexedPages);
      }
      makeFolders().then(
        (made) => {
          site = made.site;
          feed?.into(made.site);
          // A child that has died meanwhile ends below, through its exit.
          if (child.connected) child.send(made satisfies BuildMessage);
        },
        (error: unknown) => {
          folderError = error;
          child.kill('SIGTERM');
        },
      );
    } else if (message.type === 'result') {
      result = message;
    }
  });
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: internalFailure('build', error) }));
    child.once('exit', (code, signal) => {
      pages = undefined;
      if (stopping) return;
      if (code === 0 && result && site) return resolve({ result, site, feed, contentLanguage, searchParts });
      if (folderError !== undefined) console.error(folderError instanceof Error ? folderError.message : folderError);
      else if (signal) console.error(`The check and the pages' build were stopped (${signal}).`);
      // Check's errors end it before any folder exists; with folders, a later step failed.
      if (site || folderError !== undefined || signal) console.error('Build failed; the previous output was left as it was.');
      resolve({ code: folderError === undefined && code ? code : 1 });
    });
  });
}

/**
 * The build's temporary folders, made once the content checked clean; `site` is where the
 * pages go: the staging folder, or for an output on another file system a folder in `work`.
 */
async function makeFolders(): Promise<BuildMessage> {
  await mkdir(parent, { recursive: true });
  await mkdir(workspace, { recursive: true });
  await removeLeftovers(parent, path.basename(outDir));
  await removeLeftovers(workspace, '');
  // A fresh folder next to the output, so the final rename stays on one file system. Its name
  // carries the process id, so a later build can tell a killed build's leftover from a running build.
  staging = await mkdtemp(path.join(parent, `.aushang-build-${process.pid}-`));
  // Astro's folder: the same path every build (src/cli/work-folder.ts), a fresh one beside another build.
  const working = await workFolder(workspace);
  work = working.folder;
  if (process.env.AUSHANG_TIMINGS) console.error(`aushang-work-folder ${working.stable ? 'stable' : 'fresh'}`);
  // Astro moves files from its intermediate build into the output with rename(), which fails
  // across file systems: for an output elsewhere (a tmpfs, a mounted volume) build inside the
  // project and copy the finished site over.
  const sameFileSystem = (await stat(parent)).dev === (await stat(workspace)).dev;
  return { type: 'build', site: sameFileSystem ? staging : path.join(work, 'site'), work };
}

/**
 * Ctrl-C, SIGTERM, SIGHUP: the child stops first (Ctrl-C in a terminal reaches it as well),
 * then the temporary folders go; the previous output stays as it was.
 */
function stop(signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP'): void {
  stopping = true;
  const finish = () => {
    removeTemporary();
    console.error(`Build stopped (${signal}); the previous output was left as it was.`);
    process.exit(128 + os.constants.signals[signal]);
  };
  if (!pages) return finish();
  // Runs right after renderInChild's own listener, which leaves the child's end to this one.
  pages.once('exit', finish);
  pages.kill('SIGTERM');
  const child = pages;
  setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
}

/**
 * A rehearsal must not reach feed readers, apps or search engines as if it were real: its
 * feeds (`feed.xml`, each town's), the JSON API (`api/`) and sitemaps are not published.
 */
async function dropForDrill(folder: string): Promise<void> {
  // 1.2: the Atom and JSON feeds and the CAP alerts at the root (status.json is below `api/`).
  const drillRootFiles = new Set(builtRootFiles.filter((file) => !file.startsWith(routes.api.folder())).map((file) => file.slice(1)));
  const names = await readdir(folder, { withFileTypes: true });
  for (const entry of names) {
    const here = path.join(folder, entry.name);
    if (entry.isDirectory() && entry.name === folderNames.api) await rm(here, { recursive: true, force: true });
    else if (entry.isFile() && (entry.name === feedFiles.rss || drillRootFiles.has(entry.name) || /^sitemap.*\.xml$/.test(entry.name))) await rm(here, { force: true });
    // A town's feeds and its badge (1.2): a rehearsal's status must not show on other websites.
    else if (entry.isDirectory()) for (const name of [feedFiles.rss, ...builtTownFiles]) await rm(path.join(here, name), { force: true });
  }
}

/**
 * Removes what builds that were killed outright (`kill -9`, power loss) left in a folder:
 * `.aushang-build-<pid>-*` and `<out>.old-<pid>` whose process is gone and which have not
 * changed for ten minutes (a process id alone could belong to another container).
 */
async function removeLeftovers(folder: string, outName: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const match = /^\.aushang-build-(\d+)-/.exec(name) ?? (outName && name.startsWith(`${outName}.old-`) ? /\.old-(\d+)$/.exec(name) : null);
    if (!match || !(await leftBehind(path.join(folder, name), Number(match[1])))) continue;
    await rm(path.join(folder, name), { recursive: true, force: true, maxRetries: 3 });
  }
}

