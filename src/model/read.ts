/**
 * Reads `content/`: finds the files, decodes them, splits front matter from body and parses
 * the YAML with the `yaml` package (YAML 1.2: `2023-11-03 14:17:00`
 * stays text, so this module, not a YAML library, decides what a time means). Keeps positions
 * so every later error can name its line. Reports problems; never throws for editor mistakes.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readlinkSync } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { slugPattern } from '../schema/index.ts';
import type { ContentError, FieldPath, YamlDetail } from '../schema/errors.ts';
import {
  badAliases,
  controlCharactersInBody,
  controlCharactersInFields,
  customTags,
  firstAliasLine,
  prototypeKeys,
  type YamlPlace,
} from './yaml-safety.ts';

export type SourceKind = 'site' | 'town' | 'service' | 'incident' | 'page';

export interface SourceFile {
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
  /** 1-based line of a field, or of its nearest existing parent. */
  lineOf(fieldPath: FieldPath): number | undefined;
  /** What was written at a path. */
  valueAt(fieldPath: FieldPath): unknown;
}

export interface ReadResult {
  files: SourceFile[];
  errors: ContentError[];
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
 * are collected, so an empty field that does not exist at all can still be reported.
 */
function dropEmpty(value: unknown, path: PropertyKey[] = [], dropped: PropertyKey[][] = []): unknown {
  if (Array.isArray(value)) return value.map((item, i) => dropEmpty(item, [...path, i], dropped));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== null && inner !== undefined) out[key] = dropEmpty(inner, [...path, key], dropped);
      else dropped.push([...path, key]);
    }
    return out;
  }
  return value;
}

/** A plain number whose text YAML would change (`0292110300`, `+4929211030`) stays text. */
function keepNumbersAsWritten(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined && String(node.value) !== node.source) {
        node.value = node.source;
      }
    },
  });
}

function locator(doc: Document | undefined, lines: LineCounter, lineOffset: number, data: Record<string, unknown>) {
  const lineAt = (offset: number) => lines.linePos(offset).line + lineOffset;
  const lineOf = (fieldPath: FieldPath): number | undefined => {
    if (!doc) return undefined;
    let node: unknown = doc.contents;
    let line: number | undefined = node && (node as Node).range ? lineAt((node as Node).range![0]) : lineOffset + 1;
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
  const valueAt = (fieldPath: FieldPath): unknown => {
    let value: unknown = data;
    for (const part of fieldPath) {
      // A single value written where a list belongs (`contacts: phone`) is its first entry.
      if (typeof part === 'number' && !Array.isArray(value)) {
        if (part === 0 && value !== undefined) continue;
        return undefined;
      }
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<PropertyKey, unknown>)[part];
    }
    return value;
  };
  return { lineOf, valueAt };
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

/** Parses one file's text. Never throws: whatever the bytes, the answer is data or errors. */
export function parseSource(
  kind: SourceKind,
  file: string,
  bytes: Uint8Array,
  names: { slug: string; town?: string },
): { source?: SourceFile; errors: ContentError[] } {
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
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, resolveKnownTags: false });
  } catch (error) {
    // Nesting deep enough to exhaust the stack, say.
    return { errors: [yamlFailure(file, 1, error)] };
  }
  if (doc.errors.length > 0) return { errors: yamlErrors(doc, { file, yamlText, lines }) };
  const place: YamlPlace = { file, yamlText, lines };
  const converted = yamlData(doc, place);
  if ('failed' in converted) return { errors: converted.failed };
  const { js, errors } = converted;
  errors.push(...controlCharactersInBody(file, body, bodyLine));
  if (js !== null && js !== undefined && (typeof js !== 'object' || Array.isArray(js))) {
    return { errors: [{ file, line: kind === 'site' ? 1 : 2, code: 'notMapping' }] };
  }
  const emptyFields: PropertyKey[][] = [];
  const data = (dropEmpty(js ?? {}, [], emptyFields) as Record<string, unknown>) ?? {};
  const located = locator(doc.contents ? doc : undefined, lines, 0, data);
  return {
    source: { kind, file, slug: names.slug, town: names.town, data, emptyFields, body, bodyLine, ...located },
    errors,
  };
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

