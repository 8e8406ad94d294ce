/**
 * The values the editor commands' options take (`--status`, `--channel`), read from the content
 * schema (`src/schema/index.ts`) and not kept here a second time: the help texts (`new.help`,
 * `update.help`) and the comments `new` writes above a field name them through the placeholders
 * `{statuses}`, `{channelStatuses}` and `{channels}`. Whether a value given is one of them,
 * check decides on the changed file (`checkPlanned` in change.ts), with the schema's own
 * message and its "did you mean".
 */
import type { z } from 'zod';
import { channelSchema, serviceSchema } from '../schema/index.ts';
import { editorLanguage, type Language } from '../i18n/index.ts';

/** The choices of an enum field, through `.optional()`, `.default()` and pipes. */
export function choicesOf(field: z.ZodType): readonly string[] {
  const def = (field as unknown as { def: { type: string; innerType?: z.ZodType; out?: z.ZodType; entries?: Record<string, string> } }).def;
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  const inner = def.innerType ?? def.out;
  if (!inner) throw new Error(`not a choice of values: a zod ${def.type}`);
  return choicesOf(inner);
}

/** `normal, limited, deferred oder unavailable` in the editor's language. */
export function oneOf(language: Language, values: readonly string[]): string {
  const locale = editorLanguage(language) === 'en' ? 'en-GB' : 'de';
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(values);
}

/** The placeholders of the help texts and comments, filled from the schema. */
export function choiceParams(language: Language): Record<'statuses' | 'channelStatuses' | 'channels', string> {
  return {
    statuses: oneOf(language, choicesOf(serviceSchema.shape.status)),
    channelStatuses: oneOf(language, choicesOf(channelSchema.shape.status)),
    channels: choicesOf(channelSchema.shape.channel).join(', '),
  };
}
