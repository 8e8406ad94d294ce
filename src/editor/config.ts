/**
 * The web editor's configuration (Sveltia CMS), generated at build time from the content
 * schema (`src/schema/index.ts`), the site's settings and the field words in
 * `src/i18n/fields.<language>.ts`. The admin page hands it to `CMS.init({ config })`.
 *
 * What comes from where:
 * - which fields a file has, and which are required: the zod schemas (a field the schemas
 *   have and this module does not know is an error at build time, and a unit test);
 * - how a field is edited (text, a choice of the four status words, a date and time, a list):
 *   `widgets` below, one entry per field;
 * - what a value may be (patterns and the message under the field): the rules check uses,
 *   `src/schema/field-rules.ts`; references to other files are choices of existing entries
 *   (Sveltia's `relation`), a channel's value has the rule of its kind (one list item type per
 *   kind, `channel` being the type's key);
 * - labels and help texts: the field texts (`src/i18n/fields.*.ts`), shared with docs/web-editor.md;
 * - the Git host and repository: `editor:` in site.yaml.
 *
 * Pure: no Node imports, so it runs in the build and in unit tests alike.
 */
import type { z } from 'zod';
import { isCountry } from '../core/phone.ts';
import {
  channelKinds,
  channelSchema,
  channelStatusKeys,
  incidentSchema,
  linkSchema,
  pageRoles,
  pageSchema,
  plannedSchema,
  serviceSchema,
  statusKeys,
  taskSchema,
  townSchema,
  updateSchema,
  type ChannelKind,
  type EditorSettings,
  type StatusKey,
} from '../schema/index.ts';
import { fieldRules, type FieldRule } from '../schema/field-rules.ts';
import { translator, type EditorLanguage as Language } from '../i18n/index.ts';
import { fieldText } from './fields.ts';
import { TIME_WIDGET } from './time-field.ts';

/** The folder of the content inside the site's repository (as `aushang init` lays it out). */
export const CONTENT_FOLDER = 'content';

/** Where Sveltia would put uploaded files: never read by the build. */
export const MEDIA_FOLDER = 'editor-uploads';

/** The one format every time field is written in: local time of the site, no offset. */
export const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

export interface EditorInput {
  editor: EditorSettings;
  language: Language;
  /** The site's title, for the editor's window title. */
  title: string;
  /** The site's country (`country:` in site.yaml, checked), for phone numbers without country code. */
  country: string;
}

/** A Sveltia field, as plain JSON. */
export type CmsField = { name: string; label: string; widget: string; required?: boolean; hint?: string } & Record<string, unknown>;

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  description?: string;
  folder: string;
  fields: CmsField[];
  [option: string]: unknown;
}

export interface CmsConfig {
  load_config_file: false;
  backend: Record<string, unknown> & { name: string };
  publish_mode: 'simple' | 'editorial_workflow';
  app_title: string;
  media_folder: string;
  output: { omit_empty_optional_fields: true; yaml: { indent_size: 2; indent_sequences: true } };
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  collections: CmsCollection[];
}

type Kind = 'town' | 'service' | 'incident' | 'page' | 'channel' | 'task' | 'update' | 'link' | 'planned';
type Option = { label: string; value: string };
type Widget = Record<string, unknown> & { widget: string };

/** The schema of each kind of object; the editor must know every field of each. */
export const schemas: Readonly<Record<Kind, z.ZodObject>> = {
  town: townSchema,
  service: serviceSchema,
  incident: incidentSchema,
  page: pageSchema,
  channel: channelSchema,
  task: taskSchema,
  update: updateSchema,
  link: linkSchema,
  planned: plannedSchema,
};

interface Context {
  language: Language;
  t: ReturnType<typeof translator>;
  rules: ReturnType<typeof fieldRules>;
  /** "Stand" is set to now on every save (`editor.stampUpdated`, src/scripts/admin.ts). */
  stampUpdated: boolean;
}

/** Sveltia's `pattern`: the rule's regular expression and its message in the editor's language. */
const patternOf = (c: Context, rule: FieldRule): [string, string] => [rule.pattern, fieldText(c.language, `pattern.${rule.message}`).label];

const statusOptions = (c: Context, keys: readonly StatusKey[]): Option[] => keys.map((key) => ({ label: c.t(`status.${key}`), value: key }));
/**
 * A date and time, shown in the editor's language whatever the browser's (src/editor/time-field.ts),
 * saved in the contract's format (`TIME_FORMAT`, or a date alone); check's rule for a time.
 */