/** The parser's errors, one per line, at most five. */
function yamlErrors(doc: Document, { file, yamlText, lines }: YamlPlace): ContentError[] {
  const seen = new Set<number>();
  const errors: ContentError[] = [];
  for (const error of doc.errors) {
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

/** `Bürgerbüro` → `buergerbuero`: the hint for a file name that is not a slug. */
export function slugify(name: string): string {
  return name
    // A name from macOS may come decomposed (NFD: `u` + combining diaeresis): compose it first.
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A path as shown to editors: relative to the working directory when below it, with `/`. */
export function shownPath(p: string, cwd: string): string {
  const relative = path.relative(cwd, p);
  return (relative.startsWith('..') ? p : relative).split(path.sep).join('/');
}

type Entry = { name: string; isDir: boolean; isSymlink: boolean };

async function listFolder(dir: string): Promise<Entry[]> {
  const list = await readdir(dir, { withFileTypes: true });
  return list
    .filter((entry) => !entry.name.startsWith('.'))
    .map((entry) => ({ name: entry.name, isDir: entry.isDirectory(), isSymlink: entry.isSymbolicLink() }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * What is at a path, without following a symbolic link: content is only what lies in the folder.
 * `other` is neither file nor folder: a FIFO, a device, a socket.
 */
async function kindAt(p: string): Promise<'file' | 'folder' | 'symlink' | 'other' | undefined> {
  try {
    const info = await lstat(p);
    if (info.isSymbolicLink()) return 'symlink';
    if (info.isDirectory()) return 'folder';
    return info.isFile() ? 'file' : 'other';
  } catch {
    return undefined;
  }
}

/** Why a content file was not read; `bytes` when it was. */
export type FileRead = { bytes: Uint8Array } | { problem: 'notFile' | 'notRegularFile' | 'symlink' | 'unreadable' } | { problem: 'hardLink'; links: number };

/**
 * Reads a content file only if it is a regular file with one name. Opened without following a
 * symbolic link and without waiting (a FIFO would block a plain read for ever); what was opened
 * is then checked, so nothing can be swapped in between. A file with more than one name (a hard
 * link) may be the same file as one outside `content/`, so it is refused too.
 */
export function readRegularFile(p: string): FileRead {
  let fd: number;
  try {
    fd = openSync(p, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink' : 'unreadable' };
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { problem: 'notFile' };
    if (!info.isFile()) return { problem: 'notRegularFile' };
    if (info.nlink > 1) return { problem: 'hardLink', links: info.nlink };
    return { bytes: readFileSync(fd) };
  } catch {
    return { problem: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** Where a symbolic link points, as written in it. */
function linkTarget(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return '?';
  }
}

/** Reads every content file below `dir`, reporting what is missing, misnamed or unreadable. */
export async function readContent(dir: string, cwd = process.cwd()): Promise<ReadResult> {
  const reader = new ContentReader(cwd);
  const top = await kindAt(dir);
  if (top === undefined) return { files: [], errors: [{ file: reader.shown(dir), code: 'missingFolder' }] };
  if (top !== 'folder') return { files: [], errors: [{ file: reader.shown(dir), code: 'notFolder' }] };
  await reader.top(dir);
  await reader.site(dir);
  await reader.towns(path.join(dir, 'towns'));
  for (const [folder, kind] of [['incidents', 'incident'], ['pages', 'page']] as const) await reader.folder(path.join(dir, folder), folder, kind);
  return { files: reader.files, errors: reader.errors };
}

/** One run of `readContent`: the files read and the errors found, in the order found. */
class ContentReader {
  readonly files: SourceFile[] = [];
  readonly errors: ContentError[] = [];
  readonly #cwd: string;

  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  shown(p: string): string {
    return shownPath(p, this.#cwd);
  }

  /**
   * A folder's entries without symbolic links: each is reported where it is found (every folder
   * is listed once) and never followed, so nothing outside the content folder is read. A folder
   * that cannot be listed is reported and has no entries.
   */
  async entries(folder: string): Promise<Entry[]> {
    let list: Entry[];
    try {
      list = await listFolder(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'notFolder' : 'unreadableFolder';
      this.errors.push({ file: this.shown(folder), code });
      return [];
    }
    for (const entry of list.filter((e) => e.isSymlink)) {
      const p = path.join(folder, entry.name);
      const target = await readlink(p).catch(() => '?');
      this.errors.push({ file: this.shown(p), code: 'symlink', params: { target } });
    }
    return list.filter((e) => !e.isSymlink);
  }

  async load(kind: SourceKind, p: string, names: { slug: string; town?: string }): Promise<void> {
    // Synchronously: content files are small, and a promise-based read of each (open, stat,
    // read, close as four round trips through the thread pool) cost a district's check 7 %.
    const read = readRegularFile(p);
    if ('problem' in read) {
      if (read.problem === 'hardLink') this.errors.push({ file: this.shown(p), code: 'hardLink', params: { found: String(read.links) } });
      else if (read.problem === 'symlink') this.errors.push({ file: this.shown(p), code: 'symlink', params: { target: linkTarget(p) } });
      else this.errors.push({ file: this.shown(p), code: read.problem });
      return;
    }
    const result = parseSource(kind, this.shown(p), read.bytes, names);
    this.errors.push(...result.errors);
    if (result.source) this.files.push(result.source);
  }

  checkSlug(p: string, name: string): boolean {
    if (slugPattern.test(name)) return true;
    const suggestion = slugify(name);
    this.errors.push({
      file: this.shown(p),
      code: 'slug',
      params: { found: name },
      ...(suggestion ? { hint: { code: 'slugify' as const, params: { suggestion } } } : {}),
    });
    return false;
  }

  /** Markdown files of a folder; anything else is reported. */
  async markdownFiles(folder: string, allowed: string): Promise<{ name: string; slug: string }[]> {
    const out: { name: string; slug: string }[] = [];
    for (const entry of await this.entries(folder)) {
      const p = path.join(folder, entry.name);
      if (entry.isDir || !entry.name.endsWith('.md')) {
        this.errors.push({ file: this.shown(p), code: 'unexpectedFile', params: { allowed } });
        continue;
      }
      const slug = entry.name.slice(0, -3);
      if (this.checkSlug(p, slug)) out.push({ name: entry.name, slug });
    }
    return out;
  }

  /** Lists the top folder first, so a symbolic link named site.yaml or towns is reported here. */
  async top(dir: string): Promise<void> {
    const knownTop = new Set(['site.yaml', 'towns', 'incidents', 'pages']);
    for (const entry of await this.entries(dir)) {
      if (!knownTop.has(entry.name)) {
        this.errors.push({ file: this.shown(path.join(dir, entry.name)), code: 'unexpectedFile', params: { allowed: 'site.yaml, towns/, incidents/, pages/' } });
      }
    }
  }

  async site(dir: string): Promise<void> {
    const sitePath = path.join(dir, 'site.yaml');
    const kind = await kindAt(sitePath);
    // Something that is really there (a symbolic link is not, and has been reported).
    if (kind !== undefined && kind !== 'symlink') await this.load('site', sitePath, { slug: '' });
    else if (kind !== 'symlink') this.errors.push({ file: this.shown(sitePath), code: 'missingFile' });
  }

  async towns(townsDir: string): Promise<void> {
    const townsKind = await kindAt(townsDir);
    const townEntries = townsKind === 'folder' ? await this.entries(townsDir) : [];
    if (townsKind === 'file' || townsKind === 'other') this.errors.push({ file: this.shown(townsDir), code: 'notFolder' });
    else if (townEntries.length === 0 && townsKind !== 'symlink') this.errors.push({ file: this.shown(townsDir) + '/', code: 'missingFolder' });
    for (const entry of townEntries) {
      const townDir = path.join(townsDir, entry.name);
      if (!entry.isDir) {
        this.errors.push({ file: this.shown(townDir), code: 'unexpectedFile', params: { allowed: 'towns/<ort>/index.md' } });
        continue;
      }
      if (this.checkSlug(townDir, entry.name)) await this.town(townDir, entry.name);
    }
  }

  async town(townDir: string, slug: string): Promise<void> {
    const indexPath = path.join(townDir, 'index.md');
    // Listing the folder first reports a symbolic link among its files, index.md too, and a
    // folder named index.md.
    const services = await this.markdownFiles(townDir, 'index.md, <dienst>.md');
    const indexKind = await kindAt(indexPath);
    if (indexKind === 'file' || indexKind === 'other') await this.load('town', indexPath, { slug });
    else if (indexKind === undefined) this.errors.push({ file: this.shown(indexPath), code: 'missingFile' });
    for (const service of services) {
      if (service.name === 'index.md') continue;
      await this.load('service', path.join(townDir, service.name), { slug: service.slug, town: slug });
    }
  }

  /** incidents/ or pages/, when there. */
  async folder(folderPath: string, folder: string, kind: SourceKind): Promise<void> {
    const there = await kindAt(folderPath);
    if (there === undefined || there === 'symlink') return;
    for (const item of await this.markdownFiles(folderPath, `${folder}/<name>.md`)) {
      await this.load(kind, path.join(folderPath, item.name), { slug: item.slug });
    }
  }
}

/** Planned content: absolute path → the text or bytes a command is about to write. */
export type Overlay = ReadonlyMap<string, string | Uint8Array>;

/** Which kind of file a path inside the content folder is, from where it sits. */
function placeOf(dir: string, p: string): { kind: SourceKind; slug: string; town?: string } {
  const parts = path.relative(dir, p).split(path.sep);
  const name = (parts[parts.length - 1] ?? '').replace(/\.md$/, '');
  if (parts.length === 1 && parts[0] === 'site.yaml') return { kind: 'site', slug: '' };
  if (parts.length === 3 && parts[0] === 'towns') {
    return name === 'index' ? { kind: 'town', slug: parts[1]! } : { kind: 'service', slug: name, town: parts[1]! };
  }
  if (parts.length === 2 && parts[0] === 'incidents') return { kind: 'incident', slug: name };
  if (parts.length === 2 && parts[0] === 'pages') return { kind: 'page', slug: name };
  throw new Error(`not a content file: ${p}`);
}

/**
 * What was read, with the files of `overlay` in place of (or added to) those on disk: the
 * editor commands (`new`, `update`, `resolve`) check a change with the very rules of `check`
 * before they write anything.
 */
export function applyOverlay(read: ReadResult, dir: string, cwd: string, overlay: Overlay): ReadResult {
  let { files, errors } = read;
  for (const [p, content] of overlay) {
    const place = placeOf(dir, p);
    const file = shownPath(p, cwd);
    // The file replaces what was read; a new town also fills an empty towns/ folder.
    const townsFolder = shownPath(path.join(dir, 'towns'), cwd) + '/';
    errors = errors.filter((e) => e.file !== file && !(place.kind === 'town' && e.file === townsFolder && e.code === 'missingFolder'));
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const result = parseSource(place.kind, file, bytes, place);
    errors = [...errors, ...result.errors];
    // In the place of the file it replaces, so everything else reads in the same order.
    const at = files.findIndex((f) => f.file === file);
    const rest = files.filter((f) => f.file !== file);
    if (result.source) rest.splice(at < 0 ? rest.length : at, 0, result.source);
    files = rest;
  }
  return { files, errors };
}
