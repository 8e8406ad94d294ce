/** The `aushang` command: the Node version check of bin/aushang.cjs and the dispatcher's table. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

  test('on a Node older than 24: one clear line, exit 1', () => {
    // As an old Node would see it: the version it reports.
    const script = `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.11.1' } }); require(${JSON.stringify(bin)});`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('aushang needs Node.js 24 or newer, this is v20.11.1.\nInstall Node.js 24 (https://nodejs.org, or `nvm install 24`) and run the command again.\n');
  });

  test('kept to syntax an old Node parses (no optional chaining, no const, no import)', () => {
    const source = readFileSync(bin, 'utf8').replace(/\/\/.*$/gm, '');
    expect(source).not.toMatch(/\?\.|\?\?|\bconst\b|\blet\b|=>|^import /m);
  });
});

describe('the dispatcher', { timeout: 60_000 }, () => {
  test('the commands of the package, each a script next to the dispatcher', () => {
    expect(commands.map((command) => command.name)).toEqual(['init', 'check', 'build', 'serve', 'verify', 'new', 'update', 'resolve', 'catalogue']);
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
