/**
 * The fast way through the YAML (src/model/fast-yaml.ts, js-yaml's events) must answer exactly
 * as the `yaml` way (parse.ts's `readYamlFully`, the reference) wherever it answers at all: the
 * same data (numbers kept as written, empty entries, block texts, lists of sets of fields) and
 * the same line of every key and list item. Whatever it does not take (a mistake, an anchor, a
 * tag, an escape, a control character) goes the `yaml` way, so the editors' messages stay.
 *
 * Compared on every content file of the repository (the example, the test sites, a generated
 * district), on hand-written cases of each YAML form, and on seeded mutations of all of them.
 * More rounds: FAST_YAML_ROUNDS=200000 npx vitest run tests/unit/content/fast-yaml.test.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate } from '../../../bench/generate.ts';
import { fastYaml } from '../../../src/model/fast-yaml.ts';
import { readYamlFully, type LineTable } from '../../../src/model/parse.ts';
import { frontMatters } from '../support/front-matter.ts';
import { seededRandom } from '../../support/random.ts';

const repository = path.resolve(import.meta.dirname, '../../..');
const SEED = Number(process.env.FAST_YAML_SEED ?? 21);
const ROUNDS = Number(process.env.FAST_YAML_ROUNDS ?? 4000);

/** Every front matter of the repository's content, and of a generated district (bench/generate.ts). */
function corpus(): string[] {
  const texts = ['content', 'tests/fixtures/sites'].flatMap((dir) => frontMatters(path.join(repository, dir)));
  const district = mkdtempSync(path.join(tmpdir(), 'aushang-fast-yaml-'));
  try {
    generate({ out: district, towns: 4, services: 30 });
    texts.push(...frontMatters(district));
  } finally {
    rmSync(district, { recursive: true, force: true });
  }
  return texts;
}

/** The forms of YAML an editor may write, each as a small front matter (line 1 is the opening ---). */
const forms = [
  'title: Bürgerbüro\nstatus: limited\n',
  '# comment\ntitle: A # trailing\n\n# between\nstatus: normal\n',
  'phone: 0292110300\nfax: +4929211030\nzip: 59494\nyear: 2023\nratio: 1.5\nlong: 1.50\nneg: -0\nexp: 1e3\nhex: 0x1F\noct: 0o17\ninf: .inf\nnan: .nan\nbig: 12345678901234567890\nund: 1_000\n',
  'a: true\nb: False\nc: TRUE\nd: yes\ne: ~\nf: null\ng:\nh: Null\n',
  'updated: 2023-11-03 14:17\nexpected: 2023-11-21\n',
  'summary: |\n  Zeile 1\n  Zeile 2\n\nnext: x\n',
  'summary: >-\n  gefaltet\n  weiter\n\n  Absatz\n',
  'summary: |+\n  behalten\n\n\nnext: 1\n',
  'summary: |2\n    eingerückt\n  zwei\n',
  'summary: >-1\n  x\n',
  'summary: "doppelt\n  gefaltet"\nother: \'einfach \'\'zitiert\'\'\'\n',
  "title: 'Achtung: geschlossen'\nsub: \"x: y\"\n",
  'keywords: [Ausweis, Pass, "Reise pass", 12, 0049]\n',
  'flow: {a: 1, b: [x, y], c: {d: e}}\n',
  'contacts:\n  - phone: 02921 103 0\n    label: Zentrale\n  - email: info@soest.de\n  -\n    fax: 02921 1\n',
  'list:\n- a\n-\n- b\n- - c\n  - d\n',
  'tasks:\n  - title: Ausweis\n    status: unavailable\n    channels:\n      - kind: phone\n        value: "02921 1"\n      - kind: post\n',
  'plain: mehr\n  zeilen\n  ohne Anführung\n',
  'a: b\n...\n',
  '',
  '# only a comment\n',
  'Title: x\nfield_name: y\nfield-name: z\n',
  'a:\n  b:\n    c:\n      d: tief\n',
  'seq:\n  - |\n    block im Listenpunkt\n  - >\n    gefaltet\n',
  'nested:\n  - [a, b]\n  - {k: v}\n',
  'e: info@soest.de\nat: "@x"\nexcl: Achtung!\namp: Bau & Verkehr\nstar: 5 * 3\n',
  'tab:\tnach dem Doppelpunkt\n',
  '? erklärt\n: b\n',
];

const tokens = ['&a ', '*a', '!', '! ', '!!str ', '!!int ', '!foo ', ': ', '- ', '-', '[', '{', ']', '}', ',', '"', "'", '#', ' #', '|', '>', '|-', '>+', '? ', '<<: ', '%', '@', '`', '...', '\t', '\\', '\\n', '~', 'null', 'true', '0', '01', '1.0', '-', '.inf', ' ', '  ', '\n', 'ä', '😀', '\u2028', '\u0007', '__proto__', 'a:', 'x: y: z'];


type Random = () => number;
const index = (random: Random, length: number) => Math.floor(random() * Math.max(length, 1));
const pick = <T,>(random: Random, list: readonly T[]): T => list[index(random, list.length)]!;

