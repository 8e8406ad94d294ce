/**
 * `wordsOf` reads a text character by character: it must give exactly the words of the
 * expression it replaced (`/[\p{L}\p{N}]+/gu` on the lower-cased text), in every script the
 * interface and the content may be written in, with surrogate pairs, lone surrogates and marks.
 */
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../src/vocabulary/words.ts';
import { seededRandom } from '../../support/random.ts';

const reference = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Characters of every kind a word can meet: ASCII, umlauts, Turkish İ, Cyrillic, Arabic and its digits, marks, astral letters and symbols, lone surrogates. */
const alphabet = [
  'a', 'Z', '0', '9', ' ', '-', '_', '.', '/', '\n', '\t', '&', '(', ')', '–', '\u00a0',
  'ä', 'Ö', 'ß', 'é', 'İ', 'ı', 'Ş', 'ğ', 'Ж', 'ї', 'Ґ', 'ب', 'ة', '٣', '۵', '\u0301', '\u064b',
  '𝐀', '𝟘', '😀', '𐐷', '\ud800', '\udc00', '\u200b', '½', 'Ⅻ', '²',
];

function randomText(random: () => number): string {
  const length = Math.floor(random() * 40);
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

describe('wordsOf', () => {
  it('splits at everything that is not a letter or digit, in lower case', () => {
    expect(wordsOf('Kfz-Zulassung (2023)')).toEqual(['kfz', 'zulassung', '2023']);
    expect(wordsOf('Bürgerbüro Soest')).toEqual(['bürgerbüro', 'soest']);
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf(' – ')).toEqual([]);
    expect(wordsOf('Довідка про місце проживання')).toEqual(['довідка', 'про', 'місце', 'проживання']);
    expect(wordsOf('𝐀bc😀de')).toEqual(['𝐀bc', 'de']);
  });

  it('gives the words of the expression it replaced, for 20,000 random texts', () => {
    const random = seededRandom(21);
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(random);
      expect(wordsOf(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
