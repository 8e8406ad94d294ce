/**
 * The search index, built with Pagefind's Node API into `<site>/pagefind/`. Only the parts of
 * pages marked `data-pagefind-body` are indexed (towns, services, incidents); every step's
 * errors are checked, and any error fails the build.
 *
 * Pages are handed to Pagefind one by one in sorted order (`addHTMLFile`), not with
 * `addDirectory`: Pagefind numbers pages in the order it receives them, and a directory walk
 * returns them in the file system's order, which differs between file systems and machines.
 * The page numbers end up in the index, filter and meta files, so the same site indexed on
 * two machines gave different bytes.
 *
 * Each page is handed over as its indexed part only (`indexedPart`): the same index from a quarter
 * of the bytes, and a page without that part (the home page, A–Z, the printed notices) is not
 * sent at all — Pagefind leaves such pages out once any page of the site has the part.
 *
 * The same pass writes the word list the search page corrects typos with (`vocabulary/wordlist.ts`).
 *
 * A site with more indexed pages than a part holds gets the index in parts (`buildInParts`,
 * src/model/search-parts.ts): `pagefind/`, `pagefind_2/`, …, and the script that merges them
 * in the browser (`pagefind/aushang-parts.js`).
 */
import { readFileSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { searchPartsScript } from '../hosting/search-parts-script.ts';
import { hashOf, listFiles, type FileHash } from '../hosting/write.ts';
import { pagefindChunkFolders, routes, searchPartFolder } from '../model/routes.ts';
import { furtherPartFolders, searchParts } from '../model/search-parts.ts';
import { indexedText, WordCounter, WORD_LIST_PATH } from '../vocabulary/wordlist.ts';

export class SearchIndexError extends Error {}

const BODY_START = '<div data-pagefind-body>';

/**
 * What Pagefind reads of a built page: the page's `<html>` start tag (its language) and the
 * `data-pagefind-body` element, which the layout (`src/layouts/Layout.astro`) closes right
 * before `</main>`; undefined for a page without it. Pagefind indexes only that element's text
 * and takes filters and meta from it; the rest of the page (head, stylesheet, header, footer)
 * carries no `data-pagefind-*` attribute, so the index is the same byte for byte. Editors' text
 * cannot contain either tag: it is escaped.
 */
export function indexedPart(html: string): string | undefined {
  const start = html.indexOf(BODY_START);
  if (start < 0) return undefined;
  const end = html.indexOf('</main>', start);
  const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  return `${htmlTag}<body>${html.slice(start, end < 0 ? undefined : end)}</body></html>`;
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new SearchIndexError(`Search index: ${step} failed:\n${errors.join('\n')}`);
}

/** A new, empty index in Pagefind's service; `language`: see buildSearchIndex. */
export async function openIndex(language?: string): Promise<pagefind.PagefindIndex> {
  const created = await pagefind.createIndex(language ? { forceLanguage: language } : {});
  check('createIndex', created.errors);
  return created.index!;
}

/**
 * Ends Pagefind's service process at once (it is killed, not asked): a stopped build removes its
 * folders right after, and Pagefind may be writing the index into one of them (search-feed.ts).
 */
export function stopSearchIndex(): void {
  void pagefind.close();
}

/** Hands one page to Pagefind; the promise fails with the page's errors. */
export async function addPage(index: pagefind.PagefindIndex, page: string, content: string): Promise<void> {
  check(`adding ${page}`, (await index.addHTMLFile({ sourcePath: page, content })).errors);
}

/** Writes the index and the word list into the built site. */
export async function writeIndex(index: pagefind.PagefindIndex, siteDir: string, words: WordCounter): Promise<void> {
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  check('writeFiles', written.errors);
  await writeFile(path.join(siteDir, WORD_LIST_PATH), words.toText());
}

/** The built site's HTML pages, sorted (`listFiles`): the order Pagefind numbers them in. */
export async function htmlPages(siteDir: string): Promise<string[]> {
  const pages = (await listFiles(siteDir)).filter((file) => file.endsWith('.html'));
  if (pages.length === 0) throw new SearchIndexError('Search index: no page was indexed.');
  return pages;
}

/**
 * Reads a built page once: its size and hash for the manifest, and its indexed part. Read
 * synchronously: an asynchronous read is four trips through the thread pool per page.
 */
export function readPage(siteDir: string, page: string): { hash: FileHash; part: string | undefined } {
  const bytes = readFileSync(path.join(siteDir, page));
  return { hash: hashOf(bytes), part: indexedPart(bytes.toString('utf8')) };
}

/**
 * Sends pages to Pagefind: its service handles its messages one after the other in the order they
 * arrive, so requests can be sent ahead (a window of them, to bound memory) without changing the order.
 */
function pageSender(index: pagefind.PagefindIndex): { add(page: string, content: string): Promise<void>; done(): Promise<void> } {
  const inFlight: Promise<void>[] = [];
  const add = async (page: string, content: string) => {
    const added = addPage(index, page, content);
    added.catch(() => {}); // awaited below; this only keeps a later failure from counting as unhandled
    inFlight.push(added);
    if (inFlight.length >= 32) await inFlight.shift();
  };
  return { add, done: async () => void (await Promise.all(inFlight)) };
}

/**
 * Indexes the built site in `siteDir`; returns the size and SHA-256 of every HTML file it read,
 * by path, for the manifest (`scanSite`), so that the pages are not read a second time.
 *
 * `language` is the content language: the index holds what editors wrote, so it is stemmed in
 * their language, not in the interface's (`<html lang>`, which Pagefind would go by). A site
 * with an Arabic interface and German notices gets a German index; the search script falls
 * back to the only index there is. Pagefind stems de, en, tr, ar and ru; uk is indexed
 * without stemming.
 *
 * `parts`: how many parts the search page and the service worker name
 * (src/model/search-parts.ts); the pages must make exactly that many, else the build fails.
 */
export async function buildSearchIndex(siteDir: string, language?: string, parts = 1): Promise<Map<string, FileHash>> {
  return parts > 1 ? buildInParts(siteDir, language, parts) : buildInOne(siteDir, language);
}

/** Fails the build when the indexed pages do not make the parts the pages were rendered for. */
function checkParts(made: number, named: number): void {
  if (made !== named) throw new SearchIndexError(`Search index: the pages make ${made} parts, the search page names ${named}.`);
}

/** The index in one part: the pages are sent as they are read. */
async function buildInOne(siteDir: string, language?: string): Promise<Map<string, FileHash>> {
  try {
    const index = await openIndex(language);
    const pages = await htmlPages(siteDir);
    const sender = pageSender(index);
    const words = new WordCounter();
    const withoutPart: string[] = [];
    const indexed: string[] = [];
    const hashes = new Map<string, FileHash>();
    for (const page of pages) {
      const { hash, part } = readPage(siteDir, page);
      hashes.set(page, hash);
      if (part === undefined) withoutPart.push(page);
      else {
        words.addPage(indexedText(part));
        indexed.push(page);
        await sender.add(page, part);
      }
    }
    checkParts(searchParts(indexed).length, 1);
    // A site without any indexed part: Pagefind indexes every page's <body>, as it would have.
    if (withoutPart.length === pages.length) {
      for (const page of withoutPart) await sender.add(page, readFileSync(path.join(siteDir, page), 'utf8'));
    }
    await sender.done();
    await writeIndex(index, siteDir, words);
    return hashes;
  } finally {
    await pagefind.close();
  }
}

/**
 * The index in parts: the pages are read once for their hashes, the words and which of them are
 * indexed; then each part is indexed by a Pagefind service of its own, closed before the next
 * starts (its pages read again), so that Pagefind's peak is that of the largest part.
 */
async function buildInParts(siteDir: string, language: string | undefined, named: number): Promise<Map<string, FileHash>> {
  const hashes = new Map<string, FileHash>();
  const words = new WordCounter();
  const indexed: string[] = [];
  for (const page of await htmlPages(siteDir)) {
    const { hash, part } = readPage(siteDir, page);
    hashes.set(page, hash);
    if (part === undefined) continue;
    words.addPage(indexedText(part));
    indexed.push(page);
  }
  const parts = searchParts(indexed);
  checkParts(parts.length, named);
  for (const [i, files] of parts.entries()) await writePart(siteDir, files, searchPartFolder(i), language);
  for (const folder of furtherPartFolders(parts.length)) await keepWhatMergeReads(path.join(siteDir, folder));
  await writeFile(path.join(siteDir, WORD_LIST_PATH), words.toText());
  await writeFile(path.join(siteDir, routes.searchPartsScript()), searchPartsScript(furtherPartFolders(parts.length)));
  return hashes;
}

/** One part of the index: its pages to a Pagefind service of its own, written into `folder`, the service closed. */
async function writePart(siteDir: string, files: readonly string[], folder: string, language: string | undefined): Promise<void> {
  try {
    const index = await openIndex(language);
    const sender = pageSender(index);
    for (const file of files) await sender.add(file, indexedPart(readFileSync(path.join(siteDir, file), 'utf8'))!);
    await sender.done();
    check('writeFiles', (await index.writeFiles({ outputPath: path.join(siteDir, folder) })).errors);
  } finally {
    await pagefind.close();
  }
}

/**
 * A further part keeps only what Pagefind's `mergeIndex` reads: `pagefind-entry.json`, the
 * `.pf_meta` and the chunk folders. Its scripts, WebAssembly and UI are the first part's.
 */
async function keepWhatMergeReads(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const kept = entry.isDirectory() ? (pagefindChunkFolders as readonly string[]).includes(entry.name) : entry.name === 'pagefind-entry.json' || entry.name.endsWith('.pf_meta');
    if (!kept) await rm(path.join(folder, entry.name), { recursive: true });
  }
}
