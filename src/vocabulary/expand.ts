/**
 * What the search index gets besides a text's own words: the parts of its compounds and the
 * words of every vocabulary group it uses. "Eheschließung anmelden" gets "trauung heirat …";
 * "Führerschein beantragen" gets "führer schein" and the words of the Führerschein group.
 *
 * A group is used by a text when one of its one-word members has the key of a word of the
 * text or of a part of one, or when every word of a member phrase ("Wohnsitz ummelden") does.
 */
import { createSplitter, type Splitter } from './split.ts';
import type { Vocabulary } from './types.ts';
import { keyOf, wordsOf } from './words.ts';

export interface Expansion {
  /** Words of the groups the text uses that the text does not contain. */
  synonyms: string[];
  /**
   * Parts of its compounds that the text does not contain as words, and the compounds of the
   * dictionary whose parts it names ("Steuer für Hunde" → hundesteuer).
   */
  parts: string[];
}

export interface Expander {
  expand(text: string): Expansion;
  /** The key two forms of a word share, with the vocabulary's endings ("Bürgerbüros" → "burgerburo"). */
  key(word: string): string;
  /** The splitter, with the same dictionary. */
  splitter: Splitter | undefined;
}

export interface ExpanderInput {
  /** The built-in vocabulary of the site's language, if it has one. */
  vocabulary: Vocabulary | undefined;
  /** The site's own groups (`vocabulary:` in site.yaml). */
  siteGroups: readonly (readonly string[])[];
  /** Every text of the site, for the dictionary compounds are split with. */
  siteTexts: Iterable<string>;
}

const defaultEndings = ['en', 'es', 'e', 'n', 's'];

interface Group {
  /** Every word of every member, lower case, in order. */
  words: string[];
  /** Members of several words, as lists of keys. */
  phrases: string[][];
}

/**
 * Hyphenated words as one: Pagefind reads the query "Kfz-Zulassung" as "kfzzulassung", so the
 * group words carry that form besides "kfz" and "zulassung".
 */
function joinedForms(member: string): string[] {
  return (member.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []).map((w) => w.replace(/-/g, ''));
}

/** A compound of the dictionary and the keys of its parts. */
interface Compound {
  word: string;
  keys: string[];
}

/**
 * Every dictionary word that splits into parts, by the key of its last part (its head): the
 * index of compounds that a text naming all their parts gets.
 */
function compoundIndex(splitter: Splitter, words: Iterable<string>, key: (word: string) => string): Map<string, Compound[]> {
  const index = new Map<string, Compound[]>();
  for (const word of new Set(words)) {
    const parts = splitter.split(word);
    if (parts.length < 2) continue;
    const keys = [...new Set(parts.map(key))];
    if (keys.length < 2) continue;
    const head = keys[keys.length - 1]!;
    const list = index.get(head);
    if (list) list.push({ word, keys });
    else index.set(head, [{ word, keys }]);
  }
  return index;
}

/** The groups of synonyms, by the key of a one-word member and by the first key of a phrase. */
function indexGroups(memberLists: readonly (readonly string[])[], key: (word: string) => string) {
  const groups: Group[] = [];
  /** One-word member key → groups; first key of a phrase → groups. */
  const byKey = new Map<string, number[]>();
  const byPhraseStart = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, k: string, index: number) => {
    const list = map.get(k);
    if (!list) map.set(k, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  };
  for (const members of memberLists) {
    const index = groups.length;
    const group: Group = { words: [], phrases: [] };
    for (const member of members) {
      const words = wordsOf(member);
      group.words.push(...words, ...joinedForms(member));
      if (words.length === 1) add(byKey, key(words[0]!), index);
      else if (words.length > 1) {
        group.phrases.push(words.map(key));
        add(byPhraseStart, key(words[0]!), index);
      }
    }
    group.words = [...new Set(group.words)];
    groups.push(group);
  }
  return { groups, byKey, byPhraseStart };
}

/** The splitter of compounds for the reviewed words and the site's own, and the compounds it knows by head. */
function compoundsOf(
  groups: Vocabulary['groups'],
  compounds: NonNullable<Vocabulary['compounds']>,
  siteGroups: ExpanderInput['siteGroups'],
  siteTexts: ExpanderInput['siteTexts'],
  key: (word: string) => string,
): { splitter: Splitter; compoundsByHead: Map<string, Compound[]> } {
  const reviewed = new Set<string>();
  for (const members of groups) for (const member of members) for (const w of wordsOf(member)) reviewed.add(w);
  for (const w of compounds.parts) for (const word of wordsOf(w)) reviewed.add(word);
  const site = new Set<string>();
  for (const members of siteGroups) for (const member of members) for (const w of wordsOf(member)) site.add(w);
  for (const text of siteTexts) for (const w of wordsOf(text)) site.add(w);
  const splitter = createSplitter(compounds, reviewed, site);
  return { splitter, compoundsByHead: compoundIndex(splitter, [...reviewed, ...site], key) };
}

