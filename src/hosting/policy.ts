/**
 * What every copy of the site sends besides its files: the security headers and how long a
 * browser or proxy may keep each file. The one place that knows these values: the build writes
 * them into `_headers` (Netlify, Cloudflare Pages), the example configs in `hosting/` (nginx,
 * Apache) repeat them and tests compare them with this module, and the pages put the same
 * Content-Security-Policy into a `<meta http-equiv>` for hosts that cannot send headers
 * (GitHub Pages, GitLab Pages, a plain bucket).
 *
 * Pure TypeScript without Node imports, so Astro components can import it.
 */
import { fileNames, folderNames, pagefindChunkFolders, routes, searchPartFolder, searchPartFolderPattern } from '../model/routes.ts';

/**
 * The Content-Security-Policy a server sends, directive by directive. The site loads nothing
 * from other origins and has no inline script; the search page's script and the "Stand" check
 * (on pages fresh at build time; astro.config.mjs keeps it a file however small) are modules
 * under `/assets/`, and Pagefind compiles its WebAssembly (`'wasm-unsafe-eval'`) and starts its
 * worker from `/pagefind/`; the offline service worker is `/sw.js` at the base (both same
 * origin: `worker-src 'self'`, said explicitly rather than left to the fallback to `script-src`,
 * and `script-src 'self'` for the page script that registers it). JSON-LD blocks
 * are data, not script, and need no exception. `data:` images are allowed for the QR codes
 * of the printable notice.
 *
 * The stylesheet is inlined into every page (one round trip less on a slow network), so the
 * strict rule for styles is the page's own: its `<meta>` policy allows exactly the hash of its
 * `<style>` (`pageContentSecurityPolicyMeta`), and the build's `_headers` repeats that hash.
 * A server configuration that an operator copies once (nginx, Apache) cannot know the hash of
 * a later build, so it leaves styles to the page (`'self' 'unsafe-inline'` here): a browser
 * enforces the header and the `<meta>` policy both, so the page stays as strict as its `<meta>`,
 * and an upgrade can never leave the site unstyled behind an old copied configuration.
 */
