/**
 * `npm run bench:pipeline [-- --keep] [-- --no-editor]` (and section h of `npm run bench`): from a
 * clerk's save to the site being live, in a site repository's own pipeline (issue 21, scope 2).
 *
 * Prepared first, and not counted: this checkout packed (`npm pack`, which bundles the web
 * editor and compiles the commands), a site repository set up by `aushang init --towns` with the
 * 15 towns of Kreis Soest from the catalogue (with an `editor:` block, as a site whose clerks save
 * in the web editor has), the tarball as its `aushang` dependency, `npm install` for the lockfile
 * (which also fills the npm cache the pipeline uses, as `actions/setup-node`'s `cache: npm` and
 * the GitLab template's cache restore it on a CI runner), a Git commit, and a local nginx
 * (hosting/nginx/aushang.conf, tests/support/nginx.ts) serving an empty folder.
 *
 * Then, counted, the `run:` steps of the generated GitHub workflow's check and build jobs as they
 * are written there, in a clean checkout (no node_modules): `npm ci`, `npx aushang check --format
 * github`, the build step (`aushang build --keep-last-good` with the commit's time and the
 * address nginx serves), and the deploy: `dist/` copied into nginx's root, live when nginx serves
 * the new manifest. The workflow installs in each of its jobs; on a runner the jobs' installs run
 * on machines of their own, so one install is counted. The build job does not wait for the check
 * job (it publishes the last good version of a broken file anyway): check runs, is printed, and is
 * not on the way to live (it is, when a workflow's build job `needs: check`). Afterwards, not
 * counted, the workflow's verify step checks the served copy against the build.
 *
 * Targets: ≤ 60 s in all, ≤ 15 s after the install.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { startNginx, type NginxSite } from '../tests/support/nginx.ts';
import { condition, expand, type ExpressionContext } from './workflow-expression.ts';

const root = path.resolve(import.meta.dirname, '..');

/** The bars of issue 21. */
export const PIPELINE_BARS = { totalMs: 60_000, afterInstallMs: 15_000 } as const;

/** Kreis Soest and its 14 municipalities: the 15 towns of the issue's site. */
export const TOWNS_CSV = `name,kind,slug,parent
Kreis Soest,Kreis,kreis-soest,
Soest,Stadt,soest,kreis-soest
Lippstadt,Stadt,lippstadt,kreis-soest
Werl,Stadt,werl,kreis-soest
Geseke,Stadt,geseke,kreis-soest
Erwitte,Stadt,erwitte,kreis-soest
Rüthen,Stadt,ruethen,kreis-soest
Warstein,Stadt,warstein,kreis-soest
Anröchte,Gemeinde,anroechte,kreis-soest
Bad Sassendorf,Gemeinde,bad-sassendorf,kreis-soest
Ense,Gemeinde,ense,kreis-soest
Lippetal,Gemeinde,lippetal,kreis-soest
Möhnesee,Gemeinde,moehnesee,kreis-soest
Welver,Gemeinde,welver,kreis-soest
Wickede (Ruhr),Gemeinde,wickede-ruhr,kreis-soest
`;

const EDITOR_BLOCK = 'editor:\n  backend: github\n  repo: kreis-soest/notfall\n';

export interface PipelineStep {
  /** `install`, `check`, `build`, `deploy`. */
  name: string;
  /** A step of a job that runs beside the build (the build job does not need it): not on the way to live. */
  beside?: boolean;
  /** The command as the workflow writes it (first line). */
  command: string;
  ms: number;
  /** CPU time (user + system) of the step and its children; 0 where it cannot be measured. */
  cpuMs: number;
}

export interface PipelineFigures {
  towns: number;
  notices: number;
  editor: boolean;
  /** Not counted: npm pack of this checkout, setting up the site (init, lockfile, commit). */
  packMs: number;
  prepareMs: number;
  steps: PipelineStep[];
  totalMs: number;
  afterInstallMs: number;
  /** What the install put into node_modules. */
  installedPackages: number;
  installedBytes: number;
  /** The packed tarball's size. */
  tarballBytes: number;
}

