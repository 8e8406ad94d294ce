/**
 * The package as a town's operator gets it: `npm pack`, the tarball installed into an empty
 * folder (one install per run; the npm cache is reused), `aushang init`, `check`, `build`,
 * `serve` there; the result is the generator's own build, byte for byte. Then every `run:` step
 * of the generated GitHub workflow and GitLab pipeline that does not deploy runs in that site
 * repository, the verify steps against the build served on this machine below a path.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogue, servicesFor } from '../../src/catalogue/index.ts';
import { hashFile, listFiles } from '../../src/hosting/write.ts';
import { serve, type ServedSite } from '../support/serve.ts';
import { root, runCli, tempDir } from '../support/build.ts';

// Node 24 (this test's) first on PATH, for npm, npx and the aushang command alike.
const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`, BASE_PATH: '', SITE_URL: '', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
// Months after init: a quiet site deployed ahead must still be correct.
const MONTHS_LATER = String(Math.floor(Date.now() / 1000) + 120 * 86_400);

function run(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', timeout: 280_000 });
  if (result.error) throw result.error;
  return result;
}

/** As `run`, without blocking: the steps that verify fetch from a server in this process. */
function runAsync(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): Promise<Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'stderr'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function ok(result: Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'stderr'>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = await listFiles(dir);
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await hashFile(path.join(dir, f))).sha256] as const)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

const work = tempDir('aushang-package-');
const site = path.join(work, 'site');
let tarball = '';
let packed: string[] = [];

beforeAll(() => {
  const pack = JSON.parse(ok(run('npm', ['pack', '--json', '--pack-destination', work], root), 'npm pack').replace(/^[^[]*/, '')) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, pack[0]!.filename);
  packed = pack[0]!.files.map((file) => file.path).sort();
  mkdirSync(site);
  writeFileSync(path.join(site, 'package.json'), `${JSON.stringify({ name: 'notfall-musterhausen', private: true }, null, 2)}\n`);
  ok(run('npm', ['install', tarball], site), 'npm install <tarball>');
  ok(run('npx', ['aushang', 'init', '--name', 'Musterhausen', '--kind', 'Gemeinde'], site), 'aushang init');
  // What init added (the node package, Node 24) is installed, as `npm ci` would on a fresh machine.
  ok(run('npm', ['install'], site), 'npm install after init');
  // A repository, as it is pushed: the CI steps take the build time from the last commit.
  const git = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.de', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.de' };
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'aushang init']]) ok(run('git', args, site, git), `git ${args[0]}`);
}, 600_000);

// The site with its node_modules is large: leave nothing behind.
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 3 }));

describe('the tarball', () => {
  test('ships the command, its compiled JavaScript, the views, the catalogue, the templates and the example legal pages', () => {
    for (const file of ['package.json', 'bin/aushang.cjs', 'lib/cli/aushang.js', 'lib/cli/build.js', 'lib/catalogue/services.yaml', 'lib/init/templates/README.md', 'src/pages/index.astro', 'src/catalogue/services.yaml', 'astro.config.mjs', 'public/favicon.svg', 'content/pages/impressum.md']) {
      expect(packed, file).toContain(file);
    }
  });

  test('and nothing else: no tests, fixtures, benchmark, example site, scripts or docs but the two guides for editors', () => {
    const guides = ['docs/content-format.md', 'docs/web-editor.md'];
    expect(packed.filter((file) => file.startsWith('docs/'))).toEqual(guides);
    const unwanted = packed.filter((file) => !guides.includes(file) && /^(tests|bench|scripts|docs|hosting|\.ci|node_modules)\/|^content\/(towns|incidents)\/|^content\/site\.yaml$|\.test\.ts$|^tsconfig\.lib\.json$/.test(file));
    expect(unwanted).toEqual([]);
    expect(packed.filter((file) => file.startsWith('content/'))).toEqual(readdirSync(path.join(root, 'content/pages')).map((name) => `content/pages/${name}`).sort());
  });
});

