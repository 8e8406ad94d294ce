import { de } from './de.ts';
import { en } from './en.ts';

export type MessageKey = keyof typeof de;
export type Messages = Record<MessageKey, string>;
export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

const catalogs: Record<Language, Messages> = { de, en };

export function catalog(language: Language): Messages {
  return catalogs[language];
}

/** Fills `{name}` placeholders; a missing parameter is left visible so tests catch it. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The translator for one language: `t('status.normal')`, `t('layout.stale', { hours: 48 })`. */
export function translator(language: Language) {
  const messages = catalogs[language];
  return (key: MessageKey, params?: Record<string, string | number>) => format(messages[key], params);
}

export type Translate = ReturnType<typeof translator>;
