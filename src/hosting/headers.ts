/**
 * `_headers` for Netlify and Cloudflare Pages, written into every build (both read it from
 * the published folder and do not serve it).
 *
 * Both hosts apply every rule whose path matches, and Cloudflare joins a header that two
 * matching rules set into one comma-separated value; Netlify's behaviour for that case is not
 * documented. So no header appears in two rules that can match the same path:
 *
 * - `<base>*` carries the security headers and nothing else;
 * - the folders of content-named files carry `Cache-Control: immutable`;
 * - the JSON API may be read from any origin (`Access-Control-Allow-Origin: *`);
 * - every other file keeps the host's default `Cache-Control: public, max-age=0,
 *   must-revalidate` (both hosts send it, and purge their own edge caches on each deploy),
 *   which is the short, revalidated caching we want. A `Cache-Control` in `<base>*` would be
 *   joined with the immutable one on `/assets/` into a header with two `max-age`s.
 */
import { API_FOLDER, API_HEADERS, CACHE_IMMUTABLE, headerContentSecurityPolicy, immutableFolders, SECURITY_HEADERS } from './policy.ts';

/**
 * The file's content for a site served below `base` (`/` or `/notfall/`). With a web editor
 * (`editorOrigins`: the Git host it talks to), the policy header allows what the editor page
 * needs as well; every page narrows it with its own `<meta>` policy (see policy.ts).
 * `styleHashes`: the hashes of the pages' inline styles, which the policy then names.
 * `searchParts`: the search index's parts (src/model/search-parts.ts); the further parts' chunk
 * folders are immutable like `pagefind/`'s.
 */
export function renderHeadersFile(base: string, editorOrigins?: readonly string[], styleHashes: readonly string[] = [], searchParts = 1): string {
  const lines = [
    '# HTTP headers for Netlify and Cloudflare Pages, written by `npm run build` from',
    '# src/hosting/policy.ts. Other hosts: see hosting/ and docs/deploy.md.',
    '#',
    '# Files not listed below get the host\'s default "Cache-Control: public, max-age=0,',
    '# must-revalidate" (HTML, JSON, feeds, manifest.json, pagefind.js, pagefind-entry.json).',
    '',
    `${base}*`,
    ...SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${name === 'Content-Security-Policy' ? headerContentSecurityPolicy(editorOrigins, styleHashes) : value}`),
  ];
  for (const folder of immutableFolders(searchParts)) {
    lines.push('', `${base}${folder}*`, `  Cache-Control: ${CACHE_IMMUTABLE}`);
  }
  lines.push('', `${base}${API_FOLDER}*`, ...API_HEADERS.map(([name, value]) => `  ${name}: ${value}`));
  return `${lines.join('\n')}\n`;
}

export interface HeaderRule {
  /** The path pattern as written, e.g. `/notfall/assets/*`. */
  pattern: string;
  headers: [name: string, value: string][];
}

/**
 * Reads a `_headers` file the way Netlify and Cloudflare do (a path line, then indented
 * `Name: value` lines; `#` starts a comment). For tests and for checking a copy by hand.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (/^(\/|https:\/\/)/.test(line) && !/^\s/.test(raw)) {
      rules.push({ pattern: line, headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (colon <= 0 || !rule) throw new Error(`_headers: cannot read line "${raw}"`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Does a `_headers` pattern (`*` matches anything, `:name` one segment) match a URL path? */
export function headerPatternMatches(pattern: string, urlPath: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') && part.length > 1 ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(urlPath);
}

/** The headers a host following these rules sends for a URL path (later rules add to earlier ones). */
export function headersFor(rules: readonly HeaderRule[], urlPath: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const rule of rules) {
    if (!headerPatternMatches(rule.pattern, urlPath)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result.set(key, [...(result.get(key) ?? []), value]);
    }
  }
  return result;
}
