/**
 * YAML in worker threads (src/model/yaml-pool.ts, issue 21): the same files, errors (file, line,
 * field, code, parameters), values and line answers as a parse in the thread, in the same order;
 * the safety rules of content format 1.2 hold in the workers too (alias limits, custom tags,
 * `__proto__`, control characters, nesting that exhausts the stack).
 */
import { execFileSync } from 'node:child_process';
import { link, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readContent, streamContent, type ReadResult, type SourceFile } from '../../../src/model/read.ts';
import { loadSite } from '../../../src/model/site.ts';
import { contentFileCount, plainEnvironment, startYamlPool, yamlPoolSize } from '../../../src/model/yaml-pool.ts';
import { base, contentFolder, incident, md, NOW, service, town, type Files } from '../support/content.ts';

const pool = startYamlPool(2);
afterAll(() => pool.close());

/** Field paths asked of every file: written ones, missing ones, indexes past the end. */
const paths = [[], ['title'], ['status'], ['summary'], ['tasks'], ['tasks', 0], ['tasks', 0, 'title'], ['tasks', 1, 'status'], ['tasks', 9], ['contacts', 0, 'value'], ['keywords', 2], ['x', 'y'], ['updates', 0, 'at']];

/** A read as plain data: each file without its functions, with the answers they give. */
function plain(read: ReadResult) {
  return {
    errors: read.errors,
    files: read.files.map((file: SourceFile) => {
      const { lineOf, valueAt, ...rest } = file;
      return { ...rest, answers: paths.map((p) => [lineOf(p), valueAt(p)]) };
    }),
  };
}

