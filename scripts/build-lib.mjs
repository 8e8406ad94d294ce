// `npm run build:lib` (run by `npm pack` as `prepack`): compiles the commands in src/cli and
// everything they import to lib/, and copies the data files (YAML, JSON, Markdown) of every
// compiled folder next to the JavaScript, so code that reads its data relative to itself finds it;
// then bundles the web editor into lib/admin/ (src/editor/bundle.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const lib = path.join(root, 'lib');
rmSync(lib, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.lib.json'], { cwd: root, stdio: 'inherit' });

const source = (file) => /\.(ts|astro)$/.test(file);
/** Copies the data files below a compiled folder (including data-only subfolders). */
function copyData(from, to) {
  for (const name of readdirSync(from)) {
    const here = path.join(from, name);
    if (statSync(here).isDirectory()) copyData(here, path.join(to, name));
    else if (!source(name)) cpSync(here, path.join(to, name));
  }
}
for (const folder of readdirSync(lib)) copyData(path.join(root, 'src', folder), path.join(lib, folder));

// The web editor's script, bundled once for every site that installs the package
// (src/editor/bundle.ts): a site build with `editor:` only copies it.
// Its key names the Sveltia that package.json pins (an installed site has no Sveltia to ask):
// the installed one must be that one.
const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies['@sveltia/cms'];
const installed = JSON.parse(readFileSync(path.join(root, 'node_modules/@sveltia/cms/package.json'), 'utf8')).version;
if (installed !== pinned) throw new Error(`@sveltia/cms ${installed} is installed, package.json pins ${pinned}: run npm ci first.`);
const { buildEditorBundle, PACKAGED_BUNDLE } = await import('../src/editor/bundle.ts');
await buildEditorBundle(PACKAGED_BUNDLE);
