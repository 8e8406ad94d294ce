/**
 * A real nginx for tests, configured with one of the example configs in hosting/nginx/:
 *
 *   const site = await startNginx({ config: 'aushang-notfall.conf', root: wwwDir, base: '/notfall/' });
 *   await fetch(site.url);               // http://127.0.0.1:PORT/notfall/
 *   await site.stop();
 *
 * - Debian's nginx (/usr/sbin/nginx, installed by .ci/run), started as a child process with
 *   `daemon off` and its own prefix, pid and temp folders in a temporary folder, listening on
 *   127.0.0.1 on a free port; stopped (and waited for) by `stop()` or when the test process exits.
 * - The example file is used as written: only its `listen 80;` / `listen [::]:80;` lines and
 *   its `root /var/www/aushang;` line are replaced (it fails if they are not there exactly once),
 *   and it is included into a minimal http { } block with Debian's mime.types, as
 *   sites-enabled/ files are.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const hostingDir = path.resolve(import.meta.dirname, '../../hosting');

const candidates = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx', '/usr/bin/nginx'];

export function nginxBinary(): string {
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error('nginx is not installed (tests need it): apt-get install nginx, as .ci/run does.');
  return found;
}

export interface NginxOptions {
  /** A file in hosting/nginx/. */
  config: 'aushang.conf' | 'aushang-notfall.conf';
  /** What replaces `/var/www/aushang` in the example: the folder nginx serves from. */
  root: string;
  /** The path the site lives below, for `url`. Default '/'. */
  base?: string;
}

export interface NginxSite {
  /** Address of the site root including the base, ending in '/'. */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The generated site config (the example with port and root filled in). */
  siteConfig: string;
  stop(): Promise<void>;
}

/** Replaces the one line that reads `line` (ignoring indentation); comments do not count. */
function replaceLine(text: string, line: string, replacement: string, file: string): string {
  const lines = text.split('\n');
  const found = lines.flatMap((l, i) => (l.trim() === line ? [i] : []));
  if (found.length !== 1) throw new Error(`hosting/nginx/${file}: expected exactly one line "${line}", found ${found.length}`);
  const i = found[0]!;
  lines[i] = replacement ? lines[i]!.replace(line, replacement) : '';
  return lines.join('\n');
}

/** The example config with the test's port and root. */
export function siteConfigFor(config: NginxOptions['config'], port: number, root: string): string {
  let text = readFileSync(path.join(hostingDir, 'nginx', config), 'utf8');
  text = replaceLine(text, 'listen 80;', `listen 127.0.0.1:${port};`, config);
  text = replaceLine(text, 'listen [::]:80;', '', config);
  text = replaceLine(text, 'root /var/www/aushang;', `root ${root};`, config);
  return text;
}

/** A minimal main config, like Debian's nginx.conf, that includes the site config. */
function mainConfig(dir: string): string {
  // Workers run as "nobody" when the master is root; the test folders are private (0700).
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  return `daemon off;
worker_processes 1;
${user}
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/site.conf;
}
`;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Writes the configs into a fresh folder; returns the folder and the main config's path. */
function prepare(options: NginxOptions, port: number): { dir: string; conf: string; siteConfig: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aushang-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub));
  const siteConfig = siteConfigFor(options.config, port, options.root);
  writeFileSync(path.join(dir, 'site.conf'), siteConfig);
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, mainConfig(dir));
  return { dir, conf, siteConfig };
}

/** `nginx -t` on the example config; returns nginx's output. Throws when the test fails. */
export function testConfig(options: NginxOptions): string {
  const { dir, conf } = prepare(options, 8080);
  const run = spawnSync(nginxBinary(), ['-t', '-p', `${dir}/`, '-c', conf, '-e', `${dir}/error.log`], { encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`nginx -t failed for hosting/nginx/${options.config}:\n${output}`);
  return output;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startNginx(options: NginxOptions): Promise<NginxSite> {
  let lastError = '';
  // The port is free when chosen; another process could take it before nginx binds it: retry.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const { dir, conf, siteConfig } = prepare(options, port);
    const child = spawn(nginxBinary(), ['-p', `${dir}/`, '-c', conf, '-e', `${dir}/error.log`], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let exitCode: number | null | undefined;
    void exited.then((code) => (exitCode = code));

    const deadline = Date.now() + 10_000;
    while (exitCode === undefined && Date.now() < deadline) {
      if (await canConnect(port)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (exitCode === undefined && (await canConnect(port))) {
      const base = options.base ?? '/';
      const origin = `http://127.0.0.1:${port}`;
      return {
        url: `${origin}${base}`,
        origin,
        siteConfig,
        stop: async () => {
          if (exitCode === undefined) {
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            await exited;
            clearTimeout(timer);
          }
          running.delete(child);
        },
      };
    }
    if (exitCode === undefined) {
      child.kill('SIGKILL');
      await exited;
    }
    running.delete(child);
    const log = existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
    lastError = `${output}${log}`;
    if (!/Address already in use/.test(lastError)) break;
  }
  throw new Error(`nginx did not start with hosting/nginx/${options.config}:\n${lastError}`);
}
