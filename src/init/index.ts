/**
 * `aushang init`: sets up a site repository in a folder. Writes the content of one town prepared
 * from the service catalogue (every service `normal`), `site.yaml`, the example legal pages
 * shipped with the package, the CI files for GitHub and GitLab, a README for editors, an example
 * CODEOWNERS, `.gitignore` and `.nvmrc`; adds what is missing to `package.json`. It refuses to
 * overwrite anything: when any of its files exists, it writes nothing.
 *
 * The texts it writes are data files in `templates/` (reviewed German text); `{{name}}` in them
 * is replaced.
 */
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { kindsOf, loadCatalogue, renderServiceFile, renderTownFile, servicesFor, writeNewFile, type Catalogue, type ChannelValues } from '../catalogue/index.ts';
import { translator, type Language } from '../i18n/index.ts';
import { shownPath, slugify } from '../model/read.ts';
import { loadSite } from '../model/site.ts';
import { editorTime } from '../core/time.ts';
import { reservedRoutes, slugPattern } from '../schema/index.ts';
import { formatContentError, type ContentError } from '../schema/errors.ts';
import { readTownList, TownListError, type ListedTown } from './towns.ts';

const packageRoot = path.resolve(import.meta.dirname, '../..');
const templates = path.join(import.meta.dirname, 'templates');

const defaultsSchema = z.object({ name: z.string(), kind: z.string(), operator: z.string(), title: z.string(), description: z.string() }).strict();

export interface InitOptions {
  title?: string | undefined;
  operator?: string | undefined;
  /** The town's slug (its folder); default: from the name. */
  town?: string | undefined;
  name?: string | undefined;
  kind?: string | undefined;
  /** A list of towns (CSV or YAML, see towns.ts) to prepare as well; relative to `cwd`. */
  towns?: string | undefined;
  /** For `updated:` in the files written; default now. */
  now?: number | undefined;
  /** Where paths in messages are relative to; default the process's. */
  cwd?: string | undefined;
}

/** A mistake in the options or a file in the way: the message says what to do; nothing was written. */
export class InitError extends Error {}

export interface InitResult {
  /** Files written, relative to the folder, in the order written. */
  written: string[];
  /** What was added to package.json (`scripts.build`, `dependencies.aushang`, …); empty when nothing. */
  packageJson: string[];
  town: string;
  /** Service files written, in all towns together. */
  services: number;
  /** Towns written now (slugs), and towns of the list that were there already and were left as they are. */
  towns: { created: string[]; existing: string[] };
  /** True when the site was there already and only towns of the list were added. */
  added: boolean;
  /** The list has an `ars` column, which the content format cannot hold yet. */
  arsIgnored: boolean;
  /** The language of the messages (the site's, German for a new site). */
  language: Language;
}

/** The settings with every default filled in. */
export interface SiteSettings {
  title: string;
  operator: string;
  description: string;
  name: string;
  kind: string;
  town: string;
}

/**
 * Whether a name already says its kind: `Kreis Soest`, `Landkreis Harburg`, `Hochsauerlandkreis`
 * for a Kreis, `Gemeinde Ense` for a Gemeinde. Then the operator is the name itself, not
 * "Kreis Kreis Soest". (`Lippstadt` does not say Stadt: a word of its own is needed, except for
 * the many district names ending in -kreis.)
 */
export function nameSaysKind(name: string, kind: string): boolean {
  const words = name.toLowerCase().split(/[\s-]+/);
  const k = kind.trim().toLowerCase();
  if (k === '') return false;
  if (k.split(/\s+/).every((word) => words.includes(word))) return true;
  return k.endsWith('kreis') && words.some((word) => word.endsWith('kreis'));
}

