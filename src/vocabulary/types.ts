/**
 * The shape of a built-in vocabulary (`de.ts`, `en.ts`): reviewed data, read by the code in
 * this folder. A group is a list of words or phrases that mean the same thing to a citizen.
 */
export interface Vocabulary {
  /** Words and phrases that mean the same to a citizen; each group has at least two. */
  groups: readonly (readonly string[])[];
  /** Endings taken off a word before words are compared ("Urkunden" is "Urkunde"). */
  endings: readonly string[];
  /** How compounds are split; languages that write compounds apart (English) have none. */
  compounds?: CompoundRules;
}

export interface CompoundRules {
  /** Letters that may join two parts: Geburt-s-urkunde, Kinder-garten, Hund-e-steuer. */
  linkers: readonly string[];
  /** Words never split, because their pieces would be nonsense ("Verwaltung"). */
  noSplit: readonly string[];
  /** Function words that are never a part ("ein", "aus"). */
  notParts: readonly string[];
  /** More words that compounds are made of, besides the words of the groups. */
  parts: readonly string[];
}
