/**
 * Safe input (docs/content-format.md, "Sichere Eingaben"): no stack trace, no hang, ever. A bounded, seeded fuzz test: a few hundred
 * mutations of the example's files (deleted, doubled and swapped lines, control characters, YAML
 * tokens, cut-off files, changed indentation, `__proto__`, alias chains, bytes that are not
 * UTF-8) are checked in-process, each under a time limit; every answer must be a valid site or
 * errors in the editors' format. A handful go through the real CLI as child processes: exit 0 or
 * 1, nothing on stderr, no stack trace, every line of output an error, a warning or the summary.
 *
 * Reproduce a failure with the seed in its message: FUZZ_SEED=<seed> npx vitest run <this file>.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { internalFailure } from '../../../src/cli/check.ts';
import { loadSite } from '../../../src/model/site.ts';
import { formatContentError } from '../../../src/schema/errors.ts';
import { NOW } from '../support/content.ts';
import { seededRandom } from '../../support/random.ts';

const repository = path.resolve(import.meta.dirname, '../../..');
const SEED = Number(process.env.FUZZ_SEED ?? 16);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 200);
const CLI_ROUNDS = 3;
/** Per check: generous for a loaded 2-core machine; a hang is caught long before the test's own limit. */
const LIMIT_MS = 3_000;


/** A valid part of the example site: settings, the incident, the pages, a district and a town. */
const exampleFiles = [
  'site.yaml',
  'incidents/sit-2023.md',
  'pages/impressum.md',
  'pages/datenschutz.md',
  'pages/barrierefreiheit.md',
  'towns/kreis-soest/index.md',
  'towns/kreis-soest/kfz-zulassung.md',
  'towns/kreis-soest/auslaenderbehoerde.md',
  'towns/soest/index.md',
  'towns/soest/buergerbuero.md',
  'towns/soest/standesamt.md',
  'towns/soest/sperrmuell.md',
];

const yamlTokens = ['&a ', '*a', '!', '! ', '!!js/function ', '!foo ', '---', '----', ': ', '- ', '[', '{', ']', '}', '"', "'", '#', '|', '>', '? ', '<<: *a', '%YAML 1.2', '...', '\t', '__proto__: {}'];
const controls = ['\u0000', '\u0001', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\r', '\u2028', '\uFEFF', '\uFFFE'];

type Random = () => number;
const pick = <T,>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const index = (random: Random, length: number) => Math.floor(random() * Math.max(length, 1));

/** One mutation of a file's text (or bytes, for the encoding mutation). */
const mutations: Record<string, (text: string, random: Random) => string | Uint8Array> = {
  deleteLine: (text, random) => {
    const lines = text.split('\n');
    lines.splice(index(random, lines.length), 1);
    return lines.join('\n');
  },
  duplicateLine: (text, random) => {
    const lines = text.split('\n');
    const i = index(random, lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  },
  swapLines: (text, random) => {
    const lines = text.split('\n');
    const i = index(random, lines.length);
    const j = index(random, lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  },
  controlCharacter: (text, random) => {
    const at = index(random, text.length);
    return text.slice(0, at) + pick(random, controls) + text.slice(at);
  },
  yamlToken: (text, random) => {
    const at = index(random, text.length);
    return text.slice(0, at) + pick(random, yamlTokens) + text.slice(at);
  },
  yamlTokenAtLineStart: (text, random) => {
    const lines = text.split('\n');
    const i = index(random, lines.length);
    lines[i] = pick(random, yamlTokens) + lines[i];
    return lines.join('\n');
  },
  truncate: (text, random) => text.slice(0, index(random, text.length)),
  indentation: (text, random) => {
    const lines = text.split('\n');
    const i = index(random, lines.length);
    lines[i] = random() < 0.5 ? `${' '.repeat(1 + index(random, 4))}${lines[i]}` : lines[i]!.replace(/^\s+/, '');
    return lines.join('\n');
  },
  proto: (text, random) => {
    const lines = text.split('\n');
    lines.splice(1 + index(random, 4), 0, pick(random, ['__proto__:', '__proto__: {title: x}', '  __proto__: x', 'constructor: x', 'prototype: {}']));
    return lines.join('\n');
  },
  aliasChain: (text) => {
    const chain = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) chain.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    return text.replace(/^(---\n)?/, (open) => `${open}${chain.join('\n')}\n`);
  },
  selfAlias: (text) => text.replace(/^(---\n)?/, (open) => `${open}loop: &l\n  - *l\n`),
  notUtf8: (text, random) => {
    const bytes = Buffer.from(text, 'utf8');
    const at = index(random, bytes.length);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xc3]), bytes.subarray(at)]);
  },
  lineEndings: (text, random) => (random() < 0.5 ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r')),
  empty: () => '',
  hugeLine: (text, random) => {
    const lines = text.split('\n');
    lines.splice(index(random, lines.length), 0, `keywords: [${Array(2000).fill('x').join(', ')}]`);
    return lines.join('\n');
  },
};
const mutationNames = Object.keys(mutations);

/** The example files, read once. */
const originals = new Map(exampleFiles.map((file) => [file, readFileSync(path.join(repository, 'content', file), 'utf8')]));

