/**
 * Every route of the site in one place: the site path of each page and file the build makes,
 * without the base path (`/werl/buergerbuero/`), as editors write site links and as the model
 * stores them. `urls.ts` is the one place that adds the base path or the public address
 * (`urls.path(routes.town('werl'))` → `/notfall/werl/`). Nothing here knows `BASE_PATH` or
 * `SITE_URL`, and this module imports nothing.
 *
 * The same build's pages live under `src/pages/` (Astro's file routes); a new route is added
 * here and there, and `model/targets.ts` lists it for the link rule.
 */

/** The API files' schemas (`/api/v1/schema/<name>.json`), made from the API's shape. */
export type SchemaName = 'towns' | 'town' | 'incidents';
export const schemaNames: readonly SchemaName[] = ['towns', 'town', 'incidents'];
/** `status.json`'s schema is written by hand (`src/api-schema/status.ts`) and built on its own page. */
type AnySchemaName = SchemaName | 'status';

/** The feed formats' file names, each at the root (`/feed.atom`) and in each town's folder (`/soest/feed.atom`). */
export const feedFiles = { rss: 'feed.xml', atom: 'feed.atom', json: 'feed.json' } as const;
export type FeedFormat = keyof typeof feedFiles;

/**
 * Files the build writes under a fixed name: the CAP alerts, the calendar and the badge (the
 * last two also in each town's folder), and at the root the offline service worker, the
 * hosting manifest and the build's facts (the hosting code writes the last two into the
 * output folder by these names).
 */
export const fileNames = {
  cap: 'cap.xml',
  calendar: 'geplant.ics',
  badge: 'badge.svg',
  serviceWorker: 'sw.js',
  manifest: 'manifest.json',
  buildInfo: 'aushang-build.json',
} as const;

/**
 * Folders the build owns at the root: Astro's bundled files named after their content
 * (astro.config.mjs `build.assets`), the JSON API, and Pagefind's script and index (the
 * hosting code caches and labels them by these names).
 */
export const folderNames = { assets: 'assets', api: 'api', pagefind: 'pagefind' } as const;
/**
 * The folder of the search index's part `part` (0, 1, …; src/model/search-parts.ts): the first
 * is Pagefind's usual `pagefind/`, the others its siblings `pagefind_2/`, `pagefind_3/`, … —
 * with `_`, which no slug has, so no town or page can take their names.
 */
export function searchPartFolder(part: number): string {
  return part === 0 ? folderNames.pagefind : `${folderNames.pagefind}_${part + 1}`;
}
/** The site paths (below the base) of the further parts' folders: `pagefind_2/`, … (the site path, not the base's). */
export const searchPartFolderPattern = /^pagefind_[0-9]+\//;
/** Pagefind's folders of files named after their content: its index chunks, filters and page fragments. */
export const pagefindChunkFolders = ['fragment', 'index', 'filter'] as const;
const apiV1 = `/${folderNames.api}/v1`;

/** `/feed.atom`, or `/<town>/feed.atom` with `town`. */
const feed = (format: FeedFormat = 'rss', town?: string) => `${town ? `/${town}` : ''}/${feedFiles[format]}`;

/** An anchor on a page: `/werl/buergerbuero/` + `anliegen-x` → `/werl/buergerbuero/#anliegen-x`. */
const anchored = (path: string, id: string) => `${path}#${id}`;

