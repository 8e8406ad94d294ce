/**
 * The search page's only script: Pagefind's JS API behind a plain form. The form works as a
 * link (`/suche/?q=…&ort=…&status=…`) and with the back button; results show status, town
 * and service; the count is announced to screen readers. If the index cannot load, the page
 * says so and points to the A–Z list instead of showing an empty list.
 *
 * The query is analysed like the pages are (`search-query.ts`): a word the index does not know
 * (5 letters or more) is replaced by the closest known word from the build's word list, fetched
 * only for several words or an unknown word; the page says so and links to the search exactly as
 * typed (`exakt=1`). When not every word is found, the page says which words it searched for.
 *
 * Built for a slow line (docs/performance.md, "Search over 2G"): the query is in the field and
 * the A–Z link in the status line from the start; Pagefind is asked with the build's
 * `metaCacheTag`, so what the home or town page loaded on focus (src/scripts/page.ts) or the
 * service worker kept is used; it runs without its web worker (`noWorker`: one file of 12 KB
 * gzip less to load before the first answer); no trial search is made when the page opens with
 * a query.
 */
import { excerptRuns, pagefindFilters, type PagefindData, type ResultView, type StatusChoice } from './search-results.ts';
import { parseWordList, queryWords } from './search-correction.ts';
import { FIRST, searchQuery, SHOWN, type SearchOutcome } from './search-query.ts';
import { pauseAfter } from './search-pause.ts';

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: Record<string, unknown>): Promise<Found | null>;
  preload(query: string, options?: Record<string, unknown>): Promise<void>;
}

/** Thrown into a search that a newer one replaced: it loads nothing more. */
class Replaced extends Error {}

interface Found {
  results: { data(): Promise<PagefindData> }[];
}

type Labels = Record<string, string>;
/** The content's `lang` and `dir` when they differ from the interface's (German notices on an Arabic page). */
type Written = { lang?: string | undefined; dir?: string | undefined };

/** Marks an element holding what editors wrote with the content's language. */
function markWritten<T extends HTMLElement>(el: T, written: Written): T {
  if (written.lang) el.lang = written.lang;
  if (written.dir) el.dir = written.dir;
  return el;
}

const form = document.getElementById('search-form') as HTMLFormElement | null;
if (form) void start(form);

