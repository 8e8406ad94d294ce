/**
 * `npm run resolve -- <incident> [--at TIME] [--summary TEXT] [--note TEXT] [--services normal]`
 *
 * The all-clear. Sets the incident's `resolved` (now in the site's time zone, or `--at`), adds
 * an entry to its `updates` (`--note`, else a standard sentence) and moves `updated`;
 * `--summary` replaces its summary. With `--services normal`, every town the incident affects
 * (as the model derives it: towns that name it in `incidents`, or whose services name it) is
 * set back to normal: each service that is not entirely normal gets `status: normal`, its tasks
 * and channels too, a summary saying it works as usual, no `since`/`expected`, and an update
 * entry. A town's contacts go back to normal and an own status other than `normal` goes (it
 * follows from the services; a town without services gets `normal`); its summary is replaced
 * when the town is back to normal as a whole. Services that name another incident are left
 * alone. The summaries left as they were that may still speak of the incident are listed
 * (`printRevisit`). All or nothing: every file is checked first, then all are written.
 */
import path from 'node:path';
import type { Incident, Service, Town } from '../model/types.ts';
import { isServiceDisrupted } from '../model/derive.ts';
import { formatContentError } from '../schema/errors.ts';
import {
  checkPlanned,
  CommandError,
  editText,
  findTarget,
  laterTime,
  loadCurrent,
  lockContent,
  Plan,
  printChanges,
  readForEdit,
  runCommand,
  startSession,
  timeToWrite,
  writePlanned,
  type CommandOptions,
  type Session,
  type Target,
} from './change.ts';
import { oneLine } from './edit.ts';

const options = {
  at: { type: 'string' },
  summary: { type: 'string' },
  note: { type: 'string' },
  services: { type: 'string' },
} as const;

interface Planned {
  target: Target;
  plan: Plan;
  text: string;
}

/** Sets every non-normal status in a list of channels or tasks back to normal. */
function normalizeList(plan: Plan, field: string, list: unknown): void {
  if (!Array.isArray(list)) {
    // One entry written without a list (`channels: {channel: phone, status: limited}`).
    const status = (list as { status?: unknown } | undefined)?.status;
    if (status !== undefined && status !== 'normal') plan.set([field, 'status'], 'normal', status);
    return;
  }
  list.forEach((item: unknown, i) => {
    const status = (item as { status?: unknown } | null)?.status;
    if (status !== undefined && status !== 'normal') plan.set([field, i, 'status'], 'normal', status);
  });
}

/** What the all-clear changes in a service file; an empty plan when it is already normal. */
function planServiceNormal(session: Session, data: Record<string, unknown>, at: string, incident: Incident): Plan {
  const plan = new Plan();
  if (data.status !== undefined && data.status !== 'normal') plan.set(['status'], 'normal', data.status);
  normalizeList(plan, 'tasks', data.tasks);
  normalizeList(plan, 'channels', data.channels);
  if (plan.edits.length === 0) return plan;
  for (const key of ['since', 'expected']) if (data[key] !== undefined) plan.remove(key, data[key]);
  plan.set(['summary'], session.t('resolve.serviceSummary'), data.summary);
  closePlan(session, plan, data, at, incident);
  return plan;
}

/** `updated` moves to the all-clear's time, and an entry says why. */
function closePlan(session: Session, plan: Plan, data: Record<string, unknown>, at: string, incident: Incident): void {
  const updated = laterTime(session, data.updated, at);
  if (updated !== data.updated) plan.set(['updated'], updated, data.updated);
  plan.entry(at, session.t('resolve.normalNote', { incident: incident.title }));
}

/**
 * What the all-clear changes in a town file. Its contacts go back to normal. An own status other
 * than `normal` goes (content format 1.2: with services, the status follows from them; without,
 * it becomes `normal`). The summary is replaced only when the town is back to normal as a whole
 * (`whole`: nothing of any service left disrupted, also by another incident) and something of it
 * changed (`servicesChanged`: one of its services was set back); otherwise it is left for the
 * editor, and listed.
 */
function planTownNormal(session: Session, data: Record<string, unknown>, town: Town, whole: boolean, servicesChanged: boolean, at: string, incident: Incident): Plan {
  const plan = new Plan();
  if (data.status !== undefined && data.status !== 'normal') {
    if (town.services.length > 0) plan.remove('status', data.status);
    else plan.set(['status'], 'normal', data.status);
  }
  normalizeList(plan, 'contacts', data.contacts);
  if (plan.edits.length === 0 && !servicesChanged) return plan;
  if (whole) plan.set(['summary'], session.t('resolve.townSummary'), data.summary);
  if (plan.edits.length === 0) return plan;
  closePlan(session, plan, data, at, incident);
  return plan;
}

/** A summary the all-clear left as it was, which may still speak of the incident. */
interface Revisit {
  address: string;
  summary: string;
}

/**
 * Lists the summaries to revisit: every affected town's whose summary was not replaced (it is
 * still disrupted by something else, or nothing in it changed), and every service's that names
 * the incident and was normal already. Only a person can tell whether they still speak of it.
 */
function printRevisit(session: Session, revisit: readonly Revisit[]): void {
  if (revisit.length === 0) return;
  session.out(session.t('resolve.revisit'));
  for (const { address, summary } of revisit) session.out(session.t('resolve.revisitLine', { address, summary: oneLine(summary) }));
}

