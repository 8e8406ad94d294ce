/**
 * Reads `content/`: finds the files, reads each and hands it to parse.ts (decoding, front
 * matter, YAML), in this thread or in the YAML workers of a `YamlParser` (yaml-pool.ts).
 * Keeps positions so every later error can name its line. Reports problems; never throws for
 * editor mistakes.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { slugPattern } from '../core/slug.ts';
import type { ContentError, FieldPath } from '../schema/errors.ts';
import { parseText, pathStep, type LineTable, type ParsedSource, type SourceKind } from './parse.ts';
import { compareEnglish } from '../core/order.ts';

export type { SourceKind } from './parse.ts';
export { splitFrontMatter } from './parse.ts';

export interface SourceFile extends Omit<ParsedSource, 'lines'> {
  /** 1-based line of a field, or of its nearest existing parent. */
  lineOf(fieldPath: FieldPath): number | undefined;
  /** What was written at a path. */
  valueAt(fieldPath: FieldPath): unknown;
}

/** What parsing one file gave: the file, or the errors that stop it, and those that do not. */
export type Parsed = { source?: ParsedSource; errors: ContentError[] };

/**
 * Reads and parses files somewhere else than in this thread (yaml-pool.ts: worker threads), with
 * the very answers of `loadFile`. Only callers that run as a plain Node program pass one: the
 * CLI's check and the build's check phase. Inside Astro's own bundle (astro dev, the pages)
 * `loadSite` reads in its thread.
 */
export interface YamlParser {
  load(kind: SourceKind, path: string, file: string, names: { slug: string; town?: string }): Promise<Parsed>;
}

/** The line of a field path in a line table: of the path, else of its nearest written parent. */
function lineIn(table: LineTable, lineOfPath: (key: string) => number | undefined, fieldPath: FieldPath): number | undefined {
  if (table.root === undefined) return undefined;
  let line = table.root;
  let key = '';
  for (const part of fieldPath) {
    const step = pathStep(part);
    if (step === undefined) return line;
    key += step;
    const found = lineOfPath(key);
    if (found === undefined) return line;
    line = found;
  }
  return line;
}

/** What was written at a path of the data. */
function valueIn(data: Record<string, unknown>, fieldPath: FieldPath): unknown {
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
}

/** How often a file's paths are searched one by one before they are put in a map. */
const SCANS_BEFORE_MAP = 3;

/**
 * The line of one path of a table (its paths are unique). Most files are asked for one or two
 * lines (a warning's, an error's): a scan of their few paths costs less than a map of them, which
 * is made from the fourth question on.
 */
function pathLines(table: LineTable): (key: string) => number | undefined {
  let byPath: Map<string, number> | undefined;
  let scans = 0;
  return (key) => {
    if (!byPath && ++scans > SCANS_BEFORE_MAP) byPath = new Map(table.paths.map((p, i) => [p, table.lines[i]!]));
    if (byPath) return byPath.get(key);
    const i = table.paths.indexOf(key);
    return i < 0 ? undefined : table.lines[i];
  };
}

/** A parsed file with its questions answered from the line table. */
export function sourceFile(parsed: ParsedSource): SourceFile {
  const { lines: table, ...source } = parsed;
  const lineOfPath = pathLines(table);
  return { ...source, lineOf: (fieldPath) => lineIn(table, lineOfPath, fieldPath), valueAt: (fieldPath) => valueIn(source.data, fieldPath) };
}

/** Parses one file's text in this thread. Never throws: whatever the bytes, the answer is data or errors. */
export function parseSource(
  kind: SourceKind,
  file: string,
  bytes: Uint8Array,
  names: { slug: string; town?: string },
): { source?: SourceFile; errors: ContentError[] } {
  const { source, errors } = parseText(kind, file, bytes, names);
  return source ? { source: sourceFile(source), errors } : { errors };
}

