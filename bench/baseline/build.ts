/**
 * `node bench/baseline/build.ts --content <folder> --out <folder> [--body-only]`: the bare
 * baseline of `npm run bench` — Astro renders every Markdown file of the content folder as a
 * plain page with its whole content (the front matter as plain text, src/front-matter.ts, and the
 * body), then Pagefind indexes the pages (`addDirectory`, defaults). `--body-only` renders the
 * title and the body alone (the baseline before session 6, printed for continuity). Prints the
 * phases as one line `aushang-timings {…}` on stderr, like `src/cli/build.ts` with AUSHANG_TIMINGS.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' }, 'body-only': { type: 'boolean', default: false } } });
if (!values.content || !values.out) throw new Error('usage: build.ts --content <folder> --out <folder>');
const root = import.meta.dirname;
const outDir = path.resolve(values.out);
process.env.BASELINE_CONTENT = path.resolve(values.content);
process.env.BASELINE_OUT = outDir;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Read by the page template (src/pages/[...slug].astro), which Astro renders in this process. Not an
// environment variable: Astro inlines those as text when it bundles, so "0" would read as true.
(globalThis as { aushangBaselineBodyOnly?: boolean }).aushangBaselineBodyOnly = values['body-only'];
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
// The content layer keeps its store in the project's .astro/: start from nothing, as a fresh checkout would.
rmSync(path.join(root, '.astro'), { recursive: true, force: true });
rmSync(path.join(root, 'node_modules', '.astro'), { recursive: true, force: true });

const phases: Record<string, number> = {};
let start = performance.now();
const { build } = await import('astro');
const cwd = process.cwd();
process.chdir(root);
try {
  await build({ root, outDir, logLevel: 'warn' } as Parameters<typeof build>[0]);
} finally {
  process.chdir(cwd);
}
phases.astro = Math.round(performance.now() - start);
start = performance.now();
const pagefind = await import('pagefind');
try {
  const { index } = await pagefind.createIndex({});
  const added = await index!.addDirectory({ path: outDir });
  if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
  const written = await index!.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
} finally {
  await pagefind.close();
  await childrenReaped();
}
phases.search = Math.round(performance.now() - start);
console.error(`aushang-timings ${JSON.stringify({ ...phases, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}`);

/**
 * Waits (at most 5 s) until Pagefind's process is reaped: killed by `close()` and unreferenced,
 * it would otherwise end after this process, and its CPU time would not count in this process's
 * (what the bench reads: /proc/self/stat's cutime). Linux only; elsewhere at once.
 */
async function childrenReaped(): Promise<void> {
  const list = `/proc/${process.pid}/task/${process.pid}/children`;
  const pagefindLeft = () => {
    if (!existsSync(list)) return false;
    const pids = readFileSync(list, 'utf8').trim().split(/\s+/).filter(Boolean);
    return pids.some((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind');
      } catch {
        return false;
      }
    });
  };
  for (let waited = 0; waited < 5_000 && pagefindLeft(); waited += 20) await new Promise((done) => setTimeout(done, 20));
}
