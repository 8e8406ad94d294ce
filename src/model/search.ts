/**
 * What the search index knows of a page besides its text: filters (town, status, kind) and
 * meta (status, town, service, summary, "Stand") so that a result can be shown with its status without
 * opening the page. Tasks are sub-results (their headings have ids); their statuses travel as
 * meta `t-<id>`. `keywords` are indexed as hidden text before the first heading with an id, so
 * that they belong to the page, never to a task (Pagefind counts the text after a heading with
 * an id as that heading's sub-result).
 *
 * Pagefind does not know that "Trauung" is "Eheschließung" or that "Schein" is part of
 * "Führerschein": the words of the vocabulary groups a text uses and the parts of its compounds
 * (`src/vocabulary/`) are indexed as hidden text with a lower weight, a task's in the task's own
 * section, so that the task is the sub-result that matches; the page's before the first heading.
 *
 * 1.2: the pages switch planned changes when they are read; so do the results. A page whose
 * status or summary planned changes change from the build time on carries its states as meta
 * `statusWindows` (`windowsText`, core/planned.ts) and, per state whose summary differs from the
 * one before, `summary-<n>`; a task whose status they change, `w-<id>`. Its `status` filter holds
 * every status of those states, and the search page picks the state holding the reader's clock
 * (src/scripts/search-results.ts). Pages without planned changes carry nothing more.
 */
import type { StatusKey } from '../schema/index.ts';
import type { Translate } from '../i18n/index.ts';
import type { Incident, Service, Site, Town } from './types.ts';
import type { TimeValue } from '../core/time.ts';
import { plainText, type MarkdownText } from '../core/markdown.ts';
import { windowsText } from '../core/planned.ts';
import { mapSegments, plannedStatuses, serviceTimeline, townTimeline, type Segment, type ServiceState } from './planned-state.ts';
import { createExpander, siteVocabulary, type Expander, type Expansion } from '../vocabulary/index.ts';

export type SearchKind = 'town' | 'service' | 'task' | 'incident';

export interface SearchRecord {
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  keywords: string[];
  /** Words that find the page but are not on it, for its text outside the tasks. */
  extra: Expansion;
  /** The same for each task, by task id, indexed in the task's section. */
  tasks: Record<string, Expansion>;
}

/** Pagefind weights (text is 1, an h3 task title 5): below the page's own words. */
export const extraWeights = { synonyms: 0.5, parts: 0.5 } as const;

/** Each text is asked twice: for the site's dictionary (`siteTexts`) and for its page's record. */
const texts = new WeakMap<MarkdownText, string>();

