/**
 * `verifyCopy` against a fake web host: what it reports, retries, timeouts, concurrency; the
 * manifest anchored by its hash. `npm run verify` against a copy served by a local HTTP server.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { createManifest, serializeManifest, type ManifestEntry } from '../../../src/hosting/manifest.ts';
import { normalizeSiteUrl, verifyCopy, VerifyError } from '../../../src/hosting/verify.ts';
import { writeHostingFiles } from '../../../src/hosting/write.ts';
import { serve } from '../../support/serve.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const entry = (path: string, text: string): ManifestEntry => ({ path, size: Buffer.byteLength(text), sha256: sha(text) });

type Answer = string | { status: number; body?: string } | Error | 'hang';

/** A host: path below http://host/site/ → answer. Counts requests in flight. */
function host(files: Record<string, Answer | Answer[]>) {
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fake = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const key = decodeURIComponent(url.pathname.replace(/^\/site\//, ''));
    calls.push(key);
    const queue = files[key];
    const answer = Array.isArray(queue) ? (queue.length > 1 ? queue.shift()! : queue[0]!) : queue;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((r) => setTimeout(r, 5));
      if (answer === undefined) return new Response('not found', { status: 404 });
      if (answer === 'hang') {
        return await new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
        });
      }
      if (answer instanceof Error) throw answer;
      if (typeof answer === 'string') return new Response(answer, { status: 200 });
      return new Response(answer.body ?? '', { status: answer.status });
    } finally {
      inFlight--;
    }
  }) as typeof fetch;
  return { fetch: fake, calls, maxInFlight: () => maxInFlight };
}

const site = { 'index.html': '<h1>Start</h1>', 'soest/index.html': '<h1>Soest</h1>', '404.html': '<h1>Nicht gefunden</h1>' };
const manifestOf = (files: Record<string, string>, base = '/') =>
  createManifest(base, Object.entries(files).map(([path, text]) => entry(path, text)));
const url = 'http://host/site/';

describe('verifyCopy', () => {
  test('an intact copy: every file fetched and identical', async () => {
    const fake = host({ ...site, 'manifest.json': serializeManifest(manifestOf(site)) });
    const report = await verifyCopy({ url: 'http://host/site', fetch: fake.fetch });
    expect(report).toEqual({ url, checked: 3, problems: [] });
    expect(fake.calls.sort()).toEqual(['404.html', 'index.html', 'manifest.json', 'soest/index.html']);
  });

  test('a changed file, a missing file; 404.html may come with status 404', async () => {
    const fake = host({
      'manifest.json': serializeManifest(manifestOf(site)),
      'index.html': '<h1>Start</h1>!',
      '404.html': { status: 404, body: site['404.html'] },
    });
    const report = await verifyCopy({ url, fetch: fake.fetch });
    expect(report.problems).toEqual([
      { kind: 'changed', path: 'index.html', detail: `15 bytes, sha256 ${sha('<h1>Start</h1>!').slice(0, 12)}… instead of 14 bytes, sha256 ${sha('<h1>Start</h1>').slice(0, 12)}…` },
      { kind: 'missing', path: 'soest/index.html', detail: 'HTTP 404' },
    ]);
  });

  test('against a local build: extra and unlisted files, and a copy of another build', async () => {
    const local = manifestOf(site);
    const remoteFiles = { ...site, 'soest/index.html': '<h1>Soest alt</h1>', 'alt.html': 'alt' } as Record<string, string>;
    delete remoteFiles['404.html'];
    const fake = host({ ...remoteFiles, '404.html': site['404.html'], 'manifest.json': serializeManifest(manifestOf(remoteFiles)) });
    const report = await verifyCopy({ url, against: local, fetch: fake.fetch });
    expect(report.problems.map((p) => `${p.kind} ${p.path}`)).toEqual(['unlisted 404.html', 'extra alt.html', 'changed soest/index.html']);
    // The local build's files are fetched, not the copy's extra one.
    expect(fake.calls).not.toContain('alt.html');
  });

  test('a right file that the copy lists wrongly', async () => {
    const wrong = createManifest('/', [entry('index.html', 'something else'), entry('soest/index.html', site['soest/index.html']), entry('404.html', site['404.html'])]);
    const fake = host({ ...site, 'manifest.json': serializeManifest(wrong) });
    const report = await verifyCopy({ url, against: manifestOf(site), fetch: fake.fetch });
    expect(report.problems).toEqual([
      { kind: 'unlisted', path: 'index.html', detail: expect.stringMatching(/^the file is right, but the copy's manifest.json lists 14 bytes/) },
    ]);
  });

  test('retries a 503 and a dropped connection, then gives up with a sentence', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const fake = host({
      'manifest.json': serializeManifest(manifestOf(site)),
      'index.html': [{ status: 503 }, site['index.html']],
      'soest/index.html': [refused, refused, refused, refused],
      '404.html': site['404.html'],
    });
    const report = await verifyCopy({ url, fetch: fake.fetch, retries: 2 });
    expect(report.problems).toEqual([{ kind: 'missing', path: 'soest/index.html', detail: 'connection refused' }]);
    expect(fake.calls.filter((c) => c === 'soest/index.html')).toHaveLength(3);
  });

  test('a host that does not answer: a timeout per request', async () => {
    const fake = host({ 'manifest.json': serializeManifest(manifestOf(site)), 'index.html': 'hang', 'soest/index.html': site['soest/index.html'], '404.html': site['404.html'] });
    const report = await verifyCopy({ url, fetch: fake.fetch, timeoutMs: 50, retries: 0 });
    expect(report.problems).toEqual([{ kind: 'missing', path: 'index.html', detail: 'no answer within 0.1 s' }]);
  });

  test('a bounded number of requests at once', async () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`s${i}/index.html`, `page ${i}`]));
    const fake = host({ ...many, 'manifest.json': serializeManifest(manifestOf(many)) });
    const report = await verifyCopy({ url, fetch: fake.fetch, concurrency: 3 });
    expect(report.problems).toEqual([]);
    expect(report.checked).toBe(40);
    expect(fake.maxInFlight()).toBe(3);
  });

  test('no manifest, or not a manifest: nothing is compared', async () => {
    await expect(verifyCopy({ url, fetch: host({}).fetch })).rejects.toThrow(new VerifyError('cannot load http://host/site/manifest.json: HTTP 404'));
    await expect(verifyCopy({ url, fetch: host({ 'manifest.json': '<html>' }).fetch })).rejects.toThrow(
      'http://host/site/manifest.json is not an Aushang manifest: it is not JSON',
    );
  });

  test('normalises the URL it is given', () => {
    expect(normalizeSiteUrl('https://x.de/notfall')).toBe('https://x.de/notfall/');
    expect(normalizeSiteUrl('https://x.de/notfall/manifest.json?x=1#y')).toBe('https://x.de/notfall/');
    expect(() => normalizeSiteUrl('x.de')).toThrow('is not a URL');
    expect(() => normalizeSiteUrl('ftp://x.de/')).toThrow('is not an http(s) URL');
  });
});

