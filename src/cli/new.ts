/**
 * `npm run new -- <town> [<service>] [--name …] [--title …] [--kind …] [--parent …] [--status …] [--summary …] [--incident …]`
 * `npm run new -- stoerungen/<incident> [--title …] [--summary …]`
 * `npm run new -- <town> [<service>] --from <catalogue-id> [--title …] [--status …] [--summary …] [--incident …]`
 *
 * Creates a town (`content/towns/<town>/index.md`), a service of an existing town
 * (`content/towns/<town>/<service>.md`) or an incident (`content/incidents/<incident>.md`,
 * starting now) with every required field, the current time in the
 * site's time zone, a valid status and a short comment above each field, in the site's
 * language. Refuses a name that is not a slug, one the site reserves, one a page already has,
 * and a file that exists; then nothing is written. What it writes passes `check`. A new town
 * gets `status: normal` only because it has no services yet (or the `--status` given); its
 * first service takes an own `normal` out again (content format 1.2, `dropTownNormalStatus`).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { MessageKey } from '../i18n/index.ts';
import { parseSource } from '../model/read.ts';
import { reservedRoutes, reservedServiceSlugs } from '../schema/index.ts';
import { formatContentError, type ContentError } from '../schema/errors.ts';
import {
  checkPlanned,
  CommandError,
  lockContent,
  refuseLinks,
  reportOtherErrors,
  requireSlug,
  runCommand,
  startSession,
  timeToWrite,
  writePlanned,
  type CommandOptions,
  type Session,
} from './change.ts';
import { choiceParams } from './choices.ts';
import { editFile, oneLine, scalarText, type Edit } from './edit.ts';
import { findEntry, loadCatalogue, renderServiceFile } from '../catalogue/index.ts';
import { dropTownNormalStatus, showTownSummary, type TownStatusRemoval } from './town-status.ts';

const options = {
  name: { type: 'string' },
  title: { type: 'string' },
  kind: { type: 'string' },
  parent: { type: 'string' },
  status: { type: 'string' },
  summary: { type: 'string' },
  incident: { type: 'string' },
  // Several ids, repeated or comma-separated: `--from buergerbuero,standesamt`.
  from: { type: 'string', multiple: true },
} as const;

type Values = Partial<Record<keyof typeof options, string>>;

/** `bad-sassendorf` → `Bad Sassendorf`: a first name to correct (umlauts cannot be guessed). */
export function nameFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** The kind a slug suggests: `kreis-soest` is a Kreis, `gemeinde-ense` a Gemeinde, else Stadt. */
function kindFromSlug(slug: string): string {
  if (slug.startsWith('kreis-') || slug.endsWith('kreis')) return 'Kreis';
  if (slug.startsWith('gemeinde-')) return 'Gemeinde';
  return 'Stadt';
}

/** A front matter field with its comment above it. */
function field(session: Session, key: string, value: string | undefined, comment: MessageKey): string[] {
  if (value === undefined) return [];
  return [`# ${session.t(comment, choiceParams(session.language))}`, `${key}: ${scalarText(oneLine(value))}`];
}

function fileText(lines: string[]): string {
  return `---\n${lines.join('\n')}\n---\n`;
}

/**
 * A new town has no services, so it needs a status: the one given with `--status`, else `normal`
 * with a comment on the same line (removed with it) saying that it goes with the first service.
 */
function townStatusLines(session: Session, status: string | undefined): string[] {
  if (status !== undefined) return field(session, 'status', status, 'new.comment.townStatus');
  return [`status: normal   # ${session.t('new.comment.townStatusUntilServices')}`];
}

