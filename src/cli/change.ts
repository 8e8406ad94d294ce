/**
 * What the editor commands (`new`, `update`, `resolve`) share: where the content is, the site's
 * language and time zone, which file an address names, the time to write, and the one way a
 * change reaches the disk — checked first with the very reader and rules of `check` (the files
 * as they would be, `LoadOptions.overlay`), then written atomically (temporary file outside
 * `content/`, rename). A change that would add an error is refused and nothing is written.
 * One change at a time: a command holds the content's lock from reading to writing
 * (`lockContent`), and writes only over the version it read (`writePlanned`), so no change is
 * lost to another one made at the same time.
 */
import { existsSync } from 'node:fs';
import { link, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { translator, type Language, type MessageKey, type Translate } from '../i18n/index.ts';
import { loadSite, type LoadResult } from '../model/site.ts';
import { parseSource, shownPath, slugify } from '../model/read.ts';
import { editorTime, isValidTimeZone, parseTime } from '../core/time.ts';
import { urlSettingsFromEnv } from '../model/urls.ts';
import { languageKeys, siteSchema, slugPattern } from '../schema/index.ts';
import { closest, fieldName, formatContentError, foundOf, type ContentError, type FieldPath } from '../schema/errors.ts';
import { choiceParams } from './choices.ts';
import { editFile, EditError, type Edit } from './edit.ts';
import { isRunning } from './process.ts';

export interface CommandOptions {
  /** Working directory: the content folder and the paths shown are relative to it. */
  cwd?: string;
  /** "Now" in milliseconds; the clock by default. */
  now?: number;
  /** Where the command's lines go; the console by default. */
  out?: (line: string) => void;
  /** How long to wait for another command's change to finish (`lockContent`); 75 s by default. */
  lockWaitMs?: number;
}

/** Everything a command needs to know about where and when it runs. */
export interface Session {
  cwd: string;
  now: number;
  out: (line: string) => void;
  /** The content folder, absolute. */
  dir: string;
  language: Language;
  timeZone: string;
  t: Translate;
  /** A path as editors see it (`content/towns/werl/index.md`). */
  shown: (p: string) => string;
  /** The bytes of each file as the command read it (`readForEdit`): the version its change is based on. */
  read: Map<string, Uint8Array>;
  /** How long to wait for another command's change (`lockContent`). */
  lockWaitMs: number;
}

/** A mistake in how a command was called or what it was asked to do: printed, exit code 1. */
export class CommandError extends Error {
  readonly key: MessageKey;
  readonly params: Record<string, string | number>;
  /** Lines printed after the message (e.g. the errors a change would cause). */
  readonly details: string[];
  constructor(key: MessageKey, params: Record<string, string | number> = {}, details: string[] = []) {
    super(key);
    this.key = key;
    this.params = params;
    this.details = details;
  }
}

/** `--help`: the command's usage is printed in the site's language, exit code 0. */
export class HelpShown extends CommandError {}

/** The content folder: `--content`, else AUSHANG_CONTENT, else `content/`. */
export function contentDirectory(option: string | undefined, cwd: string): string {
  return path.resolve(cwd, option ?? process.env.AUSHANG_CONTENT ?? 'content');
}

/** Language and time zone from site.yaml, as far as it can be read; the defaults otherwise. */
export async function siteBasics(dir: string): Promise<{ language: Language; timeZone: string }> {
  const defaults = siteSchema.parse({ title: 'x', operator: 'x' });
  const fallback = { language: defaults.language, timeZone: defaults.timezone };
  const bytes = await readFile(path.join(dir, 'site.yaml')).catch(() => undefined);
  if (!bytes) return fallback;
  const data = parseSource('site', 'site.yaml', bytes, { slug: '' }).source?.data ?? {};
  const language = (languageKeys as readonly unknown[]).includes(data.language) ? (data.language as Language) : fallback.language;
  const timeZone = typeof data.timezone === 'string' && isValidTimeZone(data.timezone.trim()) ? data.timezone.trim() : fallback.timeZone;
  return { language, timeZone };
}

/**
 * Parses a command's arguments (Node's parseArgs, strict) and sets up the session. A mistake
 * in the arguments becomes a message in the site's language.
 */
export async function startSession<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: O,
  settings: CommandOptions,
  ctx: RunContext,
  /** The command's usage, printed for `--help` / `-h`. */
  help?: MessageKey,
): Promise<{ session: Session; values: Record<string, string | boolean | undefined>; positionals: string[] }> {
  const cwd = settings.cwd ?? process.cwd();
  let parsed: { values: Record<string, unknown>; positionals: string[] } | undefined;
  let problem: string | undefined;
  try {
    const helpOption = help ? { help: { type: 'boolean' as const, short: 'h' } } : {};
    parsed = parseArgs({ args: [...argv], options: { ...options, ...helpOption, content: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const dir = contentDirectory(parsed?.values.content as string | undefined, cwd);
  const { language, timeZone } = await siteBasics(dir);
  ctx.language = language;
  const session: Session = {
    cwd,
    now: settings.now ?? Date.now(),
    out: settings.out ?? ((line) => console.log(line)),
    dir,
    language,
    timeZone,
    t: translator(language),
    shown: (p) => shownPath(p, cwd),
    read: new Map(),
    lockWaitMs: settings.lockWaitMs ?? LOCK_WAIT_MS,
  };
  if (!parsed) {
    const option = /'(-[^' ]+)/.exec(problem ?? '')?.[1] ?? '';
    const known = Object.keys(options).map((name) => `--${name}`);
    const missingValue = /argument missing/.test(problem ?? '');
    const suggestion = closest(option.replace(/=.*$/, ''), known);
    throw new CommandError(missingValue ? 'edit.optionValue' : 'edit.option', {
      found: option,
      allowed: [...known, '--content'].join(', '),
      hint: suggestion && !missingValue ? ` (${session.t('hint.didYouMean', { suggestion })})` : '',
    });
  }
  // The option values the help names come from the schema.
  if (help && parsed.values.help) throw new HelpShown(help, choiceParams(language));
  return { session, values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}

/** Filled in as soon as the command knows the site's language, so its errors are in it. */
export interface RunContext {
  language: Language;
  /** Set while the command holds the content's lock (`lockContent`): gives it back. */
  release?: () => Promise<void>;
}

/**
 * Runs a command body: a `CommandError` is printed in the site's language and gives exit
 * code 1; anything else is a bug and is thrown on.
 */
export async function runCommand(settings: CommandOptions, body: (ctx: RunContext) => Promise<number>): Promise<number> {
  const ctx: RunContext = { language: 'de' };
  try {
    return await body(ctx);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    const out = settings.out ?? ((line: string) => console.log(line));
    out(translator(ctx.language)(error.key, error.params));
    for (const line of error.details) out(line);
    return error instanceof HelpShown ? 0 : 1;
  } finally {
    await ctx.release?.();
  }
}

/** A slug for a folder or file name; a bad one is refused with the reader's own message. */
export function requireSlug(session: Session, slug: string, where: string): void {
  if (slugPattern.test(slug)) return;
  const suggestion = slugify(slug);
  const error: ContentError = { file: where, code: 'slug', params: { found: slug }, ...(suggestion ? { hint: { code: 'slugify' as const, params: { suggestion } } } : {}) };
  throw new CommandError('new.refused', {}, [formatContentError(error, session.language)]);
}

/** Applies edits to a file's text; a file that cannot be edited safely is named in the message. */
export function editText(session: Session, file: string, text: string, edits: readonly Edit[]): string {
  try {
    return editFile(text, edits);
  } catch (error) {
    if (error instanceof EditError) throw new CommandError(`edit.cannot.${error.code}`, { file: session.shown(file), field: error.field });
    throw error;
  }
}

export type TargetKind = 'town' | 'service' | 'incident';

export interface Target {
  kind: TargetKind;
  /** Absolute path of the file. */
  file: string;
  slug: string;
  town?: string;
  /** How the commands name it: `werl`, `werl/buergerbuero`, `stoerungen/sit-2023`. */
  address: string;
}

/** Every address of the content, for "did you mean". */
async function addresses(dir: string): Promise<string[]> {
  const list = async (p: string) => (await readdir(p).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
  const out: string[] = [];
  for (const town of await list(path.join(dir, 'towns'))) {
    out.push(town);
    for (const file of await list(path.join(dir, 'towns', town))) if (file.endsWith('.md') && file !== 'index.md') out.push(`${town}/${file.slice(0, -3)}`);
  }
  for (const file of await list(path.join(dir, 'incidents'))) if (file.endsWith('.md')) out.push(`stoerungen/${file.slice(0, -3)}`);
  return out;
}

/**
 * Which file an address names. Accepted: `werl` (a town), `werl/buergerbuero` (a service),
 * `stoerungen/sit-2023` (an incident, as in its web address), the same with slashes around
 * (`/werl/buergerbuero/`, copied from the browser), and the file's path
 * (`content/towns/werl/index.md`, `incidents/sit-2023.md`).
 */
export async function findTarget(session: Session, address: string, only?: TargetKind): Promise<Target> {
  // An absolute path into the content folder is a file; `/werl/` is a path of the website.
  const inside = path.isAbsolute(address) && address.startsWith(session.dir + path.sep);
  const relative = inside ? path.relative(session.dir, address) : address;
  const parts = relative
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)?(content\/)?/, '')
    .replace(/\.md$/, '')
    .split('/')
    .filter(Boolean);
  let target: Omit<Target, 'file'> | undefined;
  if (parts[0] === 'towns') parts.shift();
  if ((parts[0] === 'stoerungen' || parts[0] === 'incidents') && parts.length === 2) {
    target = { kind: 'incident', slug: parts[1]!, address: `stoerungen/${parts[1]}` };
  } else if (parts.length === 1 || (parts.length === 2 && parts[1] === 'index')) {
    target = { kind: 'town', slug: parts[0]!, address: parts[0]! };
  } else if (parts.length === 2) {
    target = { kind: 'service', slug: parts[1]!, town: parts[0]!, address: `${parts[0]}/${parts[1]}` };
  }
  const file =
    target?.kind === 'incident'
      ? path.join(session.dir, 'incidents', `${target.slug}.md`)
      : target?.kind === 'town'
        ? path.join(session.dir, 'towns', target.slug, 'index.md')
        : target
          ? path.join(session.dir, 'towns', target.town!, `${target.slug}.md`)
          : '';
  if (!target || !existsSync(file) || (only && target.kind !== only)) {
    let known = (await addresses(session.dir)).filter((a) => !only || (only === 'incident') === a.startsWith('stoerungen/'));
    // A service of a town that exists: that town's services are the ones worth listing.
    const sameTown = target?.town ? known.filter((a) => a.startsWith(`${target!.town}/`)) : [];
    if (sameTown.length > 0) known = sameTown;
    const wanted = only === 'incident' && target && target.kind !== 'incident' ? `stoerungen/${parts.join('/')}` : (target?.address ?? address);
    const suggestion = closest(wanted, known) ?? closest(address, known);
    throw new CommandError('edit.notFound', {
      found: address,
      allowed: known.length > 6 ? `${known.slice(0, 6).join(', ')}, …` : known.join(', '),
      hint: suggestion ? ` (${session.t('hint.didYouMean', { suggestion })})` : '',
    });
  }
  return { ...target, file };
}

/**
 * The time to write: now in the site's time zone (`2026-12-02 14:05`), or what `--at` says:
 * a date-time as in the files (`2026-12-02 09:30`, with an offset too), a date, or a time of
 * day alone (`9:30`, meaning today in the site's time zone).
 */
export function timeToWrite(session: Session, at: string | undefined): string {
  if (at === undefined) return editorTime(session.now, session.timeZone);
  const written = at.trim();
  const timeOfDay = /^(\d{1,2})[:.](\d{2})$/.exec(written);
  const value = timeOfDay ? `${editorTime(session.now, session.timeZone).slice(0, 10)} ${timeOfDay[1]!.padStart(2, '0')}:${timeOfDay[2]}` : written;
  if (!parseTime(value, session.timeZone)) throw new CommandError('edit.time', { found: at, timeZone: session.timeZone });
  return value;
}

/** The later of two times as written (the one that is there stays when it is later). */
export function laterTime(session: Session, current: unknown, next: string): string {
  const was = typeof current === 'string' ? parseTime(current, session.timeZone) : undefined;
  const now = parseTime(next, session.timeZone)!;
  return was && was.instant > now.instant ? current as string : next;
}

/**
 * Identity of an error apart from its line, which an edit may move, and apart from the list of
 * what is allowed, which a new file may lengthen (`parent: … — vorhanden: …`).
 */
const errorKey = (e: ContentError) => JSON.stringify([e.file, e.field, e.code, foundOf(e)]);

/** The site as it is now (for commands that need the model, e.g. which towns an incident affects). */
export function loadCurrent(session: Session): Promise<LoadResult> {
  return loadSite(session.dir, { urls: urlSettingsFromEnv(), now: session.now, cwd: session.cwd });
}

/**
 * Checks planned files (absolute path → new text) as `check` would see them. Refuses (throws)
 * when they bring an error that is not there now; returns how many errors the content already
 * had, which the change neither caused nor fixed, so the command can say so.
 */
export async function checkPlanned(
  session: Session,
  planned: ReadonlyMap<string, string>,
  before?: LoadResult,
  refusal: MessageKey = 'edit.refused',
): Promise<number> {
  const now = before ?? (await loadCurrent(session));
  const after = await loadSite(session.dir, { urls: urlSettingsFromEnv(), now: session.now, cwd: session.cwd, overlay: planned });
  const existing = new Map<string, number>();
  for (const e of now.ok ? [] : now.errors) existing.set(errorKey(e), (existing.get(errorKey(e)) ?? 0) + 1);
  const added: ContentError[] = [];
  for (const e of after.ok ? [] : after.errors) {
    const count = existing.get(errorKey(e)) ?? 0;
    if (count > 0) existing.set(errorKey(e), count - 1);
    else added.push(e);
  }
  if (added.length > 0) {
    // A line of the planned text would point into a file the editor has not got: name the field.
    const plannedFiles = new Set([...planned.keys()].map(session.shown));
    const shownError = (e: ContentError) => formatContentError(plannedFiles.has(e.file) ? { ...e, line: undefined } : e, session.language);
    throw new CommandError(refusal, {}, added.map(shownError));
  }
  return after.ok ? 0 : after.errors.length;
}

/**
 * Where the commands keep their lock and their temporary files: `.aushang-edit/` beside the
 * content folder (in the site's root), on the content's file system so that a rename can move a
 * finished file into place, and never inside `content/`, so a command killed halfway leaves
 * nothing there that the reader, a commit or the build could pick up.
 */
export async function workFolder(dir: string): Promise<string> {
  const real = await realpath(dir).catch(() => path.resolve(dir));
  return path.join(path.dirname(real), '.aushang-edit');
}

/** How long a command waits for another one's change to finish, by default. */
const LOCK_WAIT_MS = 75_000;
/** A lock this old is taken over, whoever holds it: no change takes a minute. */
const LOCK_STALE_MS = 60_000;

interface LockHolder {
  pid: number;
  host: string;
  since: number;
}


/** The lock file's holder and age; undefined when there is none (any more). */
async function lockHolder(file: string): Promise<{ text: string; holder?: LockHolder; ageMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    let holder: LockHolder | undefined;
    try {
      holder = JSON.parse(text) as LockHolder;
    } catch {
      // Being written this very moment, or cut short: its age decides.
    }
    return { text, holder, ageMs: Date.now() - info.mtimeMs };
  } catch {
    return undefined;
  }
}

/** A lock whose command is gone (same computer, process not running) or that is too old. */
function isStaleLock(lock: { holder?: LockHolder; ageMs: number }): boolean {
  if (lock.ageMs > LOCK_STALE_MS) return true;
  return lock.holder !== undefined && lock.holder.host === os.hostname() && !isRunning(lock.holder.pid);
}

/**
 * Removes a stale lock, unless another command took it over first: the lock is moved aside and
 * only deleted when it is still the one judged stale; a fresh one moved by mistake goes back.
 */
async function takeOverLock(file: string, stale: string): Promise<void> {
  const aside = `${file}.${process.pid}.stale`;
  try {
    await rename(file, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== stale) await link(aside, file).catch(() => undefined);
  await rm(aside, { force: true });
}

/**
 * Takes the content's lock for the rest of the command (given back when it ends, however it
 * ends): changes to the content run one after the other, each reading what the one before
 * wrote. Waits for a command that holds it; takes over the lock of one that was killed
 * (`isStaleLock`). With the lock held, any temporary file in the work folder is a leftover of
 * a killed command and is removed.
 */
export async function lockContent(session: Session, ctx: RunContext): Promise<void> {
  const folder = await workFolder(session.dir);
  const file = path.join(folder, 'lock');
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new CommandError('edit.writeFailed', { file: session.shown(folder), reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: Date.now() } satisfies LockHolder);
  const deadline = Date.now() + session.lockWaitMs;
  for (;;) {
    try {
      await writeFile(file, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new CommandError('edit.writeFailed', { file: session.shown(file), reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    }
    const lock = await lockHolder(file);
    if (!lock) continue;
    if (isStaleLock(lock)) {
      await takeOverLock(file, lock.text);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new CommandError('edit.locked', { pid: lock.holder?.pid ?? '?', seconds: Math.round(lock.ageMs / 1000), lock: session.shown(file), stale: LOCK_STALE_MS / 1000 });
    }
    await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 60));
  }
  ctx.release = async () => {
    ctx.release = undefined;
    // Only our own lock: one taken over from us (we were too slow) is the new holder's.
    if ((await readFile(file, 'utf8').catch(() => undefined)) === mine) await rm(file, { force: true });
  };
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    if (entry.isFile() && entry.name.endsWith('.tmp')) await rm(path.join(folder, entry.name), { force: true }).catch(() => undefined);
  }
}

/**
 * Refuses to change a file that is not plainly a file of the content folder: a symbolic link
 * (in its path below the content folder, or the file itself), a file with more than one name
 * (a hard link: the change would reach the other name too, perhaps outside the site), or
 * something that is no file at all (a FIFO would make the command wait forever). A file or
 * folder that does not exist yet passes: `new` creates it.
 */
export async function refuseLinks(session: Session, file: string): Promise<void> {
  const parts = path.relative(session.dir, file).split(path.sep);
  let current = session.dir;
  for (const [i, part] of parts.entries()) {
    current = path.join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (!info) return;
    if (info.isSymbolicLink()) throw new CommandError('edit.symlink', { file: session.shown(current) });
    if (i < parts.length - 1) continue;
    if (!info.isFile()) throw new CommandError('edit.notFile', { file: session.shown(current) });
    if (info.nlink > 1) throw new CommandError('edit.hardLink', { file: session.shown(current), count: info.nlink });
  }
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) => (a === undefined ? b === undefined : b !== undefined && Buffer.from(a).equals(b));

/**
 * Compare and swap: each planned file must still be what the command read (`session.read`),
 * or still be absent when the command creates it. Another writer (an editor saving the file
 * by hand, a `git pull`) changed it otherwise, and writing would silently undo that change.
 */
async function refuseChangedMeanwhile(session: Session, planned: ReadonlyMap<string, string>): Promise<void> {
  for (const file of planned.keys()) {
    await refuseLinks(session, file);
    const now = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new CommandError('edit.writeFailed', { file: session.shown(file), reason: error.code ?? String(error) });
    });
    if (!sameBytes(session.read.get(file), now)) throw new CommandError('edit.changedMeanwhile', { file: session.shown(file) });
  }
}

