/**
 * The field table of the editor guide (docs/content-format.md, "Alle Felder und ihre Regeln"):
 * every field of every file and list item with whether it is required, its default, what it may
 * hold and an example. Nothing of it is written by hand:
 *
 * - fields, required and defaults: the zod schemas (`src/schema/index.ts`), as check reads them;
 * - choices (status words, kinds of contact, page roles): the schemas' enums;
 * - the rule of a text field: the rule the web editor's form uses for it (`src/editor/config.ts`),
 *   which is check's rule (`src/schema/field-rules.ts`, the same regular expression;
 *   `tests/unit/editor/equivalence.test.ts` holds the two together);
 * - examples: the first short value of the field in the example content (`content/`), else the
 *   rule's first example, else the first choice.
 *
 * `npm run docs:fields` writes it between `<!-- content-fields:start -->` and `<!-- content-fields:end -->`;
 * tests/unit/editor/docs.test.ts fails when the guide's copy is not the table of the code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { parseSource } from '../model/read.ts';
import { fieldRules, type FieldRule, type RuleName } from '../schema/field-rules.ts';
import { choicesOf } from '../schema/choices.ts';
import { createCmsConfig, isRequired, schemas, type CmsField } from './config.ts';

type Kind = keyof typeof schemas;

/** The sections of the table, in the guide's order: files first, then the items of their lists. */
export const tableKinds: readonly { kind: Kind; title: string }[] = [
  { kind: 'town', title: 'Ort (`towns/<ort>/index.md`)' },
  { kind: 'service', title: 'Dienst (`towns/<ort>/<dienst>.md`)' },
  { kind: 'incident', title: 'Störung (`incidents/<störung>.md`)' },
  { kind: 'page', title: 'Seite (`pages/<seite>.md`)' },
  { kind: 'channel', title: 'Kontaktweg (ein Eintrag in `contacts` oder `channels`)' },
  { kind: 'task', title: 'Anliegen (ein Eintrag in `tasks`)' },
  { kind: 'update', title: 'Neuigkeit (ein Eintrag in `updates`)' },
  { kind: 'link', title: 'Link (ein Eintrag in `links`)' },
  { kind: 'planned', title: 'Geplante Änderung (ein Eintrag in `planned`)' },
];

/** What each rule allows, in the guide's words (the rule itself is check's, see above). */
export const ruleWords: Readonly<Record<RuleName, string>> = {
  line: 'eine Zeile Text',
  text: 'Text, auch mehrzeilig',
  paragraph: 'ein Absatz Markdown: keine Leerzeile, kein HTML, keine Bilder; Links mit `https:`, `http:`, `mailto:`, `tel:` oder `/pfad/`',
  body: 'Markdown ohne HTML und Bilder; Links mit `https:`, `http:`, `mailto:`, `tel:` oder `/pfad/`',
  linkUrl: 'Adresse mit `https://` oder `http://`, oder ein Pfad dieser Website (`/soest/`)',
  webUrl: 'Adresse mit `https://`, oder ein Pfad dieser Website',
  email: 'E-Mail-Adresse, auch mit `mailto:`',
  phone: 'Telefonnummer mit Vorwahl (ohne Vorwahl nur 110, 112, 115, 116117); Land aus `country` in site.yaml',
  alias: 'Pfad wie `/rathaus/`: Buchstaben, Ziffern, `-` `_` `~`, Punkte nur innerhalb eines Namens',
  ars: 'genau 12 Ziffern',
  leika: 'genau 14 Ziffern',
  time: 'Datum `JJJJ-MM-TT` oder Datum und Uhrzeit `JJJJ-MM-TT HH:MM`, Ortszeit der Website',
};

/** What a reference names. */
const references: Record<string, string> = {
  towns: 'Ordnername eines Ortes unter `towns/`',
  incidents: 'Dateiname (ohne `.md`) einer Störung unter `incidents/`',
};

interface Row {
  field: string;
  required: string;
  allowed: string;
  example: string;
}

