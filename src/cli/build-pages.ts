/**
 * The first half of `aushang build`, in a child process of src/cli/build.ts (which starts it;
 * it does not run alone): checks the content (every error, in the editors' words; exit 1), with
 * `--keep-last-good` holds refused files back (src/cli/last-good.ts), then renders the pages
 * with Astro into the folder the parent made and writes `aushang-build.json`. It tells the
 * parent over the IPC channel what the rest of the build needs (src/cli/build-messages.ts) and
 * exits: the memory Astro leaves behind (much of it outside the JavaScript heap, which a
 * process does not give back) goes with it before the parent builds the search index.
 */
import path from 'node:path';
import os from 'node:os';
import type { LoadResult } from '../model/site.ts';
import { urlSettingsFromEnv } from '../model/urls.ts';
import { internalFailure, yamlWorkersFor } from './check.ts';
import type { HeldBack } from './last-good.ts';
import type { BuildMessage, FromPages, PagesOptions, ToPages } from './build-messages.ts';
import { phaseClock } from './phases.ts';

if (!process.send) {
  process.stderr.write('aushang build-pages: runs only as a part of `aushang build`.\n');
  process.exit(2);
}
const options = JSON.parse(process.argv[2] ?? '{}') as PagesOptions;
const root = path.resolve(import.meta.dirname, '../..');

// The parent stops this process on a signal (and Ctrl-C reaches both); a parent that is gone
// (killed outright) closes the channel. Either way: exit, which removes a held-back copy.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(128 + os.constants.signals[signal]));
process.on('disconnect', () => process.exit(1));

const clock = phaseClock();

// As in `check`: the YAML workers start first, and the files are read (and parsed there) while
// this process loads the modules of the check, which are imported only now.
const yamlWorkers = yamlWorkersFor(options.contentDir);
const read = import('../model/read.ts').then(({ streamContent }) => streamContent(options.contentDir, process.cwd(), yamlWorkers));
read.catch(() => {});
// A public body's build contacts no one: Astro's telemetry is off before Astro is loaded.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Astro loads (≈ 0.8 s of modules) while the check waits for its YAML workers and the files;
// it runs nothing until `renderPages`, so a check that fails still ends the build as before.
const astro = import('astro');
astro.catch(() => {});
const [{ gitHostOrigins }, { buildInfo, writeBuildInfo }, { loadSite }, { buildTime, handOver }, { translator }, { report }, { keepLastGood }, { pagesToFeed }, { searchPartCount }, { pageBatches, renderedPagesIntegration }] =
  await Promise.all([
    import('../editor/config.ts'),
    import('../hosting/build-info.ts'),
    import('../model/site.ts'),
    import('../model/view.ts'),
    import('../i18n/index.ts'),
    import('./formats.ts'),
    import('./last-good.ts'),
    import('./search-feed.ts'),
    import('../model/search-parts.ts'),
    import('./rendered-pages.ts'),
  ]);

const send = (message: FromPages) =>
  new Promise<void>((resolve, reject) => process.send!(message, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve())));
/** The rendered pages for the parent's search index, a batch at a time (`pageBatches`). */
const batches = pageBatches((pages) => void send({ type: 'pages', pages }).catch(() => {}));
const nextMessage = () => new Promise<ToPages>((resolve) => process.once('message', (message) => resolve(message as ToPages)));

const urlSettings = urlSettingsFromEnv();
const loadOptions = { urls: urlSettings, builtAt: buildTime() };
const { builtDir, heldBack, result } = await checkContent();
clock.done('check');
// The address the content resolved (SITE_URL and BASE_PATH, else site.yaml's `url`) goes to
// Astro (its base and site, the sitemap) through the same variables a caller would set.
const address = result.ok ? result.site.address : urlSettings;
process.env.BASE_PATH = address.base;
process.env.SITE_URL = address.site === undefined ? '' : new URL(address.site).origin;
// Astro runs in this process: its pages render the model just checked instead of reading it again.
handOver(builtDir, urlSettingsFromEnv(), result);

