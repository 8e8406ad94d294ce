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

type Label = (key: string, params?: Record<string, string | number>) => string;

/** The search page's elements and what the form says about itself, read once. */
interface SearchPage {
  form: HTMLFormElement;
  input: HTMLInputElement;
  town: HTMLSelectElement;
  status: HTMLSelectElement;
  statusLine: HTMLElement;
  list: HTMLElement;
  /** The hotline, shown when nothing is found. */
  reach: HTMLElement | null;
  written: Written;
  label: Label;
  /** `exakt=1`: search exactly as typed, without correcting a word. */
  exact: boolean;
}

/** The interface's strings (`data-labels`), with `{name}` filled in from `params`. */
function labeller(labels: Labels): Label {
  return (key, params = {}) => (labels[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Reading the form: its fields, the status line, the list and the form's data attributes. */
function readPage(form: HTMLFormElement): SearchPage {
  return {
    form,
    input: form.querySelector<HTMLInputElement>('input[name="q"]')!,
    town: form.querySelector<HTMLSelectElement>('select[name="ort"]')!,
    status: form.querySelector<HTMLSelectElement>('select[name="status"]')!,
    statusLine: document.getElementById('search-status')!,
    list: document.getElementById('search-results')!,
    reach: document.getElementById('search-reach'),
    written: { lang: form.dataset.contentLang, dir: form.dataset.contentDir },
    label: labeller(JSON.parse(form.dataset.labels ?? '{}') as Labels),
    exact: false,
  };
}

/** The form's fields from the address (`/suche/?q=…&ort=…&status=…&exakt=1`); a choice the form lacks becomes "all". */
function readUrl(page: SearchPage): void {
  const params = new URLSearchParams(location.search);
  const choose = (select: HTMLSelectElement, value: string | null) => ([...select.options].some((o) => o.value === value) ? value! : '');
  page.exact = params.get('exakt') === '1';
  page.input.value = params.get('q') ?? '';
  page.town.value = choose(page.town, params.get('ort'));
  page.status.value = choose(page.status, params.get('status'));
}

/** The form's fields into the address, as a new history entry (`push`) or in place of the current one. */
function writeUrl(page: SearchPage, push: boolean): void {
  const params = new URLSearchParams();
  if (page.input.value.trim()) params.set('q', page.input.value.trim());
  if (page.town.value) params.set('ort', page.town.value);
  if (page.status.value) params.set('status', page.status.value);
  if (page.exact && params.has('q')) params.set('exakt', '1');
  const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

/** The town chosen (its name, as the index's filter has it, or '') and the status chosen. */
function chosen(page: SearchPage): { townName: string; choice: StatusChoice } {
  return { townName: page.town.selectedOptions[0]?.dataset.name ?? '', choice: page.status.value as StatusChoice };
}

/** The status line says `text`, with the link to the A–Z list after it when `azLink`. */
function say(page: SearchPage, text: string, azLink = false): void {
  page.statusLine.replaceChildren(text);
  if (azLink) {
    const link = document.createElement('a');
    link.href = page.form.dataset.az!;
    link.textContent = page.label('az');
    page.statusLine.append(' ', link);
  }
}

/** "Ergebnisse für „Führerschein“ — genau so suchen: „Fürherschein“", the last a link. */
function sayCorrected(page: SearchPage, corrected: string, typed: string): void {
  const [before = '', after = ''] = page.label('corrected', { corrected }).split('{typed}');
  const params = new URLSearchParams(location.search);
  params.set('q', typed);
  params.set('exakt', '1');
  const link = document.createElement('a');
  link.href = `${location.pathname}?${params}`;
  link.textContent = typed;
  page.statusLine.replaceChildren(before, link, after);
}

type Show = (query: string, townName: string, outcome: SearchOutcome, count?: number) => void;

/**
 * The outcome in the list and the status line. The status line changes only when its words do,
 * so that the full list after the first results does not make a screen reader read them again;
 * `forget` starts a new search.
 */
function outcomeView(page: SearchPage): { show: Show; forget: () => void } {
  const { label } = page;
  /** What the status line says now. */
  let said = '';
  const show: Show = (query, townName, { results, corrected, partial }, count = results.length) => {
    render(page.list, results, label, page.written);
    if (page.reach) page.reach.hidden = results.length > 0;
    const where = townName ? ` ${label('inTown', { town: townName })}` : '';
    const saying = JSON.stringify([query, where, results.length === 0, partial, corrected, partial || corrected ? 0 : count]);
    if (saying === said) return;
    said = saying;
    if (results.length === 0) say(page, label('none', { query }) + where, true);
    else if (partial) say(page, label('partial', { words: partial }) + where);
    else if (corrected) sayCorrected(page, corrected, query);
    else say(page, label(count === 1 ? 'countOne' : 'countMany', { count, query }) + where);
  };
  return { show, forget: () => (said = '') };
}

/**
 * Pagefind, loaded and ready, or undefined when its files cannot be loaded. A host that blocks
 * the index files shows up only at the first search: without a query, one is tried now; with
 * one, the query itself shows it (and no chunk is loaded in vain).
 */
async function loadPagefind(page: SearchPage): Promise<Pagefind | undefined> {
  const { dataset } = page.form;
  try {
    const pagefind = (await import(/* @vite-ignore */ dataset.bundle!)) as Pagefind;
    // The tag makes the entry file's address the one the focus prefetch and the service worker
    // hold (src/scripts/page.ts); without it Pagefind adds the time and no cache ever helps.
    await pagefind.options({ baseUrl: dataset.base, noWorker: true, ...(dataset.tag ? { metaCacheTag: dataset.tag } : {}) });
    await pagefind.init();
    if (!page.input.value.trim()) await pagefind.search('a');
    return pagefind;
  } catch {
    return undefined;
  }
}

/** The build's word list, fetched once when first asked for (an empty list if it cannot be). */
interface WordList {
  load(): Promise<string[]>;
  /** The list when it is already here. */
  loaded(): string[] | undefined;
}

function wordList(url: string): WordList {
  let list: Promise<string[]> | undefined;
  let words: string[] | undefined;
  const load = () =>
    (list ??= fetch(url)
      .then((r) => (r.ok ? r.text() : ''))
      .then(parseWordList, () => [])
      .then((parsed) => (words = parsed)));
  return { load, loaded: () => words };
}

/**
 * Pagefind's search for one run of the form: each query searched once, each result's data read
 * once, when needed; nothing more is loaded once a newer run replaced this one (`current`).
 */
function searcher(pagefind: Pagefind, filters: Record<string, unknown>, current: () => boolean) {
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
}

/**
 * The index chunks of the words typed so far, loaded while the citizen types (Pagefind's
 * `preload`; a chunk holds every word with the same beginning, so also the compound that
 * "Hund Steuer" is joined into): the search after the last key then mostly only reads results.
 */
function preloader(pagefind: Pagefind): (value: string, filters: Record<string, unknown>) => void {
  const preloaded = new Set<string>();
  return (value, filters) => {
    for (const term of queryWords(value).map((w) => w.toLowerCase())) {
      if (term.length < 4 || preloaded.has(term)) continue;
      preloaded.add(term);
      void pagefind.preload(term, { filters }).catch(() => undefined);
    }
  };
}

/**
 * The list says whether more of it is on the way (`aria-busy`): while the rest of the results are
 * read after the first ones, assistive technology (and a test) can wait for the whole list.
 */
function markBusy(list: HTMLElement, busy: boolean): void {
  if (busy) list.setAttribute('aria-busy', 'true');
  else list.removeAttribute('aria-busy');
}

/**
 * One search of the form, as a function the events call; a newer search replaces an older one.
 * The first FIRST results are read, ranked and shown at once, with the count the full list will
 * have; then the rest are read and the list is shown again in full (busy meanwhile: `markBusy`).
 * The first answer is shown only where its count is sure (every status, one query's results) or
 * where the status line names the words searched for instead of a count (a partial search).
 */
function runner(page: SearchPage, pagefind: Pagefind, words: WordList): () => Promise<void> {
  const { show, forget } = outcomeView(page);
  let latest = 0;
  return async () => {
    const query = page.input.value.trim();
    const id = ++latest;
    const current = () => id === latest;
    forget();
    if (!query) {
      page.list.replaceChildren();
      markBusy(page.list, false);
      say(page, page.label('prompt'));
      return;
    }
    const { townName, choice } = chosen(page);
    try {
      const { search, count } = searcher(pagefind, pagefindFilters(townName, choice), current);
      const deps = { search, words: words.load, loadedWords: words.loaded };
      const first = await searchQuery(query, deps, { exact: page.exact, choice, shown: FIRST });
      if (!current()) return;
      const total = first.searched === undefined ? undefined : await count(first.searched);
      if (!current()) return;
      if (total !== undefined && total <= FIRST) return show(query, townName, first);
      if (choice === '' && (total !== undefined || first.partial !== undefined)) {
        show(query, townName, first, total);
        markBusy(page.list, true);
      }
      const full = await searchQuery(query, deps, { exact: page.exact, choice });
      if (current()) show(query, townName, full);
    } catch (error) {
      if (current() && !(error instanceof Replaced)) say(page, page.label('unavailable'), true);
    } finally {
      if (current()) markBusy(page.list, false);
    }
  };
}

/**
 * The form's events: typing searches after a pause that follows the typing speed (search-pause.ts;
 * meanwhile it loads the word list and the words' index chunks), a choice or the button searches
 * at once, the back button searches what the address says.
 */
function listen(page: SearchPage, run: () => Promise<void>, preload: ReturnType<typeof preloader>, words: WordList): void {
  const { form, input, town, status } = page;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastKey: number | undefined;
  /**
   * Whether the address already has an entry of its own for what is being typed: the first search
   * while typing adds one to the history, the next ones replace it, so the back button returns to
   * the search before the typing — also when the pause ran out before Enter was pressed.
   */
  let typing = false;
  const commit = () => {
    clearTimeout(timer);
    writeUrl(page, !typing);
    typing = false;
    void run();
  };
  input.addEventListener('input', () => {
    const gap = lastKey === undefined ? undefined : performance.now() - lastKey;
    lastKey = performance.now();
    page.exact = false;
    // The word list (a few KB) for a query of several words or a misspelt one, while typing.
    void words.load();
    const { townName, choice } = chosen(page);
    preload(input.value, pagefindFilters(townName, choice));
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeUrl(page, !typing);
      typing = true;
      void run();
    }, pauseAfter(gap));
  });
  for (const select of [town, status]) {
    select.addEventListener('change', commit);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit();
  });
  addEventListener('popstate', () => {
    typing = false;
    readUrl(page);
    void run();
  });
}

const form = document.getElementById('search-form') as HTMLFormElement | null;
if (form) void start(form);

/** The page opens: the query stays in the field while the index loads, and the A–Z list is a link away. */
async function start(form: HTMLFormElement): Promise<void> {
  const page = readPage(form);
  readUrl(page);
  say(page, page.label('loading'), true);
  const pagefind = await loadPagefind(page);
  if (!pagefind) return say(page, page.label('unavailable'), true);
  const words = wordList(form.dataset.words!);
  const run = runner(page, pagefind, words);
  listen(page, run, preloader(pagefind), words);
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

function render(list: HTMLElement, results: ResultView[], label: Label, written: Written): void {
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
