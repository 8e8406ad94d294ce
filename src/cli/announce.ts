/**
 * `aushang announce` (issue 22, scope 5): after a successful deployment, posts each new entry of
 * the site's JSON Feed once to a Mastodon account and/or a webhook (JSON POST, optionally signed
 * with HMAC-SHA256). Configured by environment variables, so the token stays a CI secret:
 *
 *   AUSHANG_MASTODON_URL    the instance, e.g. https://social.example   (with the token)
 *   AUSHANG_MASTODON_TOKEN  an access token with the scope write:statuses
 *   AUSHANG_WEBHOOK_URL     where to POST { event, site, item } as JSON
 *   AUSHANG_WEBHOOK_SECRET  optional: X-Aushang-Signature: sha256=<HMAC of the body>
 *
 * Nothing configured: a note, exit 0 (the workflows run the step always).
 *
 * What was sent is remembered in a state file (`--state`): the ids that were already public
 * (`known`) and those sent per channel (`sent`, written after each successful post, so a failure
 * half-way loses nothing). In CI, `announce --save-before <file>` writes the state before
 * deploying from the site as it is online (its feed.json); after the deployment `announce
 * --state <file>` posts what the new site has beyond it. Without any state (no file, or no site
 * online before) nothing is posted and everything is remembered: a first deployment of a
 * district with hundreds of entries must not flood anyone. A rehearsal (`build --drill`) is never
 * announced. Exit 0 when everything new was sent, 1 when a post failed (the message says which
 * and why, no stack trace), 2 on wrong arguments.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { editorLanguage, languages, translator, type Language, type Translate } from '../i18n/index.ts';
import { BUILD_INFO_FILE } from '../hosting/build-info.ts';
import { feedFiles } from '../model/routes.ts';

/** An entry of feed.json, as announce uses it. */
export interface AnnounceItem {
  id: string;
  url: string;
  title: string;
  content_text: string;
  content_html?: string;
  date_published: string;
}

export interface AnnounceFeed {
  home_page_url: string;
  language?: string;
  items: AnnounceItem[];
}

export type ChannelName = 'mastodon' | 'webhook';

/** Where to post, from the environment. */
export interface AnnounceConfig {
  mastodon?: { instance: string; token: string };
  webhook?: { url: string; secret?: string };
  /** Set and incomplete: a note for the log. */
  notes: ('tokenMissing' | 'instanceMissing')[];
}

/** What was sent: `known` were public before (null: nothing known yet), `sent` per channel. */
export interface AnnounceState {
  format: 1;
  known: string[] | null;
  sent: Partial<Record<ChannelName, string[]>>;
}

/** A failure to report in one line: the channel's answer or the network's. */
export class AnnounceError extends Error {}

const TIMEOUT_MS = 20_000;
/** Mastodon's default limit of a status, in characters. */
export const MASTODON_LIMIT = 500;

export function configFromEnv(env: Record<string, string | undefined>): AnnounceConfig {
  const value = (name: string) => env[name]?.trim() || undefined;
  const config: AnnounceConfig = { notes: [] };
  const instance = value('AUSHANG_MASTODON_URL');
  const token = value('AUSHANG_MASTODON_TOKEN');
  if (instance && token) config.mastodon = { instance, token };
  else if (instance) config.notes.push('tokenMissing');
  else if (token) config.notes.push('instanceMissing');
  const webhook = value('AUSHANG_WEBHOOK_URL');
  if (webhook) config.webhook = { url: webhook, ...(value('AUSHANG_WEBHOOK_SECRET') ? { secret: value('AUSHANG_WEBHOOK_SECRET')! } : {}) };
  return config;
}

export function channelsOf(config: AnnounceConfig): ChannelName[] {
  return [...(config.mastodon ? ['mastodon' as const] : []), ...(config.webhook ? ['webhook' as const] : [])];
}

/** A status: title, text and link, the text shortened so that the whole fits Mastodon's limit. */
export function mastodonStatus(item: AnnounceItem, limit = MASTODON_LIMIT): string {
  // Mastodon counts every link as 23 characters; the link is counted in full here, to be safe.
  const fixed = `${item.title}\n\n\n\n${item.url}`;
  const room = limit - [...fixed].length;
  const text = item.content_text.trim();
  const body = [...text].length <= room ? text : `${[...text].slice(0, Math.max(0, room - 1)).join('').trimEnd()}…`;
  return body ? `${item.title}\n\n${body}\n\n${item.url}` : `${item.title}\n\n${item.url}`;
}

/** The same key for the same entry: Mastodon then refuses a second post of it (for an hour). */
export function idempotencyKey(item: AnnounceItem): string {
  return createHash('sha256').update(item.id).digest('hex');
}

