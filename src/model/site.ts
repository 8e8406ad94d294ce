/**
 * Content folder → `Site`. Reads every file, validates it with the schemas and the rules, and
 * collects every error before giving up, so an editor learns all mistakes in one run. The site
 * is built only when there are none.
 */
import type { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js/max';
import {
  channelSchema,
  editorSchema,
  incidentSchema,
  keysOf,
  linkSchema,
  pageSchema,
  plannedSchema,
  reservedRoutes,
  reservedServiceSlugs,
  serviceSchema,
  siteSchema,
  taskSchema,
  townSchema,
  updateSchema,
  type ChannelInput,
  type IncidentInput,
  type PageInput,
  type PlannedInput,
  type ServiceInput,
  type SiteInput,
  type TownInput,
  type UpdateInput,
} from '../schema/index.ts';
import { closest, fieldName, issueToErrors, sortErrors, type ContentError, type ContentWarning } from '../schema/errors.ts';
import { aliasKey, isReservedPath, parentKeys, reservedTownFiles } from '../schema/aliases.ts';
import { checkAlias, checkChannel, checkMarkdown, checkReference, checkTime, checkTownStatusNotBetter, checkUrl, type RuleContext } from '../schema/rules.ts';
import { defaultContentLanguage, editorLanguage, translator, type EditorLanguage } from '../i18n/index.ts';
import { applyOverlay, readContent, slugify, type Overlay, type SourceFile } from './read.ts';
import { createRenderer, plainText } from './markdown.ts';
import { isCountry } from './phone.ts';
import { isValidTimeZone, type TimeValue } from './time.ts';
import { createUrls, withSiteAddress, type UrlSettings } from './urls.ts';
import { routes } from './routes.ts';
import { checkLinks, isSitePathUrl } from '../schema/links.ts';
import { checkWarnings } from '../schema/warnings.ts';
import { resolvePlanned } from '../schema/planned-rules.ts';
import { applyPlanned } from './planned-state.ts';
import { linkTargets, ownPath } from './targets.ts';
import { buildIndex, compareServices, deriveTownStatus, latest, naturalCollator, newestFirst, taskIds, updateIds } from './derive.ts';
import type { Channel, Incident, Page, Redirect, Service, Settings, Site, Task, Town, Update } from './types.ts';

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
}

/** `language`: the language of messages for editors (German or English, see `editorLanguage`). */
export type LoadResult =
  | { ok: true; site: Site; language: EditorLanguage; warnings: ContentWarning[] }
  | { ok: false; errors: ContentError[]; language: EditorLanguage };

/** Nested schemas by field, so "did you mean" knows the keys allowed at any path. */
function allowedKeysFor(schema: z.ZodObject) {
  const nested: Record<string, z.ZodObject> = {
    channels: channelSchema,
    contacts: channelSchema,
    tasks: taskSchema,
    updates: updateSchema,
    links: linkSchema,
    editor: editorSchema,
    planned: plannedSchema,
  };
  return (path: readonly PropertyKey[]) => {
    // The innermost list names the entry's keys (`tasks[1].planned[1]` is a planned entry).
    const top = path.findLast((p) => typeof p === 'string' && p in nested) as string | undefined;
    return keysOf(path.length > 0 && top ? nested[top]! : schema);
  };
}

/** Stand-ins for required fields that failed, so the other rules still run on the rest. */
const placeholders: Record<string, unknown> = {
  title: 'x', name: 'x', kind: 'x', summary: 'x', operator: 'x', text: 'x',
  status: 'limited', channel: 'in-person', updated: '2000-01-01', started: '2000-01-01', at: '2000-01-01',
  url: 'https://example.org/',
};

/** Stand-ins for whole list entries of the wrong kind (a text where fields belong). */
const entryPlaceholders: Record<string, unknown> = {
  contacts: { channel: 'in-person', status: 'normal' },
  channels: { channel: 'in-person', status: 'normal' },
  tasks: { title: 'x', status: 'normal' },
  updates: { at: '2000-01-01', text: 'x' },
  links: { title: 'x', url: 'https://example.org/' },
  planned: { from: '2000-01-01', until: '2000-01-01', status: 'normal', summary: 'x' },
};

/** Repairs one object in place: stand-ins for failed required fields, optional ones dropped. */
function repairField(target: Record<string, unknown>, key: string): void {
  if (key in placeholders) target[key] = placeholders[key];
  else delete target[key];
}

/**
 * The data with what failed replaced by stand-ins (required fields) or removed (optional
 * fields), keeping every list entry where it was, so that the rules run again on the rest and
 * name entries and lines as the editor wrote them. Only ever used to find further errors.
 */
