/**
 * `aushang init --towns <file>`: the list of towns a district prepares in one go. A CSV file with
 * a header row (columns `name`, `kind`, optional `slug`, `parent`, `phone`, `email`, `address`,
 * `website`, `ars`; comma, semicolon or tab between values, as spreadsheets export it) or a YAML
 * list of entries with the same fields. Every mistake names the file, line and column, in the
 * editors' language; a list with any mistake gives no towns at all.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { translator, type Language, type MessageKey } from '../i18n/index.ts';
import { slugify } from '../model/read.ts';
import { isCountry, parsePhone } from '../core/phone.ts';
import { reservedRoutes, slugPattern } from '../schema/index.ts';
import { problemMessage, type ContentError, type ErrorCode } from '../schema/errors.ts';

export const listColumns = ['name', 'kind', 'slug', 'parent', 'phone', 'email', 'address', 'website', 'ars'] as const;
export type ListColumn = (typeof listColumns)[number];
const requiredColumns: readonly ListColumn[] = ['name', 'kind'];

/** Where a value was written: 1-based line and column. */
export interface Place {
  line: number;
  column: number;
}

/** One row of the list as written, before it is checked. */
export interface ListRow {
  /** The row's first line. */
  line: number;
  values: Partial<Record<ListColumn, { value: string; at: Place }>>;
  /** A value of the row was refused already while reading it. */
  broken?: boolean;
}

/** A town of the list, checked. */
export interface ListedTown {
  line: number;
  name: string;
  kind: string;
  slug: string;
  parent?: string | undefined;
  /** The town's general contacts: phone, email, in-person (the address) and web. */
  contacts: Partial<Record<'phone' | 'email' | 'in-person' | 'web', string>>;
}

/** Mistakes in the list, each `file:line:column: field: message`; nothing is written. */
export class TownListError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

interface ListContext {
  /** The file as shown in messages. */
  file: string;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  language: Language;
  problems: { at: Place; field?: string; message: string }[];
}

function problem(ctx: ListContext, at: Place, message: string, field?: string): void {
  ctx.problems.push({ at, message, ...(field ? { field } : {}) });
}

/** A check's own message (`error.<code>`), so the list says what `check` would say of the file. */
function checkMessage(ctx: ListContext, code: ErrorCode, params: Record<string, string>, hint?: { code: 'didYouMean'; params: Record<string, string> }): string {
  return problemMessage({ file: ctx.file, code, params, ...(hint ? { hint } : {}) } as ContentError, ctx.language);
}

