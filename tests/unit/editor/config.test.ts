/**
 * The web editor's configuration is generated from the schema: every field of every file kind
 * is in a form, with the required ones required, the status words as a choice, times in the
 * contract's format, and the Git host from site.yaml.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { backendOf, createCmsConfig, gitHostOrigins, schemas, TIME_FORMAT, unknownFields, type CmsField, type EditorInput } from '../../../src/editor/config.ts';
import { fieldTexts } from '../../../src/editor/fields.ts';
import { editorSchema } from '../../../src/schema/index.ts';
import { fieldRules } from '../../../src/schema/field-rules.ts';

const input: EditorInput = {
  editor: editorSchema.parse({ backend: 'github', repo: 'kreis-soest/notfall' }),
  language: 'de',
  title: 'Redaktion – Notfall',
  country: 'DE',
};
const config = createCmsConfig(input);
const collection = (name: string) => config.collections.find((c) => c.name === name)!;
const field = (fields: CmsField[], name: string) => fields.find((f) => f.name === name)!;
const sub = (fields: CmsField[], name: string) => field(fields, name).fields as CmsField[];
/** A channel list's fields for one kind (the list item type), with the type key `channel` first. */
const channelFields = (fields: CmsField[], name: string, kind = 'phone') => {
  const list = field(fields, name);
  const type = (list.types as { name: string; fields: CmsField[] }[]).find((t) => t.name === kind)!;
  return [{ name: list.typeKey as string, required: true } as CmsField, ...type.fields];
};

