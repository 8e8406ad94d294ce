/**
 * One mistake does not block every town (issue 18, 7): `build --keep-last-good` publishes a file
 * check refuses in its newest committed version that checks clean, leaves out a file that never
 * had one, and keeps the errors for the report (`aushang-build.json`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { keepLastGood } from '../../../src/cli/last-good.ts';
import { gitBlobId } from '../../../src/core/git-blob.ts';
import { buildInfo } from '../../../src/hosting/build-info.ts';
import { loadSite, type LoadResult } from '../../../src/model/site.ts';
import { base, contentFolder, incident, NOW, service } from '../support/content.ts';

const options = { urls: { base: '/' }, now: NOW };

async function repository(files: Record<string, string>) {
  const { dir } = await contentFolder({ ...base, ...files });
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'gut');
  return { dir, git };
}

async function failing(dir: string): Promise<Extract<LoadResult, { ok: false }>> {
  const result = await loadSite(dir, options);
  if (result.ok) throw new Error('expected errors');
  return result;
}

describe('build --keep-last-good', () => {
  test('a broken file is published in its last version without errors; the others as they are', async () => {
    const { dir, git } = await repository({ 'towns/soest/buergerbuero.md': service(), 'towns/soest/gewerbe.md': service('', 'normal') });
    const good = git('rev-parse', 'HEAD').trim();
    writeFileSync(path.join(dir, 'towns/soest/buergerbuero.md'), service('', 'kaputt'));
    writeFileSync(path.join(dir, 'towns/soest/gewerbe.md'), service('', 'unavailable'));
    git('commit', '-qam', 'kaputt');
    const kept = (await keepLastGood(dir, await failing(dir), options))!;
    try {
      expect(kept.heldBack.map(({ file, publishedFrom, errors }) => ({ file, publishedFrom, codes: errors.map((e) => e.code) }))).toEqual([
        { file: 'towns/soest/buergerbuero.md', publishedFrom: good, codes: ['enum'] },
      ]);
      const soest = kept.result.site.town('soest')!;
      expect(soest.services.map((s) => [s.slug, s.status])).toEqual(expect.arrayContaining([['buergerbuero', 'limited'], ['gewerbe', 'unavailable']]));
      // The repository's files are untouched.
      expect(readFileSync(path.join(dir, 'towns/soest/buergerbuero.md'), 'utf8')).toContain('status: kaputt');

      const info = buildInfo({ contentDir: dir, builtDir: kept.dir, builtAt: new Date(NOW), language: 'de', heldBack: kept.heldBack, env: {} });
      expect(info.commit).toBe(git('rev-parse', 'HEAD').trim());
      expect(info.files['towns/soest/buergerbuero.md']).toBe(git('rev-parse', `${good}:towns/soest/buergerbuero.md`).trim());
      expect(info.files['towns/soest/gewerbe.md']).toBe(gitBlobId(readFileSync(path.join(dir, 'towns/soest/gewerbe.md'))));
      expect(info.heldBack).toEqual([
        {
          file: 'towns/soest/buergerbuero.md',
          sha: git('hash-object', 'towns/soest/buergerbuero.md').trim(),
          publishedFrom: good,
          errors: [{ line: 3, field: 'status', message: '„kaputt“ — erlaubt: normal, limited, deferred, unavailable' }],
        },
      ]);
    } finally {
      kept.dispose();
    }
  });

  test('a new file saved broken is left out', async () => {
    const { dir, git } = await repository({});
    writeFileSync(path.join(dir, 'towns/soest/neu.md'), service('incident: it-ausfall\n', 'kaputt'));
    git('add', '-A');
    git('commit', '-qm', 'neu');
    const kept = (await keepLastGood(dir, await failing(dir), options))!;
    try {
      expect(kept.heldBack.map((h) => [h.file, h.publishedFrom])).toEqual([['towns/soest/neu.md', undefined]]);
      expect(kept.result.site.town('soest')!.services).toEqual([]);
    } finally {
      kept.dispose();
    }
  });

  test('without the content’s history, nothing is published (as without the option)', async () => {
    const { dir } = await contentFolder({ ...base, 'towns/soest/buergerbuero.md': service('', 'kaputt') });
    expect(await keepLastGood(dir, await failing(dir), options)).toBeUndefined();
    // A shallow clone cannot tell a file's earlier versions from none either.
    const { dir: full, git } = await repository({ 'towns/soest/buergerbuero.md': service() });
    writeFileSync(path.join(full, 'towns/soest/buergerbuero.md'), service('', 'kaputt'));
    git('commit', '-qam', 'kaputt');
    const shallow = path.join(path.dirname(full), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${full}`, shallow]);
    expect(await keepLastGood(shallow, await failing(shallow), options)).toBeUndefined();
  });

  test('a file that was online is never taken off: without a version that fits, nothing is published', async () => {
    // The Bürgerbüro names an incident; a later commit deletes the incident: the Bürgerbüro breaks unchanged.
    const { dir, git } = await repository({ 'incidents/it-ausfall.md': incident(), 'towns/soest/buergerbuero.md': service('incident: it-ausfall\n') });
    git('rm', '-q', 'incidents/it-ausfall.md');
    git('commit', '-qm', 'Störung gelöscht');
    expect(await keepLastGood(dir, await failing(dir), options)).toBeUndefined();
  });

  test('a broken site.yaml has a last good version too', async () => {
    const { dir, git } = await repository({});
    writeFileSync(path.join(dir, 'site.yaml'), 'title: Test\noperator: Kreis Test\ncountry: XX\n');
    git('commit', '-qam', 'kaputt');
    const kept = (await keepLastGood(dir, await failing(dir), options))!;
    try {
      expect(kept.heldBack.map((h) => h.file)).toEqual(['site.yaml']);
    } finally {
      kept.dispose();
    }
  });
});
