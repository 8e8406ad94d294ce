/**
 * `npm run update -- <address> [--status KEY] [--channel KIND] [--incident SLUG] [--summary TEXT] [--note TEXT] [--at TIME]`
 *
 * Changes a town (`werl`), a service (`werl/buergerbuero`) or an incident
 * (`stoerungen/sit-2023`): `--status` sets the status (with `--channel phone`, the status of
 * that way of contact instead; `--status auto` removes a town's own status, so it follows from
 * its services), `--incident` names an incident that now affects it (a town's
 * `incidents` list grows, a service's `incident` is set), `--summary` sets the summary, and every update adds an entry to
 * `updates` whose text is `--note` (else the new summary, else a sentence naming the new
 * status) and moves `updated` to its time: now in the site's time zone, or `--at`. A service
 * that becomes `normal` loses `since` and `expected`; one that stops being normal gets `since`.
 * Everything else in the file stays as it was written. The change is checked like `check`
 * would check it and refused when it adds an error; the file is then left untouched.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseSource } from '../model/read.ts';
import { channelKinds, statusKeys, type ChannelKind, type StatusKey } from '../schema/index.ts';
import {
  checkPlanned,
  CommandError,
  editText,
  findTarget,
  laterTime,
  lockContent,
  Plan,
  printChanges,
  readForEdit,
  reportOtherErrors,
  runCommand,
  startSession,
  timeToWrite,
  writePlanned,
  type CommandOptions,
  type Session,
  type Target,
} from './change.ts';
import { oneLine } from './edit.ts';
import { dropTownNormalStatus, showTownSummary } from './town-status.ts';

const options = {
  status: { type: 'string' },
  channel: { type: 'string' },
  incident: { type: 'string' },
  summary: { type: 'string' },
  note: { type: 'string' },
  at: { type: 'string' },
} as const;

export interface UpdateRequest {
  status?: string;
  channel?: string;
  /** An incident that now affects the town (added to `incidents`) or the service (`incident`). */
  incident?: string;
  /** The incident's title, for the entry's text. */
  incidentTitle?: string;
  summary?: string;
  note?: string;
  /** The time to write, as `timeToWrite` gives it. */
  at: string;
}

const isStatusKey = (key: string): key is StatusKey => (statusKeys as readonly string[]).includes(key);
const isChannelKind = (key: string): key is ChannelKind => (channelKinds as readonly string[]).includes(key);

/** A status key's label, or the key itself when it is not one (the check then refuses it). */
function statusLabel(session: Session, key: string): string {
  return isStatusKey(key) ? session.t(`status.${key}`) : key;
}

/** A channel's label, or the word itself when it is not a channel (the check then refuses it). */
function channelLabel(session: Session, key: string): string {
  return isChannelKind(key) ? session.t(`channel.${key}`) : key;
}

/** The edits an update makes to one file. */
export function planUpdate(session: Session, target: Target, data: Record<string, unknown>, request: UpdateRequest): Plan {
  const plan = new Plan();
  const { status, channel, at } = request;
  const summary = request.summary === undefined ? undefined : oneLine(request.summary);
  let entry = request.note === undefined ? summary : oneLine(request.note);
  if (status !== undefined && channel !== undefined) {
    const field = target.kind === 'town' ? 'contacts' : 'channels';
    const list = Array.isArray(data[field]) ? (data[field] as Record<string, unknown>[]) : [];
    const matches = list.flatMap((c, i) => (c && c.channel === channel ? [i] : []));
    if (matches.length === 0) {
      const present = [...new Set(list.map((c) => String(c?.channel)))].join(', ');
      throw new CommandError('update.noChannel', { file: session.shown(target.file), field, found: channel, allowed: present || '—' });
    }
    for (const i of matches) plan.set([field, i, 'status'], status, list[i]!.status);
    const kind = channelLabel(session, channel);
    entry ??= session.t('update.channelText', { channel: kind, status: statusLabel(session, status) });
  } else if (status === 'auto' && target.kind === 'town') {
    // The town's own status goes; it follows from its services again.
    if (data.status !== undefined) plan.remove('status', data.status);
    entry ??= session.t('update.statusAuto');
  } else if (status !== undefined) {
    plan.set(['status'], status, data.status, ['name', 'kind', 'parent', 'incidents', 'updated']);
    entry ??= session.t('update.statusText', { status: statusLabel(session, status) });
    if (target.kind === 'service') {
      // "Disrupted since" and "change expected" end when the service is back to normal.
      if (status === 'normal') {
        for (const key of ['since', 'expected']) if (data[key] !== undefined) plan.remove(key, data[key]);
      } else if (data.status === 'normal' && data.since === undefined) {
        plan.set(['since'], at, undefined, ['summary']);
      }
    }
  }
  if (request.incident !== undefined) {
    if (target.kind === 'town') {
      const listed = Array.isArray(data.incidents) ? data.incidents : data.incidents === undefined ? [] : [data.incidents];
      if (!listed.includes(request.incident)) plan.addToList('incidents', request.incident, listed, ['name', 'kind', 'parent']);
    } else if (data.incident !== request.incident) {
      plan.set(['incident'], request.incident, data.incident, ['summary', 'since', 'expected']);
    }
    entry ??= session.t('update.incidentText', { incident: request.incidentTitle ?? request.incident });
  }
  if (summary !== undefined) plan.set(['summary'], summary, data.summary);
  const updated = laterTime(session, data.updated, at);
  if (updated !== data.updated) plan.set(['updated'], updated, data.updated, ['started', 'incidents', 'kind', 'title']);
  plan.entry(at, entry!);
  return plan;
}