describe('the web editor configuration', () => {
  test('knows every field of every schema', () => {
    expect(unknownFields()).toEqual([]);
    const byKind = {
      town: collection('towns').fields,
      service: collection('services').fields,
      incident: collection('incidents').fields,
      page: collection('pages').fields,
      channel: channelFields(collection('services').fields, 'channels'),
      task: sub(collection('services').fields, 'tasks'),
      update: sub(collection('services').fields, 'updates'),
      link: sub(collection('towns').fields, 'links'),
    };
    for (const [kind, fields] of Object.entries(byKind)) {
      const names = fields.map((f) => f.name).filter((n) => n !== 'body');
      expect(names, kind).toEqual(Object.keys(schemas[kind as keyof typeof schemas].shape));
    }
    expect(channelFields(collection('towns').fields, 'contacts', 'email').map((f) => f.name)).toEqual(Object.keys(schemas.channel.shape));
  });

  test('fails when a schema gains a field the editor does not know', () => {
    const original = schemas.service;
    (schemas as Record<string, z.ZodObject>).service = original.extend({ hotline: z.string().optional() });
    try {
      expect(unknownFields()).toEqual(['service.hotline']);
      expect(() => createCmsConfig(input)).toThrow('The web editor does not know these fields: service.hotline');
    } finally {
      (schemas as Record<string, z.ZodObject>).service = original;
    }
  });

  test('required fields are required, the others not', () => {
    const service = collection('services').fields;
    const required = service.filter((f) => f.required).map((f) => f.name);
    expect(required).toEqual(['title', 'status', 'updated', 'summary']);
    expect(collection('towns').fields.filter((f) => f.required).map((f) => f.name)).toEqual(['name', 'kind', 'updated', 'summary']);
    expect(channelFields(service, 'channels').filter((f) => f.required).map((f) => f.name)).toEqual(['channel', 'status']);
    expect(sub(service, 'updates').filter((f) => f.required).map((f) => f.name)).toEqual(['at', 'text']);
    expect(collection('pages').fields.filter((f) => f.required).map((f) => f.name)).toEqual(['title']);
  });

  test('statuses and channels are chosen, not typed, with the site’s words', () => {
    const service = collection('services').fields;
    expect(field(service, 'status')).toMatchObject({
      widget: 'select',
      options: [
        { label: 'Normal verfügbar', value: 'normal' },
        { label: 'Eingeschränkt', value: 'limited' },
        { label: 'Nur Annahme', value: 'deferred' },
        { label: 'Nicht möglich', value: 'unavailable' },
      ],
    });
    expect(field(sub(service, 'tasks'), 'status').options).toHaveLength(4);
    expect((field(channelFields(service, 'channels'), 'status').options as { value: string }[]).map((o) => o.value)).toEqual(['normal', 'limited', 'unavailable']);
    // The kind of a channel is the list item's type, written as `channel:`.
    expect(field(service, 'channels')).toMatchObject({ widget: 'list', typeKey: 'channel' });
    expect((field(service, 'channels').types as { name: string; label: string }[]).map((t) => [t.name, t.label])).toEqual([
      ['phone', 'Telefon'], ['fax', 'Fax'], ['email', 'E-Mail'], ['post', 'Post'], ['in-person', 'Persönlich'], ['online', 'Online'], ['web', 'Website'],
    ]);
  });

  test('the cause, the district and the incidents of a town are chosen among existing entries', () => {
    // A relation reads the collection when the editor opens: an incident added a minute ago is there.
    expect(field(collection('services').fields, 'incident')).toMatchObject({ widget: 'relation', collection: 'incidents', value_field: '{{slug}}', display_fields: ['title'] });
    expect(field(collection('towns').fields, 'parent')).toMatchObject({
      widget: 'relation',
      collection: 'towns',
      value_field: '{{slug}}',
      display_fields: ['name'],
      filters: [{ field: 'name', values: ['{{fields.name}}'], exclude: true }],
    });
    expect(field(collection('towns').fields, 'incidents')).toMatchObject({ widget: 'relation', collection: 'incidents', multiple: true });
  });

  test('a channel’s value has the rule of its kind', () => {
    const kinds = field(collection('services').fields, 'channels').types as { name: string; fields: CmsField[] }[];
    const value = (kind: string) => new RegExp((field(kinds.find((t) => t.name === kind)!.fields, 'value').pattern as [string, string])[0]);
    const message = (kind: string) => (field(kinds.find((t) => t.name === kind)!.fields, 'value').pattern as [string, string])[1];
    expect(value('phone').test('02921 103-2127')).toBe(true);
    expect(value('phone').test('800-3211')).toBe(false);
    expect(message('phone')).toBe('Bitte die Nummer mit Vorwahl angeben, z. B. 02921 103-2127 oder +49 2921 1032127. Ohne Vorwahl gehen nur 110, 112, 115 und 116117.');
    expect(value('fax').test('103-2342')).toBe(false);
    expect(value('email').test('buergerbuero@soest.de')).toBe(true);
    expect(value('email').test('02921 103-2127')).toBe(false);
    expect(value('web').test('https://www.soest.de')).toBe(true);
    expect(value('online').test('http://www.soest.de')).toBe(false);
    expect(value('post').test('Am Markt 1\n59494 Soest')).toBe(true);
  });

  test('every time is written as the contract wants: local time, no offset', () => {
    expect(TIME_FORMAT).toBe('YYYY-MM-DD HH:mm');
    const times = [
      ...['updated', 'since', 'expected'].map((n) => field(collection('services').fields, n)),
      ...['started', 'resolved', 'updated'].map((n) => field(collection('incidents').fields, n)),
      field(collection('towns').fields, 'updated'),
      field(sub(collection('towns').fields, 'updates'), 'at'),
    ];
    // The editor's own field (German dates on any browser, src/editor/time-field.ts) with check's rule for a time.
    for (const time of times) expect(time, time.name).toMatchObject({ widget: 'aushang-time', format: 'YYYY-MM-DD HH:mm', pattern: [fieldRules('DE').time.pattern, 'Bitte Datum und Uhrzeit so schreiben: 06.12.2026 08:10 (oder nur das Datum: 06.12.2026).'] });
  });

  test('what check would reject in a text or a link cannot be saved', () => {
    const service = collection('services').fields;
    const [paragraph, message] = field(service, 'summary').pattern as [string, string];
    expect(message).toBe('Bitte nur ein Absatz: keine Leerzeile, kein HTML, keine Bilder; Links nur mit https://, http://, mailto:, tel: oder /pfad/.');
    const oneParagraph = new RegExp(paragraph);
    expect(oneParagraph.test('Geschlossen, telefonisch erreichbar.')).toBe(true);
    expect(oneParagraph.test('Zeile eins\nZeile zwei\n')).toBe(true);
    expect(oneParagraph.test('Absatz eins\n\nAbsatz zwei')).toBe(false);
    expect(oneParagraph.test('Absatz eins\n  \nAbsatz zwei')).toBe(false);
    for (const [fields, name] of [[sub(service, 'tasks'), 'note'], [channelFields(service, 'channels'), 'note'], [sub(service, 'updates'), 'text']] as const) {
      expect(field(fields, name).pattern, name).toEqual(field(service, 'summary').pattern);
    }
    // A town's links are web addresses or pages of the site; check refuses mailto: and tel: there.
    const [address] = field(sub(collection('towns').fields, 'links'), 'url').pattern as [string, string];
    for (const ok of ['https://www.soest.de', 'http://www.soest.de/rat/', '/soest/']) expect(new RegExp(address).test(ok), ok).toBe(true);
    for (const bad of ['mailto:a@b.de', 'tel:+49292110', 'www.soest.de', 'javascript:alert(1)', '../werl/']) expect(new RegExp(address).test(bad), bad).toBe(false);
  });

  test('lists for channels, tasks, updates, links, keywords and aliases', () => {
    const service = collection('services').fields;
    for (const name of ['channels', 'tasks', 'updates', 'keywords', 'aliases']) expect(field(service, name).widget, name).toBe('list');
    expect(field(service, 'updates')).toMatchObject({ add_to_top: true, label_singular: 'Neuigkeit' });
    expect(field(collection('towns').fields, 'links')).toMatchObject({ widget: 'list', label_singular: 'Link' });
  });

  test('towns and services are two collections of one folder', () => {
    expect(collection('towns')).toMatchObject({ folder: 'content/towns', path: '{{slug}}/index', extension: 'md', format: 'frontmatter' });
    expect(collection('services')).toMatchObject({
      folder: 'content/towns',
      nested: { depth: 2, subfolders: false },
      filter: { field: 'title', pattern: '^(?!null$).' },
      create: false,
    });
    expect(collection('towns').create).toBe(true);
    // A town file has no title: Sveltia tests it as the text "null", which the filter excludes.
    const pattern = new RegExp((collection('services').filter as { pattern: string }).pattern);
    expect(pattern.test('null')).toBe(false);
    expect(pattern.test('Bürgerbüro')).toBe(true);
    expect(collection('incidents').folder).toBe('content/incidents');
    expect(collection('pages').folder).toBe('content/pages');
  });

  test('writes what check accepts: no empty optional fields, no images', () => {
    expect(config).toMatchObject({ load_config_file: false, output: { omit_empty_optional_fields: true }, publish_mode: 'simple' });
    const body = field(collection('services').fields, 'body');
    expect(body).toMatchObject({ widget: 'markdown', required: false, editor_components: [], modes: ['raw', 'rich_text'] });
    expect(body.buttons).not.toContain('image');
  });

  test('labels and hints come from the field texts, in the site’s language', () => {
    const texts = fieldTexts('de');
    expect(field(collection('services').fields, 'summary')).toMatchObject({ label: texts['service.summary']!.label, hint: texts['service.summary']!.hint });
    const english = createCmsConfig({ ...input, language: 'en' });
    expect(english.collections.map((c) => c.label)).toEqual(['Services', 'Towns', 'Incidents', 'Pages']);
    expect(field(english.collections[0]!.fields, 'status').options).toContainEqual({ label: 'Accepted, processed later', value: 'deferred' });
    expect(Object.keys(fieldTexts('en')).sort()).toEqual(Object.keys(texts).sort());
  });
});

