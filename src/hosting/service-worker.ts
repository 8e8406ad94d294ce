/**
 * Offline after the first visit: the service worker the build writes as `sw.js` at the site's
 * base (same origin, no third parties; `src/pages/sw.js.ts`). Decisions:
 *
 * - Pages: network first, so a citizen online always gets the published version (through the
 *   browser's HTTP cache, i.e. at most as old as the host's one-minute `Cache-Control` allows).
 *   Each page that arrives is saved with the moment it was saved. When the network fails (or
 *   the host answers with a server error), the saved copy is served with a note injected at the
 *   top of `<main>`: "Offline gespeichert, Stand …" (the moment it was saved). A saved copy is
 *   never served without that note, and never while the network answers.
 * - Files named after their content (`assets/`, Pagefind's index chunks, filters, fragments and
 *   `.pf_meta`): cache first — they never change. Pagefind's other files (`pagefind.js`, its
 *   worker, the WebAssembly, `pagefind-entry.json?ts=<build>`): network first, saved for offline.
 *   So search works offline over what was fetched before (the pages' search asks Pagefind with
 *   `metaCacheTag`, which makes the entry file's address stable within one build).
 * - Nothing else is touched (feeds, the API, the word list, other origins).
 * - At most 400 files are kept (the oldest go first); saved pages are kept until the
 *   browser clears them.
 *
 * The worker is a plain function turned into source text (`serviceWorkerSource`): it must not
 * use anything from outside its own body.
 */

/** What the built `sw.js` knows of its site. */
export interface OfflineWorkerConfig {
  /** The site's base path, `/` or `/notfall/`. */
  base: string;
  /** The interface language's locale and the site's time zone, for the saved moment. */
  locale: string;
  timeZone: string;
  /** The note on a saved copy, with `{time}` for the moment it was saved (plain text). */
  note: string;
}

/** The parts of the service worker scope this worker uses (the DOM library does not declare them). */
interface WorkerScope {
  location: Location;
  registration: { unregister(): Promise<boolean> };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
interface ExtendableEvent {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

/** The worker itself. Runs in the service worker scope with `config` from the build. */
export function offlineWorker(config: OfflineWorkerConfig): void {
  const sw = self as unknown as WorkerScope;
  const pagesCache = 'aushang-pages';
  const filesCache = 'aushang-files';
  const savedHeader = 'x-aushang-saved';
  const fileLimit = 400;
  const base = config.base;

  /** Files whose name changes with their content. */
  const contentNamed = (path: string) => /^(assets|pagefind\/(fragment|index|filter))\//.test(path) || /^pagefind\/pagefind\.[^/]+\.pf_meta$/.test(path);

  /** A page's key: its address without query and fragment (`/suche/?q=…` is the search page). */
  const pageKey = (url: URL) => `${url.origin}${url.pathname}`;

  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  const savedAt = (iso: string) => {
    try {
      return new Intl.DateTimeFormat(config.locale, { dateStyle: 'full', timeStyle: 'short', timeZone: config.timeZone }).format(new Date(iso));
    } catch {
      return iso;
    }
  };

  /** The saved copy with the note at the top of its main content (or of its body). */
  const markSaved = async (saved: Response): Promise<Response> => {
    const at = saved.headers.get(savedHeader) ?? '';
    const note = `<div class="banner offline-note" role="note" data-offline-saved="${escape(at)}"><p>${escape(config.note.replace('{time}', savedAt(at)))}</p></div>`;
    const html = await saved.text();
    const place = /<main\b[^>]*>/.exec(html) ?? /<body\b[^>]*>/.exec(html);
    const marked = place ? html.slice(0, place.index + place[0].length) + note + html.slice(place.index + place[0].length) : note + html;
    const headers = new Headers(saved.headers);
    headers.set('x-aushang-offline', at);
    headers.delete('content-length');
    return new Response(marked, { status: 200, headers });
  };

  const savePage = async (key: string, response: Response) => {
    const headers = new Headers(response.headers);
    headers.set(savedHeader, new Date().toISOString());
    const copy = new Response(await response.blob(), { status: 200, headers });
    await (await caches.open(pagesCache)).put(key, copy);
  };

  const page = async (event: FetchEvent): Promise<Response> => {
    const key = pageKey(new URL(event.request.url));
    let response: Response;
    try {
      response = await fetch(event.request);
    } catch (error) {
      const saved = await caches.match(key, { cacheName: pagesCache });
      if (saved) return markSaved(saved);
      throw error;
    }
    if (response.status >= 500) {
      const saved = await caches.match(key, { cacheName: pagesCache });
      if (saved) return markSaved(saved);
    }
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 200 && response.type === 'basic' && type.startsWith('text/html')) {
      event.waitUntil(savePage(key, response.clone()).catch(() => undefined));
    }
    return response;
  };

