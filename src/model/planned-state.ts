/**
 * 1.2: what planned changes mean for a town, a service and a task at a moment — built on the one
 * rule `plannedAt` (`src/core/planned.ts`). The site holds, in `status`/`summary`/`note`, the state at the
 * build time (`applyPlanned`, called once by `site.ts`), so that every page, the API, the feeds,
 * the quiet home page and the search see the change while it runs; `written` keeps what the
 * editor wrote. `timeline` gives the states from the build time on, for the pages that switch
 * when they are read (`components/Timed.astro`, `scripts/planned.ts`).
 */
import type { StatusKey } from '../schema/index.ts';
import type { MarkdownText } from '../core/markdown.ts';
import type { Planned, Service, Site, Task, Town } from './types.ts';
import { bestTownStatus, deriveTownStatus, isBetterStatus } from '../core/status.ts';
import { plannedAt, type Window } from '../core/planned.ts';
import { routes } from './routes.ts';

export interface ServiceState {
  status: StatusKey;
  summary: MarkdownText;
}

/** A service at `t`: the planned entry running then, else as written. */
export function serviceAt(service: Pick<Service, 'planned' | 'written'>, t: number): ServiceState {
  const entry = plannedAt(service.planned, t);
  return entry ? { status: entry.status, summary: entry.summary } : service.written;
}

/** A task at `t`: the planned entry running then (its summary is the task's note), else as written. */
export function taskAt(task: Pick<Task, 'planned' | 'written'>, t: number): { status: StatusKey; note?: MarkdownText } {
  const entry = plannedAt(task.planned, t);
  return entry ? { status: entry.status, note: entry.summary } : task.written;
}

/**
 * A town at `t`: its own planned entry running then; else its written status, unless its services
 * at `t` make that too good (a town is never better than its services, also while a service's
 * planned closure runs); else the status derived from its services at `t`.
 */
export function townAt(town: Pick<Town, 'planned' | 'written' | 'services'>, t: number): ServiceState & { derived: boolean } {
  const services = town.services.map((s) => serviceAt(s, t));
  const entry = plannedAt(town.planned, t);
  const summary = entry?.summary ?? town.written.summary;
  const own = entry?.status ?? town.written.status;
  const best = bestTownStatus(services);
  if (own !== undefined && (best === undefined || !isBetterStatus(own, best))) return { status: own, summary, derived: false };
  return { status: deriveTownStatus(services) ?? own ?? 'limited', summary, derived: true };
}

/** Sets every town's, service's and task's status (and summary, note) to the state at `t`. */
export function applyPlanned(towns: readonly Town[], t: number): void {
  for (const town of towns) {
    for (const service of town.services) {
      Object.assign(service, serviceAt(service, t));
      for (const task of service.tasks) Object.assign(task, taskAt(task, t));
    }
    const state = townAt(town, t);
    town.status = state.status;
    town.summary = state.summary;
    town.statusDerived = state.derived;
  }
}

/** One stretch of time with one state; the first has no `start`, the last no `end`. */
export interface Segment<V> extends Window {
  value: V;
}

/**
 * The states from `t` on: one segment per stretch between the windows' starts and ends after `t`,
 * neighbours with the same `key` joined. The first segment holds `t` (the build time's state).
 */
export function timeline<V>(windows: readonly Window[], valueAt: (t: number) => V, key: (value: V) => string, t: number): Segment<V>[] {
  const bounds = [...new Set(windows.flatMap((w) => [w.start, w.end]).filter((b): b is number => b !== undefined && b > t))].sort((a, b) => a - b);
  const segments: Segment<V>[] = [];
  [t, ...bounds].forEach((at, i) => {
    const value = valueAt(at);
    const last = segments[segments.length - 1];
    if (last && key(last.value) === key(value)) last.end = bounds[i];
    else {
      if (last) last.end = at;
      segments.push({ start: i === 0 ? undefined : at, end: bounds[i], value });
    }
  });
  return segments;
}

/** The windows that change a town's state: its own and its services'. */
export function townWindows(town: Pick<Town, 'planned' | 'services'>): Planned[] {
  return [...town.planned, ...town.services.flatMap((s) => s.planned)];
}

/** One planned change as the lists show it: what it concerns and the entry. */
export interface PlannedItem {
  town: Town;
  service?: Service;
  task?: Task;
  entry: Planned;
  /** Site path of the page it concerns (a task: the service page at the task's anchor). */
  path: string;
  /** Its anchor in the lists of planned changes, unique on every page: `geplant-werl-buergerbuero-20261212-0700`. */
  id: string;
  /** The page that lists it with the other changes of its service or town, at its anchor (feeds link there). */
  listed: string;
  /** `town`, `town/service` or `town/service/task-id`: with the window's start, a stable name (the iCalendar UID). */
  key: string;
}