/** The separator of a CSV file: the one of comma, semicolon and tab found in its header row. */
function separatorOf(header: string): string {
  const outside = header.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((s) => [s, outside.split(s).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ',';
}

/**
 * CSV as RFC 4180 writes it: values in double quotes may hold separators, line breaks and `""`
 * for a quote; a byte order mark and CRLF line ends are fine. Empty lines are skipped.
 */
export function parseCsv(text: string): { rows: { value: string; at: Place }[][]; unclosed?: Place } {
  const source = text.replace(/^\uFEFF/, '');
  const cursor: CsvCursor = { source, separator: separatorOf(source.split(/\r?\n/, 1)[0] ?? ''), i: 0, line: 1, column: 1 };
  const rows: { value: string; at: Place }[][] = [];
  let row: { value: string; at: Place }[] = [];
  const endRow = () => {
    if (!(row.length === 1 && row[0]!.value.trim() === '')) rows.push(row);
    row = [];
  };
  while (cursor.i <= source.length) {
    const at = { line: cursor.line, column: cursor.column };
    let value = '';
    if (source[cursor.i] === '"') {
      const quoted = quotedValue(cursor);
      if (quoted === undefined) return { rows, unclosed: at };
      // Anything between the closing quote and the next separator is kept (spreadsheets do not write it).
      value = quoted + plainValue(cursor);
    } else {
      value = plainValue(cursor);
    }
    row.push({ value: value.trim(), at });
    if (cursor.i >= source.length) {
      endRow();
      break;
    }
    if (source[cursor.i] === cursor.separator) {
      cursor.i++;
      cursor.column++;
      continue;
    }
    // A line break: \r\n, \n or \r.
    if (source[cursor.i] === '\r' && source[cursor.i + 1] === '\n') cursor.i++;
    cursor.i++;
    cursor.line++;
    cursor.column = 1;
    endRow();
  }
  return { rows };
}

/** Where `parseCsv` is: the index in the text and the line and column shown to people. */
interface CsvCursor {
  readonly source: string;
  readonly separator: string;
  i: number;
  line: number;
  column: number;
}

/** A value in double quotes from the opening quote on; undefined when the quote is never closed. */
function quotedValue(cursor: CsvCursor): string | undefined {
  const { source } = cursor;
  let value = '';
  cursor.i++;
  cursor.column++;
  for (;;) {
    if (cursor.i >= source.length) return undefined;
    const c = source[cursor.i]!;
    if (c === '"' && source[cursor.i + 1] === '"') {
      value += '"';
      cursor.i += 2;
      cursor.column += 2;
    } else if (c === '"') {
      cursor.i++;
      cursor.column++;
      return value;
    } else {
      value += c;
      cursor.i++;
      if (c === '\n') {
        cursor.line++;
        cursor.column = 1;
      } else cursor.column++;
    }
  }
}

/** Characters up to the next separator or line end. */
function plainValue(cursor: CsvCursor): string {
  const { source, separator } = cursor;
  let value = '';
  while (cursor.i < source.length && source[cursor.i] !== separator && source[cursor.i] !== '\n' && source[cursor.i] !== '\r') {
    value += source[cursor.i];
    cursor.i++;
    cursor.column++;
  }
  return value;
}

/** The rows of a CSV list, by column name. */
function csvRows(ctx: ListContext, text: string): ListRow[] {
  const { rows, unclosed } = parseCsv(text);
  if (unclosed) {
    problem(ctx, unclosed, ctx.t('init.list.quote'));
    return [];
  }
  const [header, ...body] = rows;
  if (!header) return [];
  const columns: (ListColumn | undefined)[] = [];
  for (const cell of header) {
    const name = cell.value.toLowerCase() as ListColumn;
    if (!(listColumns as readonly string[]).includes(name)) {
      problem(ctx, cell.at, ctx.t('init.list.column', { found: cell.value, allowed: listColumns.join(', ') }));
      columns.push(undefined);
    } else if (columns.includes(name)) {
      problem(ctx, cell.at, ctx.t('init.list.columnTwice', { found: name }));
      columns.push(undefined);
    } else columns.push(name);
  }
  for (const name of requiredColumns) {
    if (!columns.includes(name)) problem(ctx, header[0]!.at, ctx.t('init.list.missingColumn', { found: name, required: requiredColumns.join(', ') }));
  }
  return body.map((cells) => {
    if (cells.length > header.length) {
      problem(ctx, cells[header.length]!.at, ctx.t('init.list.cells', { found: cells.length, count: header.length }));
    }
    const values: ListRow['values'] = {};
    cells.forEach((cell, i) => {
      const name = columns[i];
      if (name && cell.value !== '') values[name] = cell;
    });
    return { line: cells[0]!.at.line, values };
  });
}

/** The entries of a YAML list, by field. */
function yamlRows(ctx: ListContext, text: string): ListRow[] {
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, uniqueKeys: true });
  const placeOf = (node: Node | null | undefined): Place => {
    const { line, col } = counter.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    problem(ctx, { line: error.linePos?.[0].line ?? 1, column: error.linePos?.[0].col ?? 1 }, ctx.t('init.list.yaml', { detail: error.message.split('\n')[0]! }));
    return [];
  }
  const list = doc.contents;
  if (!isSeq(list)) {
    problem(ctx, placeOf(list), ctx.t('init.list.notList'));
    return [];
  }
  return list.items.flatMap((item) => {
    if (!isMap(item)) {
      problem(ctx, placeOf(item as Node), ctx.t('init.list.notList'));
      return [];
    }
    const values: ListRow['values'] = {};
    let broken = false;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const at = placeOf(pair.key as Node);
      if (!(listColumns as readonly string[]).includes(key)) {
        problem(ctx, at, ctx.t('init.list.column', { found: key, allowed: listColumns.join(', ') }));
        continue;
      }
      const value = pair.value;
      if (value === null || (isScalar(value) && (value.value === null || String(value.value).trim() === ''))) continue;
      if (!isScalar(value)) {
        problem(ctx, placeOf(value as Node), ctx.t('init.list.notText'), key);
        values[key as ListColumn] = { value: '', at: placeOf(value as Node) };
        broken = true;
        continue;
      }
      values[key as ListColumn] = { value: String(value.value).trim(), at: placeOf(value) };
    }
    return [{ line: placeOf(item).line, values, broken }];
  });
}

const emailPattern = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/** A town's web address: https, a bare domain (`www.werl.de`) gets https:// in front. */
function websiteOf(ctx: ListContext, written: string, at: Place): string | undefined {
  const value = /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(written) ? `https://${written}` : written;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !url.hostname.includes('.') || !/^https?:$/.test(url.protocol)) {
    problem(ctx, at, checkMessage(ctx, 'url', { found: written }), 'website');
    return undefined;
  }
  if (url.protocol !== 'https:') {
    problem(ctx, at, checkMessage(ctx, 'urlNotHttps', { found: written }), 'website');
    return undefined;
  }
  return value;
}

