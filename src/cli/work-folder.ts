/**
 * The folder Astro works in during `aushang build` (its intermediate server build, below
 * `<folder>/.astro/`). It has the same path every build, `.aushang-build-work` in the project's
 * `.astro/`, so that Node's compile cache (src/cli/process.ts) finds Astro's intermediate modules
 * again next time instead of keeping new ones for every build (a fresh folder per build added
 * ≈ 60 entries each time). A build that runs beside another one works in a fresh folder.
 *
 * The folder is made under a fresh name with its `owner` file inside and then renamed into
 * place, so it never exists without its owner. It is held while the owner is a running process;
 * one that a killed build left is taken over under the rule for leftovers (`leftBehind`,
 * src/cli/process.ts): its process gone and the folder unchanged for ten minutes.
 */
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { leftBehind } from './process.ts';

export const STABLE_WORK_FOLDER = '.aushang-build-work';
/** The file in it that names the process holding it. */
export const OWNER_FILE = 'owner';

/**
 * A working folder in `workspace` for this process: the stable one, or — while another build
 * holds it — a fresh `.aushang-build-<pid>-…` (a killed build's is removed by `removeLeftovers`).
 */
export async function workFolder(workspace: string, now = Date.now()): Promise<{ folder: string; stable: boolean }> {
  const fresh = await mkdtemp(path.join(workspace, `.aushang-build-${process.pid}-`));
  await writeFile(path.join(fresh, OWNER_FILE), String(process.pid));
  const stable = path.join(workspace, STABLE_WORK_FOLDER);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Onto a folder that exists (never empty: it holds its owner) the rename fails.
      await rename(fresh, stable);
      return { folder: stable, stable: true };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !(await abandoned(stable, now))) break;
      await rm(stable, { recursive: true, force: true, maxRetries: 3 });
    }
  }
  return { folder: fresh, stable: false };
}

/** Whether the folder's build is gone (`leftBehind`, its owner being the build's process). */
async function abandoned(folder: string, now: number): Promise<boolean> {
  const owner = Number(await readFile(path.join(folder, OWNER_FILE), 'utf8').catch(() => ''));
  return leftBehind(folder, Number.isInteger(owner) && owner > 0 ? owner : undefined, now);
}
