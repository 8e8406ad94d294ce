/**
 * Words of a text as search sees them: lower case, letters and digits (hyphens and
 * other punctuation separate words), and a comparison key that ignores diacritics and common endings.
 */

/** A letter or digit of any script (Unicode's L and N): what words are made of. */
const wordCharacter = /[\p{L}\p{N}]/u;

/** Each character asked once: a district's texts hold a few hundred different ones. */
const isWordCharacter = new Map<number, boolean>();

function isWordCodePoint(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  let known = isWordCharacter.get(code);
  if (known === undefined) {
    known = wordCharacter.test(String.fromCodePoint(code));
    isWordCharacter.set(code, known);
  }
  return known;
}

/**
 * The words of a text in order, lower case: "Kfz-Zulassung (2023)" → kfz, zulassung. A word is
 * a run of letters and digits (`/[\p{L}\p{N}]+/gu`); read character by character, since that
 * expression costs ≈ 3 × as much, and search reads every text of a site more than once.
 */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    let code = lower.charCodeAt(i);
    const next = lower.charCodeAt(i + 1);
    const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    if (pair) code = (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
    if (isWordCodePoint(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
    if (pair) i++;
  }
  if (start >= 0) words.push(lower.slice(start));
  return words;
}

/** Lower case without diacritics, ß as ss: "Führerschein" → "fuhrerschein". */
export function fold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
}

/**
 * The key two forms of one word share: folded, then up to two endings taken off while at
 * least four letters remain ("Urkunden" and "Urkunde" → "urkund"; "Steuern" → "steuer").
 */
export function keyOf(word: string, endings: readonly string[]): string {
  let key = fold(word);
  for (let step = 0; step < 2; step++) {
    const ending = endings.find((e) => key.endsWith(e) && key.length - e.length >= 4);
    if (!ending) break;
    key = key.slice(0, -ending.length);
  }
  return key;
}
