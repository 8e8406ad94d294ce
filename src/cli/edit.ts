/**
 * Changes to a content file's front matter that keep everything else exactly as the editor
 * wrote it: comments, key order, quoting, blank lines, line endings (also CRLF) and the body,
 * byte for byte. The `yaml` package's Document API finds the nodes and their source ranges;
 * only the bytes of the changed values are replaced and new entries are inserted as text.
 * (Re-stringifying the Document would realign comments and re-wrap folded text.) After every
 * change the result is parsed again and must equal the intended data, or nothing is returned.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FieldPath } from '../schema/errors.ts';

export type Edit =
  /** Sets a text value; a top-level field that is missing is added after the last of `after` that exists, else at the end. */
  | { op: 'set'; path: FieldPath; value: string; after?: readonly string[] }
  /** Adds a text to a top-level list (`incidents`); a missing list is added after the last of `after` that exists. */
  | { op: 'addToList'; key: string; value: string; after?: readonly string[] }
  /** Removes a top-level field and its value (the lines of comments above it stay). */
  | { op: 'remove'; key: string }
  /** Adds an entry `{ at, text }` to `updates`: on top, or at the end when the list runs oldest first. */
  | { op: 'addUpdate'; at: string; text: string };

/** Why a file cannot be changed safely; the commands turn the code into a message. */
export const editErrorCodes = ['noFrontmatter', 'yaml', 'notMapping', 'notText', 'notList', 'missingField'] as const;
export type EditErrorCode = (typeof editErrorCodes)[number];
export class EditError extends Error {
  readonly code: EditErrorCode;
  readonly field: string;
  constructor(code: EditErrorCode, field = '') {
    super(`${code} ${field}`.trim());
    this.code = code;
    this.field = field;
  }
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The file in three parts; only `yaml` is ever changed. */
export function splitFrontMatter(text: string): { before: string; yaml: string; after: string } | undefined {
  // As the reader: a BOM and blank lines before the opening --- are allowed.
  const open = /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  // The front matter ends at the first line that starts with ---: the reader (read.ts,
  // `splitFrontMatter`) refuses any other such line before its closing `---`.
  const close = text.slice(start - 1).search(/\n---/);
  if (close < 0) return undefined;
  const end = start - 1 + close + 1;
  return { before: text.slice(0, start), yaml: text.slice(start, end), after: text.slice(end) };
}

/** Text one line long: a command writes one paragraph, whatever the shell passed. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A value as YAML writes it on one line: plain where that reads back the same, else quoted. */
export function scalarText(value: string, type?: Scalar.Type): string {
  const node = new Scalar(value);
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') node.type = type;
  return new Document(node).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

/** Applies the edits to a file's text; throws `EditError` when that is not safely possible. */
export function editFile(text: string, edits: readonly Edit[]): string {
  const parts = splitFrontMatter(text);
  if (!parts) throw new EditError('noFrontmatter');
  const { yaml } = parts;
  const doc = parseDocument(yaml, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new EditError('yaml');
  const root = doc.contents ?? undefined;
  if (root !== undefined && !isMap(root)) throw new EditError('notMapping');
  const ctx: Context = { src: yaml, eol: yaml.includes('\r\n') ? '\r\n' : '\n', root: root as YAMLMap | undefined, doc };
  const splices = edits.flatMap((edit) => {
    if (edit.op === 'set') return spliceSet(ctx, edit.path, edit.value, edit.after ?? []);
    if (edit.op === 'remove') return spliceRemove(ctx, edit.key);
    if (edit.op === 'addToList') return spliceAddToList(ctx, edit.key, edit.value, edit.after ?? []);
    return spliceUpdate(ctx, edit.at, edit.text);
  });
  // Apply from the end, so earlier offsets stay valid.
  let out = yaml;
  // At the same offset the later splice goes in first, so the text keeps the edits' order.
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  for (const s of ordered) out = out.slice(0, s.start) + s.text + out.slice(s.end);

  const expected = intended(doc.toJS() ?? {}, edits);
  const check = parseDocument(out, { uniqueKeys: true });
  if (check.errors.length > 0 || !isDeepStrictEqual(check.toJS() ?? {}, expected)) {
    throw new Error(`internal: the edited front matter does not read back as intended:\n${out}`);
  }
  return parts.before + out + parts.after;
}

interface Context {
  src: string;
  eol: string;
  root: YAMLMap | undefined;
  doc: Document;
}

/** The data the edits are meant to produce, for the read-back check. */
function intended(data: Record<string, unknown>, edits: readonly Edit[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const edit of edits) {
    if (edit.op === 'set') {
      let target = copy as Record<PropertyKey, unknown>;
      for (const part of edit.path.slice(0, -1)) target = target[part] as Record<PropertyKey, unknown>;
      target[edit.path[edit.path.length - 1]!] = edit.value;
    } else if (edit.op === 'remove') {
      delete copy[edit.key];
    } else if (edit.op === 'addToList') {
      const list = copy[edit.key];
      copy[edit.key] = [...(Array.isArray(list) ? list : list === undefined || list === null ? [] : [list]), edit.value];
    } else {
      const list = Array.isArray(copy.updates) ? (copy.updates as unknown[]) : [];
      const entry = { at: edit.at, text: edit.text };
      if (runsOldestFirst(list.map((u) => (u as { at?: unknown })?.at))) list.push(entry);
      else list.unshift(entry);
      copy.updates = list;
    }
  }
  return copy;
}

/** Whether a list of update times is written oldest first (then a new entry goes last). */
function runsOldestFirst(times: unknown[]): boolean {
  if (times.length < 2) return false;
  const key = (t: unknown) => String(t ?? '').replace('T', ' ');
  return key(times[0]) < key(times[times.length - 1]);
}

function columnOf(src: string, offset: number): number {
  return offset - (src.lastIndexOf('\n', offset - 1) + 1);
}

/** Offset just after the line that contains `offset` (after its line break). */
function lineEnd(src: string, offset: number): number {
  const nl = src.indexOf('\n', offset);
  return nl < 0 ? src.length : nl + 1;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

/** The offset of the `:` after a pair's key. */
function colonOf(src: string, pair: Pair): number {
  return src.indexOf(':', (pair.key as Node).range![1]);
}

/** Text inserted at `offset` begins on a line of its own. */
function atLineStart(ctx: Context, offset: number, text: string): Splice {
  const needsBreak = offset > 0 && ctx.src[offset - 1] !== '\n';
  return { start: offset, end: offset, text: (needsBreak ? ctx.eol : '') + text };
}

function spliceSet(ctx: Context, path: FieldPath, value: string, after: readonly string[]): Splice[] {
  const { src } = ctx;
  let map = ctx.root;
  for (const part of path.slice(0, -1)) {
    const next: unknown = typeof part === 'number' ? (isSeq(map) ? map.items[part] : undefined) : map && isMap(map) ? pairOf(map, String(part))?.value : undefined;
    if (!next || !(isMap(next) || isSeq(next))) throw new EditError('missingField', path.map(String).join('.'));
    map = next as YAMLMap;
  }
  const key = String(path[path.length - 1]);
  const pair = map && isMap(map) ? pairOf(map, key) : undefined;
  if (!pair) {
    if (path.length > 1) {
      if (!map || !isMap(map) || !map.range || map.items.length === 0) throw new EditError('missingField', path.map(String).join('.'));
      return [insertInEntry(ctx, map, key, value, after)];
    }
    return [insertTopLevel(ctx, `${key}: ${scalarText(value)}${ctx.eol}`, after)];
  }
  const node = pair.value as Node | null;
  if (node === null || (isScalar(node) && node.range && node.range[0] === node.range[1])) {
    // `resolved:` left empty, perhaps with a comment after it: the value goes after the colon.
    const colon = colonOf(src, pair);
    return [{ start: colon + 1, end: colon + 1, text: ` ${scalarText(value)}` }];
  }
  if (!isScalar(node) || !node.range) throw new EditError('notText', path.map(String).join('.'));
  const [start, end] = node.range;
  if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') {
    // Keep the block style: its header line, then the text indented as before.
    const headerEnd = lineEnd(src, start);
    const firstLine = /^[ \t]*(?=\S)/m.exec(src.slice(headerEnd, end));
    const indent = firstLine ? firstLine[0] : ' '.repeat(columnOf(src, (pair.key as Node).range![0]) + 2);
    return [{ start: headerEnd, end, text: `${indent}${value}${ctx.eol}` }];
  }
  return [{ start, end, text: scalarText(value, node.type) }];
}

function spliceAddToList(ctx: Context, key: string, value: string, after: readonly string[]): Splice[] {
  const { src } = ctx;
  const pair = ctx.root ? pairOf(ctx.root, key) : undefined;
  const item = scalarText(value);
  if (!pair) return [insertTopLevel(ctx, `${key}: [${item}]${ctx.eol}`, after)];
  const node = pair.value as Node | null;
  const colon = colonOf(src, pair);
  if (node === null || (isScalar(node) && (node.value === null || node.value === undefined))) {
    // `incidents:` left empty (perhaps with a comment after it), or `incidents: null`.
    const written = node?.range && node.range[0] !== node.range[1];
    return [{ start: colon + 1, end: written ? node.range![1] : colon + 1, text: ` [${item}]` }];
  }
  if (isScalar(node) && node.range) {
    // One value written without a list (`incidents: sit-2023`) becomes a list of two.
    return [{ start: node.range[0], end: node.range[1], text: `[${src.slice(node.range[0], node.range[1])}, ${item}]` }];
  }
  if (!isSeq(node) || !node.range) throw new EditError('notList', key);
  if (node.flow) {
    const close = src.lastIndexOf(']', node.range[1]);
    return [{ start: close, end: close, text: node.items.length > 0 ? `, ${item}` : item }];
  }
  return [atLineStart(ctx, node.range[1], `${' '.repeat(columnOf(src, node.range[0]))}- ${item}${ctx.eol}`)];
}

function spliceRemove(ctx: Context, key: string): Splice[] {
  const pair = ctx.root ? pairOf(ctx.root, key) : undefined;
  if (!pair) return [];
  const keyNode = pair.key as Node;
  const node = (pair.value ?? pair.key) as Node;
  const start = keyNode.range![0] - columnOf(ctx.src, keyNode.range![0]);
  return [{ start, end: lineEnd(ctx.src, Math.max(node.range![1] - 1, node.range![0])), text: '' }];
}

/**
 * A new field in an entry of a list (a task's `note`, a channel's `value`): in place of the
 * example comment `# value: …` that `init` writes for it, else after the last of `after` that
 * the entry has, else after its last field; indented like the entry's fields. A flow entry
 * (`{ channel: phone, status: normal }`) gets it before its closing brace.
 */
function insertInEntry(ctx: Context, map: YAMLMap, key: string, value: string, after: readonly string[]): Splice {
  const { src } = ctx;
  const [start, end] = map.range!;
  if (map.flow) {
    const close = src.lastIndexOf('}', end);
    return { start: close, end: close, text: `, ${key}: ${scalarText(value)} ` };
  }
  const indent = columnOf(src, start);
  const field = `${' '.repeat(indent)}${key}: ${scalarText(value)}${ctx.eol}`;
  // The entry's own lines: from its first field to the first line indented less (the next entry).
  let offset = lineEnd(src, start);
  while (offset < src.length) {
    const line = src.slice(offset, lineEnd(src, offset));
    const lineIndent = /^[ \t]*/.exec(line)![0].length;
    if (line.trim() !== '' && lineIndent < indent) break;
    if (lineIndent === indent && new RegExp(`^[ \\t]*#\\s*${key}:`).test(line)) return { start: offset, end: offset + line.length, text: field };
    offset += line.length;
  }
  const anchor = [...after].reverse().map((name) => pairOf(map, name)).find(Boolean) ?? (map.items[map.items.length - 1] as Pair);
  const node = (anchor.value ?? anchor.key) as Node;
  let at = lineEnd(src, Math.max(node.range![1] - 1, node.range![0]));
  // Past the example comments of fields that come before it (`# value: …`), which another edit may fill in.
  const example = new RegExp(`^[ \\t]{${indent}}#\\s*(${after.join('|')}):`);
  while (after.length > 0 && at < src.length && example.test(src.slice(at, lineEnd(src, at)))) at = lineEnd(src, at);
  return atLineStart(ctx, at, field);
}

/** New top-level lines after the last existing field of `after`, else at the end of the fields. */
function insertTopLevel(ctx: Context, lines: string, after: readonly string[]): Splice {
  const root = ctx.root;
  const anchor = root && [...after].reverse().map((key) => pairOf(root, key)).find(Boolean);
  let offset = root?.range ? lineEnd(ctx.src, Math.max(root.range[1] - 1, root.range[0])) : ctx.src.length;
  if (anchor) {
    const node = (anchor.value ?? anchor.key) as Node;
    // After the anchor's last line, with its comment.
    offset = lineEnd(ctx.src, Math.max(node.range![1] - 1, node.range![0]));
  }
  return atLineStart(ctx, offset, lines);
}

/** How far block lists are indented below their key in this file (2 when it has none). */
function listIndent(ctx: Context): number {
  for (const item of ctx.root?.items ?? []) {
    const value = item.value as Node | null;
    if (isSeq(value) && !value.flow && value.range) return columnOf(ctx.src, value.range[0]) - columnOf(ctx.src, (item.key as Node).range![0]);
  }
  return 2;
}

function entryLines(ctx: Context, dash: number, inner: number, at: string, text: string): string {
  return `${' '.repeat(dash)}- at: ${scalarText(at)}${ctx.eol}${' '.repeat(inner)}text: ${scalarText(text)}${ctx.eol}`;
}

function spliceUpdate(ctx: Context, at: string, text: string): Splice[] {
  const { src } = ctx;
  const pair = ctx.root ? pairOf(ctx.root, 'updates') : undefined;
  const keyColumn = ctx.root?.range ? columnOf(src, ctx.root.range[0]) : 0;
  const dash = keyColumn + listIndent(ctx);
  if (!pair) return [insertTopLevel(ctx, `updates:${ctx.eol}${entryLines(ctx, dash, dash + 2, at, text)}`, [])];
  const node = pair.value as Node | null;
  const colon = colonOf(src, pair);
  const empty = node === null || (isScalar(node) && (node.value === null || node.value === undefined));
  if (empty || (isSeq(node) && node.flow && node.items.length === 0)) {
    // `updates:` or `updates: []`: the list starts on the next line.
    const splices: Splice[] = [];
    if (node && node.range && node.range[0] !== node.range[1]) splices.push({ start: colon + 1, end: node.range[1], text: '' });
    splices.push(atLineStart(ctx, lineEnd(src, colon), entryLines(ctx, dash, dash + 2, at, text)));
    return splices;
  }
  if (!isSeq(node) || !node.range) throw new EditError('notList', 'updates');
  const times = node.items.map((item) => (isMap(item) ? (item.get('at') as unknown) : undefined));
  if (node.flow) {
    const entry = new Document({ at, text }).toString({ lineWidth: 0, collectionStyle: 'flow' }).replace(/\n$/, '');
    const open = node.range[0] + 1;
    if (runsOldestFirst(times)) {
      const close = src.lastIndexOf(']', node.range[1]);
      return [{ start: close, end: close, text: `, ${entry}` }];
    }
    return [{ start: open, end: open, text: `${entry}, ` }];
  }
  const column = columnOf(src, node.range[0]);
  const first = node.items[0] as Node | undefined;
  const innerKey = first && isMap(first) && first.range ? columnOf(src, first.range[0]) : column + 2;
  if (runsOldestFirst(times)) return [atLineStart(ctx, node.range[1], entryLines(ctx, column, innerKey, at, text))];
  // On top: the new entry, then the first line's own indentation again.
  const lines = entryLines(ctx, 0, innerKey, at, text) + ' '.repeat(column);
  return [{ start: node.range[0], end: node.range[0], text: lines }];
}
