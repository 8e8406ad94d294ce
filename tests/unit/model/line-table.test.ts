/**
 * `SourceFile.lineOf` answers from a line table computed once after parsing (src/model/parse.ts)
 * instead of walking the kept YAML document. Its answers must be those of the walk it replaced,
 * for every field path: the walk is kept here, as it was, and both are asked every path the
 * document holds and many it does not (a missing key, an index past the end, a number where a
 * key is text and the other way round, a step below a plain value, an alias, a flow pair), over
 * the example content, the test sites and a set of hostile YAML texts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { parseSource, splitFrontMatter, type SourceKind } from '../../../src/model/read.ts';

type FieldPath = readonly PropertyKey[];

/** The document as parseSource made it before, and `lineOf` exactly as it walked it (the old locator). */
function oldLineOf(yamlText: string): (fieldPath: FieldPath) => number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, resolveKnownTags: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined && String(node.value) !== node.source) node.value = node.source;
    },
  });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  return (fieldPath) => {
    if (!doc.contents) return undefined;
    let node: unknown = doc.contents;
    let line: number | undefined = node && (node as Node).range ? lineAt((node as Node).range![0]) : 1;
    for (const part of fieldPath) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === part);
        if (!pair) return line;
        const key = pair.key as Node;
        if (key.range) line = lineAt(key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part] as Node | undefined;
        if (!item) return line;
        if (item.range) line = lineAt(item.range[0]);
        node = item;
      } else return line;
    }
    return line;
  };
}

/** Every path to a key or item of the document, with each key as written (text, number, true, null). */
function writtenPaths(yamlText: string): PropertyKey[][] {
  const doc = parseDocument(yamlText, { uniqueKeys: false, resolveKnownTags: false });
  const out: PropertyKey[][] = [[]];
  const walk = (node: unknown, at: PropertyKey[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : String(pair.key);
        const step = (typeof key === 'number' || typeof key === 'string' ? key : String(key)) as PropertyKey;
        out.push([...at, step]);
        walk(pair.value, [...at, step]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        out.push([...at, i]);
        walk(item, [...at, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

const symbol = Symbol('not a key');

/** The paths written, and around each the near misses a rule or a zod issue might ask for. */
function questions(yamlText: string): FieldPath[] {
  const tails: PropertyKey[][] = [[], ['zzz'], [0], [1], [2], [99], [-1], [1.5], ['0'], ['1'], [-0], [Number.NaN], [symbol], ['x', 0], [0, 'title'], ['']];
  const out: FieldPath[] = [];
  for (const written of writtenPaths(yamlText)) {
    const variants = [written, written.map((p) => (typeof p === 'number' ? String(p) : /^\d+$/.test(String(p)) ? Number(p) : p))];
    for (const variant of variants) for (const tail of tails) out.push([...variant, ...tail]);
  }
  return out;
}

function yamlTextOf(kind: SourceKind, bytes: Uint8Array): string | undefined {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (kind === 'site') return text;
  const split = splitFrontMatter('x', text);
  return 'errors' in split ? undefined : split.yamlText;
}

/** Old and new answers for every question about one file; undefined when the file does not parse. */
function compare(kind: SourceKind, bytes: Uint8Array): { asked: number; differ: string[] } | undefined {
  const source = parseSource(kind, 'x', bytes, { slug: 'x' }).source;
  const yamlText = yamlTextOf(kind, bytes);
  if (!source || yamlText === undefined) return undefined;
  const old = oldLineOf(yamlText);
  const asked = questions(yamlText);
  const differ = asked.filter((q) => source.lineOf(q) !== old(q)).map((q) => `${String(q.map(String))}: ${source.lineOf(q)} ≠ ${old(q)}`);
  return { asked: asked.length, differ };
}

function contentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return contentFiles(p);
    return /\.(md|yaml)$/.test(name) ? [p] : [];
  });
}

const hostile: Record<string, string> = {
  numberKeys: '1: a\n"2": b\n07: c\n0x1F: d\n-0: e\n2.50: f\n.nan: g\n.inf: h\ntrue: i\nnull: j\n1e3: k\n3:\n  4: l\n  "4x": m\n',
  flow: 'a: {b: 1, c: [x, {d: 2}], e: [f: g, [h]]}\nlist: [1, {}, [k: v]]\n',
  aliases: 'base: &b {x: 1, y: [1, 2]}\nuse: *b\nlist: &l [1, {z: 2}]\nmore: *l\nmerged:\n  <<: *b\n  w: 3\n',
  empty: 'a:\nb: ~\nc:\n  -\n  - x\n  -\n  - - \n    -\nd: []\ne: {}\n',
  keysThatLookLikeSteps: '"s1:x": 1\n"a\\u0001b": 2\n"": 3\n"n1:": 4\n"a.b": 5\ns1: {"x": 6}\n"s1:xs1:x": 7\n',
  complexKeys: '? [a, b]\n: c\n? {x: y}\n: z\nplain: after\n',
  nestedLists: 'm:\n  - - - deep\n      - x\n  - [1, [2, [3]]]\n  -\n    k: v\n    l:\n      - 1\n',
  blockScalars: 't: |\n  line\n  line2\nu: >-\n  folded\n  text\nv: after\n',
  tagged: '!!str 1: a\n!!int "2": b\nc: !!str 3\nd: !!seq [1]\n',
  scalarTop: '~\n',
  commentOnly: '# nothing here\n',
  deep: Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}k${i}:\n`).join('') + `${'  '.repeat(150)}v: end\n`,
  crlfAndBom: '\uFEFFa: 1\r\nb:\r\n  - c\r\n  - d: 2\r\n',
  quotedAndMultiline: 'a: "one\n  two"\nb: \'x\'\nc: [\n  1,\n  2\n]\nd: {\n  e: 1 }\n',
};

describe('the line table answers as the document walk did', () => {
  test('for every path of the example content and the test sites', () => {
    const files = [...contentFiles('content'), ...contentFiles('tests/fixtures/sites')];
    expect(files.length).toBeGreaterThan(20);
    let asked = 0;
    for (const file of files) {
      const kind: SourceKind = file.endsWith('.yaml') ? 'site' : 'service';
      const result = compare(kind, readFileSync(file));
      if (!result) continue;
      asked += result.asked;
      expect(result.differ, file).toEqual([]);
    }
    expect(asked).toBeGreaterThan(10_000);
  });

  test.each(Object.entries(hostile))('for hostile YAML: %s', (_name, yaml) => {
    const result = compare('site', new TextEncoder().encode(yaml));
    expect(result).toBeDefined();
    expect(result!.differ).toEqual([]);
    expect(result!.asked).toBeGreaterThan(15);
  });

  test('in front matter below blank lines, where line N of the YAML text is line N of the file', () => {
    const result = compare('service', new TextEncoder().encode('\n\n---\ntitle: x\ntasks:\n  - title: y\n---\nBody\n'));
    expect(result!.differ).toEqual([]);
    const source = parseSource('service', 'x', new TextEncoder().encode('\n\n---\ntitle: x\ntasks:\n  - title: y\n---\nBody\n'), { slug: 'x' }).source!;
    expect([source.lineOf([]), source.lineOf(['title']), source.lineOf(['tasks', 0, 'title']), source.lineOf(['tasks', 3])]).toEqual([4, 4, 6, 5]);
  });
});