function withoutFailures(data: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const issue of issues) {
    const [key, index, field] = issue.path;
    if (issue.path.length === 0) {
      if (issue.code === 'unrecognized_keys') for (const k of issue.keys) delete copy[k];
      continue;
    }
    if (typeof key !== 'string') continue;
    const list = copy[key];
    if (typeof index !== 'number') {
      repairField(copy, key);
    } else if (!Array.isArray(list) || !(key in entryPlaceholders)) {
      // A text where a list belongs, or a list of plain values (incidents, keywords, aliases):
      // leave the whole field out rather than renumber what follows.
      delete copy[key];
    } else if (field === undefined || key === 'planned') {
      const entry = list[index];
      if (issue.code === 'unrecognized_keys' && entry && typeof entry === 'object') {
        for (const k of issue.keys) delete (entry as Record<string, unknown>)[k];
      } else {
        list[index] = structuredClone(entryPlaceholders[key]);
      }
    } else if (typeof field === 'string' && list[index] && typeof list[index] === 'object') {
      repairField(list[index] as Record<string, unknown>, field);
    }
  }
  return copy;
}

/**
 * Validates a file's front matter. On failure the errors are recorded and the file is checked
 * again without the failing parts, so the other rules can still report what else is wrong;
 * `valid` says whether the data is the editor's own.
 */
function validate<S extends z.ZodObject>(schema: S, source: SourceFile, errors: ContentError[]): z.infer<S> | undefined {
  const keys = allowedKeysFor(schema);
  // An empty field is left out before validation; one that does not exist is still a mistake.
  for (const path of source.emptyFields) {
    const key = String(path[path.length - 1]);
    const allowed = keys(path.slice(0, -1));
    if (allowed.includes(key)) continue;
    const suggestion = closest(key, allowed);
    errors.push({
      file: source.file,
      line: source.lineOf(path),
      field: fieldName(path),
      code: 'unknownField',
      params: { allowed: allowed.join(', ') },
      ...(suggestion ? { hint: { code: 'didYouMean' as const, params: { suggestion } } } : {}),
    });
  }
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) errors.push(...issueToErrors(issue, source, keys));
  const retry = schema.safeParse(withoutFailures(source.data, result.error.issues));
  return retry.success ? retry.data : undefined;
}

const defaults = siteSchema.parse({ title: 'x', operator: 'x' });

