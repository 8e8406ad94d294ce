/**
 * Temporary content folders for unit tests. A test describes the files it needs as
 * `{ 'towns/soest/index.md': '...' }`; the helper writes them to `<tmp>/content/` and loads
 * them with `cwd` set to `<tmp>`, so every message names `content/towns/soest/index.md`
 * whatever the machine. `now` is fixed (Saturday, 4 November 2023, 13:00 in Berlin), so the
 * rule "more than a day in the future" is deterministic. Folders are removed after each test.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { loadSite, type LoadResult } from '../../../src/model/site.ts';
import { formatContentError } from '../../../src/schema/errors.ts';
import type { Language } from '../../../src/i18n/index.ts';
import type { Site } from '../../../src/model/types.ts';
import type { PageContext } from '../../../src/model/page-data.ts';
import { translator as i18nTranslator } from '../../../src/i18n/index.ts';
import { formatTime } from '../../../src/core/time.ts';
import { createUrls } from '../../../src/model/urls.ts';

/** 2023-11-04 13:00 in Europe/Berlin. */
export const NOW = Date.parse('2023-11-04T12:00:00Z');

/** A file's text, raw bytes, or `null` to leave a base file out. */
export type FileContent = string | Uint8Array | null;
export type Files = Record<string, FileContent>;

/** Strips the common indentation and the first empty line, so files can be written inline. */
export function text(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** A Markdown file: front matter lines, then the body. */
export function md(frontMatter: string, body = ''): string {
  return `---\n${frontMatter.replace(/\n?$/, '\n')}---\n${body}`;
}

/** A valid site: settings and one town with a status. Tests add or replace files. */
export const base: Files = {
  'site.yaml': text`
    title: Notfall-Informationen Test
    operator: Kreis Test
  `,
  'towns/soest/index.md': md(text`
    name: Soest
    kind: Stadt
    updated: 2023-11-03 14:17
    status: limited
    summary: Das Rathaus ist geöffnet.
  `),
};

/** A valid town file with the given extra lines (e.g. `parent: kreis-soest`). */
export function town(name: string, extra = '', body = ''): string {
  return md(`name: ${name}\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: limited\nsummary: Geöffnet.\n${extra}`, body);
}

/** A valid service file with the given extra lines. */
export function service(extra = '', status = 'limited', body = ''): string {
  return md(`title: Bürgerbüro\nstatus: ${status}\nupdated: 2023-11-03 14:17\nsummary: Geschlossen.\n${extra}`, body);
}

/** A valid incident file with the given extra lines. */
export function incident(extra = ''): string {
  return md(`title: Cyberangriff\nstarted: 2023-10-30\nupdated: 2023-11-03 14:17\nsummary: Die IT ist ausgefallen.\n${extra}`);
}

/** Writes files below a fresh `<tmp>/content/`; returns the folder and its parent. */
/** One planned change in a YAML list (`indent`: for a task's list). */
export const closure = (from: string, until: string, status: string, summary: string, indent = '') =>
  `${indent}  - from: ${from}\n${indent}    until: ${until}\n${indent}    status: ${status}\n${indent}    summary: ${summary}\n`;
/**
 * 1.2: Soest with planned changes, read on 4 November 2023 (`NOW`): the town limited and its
 * Bürgerbüro closed on 12 December, 07:00–18:00 in Berlin, the Bürgerbüro's task "Ausweis" limited
 * 14–15 December; the Standesamt without planned changes.
 */
export const plannedSoest: Files = {
  'towns/soest/index.md': md(
    `name: Soest\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Das Rathaus ist geöffnet.\nplanned:\n${closure('2023-12-12 07:00', '2023-12-12 18:00', 'limited', 'Das Bürgerbüro ist geschlossen.')}`,
  ),
  'towns/soest/buergerbuero.md': service(
    `planned:\n${closure('2023-12-12 07:00', '2023-12-12 18:00', 'unavailable', 'Softwareumstellung. Telefon 02921 103-0.')}tasks:\n  - title: Ausweis\n    status: normal\n    planned:\n${closure('2023-12-14', '2023-12-15', 'limited', 'Nur mit Termin.', '    ')}  - title: Meldebescheinigung\n    status: normal\n`,
    'normal',
  ).replace('summary: Geschlossen.', 'summary: Arbeitet wie gewohnt.'),
  'towns/soest/standesamt.md': service('', 'normal').replace('title: Bürgerbüro', 'title: Standesamt').replace('summary: Geschlossen.', 'summary: Arbeitet wie gewohnt.'),
};

export async function contentFolder(files: Files): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'aushang-unit-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const dir = path.join(root, 'content');
  await mkdir(dir);
  for (const [relative, content] of Object.entries(files)) {
    if (content === null) continue;
    const target = path.join(dir, relative);
    if (relative.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return { root, dir };
}

export interface LoadOptions {
  /** Start from `base` (default) or from nothing. */
  base?: boolean;
  now?: number;
  basePath?: string;
}

/** Loads files (on top of `base` unless `base: false`). */
export async function load(files: Files, options: LoadOptions = {}): Promise<LoadResult> {
  const { root, dir } = await contentFolder(options.base === false ? files : { ...base, ...files });
  return loadSite(dir, { urls: { base: options.basePath ?? '/' }, now: options.now ?? NOW, cwd: root });
}

/** The messages an editor would see, in the site's language (or the one given). */
export async function messages(files: Files, options: LoadOptions & { language?: Language } = {}): Promise<string[]> {
  const result = await load(files, options);
  if (result.ok) return [];
  return result.errors.map((error) => formatContentError(error, options.language ?? result.language));
}

/** The messages joined by newlines, for snapshots that read like the CLI's output. */
export async function output(files: Files, options: LoadOptions & { language?: Language } = {}): Promise<string> {
  return (await messages(files, options)).join('\n');
}

/** Loads files that must be valid and returns the site; fails the test with the messages. */
export async function site(files: Files, options: LoadOptions = {}): Promise<Site> {
  const result = await load(files, options);
  if (!result.ok) throw new Error(`expected valid content, got:\n${result.errors.map((e) => formatContentError(e, 'de')).join('\n')}`);
  return result.site;
}

/** What the page functions of `model/page-data.ts` need, as `getView()` gives it to the pages. */
export function pageContext(s: Site): PageContext {
  const t = i18nTranslator(s.settings.language);
  return { site: s, urls: createUrls(s.address), t, time: (value) => formatTime(value, s.settings.timezone, s.settings.locale, t) };
}
