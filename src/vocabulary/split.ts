/**
 * Splitting German compounds into their parts with a dictionary: Führerschein → führer +
 * schein, Geburtsurkunde → geburt + urkunde (linking -s-), Hundesteuer → hund + steuer.
 *
 * The dictionary is the reviewed vocabulary plus the site's own words. The rules, each tested
 * on its own in tests/unit/vocabulary/split.test.ts:
 * - only words of at least 6 letters are split, and never the words listed in `noSplit`;
 * - every part is a dictionary word of at least 3 letters; a part of 3 letters must be a
 *   reviewed word ("amt", "weg"), since short site words make nonsense splits;
 * - the last part (the head) is a dictionary word as written; a part before it may also be a
 *   verb stem ("sperr" of "sperren" in Sperrmüll) or lack a final -e ("schul" of "Schule");
 * - parts may be joined by a linking element (-s-, -es-, -n-, -en-, -e-, -er-);
 * - function words ("ein", "aus", "vor") are never parts;
 * - among several splits the one with the fewest parts wins, then the one with more reviewed
 *   parts, then fewer linking letters, then the longer head.
 */
import type { CompoundRules } from './types.ts';

export interface Splitter {
  /** The parts of a compound, lower case, or an empty list when it is not one. */
  split(word: string): string[];
  /**
   * The parts and the shorter compounds inside it that the dictionary knows:
   * Führerscheinstelle → führer, schein, stelle, führerschein.
   */
  pieces(word: string): string[];
}

interface Segmentation {
  parts: string[];
  /** The text of each part as it stands in the word, with the linker after it. */
  spans: string[];
  reviewed: number;
  linkerLetters: number;
}

const MIN_WORD = 6;
const MIN_PART = 3;

export function createSplitter(rules: CompoundRules, reviewed: ReadonlySet<string>, siteWords: ReadonlySet<string>): Splitter {
  const noSplit = new Set(rules.noSplit.map((w) => w.toLowerCase()));
  const notParts = new Set(rules.notParts.map((w) => w.toLowerCase()));
  const linkers = ['', ...rules.linkers];
  const known = (part: string) => !notParts.has(part) && (reviewed.has(part) || (part.length > MIN_PART && siteWords.has(part)));

  const modifierWord = (piece: string) => modifierWordOf(piece, known, notParts);

  const memo = new Map<string, Segmentation | null>();

  /** The best segmentation of `text` into at least one part; null when there is none. */
  const segment = (text: string, whole = true): Segmentation | null => {
    const cached = whole ? memo.get(text) : undefined;
    if (cached !== undefined) return cached;
    let best: Segmentation | null =
      whole && known(text) ? { parts: [text], spans: [text], reviewed: reviewed.has(text) ? 1 : 0, linkerLetters: 0 } : null;
    for (let end = MIN_PART; end <= text.length - MIN_PART; end++) {
      const modifier = modifierWord(text.slice(0, end));
      if (!modifier) continue;
      for (const linker of linkers) {
        if (!text.startsWith(linker, end)) continue;
        const restStart = end + linker.length;
        if (text.length - restStart < MIN_PART) continue;
        const rest = segment(text.slice(restStart));
        if (!rest) continue;
        const candidate: Segmentation = {
          parts: [modifier, ...rest.parts],
          spans: [text.slice(0, restStart), ...rest.spans],
          reviewed: rest.reviewed + (reviewed.has(modifier) ? 1 : 0),
          linkerLetters: rest.linkerLetters + linker.length,
        };
        if (!best || better(candidate, best)) best = candidate;
      }
    }
    if (whole) memo.set(text, best);
    return best;
  };

  const splitWord = (word: string): Segmentation | null => {
    const lower = word.toLowerCase();
    if (lower.length < MIN_WORD || noSplit.has(lower)) return null;
    return segment(lower, false);
  };

  return {
    split: (word) => splitWord(word)?.parts ?? [],
    pieces(word) {
      const found = splitWord(word);
      if (!found) return [];
      const pieces = new Set(found.parts);
      // A part that is itself a compound (führerschein in Führerscheinstelle) gives its parts too.
      for (const part of found.parts) for (const piece of this.pieces(part)) pieces.add(piece);
      for (const inner of innerCompounds(found, known)) pieces.add(inner);
      return [...pieces];
    },
  };
}

/** The dictionary word a modifier stands for: itself, its verb (sperr → sperren) or its -e form (schul → schule). */
function modifierWordOf(piece: string, known: (part: string) => boolean, notParts: ReadonlySet<string>): string | undefined {
  if (piece.length < MIN_PART || notParts.has(piece)) return undefined;
  if (known(piece)) return piece;
  for (const ending of ['en', 'n', 'e']) if (known(piece + ending)) return piece + ending;
  return undefined;
}

/** Shorter compounds inside a segmented word: neighbouring parts as they stand in the word. */
function innerCompounds(found: Segmentation, known: (part: string) => boolean): string[] {
  const inner: string[] = [];
  for (let from = 0; from < found.spans.length; from++) {
    for (let to = from + 2; to <= found.spans.length; to++) {
      if (from === 0 && to === found.spans.length) continue;
      const word = found.spans.slice(from, to - 1).join('') + found.parts[to - 1]!;
      if (known(word)) inner.push(word);
    }
  }
  return inner;
}

function better(a: Segmentation, b: Segmentation): boolean {
  if (a.parts.length !== b.parts.length) return a.parts.length < b.parts.length;
  if (a.reviewed !== b.reviewed) return a.reviewed > b.reviewed;
  if (a.linkerLetters !== b.linkerLetters) return a.linkerLetters < b.linkerLetters;
  return a.parts[a.parts.length - 1]!.length > b.parts[b.parts.length - 1]!.length;
}
