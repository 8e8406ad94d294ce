/** The manifest's scan (src/hosting/write.ts): every file hashed, or taken from the hashes the search index made of the pages it read. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { scanSite } from '../../../src/hosting/write.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aushang-scan-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

test('every file with its size and SHA-256, sorted, without the manifest and _headers', async () => {
  const dir = site({ 'b.txt': 'bb', 'a.html': '<p>a</p>', 'manifest.json': '{}', _headers: '/*' });
  expect((await scanSite(dir, '/')).files).toEqual([
    { path: 'a.html', size: 8, sha256: sha('<p>a</p>') },
    { path: 'b.txt', size: 2, sha256: sha('bb') },
  ]);
});

test('a file already hashed since it was written (a page the search index read) is taken as it was hashed, not read again', async () => {
  const dir = site({ 'a.html': '<p>a</p>', 'b.txt': 'bb' });
  const known = new Map([['a.html', { size: 8, sha256: 'f'.repeat(64) }]]);
  expect((await scanSite(dir, '/', known)).files).toEqual([
    { path: 'a.html', size: 8, sha256: 'f'.repeat(64) },
    { path: 'b.txt', size: 2, sha256: sha('bb') },
  ]);
});
