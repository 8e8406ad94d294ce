/**
 * Each page Astro renders, handed on as it is rendered: its file (`werl/index.html`) and its
 * indexed part (`indexedPart`), for the search index fed while Astro renders
 * (src/cli/search-feed.ts). One function receives them, `onRenderedPage`, so that a build
 * rendering in another process can pass them on as small messages.
 *
 * Astro 7 lets an integration wrap its prerenderer (`astro:build:start`, `setPrerenderer`): the
 * wrapper reads each page's response once and hands Astro a response of the very same bytes,
 * which Astro writes to disk. It also renders the expected pages (`first`) first, in their
 * order, so that they arrive roughly as the search index needs them; which page wins when two
 * routes make the same path is decided by their order, so the order is left alone if any path
 * repeats. Nothing in the output depends on the order pages are rendered in (Astro renders
 * several at a time anyway; the sitemap sorts its addresses).
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import type { RenderedPage } from './build-messages.ts';
import { indexedPart } from './search-index.ts';
import { pageFile } from './search-feed.ts';
import { sitePathOf } from '../model/urls.ts';

/** A path as the prerenderer lists it: Astro 7.4 lists `PathWithRoute[] | { paths, metadata }`, 7.3 only the array. */
type PathWithRoute = Extract<Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>, readonly unknown[]>[number];

/** A rendered page's file below the output folder and its indexed part. */
export type OnRenderedPage = (file: string, indexedPart: string) => void;

/**
 * Rendered pages handed on a batch at a time: each message to the parent is a write to the
 * channel that wakes it, ≈ 0.1 ms apiece with one message a page (the district's 2,233 pages:
 * 0.2 s of the child's time). A batch goes once its parts hold `maxChars` characters, `maxWaitMs`
 * after its first page, or when flushed — before the build's result, which must come after every
 * page. The order of the pages is kept.
 */
export function pageBatches(send: (pages: RenderedPage[]) => void, { maxChars = 256 * 1024, maxWaitMs = 50 } = {}): { add: OnRenderedPage; flush: () => void } {
  let batch: RenderedPage[] = [];
  let chars = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (batch.length === 0) return;
    const full = batch;
    batch = [];
    chars = 0;
    send(full);
  };
  const add: OnRenderedPage = (file, part) => {
    batch.push({ file, part });
    chars += part.length;
    if (chars >= maxChars) flush();
    else timer ??= setTimeout(flush, maxWaitMs);
  };
  return { add, flush };
}

/** `/notfall/werl/` with base `/notfall/` → `werl/index.html`; undefined for a path that is not a folder below the base. */
export function fileOfRequest(url: string, base: string): string | undefined {
  const sitePath = sitePathOf(base, decodeURI(new URL(url).pathname));
  return sitePath?.endsWith('/') ? pageFile(sitePath) : undefined;
}

/** The paths with the pages of `first` at the front, in that order; the rest as they were. */
export function renderFirst<T extends { pathname: string; route: { type: string } }>(paths: readonly T[], first: readonly string[]): T[] {
  const normalized = paths.map((entry) => entry.pathname.replace(/\/$/, ''));
  if (new Set(normalized).size !== normalized.length) return [...paths];
  const rank = new Map(first.map((file, i) => [file, i]));
  const rankOf = (entry: T) => (entry.route.type === 'page' ? rank.get(pageFile(entry.pathname.replace(/\/?$/, '/'))) : undefined);
  const front = paths.filter((entry) => rankOf(entry) !== undefined).sort((a, b) => rankOf(a)! - rankOf(b)!);
  return [...front, ...paths.filter((entry) => rankOf(entry) === undefined)];
}

/**
 * What Astro's prerenderer listed, with the pages of `first` at the front (`renderFirst`), in the
 * same shape: Astro 7.3 lists the paths as an array; 7.4's own prerenderer lists them as
 * `{ paths, metadata }` (7.4 still accepts the bare array, deprecated). The array stays handled:
 * Astro 7.4 still allows it for a prerenderer, and 7.3 used it. Any other shape is handed back
 * as it came.
 */
export function inRenderOrder<T>(listed: T, first: readonly string[]): T {
  if (Array.isArray(listed)) return renderFirst<PathWithRoute>(listed as PathWithRoute[], first) as T;
  const paths = (listed as { paths?: unknown } | null)?.paths;
  if (Array.isArray(paths)) return { ...listed, paths: renderFirst<PathWithRoute>(paths as PathWithRoute[], first) };
  return listed;
}

/**
 * Hands `onRenderedPage` each page of `first` (files, as `indexedPages` lists them) that Astro
 * renders with an indexed part, and renders those pages first.
 */
export function renderedPagesIntegration(first: readonly string[], onRenderedPage: OnRenderedPage): AstroIntegration {
  const wanted = new Set(first);
  let base = '/';
  return {
    name: 'aushang-rendered-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((astro) => ({
          name: 'aushang:rendered-pages',
          setup: async () => astro.setup?.(),
          teardown: async () => astro.teardown?.(),
          ...(astro.collectStaticImages ? { collectStaticImages: () => astro.collectStaticImages!() } : {}),
          getStaticPaths: async () => inRenderOrder(await astro.getStaticPaths(), first),
          render: async (request, options) => {
            const rendered = await astro.render(request, options);
            const file = options.routeData.type === 'page' ? fileOfRequest(request.url, base) : undefined;
            if (file === undefined || !wanted.has(file)) return rendered;
            const { response, metadata } = rendered instanceof Response ? { response: rendered, metadata: undefined } : rendered;
            if (response.status !== 200 || response.body === null) return rendered;
            const bytes = Buffer.from(await response.arrayBuffer());
            const part = indexedPart(bytes.toString('utf8'));
            if (part !== undefined) onRenderedPage(file, part);
            // The same bytes for Astro to write.
            const same = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
            return metadata === undefined ? same : { response: same, metadata };
          },
        }));
      },
    },
  };
}
