/**
 * A public body's build contacts no one: Astro's telemetry is off for every command. Astro
 * keeps its telemetry state (consent, an anonymous id) in `$XDG_CONFIG_HOME/astro/`; with
 * telemetry off it never touches that folder. So each run gets an empty home of its own, and
 * the folder must still be missing afterwards. A control run of the bare Astro CLI shows that
 * the folder would be there otherwise (DEBUG=astro:telemetry makes Astro log instead of send).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, root, runCli, tempDir } from '../support/build.ts';

/** An environment with its own home, without CI markers or a telemetry setting of ours. */
function isolated() {
  const home = tempDir('aushang-telemetry-');
  const env: Record<string, string> = { ...(process.env as Record<string, string>), HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') };
  for (const name of ['ASTRO_TELEMETRY_DISABLED', 'TELEMETRY_DISABLED']) delete env[name];
  return { home, env, stateFolder: path.join(home, 'config', 'astro') };
}

/** `astro preview` of an empty project: Astro starts, records the session, then stops (no dist/). */
function preview(cli: string, env: Record<string, string>, home: string) {
  const project = path.join(home, 'project');
  mkdirSync(project, { recursive: true });
  return spawnSync(process.execPath, [cli, 'preview', '--root', project, '--port', '0'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...env, DEBUG: 'astro:telemetry' },
    timeout: 120_000,
  });
}

describe('telemetry', () => {
  test('every npm script that runs Astro goes through scripts/astro.mjs, src/cli/build.ts or src/cli/serve.ts', () => {
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const [name, command] of Object.entries(scripts)) {
      expect(command, name).not.toMatch(/(^|[;&|]\s*)(npx\s+)?astro\s/);
    }
    expect(scripts.serve).toContain('node src/cli/serve.ts');
    // serve.ts (also `aushang serve`) turns telemetry off before it loads Astro, as the build's
    // child does (build-pages.ts; build.ts itself never loads Astro).
    for (const file of ['src/cli/serve.ts', 'src/cli/build-pages.ts']) {
      const source = readFileSync(path.join(root, file), 'utf8');
      const off = source.indexOf("process.env.ASTRO_TELEMETRY_DISABLED = '1'");
      const load = source.indexOf("import('astro')");
      expect(off, file).toBeGreaterThan(-1);
      expect(load, file).toBeGreaterThan(-1);
      expect(off, file).toBeLessThan(load);
    }
    expect(scripts.typecheck).toContain('node scripts/astro.mjs check');
    expect(scripts.build).toContain('node src/cli/build.ts');
  });

  test('scripts/astro.mjs: Astro runs and leaves its telemetry state alone', () => {
    const { home, env, stateFolder } = isolated();
    const run = preview(path.join(root, 'scripts/astro.mjs'), env, home);
    expect(`${run.stdout}${run.stderr}`).toMatch(/does not exist/);
    expect(existsSync(stateFolder)).toBe(false);
  });

  test('control: the bare Astro CLI does record (so the test above can fail)', () => {
    const { home, env, stateFolder } = isolated();
    preview(path.join(root, 'node_modules/astro/bin/astro.mjs'), env, home);
    expect(existsSync(stateFolder)).toBe(true);
  });

  test('npm run build: the build leaves the telemetry state alone', () => {
    const { env, stateFolder } = isolated();
    const out = path.join(tempDir(), 'dist');
    const run = runCli('build', ['--content', fixture('edge'), '--out', out], env);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(existsSync(stateFolder)).toBe(false);
  });
});
