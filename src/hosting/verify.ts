/**
 * Checks a deployed copy of the site against its `manifest.json`, and optionally against a
 * local build's manifest: fetches the manifest and every file it lists, a few at a time, each
 * with a timeout and a retry, and reports every file that is missing, changed or extra.
 * `npm run verify` (src/cli/verify.ts) prints the result.
 *
 * The copy's own manifest proves nothing by itself: whoever changes a page can change its entry
 * too. It is anchored by the SHA-256 of the manifest the build wrote (the build prints it;
 * `manifestSha256`), or by the local build itself (`against`). What no manifest lists, a host
 * may still serve, and no check from outside can find it.
 */
import { createHash } from 'node:crypto';
import { compareManifests, comparePaths, encodePath, ManifestError, parseManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import { HOST_CONFIG_FILES, MANIFEST_FILE } from './policy.ts';

export interface VerifyOptions {
  /** The copy's root URL (with its base path), e.g. https://www.example.de/notfall/ */
  url: string;
  /** A local build's manifest: the copy must be exactly this build. */
  against?: Manifest;
  /** The files in the local build's folder (with `against`): those its manifest lacks are reported. */
  againstFiles?: readonly string[];
  /** The SHA-256 of the build's manifest.json, as the build printed it: the copy's must be that one. */
  manifestSha256?: string;
  /** Requests at once. Default 8. */
  concurrency?: number;
  /** Per request, in milliseconds. Default 20 s. */
  timeoutMs?: number;
  /** Further attempts after a network error, a timeout or a 5xx/429 answer. Default 2. */
  retries?: number;
  /** For tests; default the global fetch. */
  fetch?: typeof fetch;
}

export type ProblemKind =
  /** A listed file cannot be fetched (404, other status, network error). */
  | 'missing'
  /** A listed file has other bytes than the manifest says. */
  | 'changed'
  /** The copy's manifest lists a file the local build does not have (with --against). */
  | 'extra'
  /** The copy's manifest does not list a file of the local build, or lists it with another hash (with --against). */
  | 'unlisted'
  /** A file of the local build's folder that its manifest does not list: a copy may serve it unchecked (with --against <folder>). */
  | 'unchecked';

export interface Problem {
  kind: ProblemKind;
  path: string;
  detail: string;
}

export interface VerifyReport {
  /** The copy's root URL, normalised (ends with `/`). */
  url: string;
  /** How many files were fetched and compared. */
  checked: number;
  problems: Problem[];
}

/** The manifest could not be loaded: nothing was compared. */
export class VerifyError extends Error {}

/** `https://x.de/notfall` and `https://x.de/notfall/manifest.json` → `https://x.de/notfall/`. */
export function normalizeSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new VerifyError(`"${raw}" is not a URL (expected e.g. https://notfall.example.de/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new VerifyError(`"${raw}" is not an http(s) URL`);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith(`/${MANIFEST_FILE}`)) url.pathname = url.pathname.slice(0, -MANIFEST_FILE.length);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** A network failure in words, without a stack trace. */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_SOCKET: 'connection closed',
  };
  if (cause?.code && known[cause.code]) return known[cause.code]!;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

interface Fetched {
  status: number;
  bytes: Uint8Array;
}

const retryable = (status: number) => status >= 500 || status === 429;

async function fetchBytes(url: string, options: Required<Pick<VerifyOptions, 'timeoutMs' | 'retries'>> & { fetch: typeof fetch }): Promise<Fetched> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await options.fetch(url, {
        redirect: 'follow',
        headers: { 'cache-control': 'no-cache', 'user-agent': 'aushang-verify' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (retryable(response.status) && attempt < options.retries) {
        await pause(attempt);
        continue;
      }
      return { status: response.status, bytes };
    } catch (error) {
      if (attempt >= options.retries) throw new VerifyError(describeFailure(error, options.timeoutMs));
      await pause(attempt);
    }
  }
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const short = (entry: { size: number; sha256: string }) => `${entry.size} bytes, sha256 ${entry.sha256.slice(0, 12)}…`;

/** The anchor: a served manifest with other bytes than the build's is not that build's. */
function refuseOtherManifest(manifestUrl: string, bytes: Uint8Array, expected: string): void {
  const actual = sha256(bytes);
  if (actual === expected.toLowerCase()) return;
  throw new VerifyError(
    `${manifestUrl} is not the build's manifest: its sha256 is ${actual}, the build printed ${expected.toLowerCase()}. ` +
      'The copy is another build, or its files and manifest were changed together; nothing else was compared.',
  );
}

