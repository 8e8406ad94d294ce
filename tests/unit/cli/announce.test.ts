/**
 * `aushang announce` (issue 22, scope 5) against local HTTP servers, no network: a Mastodon
 * instance and a webhook that record what they receive, a site online (feed.json) for
 * `--save-before`. Each new entry is posted once, a second run posts nothing, a failing endpoint
 * gives a clear message and exit 1, a rehearsal posts nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { MASTODON_LIMIT, main, mastodonStatus, type AnnounceItem } from '../../../src/cli/announce.ts';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A server that records every request and answers with `status()` (200 by default). */
async function recorder(): Promise<{ url: string; received: Received[]; status: { code: number }; files: Map<string, string>; server: Server }> {
  const received: Received[] = [];
  const status = { code: 200 };
  const files = new Map<string, string>();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'GET') {
        const file = files.get(request.url ?? '');
        response.writeHead(file === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(file ?? '');
        return;
      }
      received.push({ path: request.url ?? '', headers: request.headers, body });
      response.writeHead(status.code, { 'content-type': 'application/json' }).end(status.code === 200 ? '{"id":"1"}' : '{"error":"Das Token ist ungültig"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, received, status, files, server };
}

function item(n: number): AnnounceItem {
  return {
    id: `https://notfall.example.de/werl/#update-${n}`,
    url: `https://notfall.example.de/werl/#update-${n}`,
    title: `Werl: Meldung ${n}`,
    content_text: `Das Bürgerbüro ist geschlossen (${n}).`,
    content_html: `<p>Das Bürgerbüro ist geschlossen (${n}).</p>`,
    date_published: `2026-12-0${n}T08:00:00+01:00`,
  };
}

/** A built site: feed.json (newest first, as the site writes it) and aushang-build.json. */
function site(dir: string, items: AnnounceItem[], drill = false): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'feed.json'), JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', home_page_url: 'https://notfall.example.de/', language: 'de', items: [...items].reverse() }));
  writeFileSync(path.join(dir, 'aushang-build.json'), JSON.stringify({ format: 1, builtAt: '2026-12-06T08:00:00.000Z', commit: null, files: {}, heldBack: [], ...(drill ? { drill: true } : {}) }));
  return dir;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise((resolve) => closed.close(resolve));
  return port;
}

let mastodon: Awaited<ReturnType<typeof recorder>>;
let webhook: Awaited<ReturnType<typeof recorder>>;
let work: string;
let env: Record<string, string>;

beforeAll(async () => {
  mastodon = await recorder();
  webhook = await recorder();
});
afterAll(() => {
  mastodon.server.close();
  webhook.server.close();
});
beforeEach(() => {
  mastodon.received.length = 0;
  webhook.received.length = 0;
  mastodon.status.code = 200;
  webhook.status.code = 200;
  work = mkdtempSync(path.join(os.tmpdir(), 'aushang-announce-'));
  env = {
    AUSHANG_CONTENT: path.join(work, 'content'),
    AUSHANG_MASTODON_URL: mastodon.url,
    AUSHANG_MASTODON_TOKEN: 'geheim',
    AUSHANG_WEBHOOK_URL: `${webhook.url}/hook`,
    AUSHANG_WEBHOOK_SECRET: 'schluessel',
  };
});

async function run(args: string[], environment: Record<string, string> = env): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await main(args, (line) => lines.push(line), environment);
  return { code, text: lines.join('\n') };
}

/** The state CI writes before deploying: the site online had items 1 and 2. */
async function before(items: AnnounceItem[]): Promise<string> {
  mastodon.files.set('/feed.json', JSON.stringify({ home_page_url: 'https://notfall.example.de/', items }));
  const state = path.join(work, 'announce-before.json');
  const result = await run(['--save-before', state, '--site', mastodon.url]);
  expect(result.code).toBe(0);
  return state;
}