/** Tags and the entities markdown-it writes: each stands between words. */
const markup = /<[^>]*>|&(?:amp|lt|gt|quot|#39|nbsp);/g;

/** The words of rendered Markdown as text: tags and entities are spaces (only the words count, `wordsOf`). */
function textOf(markdown: MarkdownText): string {
  let text = texts.get(markdown);
  if (text === undefined) {
    text = markdown.html.replace(markup, ' ');
    texts.set(markdown, text);
  }
  return text;
}

function serviceText(service: Service): string[] {
  return [service.title, textOf(service.summary), textOf(service.body), ...service.keywords, ...service.updates.map((u) => textOf(u.text))];
}

function taskText(task: Service['tasks'][number]): string {
  return [task.titleText, task.note ? textOf(task.note) : ''].join(' ');
}

function townText(town: Town): string[] {
  return [town.name, textOf(town.summary), textOf(town.body), ...town.updates.map((u) => textOf(u.text))];
}

function incidentText(incident: Incident): string[] {
  return [incident.title, textOf(incident.summary), textOf(incident.body), ...incident.updates.map((u) => textOf(u.text))];
}

/** Every text of the site that search indexes, for the dictionary compounds are split with. */
function* siteTexts(site: Site): Generator<string> {
  for (const town of site.towns) {
    yield* townText(town);
    for (const service of town.services) {
      yield* serviceText(service);
      for (const task of service.tasks) yield taskText(task);
    }
  }
  for (const incident of site.incidents) yield* incidentText(incident);
}

const expanders = new WeakMap<Site, Expander>();

/** `AUSHANG_NO_VOCABULARY=1`: no vocabulary words or parts, for the benchmark's comparison of index sizes only. */
const noExpansion: Expander = { expand: () => ({ synonyms: [], parts: [] }), key: (word) => word, splitter: undefined };

/** The expander of a site: the built-in vocabulary of its language, its own groups, its words. */
export function searchExpander(site: Site): Expander {
  if (process.env.AUSHANG_NO_VOCABULARY === '1') return noExpansion;
  let expander = expanders.get(site);
  if (!expander) {
    expander = createExpander({
      vocabulary: siteVocabulary(site.settings),
      siteGroups: site.settings.vocabulary,
      siteTexts: siteTexts(site),
    });
    expanders.set(site, expander);
  }
  return expander;
}

/** The meta key that carries a task's status. */
export const taskMetaKey = (taskId: string) => `t-${taskId}`;

/** 1.2: the meta key that carries a task's status from the build time on, when planned changes change it. */
export const taskWindowsMetaKey = (taskId: string) => `w-${taskId}`;

/** 1.2: the meta key of the summary of a page's `n`-th state (`statusWindows`), when it differs from the one before. */
export const summaryMetaKey = (n: number) => `summary-${n}`;

const unique = <T>(values: T[]) => [...new Set(values)];

function statusMeta(status: StatusKey, t: Translate) {
  return { status, statusLabel: t(`status.${status}`) };
}

/**
 * 1.2: a page's states from the build time on as meta, when there are several: `statusWindows`
 * and the summary of each state that changes it (as the page's lead does). None for one state.
 */
function plannedMeta(states: readonly Segment<ServiceState>[]): Record<string, string> {
  if (states.length < 2) return {};
  const meta: Record<string, string> = { statusWindows: windowsText(mapSegments(states, (s) => s.status)) };
  states.forEach((state, n) => {
    if (n > 0 && state.value.summary.markdown !== states[n - 1]!.value.summary.markdown) meta[summaryMetaKey(n)] = plainText(state.value.summary.markdown);
  });
  return meta;
}

/** 1.2: each task's status from the build time on, for the tasks whose status planned changes change. */
function taskStatuses(service: Service, builtAt: number): [string, Segment<StatusKey>[]][] {
  return service.tasks.flatMap((task) => {
    const statuses = plannedStatuses(task, builtAt);
    return statuses ? [[task.id, statuses] as [string, Segment<StatusKey>[]]] : [];
  });
}

/**
 * A service page's record, with its and its tasks' states from the build time (`builtAt`) on: the
 * `status` filter holds every status they have, the meta their windows (`plannedMeta`). `builtAt`
 * is required: without it a record would carry only the state at the build, and a search result
 * would go on saying so after a planned change began.
 */
export function serviceRecord(service: Service, town: Town, t: Translate, time: (v: TimeValue) => string, expander: Expander, builtAt: number): SearchRecord {
  const states = serviceTimeline(service, builtAt);
  const tasks = taskStatuses(service, builtAt);
  return {
    filters: {
      kind: service.tasks.length > 0 ? ['service', 'task'] : ['service'],
      town: [town.name],
      status: unique([
        service.status,
        ...service.tasks.map((task) => task.status),
        ...states.map((s) => s.value.status),
        ...tasks.flatMap(([, statuses]) => statuses.map((s) => s.value)),
      ]),
    },
    meta: {
      title: service.title,
      kind: 'service',
      town: town.name,
      service: service.title,
      summary: plainText(service.summary.markdown),
      stand: time(service.lastChange),
      ...statusMeta(service.status, t),
      ...Object.fromEntries(service.tasks.map((task) => [taskMetaKey(task.id), task.status])),
      ...plannedMeta(states),
      ...Object.fromEntries(tasks.map(([id, statuses]) => [taskWindowsMetaKey(id), windowsText(statuses)])),
    },
    keywords: service.keywords,
    ...serviceWords(service, town, expander),
  };
}

/**
 * The words of each task, and of the rest of the page those that no task has already: the
 * page is found through its tasks' sections too, and each word indexed once is a smaller index.
 */
function serviceWords(service: Service, town: Town, expander: Expander): Pick<SearchRecord, 'extra' | 'tasks'> {
  const names = serviceNames(town, expander);
  const tasks = Object.fromEntries(service.tasks.map((task) => [task.id, taskWords(taskText(task), names, expander)]));
  const inTasks = new Set(Object.values(tasks).flatMap((words) => [...words.synonyms, ...words.parts]));
  const page = expander.expand(serviceText(service).join(' '));
  const extra = { synonyms: page.synonyms.filter((w) => !inTasks.has(w)), parts: page.parts.filter((w) => !inTasks.has(w)) };
  return { extra, tasks };
}

/** Words as written, a hyphenated compound as one ("Sperrmüll-Abholung"), lower case. */
const tokensOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];