const time = (c: Context): Widget => ({ widget: TIME_WIDGET, format: TIME_FORMAT, pattern: patternOf(c, c.rules.time) });
/** "Stand": when the editor sets it on every save, its help text says so. */
const updated = (c: Context): Widget => ({ ...time(c), ...(c.stampUpdated ? { hint: fieldText(c.language, 'stamp.updated').label } : {}) });
/** One paragraph of inline Markdown (summary, note, text). */
const paragraph = (c: Context): Widget => ({ widget: 'text', pattern: patternOf(c, c.rules.paragraph) });
/** A line of text (names, titles, hours). */
const line = (c: Context): Widget => ({ widget: 'string', pattern: patternOf(c, c.rules.line) });
/** A list of single lines (keywords) or of old addresses (aliases), each item with its rule. */
const items = (c: Context, rule: 'line' | 'alias', label: string): Widget => ({
  widget: 'list',
  field: { name: rule, label, widget: 'string', pattern: patternOf(c, c.rules[rule]) },
});
const words = (c: Context): Widget => items(c, 'line', fieldText(c.language, 'service.keywords').label);
const aliases = (c: Context): Widget => items(c, 'alias', fieldText(c.language, 'town.aliases').label);
/** A choice of existing entries of another collection, stored as their slug (file or folder name). */
const relation = (collection: 'towns' | 'incidents', options: Record<string, unknown> = {}): Widget => {
  const shown = collection === 'towns' ? 'name' : 'title';
  return { widget: 'relation', collection, value_field: '{{slug}}', display_fields: [shown], search_fields: [shown], ...options };
};
/** How a channel's value is edited, by kind: each kind has check's rule for it. */
const channelValue = (c: Context, kind: ChannelKind): Widget => {
  switch (kind) {
    case 'phone':
    case 'fax':
      return { widget: 'string', pattern: patternOf(c, c.rules.phone) };
    case 'email':
      return { widget: 'string', pattern: patternOf(c, c.rules.email) };
    case 'online':
    case 'web':
      return { widget: 'string', pattern: patternOf(c, c.rules.webUrl) };
    case 'post':
    case 'in-person':
      return { widget: 'text', pattern: patternOf(c, c.rules.text) };
  }
};
/**
 * Channels: one list item type per kind (Sveltia's variable types), whose name is written as
 * `channel:`, so the value field of each kind has that kind's rule and files keep their shape.
 */
