/** `aushang init`: the files of a new site repository, never overwriting; the CI files' jobs and triggers. */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogue, servicesFor } from '../../../src/catalogue/index.ts';
import { completePackageJson, initSite, InitError, resolveSettings, siteScripts } from '../../../src/init/index.ts';
import { loadSite } from '../../../src/model/site.ts';
import { editorTime } from '../../../src/core/time.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const now = Date.parse('2026-12-02T08:30:00Z');
const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'aushang-init-'));

async function initialised(options: Parameters<typeof initSite>[1] = {}) {
  const dir = await tempDir();
  const result = await initSite(dir, { now, ...options });
  return { dir, result, read: (file: string) => readFile(path.join(dir, file), 'utf8') };
}

describe('the settings', () => {
  test('defaults from the name and kind', async () => {
    expect(await resolveSettings({ name: 'Bad Musterbach', kind: 'Gemeinde' })).toEqual({
      name: 'Bad Musterbach',
      kind: 'Gemeinde',
      town: 'bad-musterbach',
      operator: 'Gemeinde Bad Musterbach',
      title: 'Notfall-Informationen – Gemeinde Bad Musterbach',
      description: 'Was in der Verwaltung gerade funktioniert und wie Sie sie erreichen.',
    });
  });

  test('flags win', async () => {
    expect(await resolveSettings({ name: 'Musterkreis', kind: 'Kreis', town: 'mk', operator: 'Der Landrat', title: 'Notfall MK' })).toMatchObject({ town: 'mk', operator: 'Der Landrat', title: 'Notfall MK' });
  });

  test('a town slug that is not one, or is a reserved path', async () => {
    await expect(resolveSettings({ town: 'Bad Musterbach' })).rejects.toThrow('--town Bad Musterbach: a town\'s slug is lower case letters, digits and hyphens, e.g. musterstadt or bad-musterbach');
    await expect(resolveSettings({ town: 'suche' })).rejects.toThrow('--town suche: this path is used by the site itself; choose another slug');
  });
});