/** The text of a new town's index.md. */
export function townText(session: Session, slug: string, values: Values, now: string): string {
  return fileText([
    ...field(session, 'name', values.name ?? values.title ?? nameFromSlug(slug), 'new.comment.name'),
    ...field(session, 'kind', values.kind ?? kindFromSlug(slug), 'new.comment.kind'),
    ...field(session, 'parent', values.parent, 'new.comment.parent'),
    ...(values.incident === undefined ? [] : [`# ${session.t('new.comment.incidents')}`, `incidents: [${scalarText(values.incident)}]`]),
    ...field(session, 'updated', now, 'new.comment.updated'),
    ...townStatusLines(session, values.status),
    ...field(session, 'summary', values.summary ?? session.t('new.townSummary'), 'new.comment.summary'),
  ]);
}

/** The text of a new service file. */
export function serviceText(session: Session, slug: string, values: Values, now: string): string {
  const status = values.status ?? 'normal';
  return fileText([
    ...field(session, 'title', values.title ?? values.name ?? nameFromSlug(slug), 'new.comment.title'),
    ...field(session, 'status', status, 'new.comment.status'),
    ...field(session, 'updated', now, 'new.comment.updated'),
    ...field(session, 'summary', values.summary ?? session.t(status === 'normal' ? 'new.serviceSummary' : 'new.serviceSummaryDisrupted'), 'new.comment.summary'),
    ...field(session, 'since', status === 'normal' ? undefined : now, 'new.comment.since'),
    ...field(session, 'incident', values.incident, 'new.comment.incident'),
  ]);
}

/** The text of a new incident: it starts now. */
export function incidentText(session: Session, slug: string, values: Values, now: string): string {
  return fileText([
    ...field(session, 'title', values.title ?? values.name ?? nameFromSlug(slug), 'new.comment.incidentTitle'),
    ...field(session, 'started', now, 'new.comment.started'),
    ...field(session, 'updated', now, 'new.comment.updated'),
    ...field(session, 'summary', values.summary ?? session.t('new.incidentSummary'), 'new.comment.incidentSummary'),
  ]);
}

/**
 * A town with a status of its own other than `normal` shows that status whatever its services
 * say (an own `normal` was taken out, `dropTownNormalStatus`). Say so when it gets a service.
 */
async function hintOwnStatus(session: Session, town: string, townFile: string): Promise<void> {
  const bytes = await readFile(townFile);
  const status = parseSource('town', townFile, bytes, { slug: town }).source?.data.status;
  if (typeof status === 'string') session.out(session.t('new.townHasStatus', { town, status }));
}

/**
 * `--from <id>`: the catalogue's service (title for the town's kind, usual tasks, keywords,
 * example channels), working as usual; `--title`, `--status`, `--summary` and `--incident`
 * change it as they change a new service.
 */
async function catalogueServiceText(session: Session, townFile: string, town: string, given: Values, now: string): Promise<string> {
  const catalogue = loadCatalogue();
  const entry = findEntry(catalogue, given.from!);
  if (!entry) {
    const ids = catalogue.services.map((s) => s.id);
    throw new CommandError('new.unknownEntry', { found: given.from!, allowed: ids.join(', ') });
  }
  const kind = parseSource('town', townFile, await readFile(townFile), { slug: town }).source?.data.kind;
  const text = renderServiceFile(catalogue, entry, { townKind: typeof kind === 'string' ? kind : 'Stadt', updated: now });
  const edits: Edit[] = [];
  if (given.title !== undefined) edits.push({ op: 'set', path: ['title'], value: given.title });
  const disrupted = given.status !== undefined && given.status !== 'normal';
  if (given.status !== undefined) edits.push({ op: 'set', path: ['status'], value: given.status });
  const summary = given.summary ?? (disrupted ? session.t('new.serviceSummaryDisrupted') : undefined);
  if (summary !== undefined) edits.push({ op: 'set', path: ['summary'], value: summary });
  if (disrupted) edits.push({ op: 'set', path: ['since'], value: now, after: ['summary'] });
  if (given.incident !== undefined) edits.push({ op: 'set', path: ['incident'], value: given.incident, after: ['since', 'summary'] });
  return edits.length === 0 ? text : editFile(text, edits);
}

