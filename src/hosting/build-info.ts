/**
 * `aushang-build.json` at the site's root: what the published site was built from, so the web
 * editor can tell a clerk whether the last save is live ("Ist es online?", docs/web-editor.md).
 *
 * - `files`: every content file as published, by its Git blob id (`git hash-object`), which the
 *   Git hosts' APIs also report for a file; the editor compares the saved file's id with it.
 * - `heldBack`: files that were not published as they are in the repository (check found errors;
 *   `build --keep-last-good` published an earlier version or left the file out), with the blob id
 *   of the refused version and check's messages for it in the editors' language.
 * - `commit` (the content repository's commit, when known) and `builtAt`, for people.
 * - `drill: true` for a rehearsal (`build --drill`), which `aushang announce` never announces.
 *
 * The messages name fields and quote the wrong value; they are public like the rest of the site.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { problemMessage, type ContentError } from '../schema/errors.ts';
import type { EditorLanguage } from '../i18n/index.ts';
import { fileNames } from '../model/routes.ts';
import { gitBlobId } from '../core/git-blob.ts';

/** Its name at the site root (`routes.buildInfo()`). */
export const BUILD_INFO_FILE = fileNames.buildInfo;

export interface BuildInfoError {
  line?: number;
  field?: string;
  message: string;
}

export interface BuildInfo {
  format: 1;
  builtAt: string;
  commit: string | null;
  files: Record<string, string>;
  heldBack: { file: string; sha: string | null; publishedFrom?: string; errors: BuildInfoError[] }[];
  drill?: true;
}

/**
 * Every file below `dir` (no dot files), relative with `/`, by blob id. `known`: the ids of the
 * files the check read (absolute path → id of the bytes it checked), so what was built is what
 * is listed, and those files are not read again.
 */
export function blobIds(dir: string, known: ReadonlyMap<string, string> = new Map()): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = known.get(full) ?? gitBlobId(readFileSync(full));
    }
  };
  walk(dir, '');
  return out;
}

/** The content's commit: the CI's variable (GitHub, Gitea/Forgejo, GitLab), else Git's HEAD. */
export function contentCommit(contentDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const fromCi = env.GITHUB_SHA ?? env.CI_COMMIT_SHA;
  if (fromCi && /^[0-9a-f]{7,64}$/i.test(fromCi)) return fromCi.toLowerCase();
  try {
    return execFileSync('git', ['-C', contentDir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

export interface BuildInfoInput {
  /** The content folder as in the repository. */
  contentDir: string;
  /** The content folder that was built (the same, or the copy with held-back files replaced). */
  builtDir: string;
  builtAt: Date;
  language: EditorLanguage;
  heldBack: { file: string; publishedFrom?: string; errors: ContentError[] }[];
  drill?: boolean;
  env?: NodeJS.ProcessEnv;
  /** The blob ids of the files the check read, by absolute path (`LoadResult`'s `blobIds`). */
  checked?: ReadonlyMap<string, string>;
}

export function buildInfo(input: BuildInfoInput): BuildInfo {
  const shaOf = (file: string): string | null => {
    try {
      return gitBlobId(readFileSync(path.join(input.contentDir, file)));
    } catch {
      return null;
    }
  };
  return {
    format: 1,
    builtAt: input.builtAt.toISOString(),
    commit: contentCommit(input.contentDir, input.env),
    files: blobIds(input.builtDir, input.checked),
    heldBack: input.heldBack.map(({ file, publishedFrom, errors }) => ({
      file,
      sha: shaOf(file),
      ...(publishedFrom ? { publishedFrom } : {}),
      errors: errors.map((error) => ({
        ...(error.line ? { line: error.line } : {}),
        ...(error.field ? { field: error.field } : {}),
        message: problemMessage(error, input.language),
      })),
    })),
    ...(input.drill ? { drill: true as const } : {}),
  };
}

export function writeBuildInfo(siteDir: string, info: BuildInfo): void {
  writeFileSync(path.join(siteDir, BUILD_INFO_FILE), `${JSON.stringify(info, null, 1)}\n`);
}
