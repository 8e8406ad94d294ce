/**
 * The web editor's script (Sveltia CMS and src/scripts/admin.ts), bundled once and not on every
 * site build (issue 21): `npm pack` builds it into the package (`lib/admin/`, by
 * scripts/build-lib.mjs), and a checkout of the generator builds it on first use into
 * `node_modules/.cache/aushang-editor/<key>/`. A site build with `editor:` only copies the files
 * into its `assets/` (src/editor/integration.ts) and names the entry script on `/admin/`.
 *
 * The key is a hash of Sveltia's version and every file of ours that goes into the bundle or
 * decides how it is built (`EDITOR_SOURCES`); a bundle is used only under its own key, so a
 * changed source is never served from a stale bundle. The bundle is built with a relative base:
 * its chunks, fonts and worker are found next to the entry script, below any `BASE_PATH`.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withGermanAdditions } from './sveltia-de.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The bundle's entry module. */
export const EDITOR_ENTRY = 'src/scripts/admin.ts';

/**
 * Our files the bundle is made of or built with. Building fails when the bundle contains a file
 * of ours that is not listed (`unlistedSources`), so the key cannot miss a change.
 */
export const EDITOR_SOURCES: readonly string[] = [
  EDITOR_ENTRY,
  'src/scripts/admin-language.ts',
  'src/editor/time-field.ts',
  'src/editor/blob-id.ts',
  'src/core/git-blob-header.ts',
  'src/editor/sveltia-de.ts',
  'src/editor/bundle.ts',
];

/** What a bundle folder holds besides its files: the key it was built under and its entry. */
export const BUNDLE_MANIFEST = 'aushang-editor.json';

export interface EditorBundle {
  /** The folder that holds the bundle's files. */
  dir: string;
  /** The entry script's file name (`admin-Bx12ab.js`). */
  entry: string;
  /** Every file of the bundle, the entry among them (names without folders). */
  files: string[];
}

interface BundleManifest {
  key: string;
  entry: string;
  files: string[];
}

/** Sveltia's version: the installed one (a checkout), else the one package.json pins (the package). */
function sveltiaVersion(): string {
  const installed = path.join(root, 'node_modules/@sveltia/cms/package.json');
  if (existsSync(installed)) return (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version;
  const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const pinned = own.devDependencies?.['@sveltia/cms'] ?? own.dependencies?.['@sveltia/cms'];
  if (!pinned) throw new Error('package.json names no version of @sveltia/cms for the web editor.');
  return pinned;
}

/** The key a bundle of the present sources is filed under. */
export function editorBundleKey(): string {
  const hash = createHash('sha256').update(`@sveltia/cms@${sveltiaVersion()}\0`);
  for (const file of EDITOR_SOURCES) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  return hash.digest('hex').slice(0, 20);
}

/** The bundle in `dir` when it was built under `key`, else undefined. */
export function bundleIn(dir: string, key: string): EditorBundle | undefined {
  const file = path.join(dir, BUNDLE_MANIFEST);
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BundleManifest;
  if (manifest.key !== key || !manifest.files.every((name) => existsSync(path.join(dir, name)))) return undefined;
  return { dir, entry: manifest.entry, files: manifest.files };
}

/** Where the package keeps its prebuilt bundle, and where a checkout caches the ones it built. */
export const PACKAGED_BUNDLE = path.join(root, 'lib', 'admin');
const CACHE = path.join(root, 'node_modules', '.cache', 'aushang-editor');

/**
 * The bundle for the present sources: the package's own, else one cached earlier, else one built
 * now into the cache (once; a build running at the same time may win the race, and its bundle
 * of the same key is used).
 */
export async function editorBundle(): Promise<EditorBundle> {
  const key = editorBundleKey();
  const found = bundleIn(PACKAGED_BUNDLE, key) ?? bundleIn(path.join(CACHE, key), key);
  if (found) return found;
  mkdirSync(CACHE, { recursive: true });
  const temporary = mkdtempSync(path.join(CACHE, `.building-${process.pid}-`));
  try {
    await buildEditorBundle(temporary, key);
    try {
      renameSync(temporary, path.join(CACHE, key));
    } catch (error) {
      if (!bundleIn(path.join(CACHE, key), key)) throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  // Bundles of earlier sources are not used again.
  for (const name of readdirSync(CACHE)) if (name !== key && !name.startsWith('.')) rmSync(path.join(CACHE, name), { recursive: true, force: true });
  return bundleIn(path.join(CACHE, key), key)!;
}

/** Copies the bundle's files into a built site's assets folder. */
export function copyEditorBundle(bundle: EditorBundle, assetsDir: string): void {
  mkdirSync(assetsDir, { recursive: true });
  for (const name of bundle.files) cpSync(path.join(bundle.dir, name), path.join(assetsDir, name));
}

// ---- Building ------------------------------------------------------------------------------

const EMPTY_GRAMMAR = '\0aushang-editor-no-grammar';

/**
 * Sveltia highlights code blocks with Shiki and imports one grammar per programming language
 * (about 250 files, 10 MB). Notices have no code: every grammar becomes an empty one, and a code
 * block is shown as plain text.
 */
const withoutCodeGrammars = {
  name: 'aushang-editor-without-code-grammars',
  enforce: 'pre' as const,
  resolveId(id: string) {
    return id.startsWith('@shikijs/langs/') ? EMPTY_GRAMMAR : undefined;
  },
  load(id: string) {
    return id === EMPTY_GRAMMAR ? 'export default [];' : undefined;
  },
};

/** Where Sveltia's interface styles point their @font-face rules (fontsource on jsDelivr). */
const FONT_CDN = /url\(https:\/\/cdn\.jsdelivr\.net\/fontsource\/[^)]*\)/g;

/**
 * Sveltia registers its three fonts from the bundled files (served from /assets/), but a style
 * sheet of its UI library also declares them with jsDelivr URLs, which the browser would fetch.
 * Those sources become `local()` ones that never leave the machine: nobody is contacted.
 */
const withoutFontCdn = {
  name: 'aushang-editor-without-font-cdn',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!id.includes('@sveltia') || !code.includes('cdn.jsdelivr.net/fontsource/')) return undefined;
    return { code: code.replace(FONT_CDN, 'local("Aushang no CDN")'), map: null };
  },
};