export const CSP_DIRECTIVES: readonly (readonly [directive: string, value: string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

/** The header value: `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; …`. */
export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.map(([d, v]) => `${d} ${v}`).join('; ');

/**
 * Directives a browser ignores (and warns about in the console) when the policy comes from
 * a `<meta http-equiv>` element instead of a header (CSP3, §4.2 of the spec).
 */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/**
 * The policy of a page whose inline styles have these hashes (`'sha256-…'`, see
 * `styleHashSource`): the server's policy with `style-src` narrowed to exactly them.
 */
export function pageCspDirectives(styleHashes: readonly string[]): (readonly [directive: string, value: string])[] {
  return CSP_DIRECTIVES.map(([d, v]) => (d === 'style-src' ? [d, styleHashes.map((h) => `'${h}'`).join(' ') || "'none'"] : [d, v]));
}

/**
 * A page's policy for `<meta http-equiv="Content-Security-Policy" content={…}>`: without
 * `frame-ancestors`, which only works as a header (browsers log an error for it in a meta
 * tag). The `X-Frame-Options`/`frame-ancestors` headers do that job where headers are possible.
 */
export function pageContentSecurityPolicyMeta(styleHashes: readonly string[]): string {
  return pageCspDirectives(styleHashes)
    .filter(([d]) => !HEADER_ONLY_DIRECTIVES.has(d))
    .map(([d, v]) => `${d} ${v}`)
    .join('; ');
}

/** The hashes of the page styles a `<meta>` policy allows (`style-src 'sha256-…'`), for `_headers`. */
export function styleHashesOfMeta(policy: string): string[] {
  const styleSrc = policy.split(';').map((part) => part.trim()).find((part) => part.startsWith('style-src '));
  return [...(styleSrc ?? '').matchAll(/'(sha(?:256|384|512)-[A-Za-z0-9+/=]+)'/g)].map((m) => m[1]!);
}

/**
 * The web editor at `/admin/` (Sveltia CMS, only when site.yaml has an `editor:` block) has a
 * policy of its own: its bundled script and fonts come from the site, its components set inline
 * styles, it reads entry files through `blob:`/`data:` URLs, and it talks to exactly one other
 * origin, the Git host's API. Nothing else is allowed; every other page keeps the policy above.
 */
/** `routes.editor()` below the base, without its leading slash. */
export const ADMIN_FOLDER = routes.editor().slice(1);

export function adminCspDirectives(gitHostOrigins: readonly string[]): (readonly [directive: string, value: string])[] {
  return [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self'"],
    ['connect-src', ["'self'", 'blob:', 'data:', ...gitHostOrigins].join(' ')],
    ['worker-src', "'self' blob:"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
}

/** The editor page's policy as a header value. */
export function adminContentSecurityPolicy(gitHostOrigins: readonly string[]): string {
  return adminCspDirectives(gitHostOrigins).map(([d, v]) => `${d} ${v}`).join('; ');
}

/** The editor page's policy for its `<meta http-equiv>` (without the header-only directives). */
export function adminContentSecurityPolicyMeta(gitHostOrigins: readonly string[]): string {
  return adminCspDirectives(gitHostOrigins)
    .filter(([d]) => !HEADER_ONLY_DIRECTIVES.has(d))
    .map(([d, v]) => `${d} ${v}`)
    .join('; ');
}

/**
 * The `Content-Security-Policy` header of `_headers`. Without an editor: the pages' own policy,
 * with the hashes of their styles when given. With one, for a host that cannot send another
 * header for `/admin/` (Cloudflare joins the values of every matching rule, Netlify knows no
 * way to drop one): each directive allows what either policy allows (no style hashes: a hash
 * would switch off the `'unsafe-inline'` the editor needs). A browser enforces every policy it
 * gets, header and `<meta>` alike, so each page still gets exactly its own: the public pages
 * carry the strict policy as `<meta>` (before anything else loads), the editor page its own.
 * Without an editor, the header is the site's policy as it is.
 */
export function headerContentSecurityPolicy(gitHostOrigins?: readonly string[], styleHashes: readonly string[] = []): string {
  if (!gitHostOrigins) {
    return styleHashes.length > 0 ? pageCspDirectives(styleHashes).map(([d, v]) => `${d} ${v}`).join('; ') : CONTENT_SECURITY_POLICY;
  }
  const merged = new Map<string, string[]>();
  for (const [directive, value] of [...CSP_DIRECTIVES, ...adminCspDirectives(gitHostOrigins)]) {
    const sources = merged.get(directive) ?? [];
    for (const source of value.split(' ')) if (!sources.includes(source)) sources.push(source);
    merged.set(directive, sources);
  }
  return [...merged]
    .map(([directive, sources]) => `${directive} ${sources.length > 1 ? sources.filter((x) => x !== "'none'").join(' ') : sources[0]}`)
    .join('; ');
}

/** Features the site never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY: string = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** Every header sent with every response, in this order. */
export const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Permissions-Policy', PERMISSIONS_POLICY],
];

/**
 * The JSON API is for other sites and apps too (newspapers, radio, a neighbouring town's
 * page): browsers may read it from any origin. It holds only what the pages show.
 */
export const API_FOLDER = `${folderNames.api}/`;
export const API_HEADERS: readonly (readonly [name: string, value: string])[] = [['Access-Control-Allow-Origin', '*']];

/**
 * HTML, JSON, feeds, `manifest.json`, the search index's entry points: anything whose name
 * stays the same when its content changes. Caches may keep it a minute, then must ask again
 * (cheap: the answer is usually 304 Not Modified). A notice that changes is visible within a
 * minute, and a shared cache in front of a small server still absorbs a rush of visitors.
 */
export const CACHE_SHORT = 'public, max-age=60, must-revalidate';

/** Files whose name changes whenever their content does: a year, never revalidated. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Folders (site paths below the base) that hold only files named after their content:
 * Astro's bundled CSS and JS (`Layout.CAlZq7HH.css`) and Pagefind's index chunks, filters and
 * page fragments (`de_596a2b6.pf_fragment`). Everything else in `pagefind/` keeps its name
 * from build to build (`pagefind.js`, `pagefind-entry.json`, `pagefind-worker.js`,
 * `wasm.de.pagefind`, the UI bundles, and the `pagefind.de_<hash>.pf_meta` whose name is hashed
 * but which `_headers` cannot single out portably) and is cached briefly.
 */
export const IMMUTABLE_FOLDERS: readonly string[] = [`${folderNames.assets}/`, ...pagefindChunkFolders.map((folder) => `${folderNames.pagefind}/${folder}/`)];

/**
 * `IMMUTABLE_FOLDERS` and, for a search index in `parts` parts (src/model/search-parts.ts), the
 * further parts' chunk folders (`pagefind_2/fragment/`, …): what `_headers` lists for a build.
 */
export function immutableFolders(parts = 1): string[] {
  const further = Array.from({ length: Math.max(0, parts - 1) }, (_, i) => searchPartFolder(i + 1));
  return [...IMMUTABLE_FOLDERS, ...further.flatMap((part) => pagefindChunkFolders.map((folder) => `${part}/${folder}/`))];
}

export type CacheClass = 'short' | 'immutable';

/** `assets/Layout.CAlZq7HH.css`, `pagefind_2/index/de_6.pf_index` → `immutable`; `soest/index.html` → `short`. */
export function cacheClassOf(sitePath: string): CacheClass {
  const relative = sitePath.replace(/^\/+/, '');
  const inPart = searchPartFolderPattern.test(relative) && pagefindChunkFolders.some((folder) => relative.split('/')[1] === folder);
  return inPart || IMMUTABLE_FOLDERS.some((folder) => relative.startsWith(folder)) ? 'immutable' : 'short';
}

export function cacheControlFor(sitePath: string): string {
  return cacheClassOf(sitePath) === 'immutable' ? CACHE_IMMUTABLE : CACHE_SHORT;
}

/**
 * Files the build writes for a host to read, not to serve: they are not listed in
 * `manifest.json` (Netlify and Cloudflare Pages answer 404 for them).
 */
export const HOST_CONFIG_FILES: readonly string[] = ['_headers'];

/** The manifest's name at the site root (`routes.manifest()`). */
export const MANIFEST_FILE = fileNames.manifest;