/** Refuses with the same message `check` would give for this file. */
function refuse(session: Session, error: ContentError): never {
  throw new CommandError('new.refused', {}, [formatContentError(error, session.language)]);
}

/** `npm run new -- stoerungen/<slug>`: an incident that starts now. */
async function createIncident(session: Session, slug: string, given: Values): Promise<number> {
  const file = path.join(session.dir, 'incidents', `${slug}.md`);
  requireSlug(session, slug, session.shown(file));
  for (const option of ['kind', 'parent', 'status', 'incident'] as const) {
    if (given[option] !== undefined) throw new CommandError('new.notForIncident', { option: `--${option}` });
  }
  if (existsSync(file)) throw new CommandError('new.exists', { file: session.shown(file), address: `stoerungen/${slug}` });
  return write(session, file, incidentText(session, slug, given, timeToWrite(session, undefined)), 'new.nextIncident', `stoerungen/${slug}`);
}

/** The ids of `--from`, repeated or separated by commas; an empty one is refused. */
function catalogueIds(written: readonly string[] | undefined): string[] | undefined {
  if (written === undefined) return undefined;
  const ids = written.flatMap((value) => value.split(',')).map((id) => id.trim());
  if (ids.some((id) => id === '')) throw new CommandError('update.empty', { option: '--from' });
  return [...new Set(ids)];
}

/**
 * `new werl --from buergerbuero,standesamt`: one service per id, named as in the catalogue,
 * all checked together and written together, or none.
 */
async function createFromCatalogue(session: Session, positionals: readonly string[], ids: readonly string[], given: Values): Promise<number> {
  if (positionals.length !== 1) throw new CommandError('new.fromSeveral', { ids: ids.join(', ') });
  const town = positionals[0]!;
  const townDir = path.join(session.dir, 'towns', town);
  const townFile = path.join(townDir, 'index.md');
  requireSlug(session, town, session.shown(townDir));
  for (const option of ['kind', 'parent'] as const) {
    if (given[option] !== undefined) throw new CommandError('new.townOnly', { option: `--${option}` });
  }
  if (!existsSync(townFile)) throw new CommandError('new.noTown', { town, file: session.shown(townFile) });
  const now = timeToWrite(session, undefined);
  const planned = new Map<string, string>();
  for (const id of ids) {
    const file = path.join(townDir, `${id}.md`);
    requireSlug(session, id, session.shown(file));
    if (existsSync(file)) throw new CommandError('new.exists', { file: session.shown(file), address: `${town}/${id}` });
    await refuseLinks(session, file);
    planned.set(file, await catalogueServiceText(session, townFile, town, { ...given, from: id }, now));
  }
  const created = [...planned.keys()];
  // The town's `status: normal` from `new <town>` goes: its status now follows from its services.
  const townChange = await dropTownNormalStatus(session, town);
  if (townChange) planned.set(townChange.file, townChange.text);
  const otherErrors = await checkPlanned(session, planned, undefined, 'new.refused');
  await writePlanned(session, planned);
  for (const file of created) session.out(session.t('new.created', { file: session.shown(file) }));
  session.out(session.t('new.nextServices', { town }));
  if (townChange) session.out(session.t('new.townStatusRemoved', { file: session.shown(townChange.file) }));
  reportOtherErrors(session, otherErrors);
  if (!townChange) await hintOwnStatus(session, town, townFile);
  return 0;
}

/** Checks the new file (and the town's, when it changes too) like `check` would, then writes it (and its folder). */
async function write(session: Session, file: string, text: string, next: MessageKey, address: string, townChange?: TownStatusRemoval): Promise<number> {
  const planned = new Map([[file, text]]);
  // A folder on the way that is a link would put the new file outside the content folder.
  await refuseLinks(session, file);
  if (townChange) planned.set(townChange.file, townChange.text);
  const otherErrors = await checkPlanned(session, planned, undefined, 'new.refused');
  const created = !existsSync(path.dirname(file));
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writePlanned(session, planned);
  } catch (error) {
    if (created) await rm(path.dirname(file), { recursive: true, force: true });
    throw error;
  }
  session.out(session.t('new.created', { file: session.shown(file) }));
  session.out(session.t(next, { file: session.shown(file), town: address.split('/')[0]!, slug: address.split('/').pop()!, address }));
  if (townChange) session.out(session.t('new.townStatusRemoved', { file: session.shown(townChange.file) }));
  reportOtherErrors(session, otherErrors);
  return 0;
}

