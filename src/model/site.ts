/**
 * Content folder → `Site`, as a short pipeline: read the files (read.ts) → validate each with its
 * schema and field rules (src/schema/validate.ts, rules.ts; entries.ts converts while it checks)
 * → the rules between files (src/schema/cross-file.ts) → derive the facts that follow (here).
 * Every error is collected before giving up, so an editor learns all mistakes in one run; the
 * site is built only when there are none.
 */
import path from 'node:path';
import type { CountryCode } from 'libphonenumber-js/max';
import { createRenderer } from '../core/markdown.ts';
import { deriveTownStatus } from '../core/status.ts';
import { serviceSchema, siteSchema, townSchema, type ServiceInput, type SiteInput } from '../schema/index.ts';
import { sortErrors, type ContentError, type ContentWarning } from '../schema/errors.ts';
import { reservedTownFiles } from '../schema/aliases.ts';
import { checkReference, checkTownStatusNotBetter, type RuleContext } from '../schema/rules.ts';
import {
  checkAliasCollisions,
  checkCountry,
  checkDuplicateRoles,
  checkParent,
  checkParentCycles,
  checkReservedPage,
  checkReservedService,
  checkReservedTown,
  checkTimeZone,
  checkTownPageCollision,
  checkTownStatusRequired,
  TakenPaths,
} from '../schema/cross-file.ts';
import { validateFile } from '../schema/validate.ts';
import { checkLinks } from '../schema/links.ts';
import { checkWarnings } from '../schema/warnings.ts';
import { defaultContentLanguage, editorLanguage, translator, type EditorLanguage } from '../i18n/index.ts';
import { applyOverlay, collect, streamContent, type ContentStream, type Found, type Overlay, type SourceFile, type YamlParser } from './read.ts';
import { createUrls, withSiteAddress, type UrlSettings } from './urls.ts';
import { routes } from './routes.ts';
import { linkTargets, ownPath } from './targets.ts';
import { EntryReader } from './entries.ts';
import { applyPlanned } from './planned-state.ts';
import { buildIndex, compareServices, indexEntries, latest, naturalCollator } from './derive.ts';
import type { IndexEntry, Incident, Page, Redirect, Service, Settings, Site, Town } from './types.ts';

export interface LoadOptions {
  /** Base path and site URL; from the environment by default. */
  urls: UrlSettings;
  /** "Now" for the future-time rule; defaults to the clock. */
  now?: number;
  /** Build time for "possibly outdated"; defaults to `now`. */
  builtAt?: number;
  cwd?: string;
  /** Planned changes to check as if written (see `applyOverlay`). */
  overlay?: Overlay;
  /**
   * Where the YAML is parsed when not in this thread: the CLI's worker threads (yaml-pool.ts).
   * Never inside Astro's bundle, where no worker script exists: there the files are read here.
   */
  parser?: YamlParser;
  /** The content folder as being read (`streamContent`), for a caller that started reading it while this module loaded. */
  read?: ContentStream | Promise<ContentStream>;
  /**
   * Only what `check` reports (errors, warnings, the counts): the HTML of every text is made
   * when first read, and the planned changes running at the build time are not applied (the
   * site keeps the states as written, and the entries of the A–Z index unsorted, as the link
   * check needs them). The build and everything else load the whole model.
   */
  checkOnly?: boolean;
}

/** `language`: the language of messages for editors (German or English, see `editorLanguage`). */
export type LoadResult =
  | { ok: true; site: Site; language: EditorLanguage; warnings: ContentWarning[]; blobIds: ReadonlyMap<string, string> }
  | { ok: false; errors: ContentError[]; language: EditorLanguage };

const defaults = siteSchema.parse({ title: 'x', operator: 'x' });

