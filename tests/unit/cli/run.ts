/** Runs an editor command in a temporary content folder, as an editor would, and collects its lines. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSite } from '../../../src/model/site.ts';
import { formatContentError } from '../../../src/schema/errors.ts';
import { NOW } from '../support/content.ts';

export type Command = (argv: readonly string[], options: { cwd: string; now: number; out: (line: string) => void }) => Promise<number>;

export async function run(command: Command, root: string, argv: string[], now = NOW): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await command(argv, { cwd: root, now, out: (line) => lines.push(line) });
  return { code, text: lines.join('\n') };
}

export const read = (root: string, file: string) => readFile(path.join(root, 'content', file), 'utf8');

/** What `check` says about the folder: '' when it passes. */
export async function check(root: string, now = NOW): Promise<string> {
  const result = await loadSite(path.join(root, 'content'), { urls: { base: '/' }, now, cwd: root });
  return result.ok ? '' : result.errors.map((e) => formatContentError(e, result.language)).join('\n');
}