export interface PipelineOptions {
  /** A folder for everything (removed by the caller). */
  work: string;
  editor?: boolean;
  log?: (line: string) => void;
}

interface Ran {
  ms: number;
  /** User and system CPU time of the command and its children (with /usr/bin/time), else 0. */
  cpuMs: number;
  code: number | null;
  output: string;
}

/** Node 24 (this process's) first on PATH, for npm, npx and the aushang command alike; no npm chatter. */
function pipelineEnv(cache: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
    BASE_PATH: '',
    SITE_URL: '',
    AUSHANG_TIMINGS: '',
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
  };
}

/** GNU time, for the CPU a step takes: on a shared machine its wall clock says more about the neighbours. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
let runs = 0;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuFile = path.join(os.tmpdir(), `aushang-pipeline-cpu-${process.pid}-${runs++}`);
    const [file, argv] = TIME ? [TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, args];
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const cpu = TIME && existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : [0, 0];
      rmSync(cpuFile, { force: true });
      resolve({ ms: performance.now() - started, cpuMs: ((cpu[0] ?? 0) + (cpu[1] ?? 0)) * 1000, code, output });
    });
  });
}

async function must(what: string, ran: Promise<Ran>): Promise<Ran> {
  const done = await ran;
  if (done.code !== 0) throw new Error(`${what} failed (exit ${done.code}):\n${done.output.split('\n').slice(-40).join('\n')}`);
  return done;
}

type Step = { id?: string; if?: string; run?: string; env?: Record<string, string> };
type Workflow = { env?: Record<string, string>; jobs: Record<string, { needs?: string | string[]; steps: Step[] }> };

/** The `run:` steps of a job of the generated workflow that a push to main runs (their `if:` holds). */
function runSteps(workflow: Workflow, job: string, context: ExpressionContext): Step[] {
  const steps = workflow.jobs[job]?.steps.filter((step) => step.run && condition(step.if, context));
  if (!steps?.length) throw new Error(`.github/workflows/aushang.yml has no run: steps in job ${job}`);
  return steps;
}

function folderBytes(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

/** Packs this checkout and sets up the site repository from it; returns the site's folder. */
async function prepareSite(work: string, env: NodeJS.ProcessEnv, editor: boolean, log: (line: string) => void): Promise<{ site: string; packMs: number; prepareMs: number; tarballBytes: number }> {
  const pack = await must('npm pack', run('npm', ['pack', '--json', '--pack-destination', work], root, env));
  const tarball = path.join(work, (JSON.parse(pack.output.slice(pack.output.indexOf('['))) as { filename: string }[])[0]!.filename);
  log(`    npm pack of this checkout (builds lib/ and the editor bundle): ${(pack.ms / 1000).toFixed(1)} s, ${(statSync(tarball).size / 1024 / 1024).toFixed(1)} MB`);
  const started = performance.now();
  const site = path.join(work, 'site');
  mkdirSync(site);
  writeFileSync(path.join(site, 'towns.csv'), TOWNS_CSV);
  await must('aushang init', run(process.execPath, [path.join(root, 'bin/aushang.cjs'), 'init', '--towns', 'towns.csv'], site, env));
  rmSync(path.join(site, 'towns.csv'));
  const manifest = path.join(site, 'package.json');
  const json = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies: Record<string, string> };
  // The released package would come from the registry; here it is this checkout's tarball.
  json.dependencies.aushang = `file:${tarball}`;
  writeFileSync(manifest, `${JSON.stringify(json, null, 2)}\n`);
  if (editor) writeFileSync(path.join(site, 'content/site.yaml'), `${readFileSync(path.join(site, 'content/site.yaml'), 'utf8')}${EDITOR_BLOCK}`);
  await must('npm install (the lockfile)', run('npm', ['install', '--no-audit', '--no-fund'], site, env));
  const git = { ...env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.de', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.de' };
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'aushang init']]) await must(`git ${args[0]}`, run('git', args, site, git));
  const prepareMs = performance.now() - started;
  log(`    site repository: init --towns (15 towns), npm install for the lockfile, git commit: ${(prepareMs / 1000).toFixed(1)} s`);
  return { site, packMs: pack.ms, prepareMs, tarballBytes: statSync(tarball).size };
}