/** Checks one row's values; a town when they are fine. */
function checkRow(ctx: ListContext, row: ListRow, country: string): ListedTown | undefined {
  const before = ctx.problems.length;
  const rowStart = { line: row.line, column: 1 };
  for (const name of requiredColumns) {
    if (!row.values[name]) problem(ctx, rowStart, checkMessage(ctx, 'required', {}), name);
  }
  const name = row.values.name?.value ?? '';
  const slugCell = row.values.slug;
  const slug = slugCell?.value ?? slugify(name);
  const slugAt = slugCell?.at ?? row.values.name?.at ?? rowStart;
  if (name !== '' && !slugPattern.test(slug)) problem(ctx, slugAt, checkMessage(ctx, 'slug', { found: slug }), 'slug');
  if ((reservedRoutes as readonly string[]).includes(slug)) {
    problem(ctx, slugAt, checkMessage(ctx, 'reservedTown', { found: slug, allowed: reservedRoutes.join(', ') }), 'slug');
  }
  const contacts: ListedTown['contacts'] = {};
  const phone = row.values.phone;
  if (phone) {
    const result = isCountry(country) ? parsePhone(phone.value, country) : { ok: true as const };
    if (result.ok) contacts.phone = phone.value;
    else {
      const code = result.reason === 'noAreaCode' ? 'phoneNoAreaCode' : result.reason === 'characters' ? 'phoneCharacters' : 'phoneInvalid';
      problem(ctx, phone.at, checkMessage(ctx, code, { found: phone.value }), 'phone');
    }
  }
  const email = row.values.email;
  if (email) {
    if (emailPattern.test(email.value)) contacts.email = email.value;
    else problem(ctx, email.at, checkMessage(ctx, 'email', { found: email.value }), 'email');
  }
  if (row.values.address) contacts['in-person'] = row.values.address.value;
  if (row.values.website) {
    const web = websiteOf(ctx, row.values.website.value, row.values.website.at);
    if (web) contacts.web = web;
  }
  if (ctx.problems.length > before || row.broken) return undefined;
  return { line: row.line, name, kind: row.values.kind!.value, slug, parent: row.values.parent?.value, contacts };
}

export interface TownListOptions {
  /** For messages: the folder paths are shown relative to. */
  cwd: string;
  language: Language;
  /** The site's country, for phone numbers. */
  country: string;
  /** Towns the site has already (their slugs), which a row may name as parent. */
  existing: readonly string[];
  /** The town made from the flags (`--town`), which a row may name as parent too. */
  main?: string | undefined;
}

/**
 * Reads and checks a list of towns. Parents are written as a slug or as the name of a town of
 * the list (`Kreis Soest` → `kreis-soest`). Throws `TownListError` with every mistake.
 */
export async function readTownList(file: string, options: TownListOptions): Promise<{ towns: ListedTown[]; arsIgnored: boolean }> {
  const shown = path.relative(options.cwd, file) || file;
  const t = translator(options.language);
  const ctx: ListContext = { file: shown.startsWith('..') ? file : shown, t, language: options.language, problems: [] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new TownListError([t('init.list.unreadable', { file: ctx.file, reason: (error as NodeJS.ErrnoException).code ?? String(error) })]);
  }
  const yaml = /\.ya?ml$/i.test(file);
  if (!yaml && !/\.(csv|txt)$/i.test(file)) throw new TownListError([t('init.list.format', { file: ctx.file })]);
  const rows = yaml ? yamlRows(ctx, text) : csvRows(ctx, text);
  const towns: ListedTown[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const town = checkRow(ctx, row, options.country);
    if (!town) continue;
    const seen = firstLine.get(town.slug);
    if (seen !== undefined) {
      problem(ctx, row.values.slug?.at ?? row.values.name!.at, t('init.list.twice', { found: town.slug, other: seen }), 'slug');
      continue;
    }
    firstLine.set(town.slug, row.line);
    towns.push(town);
  }
  if (rows.length === 0 && ctx.problems.length === 0) problem(ctx, { line: 1, column: 1 }, t('init.list.empty'));
  // Parents: a slug of the list, of the site, the main town, or the name of a town of the list.
  const known = new Set([...towns.map((town) => town.slug), ...options.existing, ...(options.main ? [options.main] : [])]);
  for (const town of towns) {
    if (town.parent === undefined) continue;
    const byName = towns.find((other) => other.name === town.parent)?.slug;
    const parent = known.has(town.parent) ? town.parent : byName;
    const row = rows.find((r) => r.line === town.line)!;
    if (parent === undefined) {
      problem(ctx, row.values.parent!.at, t('init.list.parent', { found: town.parent, allowed: [...known].join(', ') }), 'parent');
    } else if (parent === town.slug) {
      problem(ctx, row.values.parent!.at, checkMessage(ctx, 'parentSelf', { found: town.parent }), 'parent');
    } else town.parent = parent;
  }
  if (ctx.problems.length > 0) {
    const sorted = ctx.problems.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    throw new TownListError(sorted.map((p) => `${ctx.file}:${p.at.line}:${p.at.column}: ${p.field ? `${p.field}: ` : ''}${p.message}`));
  }
  return { towns, arsIgnored: rows.some((row) => row.values.ars !== undefined) };
}
