import { de } from './de.ts';
import { en } from './en.ts';
import { tr } from './tr.ts';
import { ar } from './ar.ts';
import { uk } from './uk.ts';
import { ru } from './ru.ts';

export type MessageKey = keyof typeof de;
export type Messages = Record<MessageKey, string>;

/**
 * Keys of messages for editors (what `check` and a failed build print). Editors write in German
 * or English, so only `de` and `en` carry these; every other key is an interface key, which
 * every language must have. A new message for editors needs one of these prefixes.
 */
export const editorKeyPrefixes = [
  'error.',
  'warning.',
  'hint.',
  'cli.',
  'yaml.',
  'valueType.',
  'markdown.',
  'alias.',
  // The editing commands and the web editor (/admin/).
  'edit.',
  'new.',
  'update.',
  'resolve.',
  'editor.',
  // aushang init --towns and aushang ready.
  'init.',
  'ready.',
  // aushang announce (issue 22, scope 5).
  'announce.',
] as const;
type EditorKeyPrefix = (typeof editorKeyPrefixes)[number];
export type EditorKey = Extract<MessageKey, `${EditorKeyPrefix}${string}`>;
export type InterfaceKey = Exclude<MessageKey, EditorKey>;
/** The messages of a language that has interface strings only. */
export type InterfaceMessages = Record<InterfaceKey, string>;

export function isEditorKey(key: string): key is EditorKey {
  return editorKeyPrefixes.some((prefix) => key.startsWith(prefix));
}

/** Interface languages (`language:` in site.yaml). */
export const languages = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type Language = (typeof languages)[number];
/** Languages editors get their messages in. */
export const editorLanguages = ['de', 'en'] as const;
export type EditorLanguage = (typeof editorLanguages)[number];
/** Languages written right to left. */
const rightToLeft: readonly Language[] = ['ar'];

/** The editors' messages of German, under the messages of a language that has interface strings only. */
const editorMessagesOf = (messages: Messages) =>
  Object.fromEntries(Object.entries(messages).filter(([key]) => isEditorKey(key))) as Record<EditorKey, string>;
const withEditorMessages = (messages: InterfaceMessages): Messages => ({ ...editorMessagesOf(de), ...messages });

const byLanguage: Record<Language, Messages> = {
  de,
  en,
  tr: withEditorMessages(tr),
  ar: withEditorMessages(ar),
  uk: withEditorMessages(uk),
  ru: withEditorMessages(ru),
};

/** Every message of a language (a service catalogue is something else: `src/catalogue/`). */
export function messagesOf(language: Language): Messages {
  return byLanguage[language];
}

export function isEditorLanguage(language: Language): language is EditorLanguage {
  return (editorLanguages as readonly Language[]).includes(language);
}

/**
 * The language the editors write in when site.yaml does not say (`contentLanguage`): the
 * interface language for German and English, German for every other interface language
 * (a second site for Arabic readers shows the same German notices).
 */
export function defaultContentLanguage(language: Language): Language {
  return isEditorLanguage(language) ? language : 'de';
}

/** The language of editor messages: the content language when it has them, else German. */
export function editorLanguage(contentLanguage: Language): EditorLanguage {
  return isEditorLanguage(contentLanguage) ? contentLanguage : 'de';
}

/** `rtl` for Arabic, `ltr` for the others: the `dir` of `<html>`. */
export function direction(language: Language): 'ltr' | 'rtl' {
  return rightToLeft.includes(language) ? 'rtl' : 'ltr';
}

export type ContentAttributes = { lang?: Language; dir?: 'ltr' | 'rtl' };

/** `lang` (and `dir`) for content whose language differs from the interface's; none when the same. */
export function contentAttributes(language: Language, contentLanguage: Language): ContentAttributes {
  if (contentLanguage === language) return {};
  return { lang: contentLanguage, dir: direction(contentLanguage) };
}

/** Each template cut at its placeholders once (text, name, text, …, text): ≈ 8 × faster than a replace with a callback. */
const templateParts = new Map<string, string[]>();

/** Fills `{name}` placeholders; a missing parameter is left visible so tests catch it. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // The interface's messages are a few hundred; a bound for any other text.
    if (templateParts.size < 10_000) templateParts.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/**
 * A message cut at its placeholders, for templates that mark a parameter (an editor's text
 * inside an interface sentence gets the content's `lang`): "Herausgegeben von {operator}." →
 * ['Herausgegeben von ', { name: 'operator' }, '.'].
 */
export function messageParts(template: string): (string | { name: string })[] {
  return template.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? { name: part } : part)).filter((part) => part !== '');
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** One translator per language, so that what is worked out with one (formatted times) is kept by it. */
const translators = new Map<Language, Translate>();

/** The translator for one language: `t('status.normal')`, `t('layout.stale', { hours: 48 })`. */
export function translator(language: Language): Translate {
  let t = translators.get(language);
  if (!t) {
    const messages = byLanguage[language];
    t = (key, params) => format(messages[key], params);
    translators.set(language, t);
  }
  return t;
}