describe('initSite', () => {
  test('writes the site repository', async () => {
    const { dir, result } = await initialised({ name: 'Musterhausen', kind: 'Gemeinde' });
    const services = servicesFor(loadCatalogue(), 'Gemeinde').map((entry) => `content/towns/musterhausen/${entry.id}.md`);
    expect(result.written.sort()).toEqual(
      [
        '.github/workflows/aushang.yml',
        '.gitignore',
        '.gitlab-ci.yml',
        '.nvmrc',
        'CODEOWNERS',
        'README.md',
        'content/pages/barrierefreiheit.md',
        'content/pages/datenschutz.md',
        'content/pages/impressum.md',
        'content/site.yaml',
        'content/towns/musterhausen/index.md',
        ...services,
      ].sort(),
    );
    expect(result.services).toBe(services.length);
    expect((await readdir(dir)).sort()).toEqual(['.github', '.gitignore', '.gitlab-ci.yml', '.nvmrc', 'CODEOWNERS', 'README.md', 'content', 'package.json']);
  });

  test('the content passes check: one town, every service normal with a summary saying so', async () => {
    const { dir } = await initialised({ name: 'Musterkreis', kind: 'Kreis', operator: 'Kreis Musterkreis' });
    const result = await loadSite(path.join(dir, 'content'), { urls: { base: '/' }, builtAt: now });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { site } = result;
    expect(site.settings).toMatchObject({ title: 'Notfall-Informationen – Kreis Musterkreis', operator: 'Kreis Musterkreis', language: 'de' });
    expect(site.towns.map((town) => [town.slug, town.name, town.kind, town.status])).toEqual([['musterkreis', 'Musterkreis', 'Kreis', 'normal']]);
    // Content format 1.2: the town has services, so its status follows from them (no `status:` line to go stale).
    expect(site.towns[0]!.statusDerived).toBe(true);
    const services = site.towns[0]!.services;
    expect(services.map((service) => service.slug)).toContain('kfz-zulassung');
    for (const service of services) {
      expect(service.status).toBe('normal');
      expect(service.summary.markdown).toBe('Arbeitet wie gewohnt. Alle Anliegen sind wie üblich möglich.');
    }
    expect(site.towns[0]!.summary.markdown).toBe('Alle Dienste der Verwaltung arbeiten wie gewohnt.');
  });

  test('updated is the time of init in the site’s time zone, as editors write it', async () => {
    const { read } = await initialised({ name: 'Musterhausen' });
    expect(await read('content/towns/musterhausen/index.md')).toContain('\nupdated: 2026-12-02 09:30\n');
  });

  test('editorTime: the wall-clock time of the site’s zone, in summer time too, whatever the machine’s zone', () => {
    expect(editorTime(Date.parse('2026-12-02T08:30:00Z'), 'Europe/Berlin')).toBe('2026-12-02 09:30');
    expect(editorTime(Date.parse('2026-07-01T22:05:00Z'), 'Europe/Berlin')).toBe('2026-07-02 00:05');
  });

  test('the legal pages are the package’s examples, copied as they are', async () => {
    const { read } = await initialised();
    for (const name of ['impressum', 'datenschutz', 'barrierefreiheit']) {
      const copy = await read(`content/pages/${name}.md`);
      expect(copy).toBe(await readFile(path.join(root, 'content/pages', `${name}.md`), 'utf8'));
      expect(copy).toMatch(/^example: true$/m);
    }
  });

  test('a title with a colon is quoted in site.yaml', async () => {
    const { dir } = await initialised({ title: 'Notfall: Musterstadt' });
    const result = await loadSite(path.join(dir, 'content'), { urls: { base: '/' }, builtAt: now });
    expect(result.ok && result.site.settings.title).toBe('Notfall: Musterstadt');
  });

  test('the README names the town’s folder and the two commands', async () => {
    const { read } = await initialised({ name: 'Musterhausen', kind: 'Gemeinde' });
    const readme = await read('README.md');
    expect(readme).toMatch(/^# Notfall-Informationen – Gemeinde Musterhausen$/m);
    expect(readme).toContain('`content/towns/musterhausen/index.md`');
    expect(readme).toContain('npm install');
    expect(readme).toContain('npm start');
    expect(readme).not.toMatch(/\{\{\w+\}\}/);
  });

  test('refuses to overwrite: any file in the way, and nothing is written', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'README.md'), 'mine\n');
    await mkdir(path.join(dir, 'content/towns/musterstadt'), { recursive: true });
    await writeFile(path.join(dir, 'content/towns/musterstadt/standesamt.md'), 'mine\n');
    const error = await initSite(dir, { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InitError);
    expect((error as Error).message).toBe(
      `These files exist already in ${dir}:\n  content/towns/musterstadt/standesamt.md\n  README.md\nNothing was written. aushang init never overwrites: run it in an empty folder, or move these away first.`,
    );
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'content']);
    expect(await readdir(path.join(dir, 'content/towns/musterstadt'))).toEqual(['standesamt.md']);
  });

  test('a package.json gets what is missing, nothing it has changes', async () => {
    const dir = await tempDir();
    const mine = { name: 'unser-notfall', scripts: { build: 'my-build' }, dependencies: { aushang: 'file:../aushang.tgz' } };
    await writeFile(path.join(dir, 'package.json'), JSON.stringify(mine));
    const result = await initSite(dir, { now });
    const json = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    const nodeRange = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).devDependencies.node;
    expect(json).toEqual({ ...mine, devDependencies: { node: nodeRange }, scripts: { ...siteScripts, build: 'my-build' }, allowScripts: { esbuild: true, node: true }, engines: { node: '>=24' } });
    expect(result.packageJson).toEqual(['scripts.check', 'scripts.serve', 'scripts.start', 'scripts.verify', 'scripts.new', 'scripts.update', 'scripts.resolve', 'scripts.ready', 'scripts.catalogue', 'devDependencies.node', 'allowScripts.esbuild', 'allowScripts.node', 'engines.node']);
  });

  test('a new package.json depends on this version of aushang, and for the editors’ machines on the Node 24 the generator pins (the node package, a devDependency the CI leaves out)', async () => {
    const { version, devDependencies } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    const { json, added } = completePackageJson(undefined, await resolveSettings({ name: 'Musterhausen' }), version, devDependencies.node);
    expect(devDependencies.node).toMatch(/^\^24\./);
    expect(json).toEqual({ name: 'notfall-musterhausen', private: true, scripts: siteScripts, dependencies: { aushang: `^${version}` }, devDependencies: { node: devDependencies.node }, allowScripts: { esbuild: true, node: true }, engines: { node: '>=24' } });
    expect(added[0]).toBe('package.json');
  });

  test('a package.json that is not JSON: an error, nothing written', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'package.json'), '{ nope');
    await expect(initSite(dir, { now })).rejects.toThrow(/^package\.json in .* is not valid JSON \(.*\); nothing was written\.$/);
    expect(await readdir(dir)).toEqual(['package.json']);
  });
});

