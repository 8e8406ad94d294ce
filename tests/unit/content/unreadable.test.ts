/**
 * What the tests cannot create for real: the tests run as root, which reads a file whatever its
 * permissions (chmod 000 blocks nobody) and may not create devices in this container. So the
 * file system answers as it would: `openSync` refuses a file with EACCES, `fstatSync` reports a
 * character device. Both are located errors, and nothing is read.
 */
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { output } from '../support/content.ts';

const refused = vi.hoisted(() => ({ open: '', device: '' }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const devices = new Set<number>();
  const openSync = ((file: string, ...rest: unknown[]) => {
    if (refused.open && String(file).endsWith(refused.open)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    }
    const fd = (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
    if (refused.device && String(file).endsWith(refused.device)) devices.add(fd);
    return fd;
  }) as typeof fs.openSync;
  const fstatSync = ((fd: number, ...rest: unknown[]) => {
    const info = (fs.fstatSync as (...args: unknown[]) => import('node:fs').Stats)(fd, ...rest);
    if (!devices.has(fd)) return info;
    devices.delete(fd);
    return Object.assign(Object.create(Object.getPrototypeOf(info)), info, { isFile: () => false, isCharacterDevice: () => true, isDirectory: () => false });
  }) as typeof fs.fstatSync;
  return { ...fs, default: { ...fs, openSync, fstatSync }, openSync, fstatSync };
});

describe('files the reader may not or must not read', () => {
  test('a file without read permission (EACCES)', async () => {
    refused.open = path.join('towns', 'soest', 'index.md');
    try {
      expect(await output({})).toMatchInlineSnapshot(`"content/towns/soest/index.md: die Datei kann nicht gelesen werden"`);
    } finally {
      refused.open = '';
    }
  });

  test('a device where a page belongs', async () => {
    refused.device = path.join('pages', 'impressum.md');
    try {
      expect(await output({ 'pages/impressum.md': '---\ntitle: Impressum\n---\n' }, { language: 'en' })).toMatchInlineSnapshot(`"content/pages/impressum.md: is not a regular file (but, say, a pipe or a device) — allowed: regular files only"`);
    } finally {
      refused.device = '';
    }
  });
});
