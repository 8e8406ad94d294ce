/** The `aushang` command: the Node version check of bin/aushang.cjs and the dispatcher's table. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commands, scriptFile, usage } from '../../../src/cli/aushang.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'bin/aushang.cjs');
const aushang = (args: string[], cwd = root) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

// Each test starts Node once or twice: slow on a loaded machine.
describe('bin/aushang.cjs', { timeout: 60_000 }, () => {
  test('package.json names it as the aushang command', () => {
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin).toEqual({ aushang: 'bin/aushang.cjs' });
  });

  /** Runs a copy of bin/aushang.cjs as a Node 20 would (the version it reports), in `cwd`. */
  const asOldNode = (copy: string, cwd: string, args: string[] = []) => {
    const script = `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.11.1' } }); process.argv.splice(1, 0, ${JSON.stringify(copy)}); require(${JSON.stringify(copy)});`;
    const env = { ...process.env };
    delete env.AUSHANG_REEXEC;
    return spawnSync(process.execPath, ['-e', script, ...args], { cwd, encoding: 'utf8', env });
  };

  test('on a Node older than 24 and no node package to run with: one clear line, exit 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aushang-bin-'));
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(bin, path.join(dir, 'bin/aushang.cjs'));
    const run = asOldNode(path.join(dir, 'bin/aushang.cjs'), dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('aushang needs Node.js 24 or newer, this is v20.11.1.\nInstall Node.js 24 (https://nodejs.org, or `nvm install 24`) and run the command again.\n');
  });

  test('on a Node older than 24 in a site repository: runs itself again with node_modules/node/bin/node', () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'aushang-site-'));
    const copy = path.join(site, 'node_modules/aushang/bin/aushang.cjs');
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(bin, copy);
    // A stand-in for the node package's binary: says how it was called, exits 7.
    const pinned = path.join(site, 'node_modules/node/bin/node');
    mkdirSync(path.dirname(pinned), { recursive: true });
    writeFileSync(pinned, '#!/bin/sh\necho "pinned node: $* (AUSHANG_REEXEC=$AUSHANG_REEXEC)"\nexit 7\n', { mode: 0o755 });
    const run = asOldNode(copy, site, ['check', '--format', 'json']);
    expect(run.stdout).toBe(`pinned node: ${copy} check --format json (AUSHANG_REEXEC=1)\n`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(7);
  });

  // The system Node of a stock Debian is older: the real thing, when this machine has one.
  const systemNode = '/usr/bin/node';
  const systemMajor = existsSync(systemNode) ? Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) : 0;
  test.skipIf(!(systemMajor > 0 && systemMajor < 24))('with a real older Node: works through the node package of the checkout', () => {
    const run = spawnSync(systemNode, [bin, '--version'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });

  test('kept to syntax an old Node parses (no optional chaining, no const, no import)', () => {
    const source = readFileSync(bin, 'utf8').replace(/\/\/.*$/gm, '');
    expect(source).not.toMatch(/\?\.|\?\?|\bconst\b|\blet\b|=>|^import /m);
  });
});

describe('the dispatcher', { timeout: 60_000 }, () => {
  test('the commands of the package, each a script next to the dispatcher', () => {
    expect(commands.map((command) => command.name)).toEqual(['init', 'check', 'build', 'serve', 'verify', 'new', 'update', 'resolve', 'announce', 'ready', 'catalogue']);
    for (const command of commands) expect(existsSync(scriptFile(command)), command.script).toBe(true);
  });

  test('without a command: the usage, exit 2; --help: exit 0', () => {
    const none = aushang([]);
    expect(none.status).toBe(2);
    expect(none.stdout.trim()).toBe(usage());
    for (const command of commands) expect(none.stdout).toContain(`aushang ${command.name} ${command.args}`);
    expect(aushang(['--help']).status).toBe(0);
  });

  test('an unknown command: says so, exit 2', () => {
    const run = aushang(['buidl']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('aushang: unknown command "buidl".');
  });

  test('--version: the package version', () => {
    expect(aushang(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });

  test('runs the command with its arguments and passes on its exit code', () => {
    const ok = aushang(['check', path.join(root, 'content')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Orte: 7');
    const missing = aushang(['verify']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('which copy? give its URL');
  });
});
