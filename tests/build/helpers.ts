/** Runs the real CLI (`src/cli/*.ts`) in a child process, as `npm run build` would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const fixture = (name: string) => path.join(root, 'tests/fixtures/sites', name);

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(script: 'build' | 'check', args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [path.join(root, `src/cli/${script}.ts`), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: '', SITE_URL: '', ...env },
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'aushang-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Builds a content folder into a fresh temporary folder; throws with the output on failure. */
export function buildSite(content: string, env: Record<string, string> = {}): string {
  const out = path.join(tempDir(), 'dist');
  const run = runCli('build', ['--content', content, '--out', out], env);
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return out;
}

export function readPage(dist: string, sitePath: string): string {
  const file = path.join(dist, sitePath, sitePath.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`no page at ${sitePath}`);
  return readFileSync(file, 'utf8');
}
