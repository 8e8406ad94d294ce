/**
 * Words of a text as search sees them: lower case, letters and digits (hyphens and
 * other punctuation separate words), and a comparison key that ignores diacritics and common endings.
 */

/** The words of a text in order, lower case: "Kfz-Zulassung (2023)" → kfz, zulassung. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
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