export async function resolveSettings(options: InitOptions): Promise<SiteSettings> {
  const defaults = defaultsSchema.parse(parse(await readFile(path.join(templates, 'texts.yaml'), 'utf8')));
  const name = options.name?.trim() || defaults.name;
  const kind = options.kind?.trim() || defaults.kind;
  const fill = (pattern: string, values: Record<string, string>) => pattern.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  const operator = options.operator?.trim() || (nameSaysKind(name, kind) ? name : fill(defaults.operator, { name, kind }));
  const title = options.title?.trim() || fill(defaults.title, { name, kind, operator });
  const town = options.town?.trim() || slugify(name);
  if (!slugPattern.test(town)) throw new InitError(`--town ${town}: a town's slug is lower case letters, digits and hyphens, e.g. musterstadt or bad-musterbach`);
  if ((reservedRoutes as readonly string[]).includes(town)) throw new InitError(`--town ${town}: this path is used by the site itself; choose another slug`);
  return { title, operator, description: fill(defaults.description, { name, kind, operator }), name, kind, town };
}

/** Replaces `{{key}}` in a template. */
function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match);
}

const yamlValue = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** The example pages shipped with the package (`example: true`): Impressum, Datenschutz, … */
async function examplePages(): Promise<{ file: string; text: string }[]> {
  const folder = path.join(packageRoot, 'content/pages');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.md')).sort();
  const pages: { file: string; text: string }[] = [];
  for (const name of names) {
    const text = await readFile(path.join(folder, name), 'utf8');
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    if (/^example:\s*true\s*$/m.test(frontMatter)) pages.push({ file: `content/pages/${name}`, text });
  }
  return pages;
}

/** A town init writes: its index.md and the catalogue's services for its kind. */
export interface PlannedTown {
  slug: string;
  name: string;
  kind: string;
  parent?: string | undefined;
  contacts?: ChannelValues | undefined;
}

/** The files of one town, relative to the folder. */
export function townFiles(catalogue: Catalogue, town: PlannedTown, updated: string): { file: string; text: string }[] {
  const dir = `content/towns/${town.slug}`;
  return [
    { file: `${dir}/index.md`, text: renderTownFile(catalogue, { name: town.name, kind: town.kind, parent: town.parent, contacts: town.contacts, updated }) },
    ...servicesFor(catalogue, town.kind).map((entry) => ({ file: `${dir}/${entry.id}.md`, text: renderServiceFile(catalogue, entry, { townKind: town.kind, updated }) })),
  ];
}

/** One line of CODEOWNERS per town folder, commented: a placeholder team to replace. */
export function codeOwnersLines(towns: readonly string[]): string {
  return towns.map((town) => `# /content/towns/${town}/  @BEISPIEL-ORGANISATION/redaktion-${town}`).join('\n');
}

/** Every file init writes (except package.json), relative to the folder. */
export async function planFiles(settings: SiteSettings, now: number, towns?: readonly PlannedTown[]): Promise<{ file: string; text: string }[]> {
  const catalogue = loadCatalogue();
  const updated = editorTime(now, 'Europe/Berlin');
  const template = (name: string, values: Record<string, string>) => readFile(path.join(templates, name), 'utf8').then((text) => fillTemplate(text, values));
  const plain = { title: settings.title, operator: settings.operator, town: settings.town };
  const planned = towns ?? [{ slug: settings.town, name: settings.name, kind: settings.kind }];
  return [
    { file: 'content/site.yaml', text: await template('site.yaml', { title: yamlValue(settings.title), operator: yamlValue(settings.operator), description: yamlValue(settings.description) }) },
    ...planned.flatMap((town) => townFiles(catalogue, town, updated)),
    ...(await examplePages()),
    { file: 'README.md', text: await template('README.md', plain) },
    { file: '.github/workflows/aushang.yml', text: await template('github-workflow.yml', plain) },
    { file: '.gitlab-ci.yml', text: await template('gitlab-ci.yml', plain) },
    { file: 'CODEOWNERS', text: await template('CODEOWNERS', { ...plain, townLines: codeOwnersLines(planned.map((town) => town.slug)) }) },
    { file: '.gitignore', text: await template('gitignore', plain) },
    { file: '.nvmrc', text: '24\n' },
  ];
}

