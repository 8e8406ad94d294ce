/** What the focus prefetch (page.ts) reads from Pagefind's `pagefind-entry.json`. */
export interface PagefindEntry {
  languages?: Record<string, { hash: string; wasm?: string | null; page_count?: number }>;
}

/**
 * The index Pagefind 1.x loads for a page whose `<html lang>` is `lang` (its `findIndex`): the
 * language itself, else its base language (`de` for `de-at`), else the one with the most pages
 * (a German index under an Arabic interface).
 */
export function pickIndex(entry: PagefindEntry, lang: string): { hash: string; wasm?: string | null } | undefined {
  const languages = entry.languages ?? {};
  const wanted = lang.toLowerCase();
  return languages[wanted] ?? languages[wanted.split('-')[0]!] ?? Object.values(languages).sort((a, b) => (b.page_count ?? 0) - (a.page_count ?? 0))[0];
}
