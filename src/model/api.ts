/**
 * The JSON API (`/api/v1/…`, docs/api.md): pure functions from the `Site` to plain objects,
 * which the endpoints in `src/pages/api/v1/` serialize with `toJson`. The published JSON
 * Schemas and the types of these objects come from one description, `api-shape.ts`; the tests
 * validate the output against the published schemas.
 *
 * - Statuses and channels are the keys of the content format (`limited`, `in-person`).
 * - Times are `TimeValue.iso`: a date-time with the site's offset at that instant
 *   (`2023-11-03T14:17:00+01:00`), or a date alone (`2023-11-06`), which stays a date.
 * - URLs come from the model's site paths (`routes.ts`) through the URL helper (`urls.ts`):
 *   absolute with SITE_URL, root-relative (with BASE_PATH) without.
 * - Every Markdown text is `{ markdown, html }`. The HTML is rendered by the site's own
 *   renderer, only with site-relative links made public like every other URL here, so a
 *   newspaper that embeds it with SITE_URL set gets links that work on its own pages.
 * - Nothing depends on the clock: `generated` is the site's `builtAt` (SOURCE_DATE_EPOCH).
 */
import type { ChannelKind, StatusKey } from '../schema/index.ts';
import { channelKinds, statusKeys } from '../schema/index.ts';
import {
  apiVersion,
  type ApiChannel,
  type ApiDocumentHead,
  type ApiIncident,
  type ApiPlanned,
  type ApiService,
  type ApiServiceSummary,
  type ApiSite,
  type ApiTask,
  type ApiText,
  type ApiTime,
  type ApiTownHead,
  type ApiUpdate,
  type IncidentsDocument,
  type TownDocument,
  type TownsDocument,
} from './api-shape.ts';
import { translator } from '../i18n/index.ts';
import { latest } from './derive.ts';
import { createRenderer, mayHoldLink, type MarkdownText, type Renderer } from '../core/markdown.ts';
import { isoInZone, type TimeValue } from '../core/time.ts';
import { routes, type SchemaName } from './routes.ts';
import type { Urls } from './urls.ts';
import type { Channel, Incident, Planned, Service, Site, Task, Town, Update } from './types.ts';

export { apiVersion, schemaNames, type SchemaName } from './api-shape.ts';

/** What every builder needs: the URL helper and a renderer whose links are public URLs. */
interface Context {
  site: Site;
  urls: Urls;
  render: Renderer;
}

function context(site: Site, urls: Urls): Context {
  // `urls.public` takes a site path, which is what an editor's site-relative link is.
  return { site, urls, render: createRenderer((sitePath) => urls.public(sitePath)) };
}

/** The object without its `undefined` fields: what the JSON will hold, also for callers and tests. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const time = (value: TimeValue): ApiTime => value.iso;
const optionalTime = (value: TimeValue | undefined): ApiTime | undefined => value && value.iso;

/**
 * Whether a text's HTML in the API can differ from the site's (the model's): only in a link's
 * address (a site path there, a public URL here), so only a text that can hold a link
 * (`mayHoldLink`). Any other text keeps the HTML rendered once.
 */
const linksIn = (text: MarkdownText): boolean => mayHoldLink(text.markdown);

/** Inline Markdown (summaries, notes, update texts, task titles). */
const inline = (ctx: Context, text: MarkdownText): ApiText => ({ markdown: text.markdown, html: linksIn(text) ? ctx.render.inline(text.markdown).html : text.html });
/**
 * A body: below the page's own h2 sections on the site, so its headings start at h3 there and
 * here (the model renders the bodies of towns, services and incidents so: `EntryReader.body`).
 */
const body = (ctx: Context, text: MarkdownText): ApiText => ({ markdown: text.markdown, html: linksIn(text) ? ctx.render.block(text.markdown, 1).html : text.html });

function channel(ctx: Context, input: Channel): ApiChannel {
  return defined<ApiChannel>({
    channel: input.channel,
    status: input.status,
    value: input.value,
    // A page of this site is a site path in the model; absolute with SITE_URL like every URL here.
    href: input.href === undefined ? undefined : ctx.urls.publicHref(input.href),
    lines: input.lines,
    note: input.note && inline(ctx, input.note),
    hours: input.hours,
  });
}

const update = (ctx: Context, input: Update): ApiUpdate => ({ at: time(input.at), text: inline(ctx, input.text) });

/** 1.2: the planned changes not over at the build time (the state at the build time is already in `status`). */
function plannedOf(ctx: Context, entries: readonly Planned[]): ApiPlanned[] | undefined {
  const open = entries.filter((entry) => entry.end > ctx.site.builtAt);
  return open.length === 0 ? undefined : open.map((entry) => ({
      from: time(entry.from),
      until: time(entry.until),
      start: isoInZone(entry.start, ctx.site.settings.timezone),
      end: isoInZone(entry.end, ctx.site.settings.timezone),
      status: entry.status,
      summary: inline(ctx, entry.summary),
    }));
}

function siteInfo(ctx: Context): ApiSite {
  const { settings } = ctx.site;
  const t = translator(settings.language);
  return defined<ApiSite>({
    title: settings.title,
    operator: settings.operator,
    description: settings.description,
    language: settings.language,
    contentLanguage: settings.contentLanguage,
    timezone: settings.timezone,
    staleAfterHours: settings.staleAfterHours,
    url: ctx.urls.public(routes.home()),
    contacts: settings.contacts.map((c) => channel(ctx, c)),
    labels: {
      status: Object.fromEntries(statusKeys.map((key) => [key, t(`status.${key}`)])) as Record<StatusKey, string>,
      channel: Object.fromEntries(channelKinds.map((key) => [key, t(`channel.${key}`)])) as Record<ChannelKind, string>,
    },
  });
}

