/**
 * Validation of API files against their JSON Schemas with ajv (draft 2020-12, strict mode,
 * with the formats date-time, date, uri and uri-reference), for the unit and the build tests.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type Schemas = Record<'towns' | 'town' | 'incidents', object>;

/** A function per schema that returns the errors as text, empty when valid. */
export function validators(schemas: Schemas): Record<keyof Schemas, (data: unknown) => string[]> {
  // strict: unknown keywords, ignored formats and loose types in a schema are errors too.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const make = (schema: object) => {
    const validate = ajv.compile(schema);
    return (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
  };
  return { towns: make(schemas.towns), town: make(schemas.town), incidents: make(schemas.incidents) };
}

/** Every value under a key named like one of `keys`, anywhere in a JSON value, with its path. */
export function collect(value: unknown, keys: readonly string[], path = ''): { path: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => collect(v, keys, `${path}/${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(keys.includes(k) ? [{ path: `${path}/${k}`, value: v }] : []),
      ...collect(v, keys, `${path}/${k}`),
    ]);
  }
  return [];
}

/** Every Markdown text object (`{ markdown, html }`) in a JSON value, with its path and its keys. */
export function texts(value: unknown, path = ''): { path: string; markdown: string; html: string; keys: string[] }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}/${i}`));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('markdown' in record) return [{ path, markdown: String(record.markdown), html: String(record.html), keys: Object.keys(record) }];
    return Object.entries(record).flatMap(([k, v]) => texts(v, `${path}/${k}`));
  }
  return [];
}

/** Every link target in the HTML of every text. */
export function htmlLinks(value: unknown): string[] {
  return texts(value).flatMap((t) => [...t.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!));
}