describe('in a site repository with aushang installed', () => {
  test('.gitignore keeps the install out of the repository', () => {
    const tracked = ok(run('git', ['ls-files'], site), 'git ls-files').split('\n');
    expect(tracked.filter((file) => file.startsWith('node_modules/'))).toEqual([]);
    expect(tracked).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', '.github/workflows/aushang.yml', 'content/site.yaml']));
  });

  test('init set up the repository and completed package.json, keeping the installed tarball', () => {
    const json = JSON.parse(readFileSync(path.join(site, 'package.json'), 'utf8'));
    expect(json.dependencies.aushang).toMatch(/^file:.*aushang-.*\.tgz$/);
    expect(json.scripts).toMatchObject({ check: 'aushang check', build: 'aushang build', start: 'aushang build && aushang serve' });
    const services = servicesFor(loadCatalogue(), 'Gemeinde');
    expect(readdirSync(path.join(site, 'content/towns/musterhausen')).sort()).toEqual(['index.md', ...services.map((entry) => `${entry.id}.md`)].sort());
  });

  test('Node 24 comes with the repository: the node package, and an older Node runs the command through it', () => {
    const json = JSON.parse(readFileSync(path.join(site, 'package.json'), 'utf8'));
    expect(json.devDependencies.node).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.node);
    expect(json.allowScripts).toEqual({ esbuild: true, node: true });
    const pinned = path.join(site, 'node_modules/node/bin/node');
    expect(spawnSync(pinned, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v24\./);
    // The system Node of a stock Debian (20 on this machine): `aushang` still runs, on Node 24.
    const systemNode = '/usr/bin/node';
    if (!existsSync(systemNode) || Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) >= 24) return;
    const old = spawnSync(systemNode, [path.join(site, 'node_modules/.bin/aushang'), 'check'], { cwd: site, encoding: 'utf8', env: { ...env, PATH: '/usr/bin:/bin' } });
    expect(old.stderr).toBe('');
    expect(old.stdout).toContain('Orte: 1,');
    expect(old.status).toBe(0);
  });

  test('aushang check: no errors', () => {
    const out = ok(run('npx', ['aushang', 'check'], site), 'aushang check');
    expect(out).toContain(`Orte: 1, Dienste: ${servicesFor(loadCatalogue(), 'Gemeinde').length}, Störungen: 0, Seiten: 3.`);
  });

  describe('npm run build (aushang build)', () => {
    const reference = path.join(work, 'reference');
    beforeAll(() => {
      ok(run('npm', ['run', 'build'], site, { SOURCE_DATE_EPOCH: MONTHS_LATER }), 'npm run build in the site');
      // The generator's own build of the same content.
      const own = runCli('build', ['--content', path.join(site, 'content'), '--out', reference], { SOURCE_DATE_EPOCH: MONTHS_LATER });
      if (own.status !== 0) throw new Error(own.stdout + own.stderr);
    }, 600_000);

    test('builds content/ into dist/: pages, search, API, hosting files', () => {
      for (const file of ['index.html', 'musterhausen/index.html', 'musterhausen/buergerbuero/index.html', 'musterhausen/aushang/index.html', 'anliegen/index.html', 'impressum/index.html', 'api/v1/towns.json', 'pagefind/pagefind.js', '_headers', 'manifest.json']) {
        expect(existsSync(path.join(site, 'dist', file)), file).toBe(true);
      }
    });

    test('exactly as the generator’s own npm run build', async () => {
      expect(await snapshot(path.join(site, 'dist'))).toEqual(await snapshot(reference));
    });

    test('months later the quiet site is still correct: it says everything works, nothing is marked outdated', () => {
      const home = readFileSync(path.join(site, 'dist/index.html'), 'utf8');
      expect(home).toContain('Alles funktioniert wie gewohnt');
      for (const page of ['index.html', 'musterhausen/index.html', 'musterhausen/standesamt/index.html']) {
        expect(readFileSync(path.join(site, 'dist', page), 'utf8'), page).not.toContain('könnten veraltet sein');
      }
    });

    test('aushang serve shows the build on this computer', async () => {
      const port = await freePort();
      // The installed command itself (not through npx), in a process group of its own, so that
      // stopping it stops the preview server it starts.
      const child = spawn(process.execPath, [path.join(site, 'node_modules/.bin/aushang'), 'serve', '--port', String(port)], { cwd: site, env, stdio: 'ignore', detached: true });
      try {
        let body = '';
        for (let attempt = 0; attempt < 100 && !body; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 300));
          body = await fetch(`http://localhost:${port}/musterhausen/`).then((response) => (response.ok ? response.text() : ''), () => '');
        }
        expect(body).toContain('<h1');
        expect(body).toContain('Musterhausen');
      } finally {
        process.kill(-child.pid!, 'SIGTERM');
      }
    });
  });
});

/** `${{ … }}` in a GitHub step, as the runner would fill it in here. */
function expand(value: string, values: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (match, expression: string) => {
    if (!(expression in values)) throw new Error(`no value for ${match}`);
    return values[expression]!;
  });
}

type Step = { id?: string; run?: string; uses?: string; env?: Record<string, string> };