describe('aushang announce', () => {
  test('each new entry once to Mastodon and the webhook, oldest first; a second run posts nothing', async () => {
    const state = await before([item(2), item(1)]);
    const dist = site(path.join(work, 'dist'), [item(1), item(2), item(3), item(4)]);
    const first = await run(['--site', dist, '--state', state]);
    expect(first.code).toBe(0);
    expect(mastodon.received.map((r) => JSON.parse(r.body).status.split('\n')[0])).toEqual(['Werl: Meldung 3', 'Werl: Meldung 4']);
    expect(webhook.received.map((r) => JSON.parse(r.body).item.id)).toEqual([item(3).id, item(4).id]);
    expect(first.text).toContain('gesendet: Werl: Meldung 4');

    const second = await run(['--site', dist, '--state', state]);
    expect(second.code).toBe(0);
    expect(mastodon.received).toHaveLength(2);
    expect(webhook.received).toHaveLength(2);
    expect(second.text).toContain('nichts Neues');
  });

  test('Mastodon: POST /api/v1/statuses with the bearer token, an idempotency key and the language', async () => {
    const state = await before([]);
    await run(['--site', site(path.join(work, 'dist'), [item(1)]), '--state', state]);
    const [request] = mastodon.received;
    expect(request!.path).toBe('/api/v1/statuses');
    expect(request!.headers.authorization).toBe('Bearer geheim');
    expect(request!.headers['idempotency-key']).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(request!.body)).toEqual({ status: `Werl: Meldung 1\n\nDas Bürgerbüro ist geschlossen (1).\n\n${item(1).url}`, visibility: 'public', language: 'de' });
  });

  test('webhook: JSON with the site and the entry, signed with HMAC-SHA256 of the body', async () => {
    const state = await before([]);
    await run(['--site', site(path.join(work, 'dist'), [item(1)]), '--state', state]);
    const [request] = webhook.received;
    expect(request!.path).toBe('/hook');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({ event: 'aushang.update', site: 'https://notfall.example.de/', item: item(1) });
    expect(request!.headers['x-aushang-signature']).toBe(`sha256=${createHmac('sha256', 'schluessel').update(request!.body).digest('hex')}`);
  });

  test('a failing endpoint: one clear line, exit 1; what was sent is kept, the rest follows in the next run', async () => {
    const state = await before([]);
    const dist = site(path.join(work, 'dist'), [item(1), item(2)]);
    mastodon.status.code = 401;
    const failed = await run(['--site', dist, '--state', state]);
    expect(failed.code).toBe(1);
    expect(failed.text).toContain(`Mastodon (${new URL(mastodon.url).host}): Senden fehlgeschlagen (HTTP 401 Unauthorized: {"error":"Das Token ist ungültig"}) bei „Werl: Meldung 1“. Gesendet: 0, nicht gesendet: 2.`);
    expect(failed.text).not.toMatch(/\n\s+at /);
    // The webhook worked: both sent, and remembered.
    expect(webhook.received).toHaveLength(2);
    mastodon.status.code = 200;
    const again = await run(['--site', dist, '--state', state]);
    expect(again.code).toBe(0);
    expect(mastodon.received.filter((r) => JSON.parse(r.body).status.startsWith('Werl'))).toHaveLength(3);
    expect(webhook.received).toHaveLength(2);
  });

  test('an endpoint that is not there: the network error code, exit 1', async () => {
    const state = await before([]);
    const port = await closedPort();
    const result = await run(['--site', site(path.join(work, 'dist'), [item(1)]), '--state', state], { ...env, AUSHANG_WEBHOOK_URL: `http://127.0.0.1:${port}/hook` });
    expect(result.code).toBe(1);
    expect(result.text).toContain('Senden fehlgeschlagen (ECONNREFUSED)');
  });

  test('the command as a process: the failure on stdout, no stack trace, exit 1', async () => {
    const port = await closedPort();
    const dist = site(path.join(work, 'dist'), [item(1)]);
    const state = path.join(work, 'state.json');
    writeFileSync(state, JSON.stringify({ format: 1, known: [], sent: {} }));
    const child = spawnSync(process.execPath, [path.resolve('src/cli/announce.ts'), '--site', dist, '--state', state], {
      encoding: 'utf8',
      env: { ...process.env, ...env, AUSHANG_MASTODON_URL: `http://127.0.0.1:${port}/`, AUSHANG_WEBHOOK_URL: '' },
      timeout: 60_000,
    });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain('Senden fehlgeschlagen (ECONNREFUSED)');
    expect(child.stderr).toBe('');
  });

  test('a rehearsal (build --drill) is never announced', async () => {
    const state = await before([]);
    const result = await run(['--site', site(path.join(work, 'dist'), [item(1)], true), '--state', state]);
    expect(result).toEqual({ code: 0, text: 'Übung (build --drill): nichts angekündigt.' });
    expect(mastodon.received).toEqual([]);
    expect(webhook.received).toEqual([]);
  });

  test('first deployment (no feed.json online yet): nothing posted, everything remembered', async () => {
    const state = path.join(work, 'announce-before.json');
    mastodon.files.clear();
    expect((await run(['--save-before', state, '--site', `${mastodon.url}/notfall/`])).text).toContain('noch keine feed.json (erste Veröffentlichung)');
    const dist = site(path.join(work, 'dist'), [item(1), item(2)]);
    expect((await run(['--site', dist, '--state', state])).text).toBe('Erster Lauf: 2 Einträge als bekannt vermerkt, nichts gesendet. Angekündigt wird, was ab jetzt neu hinzukommt.');
    expect(JSON.parse(readFileSync(state, 'utf8')).known).toEqual([item(2).id, item(1).id]);
    site(dist, [item(1), item(2), item(3)]);
    await run(['--site', dist, '--state', state]);
    expect(mastodon.received.map((r) => JSON.parse(r.body).status.split('\n')[0])).toEqual(['Werl: Meldung 3']);
  });

  test('nothing set up: a note, exit 0, nothing read', async () => {
    const result = await run(['--site', path.join(work, 'nowhere')], { AUSHANG_CONTENT: env.AUSHANG_CONTENT! });
    expect(result.code).toBe(0);
    expect(result.text).toContain('weder Mastodon');
    const tokenless = await run(['--site', path.join(work, 'nowhere')], { AUSHANG_CONTENT: env.AUSHANG_CONTENT!, AUSHANG_MASTODON_URL: mastodon.url });
    expect(tokenless.text).toContain('AUSHANG_MASTODON_TOKEN fehlt');
    expect(tokenless.code).toBe(0);
  });

  test('the site language chooses the messages', async () => {
    mkdirSync(env.AUSHANG_CONTENT!, { recursive: true });
    writeFileSync(path.join(env.AUSHANG_CONTENT!, 'site.yaml'), 'language: en\n');
    expect((await run([], { AUSHANG_CONTENT: env.AUSHANG_CONTENT! })).text).toContain('nothing to do');
  });
});

describe('the Mastodon status', () => {
  test('a long text is shortened so that the status fits 500 characters, the link whole', () => {
    const long = { ...item(1), content_text: 'Wasser '.repeat(200) };
    const status = mastodonStatus(long);
    expect([...status].length).toBeLessThanOrEqual(MASTODON_LIMIT);
    expect(status.endsWith(`…\n\n${long.url}`)).toBe(true);
  });
});