/** The towns and services the all-clear sets back to normal. */
function affected(site: { town(slug: string): Town | undefined }, incident: Incident): { town: Town; services: Service[] }[] {
  return incident.towns.flatMap((slug) => {
    const town = site.town(slug);
    if (!town) return [];
    return [{ town, services: town.services.filter((s) => s.incident === undefined || s.incident === incident.slug) }];
  });
}

/** The options' values as the command needs them, or the error that names the wrong one. */
function checkOptions(values: Record<string, unknown>, positionals: readonly string[]): void {
  if (positionals.length !== 1) throw new CommandError('resolve.usage');
  if (values.services !== undefined && values.services !== 'normal') throw new CommandError('resolve.servicesValue', { found: String(values.services) });
  for (const name of ['summary', 'note'] as const) {
    if (typeof values[name] === 'string' && (values[name] as string).trim() === '') throw new CommandError('update.empty', { option: `--${name}` });
  }
}

/** The incident's own all-clear: `resolved`, maybe a summary, `updated` and an entry. */
function planIncident(session: Session, data: Record<string, unknown>, at: string, values: Record<string, unknown>): Plan {
  const plan = new Plan();
  plan.set(['resolved'], at, undefined, ['started']);
  if (typeof values.summary === 'string') plan.set(['summary'], oneLine(values.summary), data.summary);
  const updated = laterTime(session, data.updated, at);
  if (updated !== data.updated) plan.set(['updated'], updated, data.updated, ['started']);
  plan.entry(at, typeof values.note === 'string' ? oneLine(values.note) : session.t('resolve.note'));
  return plan;
}

/** `--services normal` for one town: its services back to normal, then the town itself. */
async function planTownBack(session: Session, town: Town, services: Service[], at: string, incident: Incident, revisit: Revisit[]): Promise<Planned[]> {
  const townTarget: Target = { kind: 'town', slug: town.slug, file: path.resolve(session.cwd, town.file), address: town.slug };
  const servicePlans: Planned[] = [];
  for (const s of services) {
    const target: Target = { kind: 'service', slug: s.slug, town: town.slug, file: path.resolve(session.cwd, s.file), address: `${town.slug}/${s.slug}` };
    const read = await readForEdit(session, target);
    const plan = planServiceNormal(session, read.data, at, incident);
    if (plan.edits.length > 0) servicePlans.push({ target, plan, text: read.text });
    else if (s.incident === incident.slug) {
      revisit.push({ address: target.address, summary: s.summary.markdown });
    }
  }
  // Back to normal as a whole: every service it keeps (another incident's) is not disrupted.
  const whole = town.services.every((s) => services.includes(s) || !isServiceDisrupted(s));
  const read = await readForEdit(session, townTarget);
  const plan = planTownNormal(session, read.data, town, whole, servicePlans.length > 0, at, incident);
  if (!plan.changes.some((c) => c.field === 'summary')) revisit.push({ address: town.slug, summary: town.summary.markdown });
  return [...(plan.edits.length > 0 ? [{ target: townTarget, plan, text: read.text }] : []), ...servicePlans];
}

export async function runResolve(argv: readonly string[], settings: CommandOptions = {}): Promise<number> {
  return runCommand(settings, async (ctx) => {
    const { session, values, positionals } = await startSession(argv, options, settings, ctx, 'resolve.help');
    checkOptions(values, positionals);
    const target = await findTarget(session, positionals[0]!.replace(/^(?!stoerungen\/|incidents\/|\/|content\/)/, 'stoerungen/'), 'incident');
    const at = timeToWrite(session, values.at as string | undefined);
    await lockContent(session, ctx);
    // Which towns the incident affects is the model's to say: the content must be valid.
    const before = await loadCurrent(session);
    if (!before.ok) throw new CommandError('resolve.fixFirst', {}, before.errors.map((e) => formatContentError(e, session.language)));
    const incident = before.site.incident(target.slug)!;

    const plans: Planned[] = [];
    const { text, data } = await readForEdit(session, target);
    if (incident.resolved) {
      session.out(session.t('resolve.already', { address: target.address, time: String(data.resolved) }));
      if (values.services === undefined) return 0;
    } else {
      plans.push({ target, plan: planIncident(session, data, at, values), text });
    }
    const revisit: Revisit[] = [];
    if (values.services === 'normal') {
      for (const { town, services } of affected(before.site, incident)) plans.push(...(await planTownBack(session, town, services, at, incident, revisit)));
    }
    if (plans.length === 0) {
      session.out(session.t('resolve.nothing'));
      printRevisit(session, revisit);
      return 0;
    }
    const planned = new Map(plans.map((p) => [p.target.file, editText(session, p.target.file, p.text, p.plan.edits)]));
    await checkPlanned(session, planned, before);
    await writePlanned(session, planned);
    for (const p of plans) printChanges(session, p.target.file, p.plan.changes);
    session.out(plans.length === 1 ? session.t('resolve.doneOne') : session.t('resolve.done', { count: plans.length }));
    printRevisit(session, revisit);
    return 0;
  });
}

if (import.meta.main) process.exitCode = await runResolve(process.argv.slice(2));