/** A temporary copy of the example part; `apply` writes mutated files, `restore` puts the originals back. */
function workspace() {
  const root = mkdtempSync(path.join(tmpdir(), 'aushang-fuzz-'));
  for (const [file, text] of originals) {
    mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
    writeFileSync(path.join(root, 'content', file), text);
  }
  return {
    root,
    dir: path.join(root, 'content'),
    write: (file: string, content: string | Uint8Array) => writeFileSync(path.join(root, 'content', file), content),
    restore: (file: string) => writeFileSync(path.join(root, 'content', file), originals.get(file)!),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** One round: 1–3 mutations of one or two files. */
function mutate(random: Random): { files: Map<string, string | Uint8Array>; applied: string[] } {
  const files = new Map<string, string | Uint8Array>();
  const applied: string[] = [];
  const count = 1 + index(random, 3);
  for (let i = 0; i < count; i++) {
    const file = i > 0 && random() < 0.7 ? [...files.keys()][0]! : pick(random, exampleFiles);
    const current = files.get(file) ?? originals.get(file)!;
    const name = pick(random, mutationNames);
    const text = typeof current === 'string' ? current : Buffer.from(current).toString('latin1');
    files.set(file, mutations[name]!(text, random));
    applied.push(`${name}(${file})`);
  }
  return { files, applied };
}

/** `content/towns/soest/index.md:12: field: message` or without line or field: one line. */
const problemLine = /^content\/[^\s:]+(:\d+)?: \S[^\n]*$/;
const stackTrace = /^\s+at .*\(|\bat .*:\d+:\d+\)|Error:/m;

const spaces: ReturnType<typeof workspace>[] = [];
afterAll(() => spaces.forEach((space) => space.remove()));

// Once, in the UTC project: the mutations do not depend on the time zone, and the unit tests run twice.
describe.skipIf(process.env.TZ !== 'UTC')(`fuzz (seed ${SEED})`, () => {
  test(`${ROUNDS} mutations of the example's files: errors in the editors' format, each within ${LIMIT_MS} ms`, async () => {
    const random = seededRandom(SEED);
    const space = workspace();
    spaces.push(space);
    const outcomes = { ok: 0, errors: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { files, applied } = mutate(random);
      const label = `seed ${SEED}, round ${round}: ${applied.join(', ')}`;
      for (const [file, content] of files) space.write(file, content);
      const started = performance.now();
      let result: Awaited<ReturnType<typeof loadSite>>;
      try {
        result = await loadSite(space.dir, { urls: { base: '/' }, now: NOW, cwd: space.root });
      } catch (error) {
        throw new Error(`${label}: threw ${error instanceof Error ? error.stack : String(error)}`);
      }
      const elapsed = performance.now() - started;
      expect(elapsed, label).toBeLessThan(LIMIT_MS);
      const problems = result.ok ? result.warnings : result.errors;
      for (const problem of problems) {
        const line = formatContentError(problem, result.language);
        expect(line, label).toMatch(problemLine);
        expect(line, label).not.toMatch(/\{\w+\}/);
        expect(line, label).not.toMatch(stackTrace);
        if (problem.line !== undefined) expect(problem.line, label).toBeGreaterThan(0);
      }
      outcomes[result.ok ? 'ok' : 'errors']++;
      for (const file of files.keys()) space.restore(file);
    }
    // The mutations reach both sides: some edits stay valid, most are refused.
    expect(outcomes.errors).toBeGreaterThan(ROUNDS / 2);
    expect(outcomes.ok).toBeGreaterThan(0);
  }, 120_000);

  test(`${CLI_ROUNDS} mutated copies through the CLI: exit 0 or 1, no stack trace, only errors, warnings and the summary`, async () => {
    const random = seededRandom(SEED ^ 0x5eed);
    const runs = Array.from({ length: CLI_ROUNDS }, (_, round) => {
      const space = workspace();
      spaces.push(space);
      // Two mutated files each, one of them always with an alias chain or a control character.
      const { files, applied } = mutate(random);
      const extra = pick(random, ['aliasChain', 'selfAlias', 'controlCharacter', 'proto'] as const);
      const file = pick(random, exampleFiles);
      files.set(file, mutations[extra]!(String(files.get(file) ?? originals.get(file)!), random));
      for (const [name, content] of files) space.write(name, content);
      return { space, label: `seed ${SEED}, CLI round ${round}: ${[...applied, `${extra}(${file})`].join(', ')}` };
    });
    const check = (cwd: string) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(repository, 'src/cli/check.ts'), 'content'], {
          cwd,
          env: { ...process.env, BASE_PATH: '', SITE_URL: '', AUSHANG_CONTENT: '' },
          timeout: 60_000,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    const results = await Promise.all(runs.map((run) => check(run.space.root)));
    results.forEach((run, i) => {
      const { label } = runs[i]!;
      expect([0, 1], `${label}\n${run.stdout}\n${run.stderr}`).toContain(run.status);
      expect(run.stderr, label).toBe('');
      expect(run.stdout, label).not.toMatch(stackTrace);
      const lines = run.stdout.replace(/\n$/, '').split('\n');
      const summary = lines.pop()!;
      expect(summary, label).not.toMatch(problemLine);
      for (const line of lines.filter((l) => l !== '')) expect(line, label).toMatch(problemLine);
    });
  }, 150_000);
});

describe('a failure that is not a content mistake', () => {
  test('is one line on stderr and exit code 70, without a stack trace', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const error = new RangeError('Maximum call stack size exceeded\n    at dropEmpty (read.ts:1:1)');
      expect(internalFailure('check', error)).toBe(70);
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual(['aushang check: internal failure, not a mistake in the content (please report it): Maximum call stack size exceeded\n']);
  });
});
