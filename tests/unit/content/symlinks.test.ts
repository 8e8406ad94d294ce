/**
 * Content format 1.1: only files inside content/. A symbolic link anywhere in the content folder
 * (to a file or a folder, inside or outside, dangling or not) is an error naming it, and it is
 * never followed: the files it points at are broken on purpose, so any message from them would
 * show that they were read.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSite } from '../../../src/model/site.ts';
import { formatContentError } from '../../../src/schema/errors.ts';
import { base, contentFolder, NOW, service, town, type Files } from '../support/content.ts';

/**
 * Content plus links: `links` maps a path in content/ to what the link points at (relative,
 * so the message is the same on every machine). Next to content/ lies `outside/` with a broken
 * service file and a folder holding one.
 */
async function withLinks(files: Files, links: Record<string, string>, language: 'de' | 'en' = 'de'): Promise<string[]> {
  const { root, dir } = await contentFolder({ ...base, ...files });
  const outside = path.join(root, 'outside');
  await mkdir(path.join(outside, 'ort'), { recursive: true });
  await writeFile(path.join(outside, 'geheim.md'), '---\ntitle: "offen\n---\n');
  await writeFile(path.join(outside, 'ort', 'index.md'), '---\nname: [\n---\n');
  await writeFile(path.join(outside, 'site.yaml'), 'title: [\n');
  for (const [at, target] of Object.entries(links)) {
    await mkdir(path.dirname(path.join(dir, at)), { recursive: true });
    await symlink(target, path.join(dir, at));
  }
  const result = await loadSite(dir, { urls: { base: '/' }, now: NOW, cwd: root });
  return result.ok ? [] : result.errors.map((e) => formatContentError(e, language));
}

describe('symbolic links', () => {
  test('a service file linking to a file outside content/ is an error, and the file is not read', async () => {
    expect(await withLinks({}, { 'towns/soest/buergerbuero.md': '../../../outside/geheim.md' })).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md: ist ein symbolischer Link (auf ../../../outside/geheim.md) — erlaubt: nur Dateien und Ordner, die wirklich in content/ liegen; was außerhalb liegt, wird nie gelesen",
      ]
    `);
  });

  test('a town folder linking to a folder outside', async () => {
    expect(await withLinks({}, { 'towns/ort': '../../outside/ort' })).toMatchInlineSnapshot(`
      [
        "content/towns/ort: ist ein symbolischer Link (auf ../../outside/ort) — erlaubt: nur Dateien und Ordner, die wirklich in content/ liegen; was außerhalb liegt, wird nie gelesen",
      ]
    `);
  });

  test('a link to a file inside content/ is an error too, and so is a dangling one', async () => {
    expect(
      await withLinks(
        { 'towns/werl/index.md': town('Werl'), 'pages/impressum.md': '---\ntitle: Impressum\n---\n' },
        { 'towns/werl/buergerbuero.md': '../soest/index.md', 'pages/datenschutz.md': 'gibt-es-nicht.md' },
      ),
    ).toMatchInlineSnapshot(`
      [
        "content/pages/datenschutz.md: ist ein symbolischer Link (auf gibt-es-nicht.md) — erlaubt: nur Dateien und Ordner, die wirklich in content/ liegen; was außerhalb liegt, wird nie gelesen",
        "content/towns/werl/buergerbuero.md: ist ein symbolischer Link (auf ../soest/index.md) — erlaubt: nur Dateien und Ordner, die wirklich in content/ liegen; was außerhalb liegt, wird nie gelesen",
      ]
    `);
  });

  test('site.yaml, a town index.md, towns/ and incidents/ as links: one message each, no "missing" besides', async () => {
    expect(
      await withLinks(
        { 'site.yaml': null, 'towns/soest/index.md': null, 'towns/soest/gewerbe.md': service() },
        { 'site.yaml': '../outside/site.yaml', 'towns/soest/index.md': '../../../outside/ort/index.md', incidents: '../outside' },
      ),
    ).toMatchInlineSnapshot(`
      [
        "content/incidents: ist ein symbolischer Link (auf ../outside) — erlaubt: nur Dateien und Ordner, die wirklich in content/ liegen; was außerhalb liegt, wird nie gelesen",
        "content/site.yaml: ist ein symbolischer Link (auf ../outside/site.yaml) — erlaubt: nur Dateien und Ordner, die wirklich in content/ liegen; was außerhalb liegt, wird nie gelesen",
        "content/towns/soest/index.md: ist ein symbolischer Link (auf ../../../outside/ort/index.md) — erlaubt: nur Dateien und Ordner, die wirklich in content/ liegen; was außerhalb liegt, wird nie gelesen",
      ]
    `);
    const { root, dir } = await contentFolder({ 'site.yaml': base['site.yaml']! });
    await mkdir(path.join(root, 'elsewhere', 'soest'), { recursive: true });
    await writeFile(path.join(root, 'elsewhere', 'soest', 'index.md'), town('Soest'));
    await symlink('../elsewhere', path.join(dir, 'towns'));
    const result = await loadSite(dir, { urls: { base: '/' }, now: NOW, cwd: root });
    expect(result.ok ? [] : result.errors.map((e) => formatContentError(e, 'de'))).toMatchInlineSnapshot(`
      [
        "content/towns: ist ein symbolischer Link (auf ../elsewhere) — erlaubt: nur Dateien und Ordner, die wirklich in content/ liegen; was außerhalb liegt, wird nie gelesen",
      ]
    `);
  });

  test('in English', async () => {
    expect(await withLinks({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' }, { 'towns/soest/buergerbuero.md': '../../../outside/geheim.md' }, 'en')).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md: is a symbolic link (to ../../../outside/geheim.md) — allowed: only files and folders that really are in content/; nothing outside is ever read",
      ]
    `);
  });
});
