/**
 * `aliases` (content format 1.2, docs/content-format.md): an old address that keeps working as a redirect page. An alias may
 * only name a free path inside the site: not a page or file the build writes itself, not a
 * dotfile (`.htaccess`), no `.`, `..`, empty or percent-encoded parts. One function per rule;
 * each returns the error code when the rule is broken.
 */
import type { ErrorCode } from './errors.ts';

/**
 * The folders of a search index's further parts, `pagefind_2`, … (`searchPartFolder` in
 * src/model/routes.ts, which the schema does not import; tests/unit/search/search-parts.test.ts
 * holds the two together).
 */
const searchPartFolder = /^pagefind_[0-9]+$/;

export type AliasProblem = Extract<ErrorCode, 'alias' | 'aliasEncoded' | 'aliasEmptySegment' | 'aliasDotSegment' | 'aliasDotfile'>;

/**
 * Files at the site's root that the build or the host owns: the home and error pages, the
 * hosting files, robots, feeds, the files of `public/` (favicon.svg; a test compares) and the
 * 1.2 feeds and exports, the offline service worker (`sw.js`), the build's facts for the web
 * editor (`aushang-build.json`; `routes.ts` names them all). Sitemaps (`sitemap-index.xml`, `sitemap-0.xml`, …) are matched by name.
 */
export const reservedRootFiles = [
  'index.html',
  '404.html',
  'manifest.json',
  '_headers',
  '_redirects',
  'robots.txt',
  'favicon.svg',
  'feed.xml',
  'feed.atom',
  'feed.json',
  'geplant.ics',
  'cap.xml',
  'sw.js',
  'aushang-build.json',
] as const;

/** Files below a town's folder that the build writes for the town (besides its pages). */
export const reservedTownFiles = ['feed.xml', 'feed.atom', 'feed.json', 'badge.svg', 'geplant.ics', 'cap.xml'] as const;

const sitemapFile = /^sitemap[\w-]*\.xml$/i;

/** Letters, digits and the characters a URL path may hold unencoded; starts with `/`, not the root alone. */
export function aliasIsSitePath(written: string): AliasProblem | undefined {
  return /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(written) && written !== '/' ? undefined : 'alias';
}

/** `%2e%2e` is `..` to one server and a folder named `%2e%2e` to another. */
export function aliasHasNoEncodedCharacter(written: string): AliasProblem | undefined {
  return written.includes('%') ? 'aliasEncoded' : undefined;
}

/** `/x//y/`: no file system has a folder without a name. */
export function aliasHasNoEmptySegment(written: string): AliasProblem | undefined {
  return written.includes('//') ? 'aliasEmptySegment' : undefined;
}

/** `/./x/`, `/x/../y/`: a part that names no folder of its own. */
export function aliasHasNoDotSegment(written: string): AliasProblem | undefined {
  return written.split('/').some((part) => part === '.' || part === '..') ? 'aliasDotSegment' : undefined;
}

/** `/soest/.htaccess`: files whose names start with a dot configure servers, or are hidden. */
export function aliasHasNoDotfile(written: string): AliasProblem | undefined {
  return written.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..') ? 'aliasDotfile' : undefined;
}

/** The rules in the order they are reported: the first one broken names the problem. */
export const aliasRules = [aliasIsSitePath, aliasHasNoEncodedCharacter, aliasHasNoEmptySegment, aliasHasNoDotSegment, aliasHasNoDotfile] as const;

/**
 * The form an alias is compared and written in: a folder with a trailing slash (`/soest` →
 * `/soest/`, `/soest/index.html` → `/soest/`), a file name with an extension as it is
 * (`/alt/buergerbuero.html`).
 */
export function normaliseAlias(written: string): string {
  const folder = written.replace(/\/index\.html$/i, '/');
  return folder.endsWith('/') || /\.[a-z0-9]+$/i.test(folder) ? folder : `${folder}/`;
}

/**
 * The key two paths are compared by: without case (many hosts' file systems do not tell
 * `/Soest/` from `/soest/`) and without the trailing slash (a file `/a.html` and a folder
 * `/a.html/` cannot both exist).
 */
export function aliasKey(route: string): string {
  return route.toLowerCase().replace(/\/$/, '');
}

/**
 * Whether the build itself owns a path: the root, a reserved route or folder (with a search
 * index's further parts, `pagefind_2/`, …: src/model/search-parts.ts), a root file.
 */
export function isReservedPath(route: string, reservedRoutes: readonly string[]): boolean {
  const parts = aliasKey(route).split('/').slice(1);
  const top = parts[0] ?? '';
  if (top === '') return true;
  if (reservedRoutes.includes(top) || searchPartFolder.test(top)) return true;
  return (reservedRootFiles as readonly string[]).includes(top) || sitemapFile.test(top);
}

/** `/a/b/c/` → `/a`, `/a/b`: the folders an alias's page is written into. */
export function parentKeys(route: string): string[] {
  const parts = aliasKey(route).split('/').slice(1);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}
