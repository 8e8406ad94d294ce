/**
 * Keys written twice (src/model/parse.ts, `duplicateKeys`): found in one pass instead of by the
 * `yaml` package's own check, which compares each key with every key before it (a front matter
 * of 100,000 keys held the build for minutes). The answers must be the parser's: a file refused
 * exactly when `uniqueKeys: true` refuses it, and one whose only mistakes are repeated keys with
 * the same messages on the same lines, on hand-written cases and on seeded mutations
 * of the example's files; and a huge front matter that only the `yaml` way reads is read in
 * seconds, not minutes.
 */
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parserProblems, readYamlFully, yamlOptions } from '../../../src/model/parse.ts';
import { seededRandom } from '../../support/random.ts';
import { frontMatters } from '../support/front-matter.ts';

const repository = path.resolve(import.meta.dirname, '../../..');

/**
 * Code, message and line of each problem, in order: what the editors' messages are made of. After
 * a key with an empty value the parser places a repeated key at the end of the line before
 * (`channels:` twice in a row: line 11, where the second is on 12); `duplicateKeys` names the
 * repeated key's own line, which is what an offset at a line end means.
 */
function asReported(text: string, problems: readonly { code: string; message: string; pos: readonly [number, number] }[]) {
  const lines = new LineCounter();
  parseDocument(text, { ...yamlOptions, lineCounter: lines });
  const at = ({ code, pos }: { code: string; pos: readonly [number, number] }) => (code === 'DUPLICATE_KEY' && text[pos[0]] === '\n' ? pos[0] + 1 : pos[0]);
  return problems.map((problem) => ({ code: problem.code, message: problem.message, line: lines.linePos(at(problem)).line }));
}

/**
 * The same problems on the same lines, lines in the order of the text. Two problems on one line
 * may come in either order (the parser places a repeated key where its key's properties end,
 * `duplicateKeys` where the key starts); `yamlErrors` reports one message a line.
 */
function compare(text: string): void {
  const byLine = (problems: readonly { code: string; message: string; pos: readonly [number, number] }[]) => {
    const lines = new Map<number, string[]>();
    for (const { line, code, message } of asReported(text, problems)) lines.set(line, [...(lines.get(line) ?? []), `${code}: ${message}`].sort());
    return [...lines].sort((a, b) => a[0] - b[0]);
  };
  const ours = parserProblems(parseDocument(text, yamlOptions));
  const parsers = parseDocument(text, { ...yamlOptions, uniqueKeys: true }).errors;
  expect(ours.map((p) => p.pos[0]), 'in the order of the text').toEqual(ours.map((p) => p.pos[0]).sort((a, b) => a - b));
  // A file with other mistakes is refused either way; where the parser recovered from them, its
  // map may hold other keys than the document it gives back, so only refusing is compared.
  if (parsers.some((e) => e.code !== 'DUPLICATE_KEY')) expect(ours.length, JSON.stringify(text)).toBeGreaterThan(0);
  else expect(byLine(ours), JSON.stringify(text)).toEqual(byLine(parsers));
}

const cases = [
  'a: 1\nb: 2\na: 3\n',
  'a: 1\na: 2\na: 3\n',
  'x:\n  a: 1\n  a: 2\ny:\n  a: 3\n',
  '1: a\n"1": b\n1: c\n',
  '~: a\nnull: b\n',
  ': a\n: b\n',
  '.nan: a\n.nan: b\n',
  'true: a\nTrue: b\n',
  'k: {a: 1, b: 2, a: 3}\n',
  'list:\n  - a: 1\n    a: 2\n  - a: 1\n',
  '&x a: 1\na: 2\n',
  'a: 1\n!!str a: 2\n',
  '"a": 1\n\'a\': 2\na: 3\n',
  'a: 1\nb: [\na: 2\n',
  'a: 1\n  b: 2\na: 3\n',
  '? a\n: 1\n? a\n: 2\n',
  '[a]: 1\n[a]: 2\n',
  'a: 1\nb: *x\na: 2\n',
];

describe('keys written twice, found in one pass, as the yaml package reports them', () => {
  test.each(cases.map((text, i) => [i, text]))('case %i', (_, text) => compare(text));

  test('seeded mutations of the example files: lines doubled, keys repeated', { timeout: 30_000 + Number(process.env.DUPLICATE_ROUNDS ?? 0) * 3 }, () => {
    const files = frontMatters(path.join(repository, 'content'));
    const random = seededRandom(21);
    let duplicates = 0;
    for (let round = 0; round < Number(process.env.DUPLICATE_ROUNDS ?? 600); round++) {
      const lines = files[Math.floor(random() * files.length)]!.split('\n');
      for (let i = 0; i < 3; i++) {
        const at = Math.floor(random() * lines.length);
        lines.splice(Math.floor(random() * lines.length), 0, lines[at]!);
      }
      const text = lines.join('\n');
      if (parseDocument(text, { ...yamlOptions, uniqueKeys: true }).errors.some((e) => e.code === 'DUPLICATE_KEY')) duplicates++;
      compare(text);
    }
    // The comparison means something only if many mutations repeat a key.
    expect(duplicates).toBeGreaterThan(100);
  });

  test('100,000 keys that only the yaml way reads (a backslash) are read in seconds, the repeated one named', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: "v\\u0041"`);
    keys.push('k5: again');
    const started = performance.now();
    const read = readYamlFully('f.md', `\n${keys.join('\n')}\n`);
    // The parser's own check took minutes; a hang is caught long before the test's own limit.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(read).toMatchObject({ failed: [{ line: 100_002, code: 'yaml', params: { detail: 'duplicateKey', message: 'Map keys must be unique' } }] });
  }, 60_000);
});
