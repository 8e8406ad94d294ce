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
import { loadCatalogue, renderServiceFile, renderTownFile, servicesFor, writeNewFile } from '../catalogue/index.ts';
import { slugify } from '../model/read.ts';
import { editorTime } from '../model/time.ts';
import { reservedRoutes, slugPattern } from '../schema/index.ts';

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
  /** For `updated:` in the files written; default now. */
  now?: number | undefined;
}

/** A mistake in the options or a file in the way: the message says what to do; nothing was written. */
export class InitError extends Error {}

export interface InitResult {
  /** Files written, relative to the folder, in the order written. */
  written: string[];
  /** What was added to package.json (`scripts.build`, `dependencies.aushang`, …); empty when nothing. */
  packageJson: string[];
  town: string;
  services: number;
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

export async function resolveSettings(options: InitOptions): Promise<SiteSettings> {
  const defaults = defaultsSchema.parse(parse(await readFile(path.join(templates, 'texts.yaml'), 'utf8')));
  const name = options.name?.trim() || defaults.name;
  const kind = options.kind?.trim() || defaults.kind;
  const fill = (pattern: string, values: Record<string, string>) => pattern.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  const operator = options.operator?.trim() || fill(defaults.operator, { name, kind });
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

/** Every file init writes (except package.json), relative to the folder. */
export async function planFiles(settings: SiteSettings, now: number): Promise<{ file: string; text: string }[]> {
  const catalogue = loadCatalogue();
  const updated = editorTime(now, 'Europe/Berlin');
  const template = (name: string, values: Record<string, string>) => readFile(path.join(templates, name), 'utf8').then((text) => fillTemplate(text, values));
  const plain = { title: settings.title, operator: settings.operator, town: settings.town };
  const townDir = `content/towns/${settings.town}`;
  const services = servicesFor(catalogue, settings.kind);
  return [
    { file: 'content/site.yaml', text: await template('site.yaml', { title: yamlValue(settings.title), operator: yamlValue(settings.operator), description: yamlValue(settings.description) }) },
    { file: `${townDir}/index.md`, text: renderTownFile(catalogue, { name: settings.name, kind: settings.kind, updated }) },
    ...services.map((entry) => ({ file: `${townDir}/${entry.id}.md`, text: renderServiceFile(catalogue, entry, { townKind: settings.kind, updated }) })),
    ...(await examplePages()),
    { file: 'README.md', text: await template('README.md', plain) },
    { file: '.github/workflows/aushang.yml', text: await template('github-workflow.yml', plain) },
    { file: '.gitlab-ci.yml', text: await template('gitlab-ci.yml', plain) },
    { file: 'CODEOWNERS', text: await template('CODEOWNERS', plain) },
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
  catalogue: 'aushang catalogue',
};

type PackageJson = Record<string, unknown> & { scripts?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

/** Adds what is missing (never changes a value that is there); returns the package.json and what was added. */
export function completePackageJson(existing: PackageJson | undefined, settings: SiteSettings, version: string): { json: PackageJson; added: string[] } {
  const json: PackageJson = existing ? structuredClone(existing) : { name: `notfall-${settings.town}`, private: true };
  const added: string[] = [];
  json.scripts ??= {};
  for (const [name, command] of Object.entries(siteScripts)) {
    if (json.scripts[name] === undefined) {
      json.scripts[name] = command;
      added.push(`scripts.${name}`);
    }
  }
  if (!json.dependencies?.aushang && !json.devDependencies?.aushang) {
    json.dependencies = { ...json.dependencies, aushang: `^${version}` };
    added.push('dependencies.aushang');
  }
  // npm 11 asks before running install scripts; Astro's esbuild has one (the generator allows it too).
  if (json.allowScripts === undefined) {
    json.allowScripts = { esbuild: true };
    added.push('allowScripts.esbuild');
  }
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

/** Sets up the site repository in `folder` (created if missing). */
export async function initSite(folder: string, options: InitOptions = {}): Promise<InitResult> {
  const settings = await resolveSettings(options);
  const files = await planFiles(settings, options.now ?? Date.now());
  const inTheWay: string[] = [];
  for (const { file } of files) if (await exists(path.join(folder, file))) inTheWay.push(file);
  if (inTheWay.length > 0) {
    throw new InitError(`${inTheWay.length === 1 ? 'This file exists' : 'These files exist'} already in ${folder}:\n${inTheWay.map((file) => `  ${file}`).join('\n')}\nNothing was written. aushang init never overwrites: run it in an empty folder, or move these away first.`);
  }

  const manifestFile = path.join(folder, 'package.json');
  let existing: PackageJson | undefined;
  if (await exists(manifestFile)) {
    try {
      existing = JSON.parse(await readFile(manifestFile, 'utf8')) as PackageJson;
    } catch (error) {
      throw new InitError(`package.json in ${folder} is not valid JSON (${error instanceof Error ? error.message : error}); nothing was written.`);
    }
  }
  const { version } = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const pkg = completePackageJson(existing, settings, version);

  const written: string[] = [];
  for (const { file, text } of files) {
    await writeNewFile(path.join(folder, file), text);
    written.push(file);
  }
  if (pkg.added.length > 0) await writeFile(manifestFile, `${JSON.stringify(pkg.json, null, 2)}\n`);
  return { written, packageJson: pkg.added, town: settings.town, services: files.filter(({ file }) => file.startsWith(`content/towns/${settings.town}/`)).length - 1 };
}
