/**
 * The shape of the JSON API (`/api/v1/…`, docs/api.md), written once as zod schemas. From them
 * come the TypeScript types the builders in `api.ts` return (`z.infer`) and the JSON Schemas
 * (draft 2020-12) published at `/api/v1/schema/<name>.json` (`z.toJSONSchema`), so the data,
 * its types and its published schema cannot drift apart. Status, channel and language keys
 * and the slug pattern come from the content contract (`src/schema/index.ts`).
 *
 * Strict on purpose: every object lists its required fields and allows no others, so a
 * mistake in `api.ts` fails the tests. Consumers are told (docs/api.md) that v1 may gain
 * fields, and that the schema published next to the data always matches it.
 *
 * Each published schema is self-contained: the shared objects (`.meta({ id })`) are its
 * `$defs`. Its `$id` is relative (`towns.json`): it resolves against wherever the schema is
 * fetched from, so the files are the same for every SITE_URL and BASE_PATH.
 */
import { z } from 'zod';
import { arsPattern, channelKinds, channelStatusKeys, languageKeys, leikaPattern, slugPattern, statusKeys } from '../schema/index.ts';
import type { SchemaName } from './routes.ts';

/** The major version: the `v1` in every path. Fields may be added within it, never changed. */
export const apiVersion = 1;

export { schemaNames, type SchemaName } from './routes.ts';

/** `+01:00`: an offset is always written, never `Z`. */
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

const plain = (description: string) => z.string().meta({ description });

const slug = z.string().regex(slugPattern).meta({ id: 'slug' });
const status = z.enum(statusKeys).meta({ id: 'status', description: 'normal, limited, deferred (requests accepted, processed later) or unavailable.' });
const channelStatus = z.enum(channelStatusKeys).meta({ id: 'channelStatus' });
const channelKind = z.enum(channelKinds).meta({ id: 'channelKind' });

/** Markdown as written and as HTML. */
const text = z.strictObject({ markdown: z.string(), html: z.string() }).meta({ id: 'text', description: 'Markdown as written and rendered as HTML.' });

const dateTime = z.string().regex(dateTimePattern).meta({ id: 'dateTime', format: 'date-time' });

/** `2023-11-03T14:17:00+01:00`, or `2023-11-06` for a date alone. */
const time = z
  .union([z.string().regex(dateTimePattern).meta({ format: 'date-time' }), z.string().regex(datePattern).meta({ format: 'date' })])
  .meta({ id: 'time', description: 'A date-time with the site\'s offset at that instant (2023-11-03T14:17:00+01:00), or a date alone (2023-11-06).' });
const timeOf = (description: string) => time.meta({ description });

