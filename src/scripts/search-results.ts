/**
 * Pagefind's result data → what the search page shows: each page with its status, town and
 * service, and under a service the matching tasks with their own status. Pure, so it is
 * unit-tested without a browser.
 *
 * 1.2: a result shows the state at the reader's clock, as the pages do: a page whose status
 * planned changes change carries its states (meta `statusWindows`, `summary-<n>`, per task
 * `w-<id>`; src/model/search.ts), and the one whose window holds the clock is taken by the pages'
 * own rule (`inWindow`, src/core/planned.ts). Only `inWindow` is shared with the page script; it
 * travels in that script's file, which the search page has loaded already (astro.config.mjs).
 */
import { inWindow } from '../core/planned.ts';

export type StatusKey = 'normal' | 'limited' | 'deferred' | 'unavailable';

/** The part of Pagefind's `result.data()` this page uses. */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: { url: string; title: string; excerpt: string }[];
}

export interface TaskResult {
  url: string;
  title: string;
  status?: StatusKey;
  excerpt: string;
}

export interface ResultView {
  url: string;
  title: string;
  kind: string;
  town?: string;
  status?: StatusKey;
  stand?: string;
  /** The page's summary, shown when no task matched; else Pagefind's excerpt. */
  summary?: string;
  excerpt: string;
  tasks: TaskResult[];
}

/** "Only what is possible" and the single statuses; empty means every status. */
export type StatusChoice = '' | 'possible' | StatusKey;

const statusKeys: readonly string[] = ['normal', 'limited', 'deferred', 'unavailable'];
const isStatus = (value: string | undefined): value is StatusKey => value !== undefined && statusKeys.includes(value);

/** The statuses a choice admits, or undefined for all. */
export function statusesFor(choice: StatusChoice): StatusKey[] | undefined {
  if (choice === '') return undefined;
  if (choice === 'possible') return ['normal', 'limited', 'deferred'];
  return [choice];
}

/** Pagefind filters for a town name and a status choice. */
export function pagefindFilters(town: string, choice: StatusChoice): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (town) filters.town = town;
  const statuses = statusesFor(choice);
  if (statuses) filters.status = { any: statuses };
  return filters;
}

/**
 * The state of a `windowsText` (src/core/planned.ts) that holds `t` (by `inWindow`, the rule of the pages' `data-window`):
 * its position among the states and its value; none when no window holds `t` (or the text is none).
 */
export function stateAt(text: string, t: number): { index: number; value: string } | undefined {
  const states = text.split(' ');
  for (let index = 0; index < states.length; index++) {
    const [window = '', value = ''] = states[index]!.split('=');
    if (!window.includes('/')) continue;
    const [start, end] = window.split('/').map(Date.parse);
    if (inWindow({ start, end }, t)) return { index, value };
  }
  return undefined;
}

/** The anchor of a sub-result URL: `…/buergerbuero/#anliegen-x` → `anliegen-x`. */
function anchorOf(url: string): string | undefined {
  const hash = url.indexOf('#');
  return hash < 0 ? undefined : url.slice(hash + 1);
}

/**
 * The state at `now` of a value that is `built` at the build time and changes in `windows` (when
 * it does: `windowsText`): its position among the states and its value.
 */
function valueAt(built: string | undefined, windows: string | undefined, now: number): { index: number; value?: string } {
  return windows === undefined ? { index: 0, value: built } : (stateAt(windows, now) ?? { index: 0 });
}

/**
 * A page's status and summary at `now`: of its state holding `now` (`statusWindows`); the summary
 * is the last one written for that state or one before it (`summary-<n>`, else `summary`).
 */
function pageAt(meta: PagefindData['meta'], now: number): { status?: StatusKey; summary?: string } {
  const { index, value } = valueAt(meta.status, meta.statusWindows, now);
  let summary = meta.summary;
  for (let n = index; n > 0; n--) {
    if (meta[`summary-${n}`] !== undefined) {
      summary = meta[`summary-${n}`];
      break;
    }
  }
  return { ...(isStatus(value) ? { status: value } : {}), ...(summary !== undefined ? { summary } : {}) };
}

