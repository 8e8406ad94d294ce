/**
 * The search index, built with Pagefind's Node API into `<site>/pagefind/`. Only the parts of
 * pages marked `data-pagefind-body` are indexed (towns, services, incidents); every step's
 * errors are checked, and any error fails the build.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';

export class SearchIndexError extends Error {}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new SearchIndexError(`Search index: ${step} failed:\n${errors.join('\n')}`);
}

/** Indexes the built site in `siteDir`; returns the number of pages indexed. */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  try {
    const created = await pagefind.createIndex({});
    check('createIndex', created.errors);
    const index = created.index!;
    const added = await index.addDirectory({ path: siteDir });
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new SearchIndexError('Search index: no page was indexed.');
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    check('writeFiles', written.errors);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
