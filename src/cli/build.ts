/**
 * `aushang build [--content <folder>] [--out <folder>] [--keep-last-good]` (`npm run build` in the generator): checks the content first (every
 * error, in the editors' words), then builds with Astro, the search index and the hosting files
 * (`_headers`, `manifest.json`) into a fresh temporary folder and only when everything succeeded
 * replaces the output folder. With `--keep-last-good`, a file check refuses is published in its
 * last version that checks clean (or left out), the errors are reported, and the rest goes out
 * (src/cli/last-good.ts); `aushang-build.json` says what was built (src/hosting/build-info.ts).
 * A failed or interrupted build publishes nothing, leaves the previous output as it was and
 * removes its temporary folder.
 */
import { createHash } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gitHostOrigins } from '../editor/config.ts';
import { serializeManifest } from '../hosting/manifest.ts';
import { writeHostingFiles } from '../hosting/write.ts';
import { loadSite } from '../model/site.ts';
import { buildTime, handOver } from '../model/view.ts';
import { urlSettingsFromEnv } from '../model/urls.ts';
import { internalFailure, yamlWorkersFor } from './check.ts';
import { report } from './formats.ts';
import { buildSearchIndex } from './search-index.ts';
import { FEED_PAGE_LIMIT, indexedPages, SearchFeed } from './search-feed.ts';
import { renderedPagesIntegration } from './rendered-pages.ts';
import { builtRootFiles, builtTownFiles, feedFiles, folderNames, routes } from '../model/routes.ts';
import { keepLastGood, type HeldBack } from './last-good.ts';
import { buildInfo, writeBuildInfo } from '../hosting/build-info.ts';
import { translator } from '../i18n/index.ts';
import { isRunning } from './process.ts';

const { values } = parseArgs({
  options: { content: { type: 'string' }, out: { type: 'string' }, drill: { type: 'boolean' }, 'keep-last-good': { type: 'boolean', default: false } },
  allowPositionals: false,
});
const root = path.resolve(import.meta.dirname, '../..');
// Content and output belong to the site in the working directory (the generator's own
// checkout or a site repository with aushang installed); Astro runs from the package (root).
const contentDir = path.resolve(values.content ?? process.env.AUSHANG_CONTENT ?? 'content');
const outDir = path.resolve(values.out ?? 'dist');
const urlSettings = urlSettingsFromEnv();

/** Milliseconds per phase, printed for `npm run bench` when AUSHANG_TIMINGS is set. */
const phases: Record<string, number> = {};
let phaseStart = performance.now();
const phaseDone = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round(now - phaseStart);
  phaseStart = now;
};

const loadOptions = { urls: urlSettings, builtAt: buildTime() };
// The YAML of a large site is parsed in worker threads, ended before Astro starts.
const yamlWorkers = yamlWorkersFor(contentDir);
const checked = await loadSite(contentDir, { ...loadOptions, parser: yamlWorkers }).catch((error: unknown) => process.exit(internalFailure('build', error)));
await yamlWorkers?.close();
/** The content folder that is built: the site's, or a copy with the refused files held back. */
let builtDir = contentDir;
let heldBack: HeldBack[] = [];
let result = checked;
if (!checked.ok && values['keep-last-good']) {
  const kept = await keepLastGood(contentDir, checked, loadOptions).catch((error: unknown) => process.exit(internalFailure('build', error)));
  if (kept) {
    for (const line of heldBackReport(checked, kept.heldBack)) console.error(line);
    process.once('exit', kept.dispose);
    builtDir = kept.dir;
    heldBack = kept.heldBack;
    result = kept.result;
  }
}
if (result === checked && report(result) !== 0) process.exit(1);
phaseDone('check');
// The address the content resolved (SITE_URL and BASE_PATH, else site.yaml's `url`) goes to
// Astro (its base and site, the sitemap) through the same variables a caller would set.
const address = result.ok ? result.site.address : urlSettings;
process.env.BASE_PATH = address.base;
process.env.SITE_URL = address.site === undefined ? '' : new URL(address.site).origin;
// Astro runs in this process: its pages render the model just checked instead of reading it again.
handOver(builtDir, urlSettingsFromEnv(), result);

const parent = path.dirname(outDir);
await mkdir(parent, { recursive: true });
// Astro keeps its intermediate server build in `<cwd>/.astro/.prerender/` when the output
// folder is not below the working directory, as ours are: two builds at once would share it.
// So each build works in a folder of its own inside the project (inside, so that those
// intermediate files still find node_modules).
const workspace = path.join(root, '.astro');
await mkdir(workspace, { recursive: true });
await removeLeftovers(parent, path.basename(outDir));
await removeLeftovers(workspace, '');
// A fresh folder next to the output, so the final rename stays on one file system. Its name
// carries the process id, so a later build can tell a killed build's leftover from a running build.
const staging = await mkdtemp(path.join(parent, `.aushang-build-${process.pid}-`));
const work = await mkdtemp(path.join(workspace, `.aushang-build-${process.pid}-`));
const removeTemporary = () => {
  for (const folder of [staging, work]) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    removeTemporary();
    console.error(`Build stopped (${signal}); the previous output was left as it was.`);
    process.exit(128 + os.constants.signals[signal]);
  });
}