/** Sveltia's German strings, as the package ships them and the bundle loads them on demand. */
const GERMAN_STRINGS = /@sveltia[\\/]cms[\\/]locales[\\/]de\.json$/;

/**
 * Sveltia has not translated every word into German yet ("Show Errors"): the words it lacks are
 * added from `sveltia-de.ts` while the bundle takes in its German strings.
 */
const withGermanWords = {
  name: 'aushang-editor-german-words',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!GERMAN_STRINGS.test(id.split('?')[0]!)) return undefined;
    return { code: JSON.stringify(withGermanAdditions(JSON.parse(code))), map: null };
  },
};

/** Files of ours (outside node_modules) among a bundle's modules that `EDITOR_SOURCES` does not list. */
export function unlistedSources(moduleIds: readonly string[]): string[] {
  const listed = new Set(EDITOR_SOURCES);
  return moduleIds
    .filter((id) => path.isAbsolute(id) && id.startsWith(`${root}${path.sep}`) && !id.includes(`${path.sep}node_modules${path.sep}`))
    .map((id) => path.relative(root, id).split(path.sep).join('/'))
    .filter((file) => !listed.has(file));
}

interface BuiltChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  moduleIds?: string[];
}

/** Bundles the editor with Vite (Astro's own) into `outDir` and files it under `key`. */
export async function buildEditorBundle(outDir: string, key: string = editorBundleKey()): Promise<EditorBundle> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    plugins: [withoutCodeGrammars, withoutFontCdn, withGermanWords],
    build: {
      outDir,
      emptyOutDir: true,
      assetsDir: '',
      copyPublicDir: false,
      reportCompressedSize: false,
      // Sveltia is one large module by design; its size is not ours to warn about.
      chunkSizeWarningLimit: 100_000,
      // Scripts stay files, as on the site's pages (the policy allows no inline script).
      assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: { input: { admin: path.join(root, EDITOR_ENTRY) }, checks: { bundlerTimings: false } },
    },
  });
  const output = (Array.isArray(result) ? result : [result]).flatMap((one) => ('output' in one ? (one.output as BuiltChunk[]) : []));
  const unlisted = [...new Set(unlistedSources(output.flatMap((chunk) => chunk.moduleIds ?? [])))];
  if (unlisted.length > 0) throw new Error(`The web editor's bundle holds ${unlisted.join(', ')}: add them to EDITOR_SOURCES in src/editor/bundle.ts.`);
  const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry)?.fileName;
  if (!entry) throw new Error('The web editor bundle has no entry script.');
  const files = readdirSync(outDir).sort();
  writeFileSync(path.join(outDir, BUNDLE_MANIFEST), `${JSON.stringify({ key, entry, files } satisfies BundleManifest, null, 2)}\n`);
  return { dir: outDir, entry, files };
}
