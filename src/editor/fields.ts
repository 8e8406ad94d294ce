/**
 * The words of the web editor's forms: a label and a help text for every field of the content
 * format, per interface language (`src/i18n/fields.de.ts`, `fields.en.ts`). `fieldKeys` lists
 * every key both languages must have; `src/editor/config.ts` reads them.
 */
import type { EditorLanguage as Language } from '../i18n/index.ts';
import { fieldsDe } from '../i18n/fields.de.ts';
import { fieldsEn } from '../i18n/fields.en.ts';

export interface FieldText {
  label: string;
  hint?: string;
}
export type FieldTexts = Readonly<Record<string, FieldText>>;

const byLanguage: Record<Language, FieldTexts> = { de: fieldsDe, en: fieldsEn };

export function fieldTexts(language: Language): FieldTexts {
  return byLanguage[language];
}

/** `text('service.status')` → `{ label: 'Status', hint: '…' }`; a missing key is a programming error. */
export function fieldText(language: Language, key: string): FieldText {
  const entry = byLanguage[language][key];
  if (!entry) throw new Error(`src/i18n/fields.${language}.ts has no entry "${key}"`);
  return entry;
}
