/**
 * The folder Astro works in during `aushang build` (its intermediate server build, below
 * `<folder>/.astro/`). It has the same path every build, `.aushang-build-work` in the project's
 * `.astro/`, so that Node's compile cache (src/cli/process.ts) finds Astro's intermediate modules
 * again next time instead of keeping new ones for every build (a fresh folder per build added
 * ≈ 60 entries each time). A build that runs beside another one gets a fresh folder of its own.
 *
 * The folder is held while its `owner` file names a running process; one that a killed build
 * left is taken over under the rule for leftovers (src/cli/build.ts `removeLeftovers`): its
 * process gone and the folder unchanged for ten minutes.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from './process.ts';

export const STABLE_WORK_FOLDER = '.aushang-build-work';
const OWNER_FILE = 'owner';
/** How long a folder whose process is gone must have stayed unchanged before another build takes it. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** The stable working folder in `workspace`, made and held by this process; undefined when another build holds it. */
export async function stableWorkFolder(workspace: string, now = Date.now()): Promise<string | undefined> {
  const folder = path.join(workspace, STABLE_WORK_FOLDER);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await mkdir(folder);
      await writeFile(path.join(folder, OWNER_FILE), String(process.pid));
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await abandoned(folder, now))) return undefined;
      await rm(folder, { recursive: true, force: true, maxRetries: 3 });
    }
  }
  return undefined;
}

/** Whether the folder's build is gone: no running owner, and nothing changed for ABANDONED_AFTER_MS. */
async function abandoned(folder: string, now: number): Promise<boolean> {
  const owner = Number(await readFile(path.join(folder, OWNER_FILE), 'utf8').catch(() => ''));
  if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) return false;
  const info = await stat(folder).catch(() => null);
  return info !== null && now - info.mtimeMs >= ABANDONED_AFTER_MS;
}
