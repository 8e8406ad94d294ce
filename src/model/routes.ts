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

/** The API files' schemas (`/api/v1/schema/<name>.json`). */
export type SchemaName = 'towns' | 'town' | 'incidents';
export const schemaNames: readonly SchemaName[] = ['towns', 'town', 'incidents'];

/** An anchor on a page: `/werl/buergerbuero/` + `anliegen-x` → `/werl/buergerbuero/#anliegen-x`. */
const anchored = (path: string, id: string) => `${path}#${id}`;

export const routes = {
  home: () => '/',
  town: (town: string) => `/${town}/`,
  /** The town's printable notice for the notice board. */
  notice: (town: string) => `/${town}/aushang/`,
  townFeed: (town: string) => `/${town}/feed.xml`,
  service: (town: string, service: string) => `/${town}/${service}/`,
  /** A task's anchor on its service page (the id the model gives it, `anliegen-…`). */
  task: (town: string, service: string, task: string) => anchored(`/${town}/${service}/`, task),
  /** An update's anchor on the page that shows it (`neu-20231103-1417`). */
  update: (pagePath: string, update: string) => anchored(pagePath, update),
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
  feed: () => '/feed.xml',
  robots: () => '/robots.txt',
  sitemap: () => '/sitemap-index.xml',
  /** A file of the build that is no page: `favicon.svg`, `pagefind/pagefind.js`. */
  file: (name: string) => `/${name.replace(/^\/+/, '')}`,
  api: {
    towns: () => '/api/v1/towns.json',
    town: (town: string) => `/api/v1/towns/${town}.json`,
    incidents: () => '/api/v1/incidents.json',
    schema: (name: SchemaName) => `/api/v1/schema/${name}.json`,
  },
} as const;