export async function loadSite(dir: string, options: LoadOptions): Promise<LoadResult> {
  const now = options.now ?? Date.now();
  const files: SourceFile[] = [];
  const errors: ContentError[] = [];
  let reading: SiteReading | undefined;
  const services: ServiceRead[] = [];
  // Each service is validated as soon as it is parsed, while the YAML workers read the rest;
  // site.yaml comes first (ContentStream), so its settings are known by then.
  for await (const { source, errors: found } of contentOf(dir, options)) {
    errors.push(...found);
    if (!source) continue;
    files.push(source);
    if (source.kind === 'service') services.push(readService(source, (reading ??= startReading(files, errors, options, now)).reader));
  }
  const { site, reader, urls, settings } = (reading ??= startReading(files, errors, options, now));
  const byKind = (kind: SourceFile['kind']) => files.filter((f) => f.kind === kind);
  const { ctx } = reader;
  const incidents = byKind('incident').flatMap((source) => reader.incident(source) ?? []);
  const pages = readPages(byKind('page'), reader);
  const collator = naturalCollator(translator(site.language)('lang.locale'));
  const servicesByTown = groupServices(services, reader, incidents);
  const towns = readTowns(byKind('town'), reader, { pages, incidents, servicesByTown, collator });
  // Every generated path once; aliases must not hide a page or each other.
  const redirects = collectRedirects(towns, pages, reader.aliasesByFile, errors);
  // Links last: only now is every page known. The A–Z list's pages do not depend on its order.
  const index = options.checkOnly ? indexEntries(towns) : buildIndex(towns, collator);
  const siteContacts = (settings?.contacts.length ?? 0) > 0;
  // The pages and anchors links may point to, made only when a text links inside the site.
  if (ctx.links!.length > 0) errors.push(...checkLinks(ctx.links!, linkTargets({ towns, pages, incidents, redirects, index, siteContacts, sources: files }), urls.base));
  if (errors.length > 0 || !settings) return { ok: false, errors: sortErrors(errors), language: site.language };

  const built = deriveSite({ settings, towns, incidents, pages, redirects, index, collator, address: reading.address, builtAt: options.builtAt ?? now });
  const sourcesByFile = new Map(files.map((f) => [f.file, f]));
  // Warnings are about what the files say, the same whichever planned change runs at the build time.
  const warnings = checkWarnings(built, (file, field) => sourcesByFile.get(file)?.lineOf(field));
  if (!options.checkOnly) applyPlannedNow(built, collator);
  return { ok: true, site: built, language: site.language, warnings, blobIds: blobIdsOf(files, options.cwd ?? process.cwd()) };
}

/** What reading the entries needs from site.yaml: its settings, the rules' context and the renderer. */
interface SiteReading {
  site: SiteFile;
  reader: EntryReader;
  urls: ReturnType<typeof createUrls>;
  address: UrlSettings;
  settings: Settings | undefined;
}

/** site.yaml (among the files read so far) validated, and the reader of every other entry. */
function startReading(files: readonly SourceFile[], errors: ContentError[], options: LoadOptions, now: number): SiteReading {
  // site.yaml first: its time zone, country and language apply to everything else.
  const site = siteSettings(files.find((f) => f.kind === 'site'), errors);
  const renders = !options.checkOnly;
  const ctx: RuleContext = { timeZone: site.timeZone, country: site.country, language: site.language, now, errors, links: [], pageOf: ownPath, renders };
  // 1.2: site.yaml may name the address; SITE_URL and BASE_PATH still override it for one build.
  const address = withSiteAddress(options.urls, site.input?.url);
  const urls = createUrls(address);
  const reader = new EntryReader(ctx, createRenderer(urls.path, { lazy: !renders }));
  const settings = site.source && site.input ? settingsOf(site, reader) : undefined;
  return { site, reader, urls, address, settings };
}

/** The Git blob id of each file as read, by absolute path: what the build lists in `aushang-build.json`. */
function blobIdsOf(files: readonly SourceFile[], cwd: string): Map<string, string> {
  return new Map(files.map((f) => [path.resolve(cwd, f.file), f.blobId]));
}

/** 1.2: a planned change running at the build time is the current state of pages, API and feeds. */
function applyPlannedNow(built: Site, collator: Intl.Collator): void {
  applyPlanned(built.towns, built.builtAt);
  built.index = buildIndex(built.towns, collator, built.builtAt);
}

/**
 * Every content file as found (`ContentStream`), or — with `options.overlay` — once all are read,
 * with the planned changes applied as if written (site.yaml first, as in the stream).
 */
