/** What the build hands Pagefind of each page (src/cli/search-index.ts): the indexed part only. */
import { describe, expect, test } from 'vitest';
import { indexedPart } from '../../../src/cli/search-index.ts';
import { indexedText } from '../../../src/vocabulary/wordlist.ts';

const page =
  '<!DOCTYPE html><html lang="de" dir="ltr"><head><title>Bürgerbüro</title><style>body{color:red}</style></head>' +
  '<body><header>Kopfzeile</header><main id="main"><p class="banner">Stand</p>' +
  '<div data-pagefind-body> <div hidden data-pagefind-ignore><span data-pagefind-meta="title">Bürgerbüro</span></div> <h1>Bürgerbüro</h1> </div>' +
  ' </main><footer>Fußzeile</footer></body></html>';

describe('the indexed part of a page', () => {
  test('the <html> start tag and the data-pagefind-body element, nothing of head, header, banner or footer', () => {
    expect(indexedPart(page)).toBe(
      '<html lang="de" dir="ltr"><body><div data-pagefind-body> <div hidden data-pagefind-ignore><span data-pagefind-meta="title">Bürgerbüro</span></div> <h1>Bürgerbüro</h1> </div> </body></html>',
    );
  });

  test('the word list reads the same text from it as from the whole page', () => {
    const words = (html: string) => indexedText(html).split(/\s+/).filter(Boolean);
    expect(words(indexedPart(page)!)).toEqual(words(page));
  });

  test('a page without it (home, A–Z, printed notice): none', () => {
    expect(indexedPart('<html lang="de"><body><main><h1>Aushang</h1></main></body></html>')).toBeUndefined();
  });
});
