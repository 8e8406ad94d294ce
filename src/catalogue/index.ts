/**
 * The service catalogue (`services.yaml` next to this file, reviewed data): the usual services
 * of a Stadt, Gemeinde and Kreis with their tasks, keywords and example channels. This module
 * reads and checks it, picks the services for a kind of authority, and writes content files
 * from it: a service (`renderServiceFile`, `writeServiceFile`, used by `init` and
 * `new --from <id>`) and a town's index.md (`renderTownFile`). Every file it writes says
 * "working as usual": status `normal`, and the channels as examples to fill in.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify, parse } from 'yaml';
import { z } from 'zod';
import { channelKinds, slugPattern } from '../schema/index.ts';

export const catalogueKinds = ['Stadt', 'Gemeinde', 'Kreis'] as const;
const kind = z.enum(catalogueKinds);
const text = z.string().trim().min(1);

const exampleChannel = z
  .object({
    channel: z.enum(channelKinds),
    /** What to fill in; the file gets it as a comment where `value:` goes. */
    hint: text.optional(),
    /** A value that is the same everywhere (the emergency number 112). */
    value: z.union([text, z.number()]).optional(),
    note: text.optional(),
  })
  .strict()
  .refine((channel) => (channel.hint === undefined) !== (channel.value === undefined), 'a channel has either a hint (to fill in) or a value');

const entrySchema = z
  .object({
    /** The service's file name (`towns/<town>/<id>.md`). */
    id: z.string().regex(slugPattern),
    title: text,
    /** Other titles by kind: Stadtkasse, Gemeindekasse, Kreiskasse. */
    titles: z.partialRecord(kind, text).optional(),
    /** Where the service is usual. */
    kinds: z.array(kind).min(1),
    order: z.number().int().nonnegative(),
    tasks: z.array(text).min(1),
    keywords: z.array(text).default([]),
    channels: z.array(exampleChannel).default([]),
  })
  .strict();

const catalogueSchema = z
  .object({
    texts: z
      .object({ serviceSummary: text, townSummary: text, channelsComment: text, contactsComment: text })
      .strict(),
    /** Which catalogue kinds a town's `kind` gets, e.g. `Landkreis: [Kreis]`. */
    kinds: z.record(z.string(), z.array(kind).min(1)),
    /** The catalogue kinds of any other `kind` (Markt, Samtgemeinde, Amt). */
    default: z.array(kind).min(1),
    townContacts: z.array(exampleChannel),
    services: z.array(entrySchema).min(1),
  })
  .strict()
  .superRefine((catalogue, context) => {
    const seen = new Set<string>();
    for (const [i, entry] of catalogue.services.entries()) {
      if (seen.has(entry.id)) context.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `the id ${entry.id} appears twice` });
      seen.add(entry.id);
    }
  });

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueEntry = Catalogue['services'][number];
export type CatalogueKind = (typeof catalogueKinds)[number];
export type ExampleChannel = z.infer<typeof exampleChannel>;

export const catalogueFile = path.join(import.meta.dirname, 'services.yaml');

let cached: Catalogue | undefined;

/** Reads and checks the catalogue; a mistake in it is a bug of the package, so it throws. */
export function loadCatalogue(file = catalogueFile): Catalogue {
  if (file === catalogueFile && cached) return cached;
  const parsed = catalogueSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  if (file === catalogueFile) cached = parsed.data;
  return parsed.data;
}

/** The catalogue kinds a town's `kind` (as written in index.md) gets. */
export function kindsOf(catalogue: Catalogue, townKind: string): CatalogueKind[] {
  const key = Object.keys(catalogue.kinds).find((name) => name.toLowerCase() === townKind.trim().toLowerCase());
  return key ? catalogue.kinds[key]! : catalogue.default;
}

/** The services usual for a town of this kind, in catalogue order. */
export function servicesFor(catalogue: Catalogue, townKind: string): CatalogueEntry[] {
  const kinds = kindsOf(catalogue, townKind);
  return catalogue.services.filter((entry) => entry.kinds.some((k) => kinds.includes(k)));
}

export function findEntry(catalogue: Catalogue, id: string): CatalogueEntry | undefined {
  return catalogue.services.find((entry) => entry.id === id);
}

