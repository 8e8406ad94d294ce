/**
 * The web editor's script is bundled once (src/editor/bundle.ts) and used only under the key of
 * the sources it was made from: a changed source or another Sveltia never reuses a stale bundle.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BUNDLE_MANIFEST, bundleIn, EDITOR_ENTRY, EDITOR_SOURCES, editorBundleKey, unlistedSources } from '../../../src/editor/bundle.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const temporary = mkdtempSync(path.join(os.tmpdir(), 'aushang-bundle-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

/** The files of ours a source imports for its code (not `import type`), followed from the entry. */
function importedSources(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(root, file), 'utf8');
  for (const [, what, from] of text.matchAll(/^import\s+(type\s+)?[^'"]*?['"](\.[^'"]+)['"]/gm)) {
    if (what) continue;
    importedSources(path.posix.join(path.posix.dirname(file), from!), seen);
  }
  return seen;
}

describe('the key', () => {
  test('covers every file of ours the entry script imports', () => {
    const imported = [...importedSources(EDITOR_ENTRY)];
    expect(imported).toContain('src/scripts/admin-language.ts');
    expect(imported.filter((file) => !EDITOR_SOURCES.includes(file))).toEqual([]);
  });

  test('is the same for the same sources', () => {
    expect(editorBundleKey()).toMatch(/^[0-9a-f]{20}$/);
    expect(editorBundleKey()).toBe(editorBundleKey());
  });

  test('a bundle that holds a file of ours the key does not cover is named (building then fails)', () => {
    const ids = [path.join(root, EDITOR_ENTRY), path.join(root, 'node_modules/@sveltia/cms/npm/index.js'), '\0aushang-editor-no-grammar', path.join(root, 'src/model/time.ts')];
    expect(unlistedSources(ids)).toEqual(['src/model/time.ts']);
  });
});

describe('a bundle folder', () => {
  function folder(name: string, key: string, files: string[], present = files): string {
    const dir = path.join(temporary, name);
    mkdirSync(dir, { recursive: true });
    for (const file of present) writeFileSync(path.join(dir, file), 'x');
    writeFileSync(path.join(dir, BUNDLE_MANIFEST), JSON.stringify({ key, entry: files[0], files }));
    return dir;
  }

  test('is used under its own key', () => {
    const dir = folder('own', 'k1', ['admin-A.js', 'de-B.js']);
    expect(bundleIn(dir, 'k1')).toEqual({ dir, entry: 'admin-A.js', files: ['admin-A.js', 'de-B.js'] });
  });

  test('is not used under another key, with a file missing, or without its manifest', () => {
    expect(bundleIn(folder('other', 'k1', ['admin-A.js']), 'k2')).toBeUndefined();
    expect(bundleIn(folder('partial', 'k1', ['admin-A.js', 'de-B.js'], ['admin-A.js']), 'k1')).toBeUndefined();
    expect(bundleIn(path.join(temporary, 'none'), 'k1')).toBeUndefined();
  });
});