const code = (value: string) => `\`${value}\``;
/** A table cell: no line breaks, no column separators. */
const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
/** `name: value` as YAML writes it in a file, shown as code. */
const yamlExample = (name: string, value: string) => code(`${name}: ${/: | #|^[{&*!|>'"%@`]/.test(value) ? JSON.stringify(value) : value}`);

/** The rule a form field has: the one of check's rules whose regular expression it carries. */
function ruleOf(rules: Readonly<Record<RuleName, FieldRule>>, field: CmsField | undefined): RuleName | undefined {
  const pattern: unknown = Array.isArray(field?.pattern) ? field.pattern[0] : undefined;
  return (Object.keys(rules) as RuleName[]).find((name) => rules[name].pattern === pattern);
}

/** "ja", "nein", or "nein (Standard `x`)": what the schema does with a missing field. */
function requiredText(schema: z.ZodObject, name: string): string {
  if (isRequired(schema, name)) return 'ja';
  const missing = schema.shape[name]!.safeParse(undefined);
  const value = missing.success ? missing.data : undefined;
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return 'nein';
  return `nein (Standard ${code(String(value))})`;
}

/** The enum's values, or none when the field is no choice. */
function choices(schema: z.ZodObject, name: string): readonly string[] | undefined {
  try {
    return choicesOf(schema.shape[name]!);
  } catch {
    return undefined;
  }
}

interface Forms {
  rules: Readonly<Record<RuleName, FieldRule>>;
  /** The form fields of each kind, as the web editor has them. */
  fields: Record<Kind, CmsField[]>;
  /** A channel's value field per kind of channel. */
  channelValues: Record<string, CmsField | undefined>;
}

/** What a field may hold, and a value to fall back on as its example. */
interface Allowed {
  words: string;
  fallback?: string;
}

/** What a field may hold: its choices, or its form field's rule. */
function allowedOf(forms: Forms, kind: Kind, schema: z.ZodObject, name: string): Allowed {
  const options = choices(schema, name);
  if (options) return { words: options.map(code).join(', '), fallback: options[0] };
  if (kind === 'channel' && name === 'value') return channelValue(forms);
  const form = forms.fields[kind].find((f) => f.name === name);
  if (!form) throw new Error(`no form field for ${kind}.${name}`);
  return formAllowed(forms, name, form);
}

/** A form field's rule (a list: its items' rule) in words. */
function formAllowed(forms: Forms, name: string, form: CmsField): Allowed {
  if (form.widget === 'boolean') return { words: '`true` oder `false`', fallback: 'true' };
  if (form.widget === 'number') return { words: 'ganze Zahl', fallback: '10' };
  if (form.widget === 'relation') {
    const words = references[String(form.collection)]!;
    return { words: form.multiple ? `Liste; je ein ${words}` : words };
  }
  if (form.widget === 'list' && form.types) return { words: 'Liste von Kontaktwegen (siehe Kontaktweg)' };
  if (form.widget === 'list' && Array.isArray(form.fields)) {
    return { words: `Liste; je ${(form.fields as CmsField[]).map((f) => code(f.name)).join(', ')} (siehe unten)` };
  }
  const itemForm = form.widget === 'list' ? (form.field as CmsField) : form;
  const rule = ruleOf(forms.rules, itemForm);
  if (!rule) throw new Error(`no rule for the field ${name}`);
  const example = forms.rules[rule].examples[0]!;
  return form.widget === 'list' ? { words: `Liste; je ${ruleWords[rule]}`, fallback: `[${example}]` } : { words: ruleWords[rule], fallback: example };
}

/** A channel's value: the rule of each kind of channel. */
function channelValue(forms: Forms): Allowed {
  const byRule = new Map<RuleName, string[]>();
  for (const [kind, form] of Object.entries(forms.channelValues)) {
    const rule = ruleOf(forms.rules, form);
    if (!rule) throw new Error(`no rule for the value of a ${kind} channel`);
    byRule.set(rule, [...(byRule.get(rule) ?? []), kind]);
  }
  const words = [...byRule].map(([rule, kinds]) => `${kinds.map(code).join(', ')}: ${ruleWords[rule]}`).join('; ');
  return { words: `je nach \`channel\` – ${words}`, fallback: forms.rules.phone.examples[0] };
}

/** Values of each field (`town.kind`, `channel.value`) in a content folder, as written; files in name order. */
export type Examples = ReadonlyMap<string, readonly unknown[]>;

