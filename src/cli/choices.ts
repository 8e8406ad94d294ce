/**
 * The values the editor commands' options take (`--status`, `--channel`), read from the content
 * schema (`src/schema/index.ts`) and not kept here a second time: the help texts (`new.help`,
 * `update.help`) and the comments `new` writes above a field name them through the placeholders
 * `{statuses}`, `{channelStatuses}` and `{channels}`. Whether a value given is one of them,
 * check decides on the changed file (`checkPlanned` in change.ts), with the schema's own
 * message and its "did you mean".
 */
import { channelSchema, serviceSchema } from '../schema/index.ts';
import { choicesOf } from '../schema/choices.ts';
import { editorLanguage, type Language } from '../i18n/index.ts';

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
