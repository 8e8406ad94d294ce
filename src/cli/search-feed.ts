/**
 * The search index fed while Astro renders (docs/performance.md, "Issue 21, session 7"). Pagefind
 * numbers pages in the order they arrive, and the numbers are in the index files, so pages must
 * reach it in the order the build after Astro would send them: the built site's indexed pages,
 * sorted (`listFiles`). Before Astro starts, the checked model says which pages those will be
 * (`indexedPages`); as Astro renders each, its indexed part is offered (`SearchFeed.offer`) and
 * sent once every page before it in that list has been sent (the others wait).
 *
 * Once every expected page has been sent, Pagefind writes the index (`into` names the site's
 * folder) while Astro renders the rest of the site — the pages are rendered first, the feeds, the
 * API and the printed notices after them: about the time Pagefind's writing takes.
 *
 * Correctness does not depend on that prediction: after Astro, `finish` reads every page from
 * disk as the build always did (it hashes them for the manifest anyway) and keeps the fed index
 * only when exactly the sorted indexed parts of the files were sent, byte for byte. On any
 * difference — a page missing, one more, other bytes, a page offered twice — it throws that index
 * away and indexes the site the old way (`buildSearchIndex`).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { type FileHash } from '../hosting/write.ts';
import { folderNames, type IndexedSite } from '../model/routes.ts';
import { indexedPages, pageFile, searchParts } from '../model/search-parts.ts';
import { indexedText, WordCounter, WORD_LIST_PATH } from '../vocabulary/wordlist.ts';
import { addPage, buildSearchIndex, htmlPages, openIndex, readPage, SearchIndexError } from './search-index.ts';

/**
 * Up to how many indexed pages the index is fed while Astro renders; above, it is built after
 * Astro as before. Memory does not decide it: while Astro renders, Pagefind holds only what it
 * added (≈ 45 KB a page: 107 MB at the district's 2,233 pages, 407 MB at 10,000 notices); its peak
 * comes in `writeFiles`, after Astro either way. Time does: on a quiet machine the build of
 * 5,200 pages took 0.90–0.92 × as long fed, the district's about the same; on a loaded one
 * feeding lost at 5,200 and 10,000 pages (Astro's phase grows by Pagefind's share of the two
 * cores). 6,000 covers what was measured to gain (docs/performance.md, "Issue 21, session 7").
 */
export const FEED_PAGE_LIMIT = 6000;

/**
 * Up to how many pages Pagefind writes the index while Astro still renders (`into`); above, it
 * writes once Astro's process has exited, as before. Memory decides: the two at once add
 * Pagefind's writing to Astro's peak — the district's 2,233 pages 1.0 → 1.3 GB for the whole
 * build, 5,892 pages 1.26 → 1.99 GB (docs/performance.md, "Issue 21, session 12").
 */
export const EARLY_WRITE_PAGE_LIMIT = 3000;

/**
 * The pages to feed the search index with while Astro renders (`indexedPages`), or undefined
 * when it is built after Astro: for a site without such pages, one above `FEED_PAGE_LIMIT`, or
 * one whose index is written in parts (src/model/search-parts.ts; only after Astro).
 * A rehearsal (`--drill`) is fed like the real site: its pages are in its own search alike.
 */
export function pagesToFeed(site: IndexedSite): string[] | undefined {
  const pages = indexedPages(site);
  return pages.length > 0 && pages.length <= FEED_PAGE_LIMIT && searchParts(pages).length === 1 ? pages : undefined;
}

export { indexedPages, pageFile };

/**
 * Pages arriving in any order, released in the expected order: `arrive` returns the pages that
 * may now be sent. A page that is not expected, or arrives twice, spoils the sequence (`spoiled`);
 * nothing is released after that.
 */
export class InOrder {
  private readonly expected: readonly string[];
  private readonly rank: ReadonlyMap<string, number>;
  private readonly waiting = new Map<number, { file: string; part: string }>();
  private next = 0;
  spoiled: string | undefined;

  constructor(expected: readonly string[]) {
    this.expected = expected;
    this.rank = new Map(expected.map((file, i) => [file, i]));
  }

  arrive(file: string, part: string): { file: string; part: string }[] {
    const rank = this.rank.get(file);
    if (rank === undefined) this.spoiled ??= `${file} was not expected`;
    else if (rank < this.next || this.waiting.has(rank)) this.spoiled ??= `${file} arrived twice`;
    if (this.spoiled !== undefined) return [];
    this.waiting.set(rank!, { file, part });
    const released: { file: string; part: string }[] = [];
    for (let page = this.waiting.get(this.next); page; page = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      released.push(page);
    }
    return released;
  }

  /** How many pages are expected. */
  get size(): number {
    return this.expected.length;
  }

  /** Whether every expected page has been released. */
  get complete(): boolean {
    return this.next === this.expected.length;
  }
}

/** A part's SHA-256: what was sent is compared with the files by it. */
function digestOf(part: string): string {
  return createHash('sha256').update(part).digest('base64');
}

/** What `finish` did: fed the index while Astro rendered, or built it afresh (and why). */
export type FeedOutcome = { fed: true } | { fed: false; reason: string };

