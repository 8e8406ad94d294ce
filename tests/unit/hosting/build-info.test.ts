/**
 * `aushang-build.json` lists each content file by the Git blob id of the very bytes the check
 * read and the build rendered (`LoadResult.blobIds`), not of a second reading: a file saved
 * while the build runs is not claimed as published. A file the check did not read (none, in
 * content that checks clean) would be hashed from disk, as every file was before.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { blobIds, buildInfo } from '../../../src/hosting/build-info.ts';
import { loadSite } from '../../../src/model/site.ts';
import { base, contentFolder, NOW, service } from '../support/content.ts';

const options = { urls: { base: '/' }, now: NOW };

async function loaded() {
  const { dir } = await contentFolder({ ...base, 'towns/soest/buergerbuero.md': service() });
  const result = await loadSite(dir, { ...options, cwd: path.dirname(dir) });
  if (!result.ok) throw new Error(`the content should check: ${JSON.stringify(result.errors)}`);
  return { dir, result };
}

const hashObject = (dir: string, file: string) => execFileSync('git', ['hash-object', path.join(dir, file)], { encoding: 'utf8' }).trim();

describe('aushang-build.json: the files as built', () => {
  test('the check gives the blob id of every file it read, as git hash-object does', async () => {
    const { dir, result } = await loaded();
    const files = ['site.yaml', 'towns/soest/index.md', 'towns/soest/buergerbuero.md'];
    for (const file of files) expect(result.blobIds.get(path.join(dir, file)), file).toBe(hashObject(dir, file));
    expect([...result.blobIds.keys()].sort()).toEqual(files.map((file) => path.join(dir, file)).sort());
  });

  test('a file saved after the check is listed as it was built', async () => {
    const { dir, result } = await loaded();
    const checked = hashObject(dir, 'towns/soest/buergerbuero.md');
    writeFileSync(path.join(dir, 'towns/soest/buergerbuero.md'), service('', 'unavailable'));
    const info = buildInfo({ contentDir: dir, builtDir: dir, builtAt: new Date(NOW), language: 'de', heldBack: [], env: {}, checked: result.blobIds });
    expect(info.files['towns/soest/buergerbuero.md']).toBe(checked);
    expect(info.files['towns/soest/buergerbuero.md']).not.toBe(hashObject(dir, 'towns/soest/buergerbuero.md'));
    // Without the check's ids every file is read again: the same list but for the changed file.
    expect({ ...blobIds(dir), 'towns/soest/buergerbuero.md': checked }).toEqual(info.files);
  });
});
