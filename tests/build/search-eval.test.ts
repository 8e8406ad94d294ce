/**
 * Search relevance (issue 20): the evaluation set (tests/fixtures/search-eval/queries.ts, 275
 * queries citizens type) through the search page's own pipeline against a real index. A change
 * to the vocabulary or the ranking must not lower the figures below the floors; `npm run bench`
 * prints them. Raise a floor when the figures rise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queries } from '../fixtures/search-eval/queries.ts';
import { pagefindInNode, type NodePagefind } from '../support/pagefind-node.ts';
import { describeEval, evalContent, runEval, type EvalFigures } from '../support/search-eval.ts';
import { buildOnce, tempDir } from '../support/build.ts';

/** The figures reached (top-1 94.5 %, top-3 99.3 %, 1.15 queries per search), less a small margin. */
const FLOOR = { top1: 0.92, top3: 0.97, queriesMean: 1.5, queriesMax: 4 };

let pagefind: NodePagefind;
let figures: EvalFigures;
let content: string;

beforeAll(async () => {
  content = evalContent(tempDir('aushang-search-eval-'));
  const dist = buildOnce(content);
  pagefind = await pagefindInNode(dist, 'de');
  figures = await runEval(pagefind, dist);
  console.log(describeEval(figures).join('\n'));
});
afterAll(() => pagefind?.close());

describe('the evaluation set', () => {
  test('has at least 150 queries of every kind, each with an answer', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    expect(new Set(queries.map((q) => q.kind)).size).toBe(6);
    for (const q of queries) expect(q.tasks.length, q.query).toBeGreaterThan(0);
  });

  test('every answer is a task of the site', () => {
    const files = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const text = files.map((f) => readFileSync(path.join(content, f), 'utf8')).join('\n');
    const missing = [...new Set(queries.flatMap((q) => q.tasks))].filter((task) => !text.includes(`title: ${task}\n`) && !text.includes(`title: "${task}"`));
    expect(missing).toEqual([]);
  });

  test('top-1 and top-3 stay above their floors', () => {
    const misses = figures.misses.map((m) => `"${m.query}" (${m.kind}) rank ${m.rank || '–'}: ${m.top.join(' | ')}`);
    expect(figures.top3, misses.join('\n')).toBeGreaterThanOrEqual(FLOOR.top3);
    expect(figures.top1).toBeGreaterThanOrEqual(FLOOR.top1);
  });

  test('a search costs few Pagefind queries', () => {
    expect(figures.queriesMean).toBeLessThanOrEqual(FLOOR.queriesMean);
    expect(figures.queriesMax).toBeLessThanOrEqual(FLOOR.queriesMax);
  });
});