/** Where a planned file is written before it is renamed into place. */
async function temporaryFile(session: Session, folder: string, file: string): Promise<string> {
  const [work, target] = await Promise.all([stat(folder), stat(path.dirname(file))]);
  // A content folder on a file system of its own (a mount): rename cannot cross it, so the
  // temporary file goes beside the target, as a dotfile that the reader ignores.
  if (work.dev !== target.dev) return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  return path.join(folder, `${process.pid}.${encodeURIComponent(path.relative(session.dir, file).split(path.sep).join('/'))}.tmp`);
}

/**
 * Writes the planned files: each first to a temporary file in the work folder (`workFolder`),
 * then — when all are written and each file is still the version the change is based on
 * (`refuseChangedMeanwhile`) — renamed over the originals. A failure before the renames
 * leaves every file as it was and removes the temporary files.
 */
export async function writePlanned(session: Session, planned: ReadonlyMap<string, string>): Promise<void> {
  const folder = await workFolder(session.dir);
  const temporary: [string, string][] = [];
  const removeTemporary = () => Promise.all(temporary.map(([written]) => rm(written, { force: true })));
  for (const [file, text] of planned) {
    let temp = '';
    try {
      await mkdir(folder, { recursive: true });
      temp = await temporaryFile(session, folder, file);
      const mode = await stat(file).then((s) => s.mode & 0o777, () => 0o644);
      await writeFile(temp, text, { mode });
      temporary.push([temp, file]);
    } catch (error) {
      await removeTemporary();
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CommandError('edit.writeFailed', { file: session.shown(file), reason });
    }
  }
  try {
    await refuseChangedMeanwhile(session, planned);
  } catch (error) {
    await removeTemporary();
    throw error;
  }
  for (const [temp, file] of temporary) await rename(temp, file);
  for (const [file, text] of planned) session.read.set(file, Buffer.from(text));
}

