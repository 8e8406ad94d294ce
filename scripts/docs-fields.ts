/**
 * `npm run docs:fields`: writes the generated field tables into the guides, between their
 * markers: the table of every field and its rule in docs/content-format.md
 * (`src/editor/content-field-table.ts`, from the schema, the rules and the example content) and
 * the web editor's field names in docs/web-editor.md (`src/editor/field-table.ts`).
 * tests/unit/editor/docs.test.ts fails while a guide's copy differs from the code's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentFieldTable } from '../src/editor/content-field-table.ts';
import { fieldTable } from '../src/editor/field-table.ts';

const root = path.resolve(import.meta.dirname, '..');

/** The guide's text with `table` between `<!-- <marker>:start -->` and `<!-- <marker>:end -->`. */
export function withBlock(text: string, marker: string, table: string): string {
  const start = `<!-- ${marker}:start -->\n`;
  const end = `\n<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start.trim()} … ${end.trim()} in the guide`);
  return text.slice(0, from + start.length) + table.trimEnd() + text.slice(to);
}

const blocks = [
  { file: 'docs/content-format.md', marker: 'content-fields', table: contentFieldTable(path.join(root, 'content')) },
  { file: 'docs/web-editor.md', marker: 'fields', table: fieldTable('de') },
];

if (process.argv[1] === import.meta.filename) {
  for (const { file, marker, table } of blocks) {
    const target = path.join(root, file);
    const before = readFileSync(target, 'utf8');
    const after = withBlock(before, marker, table);
    if (after !== before) writeFileSync(target, after);
    console.log(`${file}: ${after === before ? 'up to date' : 'written'}`);
  }
}