async function* contentOf(dir: string, options: LoadOptions): AsyncGenerator<Found> {
  const stream = (await options.read) ?? streamContent(dir, options.cwd, options.parser);
  if (!options.overlay) return yield* stream;
  const { files, errors } = applyOverlay(await collect(stream), dir, options.cwd ?? process.cwd(), options.overlay);
  yield { errors };
  for (const source of [...files.filter((f) => f.kind === 'site'), ...files.filter((f) => f.kind !== 'site')]) yield { source, errors: [] };
}

interface SiteFile {
  source: SourceFile | undefined;
  input: SiteInput | undefined;
  timeZone: string;
  country: CountryCode;
  interfaceLanguage: SiteInput['language'];
  contentLanguage: Settings['contentLanguage'];
  /** Messages for editors are in the language they write in. */
  language: EditorLanguage;
}

/** site.yaml validated, with the defaults for what it leaves out or gets wrong. */
function siteSettings(source: SourceFile | undefined, errors: ContentError[]): SiteFile {
  const input: SiteInput | undefined = source && validateFile(siteSchema, source, errors);
  let timeZone = input?.timezone ?? defaults.timezone;
  let country = (input?.country ?? defaults.country) as CountryCode;
  const interfaceLanguage = input?.language ?? defaults.language;
  const contentLanguage = input?.contentLanguage ?? defaultContentLanguage(interfaceLanguage);
  if (source && input) {
    timeZone = checkTimeZone(source, timeZone, defaults.timezone, errors);
    country = checkCountry(source, country, defaults.country as CountryCode, errors);
  }
  return { source, input, timeZone, country, interfaceLanguage, contentLanguage, language: editorLanguage(contentLanguage) };
}

function settingsOf(site: SiteFile, reader: EntryReader): Settings {
  return {
    ...site.input!,
    timezone: site.timeZone,
    country: site.country,
    contacts: reader.channels(site.source!, 'contacts', site.input!.contacts),
    locale: translator(site.interfaceLanguage)('lang.locale'),
    contentLanguage: site.contentLanguage,
  };
}

function readPages(sources: SourceFile[], reader: EntryReader): Page[] {
  const pages = sources.flatMap((source) => {
    const page = reader.page(source);
    if (page) checkReservedPage(source, reader.ctx.errors);
    return page ? [page] : [];
  });
  checkDuplicateRoles(pages, sources, reader.ctx.errors);
  return pages;
}

/** A service file validated, and read into a service when valid. */
interface ServiceRead {
  source: SourceFile;
  input: ServiceInput | undefined;
  service: Service | undefined;
}

/** One service file, checked on its own: everything but its incident, known only once incidents/ is read. */
function readService(source: SourceFile, reader: EntryReader): ServiceRead {
  const input = validateFile(serviceSchema, source, reader.ctx.errors);
  checkReservedService(source, reader.ctx.errors);
  return { source, input, service: input && reader.service(source, input) };
}

/** Services grouped by town, in the order of their files; the incident each names must exist. */
function groupServices(reads: readonly ServiceRead[], reader: EntryReader, incidents: readonly Incident[]): Map<string, Service[]> {
  const incidentSlugs = incidents.map((i) => i.slug);
  const servicesByTown = new Map<string, Service[]>();
  for (const { source, input, service } of reads) {
    if (!input || !service) continue;
    if (input.incident !== undefined) checkReference(reader.ctx, source, ['incident'], input.incident, incidentSlugs, 'unknownIncident');
    const list = servicesByTown.get(service.town) ?? [];
    list.push(service);
    servicesByTown.set(service.town, list);
  }
  return servicesByTown;
}

interface TownContext {
  pages: readonly Page[];
  incidents: readonly Incident[];
  servicesByTown: ReadonlyMap<string, Service[]>;
  collator: Intl.Collator;
}