/** Prints the closing note when the content had errors the change did not cause. */
export function reportOtherErrors(session: Session, count: number): void {
  if (count > 0) session.out(session.t(count === 1 ? 'edit.otherError' : 'edit.otherErrors', { count }));
}

/** One line of what a command changed, for its report. */
export interface Change {
  field: string;
  from?: string;
  to?: string;
}

/** The edits for one file and what they change, in the words of the report. */
export class Plan {
  readonly edits: Edit[] = [];
  readonly changes: Change[] = [];

  set(path: FieldPath, value: string, from: unknown, after?: readonly string[]): void {
    this.edits.push({ op: 'set', path, value, after });
    this.changes.push({ field: fieldName(path), from: from === undefined || from === null ? undefined : String(from), to: value });
  }

  addToList(key: string, value: string, current: readonly unknown[], after: readonly string[]): void {
    this.edits.push({ op: 'addToList', key, value, after });
    this.changes.push({ field: key, from: current.length > 0 ? current.join(', ') : undefined, to: [...current, value].join(', ') });
  }

  remove(key: string, from: unknown): void {
    this.edits.push({ op: 'remove', key });
    this.changes.push({ field: key, from: String(from) });
  }

  entry(at: string, text: string): void {
    this.edits.push({ op: 'addUpdate', at, text });
    this.changes.push({ field: 'updates', to: `${at}: ${text}` });
  }
}

