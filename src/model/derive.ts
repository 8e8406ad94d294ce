/** Small pure derivations the pages, the API and the feeds share. */
import type { PageRole } from '../schema/index.ts';
import type { Channel, IndexEntry, Page, Service, Site, Town, Update } from './types.ts';
import type { TimeValue } from '../core/time.ts';
import { isStaleAt, staleFrom } from '../core/stale.ts';
import { routes } from './routes.ts';
import { plannedStatuses } from './planned-state.ts';
import { compareEnglish } from '../core/order.ts';

/** Services in list order: by `order` (those without come last), then by title. */
export function compareServices(collator: Intl.Collator) {
  return (a: Pick<Service, 'order' | 'title'>, b: Pick<Service, 'order' | 'title'>) =>
    (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || collator.compare(a.title, b.title);
}

/** Newest first; equal times keep the editor's order. */
export function newestFirst(updates: readonly Update[]): Update[] {
  return updates
    .map((update, i) => ({ update, i }))
    .sort((a, b) => b.update.at.instant - a.update.at.instant || a.i - b.i)
    .map(({ update }) => update);
}

export function latest(times: readonly TimeValue[]): TimeValue {
  return times.reduce((a, b) => (b.instant > a.instant ? b : a));
}

/** Anchors for updates, from their time: `neu-20231103-1417`, `-2` for a second at the same minute. */
export function updateIds(updates: Update[]): Update[] {
  const used = new Map<string, number>();
  return updates.map((update) => {
    const digits = update.at.iso.slice(0, update.at.dateOnly ? 10 : 16).replace(/-/g, '').replace('T', '-').replace(':', '');
    const base = `neu-${digits}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return { ...update, id: count === 1 ? base : `${base}-${count}` };
  });
}

/**
 * What a page says about its age ("Stand"), decided at build time and, for a notice that is
 * fresh then, again when it is read:
 * - `undefined`: no "Stand", or a quiet notice, which does not age;
 * - `stale`: already possibly outdated at build time — the note is in the HTML;
 * - `fresh`: the HTML holds a sentence that stays true (older information may be outdated) and
 *   the moment (`staleFrom`, ISO 8601 in UTC) from which the page's script shows the note.
 * Never the other way round: a page can only look older with JavaScript, never fresher.
 */
export type StandNote = { kind: 'stale' } | { kind: 'fresh'; staleFrom: string };

export function standNote(updated: TimeValue | undefined, builtAt: number, staleAfterHours: number, quiet = false): StandNote | undefined {
  if (updated === undefined || quiet) return undefined;
  const from = staleFrom(updated.instant, staleAfterHours);
  return isStaleAt(from, builtAt) ? { kind: 'stale' } : { kind: 'fresh', staleFrom: new Date(from).toISOString() };
}

/** Whether an incident that is not resolved affects the town. */
export function hasOpenIncident(site: Pick<Site, 'incident'>, town: Pick<Town, 'affectedBy'>): boolean {
  return town.affectedBy.some((slug) => !site.incident(slug)?.resolved);
}

/** Whether anything of a service is not `normal`: its status, a task or a way of contact. */
export function isServiceDisrupted(service: Pick<Service, 'status' | 'tasks' | 'channels'>): boolean {
  return service.status !== 'normal' || service.tasks.some((task) => task.status !== 'normal') || service.channels.some((c) => c.status !== 'normal');
}

/**
 * Whether anything of a town is not `normal`: its own status, a contact, or anything of a service
 * (see `isServiceDisrupted`). Decided from the services themselves, not only from the town's
 * `status` field, so that "everything works" can never stand above a disrupted service.
 */
export function isTownDisrupted(town: Pick<Town, 'status' | 'contacts' | 'services'>): boolean {
  return town.status !== 'normal' || town.contacts.some((c) => c.status !== 'normal') || town.services.some(isServiceDisrupted);
}

/** A quiet town: nothing disrupted (status, contacts, services, their tasks and channels) and no open incident affects it. */
export function isQuietTown(site: Pick<Site, 'incident'>, town: Pick<Town, 'status' | 'affectedBy' | 'contacts' | 'services'>): boolean {
  return !isTownDisrupted(town) && !hasOpenIncident(site, town);
}

/** A quiet service: nothing of it disrupted, and no open incident affects its town; its page is never marked as outdated. */
export function isQuietService(site: Pick<Site, 'incident'>, town: Pick<Town, 'affectedBy'>, service: Pick<Service, 'status' | 'tasks' | 'channels'>): boolean {
  return !isServiceDisrupted(service) && !hasOpenIncident(site, town);
}

/**
 * A quiet site: no open incident, every way of contact of the site normal and every town quiet;
 * its home page says that everything works.
 */
export function isQuietSite(site: Pick<Site, 'incident' | 'incidents' | 'towns' | 'settings'>): boolean {
  return (
    site.incidents.every((incident) => incident.resolved) &&
    site.settings.contacts.every((c) => c.status === 'normal') &&
    site.towns.every((town) => isQuietTown(site, town))
  );
}

/**
 * How to reach the administration on a quiet site's home page: the site's contacts and, on a site
 * of one town, that town's; only those with a number, address or place.
 */
export function reachContacts(site: Pick<Site, 'settings' | 'towns'>): Channel[] {
  const town = site.towns.length === 1 ? site.towns[0]!.contacts : [];
  return [...site.settings.contacts, ...town].filter((channel) => channel.value !== undefined);
}

/** Services that are not `normal`. */
export function restrictedCount(town: Pick<Town, 'services'>): number {
  return town.services.filter((s) => s.status !== 'normal').length;
}

/** Anchor ids for task titles, unique within a service: `personalausweis-beantragen`, `-2`, … */
export function taskIds(titles: readonly string[], slugify: (s: string) => string): string[] {
  const used = new Map<string, number>();
  return titles.map((title) => {
    const base = `anliegen-${slugify(title) || 'eintrag'}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

/** Initials by label: a district lists the same service and task titles in every town. */
const initials = new Map<string, string>();

/** The initial a label is listed under: A–Z (umlauts with their base letter), else `#`. */
export function initialOf(label: string): string {
  let initial = initials.get(label);
  if (initial === undefined) {
    // Bounded, so a long-running process (astro dev) does not keep every label it ever listed.
    if (initials.size >= 100_000) initials.clear();
    initial = initialIn(label);
    initials.set(label, initial);
  }
  return initial;
}

function initialIn(label: string): string {
  const first = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .charAt(0)
    .toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/**
 * Every task and every service of every town, A to Z. 1.2: with `builtAt`, an entry whose planned
 * changes change its status from then on carries its `statuses` (the A–Z list switches them when read).
 */
export function buildIndex(towns: readonly Town[], collator: Intl.Collator, builtAt?: number): IndexEntry[] {
  return indexEntries(towns, builtAt).sort(
    (a, b) => collator.compare(a.label, b.label) || collator.compare(a.townName, b.townName) || collator.compare(a.serviceTitle, b.serviceTitle),
  );
}

/**
 * The entries of `buildIndex` in the order of towns and services, not yet sorted: what the link
 * check of `check` needs (the pages of the A–Z list follow from the entries per letter, in any order).
 */
export function indexEntries(towns: readonly Town[], builtAt?: number): IndexEntry[] {
  const statuses = (item: Parameters<typeof plannedStatuses>[0]) => {
    const segments = builtAt === undefined ? undefined : plannedStatuses(item, builtAt);
    return segments ? { statuses: segments } : {};
  };
  const entries: IndexEntry[] = [];
  for (const town of towns) {
    for (const service of town.services) {
      entries.push({
        kind: 'service',
        label: service.title,
        letter: initialOf(service.title),
        status: service.status,
        town: town.slug,
        townName: town.name,
        service: service.slug,
        serviceTitle: service.title,
        note: service.summary,
        path: service.path,
        ...statuses(service),
      });
      for (const task of service.tasks) {
        entries.push({
          kind: 'task',
          label: task.titleText,
          letter: initialOf(task.titleText),
          status: task.status,
          town: town.slug,
          townName: town.name,
          service: service.slug,
          serviceTitle: service.title,
          note: task.note,
          path: routes.task(town.slug, service.slug, task.id),
          ...statuses(task),
        });
      }
    }
  }
  return entries;
}

/** Above this many entries the A–Z list gets one page per initial letter (the 14 KB page budget). */
export const azSplitThreshold = 300;
/** At most this many entries on one page of an initial; more go on `/anliegen/s/2/`, … */
export const azPageSize = 120;

export interface AzGroup {
  letter: string;
  /** Path segment and anchor: `a` … `z`, `0` for digits and others. */
  slug: string;
  entries: IndexEntry[];
  /** The entries in pages of at most `azPageSize` (one page unless the list is split). */
  pages: IndexEntry[][];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The A–Z index grouped by initial, in index order; `split` when it is too long for one page. */
export function azGroups(
  index: readonly IndexEntry[],
  threshold = azSplitThreshold,
  pageSize = azPageSize,
): { split: boolean; groups: AzGroup[] } {
  const split = index.length > threshold;
  const groups = new Map<string, AzGroup>();
  for (const entry of index) {
    const group = groups.get(entry.letter) ?? { letter: entry.letter, slug: entry.letter === '#' ? '0' : entry.letter.toLowerCase(), entries: [], pages: [] };
    group.entries.push(entry);
    groups.set(entry.letter, group);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.letter === '#' ? 1 : b.letter === '#' ? -1 : compareEnglish(a.letter, b.letter)));
  for (const group of sorted) group.pages = split ? chunks(group.entries, pageSize) : [group.entries];
  return { split, groups: sorted };
}

/** Names in natural order, as readers expect: "Ort 2" before "Ort 10". */
export function naturalCollator(locale: string): Intl.Collator {
  return new Intl.Collator(locale, { numeric: true });
}

/** One line of a list of towns: the town and how many of its services are restricted. */
export interface TownRow {
  town: Town;
  restricted: number;
}

export interface TownGroup {
  /** Anchor of the group's heading: `gruppe-kreis-soest`, `gruppe-weitere`, `gruppe-a`. */
  id: string;
  /** The district the group is about (grouped by district). */
  district?: Town;
  /** The initial (grouped by initial). */
  letter?: string;
  /** The district's own row first (when it is in the list), then its towns A to Z. */
  rows: TownRow[];
}

export interface TownGrouping {
  /** `district` when any town has a parent; `initial` for a long list without districts; else `none`. */
  by: 'district' | 'initial' | 'none';
  groups: TownGroup[];
  /** Whether any town in the list has services, so that the rows show counts to explain. */
  counted: boolean;
}

/** Without districts, a list longer than this is grouped by initial. */
export const townInitialThreshold = 20;

/** The top of a town's chain of `parent`s (the town itself when it has none). */
function rootOf(town: Town, lookup: (slug: string) => Town | undefined): Town {
  let current = town;
  for (let parent = current.parent && lookup(current.parent); parent; parent = parent.parent && lookup(parent.parent)) current = parent;
  return current;
}

/**
 * Towns grouped for a list (the home page, an incident's towns): under the district at the top
 * of their `parent` chain, districts A to Z, each district's own row first; towns outside every
 * district come last in a group of their own. A site without districts is grouped by initial
 * when it is long. Names sort naturally.
 */
export function groupTowns(
  towns: readonly Town[],
  lookup: (slug: string) => Town | undefined,
  collator: Intl.Collator,
  initialThreshold = townInitialThreshold,
): TownGrouping {
  const row = (town: Town): TownRow => ({ town, restricted: restrictedCount(town) });
  const counted = towns.some((town) => town.services.length > 0);
  const byName = (a: Town, b: Town) => collator.compare(a.name, b.name);
  const roots = new Map<string, { root: Town; members: Town[] }>();
  for (const town of towns) {
    const root = rootOf(town, lookup);
    const entry = roots.get(root.slug) ?? { root, members: [] };
    entry.members.push(town);
    roots.set(root.slug, entry);
  }
  const districts = [...roots.values()].filter(({ root, members }) => members.some((m) => m !== root));
  if (districts.length > 0) {
    const groups: TownGroup[] = districts
      .sort((a, b) => byName(a.root, b.root))
      .map(({ root, members }) => ({
        id: `gruppe-${root.slug}`,
        district: root,
        rows: [...members.filter((m) => m === root), ...members.filter((m) => m !== root).sort(byName)].map(row),
      }));
    const others = [...roots.values()].filter((entry) => !districts.includes(entry)).flatMap(({ members }) => members);
    if (others.length > 0) groups.push({ id: 'gruppe-weitere', rows: others.sort(byName).map(row) });
    return { by: 'district', groups, counted };
  }
  const sorted = [...towns].sort(byName);
  if (sorted.length <= initialThreshold) return { by: 'none', groups: [{ id: 'gruppe-alle', rows: sorted.map(row) }], counted };
  const letters = new Map<string, TownGroup>();
  for (const town of sorted) {
    const letter = initialOf(town.name);
    const group = letters.get(letter) ?? { id: `gruppe-${letter === '#' ? '0' : letter.toLowerCase()}`, letter, rows: [] };
    group.rows.push(row(town));
    letters.set(letter, group);
  }
  const groups = [...letters.values()].sort((a, b) => (a.letter === '#' ? 1 : b.letter === '#' ? -1 : compareEnglish(a.letter!, b.letter!)));
  return { by: 'initial', groups, counted };
}

/** The legal pages every page links to, in this order, found by `role`. */
export const legalRoles = ['impressum', 'datenschutz', 'barrierefreiheit'] as const satisfies readonly PageRole[];
/** Pages the home page links prominently (BITV 2.0 § 4), found by `role`. */
export const accessRoles = ['leichte-sprache', 'gebaerdensprache'] as const satisfies readonly PageRole[];

/**
 * The footer's links: the legal pages present (Impressum, Datenschutz, Barrierefreiheit, in
 * that order, whether or not they say `footer: true`), then the other `footer: true` pages.
 * A missing legal page is left out: the notices matter more than a failed build.
 */
export function footerPages(pages: readonly Page[]): Page[] {
  const legal = legalRoles.flatMap((role) => pages.filter((p) => p.role === role).slice(0, 1));
  return [...legal, ...pages.filter((p) => p.footer && !legal.includes(p))];
}

/** The pages in Leichte Sprache and Gebärdensprache that are present, with their role. */
export function accessPages(pages: readonly Page[]): { role: (typeof accessRoles)[number]; page: Page }[] {
  return accessRoles.flatMap((role) => pages.filter((p) => p.role === role).slice(0, 1).map((page) => ({ role, page })));
}