describe('the Git host', () => {
  const editor = (block: Record<string, unknown>) => editorSchema.parse({ repo: 'stadt/notfall', ...block });

  test('GitHub: access token only, unless a sign-in service is named', () => {
    expect(backendOf(editor({ backend: 'github' }))).toEqual({ name: 'github', repo: 'stadt/notfall', branch: 'main', auth_methods: ['token'] });
    expect(backendOf(editor({ backend: 'github', authUrl: 'https://auth.stadt.de' }))).toEqual({ name: 'github', repo: 'stadt/notfall', branch: 'main', base_url: 'https://auth.stadt.de' });
    expect(gitHostOrigins(editor({ backend: 'github' }))).toEqual(['https://api.github.com']);
    expect(gitHostOrigins(editor({ backend: 'github', url: 'https://github.stadt.de' }))).toEqual(['https://github.stadt.de']);
  });

  test('GitLab: PKCE with an application id, its own server if named', () => {
    expect(backendOf(editor({ backend: 'gitlab', appId: 'abc', branch: 'notfall' }))).toEqual({ name: 'gitlab', repo: 'stadt/notfall', branch: 'notfall', auth_type: 'pkce', app_id: 'abc' });
    expect(backendOf(editor({ backend: 'gitlab', url: 'https://git.stadt.de' }))).toMatchObject({ api_root: 'https://git.stadt.de/api/v4', base_url: 'https://git.stadt.de', auth_methods: ['token'] });
    expect(gitHostOrigins(editor({ backend: 'gitlab' }))).toEqual(['https://gitlab.com']);
  });

  test('Gitea and Forgejo: the server is required', () => {
    expect(backendOf(editor({ backend: 'gitea', url: 'https://git.stadt.de', appId: 'x' }))).toEqual({
      name: 'gitea', repo: 'stadt/notfall', branch: 'main', api_root: 'https://git.stadt.de/api/v1', base_url: 'https://git.stadt.de', app_id: 'x',
    });
    expect(gitHostOrigins(editor({ backend: 'gitea', url: 'https://git.stadt.de/' }))).toEqual(['https://git.stadt.de']);
  });

  test('review: saves open a pull request', () => {
    expect(createCmsConfig({ ...input, editor: editor({ backend: 'github', review: true }) }).publish_mode).toBe('editorial_workflow');
  });
});