function readTowns(sources: SourceFile[], reader: EntryReader, known: TownContext): Town[] {
  const { ctx } = reader;
  const incidentSlugs = known.incidents.map((i) => i.slug);
  const townSlugs = sources.map((s) => s.slug);
  const parents = new Map<string, { parent: string; source: SourceFile }>();
  const towns = sources.flatMap((source) => {
    const input = validateFile(townSchema, source, ctx.errors);
    checkReservedTown(source, ctx.errors);
    checkTownPageCollision(source, known.pages, ctx.errors);
    if (!input) return [];
    const services = (known.servicesByTown.get(source.slug) ?? []).sort(compareServices(known.collator));
    const derived = deriveTownStatus(services);
    checkTownStatusRequired(source, input.status, derived, ctx.errors);
    if (input.status !== undefined) checkTownStatusNotBetter(ctx, source, input.status, services);
    input.incidents.forEach((slug, i) => checkReference(ctx, source, ['incidents', i], slug, incidentSlugs, 'unknownIncident'));
    if (input.parent !== undefined && checkParent(ctx, source, input.parent, townSlugs)) parents.set(source.slug, { parent: input.parent, source });
    return [reader.town(source, input, services, derived)];
  });
  checkParentCycles(parents, ctx.errors);
  return towns;
}

/** Every path the build generates for pages, towns and services, by owner. */
function generatedPaths(towns: readonly Town[], pages: readonly Page[]): TakenPaths {
  const taken = new TakenPaths();
  for (const page of pages) taken.take(page.path, page.file);
  for (const town of towns) {
    taken.take(town.path, town.file);
    // The town's notice, feeds and badge are generated pages and files of the town too.
    taken.take(routes.notice(town.slug), town.file);
    for (const name of reservedTownFiles) taken.take(`${town.path}${name}`, town.file);
    for (const service of town.services) taken.take(service.path, service.file);
  }
  return taken;
}

/** Aliases become redirects, those that collide with nothing (`checkAliasCollisions`). */
function collectRedirects(towns: readonly Town[], pages: readonly Page[], aliasesByFile: EntryReader['aliasesByFile'], errors: ContentError[]): Redirect[] {
  const taken = generatedPaths(towns, pages);
  const redirects: Redirect[] = [];
  const add = (file: string, to: string, title: string) => {
    for (const { route } of checkAliasCollisions(aliasesByFile.get(file) ?? [], file, taken, errors)) redirects.push({ from: route, to, title });
  };
  for (const town of towns) {
    add(town.file, town.path, town.name);
    for (const service of town.services) add(service.file, service.path, `${service.title} – ${town.name}`);
  }
  return redirects;
}

interface Checked {
  settings: Settings;
  towns: Town[];
  incidents: Incident[];
  pages: Page[];
  redirects: Redirect[];
  /** The A–Z index of the link check: `loadSite` replaces it once the planned changes apply. */
  index: IndexEntry[];
  collator: Intl.Collator;
  address: UrlSettings;
  builtAt: number;
}

/** The facts that follow from valid content: children, affected towns, last changes, orders. */
function deriveSite({ settings, towns, incidents, pages, redirects, index, collator, address, builtAt }: Checked): Site {
  const incidentSlugs = incidents.map((i) => i.slug);
  const bySlug = new Map(towns.map((t) => [t.slug, t]));
  for (const town of towns) {
    if (town.parent) bySlug.get(town.parent)!.children.push(town.slug);
    const affected = new Set(town.incidents);
    for (const service of town.services) if (service.incident) affected.add(service.incident);
    town.affectedBy = incidentSlugs.filter((slug) => affected.has(slug));
    for (const service of town.services) service.lastChange = latest([service.updated, ...service.updates.map((u) => u.at)]);
    town.lastChange = latest([town.updated, ...town.updates.map((u) => u.at), ...town.services.map((s) => s.lastChange)]);
  }
  towns.sort((a, b) => collator.compare(a.name, b.name));
  for (const incident of incidents) incident.towns = towns.filter((t) => t.affectedBy.includes(incident.slug)).map((t) => t.slug);
  incidents.sort((a, b) => b.started.instant - a.started.instant || collator.compare(a.title, b.title));
  pages.sort((a, b) => collator.compare(a.title, b.title));
  const incidentsBySlug = new Map(incidents.map((i) => [i.slug, i]));
  return {
    settings,
    towns,
    town: (slug) => bySlug.get(slug),
    incidents,
    incident: (slug) => incidentsBySlug.get(slug),
    pages,
    index,
    redirects,
    builtAt,
    address,
  };
}