/** Computed once per town (every service page of the town asks). */
const namesByExpander = new WeakMap<Expander, WeakMap<Town, Set<string>>>();

/**
 * The keys of the town's services that are named by one word (Bürgerbüro, Standesamt,
 * Kfz-Zulassung) and bring words of their own (synonyms or parts).
 */
function serviceNames(town: Town, expander: Expander): Set<string> {
  let byTown = namesByExpander.get(expander);
  if (!byTown) namesByExpander.set(expander, (byTown = new WeakMap()));
  let names = byTown.get(town);
  if (names) return names;
  names = new Set<string>();
  byTown.set(town, names);
  for (const { title } of town.services) {
    const tokens = tokensOf(title);
    if (tokens.length !== 1) continue;
    const own = expander.expand(tokens[0]!);
    if (own.synonyms.length > 0 || own.parts.length > 0) names.add(expander.key(tokens[0]!));
  }
  return names;
}

/**
 * A task's words, less those that only the name of a service brings: "Vereinbarten Termin im
 * Bürgerbüro wahrnehmen" names a place, so "Meldeamt" finds the Bürgerbüro's page with the
 * service's status, not that task with "Nicht möglich". Words the rest of the task brings stay
 * ("Gewerbe anmelden" keeps "Gewerbeanmeldung"), and so does a compound that only contains a
 * name ("Sperrmüll-Abholung").
 */
function taskWords(text: string, names: Set<string>, expander: Expander): Expansion {
  const all = expander.expand(text);
  const tokens = tokensOf(text);
  const named = tokens.filter((token) => names.has(expander.key(token)));
  if (named.length === 0) return all;
  const rest = expander.expand(tokens.filter((token) => !names.has(expander.key(token))).join(' '));
  const kept = new Set([...rest.synonyms, ...rest.parts]);
  const byName = expander.expand(named.join(' '));
  const dropped = new Set([...byName.synonyms, ...byName.parts].filter((word) => !kept.has(word)));
  return { synonyms: all.synonyms.filter((w) => !dropped.has(w)), parts: all.parts.filter((w) => !dropped.has(w)) };
}

/** A town page's record, with its states from the build time on as for a service (`townTimeline`: its own planned changes and its services'). */
export function townRecord(town: Town, t: Translate, time: (v: TimeValue) => string, expander: Expander, builtAt: number): SearchRecord {
  const states = townTimeline(town, builtAt);
  return {
    filters: { kind: ['town'], town: [town.name], status: unique([town.status, ...states.map((s) => s.value.status)]) },
    meta: {
      title: town.name,
      kind: 'town',
      town: town.name,
      summary: plainText(town.summary.markdown),
      stand: time(town.lastChange),
      ...statusMeta(town.status, t),
      ...plannedMeta(states),
    },
    keywords: [],
    extra: expander.expand(townText(town).join(' ')),
    tasks: {},
  };
}

export function incidentRecord(incident: Incident, time: (v: TimeValue) => string, expander: Expander): SearchRecord {
  return {
    filters: { kind: ['incident'] },
    meta: { title: incident.title, kind: 'incident', summary: plainText(incident.summary.markdown), stand: time(incident.updated) },
    keywords: [],
    extra: expander.expand(incidentText(incident).join(' ')),
    tasks: {},
  };
}

/**
 * Pagefind's `metaCacheTag` for the pages of one build: the build time in base 36. Pagefind asks
 * for `pagefind-entry.json?ts=<tag>`; without a tag it adds the current time, an address no
 * cache ever holds. With it, the entry file can be loaded before the search page opens (on
 * focus, src/scripts/page.ts) and kept for offline search (the service worker), and a new build
 * names a new address, so no browser keeps an old entry file for new pages.
 */
export function searchTag(builtAt: number): string {
  return builtAt.toString(36);
}
