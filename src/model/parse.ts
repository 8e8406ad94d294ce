/**
 * One content file's text → plain data, errors and the line table: decoding, front matter,
 * YAML (YAML 1.2: `2023-11-03 14:17:00` stays text, so this module, not a YAML library, decides
 * what a time means) and the YAML rules of content format 1.2 (yaml-safety.ts). Two ways through
 * the YAML with the same answers: the `yaml` package, the reference, for any text; js-yaml's
 * events for the plain front matter most files hold (fast-yaml.ts). No file system and no
 * schema: this is what the YAML workers run (yaml-pool.ts), so it loads no more than the two
 * parsers. Never throws for editor mistakes.
 */
import { gitBlobId } from '../core/git-blob.ts';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ContentError, YamlDetail } from '../schema/errors.ts';
import { fastYaml } from './fast-yaml.ts';
import { pathStep, type LineTable } from './line-table.ts';
import { numberAsWritten } from './yaml-numbers.ts';
import {
  badAliases,
  controlCharactersInBody,
  controlCharactersInFields,
  customTags,
  firstAliasLine,
  prototypeKeys,
  type YamlPlace,
} from './yaml-safety.ts';

export { pathStep, type LineTable } from './line-table.ts';

export type SourceKind = 'site' | 'town' | 'service' | 'incident' | 'page';

/** A content file as read: plain data only, so it can cross from a worker thread. */
export interface ParsedSource {
  kind: SourceKind;
  /** Path as shown to editors, relative to the working directory. */
  file: string;
  /** The file's slug (town, service, incident or page); empty for site.yaml. */
  slug: string;
  /** For services: the town's slug. */
  town?: string;
  /** Front matter as plain data, empty entries removed. */
  data: Record<string, unknown>;
  /** Paths of the entries left empty (`resolved:`), removed from `data`. */
  emptyFields: PropertyKey[][];
  /** Markdown body (empty for site.yaml). */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** Where each key and item is written. */
  lines: LineTable;
  /** Git's id of the bytes read (`git hash-object`): what `aushang-build.json` lists as built. */
  blobId: string;
}

const yamlCodes: Record<string, YamlDetail> = {
  DUPLICATE_KEY: 'duplicateKey',
  TAB_AS_INDENT: 'tab',
  BAD_INDENT: 'indent',
  MISSING_CHAR: 'missingChar',
  BLOCK_AS_IMPLICIT_KEY: 'colon',
  MULTILINE_IMPLICIT_KEY: 'colon',
  IMPLICIT_KEY_NOT_FOUND: 'colon',
  UNEXPECTED_TOKEN: 'token',
  BAD_SCALAR_START: 'scalarStart',
  MULTIPLE_DOCS: 'token',
};

/** The detail for a YAML error: the code alone is too coarse (MISSING_CHAR is a quote, a comma or a colon). */
function yamlDetail(code: string, message: string): YamlDetail {
  // `keywords: [Ausweis, Pass` without the closing bracket.
  if (/must be sufficiently indented and end with/.test(message)) return 'missingChar';
  if (code === 'MISSING_CHAR') {
    if (/quote|Missing ,|end with/.test(message)) return 'missingChar';
    if (/Implicit map keys/.test(message)) return 'colon';
    if (/without - indicator/.test(message)) return 'indent';
    return 'other';
  }
  // `summary: Achtung: geschlossen`, or a line indented under a text value.
  if (/Nested mappings are not allowed in compact mappings/.test(message)) return 'colonInValue';
  return yamlCodes[code] ?? 'other';
}

/**
 * An unclosed quote is reported where the text ends (often the end of the front matter); the
 * editor needs the line where it opens: the first line whose value starts with that quote and
 * does not close it.
 */
