/**
 * docs/web-editor.md lists the web editor's field labels from the same field texts as the forms;
 * docs/content-format.md has the table of every field and its rule made from the schema and the
 * rules (`npm run docs:fields` writes both, src/editor/content-field-table.ts), and what that
 * table says holds: required is what check requires, every choice is listed, every example is
 * a value check accepts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fieldTable } from '../../../src/editor/field-table.ts';
import { contentFieldTable, tableKinds } from '../../../src/editor/content-field-table.ts';
import { isRequired, schemas } from '../../../src/editor/config.ts';
import { choicesOf } from '../../../src/schema/choices.ts';
import { fieldTexts } from '../../../src/editor/fields.ts';

const docs = path.resolve(import.meta.dirname, '../../../docs');
const content = path.resolve(import.meta.dirname, '../../../content');

/** The text between `<!-- <marker>:start -->` and `<!-- <marker>:end -->`. */
function block(text: string, marker: string): string {
  const start = `<!-- ${marker}:start -->\n`;
  return text.slice(text.indexOf(start) + start.length, text.indexOf(`\n<!-- ${marker}:end -->`));
}

/** The guide's field table: per section title, its rows as cells (a `\|` inside a cell stays). */
function guideRows(): Map<string, string[][]> {
  const sections = new Map<string, string[][]>();
  let rows: string[][] = [];
  for (const line of block(readFileSync(path.join(docs, 'content-format.md'), 'utf8'), 'content-fields').split('\n')) {
    const title = /^\*\*(.+)\*\*$/.exec(line);
    if (title) sections.set(title[1]!, (rows = []));
    else if (line.startsWith('| `')) rows.push(line.slice(2, -2).split(/ (?<!\\)\| /));
  }
  return sections;
}

/** An example cell (`` `name: value` ``) as the values YAML could give: text, number, true/false, a flow list. */
function exampleValues(cell: string, name: string): unknown[] {
  const raw = cell.replace(/^`/, '').replace(/`$/, '').slice(name.length + 2).replace(/^"(.*)"$/, '$1');
  if (/^\[.*\]$/.test(raw)) return [raw.slice(1, -1).split(', ')];
  return [raw, ...(raw === 'true' || raw === 'false' ? [raw === 'true'] : []), ...(/^\d+$/.test(raw) ? [Number(raw)] : [])];
}

describe('the web editor guide', () => {
  test('its table of field names is the one the forms use', () => {
    const text = readFileSync(path.join(docs, 'web-editor.md'), 'utf8');
    const table = text.slice(text.indexOf('<!-- fields:start -->\n') + '<!-- fields:start -->\n'.length, text.indexOf('\n<!-- fields:end -->'));
    // On a mismatch, paste fieldTable('de') between the markers.
    expect(table).toBe(fieldTable('de').trimEnd());
  });

  test('every field of the content format has a German label', () => {
    const texts = fieldTexts('de');
    for (const [kind, schema] of Object.entries(schemas)) {
      for (const name of Object.keys(schema.shape)) expect(texts[`${kind}.${name}`]?.label, `${kind}.${name}`).toBeTruthy();
    }
  });
});

describe('the editor guide’s table of fields and rules', () => {
  test('is the one the code makes (on a mismatch: npm run docs:fields)', () => {
    const text = readFileSync(path.join(docs, 'content-format.md'), 'utf8');
    expect(block(text, 'content-fields')).toBe(contentFieldTable(content).trimEnd());
  });

  test('has one row per field of every schema, required as check requires it, with every choice', () => {
    const sections = guideRows();
    for (const { kind, title } of tableKinds) {
      const schema = schemas[kind];
      const rows = sections.get(title);
      expect(rows, title).toBeDefined();
      expect(rows!.map((row) => row[0]), title).toEqual(Object.keys(schema.shape).map((name) => `\`${name}\``));
      for (const [field, required, allowed] of rows!) {
        const name = field!.slice(1, -1);
        expect(required!.startsWith(isRequired(schema, name) ? 'ja' : 'nein'), `${kind}.${name}: Pflicht? ${required}`).toBe(true);
        let choices: readonly string[] = [];
        try {
          choices = choicesOf(schema.shape[name]!);
        } catch {
          // not a choice of values
        }
        for (const choice of choices) expect(allowed, `${kind}.${name}`).toContain(`\`${choice}\``);
      }
    }
  });

  test('every example is a value check accepts for its field', () => {
    const sections = guideRows();
    let examples = 0;
    for (const { kind, title } of tableKinds) {
      for (const [field, , , example] of sections.get(title)!) {
        const name = field!.slice(1, -1);
        if (example === '–') continue;
        const fieldSchema = schemas[kind].shape[name]!;
        const accepted = exampleValues(example!, name).some((value) => fieldSchema.safeParse(value).success);
        expect(accepted, `${kind}.${name}: ${example}`).toBe(true);
        examples += 1;
      }
    }
    expect(examples).toBeGreaterThan(30);
  });
});
