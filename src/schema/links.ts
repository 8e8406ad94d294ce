/**
 * Content format 1.1: links inside the site must resolve. A site-relative link (`/werl/`,
 * `/werl/buergerbuero/#anliegen-…`) must name a path the build makes (`model/targets.ts`),
 * and its `#anchor` one that page carries. A relative link (`../werl/`, `impressum`, `#tasks`)
 * is an error: it means something else on every page that shows the text (a service's summary
 * appears on the town's page, in search and in the API) and below a `BASE_PATH`; the message
 * shows what it would resolve to on the file's own page.
 */
import { closest, editDistance, type ContentError } from './errors.ts';
import type { Targets } from '../model/targets.ts';

/** A link found in a text field, a body or `links[].url`, where it was written. */
export interface SiteLink {
  file: string;
  line?: number;
  field?: string;
  href: string;
  /** The page of the file the link is in (`/werl/buergerbuero/`), for relative links. */
  page: string;
}

/** A link with no scheme: a site path (`/…`) or relative (`../…`, `impressum`, `#…`). */
export function isSiteLink(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href.trim()) && !href.trim().startsWith('//');
}

/**
 * Whether a `links[].url` names a page of this site (a path, or a relative link the rule
 * reports) rather than a web address; `www.soest.de` is a web address without its https://,
 * `Website der Stadt` no address at all.
 */
export function isSitePathUrl(url: string): boolean {
  const value = url.trim();
  // Words with spaces (`Website der Stadt`) are no address at all: the URL rule says so.
  return isSiteLink(value) && !/\s/.test(value) && !/^[\w-]+(\.[\w-]+)+(\/.*)?$/.test(value);
}

function split(href: string): { path: string; anchor: string } {
  const hash = href.indexOf('#');
  const beforeHash = hash === -1 ? href : href.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const path = query === -1 ? beforeHash : beforeHash.slice(0, query);
  let anchor = hash === -1 ? '' : href.slice(hash + 1);
  try {
    anchor = decodeURIComponent(anchor);
  } catch {
    // Left as written: it will not match an id, and the message shows it.
  }
  return { path, anchor };
}

/**
 * The existing path an editor most likely meant: the same path with a trailing slash or in
 * small letters; else one with a typo (a quarter of the letters off: `/soest/buergerburo/`);
 * else the longest existing page the path starts with (`/werl-alt/` → `/werl/`).
 */
export function closestPath(path: string, targets: Targets): string | undefined {
  if (targets.has(`${path}/`)) return `${path}/`;
  const lower = path.toLowerCase();
  const paths = [...targets.keys()];
  const exact = paths.find((p) => p.toLowerCase() === lower || p.toLowerCase() === `${lower}/`);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of paths) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(path.length / 4))) return best;
  const prefixes = paths.filter((p) => p.length > 1 && p.endsWith('/') && lower.startsWith(p.slice(0, -1).toLowerCase()));
  return prefixes.sort((a, b) => b.length - a.length)[0];
}

/**
 * What a relative link was meant to be: the path it resolves to on the file's page if that
 * exists, else the link read from the site's root (`impressum` → `/impressum/`), else the path
 * closest to where it resolves.
 */
function meantPath(href: string, resolved: string, targets: Targets): string | undefined {
  const { path } = split(resolved);
  if (targets.has(path)) return resolved;
  const fromRoot = new URL(href, 'https://site.invalid/');
  const rootPath = fromRoot.pathname;
  const rest = `${fromRoot.search}${fromRoot.hash}`;
  if (targets.has(rootPath)) return rootPath + rest;
  if (targets.has(`${rootPath}/`)) return `${rootPath}/${rest}`;
  const near = closestPath(path, targets);
  return near && near + resolved.slice(path.length);
}

/** The error for one link, or undefined when it resolves. `base` is the site's BASE_PATH. */
export function checkLink(link: SiteLink, targets: Targets, base: string): ContentError | undefined {
  const where = { file: link.file, line: link.line, field: link.field };
  const href = link.href.trim();
  if (!href.startsWith('/')) {
    const url = new URL(href, `https://site.invalid${link.page}`);
    const resolved = `${url.pathname}${url.search}${url.hash}`;
    const suggestion = meantPath(href, resolved, targets);
    return {
      ...where,
      code: 'linkRelative',
      params: { found: link.href, resolved },
      ...(suggestion ? { hint: { code: 'didYouMean', params: { suggestion } } } : {}),
    };
  }
  const { path, anchor } = split(href);
  const anchors = targets.get(path);
  if (anchors === undefined) {
    // Written with the base path (`/notfall/werl/`), which the site adds itself.
    const withoutBase = base !== '/' && path.startsWith(base) ? `/${path.slice(base.length)}` : undefined;
    if (withoutBase && targets.has(withoutBase)) {
      return { ...where, code: 'linkUnknown', params: { found: link.href }, hint: { code: 'basePath', params: { base, suggestion: href.replace(base, '/') } } };
    }
    const suggestion = closestPath(path, targets);
    return {
      ...where,
      code: 'linkUnknown',
      params: { found: link.href },
      ...(suggestion ? { hint: { code: 'didYouMean', params: { suggestion: suggestion + href.slice(path.length) } } } : {}),
    };
  }
  if (anchor === '' || anchors === 'any' || anchors.has(anchor)) return undefined;
  const suggestion = closest(anchor, [...anchors]);
  return {
    ...where,
    code: 'linkAnchor',
    params: { found: link.href, page: path, anchor },
    ...(suggestion ? { hint: { code: 'didYouMean', params: { suggestion: `${path}#${suggestion}` } } } : {}),
  };
}

/** Every link that does not resolve, as errors. */
export function checkLinks(links: readonly SiteLink[], targets: Targets, base: string): ContentError[] {
  return links.flatMap((link) => checkLink(link, targets, base) ?? []);
}