function openingQuoteLine(yamlText: string, quote: string, fallback: number): number {
  const lines = yamlText.split('\n');
  const opens = new RegExp(`^\\s*(?:-\\s+)?(?:[^\\s"'#][^:]*:\\s+)?${quote}`);
  for (let i = 0; i < Math.min(fallback, lines.length); i++) {
    const line = lines[i]!;
    const count = line.replaceAll(`\\${quote}`, '').split(quote).length - 1;
    if (opens.test(line) && count % 2 === 1) return i + 1;
  }
  return fallback;
}

/**
 * Removes `key:` entries left empty, so an empty optional field counts as absent. Their paths
 * are collected, so an empty field that does not exist at all can still be reported. `path` is
 * one array, extended and shortened on the way down; only a dropped entry's path is copied.
 */
function dropEmpty(value: unknown, path: PropertyKey[], dropped: PropertyKey[][]): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      path.push(i);
      const out = dropEmpty(item, path, dropped);
      path.pop();
      return out;
    });
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner === null || inner === undefined) {
        dropped.push([...path, key]);
        continue;
      }
      path.push(key);
      out[key] = dropEmpty(inner, path, dropped);
      path.pop();
    }
    return out;
  }
  return value;
}

/**
 * A plain number whose text YAML would change stays text (`numberAsWritten`). Every
 * scalar is reached (keys too), as `visit` of the `yaml` package would, but with a list instead
 * of recursion and without the frozen path array `visit` makes for every node.
 */
function keepNumbersAsWritten(doc: Document): void {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isScalar(node)) {
      if (typeof node.value === 'number' && node.source !== undefined) node.value = numberAsWritten(node.value, node.source);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isPair(node)) {
      pending.push(node.key, node.value);
    }
  }
}

type Pending = { node: unknown; prefix: string; line: number };

/**
 * The line table of a parsed document: every key of a set of fields whose key is text or a
 * number (the first of equal keys), every item of a list. Walked with a list instead of
 * recursion, so that nesting as deep as the parser accepts cannot exhaust the stack here.
 */
