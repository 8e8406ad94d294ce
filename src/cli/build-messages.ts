/**
 * What `aushang build` (src/cli/build.ts, the parent) and the process that checks the content
 * and renders the pages with Astro (src/cli/build-pages.ts, its child) tell each other over
 * the child's IPC channel: plain data (sent as V8's structured clone), one object per message, told apart by `type`.
 *
 * The order: the child checks and sends `checked`; the parent makes the temporary folders and
 * sends `build`; the child renders into them (for a site of up to `FEED_PAGE_LIMIT` indexed pages
 * sending the pages' indexed parts as they are written, a batch at a time: `pages`), writes
 * `aushang-build.json`, sends `result` and exits. The parent builds the search index (Pagefind): fed with those pages while
 * Astro renders, or, for a larger site, only after the child has exited, so that Pagefind's
 * peak never comes beside a process that holds Astro's memory.
 */

/** What the child is started with (its one argument, as JSON). */
export interface PagesOptions {
  contentDir: string;
  keepLastGood: boolean;
  drill: boolean;
}

/** The content checked clean (or its refused files were held back): the parent may make the folders. */
export interface CheckedMessage {
  type: 'checked';
  /**
   * The pages that will carry an indexed part, sorted (`indexedPages`), when the search index is
   * fed while Astro renders (`pagesToFeed`): the parent starts Pagefind and takes `pages` messages.
   */
  indexedPages?: string[];
  /** The content language, for the search index's stemming (`settings.contentLanguage`), fed or not. */
  contentLanguage?: string;
  /**
   * How many parts the search index has, when more than one (src/model/search-parts.ts): the
   * search page and the service worker name that many, and the parent must write as many.
   */
  searchParts?: number;
}

/** A page Astro has just rendered (the bytes it writes): its file below the site folder and its indexed part (`indexedPart`). */
export interface RenderedPage {
  file: string;
  part: string;
}

/** Pages Astro has just rendered, in the order it rendered them (a batch: `pageBatches` in src/cli/rendered-pages.ts). */
export interface PageMessage {
  type: 'pages';
  pages: RenderedPage[];
}

/** The pages are written; what the parent needs of the content for the rest of the build. */
export interface ResultMessage {
  type: 'result';
  /** The site's address base (`/`, `/notfall/`), for `_headers`. */
  base: string;
  /** The web editor's Git host origins, allowed in `/admin/`'s policy; absent without an editor. */
  gitHostOrigins?: string[];
  /** The child's phases in milliseconds: check, astro, buildInfo. */
  phases: Record<string, number>;
  /** The child's peak resident memory. */
  maxRssBytes: number;
}

/** child → parent. */
export type FromPages = CheckedMessage | PageMessage | ResultMessage;

/** parent → child: render the pages into `site`, with `work` as Astro's working folder. */
export interface BuildMessage {
  type: 'build';
  site: string;
  work: string;
}

/** parent → child. */
export type ToPages = BuildMessage;