/** The list fields whose items are objects of a kind of their own. */
const itemKinds: Record<string, Kind> = { contacts: 'channel', channels: 'channel', tasks: 'task', updates: 'update', links: 'link', planned: 'planned' };

/** Collects the values of every field in a content folder (the example content). */
export function exampleValues(content: string): Examples {
  const values = new Map<string, unknown[]>();
  const add = (kind: Kind, data: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(data)) {
      const items = itemKinds[name];
      if (items && Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') add(items, item as Record<string, unknown>);
      values.set(`${kind}.${name}`, [...(values.get(`${kind}.${name}`) ?? []), value]);
    }
  };
  const files = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
  for (const file of files) {
    const [folder, ...rest] = file.split(path.sep);
    const kind: Kind | undefined = folder === 'towns' ? (rest.at(-1) === 'index.md' ? 'town' : 'service') : folder === 'incidents' ? 'incident' : folder === 'pages' ? 'page' : undefined;
    if (!kind) continue;
    const sourceKind = kind === 'incident' ? 'incident' : kind === 'page' ? 'page' : kind;
    const data = parseSource(sourceKind, file, readFileSync(path.join(content, file)), { slug: path.basename(file, '.md') }).source?.data;
    if (data) add(kind, data);
  }
  return values;
}

/** A value as an example: a short line, or a short list of them; else none. */
function shortExample(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const items = value.slice(0, 2).map(shortExample);
    return items.length > 0 && items.every((i) => i !== undefined && !i.includes(',')) ? `[${items.join(', ')}]` : undefined;
  }
  if (!['string', 'number', 'boolean'].includes(typeof value)) return undefined;
  const text = String(value);
  return text.length <= 40 && !/[\r\n]/.test(text) ? text : undefined;
}

/** The web editor's forms in German for a site in Germany: the fields and their rules. */
function forms(): Forms {
  const config = createCmsConfig({
    editor: { backend: 'github', repo: 'kreis/notfall', branch: 'main', review: false, stampUpdated: false },
    language: 'de',
    title: 'Aushang',
    country: 'DE',
  });
  const of = (collection: string) => config.collections.find((c) => c.name === collection)!.fields;
  const list = (fields: CmsField[], name: string) => fields.find((f) => f.name === name)!;
  const services = of('services');
  const towns = of('towns');
  const channelTypes = list(services, 'channels').types as { name: string; fields: CmsField[] }[];
  return {
    rules: fieldRules('DE'),
    fields: {
      town: towns,
      service: services,
      incident: of('incidents'),
      page: of('pages'),
      channel: channelTypes[0]!.fields,
      task: list(services, 'tasks').fields as CmsField[],
      update: list(services, 'updates').fields as CmsField[],
      link: list(towns, 'links').fields as CmsField[],
      planned: list(towns, 'planned').fields as CmsField[],
    },
    channelValues: Object.fromEntries(channelTypes.map((type) => [type.name, type.fields.find((f) => f.name === 'value')])),
  };
}

/** The rows of one kind: one per field of its schema, in the schema's order. */
export function fieldRows(kind: Kind, examples: Examples, from: Forms = forms()): Row[] {
  const schema = schemas[kind];
  return Object.keys(schema.shape).map((name) => {
    const allowed = allowedOf(from, kind, schema, name);
    const example = (examples.get(`${kind}.${name}`) ?? []).map(shortExample).find((e) => e !== undefined) ?? allowed.fallback;
    return { field: code(name), required: requiredText(schema, name), allowed: allowed.words, example: example === undefined ? '–' : yamlExample(name, example) };
  });
}

/** The whole table, as Markdown: one section per kind; examples from the given content folder. */
export function contentFieldTable(content: string): string {
  const from = forms();
  const examples = exampleValues(content);
  const out: string[] = [];
  for (const { kind, title } of tableKinds) {
    out.push(`**${title}**`, '', '| Feld | Pflicht? | Erlaubt | Beispiel |', '| --- | --- | --- | --- |');
    for (const row of fieldRows(kind, examples, from)) out.push(`| ${[row.field, row.required, row.allowed, row.example].map(cell).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}