describe('a manifest anchored by its hash (--manifest-sha256)', () => {
  const built = serializeManifest(manifestOf(site));
  // Whoever changed a page changed its entry in the manifest too: the copy agrees with itself.
  const forged = { ...site, 'soest/index.html': '<h1>Soest: alles gut</h1>' };

  test('the build’s manifest: the copy passes', async () => {
    const fake = host({ ...site, 'manifest.json': built });
    expect(await verifyCopy({ url, fetch: fake.fetch, manifestSha256: sha(built) })).toEqual({ url, checked: 3, problems: [] });
  });

  test('a page changed together with its manifest entry: unnoticed without the hash, refused with it', async () => {
    const fake = host({ ...forged, 'manifest.json': serializeManifest(manifestOf(forged)) });
    expect((await verifyCopy({ url, fetch: fake.fetch })).problems).toEqual([]);
    await expect(verifyCopy({ url, fetch: fake.fetch, manifestSha256: sha(built).toUpperCase() })).rejects.toThrow(
      new VerifyError(
        `http://host/site/manifest.json is not the build's manifest: its sha256 is ${sha(serializeManifest(manifestOf(forged)))}, the build printed ${sha(built)}. ` +
          'The copy is another build, or its files and manifest were changed together; nothing else was compared.',
      ),
    );
  });
});

describe('against a local build folder', () => {
  test('files of the folder that its manifest lacks are listed', async () => {
    const fake = host({ ...site, 'manifest.json': serializeManifest(manifestOf(site)) });
    const againstFiles = [...Object.keys(site), 'google1234.html', 'manifest.json', '_headers'];
    const report = await verifyCopy({ url, fetch: fake.fetch, against: manifestOf(site), againstFiles });
    expect(report.problems).toEqual([
      { kind: 'unchecked', path: 'google1234.html', detail: 'in the local folder, but its manifest.json does not list it: a copy may serve it and no check can see it' },
    ]);
  });
});

