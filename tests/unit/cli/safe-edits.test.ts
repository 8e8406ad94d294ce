/**
 * Edits are safe (issue 16, finding 6 and part of finding 10): changes made at the same time
 * run one after the other and none is lost; a change based on a version that someone else has
 * changed since is refused; a killed command leaves nothing in `content/`; symbolic and hard
 * links are refused by every command that writes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { link, lstat, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCommand, startSession, readForEdit, writePlanned, findTarget } from '../../../src/cli/change.ts';
import { runNew } from '../../../src/cli/new.ts';
import { runResolve } from '../../../src/cli/resolve.ts';
import { runUpdate } from '../../../src/cli/update.ts';
import { base, contentFolder, incident, NOW, service } from '../support/content.ts';
import { check, read, run } from './run.ts';

const cli = (name: string) => path.resolve(`src/cli/${name}.ts`);

/** A command as `npm run update` starts it, in a process of its own, not waited for. */
function start(root: string, name: string, ...argv: string[]) {
  const child = spawn(process.execPath, [cli(name), ...argv], { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Every file below a folder, dotfiles included, relative to it. */
async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

const site = { ...base, 'towns/soest/buergerbuero.md': service(), 'incidents/sit-2023.md': incident() };

describe('changes made at the same time', () => {
  test('four updates of one file at once: each is saved, one after the other, and none is lost', async () => {
    const { root, dir } = await contentFolder(site);
    const rounds = Array.from({ length: 4 }, (_, i) => start(root, 'update', 'soest/buergerbuero', '--note', `Meldung ${i + 1}`));
    const results = await Promise.all(rounds.map((r) => r.done));
    const file = await read(root, 'towns/soest/buergerbuero.md');
    results.forEach((result, i) => {
      expect(result.stderr).toBe('');
      // Never "Gespeichert" for a change that is not in the file.
      if (result.stdout.startsWith('Gespeichert')) expect(file).toContain(`text: Meldung ${i + 1}\n`);
      else expect(result.code).toBe(1);
    });
    // The commands wait for each other: each reads what the one before wrote, so all are saved.
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(file.match(/text: Meldung \d/g)).toHaveLength(4);
    expect(await check(root, Date.now())).toBe('');
    expect(await allFiles(dir)).toEqual(['incidents/sit-2023.md', 'site.yaml', 'towns/soest/buergerbuero.md', 'towns/soest/index.md']);
    expect(await readdir(path.join(root, '.aushang-edit'))).toEqual([]);
  }, 120_000);

  test('a file changed by someone else after the command read it: refused, the other change stays', async () => {
    const { root } = await contentFolder(site);
    const lines: string[] = [];
    const code = await runCommand({ out: (line) => lines.push(line) }, async (ctx) => {
      const { session } = await startSession([], {}, { cwd: root, now: NOW, out: (line) => lines.push(line) }, ctx);
      const target = await findTarget(session, 'soest/buergerbuero');
      const { text } = await readForEdit(session, target);
      // Saved by hand in an editor (or by git pull) while the command checks its change.
      await writeFile(target.file, text.replace('Geschlossen.', 'Von Hand geändert.'));
      await writePlanned(session, new Map([[target.file, text.replace('status: limited', 'status: unavailable')]]));
      return 0;
    });
    expect(code).toBe(1);
    expect(lines).toMatchInlineSnapshot(`
      [
        "Nicht gespeichert: content/towns/soest/buergerbuero.md wurde inzwischen geändert (von Hand, durch git oder einen anderen Befehl) — bitte den Befehl erneut ausführen; er baut dann auf dem neuen Stand auf",
      ]
    `);
    const file = await read(root, 'towns/soest/buergerbuero.md');
    expect(file).toContain('summary: Von Hand geändert.');
    expect(file).toContain('status: limited');
    expect(await readdir(path.join(root, '.aushang-edit'))).toEqual([]);
  });

  test('a file another command created after the check: new refuses to write over it', async () => {
    const { root, dir } = await contentFolder(site);
    const lines: string[] = [];
    const code = await runCommand({ out: (line) => lines.push(line) }, async (ctx) => {
      const { session } = await startSession([], {}, { cwd: root, now: NOW, out: (line) => lines.push(line) }, ctx);
      const file = path.join(dir, 'towns/soest/standesamt.md');
      await writeFile(file, service());
      await writePlanned(session, new Map([[file, service('', 'unavailable')]]));
      return 0;
    });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^Nicht gespeichert: content\/towns\/soest\/standesamt\.md wurde inzwischen geändert/);
    expect(await read(root, 'towns/soest/standesamt.md')).toBe(service());
  });

  test('while another command holds the lock, a command waits, then says so; nothing is written', async () => {
    const { root } = await contentFolder(site);
    await mkdir(path.join(root, '.aushang-edit'));
    // This test's own process: running, on this computer, so the lock is not stale.
    await writeFile(path.join(root, '.aushang-edit/lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), since: Date.now() }));
    const before = await read(root, 'towns/soest/buergerbuero.md');
    const lines: string[] = [];
    const code = await runUpdate(['soest/buergerbuero', '--note', 'Heute zu.'], { cwd: root, now: NOW, out: (line) => lines.push(line), lockWaitMs: 300 });
    expect(code).toBe(1);
    expect(lines.join('\n').replace(/seit \d+ s/, 'seit 0 s').replace(`Prozess ${process.pid}`, 'Prozess 4711')).toMatchInlineSnapshot(
      `"Nicht gespeichert: eine andere Änderung (Prozess 4711) läuft seit 0 s und ist noch nicht fertig — bitte den Befehl gleich erneut ausführen. Eine hängengebliebene Sperre (.aushang-edit/lock) wird nach 60 s übernommen."`,
    );
    expect(await read(root, 'towns/soest/buergerbuero.md')).toBe(before);
    // Not ours to remove.
    expect(await readdir(path.join(root, '.aushang-edit'))).toEqual(['lock']);
  });

  test('the lock and temporary files of a killed command are taken over and removed', async () => {
    const { root } = await contentFolder(site);
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    await mkdir(path.join(root, '.aushang-edit'));
    await writeFile(path.join(root, '.aushang-edit/lock'), JSON.stringify({ pid: gone, host: os.hostname(), since: Date.now() }));
    await writeFile(path.join(root, '.aushang-edit', `${gone}.towns%2Fsoest%2Fbuergerbuero.md.tmp`), 'halb geschrie');
    const { code } = await run(runUpdate, root, ['soest/buergerbuero', '--note', 'Heute zu.']);
    expect(code).toBe(0);
    expect(await read(root, 'towns/soest/buergerbuero.md')).toContain('text: Heute zu.');
    expect(await readdir(path.join(root, '.aushang-edit'))).toEqual([]);
  });
});

describe('a command killed while it writes', () => {
  test('leaves content/ as it was or as changed, never a temporary file in it; the next command cleans up', async () => {
    const { root, dir } = await contentFolder(site);
    const files = await allFiles(dir);
    const original = await read(root, 'towns/soest/buergerbuero.md');
    // How long one update takes here, to kill the next ones at points spread over their run.
    const started = Date.now();
    await start(root, 'update', 'soest/buergerbuero', '--note', 'Messlauf').done;
    const duration = Date.now() - started;
    const measured = await read(root, 'towns/soest/buergerbuero.md');
    for (const fraction of [0.7, 0.85, 0.95, 1]) {
      const before = await read(root, 'towns/soest/buergerbuero.md');
      const { child, done } = start(root, 'update', 'soest/buergerbuero', '--note', `Abbruch ${fraction}`);
      setTimeout(() => child.kill('SIGKILL'), duration * fraction);
      await done;
      expect(await allFiles(dir)).toEqual(files);
      const after = await read(root, 'towns/soest/buergerbuero.md');
      // Whole: the old version or the old one with this change, nothing in between.
      if (after !== before) expect(after).toContain(`text: Abbruch ${fraction}\n`);
      expect(await check(root, Date.now())).toBe('');
    }
    expect(original).not.toBe(measured);
    const next = await start(root, 'update', 'soest/buergerbuero', '--note', 'Danach').done;
    expect(next.code).toBe(0);
    expect(await readdir(path.join(root, '.aushang-edit'))).toEqual([]);
    expect(await allFiles(dir)).toEqual(files);
  }, 120_000);

  test('the temporary file lies outside content/: a failure to write it leaves content/ untouched', async () => {
    const { root, dir } = await contentFolder(site);
    const files = await allFiles(dir);
    const before = await read(root, 'towns/soest/buergerbuero.md');
    // Where the temporary copy goes, a folder: writing it fails.
    await mkdir(path.join(root, '.aushang-edit', `${process.pid}.towns%2Fsoest%2Fbuergerbuero.md.tmp`), { recursive: true });
    const { code, text } = await run(runUpdate, root, ['soest/buergerbuero', '--note', 'Heute zu.']);
    expect(code).toBe(1);
    expect(text).toBe('content/towns/soest/buergerbuero.md kann nicht geschrieben werden (EISDIR) — keine Datei wurde geändert');
    expect(await read(root, 'towns/soest/buergerbuero.md')).toBe(before);
    expect(await allFiles(dir)).toEqual(files);
  });
});

describe('links are refused', () => {
  async function outside(root: string) {
    const file = path.join(root, 'elsewhere.md');
    await writeFile(file, service());
    return file;
  }

  test('update: a service that is a symbolic link to a file outside content/', async () => {
    const { root, dir } = await contentFolder(site);
    const target = await outside(root);
    await symlink(target, path.join(dir, 'towns/soest/standesamt.md'));
    const { code, text } = await run(runUpdate, root, ['soest/standesamt', '--note', 'Heute zu.']);
    expect(code).toBe(1);
    expect(text).toMatchInlineSnapshot(
      `"content/towns/soest/standesamt.md ist ein symbolischer Link — die Befehle ändern nur Dateien und Ordner, die selbst im Inhaltsordner liegen; ersetzen Sie den Link durch eine Kopie. Nichts wurde geändert."`,
    );
    expect((await lstat(path.join(dir, 'towns/soest/standesamt.md'))).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe(service());
  });

  test('update: a town folder that is a symbolic link', async () => {
    const { root, dir } = await contentFolder(site);
    const folder = path.join(root, 'werl-elsewhere');
    await mkdir(folder);
    await writeFile(path.join(folder, 'index.md'), (base['towns/soest/index.md'] as string).replace('Soest', 'Werl'));
    await symlink(folder, path.join(dir, 'towns/werl'));
    const { code, text } = await run(runUpdate, root, ['werl', '--note', 'Heute zu.']);
    expect(code).toBe(1);
    expect(text).toMatch(/^content\/towns\/werl ist ein symbolischer Link/);
    const created = await run(runNew, root, ['werl', 'standesamt']);
    expect(created.code).toBe(1);
    expect(created.text).toMatch(/^content\/towns\/werl ist ein symbolischer Link/);
    expect(await readdir(folder)).toEqual(['index.md']);
  });

  test('update and resolve: a file with a second name (hard link) outside content/', async () => {
    const { root, dir } = await contentFolder({ ...site, 'towns/soest/buergerbuero.md': service('incident: sit-2023') });
    const target = await outside(root);
    await link(target, path.join(dir, 'towns/soest/standesamt.md'));
    const { code, text } = await run(runUpdate, root, ['soest/standesamt', '--note', 'Heute zu.']);
    expect(code).toBe(1);
    expect(text).toMatchInlineSnapshot(
      `"content/towns/soest/standesamt.md hat 2 Namen (ein harter Link) — eine Änderung träfe auch die Datei unter dem anderen Namen, vielleicht außerhalb der Website; ersetzen Sie sie durch eine Kopie (cp). Nichts wurde geändert."`,
    );
    await rm(path.join(dir, 'towns/soest/standesamt.md'));
    await writeFile(path.join(dir, 'towns/soest/standesamt.md'), service('incident: sit-2023'));
    // Now the incident file has a second name.
    await link(path.join(dir, 'incidents/sit-2023.md'), path.join(root, 'sit-2023-copy.md'));
    const resolved = await run(runResolve, root, ['sit-2023', '--services', 'normal']);
    expect(resolved.code).toBe(1);
    // resolve reads every file with check's reader first, which refuses the hard link itself.
    expect(resolved.text).toContain('content/incidents/sit-2023.md: ist ein harter Link (die Datei hat 2 Namen');
    expect((await stat(target)).nlink).toBe(1);
    expect(await readFile(target, 'utf8')).toBe(service());
  });

  test('a FIFO where a file should be: refused at once, no waiting', async () => {
    const { root, dir } = await contentFolder(site);
    expect(spawnSync('mkfifo', [path.join(dir, 'towns/soest/standesamt.md')]).status).toBe(0);
    const { code, text } = await run(runUpdate, root, ['soest/standesamt', '--note', 'Heute zu.']);
    expect(code).toBe(1);
    expect(text).toBe('content/towns/soest/standesamt.md ist keine gewöhnliche Datei — nichts wurde geändert');
  });
});
