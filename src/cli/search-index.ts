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
 * The same pass writes the word list the search page corrects typos with (`vocabulary/wordlist.ts`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { listFiles } from '../hosting/write.ts';
import { indexedText, WordCounter, WORD_LIST_PATH } from '../vocabulary/wordlist.ts';

export class SearchIndexError extends Error {}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new SearchIndexError(`Search index: ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Indexes the built site in `siteDir`; returns the number of HTML files read.
 *
 * `language` is the content language: the index holds what editors wrote, so it is stemmed in
 * their language, not in the interface's (`<html lang>`, which Pagefind would go by). A site
 * with an Arabic interface and German notices gets a German index; the search script falls
 * back to the only index there is. Pagefind stems de, en, tr, ar and ru; uk is indexed
 * without stemming.
 */
export async function buildSearchIndex(siteDir: string, language?: string): Promise<number> {
  try {
    const created = await pagefind.createIndex(language ? { forceLanguage: language } : {});
    check('createIndex', created.errors);
    const index = created.index!;
    const pages = (await listFiles(siteDir)).filter((file) => file.endsWith('.html'));
    if (pages.length === 0) throw new SearchIndexError('Search index: no page was indexed.');
    // Pagefind's service handles its messages one after the other in the order they arrive,
    // so requests can be sent ahead (a window of them, to bound memory) without changing the order.
    const inFlight: Promise<void>[] = [];
    const words = new WordCounter();
    for (const page of pages) {
      const content = await readFile(path.join(siteDir, page), 'utf8');
      words.addPage(indexedText(content));
      const added = index.addHTMLFile({ sourcePath: page, content }).then((response) => check(`adding ${page}`, response.errors));
      added.catch(() => {}); // awaited below; this only keeps a later failure from counting as unhandled
      inFlight.push(added);
      if (inFlight.length >= 32) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    check('writeFiles', written.errors);
    await writeFile(path.join(siteDir, WORD_LIST_PATH), words.toText());
    return pages.length;
  } finally {
    await pagefind.close();
  }
}