/** See the module's comment. `language`: the content language (buildSearchIndex). */
export class SearchFeed {
  private order: InOrder | undefined;
  private index: Promise<pagefind.PagefindIndex> | undefined;
  /** What was sent, in order: each page's file and a digest of its part (the parts themselves are not kept). */
  private readonly sent: { file: string; digest: string }[] = [];
  private readonly adds: Promise<void>[] = [];
  private readonly language: string | undefined;
  /** The site's `pagefind/` folder, once known (`into`), and Pagefind's writing into it, once started. */
  private folder: string | undefined;
  private written: Promise<void> | undefined;
  /** Up to how many expected pages the index is written before `finish` (`EARLY_WRITE_PAGE_LIMIT`). */
  private readonly earlyWriteLimit: number;
  outcome: FeedOutcome | undefined;

  constructor(language?: string, earlyWriteLimit = EARLY_WRITE_PAGE_LIMIT) {
    this.language = language;
    this.earlyWriteLimit = earlyWriteLimit;
  }

  /** The indexed pages the build will write, sorted (`indexedPages`); starts Pagefind's service. */
  expect(files: readonly string[]): void {
    this.order = new InOrder(files);
    this.index = openIndex(this.language);
    this.index.catch(() => {}); // awaited in finish
  }

  /** The folder the pages are rendered into (the one `finish` gets): the index is written there once every expected page was sent. */
  into(siteDir: string): void {
    const folder = path.join(siteDir, folderNames.pagefind);
    if (this.folder !== undefined && this.folder !== folder) throw new Error(`The search index goes into ${this.folder}, not ${folder}.`);
    this.folder = folder;
    this.writeWhenComplete();
  }

  /** A page Astro rendered, as `src/cli/search-index.ts` `indexedPart` takes it from the bytes it wrote. */
  offer(file: string, part: string): void {
    if (!this.order || !this.index) return;
    for (const page of this.order.arrive(file, part)) {
      this.sent.push({ file: page.file, digest: digestOf(page.part) });
      // Pagefind's service handles messages in the order they are sent: each send is queued behind the last.
      const added = this.index.then((index) => addPage(index, page.file, page.part));
      added.catch(() => {}); // awaited in finish
      this.adds.push(added);
    }
    this.writeWhenComplete();
  }

  /**
   * Starts Pagefind's writing once every expected page has been sent, unspoiled, and the folder is
   * known and not there yet (one from `public/` gets the index after the comparison, as before);
   * before `finish` only up to `earlyWriteLimit` pages. A page that spoils the sequence later
   * makes `finish` throw this index away.
   */
  private writeWhenComplete(finishing = false): void {
    if (this.written || !this.folder || !this.order?.complete || this.order.spoiled !== undefined) return;
    if ((!finishing && this.order.size > this.earlyWriteLimit) || existsSync(this.folder)) return;
    this.written = this.write(this.folder);
    this.written.catch(() => {}); // awaited in finish
  }

  /**
   * After Astro: reads every page of `siteDir` (size and hash for the manifest, as
   * buildSearchIndex returns them) and keeps the fed index if it is exactly the index of those
   * pages, else builds it afresh. Pagefind writes the fed index — since every page was sent
   * (`into`), or else now, while the pages are read — into a `pagefind/` folder of its own
   * (none came from `public/`); a difference removes that folder.
   */
  async finish(siteDir: string): Promise<Map<string, FileHash>> {
    try {
      const pages = await htmlPages(siteDir);
      const words = new WordCounter();
      this.into(siteDir);
      this.writeWhenComplete(true);
      const folder = this.folder!;
      const written = this.written;
      const { hashes, difference } = this.compare(siteDir, pages, words);
      if (difference !== undefined) {
        if (written) {
          await written.catch(() => {});
          await rm(folder, { recursive: true, force: true });
        }
        return await this.rebuild(siteDir, difference);
      }
      await (written ?? this.write(folder));
      await writeFile(path.join(siteDir, WORD_LIST_PATH), words.toText());
      this.outcome = { fed: true };
      return hashes;
    } finally {
      await pagefind.close();
    }
  }

  /** Waits for every page sent, then has Pagefind write the index into `folder`. */
  private async write(folder: string): Promise<void> {
    const index = await this.index!;
    await Promise.all(this.adds);
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new SearchIndexError(`Search index: writeFiles failed:\n${written.errors.join('\n')}`);
  }

  /** Reads the pages; the first difference between what was sent and the sorted indexed parts of the files, if any. */
  private compare(siteDir: string, pages: readonly string[], words: WordCounter): { hashes: Map<string, FileHash>; difference: string | undefined } {
    const hashes = new Map<string, FileHash>();
    let indexed = 0;
    let difference = this.order?.spoiled ?? (this.order ? undefined : 'nothing was expected');
    for (const page of pages) {
      const { hash, part } = readPage(siteDir, page);
      hashes.set(page, hash);
      if (part === undefined) continue;
      words.addPage(indexedText(part));
      const sent = this.sent[indexed++];
      if (difference === undefined && (sent?.file !== page || sent.digest !== digestOf(part))) difference = sent ? `${page} differs from what was sent (${sent.file})` : `${page} was not sent`;
    }
    if (difference === undefined && indexed !== this.sent.length) difference = `${this.sent.length - indexed} pages more were sent than built`;
    if (difference === undefined && indexed === 0) difference = 'no page has an indexed part';
    return { hashes, difference };
  }

  /** The fed index is thrown away (Pagefind's service closed with it) and the site indexed as before. */
  private async rebuild(siteDir: string, reason: string): Promise<Map<string, FileHash>> {
    this.outcome = { fed: false, reason };
    await pagefind.close();
    return buildSearchIndex(siteDir, this.language);
  }
}
