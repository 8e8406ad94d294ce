/**
 * One mistake does not block every town (`aushang build --keep-last-good`). When check finds
 * errors, each file with an error is published in its newest committed version with which the
 * whole site checks clean; a file that never had one (a new file saved broken) is left out. The
 * other files go out as they are. Citizens never see an unchecked file, and the errors are still
 * reported: printed by the build, and in `aushang-build.json` for the web editor
 * (`src/hosting/build-info.ts`), which shows the clerk what was not published and why.
 *
 * Works on a copy of the content folder; needs the content's Git history (in CI: a checkout with
 * history, e.g. `fetch-depth: 0`). Without Git, or when no combination of earlier versions checks
 * clean within a few rounds, the build fails as without the option.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ContentError } from '../schema/errors.ts';
import { loadSite, type LoadOptions, type LoadResult } from '../model/site.ts';

/** How many earlier versions of one file are tried, newest first. */
const VERSIONS_PER_FILE = 20;
/** How many times the site is checked again (files broken only by a replaced file join in). */
const ROUNDS = 8;

/** A file that was not published as it is in the repository. */
export interface HeldBack {
  /** Relative to the content folder, with `/`. */
  file: string;
  /** The commit whose version of the file was published instead; absent when it was left out. */
  publishedFrom?: string;
  /** check's errors for the file as it is in the repository. */
  errors: ContentError[];
}

export interface LastGood {
  /** The content folder to build: the copy with the held-back files replaced or removed. */
  dir: string;
  result: Extract<LoadResult, { ok: true }>;
  heldBack: HeldBack[];
  /** Removes the copy. */
  dispose(): void;
}

/** The file of an error, relative to the content folder (errors name files relative to `cwd`). */
export function relativeFile(contentDir: string, file: string, cwd: string = process.cwd()): string {
  return path.relative(contentDir, path.resolve(cwd, file)).split(path.sep).join('/');
}

function git(contentDir: string, args: string[]): string {
  return execFileSync('git', ['-C', contentDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}

/** Commits that changed the file, newest first (`--follow`-less: a renamed file starts anew). */
export function versionsOf(contentDir: string, file: string): string[] {
  try {
    return git(contentDir, ['log', `-n${VERSIONS_PER_FILE}`, '--format=%H', '--', `./${file}`]).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** Whether the content is in a Git repository with its whole history (not a shallow clone). */
export function hasHistory(contentDir: string): boolean {
  try {
    return git(contentDir, ['rev-parse', '--is-shallow-repository']).trim() === 'false';
  } catch {
    return false;
  }
}

/** The file's text in a commit, or undefined when the commit has no such file. */
export function fileAt(contentDir: string, commit: string, file: string): string | undefined {
  try {
    return git(contentDir, ['show', `${commit}:./${file}`]);
  } catch {
    return undefined;
  }
}

/** Per held-back file: its errors as it is, the commits still to try, and the one in use. */
interface Held {
  errors: ContentError[];
  versions: string[];
  next: number;
  using?: string;
  hadEarlier?: boolean;
}

/** Puts the newest earlier version still to try of a held-back file in the copy, or leaves a new file out. */
function placeVersion(contentDir: string, dir: string, file: string, entry: Held, head: string): void {
  const target = path.join(dir, file);
  let text: string | undefined;
  entry.using = undefined;
  while (entry.next < entry.versions.length && text === undefined) {
    const commit = entry.versions[entry.next]!;
    const candidate = fileAt(contentDir, commit, file);
    // The newest commit may hold the broken version itself: only an earlier text counts.
    if (candidate !== undefined && !isSameAsBroken(contentDir, file, candidate)) {
      text = candidate;
      entry.using = commit;
      entry.hadEarlier = true;
    } else entry.next++;
  }
  if (text !== undefined) writeFileSync(target, text);
  else if (entry.hadEarlier || !isNew(entry.versions, head)) throw new NoGoodVersion();
  else rmSync(target, { force: true });
}

/** After a failed round: files that fail now are held back too, those in use go one version further. Whether anything changed. */
function holdBackMore(contentDir: string, dir: string, held: Map<string, Held>, errors: readonly ContentError[], options: LoadOptions): boolean {
  let progress = false;
  for (const error of errors) {
    const file = relativeFile(dir, error.file, options.cwd);
    const entry = held.get(file);
    if (!entry) {
      // A file that checks only with the broken one (e.g. a town naming a new service's
      // incident): held back too, with the errors it has now.
      held.set(file, { errors: errors.filter((e) => relativeFile(dir, e.file, options.cwd) === file), versions: versionsOf(contentDir, file), next: 0 });
      progress = true;
    } else if (entry.using !== undefined) {
      entry.next++;
      progress = true;
    }
  }
  return progress;
}

/**
 * The site with every broken file replaced by its newest version that checks clean, or
 * undefined when there is none. `first` is check's result for the content as it is. A file is
 * left out only when the newest commit added it broken: a file that may have been online is never
 * taken off because no earlier version fits any more; then nothing is published.
 */
export async function keepLastGood(contentDir: string, first: Extract<LoadResult, { ok: false }>, options: LoadOptions): Promise<LastGood | undefined> {
  // Without the whole history, a file's earlier versions cannot be told from none.
  if (!hasHistory(contentDir)) return undefined;
  const head = git(contentDir, ['rev-parse', 'HEAD']).trim();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aushang-last-good-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  cpSync(contentDir, dir, { recursive: true });
  const held = new Map<string, Held>();
  for (const error of first.errors) {
    const file = relativeFile(contentDir, error.file, options.cwd);
    const entry = held.get(file);
    if (entry) entry.errors.push(error);
    else held.set(file, { errors: [error], versions: versionsOf(contentDir, file), next: 0 });
  }
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [file, entry] of held) placeVersion(contentDir, dir, file, entry, head);
      const result = await loadSite(dir, options);
      if (result.ok) {
        const heldBack = [...held].map(([file, entry]) => ({ file, errors: entry.errors, ...(entry.using ? { publishedFrom: entry.using } : {}) }));
        return { dir, result, heldBack, dispose };
      }
      if (!holdBackMore(contentDir, dir, held, result.errors, options)) break;
    }
  } catch (error) {
    dispose();
    if (error instanceof NoGoodVersion) return undefined;
    throw error;
  }
  dispose();
  return undefined;
}

/**
 * A file added in its broken form by the newest commit (or not committed at all). Any other file
 * may have been online: taking it off is not ours to decide (e.g. it broke because another file
 * it names was deleted).
 */
function isNew(versions: readonly string[], head: string): boolean {
  return versions.length === 0 || (versions.length === 1 && versions[0] === head);
}

/** A file that was online has no earlier version that checks with the rest. */
class NoGoodVersion extends Error {}

function isSameAsBroken(contentDir: string, file: string, text: string): boolean {
  try {
    return text === readFileSync(path.join(contentDir, file), 'utf8');
  } catch {
    return false;
  }
}