/** Copies a build into the web server's root, as a deploy replaces what is served. */
function deploy(dist: string, www: string): void {
  for (const name of readdirSync(www)) rmSync(path.join(www, name), { recursive: true, force: true });
  cpSync(dist, www, { recursive: true });
}

/** Waits until nginx serves the manifest the build wrote. */
async function live(site: NginxSite, manifest: string): Promise<void> {
  const expected = readFileSync(manifest, 'utf8');
  for (let attempt = 0; attempt < 100; attempt++) {
    const served = await fetch(new URL('manifest.json', site.url)).then((response) => (response.ok ? response.text() : ''), () => '');
    if (served === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`nginx does not serve the new build at ${site.url}`);
}

export async function measurePipeline(options: PipelineOptions): Promise<PipelineFigures> {
  const log = options.log ?? (() => undefined);
  const editor = options.editor ?? true;
  const cache = path.join(options.work, 'npm-cache');
  const env = pipelineEnv(cache);
  const { site, packMs, prepareMs, tarballBytes } = await prepareSite(options.work, env, editor, log);
  const workflow = parse(readFileSync(path.join(site, '.github/workflows/aushang.yml'), 'utf8')) as Workflow;
  const towns = readdirSync(path.join(site, 'content/towns')).length;
  const notices = readdirSync(path.join(site, 'content/towns')).reduce((n, town) => n + readdirSync(path.join(site, 'content/towns', town)).filter((f) => f !== 'index.md').length, 0);

  const www = mkdtempSync(path.join(options.work, 'www-'));
  const nginx = await startNginx({ config: 'aushang.conf', root: www });
  const steps: PipelineStep[] = [];
  try {
    // A fresh checkout: nothing installed, nothing built.
    rmSync(path.join(site, 'node_modules'), { recursive: true, force: true });
    // A push to main, no announcing configured (vars unset), Pages at nginx's address.
    const context: ExpressionContext = { values: { 'github.event_name': 'push', 'steps.pages.outputs.base_url': nginx.url.replace(/\/$/, ''), 'steps.pages.outputs.base_path': '' } };
    const commit = (await must('git log', run('git', ['log', '-1', '--format=%ct'], site, env))).output.trim();
    const output = path.join(options.work, 'github-output');
    const ordered = [...runSteps(workflow, 'check', context).map((step) => ['check', step] as const), ...runSteps(workflow, 'build', context).map((step) => ['build', step] as const)];
    let installed = false;
    const buildNeedsCheck = [workflow.jobs.build?.needs ?? []].flat().includes('check');
    for (const [job, step] of ordered) {
      const command = expand(step.run!.trim(), context);
      const isInstall = /^npm (ci|install)\b/.test(command);
      // The build job's own install is the same as the check job's, on a runner of its own.
      if (isInstall && installed) continue;
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, context)]));
      const ran = await must(`${job}: ${command}`, run('bash', ['-e', '-c', command], site, { ...env, ...workflow.env, ...stepEnv, SOURCE_DATE_EPOCH: commit, GITHUB_OUTPUT: output }));
      const name = isInstall ? 'install' : job;
      // The check job runs on a runner of its own when the build job does not wait for it.
      const beside = job === 'check' && !isInstall && !buildNeedsCheck;
      steps.push({ name, command: command.split('\n')[0]!, ms: ran.ms, cpuMs: ran.cpuMs, ...(beside ? { beside } : {}) });
      log(`    ${name.padEnd(8)} ${(ran.ms / 1000).toFixed(1).padStart(5)} s (CPU ${(ran.cpuMs / 1000).toFixed(1)} s)  ${command.split('\n')[0]}${beside ? '  (beside the build: not on the way to live)' : ''}`);
      installed ||= isInstall;
    }
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    deploy(path.join(site, 'dist'), www);
    await live(nginx, path.join(site, 'dist/manifest.json'));
    const deployMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    steps.push({ name: 'deploy', command: `cp -r dist/ <nginx root>, until nginx serves the new manifest.json`, ms: deployMs, cpuMs: (cpu.user + cpu.system) / 1000 });
    log(`    ${'deploy'.padEnd(8)} ${(deployMs / 1000).toFixed(1).padStart(5)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)  dist/ copied to nginx's root (${nginx.url})`);
    const sha = readFileSync(output, 'utf8').match(/manifest_sha256=(\w+)/)?.[1] ?? '';
    await must('aushang verify', run('npx', ['aushang', 'verify', nginx.url, '--manifest-sha256', sha], site, env));
    log(`    (not counted) npx aushang verify: the served copy is the build`);
  } finally {
    await nginx.stop();
  }
  const installedBytes = folderBytes(path.join(site, 'node_modules'));
  // npm's record of what it installed (node_modules/.package-lock.json).
  const installedPackages = Object.keys((JSON.parse(readFileSync(path.join(site, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> }).packages).length;
  // The way to live: the build job's steps and the deploy (with the check job's when the build waits for it).
  const onTheWay = steps.filter((step) => !step.beside);
  const totalMs = onTheWay.reduce((n, step) => n + step.ms, 0);
  const afterInstallMs = onTheWay.filter((step) => step.name !== 'install').reduce((n, step) => n + step.ms, 0);
  return { towns, notices, editor, packMs, prepareMs, steps, totalMs, afterInstallMs, installedPackages, installedBytes, tarballBytes };
}

/** The lines of the summary: each step and the totals against the bars. */
export function pipelineRows(figures: PipelineFigures): { what: string; figure: string; bar: string; ok?: boolean }[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const cpu = (steps: PipelineStep[]) => (steps.every((step) => step.cpuMs) ? ` (CPU ${s(steps.reduce((n, step) => n + step.cpuMs, 0))})` : '');
  return [
    { what: `save → live, ${figures.towns} towns, ${figures.notices} notices${figures.editor ? ', with the web editor' : ''}`, figure: `${s(figures.totalMs)}${cpu(figures.steps.filter((step) => !step.beside))}`, bar: `≤ ${s(PIPELINE_BARS.totalMs)}`, ok: figures.totalMs <= PIPELINE_BARS.totalMs },
    ...figures.steps.map((step) => ({ what: `  ${step.name}${step.beside ? ' (a job beside the build, not counted)' : ''}: ${step.command}`, figure: `${s(step.ms)}${step.cpuMs ? ` (CPU ${s(step.cpuMs)})` : ''}`, bar: '' })),
    { what: `  after the install (${figures.steps.filter((step) => !step.beside && step.name !== 'install').map((step) => step.name).join(', ')})`, figure: `${s(figures.afterInstallMs)}${cpu(figures.steps.filter((step) => !step.beside && step.name !== 'install'))}`, bar: `≤ ${s(PIPELINE_BARS.afterInstallMs)}`, ok: figures.afterInstallMs <= PIPELINE_BARS.afterInstallMs },
    { what: `  installed: node_modules`, figure: `${(figures.installedBytes / 1024 / 1024).toFixed(0)} MB, ${figures.installedPackages} packages`, bar: '' },
  ];
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false }, 'no-editor': { type: 'boolean', default: false } }, allowPositionals: false });
  const work = mkdtempSync(path.join(os.tmpdir(), 'aushang-pipeline-'));
  const log = (line: string) => console.log(line);
  log(`Save → live in a site repository's pipeline (${os.cpus().length} cores, Node ${process.versions.node}); folder ${work}${values.keep ? ' (kept)' : ''}`);
  let failed = false;
  try {
    const figures = await measurePipeline({ work, editor: !values['no-editor'], log });
    const rows = pipelineRows(figures);
    const width = Math.max(...rows.map((row) => row.what.length));
    log('');
    for (const row of rows) log(`${row.what.padEnd(width)}  ${row.figure.padEnd(24)}  ${row.bar.padEnd(8)}  ${row.ok === undefined ? '' : row.ok ? 'OK' : 'OVER'}`);
  } catch (error) {
    console.error(`\nThe pipeline benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    failed = true;
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
  process.exit(failed ? 1 : 0);
}
