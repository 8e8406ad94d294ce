/**
 * JSON Schemas (draft 2020-12) of the API files, published at `/api/v1/schema/<name>.json`.
 * They are source here rather than JSON files so that the three schemas share one definition
 * of each object and take the status and channel keys from the content contract
 * (`src/schema/index.ts`): they cannot drift apart. Each published schema is self-contained:
 * it carries the definitions it uses under `$defs`.
 *
 * Strict on purpose: every object lists its required fields and allows no others, so a
 * mistake in `src/model/api.ts` fails the tests. Consumers are told (docs/api.md) that v1 may
 * gain fields, and that the schema published next to the data always matches it.
 *
 * `$id` is relative (`towns.json`): it resolves against wherever the schema is fetched from,
 * so the files are the same for every SITE_URL and BASE_PATH.
 */
import { arsPattern, channelKinds, channelStatusKeys, languageKeys, leikaPattern, slugPattern, statusKeys } from '../schema/index.ts';
import { apiVersion, type SchemaName } from '../model/api.ts';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
const list = (items: Schema, description?: string): Schema => ({ type: 'array', items, ...(description ? { description } : {}) });
const string = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const described = (schema: Schema, description: string): Schema => ({ ...schema, description });

/** An object that has exactly these properties; `optional` ones may be left out. */
function object(description: string, required: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema {
  return {
    type: 'object',
    description,
    required: Object.keys(required),
    properties: { ...required, ...optional },
    additionalProperties: false,
  };
}

/** `+01:00`: an offset is always written, never `Z`. */
const dateTimePattern = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$';
const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';

/** 1.2: official keys, optional: a town's ARS, a task's LeiKa key (as in the content contract). */
const officialKeys = {
  town: { ars: { type: 'string', pattern: arsPattern.source, description: 'Amtlicher Regionalschlüssel (12 digits).' } },
  task: { leika: { type: 'string', pattern: leikaPattern.source, description: 'Key in the federal service catalogue LeiKa (14 digits).' } },
};

const serviceSummaryRequired = {
  slug: ref('slug'),
  title: string('Plain text.'),
  status: ref('status'),
  summary: ref('text'),
  updated: described(ref('time'), '`updated` as the editor wrote it.'),
  lastChange: described(ref('time'), '"Stand": the newest of `updated` and the updates. Show this one.'),
  url: described(ref('url'), 'The service page.'),
};

const townSummaryRequired = {
  slug: ref('slug'),
  name: string('Plain text.'),
  kind: string('Stadt, Gemeinde, Kreis, or another word.'),
  status: ref('status'),
  statusDerived: { type: 'boolean', description: 'True when the status is derived from the services rather than set by the editor.' },
  summary: ref('text'),
  updated: described(ref('time'), '`updated` as the editor wrote it.'),
  lastChange: described(ref('time'), '"Stand": the newest `updated` or update of the town and its services. Show this one.'),
  url: described(ref('url'), 'The town page.'),
  apiUrl: described(ref('url'), 'This town\'s own API file.'),
  incidents: list(ref('slug'), 'Slugs of every incident affecting the town, named by it or by one of its services.'),
  children: list(ref('slug'), 'Slugs of the towns whose parent this is.'),
};
const townSummaryOptional = {
  parent: described(ref('slug'), 'Slug of the district the town belongs to.'),
  ...officialKeys.town,
};

/** Every definition any of the schemas uses. */
const definitions: Record<string, Schema> = {
  slug: { type: 'string', pattern: slugPattern.source },
  status: { enum: [...statusKeys], description: 'normal, limited, deferred (requests accepted, processed later) or unavailable.' },
  channelStatus: { enum: [...channelStatusKeys] },
  channelKind: { enum: [...channelKinds] },
  text: object('Markdown as written and rendered as HTML.', { markdown: string(), html: string() }),
  time: {
    type: 'string',
    description: 'A date-time with the site\'s offset at that instant (2023-11-03T14:17:00+01:00), or a date alone (2023-11-06).',
    anyOf: [
      { type: 'string', format: 'date-time', pattern: dateTimePattern },
      { type: 'string', format: 'date', pattern: datePattern },
    ],
  },
  dateTime: { type: 'string', format: 'date-time', pattern: dateTimePattern },
  url: {
    type: 'string',
    format: 'uri-reference',
    pattern: '^(https?://[^/?#]+)?/',
    description: 'Absolute when the site has a SITE_URL, else root-relative (with the base path).',
  },
  channel: object(
    'A way to reach someone and whether it works now.',
    { channel: ref('channelKind'), status: ref('channelStatus') },
    {
      value: string('As the editor wrote it: a number, an address, a place or a URL.'),
      href: {
        type: 'string',
        format: 'uri-reference',
        pattern: '^(tel:|mailto:|https?:|/)',
        description: 'tel: (E.164), mailto: or the URL (a page of this site like every URL here); none for fax, post and in-person.',
      },
      lines: described(list({ type: 'string', minLength: 1 }), 'A postal address split into its lines.'),
      note: ref('text'),
      hours: string('Opening or calling hours, plain text.'),
    },
  ),
  update: object('A dated update.', { at: ref('time'), text: ref('text') }),
  link: object('A website that works, or a page of this site (then like every URL here).', {
    title: string(),
    url: { type: 'string', format: 'uri-reference', pattern: '^(https?://|/)' },
  }),
  labels: object('The words the site shows for each key, in its language.', {
    status: object('Label of each status key.', Object.fromEntries(statusKeys.map((k) => [k, string()]))),
    channel: object('Label of each channel key.', Object.fromEntries(channelKinds.map((k) => [k, string()]))),
  }),
  site: object(
    'The site that publishes the data.',
    {
      title: string(),
      operator: string('Who publishes the site.'),
      language: { enum: [...languageKeys], description: 'The interface language: the language of the labels.' },
      contentLanguage: { enum: [...languageKeys], description: 'The language the texts (titles, summaries, notes) are written in.' },
      timezone: string('IANA time zone of the times.'),
      staleAfterHours: {
        type: 'integer',
        minimum: 1,
        description: 'After how many hours without change a notice is possibly outdated. Decide it when you show the data: possibly outdated when now > lastChange + staleAfterHours hours (not against generated).',
      },
      url: described(ref('url'), 'The home page.'),
      contacts: list(ref('channel'), 'Shown on every page, e.g. a citizens\' hotline.'),
      labels: ref('labels'),
    },
    { description: string() },
  ),
  serviceSummary: object('A service, as towns.json lists it.', serviceSummaryRequired),
  task: object('What a citizen comes for, and whether it works.', {
    id: string('Anchor on the service page.'),
    title: ref('text'),
    status: ref('status'),
    url: described(ref('url'), 'The service page at the task\'s anchor.'),
  }, { note: ref('text'), ...officialKeys.task }),
  service: object(
    'A service whole.',
    {
      ...serviceSummaryRequired,
      channels: list(ref('channel')),
      tasks: list(ref('task')),
      keywords: list({ type: 'string' }),
      updates: list(ref('update'), 'Newest first.'),
      body: ref('text'),
    },
    {
      since: described(ref('time'), 'Since when it is disrupted.'),
      expected: described(ref('time'), 'When a change is expected.'),
      incident: described(ref('slug'), 'Slug of the incident that causes it.'),
    },
  ),
  townSummary: object('A town, as towns.json lists it.', { ...townSummaryRequired, services: list(ref('serviceSummary'), 'In list order.') }, townSummaryOptional),
  town: object(
    'A town whole.',
    {
      ...townSummaryRequired,
      contacts: list(ref('channel')),
      links: list(ref('link')),
      updates: list(ref('update'), 'Newest first.'),
      body: ref('text'),
      services: list(ref('service'), 'In list order.'),
    },
    townSummaryOptional,
  ),
  incident: object(
    'An event that causes outages.',
    {
      slug: ref('slug'),
      title: string(),
      started: ref('time'),
      updated: ref('time'),
      lastChange: described(ref('time'), 'The newest of `updated` and the updates.'),
      summary: ref('text'),
      updates: list(ref('update'), 'Newest first.'),
      body: ref('text'),
      towns: list(ref('slug'), 'Slugs of the towns it affects.'),
      url: described(ref('url'), 'The incident page.'),
    },
    { resolved: described(ref('time'), 'Absent while it lasts.') },
  ),
};

/** The definitions a schema refers to, directly or through others, in the order above. */
function reachable(root: unknown): Record<string, Schema> {
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const name = value.replace('#/$defs/', '');
          if (!used.has(name)) {
            used.add(name);
            visit(definitions[name]);
          }
        } else visit(value);
      }
    }
  };
  visit(root);
  return Object.fromEntries(Object.entries(definitions).filter(([name]) => used.has(name)));
}

function documentSchema(name: SchemaName, title: string, description: string, key: string, content: Schema): Schema {
  const root = object(
    description,
    {
      $schema: { type: 'string', format: 'uri-reference', description: 'The schema of this file (this one).' },
      version: { const: apiVersion, description: 'The API version, as in /api/v1/.' },
      generated: described(ref('dateTime'), 'When the site was built.'),
      site: ref('site'),
      [key]: content,
    },
    { lastChange: described(ref('time'), 'The newest change of anything in this file; absent when it lists nothing.') },
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${name}.json`,
    title,
    ...root,
    $defs: reachable(root),
  };
}

export const apiSchemas: Record<SchemaName, Schema> = {
  towns: documentSchema('towns', 'Aushang API v1: towns.json', 'Every town with its services.', 'towns', list(ref('townSummary'), 'By name.')),
  town: documentSchema('town', 'Aushang API v1: towns/<town>.json', 'One town whole.', 'town', ref('town')),
  incidents: documentSchema('incidents', 'Aushang API v1: incidents.json', 'Every incident with the towns it affects.', 'incidents', list(ref('incident'), 'Newest start first.')),
};