const hostile: Files = {
  ...base,
  'site.yaml': 'title: Test\noperator: Kreis\nlinks: &a [*a]\n',
  'towns/soest/buergerbuero.md': service('tasks:\n  - title: "Ausweis\\x01"\n    status: normal\n', 'limited', 'Erste\u000b Zeile.\n'),
  'towns/soest/bomb.md': service(`a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c]\n`),
  'towns/soest/tag.md': service('keywords: !!js/function "x"\n'),
  'towns/soest/proto.md': service('__proto__:\n  title: x\n'),
  'towns/soest/deep.md': service(`keywords: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
  'towns/soest/quote.md': service('tasks:\n  - title: "offen\n    status: normal\n'),
  'towns/soest/latin1.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0xfc, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
  'towns/soest/dashes.md': md('title: x\n--- Ende\nstatus: normal\n'),
  'towns/soest/surrogate.md': service('note: "\\uD800"\n'),
  'towns/soest/numbers.md': service('phone: 0292110300\nfax: +4929211030\n1: eins\n', 'normal', 'Body\r\nline\r\n'),
  'towns/soest/empty-fields.md': service('resolved:\ntasks:\n  - title: a\n    note:\n', 'normal'),
  'towns/soest/not-mapping.md': '---\n- a\n- b\n---\n',
  'towns/soest/empty.md': '   \n',
  'towns/werl/index.md': '\uFEFF' + town('Werl'),
  'incidents/cyber.md': incident('resolved: 2023-11-01\n'),
};

describe('YAML in worker threads', () => {
  test('reads every hostile file as the thread does: same files, values, lines and errors, in order', async () => {
    const { root, dir } = await contentFolder(hostile);
    const inThread = await readContent(dir, root);
    const inWorkers = await readContent(dir, root, pool);
    expect(inThread.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['yamlAliasRecursive', 'yamlAliasLimit', 'yamlTag', 'yamlProtoKey', 'controlCharacter', 'yaml', 'notUtf8', 'frontmatterDashes', 'notMapping', 'emptyFile']));
    expect(inThread.errors.find((e) => e.file.endsWith('deep.md'))).toMatchObject({ code: 'yaml', params: { message: 'Maximum call stack size exceeded' } });
    expect(plain(inWorkers)).toEqual(plain(inThread));
  });

  test('loads the example content to the same site and warnings', async () => {
    const dir = path.resolve('content');
    const options = { urls: { base: '/' }, now: NOW, cwd: process.cwd() };
    const inThread = await loadSite(dir, options);
    const inWorkers = await loadSite(dir, { ...options, parser: pool });
    expect(inThread.ok).toBe(true);
    expect(JSON.stringify(inWorkers)).toEqual(JSON.stringify(inThread));
    expect(inWorkers.ok && inWorkers.warnings).toEqual(inThread.ok && inThread.warnings);
  });

  test('a file read before the site module loads is the same as one read by loadSite', async () => {
    const { root, dir } = await contentFolder(hostile);
    const options = { urls: { base: '/' }, now: NOW, cwd: root };
    expect(await loadSite(dir, { ...options, read: streamContent(dir, root, pool) })).toEqual(await loadSite(dir, options));
  });

  test('reads what the file system holds as the thread does: links, a FIFO, a folder named .md, a file gone', async () => {
    const { root, dir } = await contentFolder({ ...base, 'towns/soest/a.md': service(), 'towns/soest/ordner.md/': null, 'towns/werl/index.md': town('Werl') });
    await mkdir(path.join(dir, 'towns/soest/ordner.md'));
    await symlink(path.join(dir, 'towns/soest/a.md'), path.join(dir, 'towns/soest/verweis.md'));
    await symlink('/etc/passwd', path.join(dir, 'towns/werl/passwd.md'));
    await link(path.join(dir, 'towns/soest/a.md'), path.join(dir, 'towns/werl/zweiter-name.md'));
    execFileSync('mkfifo', [path.join(dir, 'towns/werl/fifo.md')]);
    const inThread = await readContent(dir, root);
    const inWorkers = await readContent(dir, root, pool);
    expect(inThread.errors.map((e) => e.code).sort()).toEqual(['hardLink', 'hardLink', 'notRegularFile', 'symlink', 'symlink', 'unexpectedFile']);
    expect(plain(inWorkers)).toEqual(plain(inThread));
    // A file listed but gone before it is read: unreadable, in the worker too.
    const gone = await pool.load('service', path.join(dir, 'towns/soest/weg.md'), 'content/towns/soest/weg.md', { slug: 'weg', town: 'soest' });
    expect(gone).toEqual({ errors: [{ file: 'content/towns/soest/weg.md', code: 'unreadable' }] });
  });

  test('a parse after the pool has closed fails instead of waiting for ever', async () => {
    const closed = startYamlPool(1);
    await closed.close();
    await expect(closed.load('site', path.resolve('content/site.yaml'), 'content/site.yaml', { slug: '' })).rejects.toThrow();
  });
});

describe('how many workers', () => {
  test('one per core but one, at most 8, one per 200 files, none for a small site or one core', () => {
    expect(yamlPoolSize(2235, 2)).toBe(1);
    expect(yamlPoolSize(2235, 4)).toBe(3);
    expect(yamlPoolSize(20_000, 64)).toBe(8);
    expect(yamlPoolSize(450, 8)).toBe(2);
    expect(yamlPoolSize(199, 8)).toBe(0);
    expect(yamlPoolSize(2235, 1)).toBe(0);
  });

  test('counts the Markdown files of a content folder without reading them', async () => {
    const { dir } = await contentFolder({ ...base, 'towns/soest/a.md': service(), 'towns/werl/index.md': town('Werl'), 'incidents/x.md': incident(), 'pages/p.md': md('title: P\n') });
    expect(contentFileCount(dir)).toBe(5);
    expect(contentFileCount(path.join(dir, 'missing'))).toBe(0);
  });
});

describe("a worker's environment", () => {
  test('is a plain object with the same variables (the parser reads it for every token)', () => {
    const before = process.env;
    try {
      plainEnvironment();
      expect(process.env).not.toBe(before);
      expect(Object.getPrototypeOf(process.env)).toBe(Object.prototype);
      expect({ ...process.env }).toEqual({ ...before });
    } finally {
      process.env = before;
    }
  });
});