/** The webhook's body and, with a secret, its signature `sha256=<hex HMAC-SHA256 of the body>`. */
export function webhookRequest(item: AnnounceItem, site: string, secret?: string): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ event: 'aushang.update', site, item });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': idempotencyKey(item) };
  if (secret) headers['x-aushang-signature'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return { body, headers };
}

/** POSTs; a network failure, a timeout or an answer other than 2xx is an AnnounceError. */
async function post(url: string, body: string, headers: Record<string, string>): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    throw new AnnounceError(networkReason(error));
  }
  if (response.ok) return;
  const answer = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
  throw new AnnounceError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${answer ? `: ${answer}` : ''}`);
}

/** `ECONNREFUSED`, `ENOTFOUND`, a timeout: the cause's code, not fetch's "fetch failed". */
export function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timeout ${TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export async function sendToMastodon(config: NonNullable<AnnounceConfig['mastodon']>, item: AnnounceItem, language?: string): Promise<void> {
  const endpoint = new URL('/api/v1/statuses', config.instance).href;
  const body = JSON.stringify({ status: mastodonStatus(item), visibility: 'public', ...(language ? { language } : {}) });
  await post(endpoint, body, { 'content-type': 'application/json', authorization: `Bearer ${config.token}`, 'idempotency-key': idempotencyKey(item) });
}

export async function sendToWebhook(config: NonNullable<AnnounceConfig['webhook']>, item: AnnounceItem, site: string): Promise<void> {
  const request = webhookRequest(item, site, config.secret);
  await post(config.url, request.body, request.headers);
}

/** A file of the built folder or of the site online; undefined when it is not there (404). */
export async function readSiteFile(site: string, name: string): Promise<string | undefined> {
  if (!/^https?:\/\//i.test(site)) return readFile(path.join(site, name), 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  const url = new URL(name, site.endsWith('/') ? site : `${site}/`).href;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new AnnounceError(`${url}: ${networkReason(error)}`);
  }
  if (response.status === 404) return undefined;
  if (!response.ok) throw new AnnounceError(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** The feed's entries that announce needs, or an AnnounceError naming what is wrong. */
export function parseFeed(text: string): AnnounceFeed {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch (error) {
    throw new AnnounceError(`feed.json: ${(error as Error).message}`);
  }
  const items = (feed as { items?: unknown }).items;
  if (!Array.isArray(items) || items.some((item) => typeof item?.id !== 'string' || typeof item?.url !== 'string' || typeof item?.title !== 'string')) {
    throw new AnnounceError('feed.json: not a JSON Feed of aushang (items with id, url and title)');
  }
  return feed as AnnounceFeed;
}

/** A rehearsal's aushang-build.json says `drill: true`; its feeds are not published at all. */
export async function isDrill(site: string, env: Record<string, string | undefined>): Promise<boolean> {
  if (env.AUSHANG_DRILL === '1') return true;
  const info = await readSiteFile(site, BUILD_INFO_FILE).catch(() => undefined);
  try {
    return info !== undefined && (JSON.parse(info) as { drill?: unknown }).drill === true;
  } catch {
    return false;
  }
}

export async function readState(file: string): Promise<AnnounceState | undefined> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  if (text === undefined) return undefined;
  let state: AnnounceState;
  try {
    state = JSON.parse(text) as AnnounceState;
  } catch (error) {
    throw new AnnounceError(`${file}: ${(error as Error).message}`);
  }
  if (state?.format !== 1 || !(state.known === null || Array.isArray(state.known)) || typeof state.sent !== 'object' || state.sent === null) {
    throw new AnnounceError(`${file}: not a state file of aushang announce (format 1)`);
  }
  return state;
}

export async function writeState(file: string, state: AnnounceState): Promise<void> {
  await writeFile(file, `${JSON.stringify(state, null, 1)}\n`);
}

/** Nothing known and nothing sent: the first run, which remembers and posts nothing. */
export function isFirstRun(state: AnnounceState | undefined): boolean {
  return state === undefined || (state.known === null && Object.values(state.sent).every((ids) => !ids?.length));
}

/** The entries a channel has not had yet, oldest first (the feed lists the newest first). */
export function newItems(feed: AnnounceFeed, state: AnnounceState, channel: ChannelName): AnnounceItem[] {
  const had = new Set([...(state.known ?? []), ...(state.sent[channel] ?? [])]);
  return feed.items.filter((item) => !had.has(item.id)).reverse();
}

export interface AnnounceOptions {
  site: string;
  state?: string;
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  t: Translate;
}

/** Posts every new entry to one channel; the state is written after each success. */
async function announceTo(channel: ChannelName, config: AnnounceConfig, feed: AnnounceFeed, state: AnnounceState, options: AnnounceOptions): Promise<number> {
  const { t, out } = options;
  const label = channel === 'mastodon' ? `Mastodon (${new URL(config.mastodon!.instance).host})` : `Webhook (${new URL(config.webhook!.url).host})`;
  const items = newItems(feed, state, channel);
  if (items.length === 0) out(t('announce.nothingNew', { channel: label }));
  for (const [index, item] of items.entries()) {
    try {
      if (channel === 'mastodon') await sendToMastodon(config.mastodon!, item, feed.language);
      else await sendToWebhook(config.webhook!, item, feed.home_page_url);
    } catch (error) {
      if (!(error instanceof AnnounceError)) throw error;
      out(t('announce.failed', { channel: label, reason: error.message, title: item.title, sent: index, left: items.length - index }));
      return 1;
    }
    (state.sent[channel] ??= []).push(item.id);
    if (options.state) await writeState(options.state, state);
    out(t('announce.sent', { channel: label, title: item.title }));
  }
  return 0;
}

/** The announcing after a deployment; returns the exit code. */
export async function announce(options: AnnounceOptions): Promise<number> {
  const { t, out } = options;
  const config = configFromEnv(options.env);
  for (const note of config.notes) out(t(note === 'tokenMissing' ? 'announce.tokenMissing' : 'announce.instanceMissing'));
  const channels = channelsOf(config);
  if (channels.length === 0) {
    out(t('announce.nothingConfigured'));
    return 0;
  }
  if (await isDrill(options.site, options.env)) {
    out(t('announce.drill'));
    return 0;
  }
  const text = await readSiteFile(options.site, feedFiles.json);
  if (text === undefined) throw new AnnounceError(t('announce.noFeed', { site: options.site }));
  const feed = parseFeed(text);
  const state = options.state ? await readState(options.state) : undefined;
  if (isFirstRun(state)) {
    if (options.state) await writeState(options.state, { format: 1, known: feed.items.map((item) => item.id), sent: {} });
    out(t('announce.firstRun', { count: feed.items.length }));
    return 0;
  }
  let code = 0;
  for (const channel of channels) code = Math.max(code, await announceTo(channel, config, feed, state!, options));
  return code;
}

/**
 * Before deploying: the state from the site as it is online now, so that announce later posts
 * only what this deployment adds. No site online yet: `known: null` (nothing will be posted).
 */
export async function saveBefore(file: string, options: AnnounceOptions): Promise<number> {
  const { t, out } = options;
  if (channelsOf(configFromEnv(options.env)).length === 0) {
    out(t('announce.nothingConfigured'));
    return 0;
  }
  let known: string[] | null;
  try {
    const text = await readSiteFile(options.site, feedFiles.json);
    known = text === undefined ? null : parseFeed(text).items.map((item) => item.id);
    out(known === null ? t('announce.beforeNone', { site: options.site }) : t('announce.beforeSaved', { count: known.length, site: options.site, file }));
  } catch (error) {
    if (!(error instanceof AnnounceError)) throw error;
    known = null;
    out(t('announce.beforeFailed', { site: options.site, reason: error.message }));
  }
  await writeState(file, { format: 1, known, sent: {} });
  return 0;
}

/** The editors' language from content/site.yaml (German when it cannot be read). */
export async function siteLanguage(contentDir: string): Promise<Language> {
  try {
    const language = (parseYaml(await readFile(path.join(contentDir, 'site.yaml'), 'utf8')) as { language?: unknown })?.language;
    return languages.includes(language as Language) ? (language as Language) : 'de';
  } catch {
    return 'de';
  }
}

/** The command: returns the exit code. */
export async function main(argv: string[], out: (line: string) => void = console.log, env: Record<string, string | undefined> = process.env): Promise<number> {
  const t = translator(editorLanguage(await siteLanguage(path.resolve(env.AUSHANG_CONTENT ?? 'content'))));
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { site: { type: 'string' }, state: { type: 'string' }, 'save-before': { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    out(`${(error as Error).message}\n\n${t('announce.help')}`);
    return 2;
  }
  if (values.help) {
    out(t('announce.help'));
    return 0;
  }
  const site = values.site ?? (values['save-before'] ? env.SITE_URL : 'dist');
  if (!site) {
    out(t('announce.noAddress'));
    return 2;
  }
  const options: AnnounceOptions = { site, ...(values.state ? { state: values.state } : {}), env, out, t };
  try {
    return values['save-before'] ? await saveBefore(values['save-before'], options) : await announce(options);
  } catch (error) {
    if (!(error instanceof AnnounceError)) throw error;
    out(error.message);
    return 1;
  }
}

if (import.meta.main) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`aushang announce: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exitCode = 1;
  }
}
