/**
 * The values of the commands' options come from the content schema (src/schema/choices.ts,
 * src/cli/choices.ts): a
 * status added to or removed from the schema changes the help texts and comments with it.
 */
import { describe, expect, test } from 'vitest';
import { choiceParams, oneOf } from '../../../src/cli/choices.ts';
import { choicesOf } from '../../../src/schema/choices.ts';
import { channelKinds, channelSchema, channelStatusKeys, pageRoles, pageSchema, serviceSchema, siteSchema, statusKeys, townSchema } from '../../../src/schema/index.ts';

describe('choicesOf', () => {
  test('reads an enum field, also when it is optional or has a default', () => {
    expect(choicesOf(serviceSchema.shape.status)).toEqual(statusKeys);
    expect(choicesOf(townSchema.shape.status)).toEqual(statusKeys);
    expect(choicesOf(channelSchema.shape.status)).toEqual(channelStatusKeys);
    expect(choicesOf(channelSchema.shape.channel)).toEqual(channelKinds);
    expect(choicesOf(pageSchema.shape.role)).toEqual(pageRoles);
    expect(choicesOf(siteSchema.shape.language)).toEqual(['de', 'en', 'tr', 'ar', 'uk', 'ru']);
  });

  test('a field that is no choice is a programming error', () => {
    expect(() => choicesOf(serviceSchema.shape.title)).toThrow(/not a choice of values/);
  });
});

describe('the placeholders', () => {
  test('name every choice, in the editor’s language', () => {
    expect(choiceParams('de')).toEqual({
      statuses: 'normal, limited, deferred oder unavailable',
      channelStatuses: 'normal, limited oder unavailable',
      channels: 'phone, fax, email, post, in-person, online, web',
    });
    expect(choiceParams('en').statuses).toBe('normal, limited, deferred or unavailable');
    // Interface-only languages get German editor texts.
    expect(choiceParams('tr').statuses).toBe(choiceParams('de').statuses);
    expect(oneOf('en', ['a'])).toBe('a');
  });
});