/** Absolute with SITE_URL, root-relative (with the base path) without. */
const url = z
  .string()
  .regex(/^(https?:\/\/[^/?#]+)?\//)
  .meta({ id: 'url', format: 'uri-reference', description: 'Absolute when the site has a SITE_URL, else root-relative (with the base path).' });
const urlOf = (description: string) => url.meta({ description });

const listOf = <T extends z.ZodType>(items: T, description?: string) => (description ? z.array(items).meta({ description }) : z.array(items));

const channel = z
  .strictObject({
    channel: channelKind,
    status: channelStatus,
    value: plain('As the editor wrote it: a number, an address, a place or a URL.').optional(),
    href: z
      .string()
      .regex(/^(tel:|mailto:|https?:|\/)/)
      .meta({ format: 'uri-reference', description: 'tel: (E.164), mailto: or the URL (a page of this site like every URL here); none for fax, post and in-person.' })
      .optional(),
    lines: listOf(z.string().min(1), 'A postal address split into its lines.').optional(),
    note: text.optional(),
    hours: plain('Opening or calling hours, plain text.').optional(),
  })
  .meta({ id: 'channel', description: 'A way to reach someone and whether it works now.' });

const update = z.strictObject({ at: time, text }).meta({ id: 'update', description: 'A dated update.' });

const link = z
  .strictObject({
    title: z.string(),
    /** Normalized (`https://www.soest.de/`), so it is always a valid URI. */
    url: z.string().regex(/^(https?:\/\/|\/)/).meta({ format: 'uri-reference' }),
  })
  .meta({ id: 'link', description: 'A website that works, or a page of this site (then like every URL here).' });

/** A word for each key: an object with exactly these properties (a record's `propertyNames` would do, but less plainly). */
const wordFor = <K extends string>(keys: readonly K[], description: string) =>
  z.strictObject(Object.fromEntries(keys.map((key) => [key, z.string()])) as Record<K, z.ZodString>).meta({ description });

const labels = z
  .strictObject({
    status: wordFor(statusKeys, 'Label of each status key.'),
    channel: wordFor(channelKinds, 'Label of each channel key.'),
  })
  .meta({ id: 'labels', description: 'The words the site shows for each key, in its language.' });

const site = z
  .strictObject({
    title: z.string(),
    operator: plain('Who publishes the site.'),
    description: z.string().optional(),
    language: z.enum(languageKeys).meta({ description: 'The interface language: the language of the labels.' }),
    contentLanguage: z.enum(languageKeys).meta({ description: 'The language the texts (titles, summaries, notes) are written in.' }),
    timezone: plain('IANA time zone of the times.'),
    staleAfterHours: z
      .int()
      .min(1)
      .meta({
        description:
          'After how many hours without change a notice is possibly outdated. Decide it when you show the data: possibly outdated when now > lastChange + staleAfterHours hours (not against generated).',
      }),
    url: urlOf('The home page.'),
    contacts: listOf(channel, 'Shown on every page, e.g. a citizens\' hotline.'),
    labels,
  })
  .meta({ id: 'site', description: 'The site that publishes the data.' });

/** 1.2: a planned change (content format `planned:`). */
const planned = z
  .strictObject({
    from: timeOf('When it starts, as the editor wrote it.'),
    until: timeOf('When it ends, as the editor wrote it; a date alone lasts until the end of that day.'),
    start: dateTime.meta({ description: 'The start as an instant: it applies from here (inclusive).' }),
    end: dateTime.meta({ description: 'The end as an instant (exclusive): `until`, or the next day\'s start for a date alone.' }),
    status,
    summary: text,
  })
  .meta({ id: 'planned', description: 'A planned change: from `start` to `end` the item has this status and summary.' });
const plannedList = listOf(
  planned,
  'Planned changes not over at `generated`, by start; absent when there are none. The `status` and `summary` beside it already hold the change running at `generated`; later, the one whose window holds the moment applies (start ≤ now < end; of several, the one that started last), else what the editor wrote.',
);

const serviceSummaryFields = {
  slug,
  title: plain('Plain text.'),
  status,
  summary: text,
  updated: timeOf('`updated` as the editor wrote it.'),
  lastChange: timeOf('"Stand": the newest of `updated` and the updates. Show this one.'),
  url: urlOf('The service page.'),
  planned: plannedList.optional(),
};

const serviceSummary = z.strictObject(serviceSummaryFields).meta({ id: 'serviceSummary', description: 'A service, as towns.json lists it.' });

const task = z
  .strictObject({
    id: plain('Anchor on the service page.'),
    title: text,
    status,
    note: text.optional(),
    url: urlOf('The service page at the task\'s anchor.'),
    leika: z.string().regex(leikaPattern).meta({ description: 'Key in the federal service catalogue LeiKa (14 digits), when the editor gave it.' }).optional(),
    planned: plannedList.optional(),
  })
  .meta({ id: 'task', description: 'What a citizen comes for, and whether it works.' });

const service = z
  .strictObject({
    ...serviceSummaryFields,
    since: timeOf('Since when it is disrupted.').optional(),
    expected: timeOf('When a change is expected.').optional(),
    incident: slug.meta({ description: 'Slug of the incident that causes it.' }).optional(),
    channels: z.array(channel),
    tasks: z.array(task),
    keywords: z.array(z.string()),
    updates: listOf(update, 'Newest first.'),
    body: text,
  })
  .meta({ id: 'service', description: 'A service whole.' });

/** What towns.json and a town's own file both say of a town. */
const townHeadFields = {
  slug,
  name: plain('Plain text.'),
  kind: plain('Stadt, Gemeinde, Kreis, or another word.'),
  parent: slug.meta({ description: 'Slug of the district the town belongs to.' }).optional(),
  status,
  statusDerived: z.boolean().meta({ description: 'True when the status is derived from the services rather than set by the editor.' }),
  summary: text,
  updated: timeOf('`updated` as the editor wrote it.'),
  lastChange: timeOf('"Stand": the newest `updated` or update of the town and its services. Show this one.'),
  url: urlOf('The town page.'),
  apiUrl: urlOf('This town\'s own API file.'),
  incidents: listOf(slug, 'Slugs of every incident affecting the town, named by it or by one of its services.'),
  children: listOf(slug, 'Slugs of the towns whose parent this is.'),
  ars: z.string().regex(arsPattern).meta({ description: 'Amtlicher Regionalschlüssel (12 digits), when the editor gave it.' }).optional(),
  planned: plannedList.optional(),
};
const townHead = z.strictObject(townHeadFields);

const townSummary = z
  .strictObject({ ...townHeadFields, services: listOf(serviceSummary, 'In list order.') })
  .meta({ id: 'townSummary', description: 'A town, as towns.json lists it.' });

const town = z
  .strictObject({
    ...townHeadFields,
    contacts: z.array(channel),
    links: z.array(link),
    updates: listOf(update, 'Newest first.'),
    body: text,
    services: listOf(service, 'In list order.'),
  })
  .meta({ id: 'town', description: 'A town whole.' });

const incident = z
  .strictObject({
    slug,
    title: z.string(),
    started: time,
    resolved: timeOf('Absent while it lasts.').optional(),
    updated: time,
    lastChange: timeOf('The newest of `updated` and the updates.'),
    summary: text,
    updates: listOf(update, 'Newest first.'),
    body: text,
    towns: listOf(slug, 'Slugs of the towns it affects.'),
    url: urlOf('The incident page.'),
  })
  .meta({ id: 'incident', description: 'An event that causes outages.' });

/** What every file starts with. */
const documentHeadFields = {
  $schema: z.string().meta({ format: 'uri-reference', description: 'The schema of this file (this one).' }),
  version: z.literal(apiVersion).meta({ description: 'The API version, as in /api/v1/.' }),
  generated: dateTime.meta({ description: 'When the site was built.' }),
  lastChange: timeOf('The newest change of anything in this file; absent when it lists nothing.').optional(),
  site,
};
const documentHead = z.strictObject(documentHeadFields);

/** The three files, each with its title and what it holds. */
export const apiShapes = {
  towns: z
    .strictObject({ ...documentHeadFields, towns: listOf(townSummary, 'By name.') })
    .meta({ title: 'Aushang API v1: towns.json', description: 'Every town with its services.' }),
  town: z.strictObject({ ...documentHeadFields, town }).meta({ title: 'Aushang API v1: towns/<town>.json', description: 'One town whole.' }),
  incidents: z
    .strictObject({ ...documentHeadFields, incidents: listOf(incident, 'Newest start first.') })
    .meta({ title: 'Aushang API v1: incidents.json', description: 'Every incident with the towns it affects.' }),
} satisfies Record<SchemaName, z.ZodType>;

export type ApiText = z.infer<typeof text>;
/** `2023-11-03T14:17:00+01:00`, or `2023-11-06` for a date alone. */
export type ApiTime = z.infer<typeof time>;
export type ApiChannel = z.infer<typeof channel>;
export type ApiUpdate = z.infer<typeof update>;
export type ApiPlanned = z.infer<typeof planned>;
export type ApiLink = z.infer<typeof link>;
export type ApiSite = z.infer<typeof site>;
export type ApiDocumentHead = z.infer<typeof documentHead>;
export type ApiServiceSummary = z.infer<typeof serviceSummary>;
export type ApiTask = z.infer<typeof task>;
export type ApiService = z.infer<typeof service>;
/** A town as both files give it, without its services. */
export type ApiTownHead = z.infer<typeof townHead>;
export type ApiTownSummary = z.infer<typeof townSummary>;
export type ApiTown = z.infer<typeof town>;
export type ApiIncident = z.infer<typeof incident>;
export type TownsDocument = z.infer<typeof apiShapes.towns>;
export type TownDocument = z.infer<typeof apiShapes.town>;
export type IncidentsDocument = z.infer<typeof apiShapes.incidents>;

/** The published JSON Schema of one file: draft 2020-12, its shared objects under `$defs`. */
function jsonSchema(name: SchemaName): Record<string, unknown> {
  const generated = z.toJSONSchema(apiShapes[name], { target: 'draft-2020-12', unrepresentable: 'throw' });
  return { $schema: generated.$schema, $id: `${name}.json`, title: generated.title, description: generated.description, ...generated };
}

/** The JSON Schemas served at `/api/v1/schema/<name>.json`. */
export const apiSchemas: Record<SchemaName, Record<string, unknown>> = {
  towns: jsonSchema('towns'),
  town: jsonSchema('town'),
  incidents: jsonSchema('incidents'),
};