const channels = (c: Context): Widget => ({
  widget: 'list',
  typeKey: 'channel',
  types: channelKinds.map((kind) => ({
    name: kind,
    label: c.t(`channel.${kind}`),
    widget: 'object',
    // Collapsed, a way shows whether it works: "Telefon 02921 103-0 – Nicht möglich" (a way
    // without a value, e.g. in person: "Persönlich – Nicht möglich").
    summary: `${c.t(`channel.${kind}`)} {{fields.value}} – {{fields.status}}`,
    fields: fieldsOf(c, 'channel', kind).filter((field) => field.name !== 'channel'),
  })),
  collapsed: 'auto',
  label_singular: fieldText(c.language, 'list.channel').label,
});
const objects = (c: Context, kind: 'task' | 'update' | 'link' | 'planned', summary: string): Widget => ({
  widget: 'list',
  fields: fieldsOf(c, kind),
  summary,
  collapsed: 'auto',
  label_singular: fieldText(c.language, `list.${kind}`).label,
  // Updates are shown newest first: a new one goes to the top of the list.
  ...(kind === 'update' ? { add_to_top: true } : {}),
});
/** 1.2: planned changes; collapsed, one shows its window and status: "2026-12-12 07:00 – 2026-12-12 18:00: unavailable". */
const planned = (c: Context): Widget => objects(c, 'planned', '{{fields.from}} – {{fields.until}}: {{fields.status}}');
/** How each field is edited. Every field of every schema has an entry (checked when building). */
const widgets: Record<Kind, Record<string, (c: Context, channel: ChannelKind) => Widget>> = {
  town: {
    name: line,
    kind: line,
    // Not the town itself, which check refuses (recognised by its name).
    parent: () => relation('towns', { filters: [{ field: 'name', values: ['{{fields.name}}'], exclude: true }] }),
    incidents: () => relation('incidents', { multiple: true }),
    updated,
    status: (c) => ({ widget: 'select', options: statusOptions(c, statusKeys) }),
    summary: paragraph,
    contacts: channels,
    links: (c) => objects(c, 'link', '{{fields.title}}'),
    updates: (c) => objects(c, 'update', '{{fields.at}}: {{fields.text}}'),
    aliases,
    ars: (c) => ({ widget: 'string', pattern: patternOf(c, c.rules.ars) }),
    planned,
  },
  service: {
    title: line,
    status: (c) => ({ widget: 'select', options: statusOptions(c, statusKeys) }),
    updated,
    summary: paragraph,
    since: time,
    expected: time,
    incident: () => relation('incidents'),
    channels,
    // Collapsed, a task shows its status: "Wohngeld beantragen – Nicht möglich".
    tasks: (c) => objects(c, 'task', '{{fields.title}} – {{fields.status}}'),
    keywords: words,
    updates: (c) => objects(c, 'update', '{{fields.at}}: {{fields.text}}'),
    aliases,
    order: () => ({ widget: 'number', value_type: 'int' }),
    planned,
  },
  incident: {
    title: line,
    started: time,
    resolved: time,
    updated,
    summary: paragraph,
    updates: (c) => objects(c, 'update', '{{fields.at}}: {{fields.text}}'),
  },
  page: {
    title: line,
    footer: () => ({ widget: 'boolean' }),
    role: () => ({ widget: 'select', options: pageRoles.map((role) => ({ label: role, value: role })) }),
    example: () => ({ widget: 'boolean' }),
  },
  channel: {
    // The list item's type (see `channels`): chosen when adding a way, not a field of its own.
    channel: (c) => ({ widget: 'select', options: channelKinds.map((kind) => ({ label: c.t(`channel.${kind}`), value: kind })) }),
    status: (c) => ({ widget: 'select', options: statusOptions(c, channelStatusKeys) }),
    value: channelValue,
    note: paragraph,
    hours: line,
  },
  task: {
    // Inline Markdown, like a summary, on one line.
    title: (c) => ({ widget: 'string', pattern: patternOf(c, c.rules.paragraph) }),
    status: (c) => ({ widget: 'select', options: statusOptions(c, statusKeys) }),
    note: paragraph,
    leika: (c) => ({ widget: 'string', pattern: patternOf(c, c.rules.leika) }),
    planned,
  },
  planned: {
    from: time,
    until: time,
    status: (c) => ({ widget: 'select', options: statusOptions(c, statusKeys) }),
    summary: paragraph,
  },
  update: {
    at: time,
    text: paragraph,
  },
  link: {
    title: line,
    url: (c) => ({ widget: 'string', pattern: patternOf(c, c.rules.linkUrl) }),
  },
};

/**
 * The body's editor: Markdown as written, with a toolbar for text, headings, lists and links; no
 * images, code or HTML (the site shows none). The rich-text view rewrites Markdown it did not
 * write (emphasis across a line break, list markers), so it is offered second, not by default.
 */
const markdownBody = {
  modes: ['raw', 'rich_text'],
  buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'bulleted-list', 'numbered-list', 'quote'],
  editor_components: [],
};

/** Kinds whose files have a Markdown body below the front matter. */
const withBody: readonly Kind[] = ['town', 'service', 'incident', 'page'];

/** A field is required when the schema rejects a file without it (no default, not optional). */
export function isRequired(schema: z.ZodObject, name: string): boolean {
  return !schema.shape[name]!.safeParse(undefined).success;
}

/** Fields of the schema that the editor does not know: empty, or the build stops. */
export function unknownFields(): string[] {
  return (Object.keys(schemas) as Kind[]).flatMap((kind) =>
    Object.keys(schemas[kind].shape)
      .filter((name) => !(name in widgets[kind]))
      .map((name) => `${kind}.${name}`),
  );
}

/** The fields of a kind of object; `channel`: which kind of channel (its value's rule). */
function fieldsOf(c: Context, kind: Kind, channel: ChannelKind = 'phone'): CmsField[] {
  const schema = schemas[kind];
  const fields: CmsField[] = Object.keys(schema.shape).map((name) => {
    const make = widgets[kind][name];
    if (!make) throw new Error(`The web editor does not know the field ${kind}.${name}: add it to src/editor/config.ts.`);
    const { label, hint } = fieldText(c.language, `${kind}.${name}`);
    return { name, label, ...(hint ? { hint } : {}), required: isRequired(schema, name), ...make(c, channel) } as CmsField;
  });
  if (withBody.includes(kind)) {
    const { label, hint } = fieldText(c.language, `${kind}.body`);
    fields.push({ name: 'body', label, ...(hint ? { hint } : {}), required: false, widget: 'markdown', ...markdownBody, pattern: patternOf(c, c.rules.body) });
  }
  return fields;
}