/** The scripts a site repository gets: the same commands through npm. */
export const siteScripts: Readonly<Record<string, string>> = {
  check: 'aushang check',
  build: 'aushang build',
  serve: 'aushang serve',
  start: 'aushang build && aushang serve',
  verify: 'aushang verify',
  new: 'aushang new',
  update: 'aushang update',
  resolve: 'aushang resolve',
  ready: 'aushang ready',
  catalogue: 'aushang catalogue',
};

type PackageJson = Record<string, unknown> & { scripts?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

/**
 * Adds what is missing (never changes a value that is there); returns the package.json and what
 * was added. `node` is the Node 24 the site runs on (the `node` package, the generator's own
 * pin), a devDependency: `npm ci` or `npm install` on an editor's machine puts it into
 * node_modules/.bin, where npm scripts and `npx aushang` find it even on a machine whose own Node
 * is older; the generated CI leaves it out.
 */
export function completePackageJson(existing: PackageJson | undefined, settings: SiteSettings, version: string, nodeVersion = '^24'): { json: PackageJson; added: string[] } {
  const json: PackageJson = existing ? structuredClone(existing) : { name: `notfall-${settings.town}`, private: true };
  const added: string[] = [];
  json.scripts ??= {};
  for (const [name, command] of Object.entries(siteScripts)) {
    if (json.scripts[name] === undefined) {
      json.scripts[name] = command;
      added.push(`scripts.${name}`);
    }
  }
  // Node 24 is for the editors' machines: the CI installs without devDependencies (`npm ci
  // --omit=dev`), its runner brings Node 24, and the node package's own install is the largest
  // part of an install (it fetches a Node of 190 MB).
  for (const [name, range, field] of [['aushang', `^${version}`, 'dependencies'], ['node', nodeVersion, 'devDependencies']] as const) {
    if (!json.dependencies?.[name] && !json.devDependencies?.[name]) {
      json[field] = { ...json[field], [name]: range };
      added.push(`${field}.${name}`);
    }
  }
  // npm 11 asks before running install scripts: Astro's esbuild has one, and the node package
  // fetches the Node binary in one (the generator allows both too).
  const allowed = (json.allowScripts ?? {}) as Record<string, unknown>;
  for (const name of ['esbuild', 'node']) {
    if (allowed[name] === undefined) {
      allowed[name] = true;
      added.push(`allowScripts.${name}`);
    }
  }
  json.allowScripts = allowed;
  if (json.engines === undefined) {
    json.engines = { node: '>=24' };
    added.push('engines.node');
  }
  if (!existing) added.unshift('package.json');
  return { json, added };
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/** The generator's own versions: its version, and the range of the Node it pins (`node` devDependency). */
async function packageVersions(): Promise<{ version: string; node: string }> {
  const manifest = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as PackageJson & { version: string };
  return { version: manifest.version, node: manifest.devDependencies?.node ?? manifest.dependencies?.node ?? '^24' };
}

/** What site.yaml says already (a site set up before): language and country for the list's messages and numbers. */
async function existingSite(contentDir: string): Promise<{ language: Language; country: string } | undefined> {
  const text = await readFile(path.join(contentDir, 'site.yaml'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let data: Record<string, unknown> = {};
  try {
    const parsed = parse(text) as unknown;
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // check will say what is wrong with it; the defaults do for the list.
  }
  return { language: data.language === 'en' ? 'en' : 'de', country: typeof data.country === 'string' ? data.country.trim().toUpperCase() : 'DE' };
}

/** Town folders the site has already. */
async function townFolders(contentDir: string): Promise<string[]> {
  const entries = await readdir(path.join(contentDir, 'towns'), { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
}

/**
 * The towns to write: the one the flags name, and the list's. Without `--name` and `--town` the
 * site is named after the list's first town without a parent (the district). A town of the list
 * without a parent belongs to the flags' town when that is a Kreis (and it is not one itself).
 */
function plannedTowns(catalogue: Catalogue, settings: SiteSettings, listed: readonly ListedTown[] | undefined, flagsNameTown: boolean): PlannedTown[] {
  if (!listed) return [{ slug: settings.town, name: settings.name, kind: settings.kind }];
  const isKreis = (kind: string) => kindsOf(catalogue, kind).includes('Kreis');
  const main = flagsNameTown && !listed.some((town) => town.slug === settings.town) ? [{ slug: settings.town, name: settings.name, kind: settings.kind }] : [];
  const district = flagsNameTown && isKreis(settings.kind) ? settings.town : undefined;
  return [
    ...main,
    ...listed.map((town) => ({
      slug: town.slug,
      name: town.name,
      kind: town.kind,
      parent: town.parent ?? (district && town.slug !== district && !isKreis(town.kind) ? district : undefined),
      contacts: town.contacts,
    })),
  ];
}

/** Identity of an error apart from its line (as the editor commands compare before and after). */
const errorKey = (e: ContentError) => JSON.stringify([e.file, e.field, e.code, (e.params as Record<string, string> | undefined)?.found]);

/**
 * Checks the content as it will be with the planned files, with the very rules of `check`;
 * throws when they bring an error the content has not got now. Nothing is written then.
 */
async function checkResult(folder: string, files: readonly { file: string; text: string }[], cwd: string): Promise<void> {
  const contentDir = path.join(folder, 'content');
  const options = { urls: { base: '/' }, cwd };
  const before = (await exists(path.join(contentDir, 'site.yaml'))) ? await loadSite(contentDir, options) : undefined;
  const overlay = new Map(files.filter(({ file }) => file.startsWith('content/')).map(({ file, text }) => [path.join(folder, file), text] as const));
  const after = await loadSite(contentDir, { ...options, overlay });
  if (after.ok) return;
  const had = new Set(before && !before.ok ? before.errors.map(errorKey) : []);
  // A new site's content/ folder is not there yet: the planned files are all of it.
  const missingContent = (e: ContentError) => e.code === 'missingFolder' && e.file === shownPath(contentDir, cwd);
  const added = after.errors.filter((e) => !had.has(errorKey(e)) && !missingContent(e));
  if (added.length > 0) throw new InitError(`${added.map((e) => formatContentError(e, after.language)).join('\n')}\n${translator(after.language)('init.refused')}`);
}

/** The towns of `--towns <list>`, if given; a list that cannot be used is refused. */
async function listedTowns(
  options: InitOptions,
  known: { cwd: string; language: Language; country: string; existing: Awaited<ReturnType<typeof townFolders>> },
): Promise<{ towns: ListedTown[] | undefined; arsIgnored: boolean }> {
  if (options.towns === undefined) return { towns: undefined, arsIgnored: false };
  const flagTown = options.town?.trim() || (options.name?.trim() ? slugify(options.name) : undefined);
  try {
    return await readTownList(path.resolve(known.cwd, options.towns), { ...known, main: flagTown });
  } catch (error) {
    if (error instanceof TownListError) throw new InitError(`${error.message}\n${translator(known.language)('init.refused')}`);
    throw error;
  }
}

/** init never overwrites: any planned file that exists already stops it before it writes. */
async function refuseOverwrite(folder: string, files: readonly { file: string }[]): Promise<void> {
  const inTheWay: string[] = [];
  for (const { file } of files) if (await exists(path.join(folder, file))) inTheWay.push(file);
  if (inTheWay.length > 0) {
    throw new InitError(`${inTheWay.length === 1 ? 'This file exists' : 'These files exist'} already in ${folder}:\n${inTheWay.map((file) => `  ${file}`).join('\n')}\nNothing was written. aushang init never overwrites: run it in an empty folder, or move these away first.`);
  }
}

/** The folder's package.json, if there is one. */
async function readManifest(manifestFile: string, folder: string): Promise<PackageJson | undefined> {
  if (!(await exists(manifestFile))) return undefined;
  try {
    return JSON.parse(await readFile(manifestFile, 'utf8')) as PackageJson;
  } catch (error) {
    throw new InitError(`package.json in ${folder} is not valid JSON (${error instanceof Error ? error.message : error}); nothing was written.`);
  }
}

/** Sets up the site repository in `folder` (created if missing). */
export async function initSite(folder: string, options: InitOptions = {}): Promise<InitResult> {
  const cwd = options.cwd ?? process.cwd();
  const contentDir = path.join(folder, 'content');
  const site = await existingSite(contentDir);
  const language: Language = site?.language ?? 'de';
  const catalogue = loadCatalogue();
  const flagsNameTown = Boolean(options.name?.trim() || options.town?.trim());
  const existing = await townFolders(contentDir);

  const { towns: listed, arsIgnored } = await listedTowns(options, { cwd, language, country: site?.country ?? 'DE', existing });
  const district = listed && !flagsNameTown ? (listed.find((town) => town.parent === undefined) ?? listed[0]!) : undefined;
  const settings = await resolveSettings(district ? { ...options, name: district.name, kind: district.kind, town: district.slug } : options);
  const towns = plannedTowns(catalogue, settings, listed, flagsNameTown);
  const now = options.now ?? Date.now();

  // A site that is there already: a list only adds its towns that are missing (and their CODEOWNERS lines).
  if (listed && site) return addTowns(folder, settings, towns, existing, { now, cwd, arsIgnored, language });

  const files = await planFiles(settings, now, towns);
  await refuseOverwrite(folder, files);
  const manifestFile = path.join(folder, 'package.json');
  const manifest = await readManifest(manifestFile, folder);
  const versions = await packageVersions();
  const pkg = completePackageJson(manifest, settings, versions.version, versions.node);
  if (listed) await checkResult(folder, files, cwd);

  const written: string[] = [];
  for (const { file, text } of files) {
    await writeNewFile(path.join(folder, file), text);
    written.push(file);
  }
  if (pkg.added.length > 0) await writeFile(manifestFile, `${JSON.stringify(pkg.json, null, 2)}\n`);
  return {
    written,
    packageJson: pkg.added,
    town: settings.town,
    services: written.filter((file) => file.startsWith('content/towns/') && !file.endsWith('/index.md')).length,
    towns: { created: towns.map((town) => town.slug), existing: [] },
    added: false,
    arsIgnored,
    language,
  };
}

/**
 * The list's towns that the site has not got yet, each with its services, and a CODEOWNERS line
 * for each; a town whose folder exists is left exactly as it is. Checked as a whole first.
 */
async function addTowns(
  folder: string,
  settings: SiteSettings,
  towns: readonly PlannedTown[],
  existing: readonly string[],
  context: { now: number; cwd: string; arsIgnored: boolean; language: Language },
): Promise<InitResult> {
  const catalogue = loadCatalogue();
  const updated = editorTime(context.now, 'Europe/Berlin');
  const fresh = towns.filter((town) => !existing.includes(town.slug));
  const files = fresh.flatMap((town) => townFiles(catalogue, town, updated));
  await checkResult(folder, files, context.cwd);

  const written: string[] = [];
  for (const { file, text } of files) {
    await writeNewFile(path.join(folder, file), text);
    written.push(file);
  }
  const ownersFile = path.join(folder, 'CODEOWNERS');
  const owners = await readFile(ownersFile, 'utf8').catch(() => undefined);
  const missing = fresh.map((town) => town.slug).filter((slug) => !owners?.includes(`/content/towns/${slug}/`));
  if (missing.length > 0) {
    const text = owners === undefined ? `${fillTemplate(await readFile(path.join(templates, 'CODEOWNERS'), 'utf8'), { townLines: codeOwnersLines(missing) })}` : `${owners}${owners.endsWith('\n') || owners === '' ? '' : '\n'}${codeOwnersLines(missing)}\n`;
    await writeFile(ownersFile, text);
    written.push('CODEOWNERS');
  }
  return {
    written,
    packageJson: [],
    town: settings.town,
    services: written.filter((file) => file.startsWith('content/towns/') && !file.endsWith('/index.md')).length,
    towns: { created: fresh.map((town) => town.slug), existing: towns.filter((town) => existing.includes(town.slug)).map((town) => town.slug) },
    added: true,
    arsIgnored: context.arsIgnored,
    language: context.language,
  };
}