function lineTable(doc: Document, counter: LineCounter): LineTable {
  const contents = doc.contents as Node | null;
  const lineAt = (node: Node | null, fallback: number) => (node?.range ? counter.linePos(node.range[0]).line : fallback);
  const table: LineTable = { root: contents ? lineAt(contents, 1) : undefined, paths: [], lines: [] };
  const seen = new Set<string>();
  const pending: Pending[] = contents ? [{ node: contents, prefix: '', line: table.root! }] : [];
  const add = (step: string | undefined, at: Pending, key: Node | null, value: unknown) => {
    if (step === undefined) return;
    const path = at.prefix + step;
    if (seen.has(path)) return;
    seen.add(path);
    const line = lineAt(key, at.line);
    table.paths.push(path);
    table.lines.push(line);
    pending.push({ node: value, prefix: path, line });
  };
  for (let at = pending.pop(); at; at = pending.pop()) {
    if (isMap(at.node)) {
      for (const pair of at.node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (typeof key === 'string' || typeof key === 'number') add(pathStep(key), at, pair.key, pair.value);
      }
    } else if (isSeq(at.node)) {
      at.node.items.forEach((item, i) => item && add(pathStep(i), at, item as Node, item));
    }
  }
  return table;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** At most this many aliases may be expanded in one file (the `yaml` package's count). */
const MAX_ALIAS_COUNT = 100;

type Split = { yamlText: string; body: string; bodyLine: number } | { errors: ContentError[] };

/**
 * Front matter and body. The front matter opens with a line `---` (blank lines before it are
 * forgiven; they only move the line numbers) and ends at the first line that is exactly `---`.
 * 1.2: any other line starting with `---` before it (`----`, `--- Ende`) is an error: it would
 * otherwise end the front matter silently for one tool and not for another.
 */
export function splitFrontMatter(file: string, text: string): Split {
  const leading = /^(\s*\n)*/.exec(text)![0];
  const leadingLines = leading.split('\n').length - 1;
  const lines = text.slice(leading.length).split('\n');
  if (!/^---[ \t]*$/.test(lines[0] ?? '') || lines.length < 2) return { errors: [{ file, line: leadingLines + 1, code: 'noFrontmatter' }] };
  const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
  const end = close < 0 ? lines.length : close;
  const dashes: ContentError[] = [];
  for (let i = 1; i < end; i++) {
    if (lines[i]!.startsWith('---')) dashes.push({ file, line: leadingLines + i + 1, code: 'frontmatterDashes', params: { found: lines[i]!.trimEnd() } });
  }
  if (dashes.length > 0) return { errors: dashes };
  if (close < 0) return { errors: [{ file, line: leadingLines + 1, code: 'noFrontmatter' }] };
  // Line N of the YAML text is line N of the file: the opening --- is an empty first line.
  return {
    yamlText: '\n'.repeat(leadingLines + 1) + lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    bodyLine: leadingLines + close + 2,
  };
}

/** The first line of an unexpected exception's message, as the detail of a YAML error. */
function yamlFailure(file: string, line: number, error: unknown): ContentError {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  return { file, line, code: 'yaml', params: { detail: 'other', message }, hint: { code: 'yaml' } };
}

/** The YAML rules of 1.2 that the parser does not enforce (see yaml-safety.ts). */
function unsafeYaml(doc: Document, place: YamlPlace): ContentError[] {
  return [...customTags(doc, place), ...prototypeKeys(doc, place), ...badAliases(doc, place)];
}

/**
 * Parses one file's text. Never throws: whatever the bytes, the answer is data or errors.
 */
export function parseText(
  kind: SourceKind,
  file: string,
  bytes: Uint8Array,
  names: { slug: string; town?: string },
): { source?: ParsedSource; errors: ContentError[] } {
  const text = decodeText(file, bytes);
  if (typeof text !== 'string') return text;
  let yamlText: string;
  let body = '';
  let bodyLine = 1;
  if (kind === 'site') {
    yamlText = text;
  } else {
    const split = splitFrontMatter(file, text);
    if ('errors' in split) return { errors: split.errors };
    ({ yamlText, body, bodyLine } = split);
  }
  const read = readYaml(file, yamlText);
  if ('failed' in read) return { errors: read.failed };
  const { js, lines, errors } = read;
  errors.push(...controlCharactersInBody(file, body, bodyLine));
  if (js !== null && js !== undefined && (typeof js !== 'object' || Array.isArray(js))) {
    return { errors: [{ file, line: kind === 'site' ? 1 : 2, code: 'notMapping' }] };
  }
  const emptyFields: PropertyKey[][] = [];
  const data = (dropEmpty(js ?? {}, [], emptyFields) as Record<string, unknown>) ?? {};
  return { source: { kind, file, slug: names.slug, town: names.town, data, emptyFields, body, bodyLine, lines, blobId: gitBlobId(bytes) }, errors };
}

/** A front matter's data and line table, or the errors that stop the file. */
export type YamlRead = { js: unknown; lines: LineTable; errors: ContentError[] } | { failed: ContentError[] };

/** The fast way (fast-yaml.ts) for the plain front matter it takes, else the `yaml` way. */
function readYaml(file: string, yamlText: string): YamlRead {
  const fast = fastYaml(yamlText);
  return fast ? { ...fast, errors: [] } : readYamlFully(file, yamlText);
}

/**
 * The `yaml` way, the reference: any YAML, the parser's errors, the safety rules of 1.2. The
 * document itself is not kept: what later errors need of it is the line table.
 */
export function readYamlFully(file: string, yamlText: string): YamlRead {
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { ...yamlOptions, lineCounter: lines });
  } catch (error) {
    // Nesting deep enough to exhaust the stack, say.
    return { failed: [yamlFailure(file, 1, error)] };
  }
  const problems = parserProblems(doc);
  if (problems.length > 0) return { failed: yamlErrors(problems, { file, yamlText, lines }) };
  const converted = yamlData(doc, { file, yamlText, lines });
  if ('failed' in converted) return converted;
  return { js: converted.js, lines: lineTable(doc, lines), errors: converted.errors };
}

