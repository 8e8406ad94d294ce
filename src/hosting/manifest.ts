/**
 * `manifest.json`: every file of a build with its size and SHA-256, so any copy of the site
 * (a mirror, a bucket, a CDN) can be checked against the build it should be
 * (`npm run verify -- <url>`). Pure functions: the build and the verifier do the file and
 * network work.
 *
 *   {
 *     "format": 1,
 *     "base": "/notfall/",
 *     "files": [
 *       {"path": "404.html", "size": 5120, "sha256": "9f86d0…"},
 *       …
 *     ]
 *   }
 *
 * Paths are relative to the site root, with `/`, sorted by their UTF-8 bytes; the manifest
 * does not list itself nor the host configuration files (`_headers`), which hosts read
 * instead of serving. The same build gives the same bytes.
 */

export const MANIFEST_FORMAT = 1;

export interface ManifestEntry {
  /** Relative to the site root, `/`-separated: `soest/index.html`. */
  path: string;
  size: number;
  /** Lower-case hex. */
  sha256: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** The base path the build was made for (`/` or `/notfall/`). */
  base: string;
  files: ManifestEntry[];
}

const encoder = new TextEncoder();

/** Orders paths by their UTF-8 bytes: independent of locale and of the file system. */
export function comparePaths(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

export function createManifest(base: string, entries: readonly ManifestEntry[]): Manifest {
  const files = entries.map(({ path, size, sha256 }) => ({ path, size, sha256 })).sort((a, b) => comparePaths(a.path, b.path));
  for (let i = 1; i < files.length; i++) {
    if (files[i - 1]!.path === files[i]!.path) throw new Error(`manifest: ${files[i]!.path} is listed twice`);
  }
  return { format: MANIFEST_FORMAT, base, files };
}

/** One file per line, so two manifests can be compared with `diff`. */
export function serializeManifest(manifest: Manifest): string {
  const files = manifest.files.map((f) => `    ${JSON.stringify({ path: f.path, size: f.size, sha256: f.sha256 })}`);
  return [
    '{',
    `  "format": ${manifest.format},`,
    `  "base": ${JSON.stringify(manifest.base)},`,
    files.length ? `  "files": [\n${files.join(',\n')}\n  ]` : '  "files": []',
    '}',
    '',
  ].join('\n');
}

export class ManifestError extends Error {}

/** Reads a manifest from JSON text; throws a ManifestError that says what is wrong. */
export function parseManifest(text: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ManifestError('is not JSON');
  }
  if (typeof data !== 'object' || data === null) throw new ManifestError('is not a JSON object');
  const { format, base, files } = data as Record<string, unknown>;
  if (format !== MANIFEST_FORMAT) throw new ManifestError(`has format ${JSON.stringify(format)}, expected ${MANIFEST_FORMAT}`);
  if (typeof base !== 'string') throw new ManifestError('has no "base"');
  if (!Array.isArray(files)) throw new ManifestError('has no "files" list');
  const entries = files.map((file: unknown, i) => {
    const f = (file ?? {}) as Record<string, unknown>;
    const ok =
      typeof f.path === 'string' &&
      isSafePath(f.path) &&
      typeof f.size === 'number' &&
      Number.isSafeInteger(f.size) &&
      f.size >= 0 &&
      typeof f.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(f.sha256);
    if (!ok) throw new ManifestError(`files[${i}] is not {"path", "size", "sha256"}: ${JSON.stringify(file)}`);
    return { path: f.path as string, size: f.size as number, sha256: f.sha256 as string };
  });
  return createManifest(base, entries);
}

/** A relative path that stays below the site root: no `..`, no empty segments, no `\`. */
export function isSafePath(path: string): boolean {
  if (!path || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** `soest/bürgerbüro/index.html` → `soest/b%C3%BCrgerb%C3%BCro/index.html`, for a URL below the base. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export interface ManifestDifference {
  kind: 'missing' | 'extra' | 'changed';
  path: string;
  /** The entry in the reference manifest (missing, changed). */
  expected?: ManifestEntry;
  /** The entry in the other manifest (extra, changed). */
  actual?: ManifestEntry;
}

/**
 * What `actual` has differently from `expected`, sorted by path: a file `expected` lists and
 * `actual` does not (missing), the other way round (extra), or with another size or hash
 * (changed).
 */
export function compareManifests(expected: Manifest, actual: Manifest): ManifestDifference[] {
  const theirs = new Map(actual.files.map((f) => [f.path, f]));
  const ours = new Map(expected.files.map((f) => [f.path, f]));
  const differences: ManifestDifference[] = [];
  for (const entry of expected.files) {
    const other = theirs.get(entry.path);
    if (!other) differences.push({ kind: 'missing', path: entry.path, expected: entry });
    else if (other.size !== entry.size || other.sha256 !== entry.sha256) {
      differences.push({ kind: 'changed', path: entry.path, expected: entry, actual: other });
    }
  }
  for (const entry of actual.files) {
    if (!ours.has(entry.path)) differences.push({ kind: 'extra', path: entry.path, actual: entry });
  }
  return differences.sort((a, b) => comparePaths(a.path, b.path));
}
