import module from 'node:module';
import { stat } from 'node:fs/promises';

/**
 * Node keeps the compiled modules (and our TypeScript with its types stripped) in a cache of its
 * own (os.tmpdir()/node-compile-cache): a command's modules load from it the next time. Worker
 * threads and child processes started after this use it too (they read the variable when they
 * start). The first run on a machine (a fresh CI runner) fills it. `build` uses it since Astro
 * works in a folder of the same path every build (src/cli/work-folder.ts): with a fresh folder
 * each time, its intermediate modules had new paths and the cache only grew (59 files a build of
 * the example) — docs/performance.md, issue 21, sessions 9 and 12.
 */
export function useCompileCache(): void {
  const cache = module.enableCompileCache();
  if (cache.directory) process.env.NODE_COMPILE_CACHE ??= cache.directory;
}

/** Whether a process of this machine still runs (a build's temporary folder, an edit's lock). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How long a folder whose build's process is gone must have stayed unchanged before another build removes or takes it. */
export const LEFT_BEHIND_AFTER_MS = 10 * 60_000;

/**
 * Whether `folder`, made by the build of process `pid` (undefined: not known), was left behind:
 * that process is gone and the folder has not changed for LEFT_BEHIND_AFTER_MS — a process id
 * alone could belong to a build in another container that shares the folder.
 */
export async function leftBehind(folder: string, pid: number | undefined, now = Date.now()): Promise<boolean> {
  if (pid !== undefined && isRunning(pid)) return false;
  const info = await stat(folder).catch(() => null);
  return info !== null && now - info.mtimeMs >= LEFT_BEHIND_AFTER_MS;
}