/** An incident's title as written, when it exists (else the check refuses the slug). */
async function incidentTitleOf(session: Session, slug: string): Promise<string | undefined> {
  const file = path.join(session.dir, 'incidents', `${slug}.md`);
  const bytes = await readFile(file).catch(() => undefined);
  const title = bytes && parseSource('incident', file, bytes, { slug }).source?.data.title;
  return typeof title === 'string' ? title : undefined;
}

/**
 * A new status with the old summary: "Bürgerbüro – Nicht möglich" over "Arbeitet wie gewohnt."
 * (found trying it on a site from `init`). The status is saved; the editor is told to look at
 * the summary, which only a person can rewrite.
 */
function summaryHint(session: Session, data: Record<string, unknown>, request: { status?: string | undefined; channel?: string | undefined; summary?: string | undefined }): void {
  if (request.status === undefined || request.status === 'auto' || request.channel !== undefined || request.summary !== undefined) return;
  if (request.status === data.status || typeof data.summary !== 'string') return;
  session.out(session.t('update.summaryUnchanged', { summary: oneLine(data.summary) }));
}

/**
 * A service that stops or starts being normal: the town's summary may name it ("Bürgerbüro und
 * Standesamt sind eingeschränkt"). The editor is shown the town's summary to revisit.
 */
async function townSummaryHint(session: Session, target: Target, data: Record<string, unknown>, request: { status?: string | undefined; channel?: string | undefined }): Promise<void> {
  if (target.kind !== 'service' || request.status === undefined || request.channel !== undefined) return;
  if ((data.status === 'normal') === (request.status === 'normal')) return;
  await showTownSummary(session, target.town!);
}

export async function runUpdate(argv: readonly string[], settings: CommandOptions = {}): Promise<number> {
  return runCommand(settings, async (ctx) => {
    const { session, values, positionals } = await startSession(argv, options, settings, ctx);
    if (positionals.length !== 1) throw new CommandError('update.usage');
    const target = await findTarget(session, positionals[0]!);
    const request = {
      status: values.status as string | undefined,
      channel: values.channel as string | undefined,
      incident: values.incident as string | undefined,
      summary: values.summary as string | undefined,
      note: values.note as string | undefined,
    };
    if (request.channel !== undefined && request.status === undefined) throw new CommandError('update.channelWithoutStatus');
    if (request.status === undefined && request.summary === undefined && request.note === undefined && request.incident === undefined) {
      throw new CommandError('update.nothing', { address: target.address });
    }
    if (target.kind === 'incident' && (request.status !== undefined || request.channel !== undefined || request.incident !== undefined)) {
      throw new CommandError('update.incidentStatus', { address: target.address });
    }
    for (const [name, value] of Object.entries(request)) {
      if (value !== undefined && value.trim() === '') throw new CommandError('update.empty', { option: `--${name}` });
    }
    const at = timeToWrite(session, values.at as string | undefined);
    // From reading to writing, no other command changes the content: one made at the same
    // time waits, then reads what this one wrote.
    await lockContent(session, ctx);
    const { text, data } = await readForEdit(session, target);
    const incidentTitle = request.incident === undefined ? undefined : await incidentTitleOf(session, request.incident);
    const plan = planUpdate(session, target, data, { ...request, incidentTitle, at });
    const planned = new Map([[target.file, editText(session, target.file, text, plan.edits)]]);
    // A service that stops being normal under a town with `status: normal`: the line goes (content format 1.2).
    const disrupts = target.kind === 'service' && request.channel === undefined && request.status !== undefined && request.status !== 'normal';
    const townChange = disrupts ? await dropTownNormalStatus(session, target.town!) : undefined;
    if (townChange) planned.set(townChange.file, townChange.text);
    const otherErrors = await checkPlanned(session, planned);
    await writePlanned(session, planned);
    printChanges(session, target.file, plan.changes);
    if (townChange) printChanges(session, townChange.file, townChange.plan.changes);
    summaryHint(session, data, request);
    await townSummaryHint(session, target, data, request);
    reportOtherErrors(session, otherErrors);
    return 0;
  });
}

if (import.meta.main) process.exitCode = await runUpdate(process.argv.slice(2));
