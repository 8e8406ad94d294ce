/**
 * Astro's working folder of `aushang build` (src/cli/work-folder.ts): the same path every build,
 * so Node's compile cache knows Astro's intermediate modules again; a build beside another gets
 * a fresh one; a folder a killed build left is taken over only when its process
 * is gone and it has not changed for ten minutes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { LEFT_BEHIND_AFTER_MS } from '../../../src/cli/process.ts';
import { STABLE_WORK_FOLDER, workFolder } from '../../../src/cli/work-folder.ts';

const made: string[] = [];
const workspace = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aushang-work-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The process id of a process that has ended. */
function endedPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

/** A folder as a killed build leaves it: owned by an ended process, last changed `ageMs` ago. */
function leftBehind(space: string, ageMs: number): string {
  const folder = path.join(space, STABLE_WORK_FOLDER);
  mkdirSync(path.join(folder, '.astro'), { recursive: true });
  writeFileSync(path.join(folder, 'owner'), String(endedPid()));
  const then = (Date.now() - ageMs) / 1000;
  utimesSync(folder, then, then);
  return folder;
}

describe('the working folder', () => {
  test('is the stable one, with this process as its owner', async () => {
    const space = workspace();
    const { folder, stable } = await workFolder(space);
    expect({ folder, stable }).toEqual({ folder: path.join(space, STABLE_WORK_FOLDER), stable: true });
    expect(readFileSync(path.join(folder, 'owner'), 'utf8')).toBe(String(process.pid));
    expect(readdirSync(space)).toEqual([STABLE_WORK_FOLDER]);
  });

  test('a second build while it is held gets a fresh one of its own', async () => {
    const space = workspace();
    const first = await workFolder(space);
    const second = await workFolder(space);
    expect(second.stable).toBe(false);
    expect(path.basename(second.folder)).toMatch(new RegExp(`^\\.aushang-build-${process.pid}-`));
    expect(second.folder).not.toBe(first.folder);
    expect(readFileSync(path.join(first.folder, 'owner'), 'utf8')).toBe(String(process.pid));
  });

  test('once the holder has removed it, the next build gets the same path again', async () => {
    const space = workspace();
    const first = await workFolder(space);
    rmSync(first.folder, { recursive: true });
    expect(await workFolder(space)).toEqual(first);
  });

  test('a folder whose process has ended is taken over once it has been unchanged for ten minutes, emptied', async () => {
    const space = workspace();
    const folder = leftBehind(space, LEFT_BEHIND_AFTER_MS + 60_000);
    expect(await workFolder(space)).toEqual({ folder, stable: true });
    expect(existsSync(path.join(folder, '.astro'))).toBe(false);
    expect(readFileSync(path.join(folder, 'owner'), 'utf8')).toBe(String(process.pid));
  });

  test('… but not before: it may belong to a build in another container', async () => {
    const space = workspace();
    const folder = leftBehind(space, 60_000);
    expect((await workFolder(space)).stable).toBe(false);
    expect(existsSync(path.join(folder, '.astro'))).toBe(true);
  });
});