export const routes = {
  home: () => '/',
  town: (town: string) => `/${town}/`,
  /** The town's printable notice for the notice board. */
  notice: (town: string) => `/${town}/aushang/`,
  /** The town's feed (RSS unless another format is named): `/soest/feed.xml`. */
  townFeed: (town: string, format: FeedFormat = 'rss') => feed(format, town),
  /** 1.2: the town's status as a small picture for other websites. */
  badge: (town: string) => `/${town}/${fileNames.badge}`,
  service: (town: string, service: string) => `/${town}/${service}/`,
  /** A task's anchor on its service page (the id the model gives it, `anliegen-…`). */
  task: (town: string, service: string, task: string) => anchored(`/${town}/${service}/`, task),
  /** An update's anchor on the page that shows it (`neu-20231103-1417`). */
  update: (pagePath: string, update: string) => anchored(pagePath, update),
  /** Any other anchor on a page: a planned change in its list (`geplant-werl-20261219`). */
  anchor: (pagePath: string, id: string) => anchored(pagePath, id),
  incident: (incident: string) => `/stoerungen/${incident}/`,
  /** Every incident, open and resolved (the history). */
  incidents: () => '/stoerungen/',
  /** A page of its own (Impressum, Datenschutz, …). */
  page: (page: string) => `/${page}/`,
  /** `/anliegen/`, `/anliegen/s/`, `/anliegen/s/2/` (the first page of an initial has no number). */
  az: (letter?: string, page?: number) => (letter ? `/anliegen/${letter}/${page && page > 1 ? `${page}/` : ''}` : '/anliegen/'),
  /** The id of an initial's list on `/anliegen/` when the index fits on one page. */
  azLetterId: (letter: string) => `buchstabe-${letter}`,
  search: (query?: string) => `/suche/${query ? `?q=${encodeURIComponent(query)}` : ''}`,
  notFound: () => '/404/',
  /** The web editor (only built with `editor:` in site.yaml). */
  editor: () => '/admin/',
  /** The site's feed (RSS unless another format is named), or a town's with `town`. */
  feed,
  /** 1.2: the CAP 1.2 alerts of the whole site. */
  cap: () => `/${fileNames.cap}`,
  /** 1.2: the planned changes as an iCalendar feed: `/geplant.ics`, `/werl/geplant.ics`. */
  calendar: (town?: string) => `${town ? `/${town}` : ''}/${fileNames.calendar}`,
  /** The offline service worker (its scope is the base). */
  serviceWorker: () => `/${fileNames.serviceWorker}`,
  /** Every file of the build with its size and SHA-256 (`src/hosting/manifest.ts`). */
  manifest: () => `/${fileNames.manifest}`,
  /** What the build knows of itself: commit, time, rehearsal (`src/hosting/build-info.ts`). */
  buildInfo: () => `/${fileNames.buildInfo}`,
  /** Astro's bundled CSS and JS and the web editor's files, named after their content. */
  assets: () => `/${folderNames.assets}/`,
  /** Pagefind's folder: its script, index and the build's word list. */
  pagefind: () => `/${folderNames.pagefind}/`,
  /** Pagefind's script, which the search page loads. */
  pagefindScript: () => `/${folderNames.pagefind}/pagefind.js`,
  /** A part of the search index (`searchPartFolder`): `/pagefind/`, `/pagefind_2/`, … */
  searchPart: (part: number) => `/${searchPartFolder(part)}/`,
  /**
   * The script the search page loads when the index is in parts: Pagefind's own with the
   * further parts merged in (src/hosting/search-parts-script.ts).
   */
  searchPartsScript: () => `/${folderNames.pagefind}/aushang-parts.js`,
  /** Every word of the search index, for the search page's corrections (`src/vocabulary/wordlist.ts`). */
  wordList: () => `/${folderNames.pagefind}/aushang-words.txt`,
  robots: () => '/robots.txt',
  sitemap: () => '/sitemap-index.xml',
  /** A file of the build that is no page: `favicon.svg`, `pagefind/pagefind.js`. */
  file: (name: string) => `/${name.replace(/^\/+/, '')}`,
  api: {
    /** The whole API, every version (browsers may read it from any origin). */
    folder: () => `/${folderNames.api}/`,
    towns: () => `${apiV1}/towns.json`,
    town: (town: string) => `${apiV1}/towns/${town}.json`,
    incidents: () => `${apiV1}/incidents.json`,
    /** 1.2: the state at a glance, for banners and badges on other websites. */
    status: () => `${apiV1}/status.json`,
    schema: (name: AnySchemaName) => `${apiV1}/schema/${name}.json`,
  },
} as const;

/** 1.2: what the build writes at the root besides RSS, the API's town and incident files and the pages (links may name them). */
export const builtRootFiles = [routes.feed('atom'), routes.feed('json'), routes.cap(), routes.api.status(), routes.api.schema('status'), routes.calendar()] as const;
/** 1.2: what the build writes in each town's folder besides its pages and RSS feed, by name. */
export const builtTownFiles = [feedFiles.atom, feedFiles.json, fileNames.badge, fileNames.calendar] as const;

/** What `indexedRoutes` needs of a site (a `Site` has it): its towns with their services, its incidents. */
export interface IndexedSite {
  towns: readonly { slug: string; services: readonly { slug: string }[] }[];
  incidents: readonly { slug: string }[];
}

/**
 * The routes of the pages in the site's own search (Pagefind): each town's page, each of its
 * services' and each incident's — in a rehearsal (`--drill`) too, whose search works like the
 * real site's (only search engines are kept out). The one statement of that rule: the layout
 * marks exactly these pages for the index (`inSearch`, src/layouts/Layout.astro), and the build
 * feeds Pagefind with their pages while Astro renders (`indexedPages`, src/cli/search-feed.ts).
 * A new kind of page in the search is added here; its page gives the layout its search record.
 */
export function indexedRoutes(site: IndexedSite): string[] {
  return [
    ...site.towns.flatMap((town) => [routes.town(town.slug), ...town.services.map((service) => routes.service(town.slug, service.slug))]),
    ...site.incidents.map((incident) => routes.incident(incident.slug)),
  ];
}

/** The routes of `indexedRoutes`, collected once per site (the layout asks for every page). */
const indexedRouteSets = new WeakMap<IndexedSite, ReadonlySet<string>>();

/** Whether the page at `route` (`/werl/`, without the base path) is in the site's search (`indexedRoutes`). */
export function inSearch(site: IndexedSite, route: string): boolean {
  let set = indexedRouteSets.get(site);
  if (!set) indexedRouteSets.set(site, (set = new Set(indexedRoutes(site))));
  return set.has(route);
}