// Astro moves files from its intermediate build into the output with rename(), which fails
// across file systems: for an output elsewhere (a tmpfs, a mounted volume) build inside the
// project and copy the finished site over.
const sameFileSystem = (await stat(parent)).dev === (await stat(workspace)).dev;
const site = sameFileSystem ? staging : path.join(work, 'site');

process.env.AUSHANG_CONTENT = builtDir;
// The web editor's page at /admin/ exists only for a site that configures one (src/editor/integration.ts).
process.env.AUSHANG_EDITOR = result.ok && result.site.settings.editor ? '1' : '';
process.env.AUSHANG_OUT_DIR = site;
// A rehearsal (`--drill`): "Übung" on every page, not indexed, no feeds and no API (see dropForDrill).
const drill = values.drill === true || process.env.AUSHANG_DRILL === '1';
process.env.AUSHANG_DRILL = drill ? '1' : '';
// A public body's build contacts no one: Astro's telemetry is off before Astro is loaded.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
/** Printed last, so the deploy log shows it: anyone can check a copy against it (`verify --manifest-sha256`). */
let manifestSha256 = '';
// --- Search index fed while Astro renders (src/cli/search-feed.ts); above FEED_PAGE_LIMIT pages, after Astro.
const contentLanguage = result.ok ? result.site.settings.contentLanguage : undefined;
const expectedPages = result.ok ? indexedPages(result.site) : [];
const searchFeed = expectedPages.length > 0 && expectedPages.length <= FEED_PAGE_LIMIT ? new SearchFeed(contentLanguage) : undefined;
searchFeed?.expect(expectedPages);
const onRenderedPage = searchFeed ? (file: string, part: string) => searchFeed.offer(file, part) : undefined;
// --- end
try {
  const { build } = await import('astro');
  const cwd = process.cwd();
  process.chdir(work);
  try {
    const integrations = onRenderedPage ? [renderedPagesIntegration(expectedPages, onRenderedPage)] : [];
    await build({ root, outDir: site, logLevel: process.env.AUSHANG_LOG ?? 'warn', integrations } as Parameters<typeof build>[0]);
  } finally {
    process.chdir(cwd);
  }
  phaseDone('astro');
  if (drill) await dropForDrill(site);
  // The pages as the search index read them: nothing changes a page after this, so the manifest takes their hashes.
  const pageHashes = searchFeed ? await searchFeed.finish(site) : await buildSearchIndex(site, contentLanguage);
  phaseDone('search');
  if (process.env.AUSHANG_TIMINGS && searchFeed) console.error(`aushang-search-feed ${JSON.stringify(searchFeed.outcome)}`);
  const editor = result.ok ? result.site.settings.editor : undefined;
  if (result.ok) writeBuildInfo(site, buildInfo({ contentDir, builtDir, builtAt: new Date(result.site.builtAt), language: result.language, heldBack, drill }));
  const manifest = await writeHostingFiles(site, address.base, editor ? gitHostOrigins(editor) : undefined, pageHashes);
  manifestSha256 = createHash('sha256').update(serializeManifest(manifest)).digest('hex');
  phaseDone('hosting');
  if (!sameFileSystem) await cp(site, staging, { recursive: true });
  // mkdtemp makes the folder private (0700); a web server must be able to read it.
  await chmod(staging, 0o755);
} catch (error) {
  removeTemporary();
  console.error(error instanceof Error ? error.message : error);
  console.error('Build failed; the previous output was left as it was.');
  process.exit(1);
}
rmSync(work, { recursive: true, force: true, maxRetries: 3 });

// The swap: two renames with no await between them, so no signal handler can run halfway.
const exists = await stat(outDir).then(() => true, () => false);
const old = `${outDir}.old-${process.pid}`;
try {
  if (exists) renameSync(outDir, old);
  try {
    renameSync(staging, outDir);
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
phaseDone('publish');
if (process.env.AUSHANG_TIMINGS) console.error(`aushang-timings ${JSON.stringify({ ...phases, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}`);
console.log(`Built ${path.relative(process.cwd(), outDir) || '.'}/${drill ? ' — a rehearsal (Übung): every page says so, not indexed, no feeds, no API' : ''}`);
console.log(`manifest.json sha256: ${manifestSha256}`);

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
    if (!match || isRunning(Number(match[1]))) continue;
    const info = await stat(path.join(folder, name)).catch(() => null);
    if (!info || Date.now() - info.mtimeMs < 10 * 60_000) continue;
    await rm(path.join(folder, name), { recursive: true, force: true, maxRetries: 3 });
  }
}


/** check's errors (as without the option), then which files were held back and how. */
function heldBackReport(first: Extract<typeof checked, { ok: false }>, held: HeldBack[]): string[] {
  const t = translator(first.language);
  const lines: string[] = [];
  report(first, (line) => lines.push(line));
  // check's last line says nothing was published; here the rest was.
  lines.pop();
  for (const file of held) {
    lines.push(file.publishedFrom ? t('cli.heldBack', { file: file.file, commit: file.publishedFrom.slice(0, 12) }) : t('cli.leftOut', { file: file.file }));
  }
  return lines;
}