export interface ReadResult {
  files: SourceFile[];
  errors: ContentError[];
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

function listFolder(dir: string): Entry[] {
  const list = readdirSync(dir, { withFileTypes: true });
  return list
    .filter((entry) => !entry.name.startsWith('.'))
    .map((entry) => ({ name: entry.name, isDir: entry.isDirectory(), isSymlink: entry.isSymbolicLink() }))
    .sort((a, b) => compareEnglish(a.name, b.name));
}

/**
 * What is at a path, without following a symbolic link: content is only what lies in the folder.
 * `other` is neither file nor folder: a FIFO, a device, a socket.
 */
function kindAt(p: string): 'file' | 'folder' | 'symlink' | 'other' | undefined {
  try {
    const info = lstatSync(p);
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

/**
 * One content file read and parsed (`file`: its path as shown to editors), or why it was not
 * read. Synchronously: content files are small, and a promise-based read of each (open, stat,
 * read, close as four round trips through the thread pool) cost a district's check 7 %.
 */
export function loadFile(kind: SourceKind, p: string, file: string, names: { slug: string; town?: string }): Parsed {
  const read = readRegularFile(p);
  if (!('problem' in read)) return parseText(kind, file, read.bytes, names);
  if (read.problem === 'hardLink') return { errors: [{ file, code: 'hardLink', params: { found: String(read.links) } }] };
  if (read.problem === 'symlink') return { errors: [{ file, code: 'symlink', params: { target: linkTarget(p) } }] };
  return { errors: [{ file, code: read.problem }] };
}

/** One thing found in the content folder: a file, or the problems that stop it, and those that do not. */
export type Found = { source?: SourceFile; errors: ContentError[] };

/**
 * A content folder as read (`streamContent`): what was found, in the order found, each as soon
 * as it is parsed — `loadSite` validates the first files while the YAML workers read the rest.
 * The order is the reader's: the top folder's problems, site.yaml, each town (its folder's
 * problems, index.md, its services), incidents/, pages/; so site.yaml comes before any town or
 * service. Iterating again gives the same from the start. A failure that is not a content
 * mistake (a YAML worker that stopped) is thrown where the iteration reaches it.
 */
export class ContentStream implements AsyncIterable<Found> {
  readonly #found: readonly (Parsed | Promise<Parsed>)[];

  constructor(found: readonly (Parsed | Promise<Parsed>)[]) {
    this.#found = found;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Found> {
    for (const item of this.#found) {
      const { source, errors } = await item;
      yield source ? { source: sourceFile(source), errors } : { errors };
    }
  }
}

/**
 * Reads every content file below `dir`, reporting what is missing, misnamed or unreadable. The
 * folders are listed in one go, without giving way to anything else in this thread (a check
 * validating the first files would otherwise hold up the listing, and the workers would wait for
 * files); with a `parser`, the files are read and parsed there (worker threads) meanwhile, else
 * here. The answers are the same either way, in the same order.
 */
export function streamContent(dir: string, cwd = process.cwd(), parser?: YamlParser): ContentStream {
  const reader = new ContentReader(cwd, parser);
  reader.read(dir);
  return new ContentStream(reader.found);
}

/** Every content file below `dir` (`streamContent`), once all are parsed. */
export async function readContent(dir: string, cwd = process.cwd(), parser?: YamlParser): Promise<ReadResult> {
  return collect(streamContent(dir, cwd, parser));
}

/** Files and errors of a stream, in its order. */
export async function collect(stream: AsyncIterable<Found>): Promise<ReadResult> {
  const files: SourceFile[] = [];
  const errors: ContentError[] = [];
  for await (const { source, errors: found } of stream) {
    errors.push(...found);
    if (source) files.push(source);
  }
  return { files, errors };
}

/** One run of `streamContent`: what each step found (a file parsed or being parsed, errors), in the order found. */
class ContentReader {
  readonly found: (Parsed | Promise<Parsed>)[] = [];
  readonly #cwd: string;
  readonly #parser: YamlParser | undefined;

  constructor(cwd: string, parser: YamlParser | undefined) {
    this.#cwd = cwd;
    this.#parser = parser;
  }

  #add(item: Parsed | Promise<Parsed>): void {
    // Marked as handled: a failed parse is thrown where the stream reaches it, and those after it
    // (the stream stops at the first) are no unhandled rejections.
    if (item instanceof Promise) item.catch(() => {});
    this.found.push(item);
  }

  report(error: ContentError): void {
    this.#add({ errors: [error] });
  }

  /** The whole folder: the top folder, site.yaml, the towns, incidents/ and pages/, in this order. */
  read(dir: string): void {
    const top = kindAt(dir);
    if (top === undefined) return this.report({ file: this.shown(dir), code: 'missingFolder' });
    if (top !== 'folder') return this.report({ file: this.shown(dir), code: 'notFolder' });
    this.top(dir);
    this.site(dir);
    this.towns(path.join(dir, 'towns'));
    for (const [folder, kind] of [['incidents', 'incident'], ['pages', 'page']] as const) this.folder(path.join(dir, folder), folder, kind);
  }

  shown(p: string): string {
    return shownPath(p, this.#cwd);
  }

  /**
   * A folder's entries without symbolic links: each is reported where it is found (every folder
   * is listed once) and never followed, so nothing outside the content folder is read. A folder
   * that cannot be listed is reported and has no entries.
   */
  entries(folder: string): Entry[] {
    let list: Entry[];
    try {
      list = listFolder(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'notFolder' : 'unreadableFolder';
      this.report({ file: this.shown(folder), code });
      return [];
    }
    for (const entry of list.filter((e) => e.isSymlink)) {
      const p = path.join(folder, entry.name);
      const target = linkTarget(p);
      this.report({ file: this.shown(p), code: 'symlink', params: { target } });
    }
    return list.filter((e) => !e.isSymlink);
  }

  load(kind: SourceKind, p: string, names: { slug: string; town?: string }): void {
    const file = this.shown(p);
    this.#add(this.#parser ? this.#parser.load(kind, p, file, names) : loadFile(kind, p, file, names));
  }

  checkSlug(p: string, name: string): boolean {
    if (slugPattern.test(name)) return true;
    const suggestion = slugify(name);
    this.report({
      file: this.shown(p),
      code: 'slug',
      params: { found: name },
      ...(suggestion ? { hint: { code: 'slugify' as const, params: { suggestion } } } : {}),
    });
    return false;
  }

  /** Markdown files of a folder; anything else is reported. */
  markdownFiles(folder: string, allowed: string): { name: string; slug: string }[] {
    const out: { name: string; slug: string }[] = [];
    for (const entry of this.entries(folder)) {
      const p = path.join(folder, entry.name);
      if (entry.isDir || !entry.name.endsWith('.md')) {
        this.report({ file: this.shown(p), code: 'unexpectedFile', params: { allowed } });
        continue;
      }
      const slug = entry.name.slice(0, -3);
      if (this.checkSlug(p, slug)) out.push({ name: entry.name, slug });
    }
    return out;
  }

  /** Lists the top folder first, so a symbolic link named site.yaml or towns is reported here. */
  top(dir: string): void {
    const knownTop = new Set(['site.yaml', 'towns', 'incidents', 'pages']);
    for (const entry of this.entries(dir)) {
      if (!knownTop.has(entry.name)) {
        this.report({ file: this.shown(path.join(dir, entry.name)), code: 'unexpectedFile', params: { allowed: 'site.yaml, towns/, incidents/, pages/' } });
      }
    }
  }

  site(dir: string): void {
    const sitePath = path.join(dir, 'site.yaml');
    const kind = kindAt(sitePath);
    // Something that is really there (a symbolic link is not, and has been reported).
    if (kind !== undefined && kind !== 'symlink') this.load('site', sitePath, { slug: '' });
    else if (kind !== 'symlink') this.report({ file: this.shown(sitePath), code: 'missingFile' });
  }

  towns(townsDir: string): void {
    const townsKind = kindAt(townsDir);
    const townEntries = townsKind === 'folder' ? this.entries(townsDir) : [];
    if (townsKind === 'file' || townsKind === 'other') this.report({ file: this.shown(townsDir), code: 'notFolder' });
    else if (townEntries.length === 0 && townsKind !== 'symlink') this.report({ file: this.shown(townsDir) + '/', code: 'missingFolder' });
    for (const entry of townEntries) {
      const townDir = path.join(townsDir, entry.name);
      if (!entry.isDir) {
        this.report({ file: this.shown(townDir), code: 'unexpectedFile', params: { allowed: 'towns/<ort>/index.md' } });
        continue;
      }
      if (this.checkSlug(townDir, entry.name)) this.town(townDir, entry.name);
    }
  }

  town(townDir: string, slug: string): void {
    const indexPath = path.join(townDir, 'index.md');
    // Listing the folder first reports a symbolic link among its files, index.md too, and a
    // folder named index.md.
    const services = this.markdownFiles(townDir, 'index.md, <dienst>.md');
    const indexKind = kindAt(indexPath);
    if (indexKind === 'file' || indexKind === 'other') this.load('town', indexPath, { slug });
    else if (indexKind === undefined) this.report({ file: this.shown(indexPath), code: 'missingFile' });
    for (const service of services) {
      if (service.name === 'index.md') continue;
      this.load('service', path.join(townDir, service.name), { slug: service.slug, town: slug });
    }
  }

  /** incidents/ or pages/, when there. */
  folder(folderPath: string, folder: string, kind: SourceKind): void {
    const there = kindAt(folderPath);
    if (there === undefined || there === 'symlink') return;
    for (const item of this.markdownFiles(folderPath, `${folder}/<name>.md`)) {
      this.load(kind, path.join(folderPath, item.name), { slug: item.slug });
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