export async function loadSite(dir: string, options: LoadOptions): Promise<LoadResult> {
  const now = options.now ?? Date.now();
  const read = options.overlay
    ? applyOverlay(await readContent(dir, options.cwd), dir, options.cwd ?? process.cwd(), options.overlay)
    : await readContent(dir, options.cwd);
  const errors = [...read.errors];
  const byKind = (kind: SourceFile['kind']) => read.files.filter((f) => f.kind === kind);

  // site.yaml first: its time zone, country and language apply to everything else.
  const siteSource = byKind('site')[0];
  const siteInput: SiteInput | undefined = siteSource && validate(siteSchema, siteSource, errors);
  let timeZone = siteInput?.timezone ?? defaults.timezone;
  let country = (siteInput?.country ?? defaults.country) as CountryCode;
  const interfaceLanguage = siteInput?.language ?? defaults.language;
  const contentLanguage = siteInput?.contentLanguage ?? defaultContentLanguage(interfaceLanguage);
  // Messages for editors are in the language they write in.
  const language = editorLanguage(contentLanguage);
  if (siteSource && siteInput && !isValidTimeZone(timeZone)) {
    errors.push({ file: siteSource.file, line: siteSource.lineOf(['timezone']), field: 'timezone', code: 'timezone', params: { found: timeZone } });
    timeZone = defaults.timezone;
  }
  if (siteSource && siteInput && !isCountry(country)) {
    errors.push({ file: siteSource.file, line: siteSource.lineOf(['country']), field: 'country', code: 'country', params: { found: country } });
    country = defaults.country as CountryCode;
  }
  const ctx: RuleContext = { timeZone, country, language, now, errors, links: [] };
  // 1.2: site.yaml may name the address; SITE_URL and BASE_PATH still override it for one build.
  const address = withSiteAddress(options.urls, siteInput?.url);
  const urls = createUrls(address);
  const render = createRenderer(urls.path);

  const channelsOf = (source: SourceFile, field: string, inputs: ChannelInput[]): Channel[] =>
    inputs.map((input, i) => {
      // A site path (an `online` or `web` page of this site) stays one: `urls.href` adds the base path.
      const href = checkChannel(ctx, source, [field, i], input);
      return {
        ...input,
        note: input.note === undefined ? undefined : render.inline(input.note),
        href,
        lines: input.channel === 'post' && input.value ? input.value.split('\n').map((l) => l.trim()).filter(Boolean) : undefined,
      };
    });
  const updatesOf = (source: SourceFile, inputs: UpdateInput[]): Update[] =>
    updateIds(
      newestFirst(
        inputs.flatMap((input, i) => {
          checkMarkdown(ctx, source, ['updates', i, 'text'], input.text, true);
          const time = checkTime(ctx, source, ['updates', i, 'at'], input.at, true);
          return time ? [{ id: '', at: time, text: render.inline(input.text) }] : [];
        }),
      ),
    );
  const inline = (source: SourceFile, field: PropertyKey[], text: string) => {
    checkMarkdown(ctx, source, field, text, true);
    return render.inline(text);
  };
  /** 1.2: `planned:` entries, checked and resolved (`planned-rules.ts`). */
  const plannedOf = (source: SourceFile, field: PropertyKey[], inputs: PlannedInput[]) =>
    resolvePlanned(ctx, source, field, inputs, (f, text) => inline(source, [...f], text));
  /** Bodies of towns, services and incidents sit below an h2 of the page: their headings start at h3. */
  const body = (source: SourceFile) => {
    checkMarkdown(ctx, source, [], source.body, false, source.bodyLine);
    return render.block(source.body, source.kind === 'page' ? 0 : 1);
  };
  const time = (source: SourceFile, field: string, written: string | undefined, notFuture = false): TimeValue | undefined =>
    written === undefined ? undefined : checkTime(ctx, source, [field], written, notFuture);
  /** Valid aliases per file, with the entry they came from, for collision messages. */
  const aliasesByFile = new Map<string, { route: string; index: number; source: SourceFile }[]>();
  const aliasesOf = (source: SourceFile, inputs: string[]) => {
    const valid = inputs.flatMap((alias, index) => {
      const route = checkAlias(ctx, source, ['aliases', index], alias);
      return route ? [{ route, index, source }] : [];
    });
    aliasesByFile.set(source.file, valid);
    return valid.map((a) => a.route);
  };

  const settings: Settings | undefined =
    siteSource && siteInput
      ? {
          ...siteInput,
          timezone: timeZone,
          country,
          contacts: channelsOf(siteSource, 'contacts', siteInput.contacts),
          locale: translator(interfaceLanguage)('lang.locale'),
          contentLanguage,
        }
      : undefined;

  // Incidents.
  const incidents: Incident[] = [];
  for (const source of byKind('incident')) {
    const input: IncidentInput | undefined = validate(incidentSchema, source, errors);
    if (!input) continue;
    const started = time(source, 'started', input.started);
    const resolved = time(source, 'resolved', input.resolved);
    const updated = time(source, 'updated', input.updated, true);
    if (started && resolved && resolved.instant < started.instant) {
      errors.push({ file: source.file, line: source.lineOf(['resolved']), field: 'resolved', code: 'timeOrder', params: { found: input.resolved!, other: input.started } });
    }
    incidents.push({
      ...input,
      slug: source.slug,
      file: source.file,
      started: started!,
      resolved,
      updated: updated!,
      summary: inline(source, ['summary'], input.summary),
      updates: updatesOf(source, input.updates),
      body: body(source),
      towns: [],
      path: routes.incident(source.slug),
    });
  }
  const incidentSlugs = incidents.map((i) => i.slug);

  // Pages.
  const pages: Page[] = [];
  for (const source of byKind('page')) {
    const input: PageInput | undefined = validate(pageSchema, source, errors);
    if (!input) continue;
    if ((reservedRoutes as readonly string[]).includes(source.slug)) {
      errors.push({ file: source.file, code: 'reservedPage', params: { found: source.slug, allowed: reservedRoutes.join(', ') } });
    }
    pages.push({ ...input, slug: source.slug, file: source.file, body: body(source), path: routes.page(source.slug) });
  }
  // A role names one page: the footer and the home page find Impressum & Co. by it.
  const byRole = new Map<string, Page>();
  for (const page of [...pages].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (page.role === undefined) continue;
    const first = byRole.get(page.role);
    const source = byKind('page').find((f) => f.file === page.file)!;
    if (first) errors.push({ file: page.file, line: source.lineOf(['role']), field: 'role', code: 'duplicateRole', params: { found: page.role, other: first.file } });
    else byRole.set(page.role, page);
  }
  const pageSlugs = new Set(pages.map((p) => p.slug));

  // Services, grouped by town.
  const servicesByTown = new Map<string, Service[]>();
  for (const source of byKind('service')) {
    const input: ServiceInput | undefined = validate(serviceSchema, source, errors);
    if ((reservedServiceSlugs as readonly string[]).includes(source.slug)) {
      errors.push({ file: source.file, code: 'reservedService', params: { found: source.slug, allowed: reservedServiceSlugs.join(', ') } });
    }
    if (!input) continue;
    if (input.incident !== undefined) checkReference(ctx, source, ['incident'], input.incident, incidentSlugs, 'unknownIncident');
    const ids = taskIds(input.tasks.map((t) => plainText(t.title)), slugify);
    const tasks: Task[] = input.tasks.map((task, i) => {
      const note = task.note === undefined ? undefined : inline(source, ['tasks', i, 'note'], task.note);
      return {
        ...task,
        id: ids[i]!,
        title: inline(source, ['tasks', i, 'title'], task.title),
        titleText: plainText(task.title),
        note,
        planned: plannedOf(source, ['tasks', i, 'planned'], task.planned),
        written: { status: task.status, note },
      };
    });
    const updated = time(source, 'updated', input.updated, true)!;
    const summary = inline(source, ['summary'], input.summary);
    const service: Service = {
      ...input,
      slug: source.slug,
      town: source.town!,
      file: source.file,
      updated,
      since: time(source, 'since', input.since),
      expected: time(source, 'expected', input.expected),
      summary,
      channels: channelsOf(source, 'channels', input.channels),
      tasks,
      updates: updatesOf(source, input.updates),
      aliases: aliasesOf(source, input.aliases),
      body: body(source),
      lastChange: updated,
      path: routes.service(source.town!, source.slug),
      planned: plannedOf(source, ['planned'], input.planned),
      written: { status: input.status, summary },
    };
    const list = servicesByTown.get(service.town) ?? [];
    list.push(service);
    servicesByTown.set(service.town, list);
  }

  // Towns.
  const collator = naturalCollator(translator(language)('lang.locale'));
  const townSources = byKind('town');
  const townSlugs = townSources.map((s) => s.slug);
  const towns: Town[] = [];
  const parents = new Map<string, { parent: string; source: SourceFile }>();
  for (const source of townSources) {
    const input: TownInput | undefined = validate(townSchema, source, errors);
    if ((reservedRoutes as readonly string[]).includes(source.slug)) {
      errors.push({ file: source.file, code: 'reservedTown', params: { found: source.slug, allowed: reservedRoutes.join(', ') } });
    }
    if (pageSlugs.has(source.slug)) {
      const page = pages.find((p) => p.slug === source.slug)!;
      errors.push({ file: source.file, code: 'collision', params: { found: source.slug, other: page.file } });
    }
    if (!input) continue;
    const services = (servicesByTown.get(source.slug) ?? []).sort(compareServices(collator));
    const derived = deriveTownStatus(services);
    if (input.status === undefined && derived === undefined) {
      errors.push({ file: source.file, line: source.lineOf(['status']), field: 'status', code: 'townStatusRequired', hint: { code: 'example', params: { example: 'status: limited' } } });
    }
    if (input.status !== undefined) checkTownStatusNotBetter(ctx, source, input.status, services);
    input.incidents.forEach((slug, i) => checkReference(ctx, source, ['incidents', i], slug, incidentSlugs, 'unknownIncident'));
    if (input.parent !== undefined) {
      if (input.parent === source.slug) {
        errors.push({ file: source.file, line: source.lineOf(['parent']), field: 'parent', code: 'parentSelf', params: { found: input.parent } });
      } else if (checkReference(ctx, source, ['parent'], input.parent, townSlugs, 'unknownParent')) {
        parents.set(source.slug, { parent: input.parent, source });
      }
    }
    const links = input.links.map((link, i) => {
      const field = ['links', i, 'url'];
      // A path on this site (or a relative one, which the link rule reports) rather than a web address.
      if (isSitePathUrl(link.url)) {
        ctx.links!.push({ file: source.file, line: source.lineOf(field), field: fieldName(field), href: link.url, page: ownPath(source) });
      } else {
        checkUrl(ctx, source, field, link.url, false);
      }
      return link;
    });
    const updated = time(source, 'updated', input.updated, true)!;
    const summary = inline(source, ['summary'], input.summary);
    towns.push({
      ...input,
      slug: source.slug,
      file: source.file,
      updated,
      status: input.status ?? derived ?? 'limited',
      statusDerived: input.status === undefined,
      summary,
      contacts: channelsOf(source, 'contacts', input.contacts),
      links,
      updates: updatesOf(source, input.updates),
      aliases: aliasesOf(source, input.aliases),
      body: body(source),
      services,
      children: [],
      affectedBy: [],
      lastChange: updated,
      path: routes.town(source.slug),
      planned: plannedOf(source, ['planned'], input.planned),
      written: { status: input.status, summary },
    });
  }
  // Parents must not form a circle.
  for (const [slug, { source }] of parents) {
    const seen = new Set([slug]);
    let current = parents.get(slug)?.parent;
    while (current !== undefined) {
      if (seen.has(current)) {
        errors.push({ file: source.file, line: source.lineOf(['parent']), field: 'parent', code: 'parentCycle', params: { found: [...seen, current].join(' → ') } });
        break;
      }
      seen.add(current);
      current = parents.get(current)?.parent;
    }
  }
  // Every generated path once; aliases must not hide a page or each other.
  const redirects = collectRedirects(towns, pages, ctx, aliasesByFile);
  // Links last: only now is every page known.
  const targets = linkTargets({
    towns,
    pages,
    incidents,
    redirects,
    index: buildIndex(towns, collator),
    siteContacts: (settings?.contacts.length ?? 0) > 0,
    sources: read.files,
  });
  errors.push(...checkLinks(ctx.links!, targets, urls.base));

  if (errors.length > 0 || !settings) return { ok: false, errors: sortErrors(errors), language };

  // Derived facts.
  const builtAt = options.builtAt ?? now;
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

  const site: Site = {
    settings,
    towns,
    town: (slug) => bySlug.get(slug),
    incidents,
    incident: (slug) => incidentsBySlug.get(slug),
    pages,
    index: buildIndex(towns, collator),
    redirects,
    builtAt,
    address,
  };
  const sourcesByFile = new Map(read.files.map((f) => [f.file, f]));
  // Warnings are about what the files say, the same whichever planned change runs at the build time.
  const warnings = checkWarnings(site, (file, field) => sourcesByFile.get(file)?.lineOf(field));
  // 1.2: a planned change running at the build time is the current state of pages, API and feeds.
  applyPlanned(towns, builtAt);
  site.index = buildIndex(towns, collator);
  return { ok: true, site, language, warnings };
}