/** The service's title for a town of this kind (Stadtkasse for a Stadt). */
export function entryTitle(entry: CatalogueEntry, kinds: readonly CatalogueKind[]): string {
  for (const k of kinds) {
    const title = entry.titles?.[k];
    if (title) return title;
  }
  return entry.title;
}

/** One YAML scalar or flow list, quoted only where YAML needs it. */
function yamlValue(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

function commentLines(text: string, indent: string): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > 92) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}# ${line}`);
  return lines;
}

/** Values known for some kinds of channel (from `init --towns`): written instead of the example. */
export type ChannelValues = Partial<Record<ExampleChannel['channel'], string>>;

/** A list of channels as YAML lines: fixed values as they are, the rest as examples to fill in. */
function channelLines(key: string, channels: readonly ExampleChannel[], comment: string, known: ChannelValues = {}): string[] {
  if (channels.length === 0) return [];
  const lines = [...commentLines(comment, ''), `${key}:`];
  for (const channel of channels) {
    lines.push(`  - channel: ${channel.channel}`, '    status: normal');
    const value = known[channel.channel] ?? channel.value;
    if (value !== undefined) lines.push(`    value: ${yamlValue(value)}`);
    else if (channel.hint !== undefined) lines.push(`    # value: ${channel.hint}`);
    if (channel.note !== undefined) lines.push(`    note: ${yamlValue(channel.note)}`);
  }
  return lines;
}

export interface ServiceFileOptions {
  /** The town's `kind` as written in its index.md (chooses the title). */
  townKind: string;
  /** `updated:` as editors write it, e.g. `2026-12-02 14:05` (see `editorTime`). */
  updated: string;
}

/** The Markdown file of a service from the catalogue, every task `normal`. */
export function renderServiceFile(catalogue: Catalogue, entry: CatalogueEntry, options: ServiceFileOptions): string {
  const lines = [
    '---',
    `title: ${yamlValue(entryTitle(entry, kindsOf(catalogue, options.townKind)))}`,
    'status: normal',
    `updated: ${options.updated}`,
    `summary: ${yamlValue(catalogue.texts.serviceSummary)}`,
    ...channelLines('channels', entry.channels, catalogue.texts.channelsComment),
    'tasks:',
    ...entry.tasks.flatMap((task) => [`  - title: ${yamlValue(task)}`, '    status: normal']),
    ...(entry.keywords.length > 0 ? [`keywords: ${yamlValue(entry.keywords)}`] : []),
    `order: ${entry.order}`,
    '---',
    '',
  ];
  return lines.join('\n');
}

export interface TownFileOptions {
  name: string;
  kind: string;
  updated: string;
  parent?: string | undefined;
  /** The town's general contacts that are known (phone, email, in-person, web). */
  contacts?: ChannelValues | undefined;
}

/** A town's index.md: working as usual, with the general contacts as examples to fill in. */
export function renderTownFile(catalogue: Catalogue, options: TownFileOptions): string {
  const lines = [
    '---',
    `name: ${yamlValue(options.name)}`,
    `kind: ${yamlValue(options.kind)}`,
    ...(options.parent ? [`parent: ${options.parent}`] : []),
    `updated: ${options.updated}`,
    `summary: ${yamlValue(catalogue.texts.townSummary)}`,
    ...channelLines('contacts', catalogue.townContacts, catalogue.texts.contactsComment, options.contacts),
    '---',
    '',
  ];
  return lines.join('\n');
}

export class FileExistsError extends Error {
  readonly file: string;
  constructor(file: string) {
    super(`${file} exists already; nothing was overwritten.`);
    this.file = file;
  }
}

/** Writes a content file that must not exist yet (`wx`); returns its path. */
export async function writeNewFile(file: string, text: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(file);
    throw error;
  }
  return file;
}

/**
 * Writes `<townDir>/<slug>.md` for a catalogue entry (slug defaults to the entry's id); refuses
 * to overwrite. `new <town> <service> --from <id>` is this with the town's folder and kind.
 */
export function writeServiceFile(
  catalogue: Catalogue,
  townDir: string,
  entry: CatalogueEntry,
  options: ServiceFileOptions & { slug?: string },
): Promise<string> {
  return writeNewFile(path.join(townDir, `${options.slug ?? entry.id}.md`), renderServiceFile(catalogue, entry, options));
}
