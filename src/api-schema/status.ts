/**
 * 1.2: the JSON Schema (draft 2020-12) of `/api/v1/status.json` (src/model/status.ts), published
 * at `/api/v1/schema/status.json`. Self-contained and kept apart from the other API schemas
 * (index.ts); strict like them: every object lists its required fields and allows no others.
 */
import { languageKeys, slugPattern, statusKeys } from '../schema/index.ts';
import { apiVersion } from '../model/api.ts';

type Schema = Record<string, unknown>;

function object(description: string, required: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema {
  return { type: 'object', description, required: Object.keys(required), properties: { ...required, ...optional }, additionalProperties: false };
}

const string = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const status: Schema = { enum: [...statusKeys], description: 'normal, limited, deferred (requests accepted, processed later) or unavailable.' };
const url = (description: string): Schema => ({ type: 'string', format: 'uri-reference', pattern: '^(https?://[^/?#]+)?/', description: `${description} Absolute when the site has an address, else root-relative.` });
/** `+01:00`: an offset is always written, never `Z`. */
const dateTime: Schema = { type: 'string', format: 'date-time', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$' };
const time: Schema = {
  type: 'string',
  description: 'A date-time with the site\'s offset (2023-11-03T14:17:00+01:00), or a date alone (2023-11-06).',
  anyOf: [dateTime, { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }],
};

export const statusSchema: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'status.json',
  title: 'Aushang API v1: status.json',
  ...object(
    'The state at a glance, for a banner or a badge on another website.',
    {
      $schema: { type: 'string', format: 'uri-reference', description: 'The schema of this file (this one).' },
      version: { const: apiVersion, description: 'The API version, as in /api/v1/.' },
      generated: { ...dateTime, description: 'When the site was built.' },
      site: object('The site in brief (the whole in towns.json).', {
        title: string(),
        operator: string('Who publishes the site.'),
        language: { enum: [...languageKeys], description: 'The interface language: the language of the labels.' },
        contentLanguage: { enum: [...languageKeys], description: 'The language the texts are written in.' },
        timezone: string('IANA time zone of the times.'),
        staleAfterHours: { type: 'integer', minimum: 1, description: 'Possibly outdated when now > lastChange + staleAfterHours hours.' },
        url: url('The home page.'),
      }),
      status: { ...status, description: 'The worst status of any town: unavailable, else limited (deferred when every disrupted town is deferred), else normal.' },
      label: string('The status in words, in the site\'s language.'),
      incident: { type: 'boolean', description: 'True while an incident is open.' },
      towns: {
        type: 'array',
        description: 'Every town, by name.',
        items: object('A town.', {
          slug: { type: 'string', pattern: slugPattern.source },
          name: string(),
          status,
          label: string('The status in words, in the site\'s language.'),
          lastChange: { ...time, description: '"Stand": the newest change of the town and its services.' },
          url: url('The town page.'),
          badge: url('The town\'s SVG badge.'),
        }),
      },
      links: object('Where to read more.', {
        site: url('The home page.'),
        api: url('towns.json.'),
        feeds: object('The site\'s feeds.', { rss: url('RSS.'), atom: url('Atom.'), json: url('JSON Feed 1.1.'), cap: url('CAP 1.2 alerts in an Atom feed.') }),
      }),
    },
    {
      latest: object('The newest update or notice change.', {
        at: time,
        title: string('Plain text: where and what.'),
        text: object('Markdown as written and rendered as HTML.', { markdown: string(), html: string() }),
        plain: string('The text without Markdown.'),
        url: url('The page, at the update\'s anchor.'),
      }),
    },
  ),
};
