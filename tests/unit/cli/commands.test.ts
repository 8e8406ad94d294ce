/** The commands as `npm run new|update|resolve` start them: the file run by Node, exit code and output. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { base, contentFolder, incident } from '../support/content.ts';
import { read } from './run.ts';

const cli = (name: string) => path.resolve(`src/cli/${name}.ts`);
const spawn = (root: string, name: string, ...argv: string[]) =>
  spawnSync(process.execPath, [cli(name), ...argv], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });

test('new, update and resolve run as commands: output on stdout, exit code 0 or 1', async () => {
  const { root } = await contentFolder({ ...base, 'incidents/sit-2023.md': incident() });
  const created = spawn(root, 'new', 'soest', 'buergerbuero', '--title', 'Bürgerbüro', '--incident', 'sit-2023', '--status', 'limited');
  expect(created.stderr).toBe('');
  expect(created.status).toBe(0);
  expect(created.stdout).toMatch(/^Angelegt: content\/towns\/soest\/buergerbuero\.md\n/);
  const refused = spawn(root, 'update', 'soest/buergerbuero', '--status', 'zu');
  expect(refused.status).toBe(1);
  expect(refused.stdout).toMatch(/^Nicht gespeichert, keine Datei wurde geändert\./);
  const updated = spawn(root, 'update', 'soest/buergerbuero', '--note', 'Heute zu.');
  expect(updated.status).toBe(0);
  const resolved = spawn(root, 'resolve', 'sit-2023', '--services', 'normal');
  expect(resolved.stderr).toBe('');
  expect(resolved.status).toBe(0);
  expect(await read(root, 'towns/soest/buergerbuero.md')).toContain('status: normal\n');
}, 60_000);
