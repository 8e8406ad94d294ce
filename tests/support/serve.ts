/**
 * A small static file server for tests, like a plain web host: no rewrites, no SPA fallback.
 *
 *   const site = await serve('dist', { base: '/notfall/' });
 *   await page.goto(site.url);          // http://127.0.0.1:PORT/notfall/
 *   await site.close();
 *
 * - Listens on 127.0.0.1, port 0 (a free port).
 * - `base` mounts the folder below a path; requests outside it get 404 (and `/notfall`
 *   redirects to `/notfall/`).
 * - A folder answers with its index.html when asked with a trailing slash; without the
 *   slash it redirects (301) to the slash form, as nginx does.
 * - Anything missing gets 404 with the folder's 404.html if there is one.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface ServeOptions {
  /** Path the folder is served below, e.g. '/notfall/'. Default '/'. */
  base?: string;
  /** Extra headers for a file, by its path below the base (`api/v1/status.json`), as a host's rules add them. */
  headers?: (sitePath: string) => Readonly<Record<string, string>>;
}

export interface ServedSite {
  /** Address of the site root including the base, always ending in '/'. */
  url: string;
  /** The server's origin, e.g. http://127.0.0.1:43210 */
  origin: string;
  close(): Promise<void>;
}

export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  // Pagefind's index chunks are binary (gzip-compressed) files.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function normalizeBase(base: string): string {
  let b = base.trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

export async function serve(folder: string, options: ServeOptions = {}): Promise<ServedSite> {
  const root = resolve(folder);
  const base = normalizeBase(options.base ?? '/');

  async function sendFile(req: IncomingMessage, res: ServerResponse, status: number, file: string, size: number) {
    const sitePath = file.slice(root.length + 1).split(sep).join('/');
    res.writeHead(status, {
      ...options.headers?.(sitePath),
      'Content-Type': contentTypeFor(file),
      'Content-Length': size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((done, fail) => {
      const stream = createReadStream(file);
      stream.on('error', fail);
      res.on('close', () => done());
      stream.pipe(res);
    });
  }

  async function notFound(req: IncomingMessage, res: ServerResponse) {
    const page = join(root, '404.html');
    const info = await statOrNull(page);
    if (info?.isFile()) {
      await sendFile(req, res, 404, page, info.size);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
  }

  function redirect(res: ServerResponse, location: string) {
    res.writeHead(301, { Location: location, 'Cache-Control': 'no-store' });
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    if (`${pathname}/` === base) {
      redirect(res, `${url.pathname}/${url.search}`);
      return;
    }
    if (!pathname.startsWith(base) || pathname.includes('\0')) {
      await notFound(req, res);
      return;
    }
    const file = resolve(root, `.${sep}${pathname.slice(base.length)}`);
    if (file !== root && !file.startsWith(root + sep)) {
      await notFound(req, res);
      return;
    }
    const info = await statOrNull(file);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        redirect(res, `${url.pathname}/${url.search}`);
        return;
      }
      const index = join(file, 'index.html');
      const indexInfo = await statOrNull(index);
      if (indexInfo?.isFile()) await sendFile(req, res, 200, index, indexInfo.size);
      else await notFound(req, res);
      return;
    }
    if (info?.isFile() && !pathname.endsWith('/')) {
      await sendFile(req, res, 200, file, info.size);
      return;
    }
    await notFound(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Server error: ${String(error)}\n`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
