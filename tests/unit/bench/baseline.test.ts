/**
 * The bare baseline of `npm run bench` (bench/baseline/) renders each Markdown file's whole
 * content: its front matter as plain text (keys as labels, values as text, lists as lists), so
 * that Pagefind indexes the same information as on an Aushang page. Here the front-matter-to-text
 * step on a notice of the bench's generator.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frontMatterTree, treeText } from '../../../bench/baseline/src/front-matter.ts';
import { readNotice } from '../../../bench/cstate.ts';
import { generate } from '../../../bench/generate.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'aushang-baseline-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every scalar of a front matter (numbers and booleans as text), depth first. */
function leaves(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object') return Object.values(value as object).flatMap(leaves);
  return [String(value)];
}

describe('the baseline shows the whole front matter', () => {
  const content = path.join(tmp, 'content');
  generate({ towns: 2, services: 3, out: content });
  const town = readdirSync(path.join(content, 'towns')).sort()[0]!;
  const service = readdirSync(path.join(content, 'towns', town)).filter((f) => f !== 'index.md').sort()[0]!;
  const { data } = readNotice(path.join(content, 'towns', town, service));

  it('every value of a generated notice, in order, with its key as the label', () => {
    const text = treeText(frontMatterTree(data));
    const values = text.filter((t) => !Object.keys(data).includes(t));
    expect(values).toEqual(expect.arrayContaining(leaves(data)));
    expect(text.slice(0, 2)).toEqual(['title', String(data.title)]);
    const tasks = data.tasks as { title: string; status: string }[];
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) expect(text).toEqual(expect.arrayContaining([task.title, task.status]));
  });

  it('keys as labelled fields, lists as lists, nested', () => {
    const tree = frontMatterTree({ title: 'Bürgerbüro', tasks: [{ title: 'Ausweis', status: 'limited' }], keywords: ['Pass', 'Perso'] });
    expect(tree).toEqual({
      kind: 'fields',
      fields: [
        { label: 'title', value: { kind: 'text', text: 'Bürgerbüro' } },
        { label: 'tasks', value: { kind: 'list', items: [{ kind: 'fields', fields: [{ label: 'title', value: { kind: 'text', text: 'Ausweis' } }, { label: 'status', value: { kind: 'text', text: 'limited' } }] }] } },
        { label: 'keywords', value: { kind: 'list', items: [{ kind: 'text', text: 'Pass' }, { kind: 'text', text: 'Perso' }] } },
      ],
    });
  });

  it('dates as the day, or the day and the time, on any time zone; numbers and booleans as text', () => {
    const tree = frontMatterTree({ since: new Date('2023-10-30T00:00:00Z'), at: new Date('2023-10-31T12:09:00Z'), order: 140, draft: false });
    expect(treeText(tree)).toEqual(['since', '2023-10-30', 'at', '2023-10-31 12:09', 'order', '140', 'draft', 'false']);
  });

  it('nothing for what has nothing to show: null, empty text, empty lists and maps', () => {
    expect(frontMatterTree({ note: null, text: '', planned: [], contact: {} })).toBeUndefined();
    expect(treeText(frontMatterTree({ title: 'A', planned: [] }))).toEqual(['title', 'A']);
  });
});