// Up to FEED_PAGE_LIMIT indexed pages, the parent's search index takes each page as Astro writes it.
const feed = result.ok ? pagesToFeed(result.site) : undefined;
const contentLanguage = result.ok ? result.site.settings.contentLanguage : undefined;
const searchParts = result.ok ? searchPartCount(result.site) : 1;
await send({ type: 'checked', ...(feed ? { indexedPages: feed } : {}), ...(contentLanguage ? { contentLanguage } : {}), ...(searchParts > 1 ? { searchParts } : {}) });
const folders = (await nextMessage()) as BuildMessage;
await renderPages(folders);
clock.done('astro');
if (result.ok) {
  const info = buildInfo({ contentDir: options.contentDir, builtDir, builtAt: new Date(result.site.builtAt), language: result.language, heldBack, drill: options.drill, checked: result.blobIds });
  writeBuildInfo(folders.site, info);
}
clock.done('buildInfo');
const editor = result.ok ? result.site.settings.editor : undefined;
await send({
  type: 'result',
  base: address.base,
  ...(editor ? { gitHostOrigins: gitHostOrigins(editor) } : {}),
  phases: clock.phases,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
});
process.exit(0);

/**
 * Loads and checks the content; reports its errors and exits 1 when they stop the build, or
 * holds the refused files back (`--keep-last-good`) and builds a copy without them.
 */
async function checkContent(): Promise<{ builtDir: string; heldBack: HeldBack[]; result: LoadResult }> {
  // The YAML of a large site is parsed in worker threads (started above), ended before Astro starts.
  const checked = await loadSite(options.contentDir, { ...loadOptions, read }).catch((error: unknown) => process.exit(internalFailure('build', error)));
  await yamlWorkers?.close();
  if (!checked.ok && options.keepLastGood) {
    const kept = await keepLastGood(options.contentDir, checked, loadOptions).catch((error: unknown) => process.exit(internalFailure('build', error)));
    if (kept) {
      for (const line of heldBackReport(checked, kept.heldBack)) console.error(line);
      // The copy lives until this process ends, after Astro and the build information.
      process.once('exit', kept.dispose);
      return { builtDir: kept.dir, heldBack: kept.heldBack, result: kept.result };
    }
  }
  if (report(checked) !== 0) process.exit(1);
  return { builtDir: options.contentDir, heldBack: [], result: checked };
}

/** Astro's build of the pages into `site`; its error ends this process with exit code 1. */
async function renderPages({ site, work }: BuildMessage): Promise<void> {
  process.env.AUSHANG_CONTENT = builtDir;
  // The web editor's page at /admin/ exists only for a site that configures one (src/editor/integration.ts).
  process.env.AUSHANG_EDITOR = result.ok && result.site.settings.editor ? '1' : '';
  process.env.AUSHANG_OUT_DIR = site;
  // A rehearsal (`--drill`): "Übung" on every page, noindex for search engines (the parent drops feeds and API).
  process.env.AUSHANG_DRILL = options.drill ? '1' : '';
  try {
    const { build } = await astro;
    // Astro keeps intermediate files below its working directory: the build's own folder.
    process.chdir(work);
    // Ordered on the channel: `result`, sent and awaited last, comes after every page (the last
    // batch is flushed before it). A page that is not delivered makes the parent index the written
    // pages afresh (SearchFeed.finish).
    const integrations = feed ? [renderedPagesIntegration(feed, batches.add)] : [];
    await build({ root, outDir: site, logLevel: process.env.AUSHANG_LOG ?? 'warn', integrations } as Parameters<typeof build>[0]);
    batches.flush();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** check's errors (as without the option), then which files were held back and how. */
function heldBackReport(first: Extract<LoadResult, { ok: false }>, held: HeldBack[]): string[] {
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