function documentHead(ctx: Context, schema: SchemaName, changes: readonly TimeValue[]): ApiDocumentHead {
  return defined<ApiDocumentHead>({
    $schema: ctx.urls.public(routes.api.schema(schema)),
    version: apiVersion,
    generated: isoInZone(ctx.site.builtAt, ctx.site.settings.timezone),
    lastChange: changes.length > 0 ? time(latest(changes)) : undefined,
    site: siteInfo(ctx),
  });
}

function serviceSummary(ctx: Context, service: Service): ApiServiceSummary {
  return defined<ApiServiceSummary>({
    slug: service.slug,
    title: service.title,
    status: service.status,
    summary: inline(ctx, service.summary),
    updated: time(service.updated),
    lastChange: time(service.lastChange),
    url: ctx.urls.public(service.path),
    planned: plannedOf(ctx, service.planned),
  });
}

function task(ctx: Context, service: Service, input: Task): ApiTask {
  return defined<ApiTask>({
    id: input.id,
    title: inline(ctx, input.title),
    status: input.status,
    note: input.note && inline(ctx, input.note),
    url: ctx.urls.public(routes.task(service.town, service.slug, input.id)),
    leika: input.leika,
    planned: plannedOf(ctx, input.planned),
  });
}

function serviceWhole(ctx: Context, service: Service): ApiService {
  return defined<ApiService>({
    ...serviceSummary(ctx, service),
    since: optionalTime(service.since),
    expected: optionalTime(service.expected),
    incident: service.incident,
    channels: service.channels.map((c) => channel(ctx, c)),
    tasks: service.tasks.map((t) => task(ctx, service, t)),
    keywords: [...service.keywords],
    updates: service.updates.map((u) => update(ctx, u)),
    body: body(ctx, service.body),
  });
}

function townHead(ctx: Context, town: Town): ApiTownHead {
  return defined<ApiTownHead>({
    slug: town.slug,
    name: town.name,
    kind: town.kind,
    parent: town.parent,
    status: town.status,
    statusDerived: town.statusDerived,
    summary: inline(ctx, town.summary),
    updated: time(town.updated),
    lastChange: time(town.lastChange),
    url: ctx.urls.public(town.path),
    apiUrl: ctx.urls.public(routes.api.town(town.slug)),
    incidents: [...town.affectedBy],
    children: [...town.children],
    ars: town.ars,
    planned: plannedOf(ctx, town.planned),
  });
}

function incident(ctx: Context, input: Incident): ApiIncident {
  return defined<ApiIncident>({
    slug: input.slug,
    title: input.title,
    started: time(input.started),
    resolved: optionalTime(input.resolved),
    updated: time(input.updated),
    lastChange: time(latest([input.updated, ...input.updates.map((u) => u.at)])),
    summary: inline(ctx, input.summary),
    updates: input.updates.map((u) => update(ctx, u)),
    body: body(ctx, input.body),
    towns: [...input.towns],
    url: ctx.urls.public(input.path),
  });
}

/** `/api/v1/towns.json`: every town, by name, with its services in list order. */
export function townsDocument(site: Site, urls: Urls): TownsDocument {
  const ctx = context(site, urls);
  return {
    ...documentHead(ctx, 'towns', site.towns.map((t) => t.lastChange)),
    towns: site.towns.map((town) => ({ ...townHead(ctx, town), services: town.services.map((s) => serviceSummary(ctx, s)) })),
  };
}

/** `/api/v1/towns/<town>.json`: one town whole. */
export function townDocument(site: Site, town: Town, urls: Urls): TownDocument {
  const ctx = context(site, urls);
  return {
    ...documentHead(ctx, 'town', [town.lastChange]),
    town: {
      ...townHead(ctx, town),
      contacts: town.contacts.map((c) => channel(ctx, c)),
      // Checked by the content rules: a web address (normalized like a channel's `href`), or a site path.
      links: town.links.map((link) => ({ title: link.title, url: /^https?:/i.test(link.url) ? new URL(link.url).href : ctx.urls.publicHref(link.url) })),
      updates: town.updates.map((u) => update(ctx, u)),
      body: body(ctx, town.body),
      services: town.services.map((s) => serviceWhole(ctx, s)),
    },
  };
}

/** `/api/v1/incidents.json`: every incident, newest `started` first. */
export function incidentsDocument(site: Site, urls: Urls): IncidentsDocument {
  const ctx = context(site, urls);
  const incidents = site.incidents.map((i) => incident(ctx, i));
  return {
    ...documentHead(ctx, 'incidents', site.incidents.flatMap((i) => [i.updated, ...i.updates.map((u) => u.at)])),
    incidents,
  };
}

/** The bytes of an API file: JSON, two-space indented, with a final newline. Absent fields are left out. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An endpoint's response. On a static host the file extension decides the content type. */
export function jsonResponse(value: unknown, contentType = 'application/json'): Response {
  return new Response(toJson(value), { headers: { 'Content-Type': `${contentType}; charset=utf-8` } });
}
