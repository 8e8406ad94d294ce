/**
 * The search evaluation (issue 20): the site the queries of tests/fixtures/search-eval/queries.ts
 * run on, and the run itself through the search page's own pipeline (src/scripts/search-query.ts)
 * against the real Pagefind index in Node. Used by tests/build/search-eval.test.ts (with a
 * floor) and by `npm run bench` (the figures).
 *
 * The site: the example content (content/towns, with its keywords) and, next to it, a Stadt and
 * a Kreis made from the service catalogue as another town would write its notices: every
 * catalogue task, with no `keywords`, the statuses taking turns.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { entryTitle, loadCatalogue, servicesFor, type CatalogueKind } from '../../src/catalogue/index.ts';
import { parseWordList } from '../../src/scripts/search-correction.ts';
import { searchQuery, type SearchOptions } from '../../src/scripts/search-query.ts';
import { WORD_LIST_PATH } from '../../src/vocabulary/wordlist.ts';
import { queries, type EvalQuery, type QueryKind } from '../fixtures/search-eval/queries.ts';
import type { NodePagefind, NodeSearchResult } from './pagefind-node.ts';

const root = path.resolve(import.meta.dirname, '../..');
const statuses = ['normal', 'limited', 'deferred', 'unavailable'] as const;

/** Writes the evaluation site's content folder into `folder` and returns its path. */
export function evalContent(folder: string): string {
  const content = path.join(folder, 'content');
  cpSync(path.join(root, 'content/towns'), path.join(content, 'towns'), { recursive: true });
  cpSync(path.join(root, 'content/incidents'), path.join(content, 'incidents'), { recursive: true });
  writeFileSync(path.join(content, 'site.yaml'), 'title: Suchtest\noperator: Test\nlanguage: de\n');
  const catalogue = loadCatalogue();
  let turn = 0;
  for (const [slug, name, kind] of [['musterstadt', 'Musterstadt', 'Stadt'], ['kreis-muster', 'Kreis Muster', 'Kreis']] as const) {
    const dir = path.join(content, 'towns', slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.md'), `---\nname: ${name}\nkind: ${kind}\nupdated: 2023-11-03 14:17\nstatus: limited\nsummary: Einige Dienste sind eingeschränkt.\n---\n`);
    for (const entry of servicesFor(catalogue, kind)) {
      const tasks = entry.tasks.map((title) => ({ title, status: statuses[turn++ % statuses.length]! }));
      const front = { title: entryTitle(entry, [kind as CatalogueKind]), status: 'limited', updated: '2023-11-03 14:17', summary: 'Einige Anliegen sind eingeschränkt.', tasks };
      writeFileSync(path.join(dir, `${entry.id}.md`), `---\n${stringify(front)}---\n`);
    }
  }
  return content;
}

export interface QueryOutcome extends EvalQuery {
  /** 1-based rank of the first result that lists an answering task; 0 when none of the shown ones does. */
  rank: number;
  /** The titles of the first three results, for the report. */
  top: string[];
}

export interface EvalFigures {
  total: number;
  top1: number;
  top3: number;
  /** Pagefind queries per search, on average and at most. */
  queriesMean: number;
  queriesMax: number;
  byKind: Record<QueryKind, { total: number; top3: number }>;
  misses: QueryOutcome[];
}

/** Runs every query through the search page's pipeline and counts where its task is; `exact` searches as typed, for comparison. */
export async function runEval(pagefind: NodePagefind, dist: string, set: readonly EvalQuery[] = queries, options: SearchOptions = {}): Promise<EvalFigures> {
  const list = parseWordList(readFileSync(path.join(dist, WORD_LIST_PATH), 'utf8'));
  const outcomes: QueryOutcome[] = [];
  let queryCount = 0;
  let queriesMax = 0;
  for (const entry of set) {
    const searched = new Map<string, Promise<NodeSearchResult[]>>();
    const { results } = await searchQuery(entry.query, {
      search: async (query, count) => {
        // Copies: Pagefind reuses a page's object, and the next search overwrites its sub-results.
        if (!searched.has(query)) searched.set(query, pagefind.search(query).then((found) => found.map((d) => ({ ...d }))));
        return (await searched.get(query)!).slice(0, count);
      },
      words: async () => list,
      // As on the page after the first keystroke, which fetches the word list.
      loadedWords: () => list,
    }, options);
    const count = searched.size;
    queryCount += count;
    queriesMax = Math.max(queriesMax, count);
    const index = results.findIndex((r) => r.tasks.some((t) => entry.tasks.includes(t.title) && t.status !== undefined));
    outcomes.push({ ...entry, rank: index + 1, top: results.slice(0, 3).map((r) => `${r.title}${r.town ? ` – ${r.town}` : ''}`) });
  }
  const byKind = {} as EvalFigures['byKind'];
  for (const o of outcomes) {
    const k = (byKind[o.kind] ??= { total: 0, top3: 0 });
    k.total++;
    if (o.rank >= 1 && o.rank <= 3) k.top3++;
  }
  return {
    total: outcomes.length,
    top1: outcomes.filter((o) => o.rank === 1).length / outcomes.length,
    top3: outcomes.filter((o) => o.rank >= 1 && o.rank <= 3).length / outcomes.length,
    queriesMean: queryCount / outcomes.length,
    queriesMax,
    byKind,
    misses: outcomes.filter((o) => o.rank < 1 || o.rank > 3),
  };
}

/** The figures as lines for a report. */
export function describeEval(figures: EvalFigures): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return [
    `${figures.total} queries: top-1 ${pct(figures.top1)}, top-3 ${pct(figures.top3)}; Pagefind queries per search ${figures.queriesMean.toFixed(2)} (at most ${figures.queriesMax})`,
    ...Object.entries(figures.byKind).map(([kind, k]) => `  ${kind}: ${k.top3}/${k.total} in the top 3`),
  ];
}
