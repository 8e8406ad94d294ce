/**
 * `aushang <command> [arguments]`: the one command of the installed package (bin/aushang.cjs
 * checks the Node version and loads this file). Each command is a script of its own in this
 * folder that also runs alone (`node src/cli/check.ts`, the npm scripts); this dispatcher runs
 * it in a child process with the same Node, so every command behaves exactly as its npm script.
 *
 * Adding a command is one line in `commands`.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Command {
  /** What the user types: `aushang <name>`. */
  name: string;
  /** The script in this folder, without extension. */
  script: string;
  /** Arguments, for the usage text. */
  args: string;
  /** One line for the usage text. */
  summary: string;
}

export const commands: readonly Command[] = [
  { name: 'init', script: 'init', args: '[folder] [--title --operator --town --name --kind --towns <list>]', summary: 'set up a new site repository (refuses to overwrite anything)' },
  { name: 'check', script: 'check', args: '[content-folder] [--format text|github|gitlab|json] [--output file] [--keep-last-good]', summary: 'check every content file and print every error and warning at once' },
  { name: 'build', script: 'build', args: '[--content content] [--out dist] [--drill]', summary: 'check, then build the site into dist/ (a failed build publishes nothing); --drill: a rehearsal marked "Übung"' },
  { name: 'serve', script: 'serve', args: '[--out dist] [--port 4321]', summary: 'serve the built site on this computer to look at it' },
  { name: 'verify', script: 'verify', args: '[<url>…] [--all] [--manifest-sha256 <hash>] [--against dist]', summary: 'check that the deployed copies (site.yaml url and mirrors, or the URLs given) are complete and unchanged' },
  { name: 'new', script: 'new', args: '<town> [<service>] [--from <catalogue-id>] [--name --title --kind --parent --status --summary --incident]', summary: 'create a town, a service (from the catalogue) or an incident (stoerungen/<name>)' },
  { name: 'update', script: 'update', args: '<town>[/<service>] | stoerungen/<incident> [--status --channel --summary --note --at --incident]', summary: 'change a notice: status, summary, a new update entry, with the right time' },
  { name: 'resolve', script: 'resolve', args: '<incident> [--at --summary --note] [--services normal]', summary: 'the all-clear: the incident resolved, and with --services normal every affected service back to normal' },
  { name: 'announce', script: 'announce', args: '[--site dist|<url>] [--state <file>] [--save-before <file>]', summary: 'after a deployment: post each new update once to Mastodon and/or a webhook (AUSHANG_MASTODON_*, AUSHANG_WEBHOOK_*)' },
  { name: 'ready', script: 'ready', args: '', summary: 'what is still to prepare before the day, per town (exit 1 while anything is left)' },
  { name: 'catalogue', script: 'catalogue', args: '[--kind Stadt|Gemeinde|Kreis] [--tasks]', summary: 'list the services init prepares, with their ids' },
];

export function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}\n  ${' '.repeat(width)}  aushang ${command.name} ${command.args}`);
  return `Usage: aushang <command> [arguments]\n\nCommands:\n${lines.join('\n')}\n\nRun in the folder of your site repository (the one with content/).`;
}

/** The script file of a command: `.ts` next to the sources, `.js` in the compiled package. */
export function scriptFile(command: Command): string {
  return path.join(import.meta.dirname, `${command.script}${path.extname(import.meta.filename)}`);
}

/** Runs `aushang <argv>`; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(await packageVersion());
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`aushang: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  return run(scriptFile(command), rest);
}

async function packageVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function run(script: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
    // A build cleans up on SIGTERM; pass it on (Ctrl-C reaches the child through the terminal).
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const s of ['SIGTERM', 'SIGHUP'] as const) process.off(s, forward);
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
  });
}