/** Every planned change of the site, by start, then town, service and task as listed. */
export function plannedItems(site: Pick<Site, 'towns'>): PlannedItem[] {
  const items: PlannedItem[] = [];
  const used = new Map<string, number>();
  const add = (item: Omit<PlannedItem, 'id' | 'listed'>, page: string) => {
    const digits = item.entry.from.iso.slice(0, item.entry.from.dateOnly ? 10 : 16).replace(/-/g, '').replace('T', '-').replace(':', '');
    const base = `geplant-${item.key.replace(/\//g, '-')}-${digits}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    const id = count === 1 ? base : `${base}-${count}`;
    items.push({ ...item, id, listed: routes.anchor(page, id) });
  };
  for (const town of site.towns) {
    for (const entry of town.planned) add({ town, entry, path: town.path, key: town.slug }, town.path);
    for (const service of town.services) {
      for (const entry of service.planned) add({ town, service, entry, path: service.path, key: `${town.slug}/${service.slug}` }, service.path);
      for (const task of service.tasks) {
        for (const entry of task.planned) add({ town, service, task, entry, path: routes.task(town.slug, service.slug, task.id), key: `${town.slug}/${service.slug}/${task.id}` }, service.path);
      }
    }
  }
  return items.map((item, i) => ({ item, i })).sort((a, b) => a.item.entry.start - b.item.entry.start || a.i - b.i).map(({ item }) => item);
}

const townItems = new WeakMap<Town, readonly PlannedItem[]>();

/** The planned changes of one town (`plannedItems` of it alone), worked out once: every page of the town lists them. */
export function townPlannedItems(town: Town): readonly PlannedItem[] {
  let items = townItems.get(town);
  if (!items) townItems.set(town, (items = Object.freeze(plannedItems({ towns: [town] }))));
  return items;
}

/** The planned changes not over at `t`: still to come or running (the lists of upcoming closures). */
export function openPlanned(items: readonly PlannedItem[], t: number): PlannedItem[] {
  return items.filter((item) => item.entry.end > t);
}

/** A service's states from `t` on (status and summary). */
export function serviceTimeline(service: Pick<Service, 'planned' | 'written'>, t: number): Segment<ServiceState>[] {
  return timeline(service.planned, (at) => serviceAt(service, at), (v) => `${v.status} ${v.summary.markdown}`, t);
}

/** A task's states from `t` on (status and note). */
export function taskTimeline(task: Pick<Task, 'planned' | 'written'>, t: number): Segment<{ status: StatusKey; note?: MarkdownText }>[] {
  return timeline(task.planned, (at) => taskAt(task, at), (v) => `${v.status} ${v.note?.markdown ?? ''}`, t);
}

/** A town's states from `t` on: its own planned changes and its services' (a town follows its services). */
export function townTimeline(town: Pick<Town, 'planned' | 'written' | 'services'>, t: number): Segment<ServiceState & { derived: boolean }>[] {
  return timeline(townWindows(town), (at) => townAt(town, at), (v) => `${v.status} ${v.summary.markdown}`, t);
}

/**
 * Until when a site that is quiet at `t` stays quiet as far as planned changes go: the first
 * start after `t` of an entry that is not `normal` (then the home page must no longer say that
 * everything works); `undefined` when none is planned.
 */
export function quietUntil(site: Pick<Site, 'towns'>, t: number): number | undefined {
  const starts = plannedItems(site)
    .map((item) => item.entry)
    .filter((entry) => entry.status !== 'normal' && entry.start > t)
    .map((entry) => entry.start);
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

/** The same stretches with one part of the state: `mapSegments(states, (s) => s.status)`. */
export function mapSegments<V, W>(segments: readonly Segment<V>[], part: (value: V) => W): Segment<W>[] {
  return segments.map((segment) => ({ start: segment.start, end: segment.end, value: part(segment.value) }));
}

/**
 * How many of a town's services are restricted (not `normal`) from `t` on: the "N von M
 * eingeschränkt" of the town lists, following the services' planned changes.
 */
export function restrictedTimeline(town: Pick<Town, 'services'>, t: number): Segment<number>[] {
  const windows = town.services.flatMap((s) => s.planned);
  const count = (at: number) => town.services.filter((s) => serviceAt(s, at).status !== 'normal').length;
  return timeline(windows, count, String, t);
}

/** A service's or task's status from `t` on, when planned changes change it; `undefined` when it stays as it is. */
export function plannedStatuses(item: Pick<Service, 'planned' | 'written'> | Pick<Task, 'planned' | 'written'>, t: number): Segment<StatusKey>[] | undefined {
  if (item.planned.length === 0) return undefined;
  const segments = timeline(item.planned, (at) => plannedAt(item.planned, at)?.status ?? item.written.status, String, t);
  return segments.length > 1 ? segments : undefined;
}
