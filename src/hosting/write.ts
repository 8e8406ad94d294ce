/**
 * The build's last step, after Astro and Pagefind: `_headers` for Netlify and Cloudflare Pages,
 * then `manifest.json` over every file (so it is written last).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderHeadersFile } from './headers.ts';
import { comparePaths, createManifest, serializeManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import { HOST_CONFIG_FILES, MANIFEST_FILE, styleHashesOfMeta } from './policy.ts';

export class HostingFilesError extends Error {}

/** Every regular file below `dir`, as `/`-separated relative paths, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!entry.isFile()) throw new HostingFilesError(`${relative} is not a regular file (a link?); the build writes only files.`);
    files.push(relative);
  }
  return files.sort(comparePaths);
}

export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  return hashOf(await readFile(file));
}

/** A file's size and SHA-256, as the manifest lists them. */
export type FileHash = { size: number; sha256: string };

export function hashOf(bytes: Buffer): FileHash {
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Size and SHA-256 of every file in `dir` except the manifest and the host config files.
 * Read one after the other, synchronously: the files are just written and in the page cache,
 * and an asynchronous read is four trips through the thread pool per file (at 5,000 files
 * 0.3 s more CPU than this; docs/performance.md, "Issue 21, session 6"). `known`: files
 * already read and hashed since they were written (the pages the search index read), by path.
 */
export async function scanSite(dir: string, base: string, known?: ReadonlyMap<string, FileHash>): Promise<Manifest> {
  const skip = new Set([MANIFEST_FILE, ...HOST_CONFIG_FILES]);
  const files = (await listFiles(dir)).filter((file) => !skip.has(file));
  const entries: ManifestEntry[] = files.map((file) => ({ path: file, ...(known?.get(file) ?? hashOf(readFileSync(path.join(dir, file)))) }));
  return createManifest(base, entries);
}

/**
 * The hashes of the inline styles the pages allow, as the home page's `<meta>` policy names
 * them: the header then carries exactly what the pages were built with.
 */
async function pageStyleHashes(siteDir: string): Promise<string[]> {
  const home = await readFile(path.join(siteDir, 'index.html'), 'utf8').catch(() => '');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(home)?.[1] ?? '';
  return styleHashesOfMeta(meta.replaceAll('&#39;', "'").replaceAll('&apos;', "'"));
}

/**
 * Writes `_headers` and `manifest.json` into a finished build in `siteDir` (`editorOrigins`: see
 * renderHeadersFile; `known`: see scanSite; `searchParts`: the search index's parts).
 */
export async function writeHostingFiles(siteDir: string, base: string, editorOrigins?: readonly string[], known?: ReadonlyMap<string, FileHash>, searchParts = 1): Promise<Manifest> {
  for (const name of [MANIFEST_FILE, ...HOST_CONFIG_FILES]) {
    const exists = await readFile(path.join(siteDir, name)).then(
      () => true,
      () => false,
    );
    if (exists) {
      throw new HostingFilesError(`The build already contains ${name} (from public/ or a page); the build writes that file itself.`);
    }
  }
  await writeFile(path.join(siteDir, '_headers'), renderHeadersFile(base, editorOrigins, await pageStyleHashes(siteDir), searchParts));
  const manifest = await scanSite(siteDir, base, known);
  await writeFile(path.join(siteDir, MANIFEST_FILE), serializeManifest(manifest));
  return manifest;
}
