/** Typo correction on the search page (src/scripts/search-correction.ts) and the word list it reads (src/vocabulary/wordlist.ts). */
import { describe, expect, test } from 'vitest';
import { boundedDistance, closestWord, correctable, correctQuery, maxEdits, namesWord, parseWordList } from '../../../src/scripts/search-correction.ts';
import { indexedText, WordCounter } from '../../../src/vocabulary/wordlist.ts';

const list = ['führerschein', 'sperrmüll', 'meldebescheinigung', 'führungszeugnis', 'ausweis', 'reisepass', 'steuer', 'steuern'];

describe('which words are corrected', () => {
  test('5 letters or more, no digits, once each', () => {
    expect(correctable('Kfz Fürherschein 2023 Pass Sperrmühl fürherschein')).toEqual(['fürherschein', 'sperrmühl']);
  });

  test('one edit up to 8 letters, two above', () => {
    expect(maxEdits('ausweis')).toBe(1);
    expect(maxEdits('sperrmül')).toBe(1);
    expect(maxEdits('sperrmühl')).toBe(2);
  });
});

describe('whether the index knows a word', () => {
  test("a marked word that begins with it (less an ending) shows it; Pagefind's match of a known beginning does not", () => {
    const found = [{ excerpt: 'Auskünfte <mark>für</mark> Medien', sub_results: [{ excerpt: '<mark>Urkunde</mark> beantragen' }] }];
    expect(namesWord('Fürherschein', found)).toBe(false);
    expect(namesWord('Urkunden', found)).toBe(true);
    expect(namesWord('fur', found)).toBe(true);
    expect(namesWord('Sperrmüll', [])).toBe(false);
  });
});

describe('the closest word', () => {
  test('typos of everyday searches', () => {
    expect(closestWord('Fürherschein', list)).toBe('führerschein');
    expect(closestWord('Sperrmühl', list)).toBe('sperrmüll');
    expect(closestWord('Meldebeschenigung', list)).toBe('meldebescheinigung');
  });

  test('a short word is corrected by one edit only', () => {
    expect(closestWord('auswes', list)).toBe('ausweis');
    expect(closestWord('auswss', list)).toBeUndefined();
  });

  test('a long word by two edits, not three', () => {
    expect(closestWord('fürerschien', list)).toBeUndefined();
    expect(closestWord('reisepas', list)).toBe('reisepass');
  });

  test('of equally close words the one earlier in the list (on more pages) wins', () => {
    expect(closestWord('steuen', ['steuern', 'steuer'])).toBe('steuern');
    expect(closestWord('steuen', ['steuer', 'steuern'])).toBe('steuer');
  });

  test('a known word is not corrected', () => {
    expect(closestWord('Ausweis', list)).toBeUndefined();
  });

  test('bounded distance', () => {
    expect(boundedDistance('kitten', 'sitting', 5)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 1)).toBe(2);
    expect(boundedDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('the corrected query', () => {
  test('only unknown words are replaced, in place, with the case as typed', () => {
    expect(correctQuery('Fürherschein Soest', new Set(['fürherschein']), list)).toBe('Führerschein Soest');
    expect(correctQuery('sperrmühl abholen', new Set(['sperrmühl']), list)).toBe('sperrmüll abholen');
  });

  test('nothing close: no correction', () => {
    expect(correctQuery('Xylophon', new Set(['xylophon']), list)).toBeUndefined();
  });
});

describe('the word list', () => {
  test('the indexed part of a page, without ignored elements and tags, entities decoded', () => {
    const html =
      '<html><body><header>Kopfzeile</header><main><div data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-meta="title">Metadaten</span></div>' +
      '<h1>Bürgerbüro &amp; Standesamt</h1><p hidden data-pagefind-weight="0.5">Trauung Heirat</p><form data-pagefind-ignore><label>Suchfeld</label></form>' +
      '<p>Caf&#233; &#x48;allo</p></div></main><footer>Fußzeile</footer></body></html>';
    const text = indexedText(html);
    expect(text.split(/\s+/).filter(Boolean)).toEqual(['Bürgerbüro', '&', 'Standesamt', 'Trauung', 'Heirat', 'Café', 'Hallo']);
    expect(indexedText('<main><h1>Suche</h1></main>')).toBe('');
  });

  test('words of 4 letters or more, no digits, the most common first, then alphabetical', () => {
    const counter = new WordCounter();
    counter.addPage('Bürgerbüro Soest Standesamt Amt 2023 Kfz-Zulassung');
    counter.addPage('Bürgerbüro Werl Standesamt');
    counter.addPage('Bürgerbüro Bürgerbüro');
    expect(parseWordList(counter.toText())).toEqual(['bürgerbüro', 'standesamt', 'soest', 'werl', 'zulassung']);
  });
});