const mutations: ((text: string, random: Random) => string)[] = [
  (text, random) => {
    const at = index(random, text.length);
    return text.slice(0, at) + pick(random, tokens) + text.slice(at);
  },
  (text, random) => {
    const lines = text.split('\n');
    const i = index(random, lines.length);
    lines[i] = pick(random, tokens) + lines[i];
    return lines.join('\n');
  },
  (text, random) => {
    const lines = text.split('\n');
    lines.splice(index(random, lines.length), 1);
    return lines.join('\n');
  },
  (text, random) => {
    const lines = text.split('\n');
    const i = index(random, lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  },
  (text, random) => {
    const lines = text.split('\n');
    const i = index(random, lines.length);
    const j = index(random, lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  },
  (text, random) => {
    const lines = text.split('\n');
    const i = index(random, lines.length);
    lines[i] = random() < 0.5 ? `${' '.repeat(1 + index(random, 4))}${lines[i]}` : lines[i]!.replace(/^\s+/, '');
    return lines.join('\n');
  },
  (text, random) => {
    // A value replaced by another kind of value.
    const lines = text.split('\n');
    const i = index(random, lines.length);
    lines[i] = lines[i]!.replace(/: .*$/, `: ${pick(random, ['12', '012', '1.50', '+49 2921', 'true', '~', '', '[a, b]', '{a: 1}', '|', '"x"', "'y'", '- z', '2023-11-03', '.5', '-.inf', '1e5', '0x10'])}`);
    return lines.join('\n');
  },
  (text, random) => text.slice(0, index(random, text.length)),
];

/** A line table as what `lineOf` reads of it: the line of each path (the order of the entries means nothing). */
function byPath(lines: LineTable) {
  return { root: lines.root, lines: new Map(lines.paths.map((p, i) => [p, lines.lines[i]])) };
}

/** What both ways say of one text; a failure names it, for the regression cases above. */
function compare(text: string): 'fast' | 'full' {
  const fast = fastYaml(text);
  if (!fast) return 'full';
  const full = readYamlFully('f.md', text);
  const shown = JSON.stringify(text);
  if ('failed' in full) expect.fail(`${shown}: the fast way read what the yaml way refuses: ${JSON.stringify(full.failed)}`);
  expect(full.errors, shown).toEqual([]);
  expect(full.js, shown).toStrictEqual(fast.js);
  expect(byPath(fast.lines), shown).toStrictEqual(byPath(full.lines));
  expect(fast.lines.paths.length, shown).toBe(full.lines.paths.length);
  return 'fast';
}

describe('the fast way through the YAML answers as the yaml package does', () => {
  const texts = corpus();

  test('every front matter of the repository, and of a generated district', () => {
    expect(texts.length).toBeGreaterThan(150);
    const ways = texts.map(compare);
    // Most go the fast way: the district's files all do.
    expect(ways.filter((way) => way === 'fast').length).toBeGreaterThan(texts.length * 0.8);
  });

  test.each(forms.map((form, i) => [i, form]))('form %i', (_, form) => {
    const text = `\n${form}`;
    compare(text);
  });

  test('the forms go the fast way but for an empty front matter, an empty list item, block texts in lists, a key not a name, `...`', () => {
    const slow = forms.filter((form) => fastYaml(`\n${form}`) === undefined);
    expect(slow).toEqual(forms.filter((form) => form === '' || form.startsWith('# only') || form.includes('\t') || /^(list|seq):|^\? |\.\.\.|[|>](-?[1-9]|[1-9][-+]|\+)\n/.test(form)));
  });

  test('what only the yaml way checks goes the yaml way', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !foo x\n', 'a: !!str 1\n', 'a: "\\u0007"\n', 'a: x\u0007\n', '__proto__: x\n', 'a:\n  __proto__: {}\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', '1: x\n', 'true: x\n', '"a": x\n', '<<: {a: 1}\n', '- a\n', 'text\n']) {
      expect(fastYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  test('a mistake goes the yaml way, which names it', () => {
    for (const text of ['summary: Achtung: geschlossen\n', 'a: b\n  c: d\n', 'a: "x"y\n', 'a: [x, y\n', 'a: b\nb: c\na: d\n', 'a: @x\n', 'a:\n  - b\n - c\n', 'a:\n\t- b\n']) {
      expect(fastYaml(text), JSON.stringify(text)).toBeUndefined();
      expect('failed' in readYamlFully('f.md', text), JSON.stringify(text)).toBe(true);
    }
  });

  test(`${ROUNDS} seeded mutations (seed ${SEED})`, { timeout: 30_000 + ROUNDS }, () => {
    const random = seededRandom(SEED);
    const sources = [...texts, ...forms.map((form) => `\n${form}`)];
    let fast = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let text = pick(random, sources);
      const times = 1 + index(random, 3);
      for (let i = 0; i < times; i++) text = pick(random, mutations)(text, random);
      if (compare(text) === 'fast') fast++;
    }
    // The comparison means something only if many mutated files still go the fast way.
    expect(fast).toBeGreaterThan(ROUNDS * 0.3);
  });
});