async function start(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const town = form.querySelector<HTMLSelectElement>('select[name="ort"]')!;
  const status = form.querySelector<HTMLSelectElement>('select[name="status"]')!;
  const statusLine = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  /** The hotline, shown when nothing is found. */
  const reach = document.getElementById('search-reach');
  const written: Written = { lang: form.dataset.contentLang, dir: form.dataset.contentDir };
  const labels = JSON.parse(form.dataset.labels ?? '{}') as Labels;
  const label = (key: string, params: Record<string, string | number> = {}) =>
    (labels[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

  const say = (text: string, azLink = false) => {
    statusLine.replaceChildren(text);
    if (azLink) {
      const link = document.createElement('a');
      link.href = form.dataset.az!;
      link.textContent = label('az');
      statusLine.append(' ', link);
    }
  };

  /** "Ergebnisse für „Führerschein“ — genau so suchen: „Fürherschein“", the last a link. */
  const sayCorrected = (corrected: string, typed: string) => {
    const [before = '', after = ''] = label('corrected', { corrected }).split('{typed}');
    const params = new URLSearchParams(location.search);
    params.set('q', typed);
    params.set('exakt', '1');
    const link = document.createElement('a');
    link.href = `${location.pathname}?${params}`;
    link.textContent = typed;
    statusLine.replaceChildren(before, link, after);
  };

  let exact = false;
  const readUrl = () => {
    const params = new URLSearchParams(location.search);
    exact = params.get('exakt') === '1';
    input.value = params.get('q') ?? '';
    town.value = [...town.options].some((o) => o.value === params.get('ort')) ? params.get('ort')! : '';
    status.value = [...status.options].some((o) => o.value === params.get('status')) ? params.get('status')! : '';
  };
  // The query stays in the field while the index loads, and the A–Z list is a link away.
  readUrl();
  say(label('loading'), true);
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ form.dataset.bundle!)) as Pagefind;
    // The tag makes the entry file's address the one the focus prefetch and the service worker
    // hold (src/scripts/page.ts); without it Pagefind adds the time and no cache ever helps.
    await pagefind.options({ baseUrl: form.dataset.base, noWorker: true, ...(form.dataset.tag ? { metaCacheTag: form.dataset.tag } : {}) });
    await pagefind.init();
    // A host that blocks the index files shows up only at the first search: without a query,
    // try one now; with one, the query itself shows it (and no chunk is loaded in vain).
    if (!input.value.trim()) await pagefind.search('a');
  } catch {
    say(label('unavailable'), true);
    return;
  }

  let wordList: Promise<string[]> | undefined;
  let words: string[] | undefined;
  const loadWords = () => {
    wordList ??= fetch(form.dataset.words!)
      .then((r) => (r.ok ? r.text() : ''))
      .then(parseWordList, () => [])
      .then((list) => (words = list));
    return wordList;
  };
  /**
   * Pagefind's search for one run of the form: each query searched once, each result's data read
   * once, when needed; nothing more is loaded once a newer run replaced this one.
   */
  const searcher = (filters: Record<string, unknown>, current: () => boolean) => {
    const found = new Map<string, Promise<{ results: Found['results']; data: Promise<PagefindData>[] }>>();
    const search = async (query: string, count: number): Promise<PagefindData[]> => {
      if (!current()) throw new Replaced();
      let entry = found.get(query);
      if (!entry) {
        entry = pagefind.search(query, { filters }).then((f) => ({ results: (f?.results ?? []).slice(0, SHOWN), data: [] }));
        found.set(query, entry);
      }
      const { results, data } = await entry;
      if (!current()) throw new Replaced();
      // A copy: Pagefind reuses a page's object and its next search overwrites excerpt and sub-results.
      return Promise.all(results.slice(0, count).map((r, i) => (data[i] ??= r.data().then((d) => ({ ...d })))));
    };
    /** How many results the query has, up to SHOWN (known once it was searched). */
    const count = async (query: string) => (await found.get(query))?.results.length;
    return { search, count };
  };

  /**
   * The index chunks of the words typed so far, loaded while the citizen types (Pagefind's
   * `preload`; a chunk holds every word with the same beginning, so also the compound that
   * "Hund Steuer" is joined into): the search after the last key then mostly only reads results.
   */
  const preloaded = new Set<string>();
  const preload = (value: string, filters: Record<string, unknown>) => {
    for (const term of queryWords(value).map((w) => w.toLowerCase())) {
      if (term.length < 4 || preloaded.has(term)) continue;
      preloaded.add(term);
      void pagefind.preload(term, { filters }).catch(() => undefined);
    }
  };

  const writeUrl = (push: boolean) => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (town.value) params.set('ort', town.value);
    if (status.value) params.set('status', status.value);
    if (exact && params.has('q')) params.set('exakt', '1');
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
  };

  /** What the status line says now, so that the full list does not make a screen reader read the same words again. */
  let said = '';
  /** The outcome in the list and the status line. */
  const show = (query: string, townName: string, { results, corrected, partial }: SearchOutcome, count = results.length) => {
    render(list, results, label, written);
    if (reach) reach.hidden = results.length > 0;
    const where = townName ? ` ${label('inTown', { town: townName })}` : '';
    const saying = JSON.stringify([query, where, results.length === 0, partial, corrected, partial || corrected ? 0 : count]);
    if (saying === said) return;
    said = saying;
    if (results.length === 0) say(label('none', { query }) + where, true);
    else if (partial) say(label('partial', { words: partial }) + where);
    else if (corrected) sayCorrected(corrected, query);
    else say(label(count === 1 ? 'countOne' : 'countMany', { count, query }) + where);
  };

  let latest = 0;
  /**
   * One search of the form. The first FIRST results are read, ranked and shown at once, with the
   * count the full list will have; then the rest are read and the list is shown again in full.
   * The first answer is shown only where its count is sure (every status, one query's results) or
   * where the status line names the words searched for instead of a count (a partial search).
   */
  const run = async () => {
    const query = input.value.trim();
    const id = ++latest;
    const current = () => id === latest;
    said = '';
    if (!query) {
      list.replaceChildren();
      say(label('prompt'));
      return;
    }
    const choice = status.value as StatusChoice;
    const townName = town.selectedOptions[0]?.dataset.name ?? '';
    try {
      const filters = pagefindFilters(townName, choice);
      const { search, count } = searcher(filters, current);
      const deps = { search, words: loadWords, loadedWords: () => words };
      const first = await searchQuery(query, deps, { exact, choice, shown: FIRST });
      if (!current()) return;
      const total = first.searched === undefined ? undefined : await count(first.searched);
      if (!current()) return;
      if (total !== undefined && total <= FIRST) return show(query, townName, first);
      if (choice === '' && (total !== undefined || first.partial !== undefined)) show(query, townName, first, total);
      const full = await searchQuery(query, deps, { exact, choice });
      if (current()) show(query, townName, full);
    } catch (error) {
      if (current() && !(error instanceof Replaced)) say(label('unavailable'), true);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastKey: number | undefined;
  input.addEventListener('input', () => {
    const gap = lastKey === undefined ? undefined : performance.now() - lastKey;
    lastKey = performance.now();
    exact = false;
    // The word list (a few KB) for a query of several words or a misspelt one, while typing.
    void loadWords();
    preload(input.value, pagefindFilters(town.selectedOptions[0]?.dataset.name ?? '', status.value as StatusChoice));
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeUrl(false);
      void run();
    }, pauseAfter(gap));
  });
  for (const select of [town, status]) {
    select.addEventListener('change', () => {
      writeUrl(true);
      void run();
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    writeUrl(true);
    void run();
  });
  addEventListener('popstate', () => {
    readUrl();
    void run();
  });
  await run();
}

