/**
 * The one place that knows where things live. Every link on every page, in the API and in
 * feeds comes from here, so the same build works at a domain root and below a path.
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
  /** True when SITE_URL is set. */
  hasSite: boolean;
  /** Absolute URL for documents that need one (feeds): SITE_URL, else the local preview. */
  canonical(sitePath: string): string;
  townFeed(town: string): string;
  feed(): string;
  /** A site path (`/soest/`) below the base: `/notfall/soest/`. */
  path(sitePath: string): string;
  /** Absolute when SITE_URL is set, else root-relative with the base. */
  public(sitePath: string): string;
  /** Absolute URL, or undefined without SITE_URL. */
  absolute(sitePath: string): string | undefined;
  home(): string;
  town(town: string): string;
  service(town: string, service: string): string;
  task(town: string, service: string, anchor: string): string;
  incident(incident: string): string;
  page(page: string): string;
  /** `/anliegen/`, `/anliegen/s/`, `/anliegen/s/2/`. */
  az(letter?: string, page?: number): string;
  /** The web editor (only built with `editor:` in site.yaml). */
  editor(): string;
  search(query?: string): string;
  notice(town: string): string;
}

export function createUrls(settings: UrlSettings): Urls {
  const path = (sitePath: string) => settings.base + sitePath.replace(/^\/+/, '');
  const absolute = (sitePath: string) => (settings.site ? new URL(path(sitePath), settings.site).href : undefined);
  return {
    base: settings.base,
    hasSite: settings.site !== undefined,
    canonical: (sitePath) => absolute(sitePath) ?? new URL(path(sitePath), previewOrigin).href,
    path,
    absolute,
    public: (sitePath) => absolute(sitePath) ?? path(sitePath),
    home: () => path('/'),
    town: (town) => path(`/${town}/`),
    service: (town, service) => path(`/${town}/${service}/`),
    task: (town, service, anchor) => `${path(`/${town}/${service}/`)}#${anchor}`,
    incident: (incident) => path(`/stoerungen/${incident}/`),
    page: (page) => path(`/${page}/`),
    az: (letter, page) => path(letter ? `/anliegen/${letter}/${page && page > 1 ? `${page}/` : ''}` : '/anliegen/'),
    editor: () => path('/admin/'),
    search: (query) => path('/suche/') + (query ? `?q=${encodeURIComponent(query)}` : ''),
    notice: (town) => path(`/${town}/aushang/`),
    feed: () => path('/feed.xml'),
    townFeed: (town) => path(`/${town}/feed.xml`),
  };
}