/**
 * Aliases become redirects. Each must be a path nothing else uses (contract 1.2): not the home
 * page, a page, a town's own pages and files, a reserved route or file of the build, not another
 * alias; and not below a file (`/robots.txt/x/` would need a folder named robots.txt).
 */
function collectRedirects(
  towns: Town[],
  pages: Page[],
  ctx: RuleContext,
  aliasesByFile: Map<string, { route: string; index: number; source: SourceFile }[]>,
): Redirect[] {
  /** Paths by `aliasKey`: who owns each, and whether it is a file (nothing can lie below it). */
  const taken = new Map<string, { owner: string; file: boolean }>();
  const take = (route: string, owner: string) => taken.set(aliasKey(route), { owner, file: !route.endsWith('/') });
  for (const page of pages) take(page.path, page.file);
  for (const town of towns) {
    take(town.path, town.file);
    // The town's notice, feeds and badge are generated pages and files of the town too.
    take(routes.notice(town.slug), town.file);
    for (const name of reservedTownFiles) take(`${town.path}${name}`, town.file);
    for (const service of town.services) take(service.path, service.file);
  }
  /** Who has the path, or a file where the alias needs a folder: the owner, `reserved`, or nothing. */
  const ownerOf = (route: string): string | undefined => {
    if (isReservedPath(route, reservedRoutes)) return 'reserved';
    const same = taken.get(aliasKey(route));
    if (same) return same.owner;
    return parentKeys(route)
      .map((key) => taken.get(key))
      .find((parent) => parent?.file)?.owner;
  };
  const redirects: Redirect[] = [];
  const add = (file: string, to: string, title: string) => {
    for (const { route, index, source } of aliasesByFile.get(file) ?? []) {
      const owner = ownerOf(route);
      if (owner) {
        ctx.errors.push({ file, line: source.lineOf(['aliases', index]), field: `aliases[${index + 1}]`, code: 'aliasCollision', params: { found: route, other: owner } });
        continue;
      }
      take(route, file);
      redirects.push({ from: route, to, title });
    }
  };
  for (const town of towns) {
    add(town.file, town.path, town.name);
    for (const service of town.services) add(service.file, service.path, `${service.title} – ${town.name}`);
  }
  return redirects;
}
