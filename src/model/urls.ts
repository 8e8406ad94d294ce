/**
 * The one place that knows where the site lives. `routes.ts` names every page's site path
 * (`/soest/`), the model stores those; every link on every page, in the API and in feeds gets
 * its base path or address here, so the same build works at a domain root and below a path.
 * `BASE_PATH` (e.g. `/notfall/`) and `SITE_URL` (e.g. `https://notfall.kreis-soest.de`) come
 * from the environment; since 1.2 site.yaml may name the address (`url`) and its mirrors, and
 * the environment overrides `url` for one build (`withSiteAddress`).
 */

export interface UrlSettings {
  /** Always starts and ends with `/`. */
  base: string;
  /** Origin plus base, without trailing slash, or undefined when not set. */
  site?: string;
}

/** `notfall` → `/notfall/`; empty → `/`. */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function urlSettingsFromEnv(env: Record<string, string | undefined> = process.env): UrlSettings {
  const base = normalizeBase(env.BASE_PATH);
  const siteUrl = env.SITE_URL?.trim();
  if (!siteUrl) return { base };
  const origin = new URL(siteUrl).origin;
  return { base, site: `${origin}${base}`.replace(/\/$/, '') };
}

/**
 * The address a build uses. `SITE_URL` (with `BASE_PATH`) wins for one build; without it,
 * site.yaml's `url` gives the origin and, unless `BASE_PATH` names one, the base path: the site
 * lives where its address says (`https://www.example.de/notfall/` → base `/notfall/`).
 */
export function withSiteAddress(fromEnv: UrlSettings, url: string | undefined): UrlSettings {
  if (fromEnv.site !== undefined || url === undefined) return fromEnv;
  const address = new URL(url);
  const base = fromEnv.base !== '/' ? fromEnv.base : normalizeBase(address.pathname);
  return { base, site: `${address.origin}${base}`.replace(/\/$/, '') };
}

/**
 * Every address the site is published at, as a citizen should know them: its own (when it
 * has one), then its mirrors, each once, with a trailing slash.
 */
export function publicAddresses(settings: UrlSettings, mirrors: readonly string[]): string[] {
  const own = settings.site === undefined ? [] : [`${settings.site}/`];
  return [...new Set([...own, ...mirrors])];
}

/** An address as printed for people to type: `https://kreis-soest.gitlab.io/notfall/` → `kreis-soest.gitlab.io/notfall`. */
export function displayAddress(address: string): string {
  return address.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** Where `npm start` serves the site: feeds and sitemaps fall back to it without SITE_URL. */
export const previewOrigin = 'http://localhost:4321';

export interface Urls {
  base: string;
  /** True when the site has an address (SITE_URL or site.yaml's `url`). */
  hasSite: boolean;
  /** A site path (`/soest/`, from `routes`) below the base: `/notfall/soest/`. */
  path(sitePath: string): string;
  /** The other way: `/notfall/soest/` → `/soest/` (`sitePathOf`); undefined when not below the base. */
  sitePath(pathname: string): string | undefined;
  /** Absolute when the site has an address, else root-relative with the base. */
  public(sitePath: string): string;
  /** Absolute URL, or undefined without an address. */
  absolute(sitePath: string): string | undefined;
  /** Absolute URL for documents that need one (feeds, robots.txt): the address, else the local preview. */
  canonical(sitePath: string): string;
  /**
   * A link of the model as a page shows it: a site path (a channel's or a town link's
   * `/soest/buergerbuero/`) gets the base path; `tel:`, `mailto:` and web addresses stay.
   */
  href(link: string): string;
  /** The same for the API and other documents read elsewhere: a site path becomes `public`. */
  publicHref(link: string): string;
}

/**
 * The site path (`/werl/`, what `routes` gives) of an address's path below the base
 * (`/notfall/werl/` with base `/notfall/`); undefined for a path not below it. What `path` undoes.
 */
export function sitePathOf(base: string, pathname: string): string | undefined {
  const prefix = base.replace(/\/?$/, '/');
  return pathname.startsWith(prefix) ? pathname.slice(prefix.length - 1) : undefined;
}

/** A site path rather than a web address or a `tel:`/`mailto:` link. */
const isSitePath = (link: string) => link.startsWith('/') && !link.startsWith('//');

export function createUrls(settings: UrlSettings): Urls {
  const path = (sitePath: string) => settings.base + sitePath.replace(/^\/+/, '');
  const absolute = (sitePath: string) => (settings.site ? new URL(path(sitePath), settings.site).href : undefined);
  const publicUrl = (sitePath: string) => absolute(sitePath) ?? path(sitePath);
  return {
    base: settings.base,
    hasSite: settings.site !== undefined,
    path,
    sitePath: (pathname) => sitePathOf(settings.base, pathname),
    public: publicUrl,
    absolute,
    canonical: (sitePath) => absolute(sitePath) ?? new URL(path(sitePath), previewOrigin).href,
    href: (link) => (isSitePath(link) ? path(link) : link),
    publicHref: (link) => (isSitePath(link) ? publicUrl(link) : link),
  };
}

/**
 * What `astro.config.mjs` needs: Astro's `base` (`/notfall/` or `/`) and `site` (the origin of
 * `SITE_URL`, which the build sets from the resolved address), from the same normaliser.
 */
export function astroAddress(env: Record<string, string | undefined> = process.env): { base: string; site?: string } {
  const { base, site } = urlSettingsFromEnv(env);
  return site === undefined ? { base } : { base, site: new URL(site).origin };
}