describe('npm run verify against a copy served here', () => {
  /** The verify command in a process of its own, as CI runs it. */
  function verify(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.resolve('src/cli/verify.ts'), ...argv], { env: { ...process.env, NODE_NO_WARNINGS: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  test('--manifest-sha256 passes the build, refuses a changed copy; --against lists what the manifest lacks', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'aushang-verify-'));
    onTestFinished(() => rm(dist, { recursive: true, force: true }));
    await mkdir(path.join(dist, 'soest'));
    for (const [file, text] of Object.entries(site)) await writeFile(path.join(dist, file), text);
    const manifest = await writeHostingFiles(dist, '/site/');
    const hash = sha(serializeManifest(manifest));
    const copy = await serve(dist, { base: '/site/' });
    onTestFinished(() => copy.close());

    const good = await verify(copy.url, '--manifest-sha256', hash);
    expect(good.stdout).toBe(`Checked 3 files of ${copy.url} against its manifest.json, whose sha256 is the build's.\nOK: the copy is complete and every file is identical.\n`);
    expect(good.code).toBe(0);

    // A page and its entry changed on the server.
    await writeFile(path.join(dist, 'soest/index.html'), '<h1>Soest: alles gut</h1>');
    const forged = createManifest('/site/', [...manifest.files.filter((f) => f.path !== 'soest/index.html'), entry('soest/index.html', '<h1>Soest: alles gut</h1>')]);
    await writeFile(path.join(dist, 'manifest.json'), serializeManifest(forged));
    expect((await verify(copy.url)).code).toBe(0);
    const refused = await verify(copy.url, '--manifest-sha256', hash);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^NOT OK: http:\/\/127\.0\.0\.1:\d+\/site\/manifest\.json is not the build's manifest: its sha256 is [0-9a-f]{64}, the build printed /);
    const wrong = await verify(copy.url, '--manifest-sha256', 'abc');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^--manifest-sha256 needs the 64 hex digits the build printed/);

    // The local folder, with a file added after the build.
    await writeFile(path.join(dist, 'manifest.json'), serializeManifest(manifest));
    await writeFile(path.join(dist, 'soest/index.html'), site['soest/index.html']);
    await writeFile(path.join(dist, 'google1234.html'), 'google-site-verification');
    const against = await verify(copy.url, '--against', dist);
    expect(against.stdout).toContain('  unchecked  google1234.html  (in the local folder, but its manifest.json does not list it: a copy may serve it and no check can see it)\n');
    expect(against.stdout).toMatch(/NOT OK: 1 difference \(1 unchecked\)\.\n$/);
    expect(against.code).toBe(1);
  }, 60_000);

  test('several copies: each checked and reported on its own, the manifest anchor applies to each', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'aushang-verify-'));
    const altered = await mkdtemp(path.join(os.tmpdir(), 'aushang-verify-'));
    onTestFinished(async () => {
      await Promise.all([rm(dist, { recursive: true, force: true }), rm(altered, { recursive: true, force: true })]);
    });
    for (const folder of [dist, altered]) {
      await mkdir(path.join(folder, 'soest'));
      for (const [file, text] of Object.entries(site)) await writeFile(path.join(folder, file), text);
    }
    const hash = sha(serializeManifest(await writeHostingFiles(dist, '/site/')));
    await writeHostingFiles(altered, '/site/');
    await writeFile(path.join(altered, 'soest/index.html'), '<h1>Soest: alles gut</h1>');
    const main = await serve(dist, { base: '/site/' });
    const mirror = await serve(dist, { base: '/site/' });
    const broken = await serve(altered, { base: '/site/' });
    onTestFinished(async () => {
      await Promise.all([main.close(), mirror.close(), broken.close()]);
    });

    const good = await verify(main.url, mirror.url, '--manifest-sha256', hash);
    expect(good.stdout).toBe(
      `Checked 3 files of ${main.url} against its manifest.json, whose sha256 is the build's.\nOK: the copy is complete and every file is identical.\n\n` +
        `Checked 3 files of ${mirror.url} against its manifest.json, whose sha256 is the build's.\nOK: the copy is complete and every file is identical.\n\n` +
        'OK: all 2 copies are complete and identical.\n',
    );
    expect(good.code).toBe(0);

    const bad = await verify(main.url, broken.url, '--manifest-sha256', hash);
    expect(bad.code).toBe(1);
    const [first, second, summary] = bad.stdout.split('\n\n');
    expect(first).toContain('OK: the copy is complete and every file is identical.');
    expect(second).toContain(`Checked 3 files of ${broken.url}`);
    expect(second).toContain('  changed    soest/index.html');
    expect(summary).toBe(`NOT OK: 1 of 2 copies differ or cannot be read: ${broken.url}\n`);
  }, 60_000);

  test('without a URL: the url and every mirror of site.yaml, each reported on its own; none named: which copy?', async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), 'aushang-verify-content-'));
    onTestFinished(() => rm(content, { recursive: true, force: true }));
    await writeFile(path.join(content, 'site.yaml'), 'title: T\noperator: O\nurl: https://notfall.example.invalid\nmirrors:\n  - https://spiegel.example.invalid/notfall\n');
    const run = await verify('--content', content, '--timeout', '2');
    expect(run.code).toBe(1);
    const failures = run.stderr.trim().split('\n');
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^NOT OK: cannot load https:\/\/notfall\.example\.invalid\/manifest\.json: /);
    expect(failures[1]).toMatch(/^NOT OK: cannot load https:\/\/spiegel\.example\.invalid\/notfall\/manifest\.json: /);
    expect(run.stdout.trim()).toBe('NOT OK: 2 of 2 copies differ or cannot be read: https://notfall.example.invalid/, https://spiegel.example.invalid/notfall/');

    await writeFile(path.join(content, 'site.yaml'), 'title: T\noperator: O\n');
    const none = await verify('--content', content);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^which copy\? give its URL, or name url: and mirrors: in site\.yaml\n/);
  }, 60_000);
});