/**
 * One page's result. Its tasks are the sub-results that are tasks (their status travels as
 * meta `t-<id>`): Pagefind makes a sub-result of each section that matched, so a task is shown
 * only when its own section did (its title, note or its own hidden words). A match in the page's
 * own section (before the first heading with an id: its keywords and vocabulary) or under another
 * heading shows the page with the service's status and summary, never a task. With a status
 * choice only tasks of those statuses are kept, and a page whose own status does not fit is kept
 * only for such tasks. Statuses and the summary are those at `now` (the reader's clock): the
 * index's `status` filter holds every status a page has from the build time on, and the choice is
 * checked here against the one at `now`.
 */
export function toResult(data: PagefindData, choice: StatusChoice = '', now = Date.now()): ResultView | undefined {
  const allowed = statusesFor(choice);
  const fits = (status: StatusKey | undefined) => !allowed || (status !== undefined && allowed.includes(status));
  const tasks: TaskResult[] = [];
  for (const sub of data.sub_results ?? []) {
    const anchor = anchorOf(sub.url);
    if (!anchor) continue;
    const status = valueAt(data.meta[`t-${anchor}`], data.meta[`w-${anchor}`], now).value;
    if (!isStatus(status)) continue;
    if (fits(status)) tasks.push({ url: sub.url, title: sub.title, status, excerpt: sub.excerpt });
  }
  const { status, summary } = pageAt(data.meta, now);
  if (allowed && !fits(status) && tasks.length === 0) return undefined;
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    kind: data.meta.kind ?? 'page',
    ...(data.meta.town !== undefined && data.meta.kind !== 'town' ? { town: data.meta.town } : {}),
    ...(status ? { status } : {}),
    ...(data.meta.stand !== undefined ? { stand: data.meta.stand } : {}),
    ...(summary !== undefined ? { summary } : {}),
    excerpt: data.excerpt,
    tasks,
  };
}

export function toResults(data: readonly PagefindData[], choice: StatusChoice = '', now = Date.now()): ResultView[] {
  return data.flatMap((d) => toResult(d, choice, now) ?? []);
}

/**
 * An excerpt as text runs, marked or not. Pagefind's excerpts are escaped text with `<mark>`;
 * turning them into runs means the page never inserts HTML it did not make itself.
 */
export function excerptRuns(excerpt: string): { text: string; mark: boolean }[] {
  const decode = (s: string) =>
    s
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#0?39;/g, "'")
      .replace(/&amp;/g, '&');
  const runs: { text: string; mark: boolean }[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = pattern.exec(excerpt); m; m = pattern.exec(excerpt)) {
    if (m.index > last) runs.push({ text: decode(excerpt.slice(last, m.index)), mark: false });
    runs.push({ text: decode(m[1]!), mark: true });
    last = m.index + m[0].length;
  }
  if (last < excerpt.length) runs.push({ text: decode(excerpt.slice(last)), mark: false });
  return runs.filter((r) => r.text !== '');
}

/** Lower case without diacritics, ß as ss, split into words. */
function foldedWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/ß/g, 'ss')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A query word without a common ending, as Pagefind's stemming would find it: "urkunden" → "urkund". */
function stem(word: string): string {
  const ending = ['en', 'es', 'e', 'n', 's'].find((e) => word.endsWith(e) && word.length - e.length >= 4);
  return ending ? word.slice(0, -ending.length) : word;
}

/** Whether a title itself contains a query word (or a word beginning with it), not only a synonym or a part. */
export function titleMatches(title: string, query: string): boolean {
  const stems = foldedWords(query).map(stem);
  return foldedWords(title).some((word) => stems.some((s) => word.startsWith(s)));
}

/**
 * Search ranking on top of Pagefind's: a page with a task or a title that names a query word
 * itself, then a page with a task that matched through a synonym or a compound part, then
 * pages that merely mention the word. Within each group Pagefind's order stays, and within a
 * page the tasks that name the word come first.
 */
export function rankResults(results: readonly ResultView[], query: string): ResultView[] {
  const ranked = results.map((result, index) => {
    const direct = result.tasks.filter((task) => titleMatches(task.title, query));
    const tasks = [...direct, ...result.tasks.filter((task) => !direct.includes(task))];
    const rank = direct.length > 0 || titleMatches(result.title, query) ? 0 : result.tasks.length > 0 ? 1 : 2;
    return { result: { ...result, tasks }, rank, index };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.map((r) => r.result);
}
