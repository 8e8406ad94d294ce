/**
 * `npm run build [-- --content <folder>] [-- --out <folder>]`: checks the content first (every
 * error, in the editors' words), then builds with Astro and the search index into a fresh
 * temporary folder and only when everything succeeded replaces the output folder. A failed build publishes nothing and
 * leaves the previous output as it was.
 */
import { chmod, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSite } from '../model/site.ts';
import { urlSettingsFromEnv } from '../model/urls.ts';
import { report } from './check.ts';
import { buildSearchIndex } from './search-index.ts';

const { values } = parseArgs({
  options: { content: { type: 'string' }, out: { type: 'string' } },
  allowPositionals: false,
});
const root = path.resolve(import.meta.dirname, '../..');
const contentDir = path.resolve(values.content ?? process.env.AUSHANG_CONTENT ?? path.join(root, 'content'));
const outDir = path.resolve(values.out ?? path.join(root, 'dist'));

const result = await loadSite(contentDir, { urls: urlSettingsFromEnv() });
if (report(result) !== 0) process.exit(1);

// A fresh folder next to the output, so the final rename stays on one file system.
const staging = await mkdtemp(path.join(path.dirname(outDir), `.aushang-build-`));
process.env.AUSHANG_CONTENT = contentDir;
process.env.AUSHANG_OUT_DIR = staging;
try {
  const { build } = await import('astro');
  await build({ root, outDir: staging, logLevel: process.env.AUSHANG_LOG ?? 'warn' } as Parameters<typeof build>[0]);
  await buildSearchIndex(staging);
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  console.error('Build failed; the previous output was left as it was.');
  process.exit(1);
}

const exists = await stat(outDir).then(() => true, () => false);
const old = `${outDir}.old-${process.pid}`;
if (exists) await rename(outDir, old);
// mkdtemp makes the folder private (0700); a web server must be able to read it.
await chmod(staging, 0o755);
await rename(staging, outDir);
if (exists) await rm(old, { recursive: true, force: true });
console.log(`Built ${path.relative(process.cwd(), outDir) || '.'}/`);