/**
 * The CI's install: only what the site runs (no devDependencies: the node package, whose own
 * install fetches a whole Node, while the runner has Node 24), from npm's cache, no audit.
 */
const INSTALL = 'npm ci --omit=dev --prefer-offline --no-audit --no-fund';

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string; if?: string; 'continue-on-error'?: boolean };
type GitHubJob = { needs?: string | string[]; if?: string; steps: Step[]; permissions?: Record<string, string>; environment?: { name: string }; outputs?: Record<string, string> };

describe('the GitHub workflow', async () => {
  const { read } = await initialised();
  const workflow = parse(await read('.github/workflows/aushang.yml')) as { on: Record<string, unknown>; jobs: Record<string, GitHubJob>; permissions: Record<string, string> };
  const runs = (job: string) => workflow.jobs[job]!.steps.filter((step) => step.run).map((step) => step.run!.trim());
  const uses = (job: string) => workflow.jobs[job]!.steps.filter((step) => step.uses).map((step) => step.uses!.replace(/@.*/, ''));

  test('Node gets a larger young generation (less time collecting garbage in check and build)', () => {
    expect((workflow as unknown as { env: Record<string, string> }).env).toEqual({ NODE_OPTIONS: '--max-semi-space-size=32' });
  });

  test('runs on every pull request and on pushes to main', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(workflow.on.pull_request).toBeNull();
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  test('check and build side by side (build publishes the last good version of a broken file anyway), then deploy → verify → announce', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['check', 'build', 'deploy', 'verify', 'announce']);
    expect(workflow.jobs.check!.needs).toBeUndefined();
    expect(workflow.jobs.build!.needs).toBeUndefined();
    expect(workflow.jobs.deploy!.needs).toBe('build');
    expect(workflow.jobs.verify!.needs).toEqual(['build', 'deploy']);
  });

  test('check: on Node 24, annotations from aushang check', () => {
    expect(uses('check')).toEqual(['actions/checkout', 'actions/setup-node']);
    expect(workflow.jobs.check!.steps[1]!.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    expect(runs('check')).toEqual([INSTALL, 'npx aushang check --format github $KEEP_LAST_GOOD']);
    // On main the build publishes with --keep-last-good: check says so instead of "nothing was published" (issue 18).
    expect(workflow.jobs.check!.steps.at(-1)!.env).toEqual({ KEEP_LAST_GOOD: "${{ github.event_name != 'pull_request' && '--keep-last-good' || '' }}" });
  });

  test('build only outside pull requests, for the Pages address', () => {
    // Also when check failed: the last good version of a broken file, the rest goes out (issue 18, 7).
    expect(workflow.jobs.build!.if).toBe("${{ !cancelled() && github.event_name != 'pull_request' }}");
    expect(workflow.jobs.build!.steps[0]!.with).toEqual({ 'fetch-depth': 0 });
    expect(uses('build')).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-artifact', 'actions/upload-pages-artifact']);
    expect(runs('build')).toEqual([
      INSTALL,
      'npx aushang announce --save-before announce-before.json',
      'export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"\nnpx aushang build --keep-last-good\necho "manifest_sha256=$(sha256sum dist/manifest.json | cut -d \' \' -f 1)" >> "$GITHUB_OUTPUT"',
    ]);
    expect(workflow.jobs.build!.outputs).toEqual({ manifest_sha256: '${{ steps.build.outputs.manifest_sha256 }}' });
    expect(workflow.jobs.build!.steps.find((step) => step.run?.includes('npx aushang build'))!.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.base_url }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
  });

  test('deploy to GitHub Pages with the permissions it needs and no more', () => {
    expect(uses('deploy')).toEqual(['actions/deploy-pages']);
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs.deploy!.environment!.name).toBe('github-pages');
  });

  test('verify the deployed copy against the build’s manifest, anchored by its hash', () => {
    expect(runs('verify')[0]).toBe(INSTALL);
    expect(runs('verify')[1]).toContain('npx aushang verify "$SITE" --manifest-sha256 "$MANIFEST_SHA256"');
    expect(workflow.jobs.verify!.steps.at(-1)!.env).toEqual({ SITE: '${{ needs.deploy.outputs.url }}', MANIFEST_SHA256: '${{ needs.build.outputs.manifest_sha256 }}' });
  });

  // Issue 22, scope 5: each new update once, after the deployed copy is verified; skipped when not set up.
  test('announce: what was online is saved before deploying; after verify, the new entries are posted', () => {
    const configured = "vars.AUSHANG_MASTODON_URL != '' || vars.AUSHANG_WEBHOOK_URL != ''";
    const save = workflow.jobs.build!.steps.find((step) => step.run?.includes('--save-before'))!;
    expect(save.if).toBe(`\${{ ${configured} }}`);
    expect(save.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.base_url }}',
      AUSHANG_MASTODON_URL: '${{ vars.AUSHANG_MASTODON_URL }}',
      AUSHANG_MASTODON_TOKEN: '${{ secrets.AUSHANG_MASTODON_TOKEN }}',
      AUSHANG_WEBHOOK_URL: '${{ vars.AUSHANG_WEBHOOK_URL }}',
    });
    const job = workflow.jobs.announce!;
    expect(job.needs).toEqual(['deploy', 'verify']);
    expect(job.if).toBe(`\${{ !cancelled() && needs.verify.result == 'success' && (${configured}) }}`);
    expect(job.permissions).toBeUndefined();
    expect(uses('announce')).toEqual(['actions/checkout', 'actions/setup-node', 'actions/download-artifact']);
    expect(job.steps.find((step) => step.uses?.startsWith('actions/download-artifact'))!['continue-on-error']).toBe(true);
    expect(runs('announce')).toEqual([INSTALL, 'npx aushang announce --site "$SITE" --state announce-before.json']);
    // The token and the signing key are secrets; nothing else of the repository's secrets is passed.
    expect(job.steps.at(-1)!.env).toEqual({
      SITE: '${{ needs.deploy.outputs.url }}',
      AUSHANG_MASTODON_URL: '${{ vars.AUSHANG_MASTODON_URL }}',
      AUSHANG_MASTODON_TOKEN: '${{ secrets.AUSHANG_MASTODON_TOKEN }}',
      AUSHANG_WEBHOOK_URL: '${{ vars.AUSHANG_WEBHOOK_URL }}',
      AUSHANG_WEBHOOK_SECRET: '${{ secrets.AUSHANG_WEBHOOK_SECRET }}',
    });
  });
});