/** Files of the local build's folder that its manifest does not list (added after the build?). */
function uncheckedFiles(manifest: Manifest, files: readonly string[]): Problem[] {
  const listed = new Set(manifest.files.map((f) => f.path));
  const exempt = new Set([MANIFEST_FILE, ...HOST_CONFIG_FILES]);
  return files
    .filter((file) => !listed.has(file) && !exempt.has(file))
    .map((file) => ({ kind: 'unchecked' as const, path: file, detail: `in the local folder, but its ${MANIFEST_FILE} does not list it: a copy may serve it and no check can see it` }));
}

/** One file of the local build against the copy: the problem, if there is one. */
async function checkFile(
  entry: { path: string; size: number; sha256: string },
  url: string,
  settings: Parameters<typeof fetchBytes>[1],
  listedOtherwise: ReadonlyMap<string, { size: number; sha256: string }>,
): Promise<Problem | undefined> {
  let result: Fetched;
  try {
    result = await fetchBytes(new URL(encodePath(entry.path), url).href, settings);
  } catch (error) {
    return { kind: 'missing', path: entry.path, detail: error instanceof Error ? error.message : String(error) };
  }
  const actual = { size: result.bytes.length, sha256: sha256(result.bytes) };
  const same = actual.size === entry.size && actual.sha256 === entry.sha256;
  // A host may send a file with another status (404.html with 404): the bytes decide.
  if (!same && (result.status < 200 || result.status > 299)) return { kind: 'missing', path: entry.path, detail: `HTTP ${result.status}` };
  if (!same) return { kind: 'changed', path: entry.path, detail: `${short(actual)} instead of ${short(entry)}` };
  if (listedOtherwise.has(entry.path)) {
    return { kind: 'unlisted', path: entry.path, detail: `the file is right, but the copy's ${MANIFEST_FILE} lists ${short(listedOtherwise.get(entry.path)!)}` };
  }
  return undefined;
}

export async function verifyCopy(options: VerifyOptions): Promise<VerifyReport> {
  const url = normalizeSiteUrl(options.url);
  const settings = {
    timeoutMs: options.timeoutMs ?? 20_000,
    retries: options.retries ?? 2,
    fetch: options.fetch ?? globalThis.fetch,
  };
  const concurrency = Math.max(1, options.concurrency ?? 8);

  const manifestUrl = new URL(MANIFEST_FILE, url).href;
  let fetched: Fetched;
  try {
    fetched = await fetchBytes(manifestUrl, settings);
  } catch (error) {
    throw new VerifyError(`cannot load ${manifestUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (fetched.status < 200 || fetched.status > 299) throw new VerifyError(`cannot load ${manifestUrl}: HTTP ${fetched.status}`);
  if (options.manifestSha256 !== undefined) refuseOtherManifest(manifestUrl, fetched.bytes, options.manifestSha256);
  let remote: Manifest;
  try {
    remote = parseManifest(new TextDecoder().decode(fetched.bytes));
  } catch (error) {
    if (error instanceof ManifestError) throw new VerifyError(`${manifestUrl} is not an Aushang manifest: it ${error.message}`);
    throw error;
  }

  const problems: Problem[] = [];
  const reference = options.against ?? remote;
  /** Paths whose entry differs between the two manifests: checked again once the file is in. */
  const listedOtherwise = new Map<string, ManifestEntry>();
  if (options.against) {
    for (const difference of compareManifests(options.against, remote)) {
      if (difference.kind === 'extra') {
        problems.push({ kind: 'extra', path: difference.path, detail: `listed in the copy's ${MANIFEST_FILE}, not in the local build` });
      } else if (difference.kind === 'missing') {
        problems.push({ kind: 'unlisted', path: difference.path, detail: `not listed in the copy's ${MANIFEST_FILE}` });
      } else {
        listedOtherwise.set(difference.path, difference.actual!);
      }
    }
  }

  if (options.against && options.againstFiles) problems.push(...uncheckedFiles(options.against, options.againstFiles));

  const files = reference.files;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const entry = files[next++]!;
      const problem = await checkFile(entry, url, settings, listedOtherwise);
      if (problem) problems.push(problem);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, files.length)) }, worker));

  const order: ProblemKind[] = ['missing', 'changed', 'extra', 'unlisted', 'unchecked'];
  problems.sort((a, b) => comparePaths(a.path, b.path) || order.indexOf(a.kind) - order.indexOf(b.kind));
  return { url, checked: files.length, problems };
}