export async function runNew(argv: readonly string[], settings: CommandOptions = {}): Promise<number> {
  return runCommand(settings, async (ctx) => {
    const { session, values, positionals } = await startSession(argv, options, settings, ctx, 'new.help');
    if (positionals.length < 1 || positionals.length > 2) throw new CommandError('new.usage');
    const fromIds = catalogueIds(values.from as unknown as string[] | undefined);
    const given = { ...values, from: fromIds?.[0] } as Values;
    // Whether the file exists yet is only true while no other command creates it.
    await lockContent(session, ctx);
    if (fromIds !== undefined && fromIds.length > 1) return createFromCatalogue(session, positionals, fromIds, given);
    // `new werl --from kfz-zulassung`: the service is named as in the catalogue.
    if (given.from !== undefined && positionals.length === 1) positionals.push(given.from);
    const [town, service] = positionals as [string, string | undefined];
    for (const [name, value] of Object.entries(given)) {
      if (typeof value === 'string' && value.trim() === '') throw new CommandError('update.empty', { option: `--${name}` });
    }
    const incident = /^\/?(?:stoerungen|incidents)\/([^/]+?)(?:\.md)?\/?$/.exec(town)?.[1];
    if (incident !== undefined && service === undefined) return createIncident(session, incident, given);
    const townDir = path.join(session.dir, 'towns', town);
    const townFile = path.join(townDir, 'index.md');
    requireSlug(session, town, session.shown(townDir));
    const now = timeToWrite(session, undefined);

    let file: string;
    let text: string;
    if (service === undefined) {
      file = townFile;
      if ((reservedRoutes as readonly string[]).includes(town)) {
        refuse(session, { file: session.shown(file), code: 'reservedTown', params: { found: town, allowed: reservedRoutes.join(', ') } });
      }
      const page = path.join(session.dir, 'pages', `${town}.md`);
      if (existsSync(page)) refuse(session, { file: session.shown(file), code: 'collision', params: { found: town, other: session.shown(page) } });
      if (existsSync(file)) throw new CommandError('new.exists', { file: session.shown(file), address: town });
      text = townText(session, town, given, now);
    } else {
      file = path.join(townDir, `${service}.md`);
      requireSlug(session, service, session.shown(file));
      for (const option of ['kind', 'parent'] as const) {
        if (given[option] !== undefined) throw new CommandError('new.townOnly', { option: `--${option}` });
      }
      if ((reservedServiceSlugs as readonly string[]).includes(service)) {
        refuse(session, { file: session.shown(file), code: 'reservedService', params: { found: service, allowed: reservedServiceSlugs.join(', ') } });
      }
      if (!existsSync(townFile)) throw new CommandError('new.noTown', { town, file: session.shown(townFile) });
      if (existsSync(file)) throw new CommandError('new.exists', { file: session.shown(file), address: `${town}/${service}` });
      text = given.from === undefined ? serviceText(session, service, given, now) : await catalogueServiceText(session, townFile, town, given, now);
    }

    if (service === undefined) return write(session, file, text, 'new.nextTown', town);
    const townChange = await dropTownNormalStatus(session, town);
    const code = await write(session, file, text, 'new.nextService', `${town}/${service}`, townChange);
    if (!townChange) await hintOwnStatus(session, town, townFile);
    if (given.status !== undefined && given.status !== 'normal') await showTownSummary(session, town);
    return code;
  });
}

if (import.meta.main) process.exitCode = await runNew(process.argv.slice(2));