type GitLabJob = { stage: string; script: string[]; rules?: { if: string }[]; needs?: string[]; artifacts?: { paths?: string[]; reports?: Record<string, string>; when?: string } };

describe('the GitLab pipeline', async () => {
  const { read } = await initialised();
  const pipeline = parse(await read('.gitlab-ci.yml')) as Record<string, unknown> & { stages: string[]; default: { image: string } };
  const job = (name: string) => pipeline[name] as GitLabJob;

  test('on Node 24; stages check, deploy, verify, announce', () => {
    expect(pipeline.default.image).toBe('node:24');
    expect(pipeline.stages).toEqual(['check', 'deploy', 'verify', 'announce']);
  });

  test('check in every pipeline, with the Code Quality report; on the default branch it says what stays online', () => {
    expect(job('check').rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH', variables: { KEEP_LAST_GOOD: '--keep-last-good' } }, { when: 'on_success' }]);
    expect(job('check').script).toEqual([INSTALL, 'npx aushang check --format gitlab --output gl-code-quality-report.json $KEEP_LAST_GOOD']);
    expect(job('check').artifacts).toEqual({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
  });

  test('every job installs only what the site runs, from npm’s cache kept per lockfile', () => {
    for (const name of ['check', 'pages', 'verify']) expect(job(name).script[0], name).toBe(INSTALL);
    expect(pipeline.variables).toEqual({ npm_config_cache: '$CI_PROJECT_DIR/.npm', NODE_OPTIONS: '--max-semi-space-size=32' });
    expect(pipeline.cache).toEqual({ key: { files: ['package-lock.json'] }, paths: ['.npm/'] });
  });

  test('merge requests and branches run, without duplicate pipelines', () => {
    const rules = (pipeline.workflow as { rules: { if: string; when?: string }[] }).rules;
    expect(rules.map((rule) => rule.if)).toEqual(['$CI_PIPELINE_SOURCE == "merge_request_event"', '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS', '$CI_COMMIT_BRANCH']);
    expect(rules[1]!.when).toBe('never');
  });

  test('pages builds into public/ on the default branch only; verify follows it', () => {
    expect(job('pages').stage).toBe('deploy');
    // Also when check failed (when: always), with the history --keep-last-good searches (issue 18, 7).
    expect(job('pages').rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH', when: 'always' }]);
    expect((job('pages') as GitLabJob & { variables?: Record<string, unknown> }).variables).toEqual({ GIT_DEPTH: 0 });
    expect(job('pages').script.at(-2)).toBe('npx aushang build --out public --keep-last-good');
    expect(job('pages').script.at(-1)).toBe('echo "MANIFEST_SHA256=$(sha256sum public/manifest.json | cut -d \' \' -f 1)" > manifest.env');
    expect(job('pages').script).toContain('export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"');
    expect(job('pages').artifacts).toEqual({ paths: ['public', 'announce-before.json'], reports: { dotenv: 'manifest.env' } });
    // What was online before this deployment, for announce (issue 22, scope 5); before the build.
    expect(job('pages').script.indexOf('npx aushang announce --save-before announce-before.json')).toBe(job('pages').script.length - 3);
    expect(job('verify').needs).toEqual(['pages']);
    // pages does not wait for the check stage: it publishes the last good version of a broken file anyway.
    expect(job('pages').needs).toEqual([]);
    expect(job('verify').rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(job('verify').script.at(-1)).toContain('npx aushang verify "$CI_PAGES_URL/" --manifest-sha256 "$MANIFEST_SHA256" --against public');
  });

  test('announce after verify, on the default branch, only when a channel is set up', () => {
    expect(job('announce').stage).toBe('announce');
    expect(job('announce').needs).toEqual(['pages', 'verify']);
    expect(job('announce').rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && ($AUSHANG_MASTODON_TOKEN || $AUSHANG_WEBHOOK_URL)' }]);
    expect(job('announce').script).toEqual([INSTALL, 'npx aushang announce --site "$CI_PAGES_URL/" --state announce-before.json']);
  });
});

describe('CODEOWNERS and .gitignore', () => {
  test('CODEOWNERS gives the town’s folder to its editors, as a commented example', async () => {
    const { read } = await initialised({ name: 'Musterhausen' });
    const text = await read('CODEOWNERS');
    expect(text).toContain('# /content/towns/musterhausen/  @BEISPIEL-ORGANISATION/redaktion-musterhausen');
    expect(text.split('\n').filter((line) => line.trim() && !line.startsWith('#'))).toEqual([]);
  });

  test('.gitignore keeps builds and installs out of the repository', async () => {
    const { read } = await initialised();
    expect((await read('.gitignore')).split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'dist/', '.astro/']));
  });
});
