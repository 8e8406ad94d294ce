/** TypeScript strict over the whole project (`astro check`), as part of every test run. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { root } from '../support/build.ts';

it('astro check reports no errors and no warnings', () => {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/astro.mjs'), 'check'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 280_000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(output, output).toMatch(/- 0 errors\s+- 0 warnings/);
  expect(run.status, output).toBe(0);
}, 300_000);