/** What expansion needs of one word: its key and pieces, and what its key names in the vocabulary. */
interface WordFacts {
  key: string;
  /** The dictionary's parts of the word and the shorter compounds inside it (`Splitter.pieces`). */
  pieces: readonly string[];
  /** The groups with a one-word member of this key. */
  groups: readonly number[];
  /** The groups with a member phrase that starts with this key. */
  phraseGroups: readonly number[];
  /** The dictionary's compounds whose head has this key. */
  compounds: readonly Compound[];
}

const none: readonly never[] = Object.freeze([]);

export function createExpander({ vocabulary, siteGroups, siteTexts }: ExpanderInput): Expander {
  const endings = vocabulary?.endings ?? defaultEndings;
  // Asked for the same words again and again (every page of a district has most of them);
  // folding a word (Unicode normalisation) is what costs.
  const keys = new Map<string, string>();
  const key = (word: string) => {
    let known = keys.get(word);
    if (known === undefined) {
      known = keyOf(word, endings);
      keys.set(word, known);
    }
    return known;
  };
  const { groups, byKey, byPhraseStart } = indexGroups([...(vocabulary?.groups ?? []), ...siteGroups], key);
  const { splitter, compoundsByHead } = vocabulary?.compounds
    ? compoundsOf(vocabulary.groups, vocabulary.compounds, siteGroups, siteTexts, key)
    : { splitter: undefined, compoundsByHead: new Map<string, Compound[]>() };

  /** What `expand` needs of each word, worked out the first time it is asked for (`WordFacts`). */
  const facts = new Map<string, WordFacts>();
  const factsOf = (word: string): WordFacts => {
    let known = facts.get(word);
    if (!known) {
      const k = key(word);
      known = { key: k, pieces: splitter?.pieces(word) ?? none, groups: byKey.get(k) ?? none, phraseGroups: byPhraseStart.get(k) ?? none, compounds: compoundsByHead.get(k) ?? none };
      facts.set(word, known);
    }
    return known;
  };

  return { splitter, key, expand: (text) => expandText(text, factsOf, groups) };
}

/**
 * The words a text gets: the pieces of its words and the compounds whose parts it names
 * (`parts`), then the words of every group that one of those keys or a phrase of them names
 * (`synonyms`), in the groups' order.
 */
function expandText(text: string, factsOf: (word: string) => WordFacts, groups: readonly Group[]): Expansion {
  const own = new Set(wordsOf(text));
  const parts = new Set<string>();
  const ownKeys = new Set<string>();
  /** The facts of the first word of each key, in the text's order. */
  const keyed: WordFacts[] = [];
  for (const word of own) {
    const known = factsOf(word);
    for (const piece of known.pieces) if (!own.has(piece)) parts.add(piece);
    if (ownKeys.has(known.key)) continue;
    ownKeys.add(known.key);
    keyed.push(known);
  }
  // The other way round: a text that names the parts ("Steuer für Hunde") gets the compound
  // the dictionary knows (hundesteuer), so a query for the compound finds it.
  for (const { compounds } of keyed) {
    for (const compound of compounds) {
      if (!own.has(compound.word) && compound.keys.every((part) => ownKeys.has(part))) parts.add(compound.word);
    }
  }
  const keys = new Set(ownKeys);
  for (const part of parts) {
    const known = factsOf(part);
    if (keys.has(known.key)) continue;
    keys.add(known.key);
    keyed.push(known);
  }
  const used = new Set<number>();
  for (const { groups: named, phraseGroups } of keyed) {
    for (const index of named) used.add(index);
    for (const index of phraseGroups) {
      if (groups[index]!.phrases.some((phrase) => phrase.every((p) => keys.has(p)))) used.add(index);
    }
  }
  const synonyms = new Set<string>();
  for (const index of [...used].sort((a, b) => a - b)) {
    for (const word of groups[index]!.words) if (!own.has(word) && !parts.has(word)) synonyms.add(word);
  }
  return { synonyms: [...synonyms], parts: [...parts] };
}