/** `key=value` lines, as a step writes them to $GITHUB_OUTPUT and GitLab's dotenv reports hold them. */
function keyValues(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return Object.fromEntries(readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('the generated CI runs here', () => {
  const base = '/musterhausen/';
  let served: ServedSite;
  afterAll(() => served?.close());

  test('GitHub: every run: step that does not deploy', async () => {
    const workflow = parse(readFileSync(path.join(site, '.github/workflows/aushang.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[]; outputs?: Record<string, string> }> };
    served = await serve(path.join(site, 'dist'), { base });
    const values: Record<string, string> = {
      'steps.pages.outputs.base_url': `https://example.github.io${base.replace(/\/$/, '')}`,
      'steps.pages.outputs.base_path': base.replace(/\/$/, ''),
      'needs.deploy.outputs.url': served.url,
      // A push to main; no Mastodon or webhook set up (announce then says so and sends nothing).
      "github.event_name != 'pull_request' && '--keep-last-good' || ''": '--keep-last-good',
      'vars.AUSHANG_MASTODON_URL': '',
      'vars.AUSHANG_WEBHOOK_URL': '',
      'secrets.AUSHANG_MASTODON_TOKEN': '',
      'secrets.AUSHANG_WEBHOOK_SECRET': '',
    };
    const ran: string[] = [];
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (name === 'deploy') continue;
      for (const step of job.steps) {
        // What the actions would have done: download-artifact brings the build's manifest.
        if (step.uses?.startsWith('actions/download-artifact')) copyFileSync(path.join(site, 'dist/manifest.json'), path.join(site, 'manifest.json'));
        if (!step.run) continue;
        // `npm ci` is the one install of this test run, done above from the same package.json.
        if (step.run.startsWith('npm ci')) continue;
        const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, values)]));
        // What the step hands on ($GITHUB_OUTPUT) becomes steps.<id>.outputs.<key>.
        const output = path.join(work, `github-output-${name}-${step.id ?? 'step'}`);
        rmSync(output, { force: true });
        const result = await runAsync('bash', ['-e', '-c', step.run], site, { ...stepEnv, SOURCE_DATE_EPOCH: MONTHS_LATER, GITHUB_OUTPUT: output });
        ok(result, `${name}: ${step.run}`);
        for (const [key, value] of Object.entries(keyValues(output))) values[`steps.${step.id}.outputs.${key}`] = value;
        ran.push(`${name}: ${step.run.trim().split('\n')[0]}`);
      }
      // A job's outputs, for the jobs that need it.
      for (const [key, value] of Object.entries(job.outputs ?? {})) values[`needs.${name}.outputs.${key}`] = expand(value, values);
    }
    expect(values['needs.build.outputs.manifest_sha256']).toBe((await hashFile(path.join(site, 'dist/manifest.json'))).sha256);
    expect(ran).toEqual([
      'check: npx aushang check --format github $KEEP_LAST_GOOD',
      'build: npx aushang announce --save-before announce-before.json',
      'build: export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"',
      'verify: for attempt in 1 2 3 4 5; do',
      'announce: npx aushang announce --site "$SITE" --state announce-before.json',
    ]);
  });

  test('GitLab: every script line of check, pages and verify', async () => {
    const pipeline = parse(readFileSync(path.join(site, '.gitlab-ci.yml'), 'utf8')) as Record<string, { script?: string[]; artifacts?: { reports?: { dotenv?: string } } }>;
    await served?.close();
    served = await serve(path.join(site, 'public'), { base });
    const pages: Record<string, string> = { CI_PAGES_URL: served.url.replace(/\/$/, ''), SOURCE_DATE_EPOCH: MONTHS_LATER };
    const ran: string[] = [];
    for (const name of ['check', 'pages', 'verify']) {
      // One shell per job, as the GitLab runner does: `export` carries over to later lines.
      const script = pipeline[name]!.script!.filter((line) => !line.startsWith('npm ci'));
      ok(await runAsync('bash', ['-e', '-c', script.join('\n')], site, pages), `${name}: ${script.join('; ')}`);
      // A dotenv report's variables reach the later jobs.
      const dotenv = pipeline[name]!.artifacts?.reports?.dotenv;
      if (dotenv) Object.assign(pages, keyValues(path.join(site, dotenv)));
      ran.push(name);
    }
    expect(pages.MANIFEST_SHA256).toBe((await hashFile(path.join(site, 'public/manifest.json'))).sha256);
    expect(ran).toEqual(['check', 'pages', 'verify']);
    const report = JSON.parse(readFileSync(path.join(site, 'gl-code-quality-report.json'), 'utf8'));
    expect(Array.isArray(report)).toBe(true);
    expect(readFileSync(path.join(site, 'public/index.html'), 'utf8')).toContain(`href="${base}musterhausen/"`);
  });
});
