/**
 * docs/web-editor.md lists the web editor's field labels from the same field texts as the forms,
 * and every field the editor guide (docs/content-format.md) names is in those texts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fieldTable } from '../../../src/editor/field-table.ts';
import { schemas } from '../../../src/editor/config.ts';
import { fieldTexts } from '../../../src/editor/fields.ts';

const docs = path.resolve(import.meta.dirname, '../../../docs');

describe('the web editor guide', () => {
  test('its table of field names is the one the forms use', () => {
    const text = readFileSync(path.join(docs, 'web-editor.md'), 'utf8');
    const table = text.slice(text.indexOf('<!-- fields:start -->\n') + '<!-- fields:start -->\n'.length, text.indexOf('\n<!-- fields:end -->'));
    // On a mismatch, paste fieldTable('de') between the markers.
    expect(table).toBe(fieldTable('de').trimEnd());
  });

  test('every field of the content format has a German label, and the editor guide documents it', () => {
    const texts = fieldTexts('de');
    const guide = readFileSync(path.join(docs, 'content-format.md'), 'utf8');
    for (const [kind, schema] of Object.entries(schemas)) {
      for (const name of Object.keys(schema.shape)) {
        expect(texts[`${kind}.${name}`]?.label, `${kind}.${name}`).toBeTruthy();
        expect(guide, `docs/content-format.md names \`${name}\``).toContain(`\`${name}\``);
      }
    }
  });
});
