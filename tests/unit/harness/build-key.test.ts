/**
 * `buildOnce` (tests/support/build.ts) shares a build between the build and browser tests when
 * the content and the environment are the same: its key is the content's files (names and
 * bytes), wherever the folder lies, and the environment, in any order.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildKey } from '../../support/build.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A content folder with the given files. */
function content(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aushang-key-'));
  folders.push(root);
  const dir = path.join(root, 'content');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const files = { 'site.yaml': 'title: T\noperator: O\n', 'towns/soest/index.md': '---\nname: Soest\n---\n' };

describe('the key of a build', () => {
  test('is the same for the same files in another folder, and for the environment in any order', () => {
    const a = content(files);
    const b = path.join(content({}), 'elsewhere');
    cpSync(a, b, { recursive: true });
    expect(buildKey(b, {})).toBe(buildKey(a, {}));
    expect(buildKey(a, { SITE_URL: 'https://x.example', BASE_PATH: '/n/' })).toBe(buildKey(a, { BASE_PATH: '/n/', SITE_URL: 'https://x.example' }));
  });

  test('changes with a file’s bytes, a file’s name, a symbolic link’s target and the environment', () => {
    const a = content(files);
    const keys = new Set([buildKey(a, {}), buildKey(a, { SOURCE_DATE_EPOCH: '1' }), buildKey(a, { SOURCE_DATE_EPOCH: '2' })]);
    keys.add(buildKey(content({ ...files, 'site.yaml': 'title: T2\noperator: O\n' }), {}));
    keys.add(buildKey(content({ 'site.yaml': files['site.yaml'], 'towns/werl/index.md': files['towns/soest/index.md'] }), {}));
    const linked = content(files);
    symlinkSync('/etc/hostname', path.join(linked, 'towns/soest/bild.md'));
    keys.add(buildKey(linked, {}));
    expect(keys.size).toBe(6);
  });
});