function tag(status: string, label: (key: string) => string): HTMLElement {
  const el = document.createElement('strong');
  el.className = `tag tag-${status}`;
  el.textContent = label(`status.${status}`);
  return el;
}

function excerpt(html: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'excerpt';
  for (const run of excerptRuns(html)) {
    if (run.mark) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      p.append(mark);
    } else p.append(run.text);
  }
  return p;
}

function render(list: HTMLElement, results: ResultView[], label: (key: string, params?: Record<string, string | number>) => string, written: Written): void {
  const ol = document.createElement('ol');
  ol.className = 'results';
  for (const result of results) {
    const li = document.createElement('li');
    li.className = 'result';
    const h2 = document.createElement('h2');
    const link = markWritten(document.createElement('a'), written);
    link.href = result.url;
    // With the town in the link text, two "Bürgerbüro" links stay distinguishable.
    link.textContent = result.town ? `${result.title} – ${result.town}` : result.title;
    h2.append(link);
    li.append(h2);
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = [label(`kind.${result.kind}`), result.stand && `${label('stand')}: ${result.stand}`].filter(Boolean).join(' · ');
    li.append(meta);
    if (result.status) li.append(tag(result.status, label));
    if (result.tasks.length > 0) {
      const tasks = document.createElement('ul');
      tasks.className = 'result-tasks';
      tasks.setAttribute('aria-label', label('tasks'));
      for (const task of result.tasks) {
        const item = document.createElement('li');
        const a = markWritten(document.createElement('a'), written);
        a.href = task.url;
        a.textContent = task.title;
        item.append(a, ' ');
        if (task.status) item.append(tag(task.status, label));
        tasks.append(item);
      }
      li.append(tasks);
    } else if (result.summary) {
      const summary = markWritten(document.createElement('p'), written);
      summary.className = 'excerpt';
      summary.textContent = result.summary;
      li.append(summary);
    } else if (result.excerpt) li.append(markWritten(excerpt(result.excerpt), written));
    ol.append(li);
  }
  list.replaceChildren(ol);
}