/** The text of a file in UTF-8, without a byte order mark and with `\n` line ends; or its error. */
function decodeText(file: string, bytes: Uint8Array): string | { errors: ContentError[] } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { errors: [{ file, code: 'notUtf8', hint: { code: 'saveUtf8' } }] };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { errors: [{ file, line: 1, code: 'emptyFile' }] };
  return text;
}

/**
 * How the `yaml` package reads a front matter. Keys written twice are found by `duplicateKeys`,
 * not by the parser (`uniqueKeys: false`): its check compares each key with every key before it.
 */
export const yamlOptions = { uniqueKeys: false, prettyErrors: false, resolveKnownTags: false } as const;

/** A mistake in the YAML: the parser's code and message, and where it is. */
export type ParserProblem = { code: string; message: string; pos: readonly [number, number] };

/**
 * Keys written twice in one set of fields, with the parser's own code and words for it, found
 * in one pass: the parser's check (`uniqueKeys: true`) compares each key with every key before
 * it, and a front matter of 100,000 keys held a build for minutes. Equal as the parser counts
 * equal: the same node, or two plain values that are `===` (so `1` and `"1"` differ, and `.nan`
 * never repeats). Reported at the second key.
 */
export function duplicateKeys(doc: Document): ParserProblem[] {
  const found: ParserProblem[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        // The parser makes a node for every key, an empty one too.
        if (!key?.range) continue;
        const same = isScalar(key) ? key.value : key;
        if (same !== same) continue;
        if (seen.has(same)) found.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [key.range[0], key.range[1]] });
        seen.add(same);
      }
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items) pending.push(item);
    else if (isPair(node)) pending.push(node.key, node.value);
  }
  return found;
}

/**
 * The parser's errors and the keys written twice (`duplicateKeys`), in the order of the text, so
 * that the five a file reports (`yamlErrors`) are its first five.
 */
export function parserProblems(doc: Document): ParserProblem[] {
  const problems: ParserProblem[] = doc.errors.map(({ code, message, pos }) => ({ code, message, pos }));
  return [...problems, ...duplicateKeys(doc)].sort((a, b) => a.pos[0] - b.pos[0]);
}

/** The parser's errors, one per line, the first five in the text. */
function yamlErrors(problems: readonly ParserProblem[], { file, yamlText, lines }: YamlPlace): ContentError[] {
  const seen = new Set<number>();
  const errors: ContentError[] = [];
  for (const error of problems) {
    const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
    const at = lines.linePos(error.pos[0]).line;
    const line = quote ? openingQuoteLine(yamlText, quote, at) : at;
    if (seen.has(line)) continue;
    seen.add(line);
    errors.push({
      file,
      line,
      code: 'yaml',
      params: { detail: yamlDetail(error.code, error.message), message: error.message.split('\n')[0]! },
      hint: { code: 'yaml' },
    });
  }
  return errors.slice(0, 5);
}

/**
 * A parsed document as plain data, after the YAML rules the parser does not enforce; `failed`
 * when a rule refuses it, else the data and the problems that do not stop reading.
 */
function yamlData(doc: Document, place: YamlPlace): { failed: ContentError[] } | { js: unknown; errors: ContentError[] } {
  const { file } = place;
  try {
    const unsafe = unsafeYaml(doc, place);
    if (unsafe.length > 0) return { failed: unsafe };
    keepNumbersAsWritten(doc);
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
    } catch (error) {
      const line = firstAliasLine(doc, place) ?? 1;
      if (error instanceof ReferenceError && /Excessive alias count/.test(error.message)) {
        return { failed: [{ file, line, code: 'yamlAliasLimit', params: { found: String(MAX_ALIAS_COUNT) } }] };
      }
      return { failed: [yamlFailure(file, line, error)] };
    }
    return { js, errors: [...controlCharactersInFields(doc, place)] };
  } catch (error) {
    return { failed: [yamlFailure(file, 1, error)] };
  }
}

