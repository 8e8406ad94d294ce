/**
 * A local Git repository for the web editor in headless Chromium. Sveltia's "work with local
 * repository" asks for a folder with `window.showDirectoryPicker()`, which headless Chromium
 * cannot answer; the test puts the files into the origin's private file system (OPFS) and
 * answers the picker with that folder. OPFS handles are real `FileSystemDirectoryHandle`s:
 * they implement `move()` and `remove()`, and their permission is always granted.
 *
 *   await page.goto(site.url + 'favicon.svg');        // any page of the same origin
 *   await writeRepository(page, files);               // { 'content/site.yaml': '…', … }
 *   await answerDirectoryPicker(page);                // before the editor asks
 *   … edit and save in the editor …
 *   const after = await readRepository(page);
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const FOLDER = 'repository';

/** Every file below `dir` as `{ 'prefix/relative/path': text }`. */
export function filesOf(dir: string, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, filesOf(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(full, 'utf8');
  }
  return out;
}

/** Replaces the OPFS repository with these files (and a `.git/HEAD`, which Sveltia looks for). */
export async function writeRepository(page: Page, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    async ({ folder, entries }) => {
      const storage = await navigator.storage.getDirectory();
      await storage.removeEntry(folder, { recursive: true }).catch(() => undefined);
      const root = await storage.getDirectoryHandle(folder, { create: true });
      for (const [file, text] of entries) {
        const parts = file.split('/');
        let dir = root;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    { folder: FOLDER, entries: [...Object.entries(files), ['.git/HEAD', 'ref: refs/heads/main\n']] as [string, string][] },
  );
}

/** Every file of the OPFS repository (without `.git/`), as `{ path: text }`. */
export async function readRepository(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async (folder) => {
    const out: Record<string, string> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (prefix === '' && name === '.git') continue;
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else out[`${prefix}${name}`] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(folder), '');
    return out;
  }, FOLDER);
}

/** From now on, `showDirectoryPicker()` in this page returns the OPFS repository. */
export async function answerDirectoryPicker(page: Page): Promise<void> {
  await page.addInitScript((folder) => {
    Object.defineProperty(window, 'showDirectoryPicker', {
      configurable: true,
      value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true }),
    });
  }, FOLDER);
}
