/**
 * The word list for typo correction on the search page: every word the search index knows
 * (the indexed part of each built page, hidden vocabulary words included), written at build
 * time to `pagefind/aushang-words.txt` and fetched by the search page only when a query has a
 * word the index does not know.
 *
 * One word a line, lower case, letters only, at least 4 letters (a query word of 5 letters is
 * corrected by at most one edit); the words on most pages first, so that of two words equally
 * close to a typo the more common one wins.
 */
import { routes } from '../model/routes.ts';
import { wordsOf } from './words.ts';

/** Its place in the output folder (`routes.wordList()` without the leading slash). */
export const WORD_LIST_PATH = routes.wordList().slice(1);

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text Pagefind indexes of a built page: inside `data-pagefind-body`, without `data-pagefind-ignore` elements. */
export function indexedText(html: string): string {
  const attribute = html.indexOf('data-pagefind-body');
  if (attribute < 0) return '';
  const start = html.indexOf('>', attribute) + 1;
  const end = html.indexOf('</main>', start);
  return html
    .slice(start, end < 0 ? undefined : end)
    .replace(/<(\w+)\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : ' ';
      }
      return entities[name.toLowerCase()] ?? whole;
    });
}

/** Counts on how many pages each word stands. */
export class WordCounter {
  /** Per word: on how many pages, and the last page it was counted on (one lookup a word, no set per page). */
  private readonly counts = new Map<string, { pages: number; last: number }>();
  private page = 0;

  addPage(text: string): void {
    const page = ++this.page;
    for (const word of wordsOf(text)) {
      const count = this.counts.get(word);
      if (count) {
        if (count.last !== page) {
          count.pages++;
          count.last = page;
        }
      } else if (word.length >= 4 && !/\d/.test(word)) this.counts.set(word, { pages: 1, last: page });
    }
  }

  /** The list as written: most pages first, then alphabetical (by code point, the same on every machine). */
  toText(): string {
    const words = [...this.counts].map(([word, count]) => [word, count.pages] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return words.map(([word]) => word).join('\n') + '\n';
  }
}