  /** Keeps the files cache within its limit, oldest first. */
  const trim = async (cache: Cache) => {
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - fileLimit))) await cache.delete(old);
  };

  const keep = async (request: Request, response: Response) => {
    const cache = await caches.open(filesCache);
    await cache.put(request, response);
    await trim(cache);
  };

  const cacheFirst = async (event: FetchEvent): Promise<Response> => {
    const cached = await caches.match(event.request, { cacheName: filesCache });
    if (cached) return cached;
    const response = await fetch(event.request);
    if (response.ok && response.type === 'basic') event.waitUntil(keep(event.request, response.clone()).catch(() => undefined));
    return response;
  };

  const networkFirst = async (event: FetchEvent): Promise<Response> => {
    try {
      const response = await fetch(event.request);
      if (response.ok && response.type === 'basic') event.waitUntil(keep(event.request, response.clone()).catch(() => undefined));
      return response;
    } catch (error) {
      const cached = await caches.match(event.request, { cacheName: filesCache });
      if (cached) return cached;
      throw error;
    }
  };

  sw.addEventListener('install', (event) => event.waitUntil(sw.skipWaiting()));
  sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));
  sw.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== sw.location.origin || !url.pathname.startsWith(base)) return;
    const path = url.pathname.slice(base.length);
    if (request.mode === 'navigate') event.respondWith(page(event));
    else if (contentNamed(path)) event.respondWith(cacheFirst(event));
    else if (path.startsWith('pagefind/') && !path.endsWith('.txt')) event.respondWith(networkFirst(event));
  });
}

/**
 * With `offline: false`: a worker that removes itself and what it saved. A browser that
 * installed the offline worker fetches `sw.js` again on its next visit, gets this one, and from
 * then on loads every page from the network as if no worker had ever been there.
 */
export function removingWorker(): void {
  const sw = self as unknown as WorkerScope;
  const forget = async () => {
    for (const name of await caches.keys()) if (name.startsWith('aushang-')) await caches.delete(name);
  };
  sw.addEventListener('install', (event) => event.waitUntil(sw.skipWaiting()));
  sw.addEventListener('activate', (event) =>
    event.waitUntil(
      (async () => {
        // Take over the open pages first, so the old worker handles nothing more.
        await sw.clients.claim();
        await forget();
        await sw.registration.unregister();
        // What the old worker was still saving when it was replaced.
        await new Promise((done) => setTimeout(done, 2000));
        await forget();
      })(),
    ),
  );
}

/** What the worker for a search index in parts knows: the base and the further parts' folders (`pagefind_2`, …). */
export interface PartsWorkerConfig {
  base: string;
  folders: readonly string[];
}

/**
 * Beside the offline worker, for a search index in parts (src/model/search-parts.ts): the
 * further parts' folders are kept as `pagefind/` is — their chunk folders and `.pf_meta` cache
 * first, their entry file network first, saved for offline — in the same cache, within the same
 * limit. A listener of its own, so that the offline worker, and `sw.js` of a site in one part,
 * stay as they were; the two never answer the same request.
 */
export function offlinePartsWorker(config: PartsWorkerConfig): void {
  const sw = self as unknown as WorkerScope;
  const filesCache = 'aushang-files';
  const fileLimit = 400;
  const inPart = (path: string) => config.folders.some((folder) => path.startsWith(`${folder}/`));
  const contentNamed = (path: string) => /^[^/]+\/(fragment|index|filter)\//.test(path) || /^[^/]+\/pagefind\.[^/]+\.pf_meta$/.test(path);

  const keep = async (request: Request, response: Response) => {
    const cache = await caches.open(filesCache);
    await cache.put(request, response);
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - fileLimit))) await cache.delete(old);
  };

  const fetched = async (event: FetchEvent, cachedFirst: boolean): Promise<Response> => {
    const cached = cachedFirst ? await caches.match(event.request, { cacheName: filesCache }) : undefined;
    if (cached) return cached;
    try {
      const response = await fetch(event.request);
      if (response.ok && response.type === 'basic') event.waitUntil(keep(event.request, response.clone()).catch(() => undefined));
      return response;
    } catch (error) {
      const saved = await caches.match(event.request, { cacheName: filesCache });
      if (saved) return saved;
      throw error;
    }
  };

  sw.addEventListener('fetch', (event) => {
    const url = new URL(event.request.url);
    if (event.request.method !== 'GET' || url.origin !== sw.location.origin || !url.pathname.startsWith(config.base)) return;
    const path = url.pathname.slice(config.base.length);
    if (inPart(path)) event.respondWith(fetched(event, contentNamed(path)));
  });
}

/**
 * The text of `sw.js`: the offline worker with its settings, or the removing one. With the
 * further parts of a search index in parts (`parts`), the offline worker is followed by the
 * one that keeps them (`offlinePartsWorker`).
 */
export function serviceWorkerSource(config: OfflineWorkerConfig | undefined, parts: readonly string[] = []): string {
  const header = '// Written by the Aushang build (src/hosting/service-worker.ts).\n';
  if (!config) return `${header}'use strict';\n(${removingWorker.toString()})();\n`;
  const partsWorker = parts.length > 0 ? `(${offlinePartsWorker.toString()})(${JSON.stringify({ base: config.base, folders: parts })});\n` : '';
  return `${header}'use strict';\n(${offlineWorker.toString()})(${JSON.stringify(config)});\n${partsWorker}`;
}