/** A long text cut for the report: the file has it whole. */
function short(text: string): string {
  return text.length > 70 ? `${text.slice(0, 69).trimEnd()}…` : text;
}

/** `Gespeichert: <file>`, then one line per change. */
export function printChanges(session: Session, file: string, changes: readonly Change[], key: MessageKey = 'edit.saved'): void {
  session.out(session.t(key, { file: session.shown(file) }));
  for (const change of changes) {
    const from = change.from === undefined ? '' : short(change.from);
    const to = change.to === undefined ? '' : short(change.to);
    if (change.field === 'updates') session.out(session.t('edit.entry', { text: to }));
    else if (change.to === undefined) session.out(session.t('edit.removed', { field: change.field, from }));
    else if (change.from === undefined) session.out(session.t('edit.added', { field: change.field, to }));
    else session.out(session.t('edit.changed', { field: change.field, from, to }));
  }
}

/**
 * A file's text (which must be UTF-8, as the reader wants it) and its front matter as data.
 * Its bytes are kept: the change is written only over this very version (`writePlanned`).
 */
export async function readForEdit(session: Session, target: Target): Promise<{ text: string; data: Record<string, unknown> }> {
  await refuseLinks(session, target.file);
  const bytes = await readFile(target.file);
  session.read.set(target.file, bytes);
  const parsed = parseSource(target.kind, session.shown(target.file), bytes, { slug: target.slug, town: target.town });
  if (!parsed.source) {
    throw new CommandError('edit.broken', { file: session.shown(target.file) }, parsed.errors.map((e) => formatContentError(e, session.language)));
  }
  // ignoreBOM keeps a byte order mark in the text, so it is written back as it was.
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), data: parsed.source.data };
}
