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
import { parseSource, slugify } from '../model/read.ts';
import { closest } from '../schema/errors.ts';
import { statusKeys } from '../schema/index.ts';
import type { MessageKey } from '../i18n/index.ts';
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
  // A task of a service (its title, or its number from 1) and a channel's value and hours.
  task: { type: 'string' },
  value: { type: 'string' },
  hours: { type: 'string' },
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
  /** A task of the service, by title or number: `--status` and `--note` are then the task's. */
  task?: string | undefined;
  /** With `channel`: the way of contact's number or address, and its hours. */
  value?: string | undefined;
  hours?: string | undefined;
  /** The time to write, as `timeToWrite` gives it. */
  at: string;
}

/** A status key's label, or the key itself when it is not one (the check then refuses it). */
function statusLabel(session: Session, key: string): string {
  return (statusKeys as readonly string[]).includes(key) ? session.t(`status.${key}` as MessageKey) : key;
}

/** The edits an update makes to one file. */
export function planUpdate(session: Session, target: Target, data: Record<string, unknown>, request: UpdateRequest): Plan {
  const plan = new Plan();
  const { status, channel, at } = request;
  const summary = request.summary === undefined ? undefined : oneLine(request.summary);
  let entry = request.note === undefined ? summary : oneLine(request.note);
  if (request.task !== undefined) {
    entry = planTask(session, target, data, request, plan, summary);
  } else if (channel !== undefined && (request.value !== undefined || request.hours !== undefined)) {
    entry = planChannelDetails(session, target, data, { ...request, channel }, plan, entry);
  } else if (status !== undefined && channel !== undefined) {
    const field = target.kind === 'town' ? 'contacts' : 'channels';
    const list = Array.isArray(data[field]) ? (data[field] as Record<string, unknown>[]) : [];
    const matches = list.flatMap((c, i) => (c && c.channel === channel ? [i] : []));
    if (matches.length === 0) {
      const present = [...new Set(list.map((c) => String(c?.channel)))].join(', ');
      throw new CommandError('update.noChannel', { file: session.shown(target.file), field, found: channel, allowed: present || '—' });
    }
    for (const i of matches) plan.set([field, i, 'status'], status, list[i]!.status);
    const kind = session.t(`channel.${channel}` as MessageKey);
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
  // A number or hours filled in is no news: `updated` moves, no entry is added.
  if (entry !== undefined) plan.entry(at, entry);
  return plan;
}

/** Which task `--task` names: its title (case and spaces aside, or as a slug), or its number from 1. */
export function findTask(session: Session, target: Target, tasks: readonly unknown[], wanted: string): number {
  const titles = tasks.map((task) => String((task as Record<string, unknown> | null)?.title ?? ''));
  const norm = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  const exact = titles.indexOf(wanted.trim());
  if (exact >= 0) return exact;
  const loose = titles.findIndex((title) => norm(title) === norm(wanted) || slugify(title) === slugify(wanted));
  if (loose >= 0) return loose;
  if (/^\d+$/.test(wanted.trim())) {
    const number = Number(wanted.trim());
    if (number >= 1 && number <= tasks.length) return number - 1;
  }
  const suggestion = closest(wanted, titles);
  throw new CommandError('update.noTask', {
    file: session.shown(target.file),
    found: wanted,
    allowed: titles.length > 0 ? titles.map((title, i) => `${i + 1}. ${title}`).join('; ') : '—',
    hint: suggestion ? ` (${session.t('hint.didYouMean', { suggestion })})` : '',
  });
}

/**
 * `--task "<title>" --status … --note …`: the task's status and note (the service's own status
 * stays). The entry says which task changed, with the note.
 */
export function planTask(session: Session, target: Target, data: Record<string, unknown>, request: UpdateRequest, plan: Plan, summary: string | undefined): string {
  const tasks = Array.isArray(data.tasks) ? (data.tasks as Record<string, unknown>[]) : [];
  const i = findTask(session, target, tasks, request.task!);
  const task = tasks[i] ?? {};
  if (request.status !== undefined) plan.set(['tasks', i, 'status'], request.status, task.status);
  const note = request.note === undefined ? undefined : oneLine(request.note);
  if (note !== undefined) plan.set(['tasks', i, 'note'], note, task.note, ['status']);
  if (summary !== undefined) return summary;
  const status = statusLabel(session, String(request.status ?? task.status));
  return `${session.t('update.taskText', { task: oneLine(String(task.title)), status })}${note === undefined ? '' : ` ${note}`}`;
}

/**
 * `--channel <kind> --value … --hours …` (with `--status` too): the number or address and the
 * hours of that way of contact. When the file has it twice, the value would be ambiguous: refused.
 */
export function planChannelDetails(
  session: Session,
  target: Target,
  data: Record<string, unknown>,
  request: UpdateRequest & { channel: string },
  plan: Plan,
  entry: string | undefined,
): string | undefined {
  const field = target.kind === 'town' ? 'contacts' : 'channels';
  const list = Array.isArray(data[field]) ? (data[field] as Record<string, unknown>[]) : [];
  const matches = list.flatMap((c, i) => (c && c.channel === request.channel ? [i] : []));
  if (matches.length === 0) {
    const present = [...new Set(list.map((c) => String(c?.channel)))].join(', ');
    throw new CommandError('update.noChannel', { file: session.shown(target.file), field, found: request.channel, allowed: present || '—' });
  }
  if (matches.length > 1) throw new CommandError('update.channelTwice', { file: session.shown(target.file), field, found: request.channel, count: matches.length });
  const i = matches[0]!;
  const channel = list[i]!;
  if (request.status !== undefined) plan.set([field, i, 'status'], request.status, channel.status);
  if (request.value !== undefined) plan.set([field, i, 'value'], oneLine(request.value), channel.value, ['status']);
  if (request.hours !== undefined) plan.set([field, i, 'hours'], oneLine(request.hours), channel.hours, ['status', 'value']);
  if (entry !== undefined || request.status === undefined) return entry;
  return session.t('update.channelText', { channel: session.t(`channel.${request.channel}` as MessageKey), status: statusLabel(session, request.status) });
}

/** `--task` is for a service's tasks, alone; `--value` and `--hours` need `--channel`. */
function checkDetailOptions(target: Target, request: { task?: string | undefined; channel?: string | undefined; value?: string | undefined; hours?: string | undefined; status?: string | undefined; note?: string | undefined }): void {
  if ((request.value !== undefined || request.hours !== undefined) && request.channel === undefined) {
    throw new CommandError('update.valueWithoutChannel', { option: request.value !== undefined ? '--value' : '--hours' });
  }
  if (request.task === undefined) return;
  if (target.kind !== 'service') throw new CommandError('update.taskNotService', { address: target.address });
  if (request.channel !== undefined) throw new CommandError('update.taskAndChannel');
  if (request.status === undefined && request.note === undefined) throw new CommandError('update.taskNothing', { address: target.address, task: request.task });
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
    const { session, values, positionals } = await startSession(argv, options, settings, ctx, 'update.help');
    if (positionals.length !== 1) throw new CommandError('update.usage');
    const target = await findTarget(session, positionals[0]!);
    const request = {
      status: values.status as string | undefined,
      channel: values.channel as string | undefined,
      incident: values.incident as string | undefined,
      summary: values.summary as string | undefined,
      note: values.note as string | undefined,
      task: values.task as string | undefined,
      value: values.value as string | undefined,
      hours: values.hours as string | undefined,
    };
    checkDetailOptions(target, request);
    if (request.channel !== undefined && request.status === undefined && request.value === undefined && request.hours === undefined) throw new CommandError('update.channelWithoutStatus');
    if (request.status === undefined && request.summary === undefined && request.note === undefined && request.incident === undefined && request.value === undefined && request.hours === undefined) {
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
    if (request.task === undefined) summaryHint(session, data, request);
    await townSummaryHint(session, target, data, request);
    reportOtherErrors(session, otherErrors);
    return 0;
  });
}

if (import.meta.main) process.exitCode = await runUpdate(process.argv.slice(2));
