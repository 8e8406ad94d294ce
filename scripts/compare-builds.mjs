// Builds the example site (content/) and a synthetic 72 × 30 district (bench/generate.ts) with
// a fixed time, time zone and commit, and writes the sha256 of every output file; or compares two
// such hash files. For refactors that must not change the output:
//
//   node scripts/compare-builds.mjs hash /tmp/before [--root <checkout>]   (before the change)
//   node scripts/compare-builds.mjs hash /tmp/after
//   node scripts/compare-builds.mjs compare /tmp/before /tmp/after
//
// `--root` builds with another checkout's code (e.g. a `git archive` of main with node_modules
// linked); the content is always the example of this checkout and the same generated district.
// Run with the project's Node 24 (node_modules/.bin/node).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const here = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({ options: { root: { type: 'string' } }, allowPositionals: true });
const [command, ...folders] = positionals;

const env = {
  ...process.env,
  SOURCE_DATE_EPOCH: '1733486400',
  TZ: 'Europe/Berlin',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  SITE_URL: '',
  BASE_PATH: '',
  AUSHANG_CONTENT: '',
};

/** Every file below `dir`, as relative paths with forward slashes, sorted. */
function files(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? files(dir, rel) : [rel];
    })
    .sort();
}

function hashes(dir) {
  return Object.fromEntries(files(dir).map((file) => [file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')]));
}

function build(root, content, out) {
  execFileSync(process.execPath, [path.join(root, 'src/cli/build.ts'), '--content', content, '--out', out], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

function hash(target, root) {
  mkdirSync(target, { recursive: true });
  const district = path.join(target, 'district-content');
  rmSync(district, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(here, 'bench/generate.ts'), '--towns', '72', '--services', '30', '--out', district], { env, stdio: 'ignore' });
  const result = {};
  for (const [name, content] of [['example', path.join(here, 'content')], ['district', district]]) {
    const out = path.join(target, `${name}-dist`);
    build(root, content, out);
    result[name] = hashes(out);
    console.log(`${name}: ${Object.keys(result[name]).length} files`);
  }
  writeFileSync(path.join(target, 'hashes.json'), `${JSON.stringify(result, null, 1)}\n`);
}

function compare(a, b) {
  const before = JSON.parse(readFileSync(path.join(a, 'hashes.json'), 'utf8'));
  const after = JSON.parse(readFileSync(path.join(b, 'hashes.json'), 'utf8'));
  let differences = 0;
  for (const site of Object.keys({ ...before, ...after })) {
    const names = new Set([...Object.keys(before[site] ?? {}), ...Object.keys(after[site] ?? {})]);
    let same = 0;
    for (const name of [...names].sort()) {
      const x = before[site]?.[name];
      const y = after[site]?.[name];
      if (x === y) same++;
      else {
        differences++;
        console.log(`${site}: ${name}: ${x === undefined ? 'only after' : y === undefined ? 'only before' : 'differs'}`);
      }
    }
    console.log(`${site}: ${same} of ${names.size} files identical`);
  }
  return differences === 0 ? 0 : 1;
}

if (command === 'hash' && folders.length === 1) hash(path.resolve(folders[0]), path.resolve(values.root ?? here));
else if (command === 'compare' && folders.length === 2) process.exit(compare(path.resolve(folders[0]), path.resolve(folders[1])));
else {
  console.error('usage: node scripts/compare-builds.mjs hash <folder> [--root <checkout>] | compare <before> <after>');
  process.exit(2);
}