function collection(c: Context, name: string, kind: Kind, options: { folder: string } & Record<string, unknown>): CmsCollection {
  const { label, hint } = fieldText(c.language, `collection.${name}`);
  return {
    name,
    label,
    label_singular: fieldText(c.language, `collection.${name}.singular`).label,
    ...(hint ? { description: hint } : {}),
    extension: 'md',
    format: 'frontmatter',
    create: true,
    ...options,
    fields: fieldsOf(c, kind),
  };
}

/** The API address and sign-in options for the Git host named in site.yaml. */
export function backendOf(editor: EditorSettings): CmsConfig['backend'] {
  const common = { repo: editor.repo, branch: editor.branch };
  switch (editor.backend) {
    case 'github':
      return {
        name: 'github',
        ...common,
        ...(editor.url ? { api_root: `${editor.url}/api/v3`, graphql_api_root: `${editor.url}/api/graphql` } : {}),
        // Without a sign-in service of its own, GitHub's OAuth would go through Netlify: tokens only.
        ...(editor.authUrl ? { base_url: editor.authUrl } : { auth_methods: ['token'] }),
      };
    case 'gitlab':
      return {
        name: 'gitlab',
        ...common,
        ...(editor.url ? { api_root: `${editor.url}/api/v4`, base_url: editor.url } : {}),
        ...(editor.appId ? { auth_type: 'pkce', app_id: editor.appId } : { auth_methods: ['token'] }),
      };
    case 'gitea':
      return {
        name: 'gitea',
        ...common,
        api_root: `${editor.url}/api/v1`,
        base_url: editor.url,
        ...(editor.appId ? { app_id: editor.appId } : { auth_methods: ['token'] }),
      };
  }
}

/**
 * The origins the editor's page talks to besides its own: the Git host's API (and, for GitLab
 * and Gitea, the same host's OAuth token endpoint). Used for the page's Content-Security-Policy.
 */
export function gitHostOrigins(editor: EditorSettings): string[] {
  if (editor.backend === 'github') return [editor.url ? new URL(editor.url).origin : 'https://api.github.com'];
  return [new URL(editor.url ?? 'https://gitlab.com').origin];
}

export function createCmsConfig(input: EditorInput): CmsConfig {
  const missing = unknownFields();
  if (missing.length > 0) throw new Error(`The web editor does not know these fields: ${missing.join(', ')} (src/editor/config.ts).`);
  const c: Context = {
    language: input.language,
    t: translator(input.language),
    rules: fieldRules(isCountry(input.country) ? input.country : 'DE'),
    stampUpdated: input.editor.stampUpdated,
  };
  return {
    load_config_file: false,
    backend: backendOf(input.editor),
    publish_mode: input.editor.review ? 'editorial_workflow' : 'simple',
    app_title: input.title,
    // Sveltia requires a media folder. The site shows no images; the editor offers none
    // (see the body field), and this folder is outside content/, which the build reads.
    media_folder: MEDIA_FOLDER,
    output: { omit_empty_optional_fields: true, yaml: { indent_size: 2, indent_sequences: true } },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      collection(c, 'services', 'service', {
        folder: `${CONTENT_FOLDER}/towns`,
        nested: { depth: 2, subfolders: false },
        // Sveltia puts a new entry of a nested collection into content/towns/ itself, not into
        // the town's folder, where check would reject it: new services come from `npm run new`
        // (or the Git host's web editor), which put them where they belong.
        create: false,
        // Town files (index.md) have no title; Sveltia tests a missing field as the text "null".
        filter: { field: 'title', pattern: '^(?!null$).' },
        identifier_field: 'title',
        summary: '{{title}} – {{fields.status}}',
        sortable_fields: ['title', 'updated', 'status'],
      }),
      collection(c, 'towns', 'town', {
        folder: `${CONTENT_FOLDER}/towns`,
        path: '{{slug}}/index',
        identifier_field: 'name',
        summary: '{{name}}',
        sortable_fields: ['name', 'updated'],
      }),
      collection(c, 'incidents', 'incident', {
        folder: `${CONTENT_FOLDER}/incidents`,
        identifier_field: 'title',
        summary: '{{title}}',
      }),
      collection(c, 'pages', 'page', {
        folder: `${CONTENT_FOLDER}/pages`,
        identifier_field: 'title',
        summary: '{{title}}',
      }),
    ],
  };
}
