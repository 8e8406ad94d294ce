/**
 * The offline service worker's rules, run in Node on its real source text (`sw.js` as the build
 * writes it) with a fake network and a Cache API in memory. The browser test with the network
 * cut is tests/e2e/offline.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { serviceWorkerSource, type OfflineWorkerConfig } from '../../../src/hosting/service-worker.ts';
import { pickIndex } from '../../../src/scripts/search-warm.ts';

const config: OfflineWorkerConfig = { base: '/notfall/', locale: 'de-DE', timeZone: 'Europe/Berlin', note: 'Offline gespeichert, Stand {time}.' };
const origin = 'https://notfall.example';

/** A Cache API in memory: caches by name, entries by URL. */
function memoryCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const keyOf = (request: Request | string) => (typeof request === 'string' ? request : request.url);
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      put: async (request: Request | string, response: Response) => void store.set(keyOf(request), response),
      match: async (request: Request | string) => store.get(keyOf(request))?.clone(),
      keys: async () => [...store.keys()].map((url) => new Request(url)),
      delete: async (request: Request | string) => store.delete(keyOf(request)),
    };
  };
  return {
    stores,
    open,
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (request: Request | string, options: { cacheName: string }) => stores.get(options.cacheName)?.get(keyOf(request))?.clone(),
  };
}

type Handler = (event: unknown) => void;

/** Starts the worker from its source; `network` answers its fetches (or throws: offline); `parts`: a search index's further parts. */
function startWorker(network: (request: Request) => Response, parts: readonly string[] = []) {
  const handlers = new Map<string, Handler[]>();
  const caches = memoryCaches();
  const self = {
    location: new URL(`${origin}/notfall/sw.js`),
    registration: { unregister: async () => true },
    clients: { claim: async () => undefined },
    skipWaiting: async () => undefined,
    addEventListener: (type: string, handler: Handler) => handlers.set(type, [...(handlers.get(type) ?? []), handler]),
  };
  // What a browser's fetch gives for the site's own files: a "basic" response.
  const fetch = async (request: Request) => Object.defineProperty(network(request), 'type', { value: 'basic' });
  new Function('self', 'caches', 'fetch', serviceWorkerSource(config, parts))(self, caches, fetch);

  /** Dispatches a fetch event; undefined when the worker leaves the request to the browser. */
  const request = async (path: string, mode: RequestMode | 'navigate' = 'navigate'): Promise<Response | undefined> => {
    let answer: Promise<Response> | undefined;
    const pending: Promise<unknown>[] = [];
    const req = new Request(`${origin}${path}`);
    Object.defineProperty(req, 'mode', { value: mode });
    // As in a browser, a second answer to one request is an error.
    const respondWith = (r: Promise<Response>) => {
      if (answer) throw new Error('InvalidStateError: answered twice');
      answer = r;
    };
    for (const handler of handlers.get('fetch')!) handler({ request: req, respondWith, waitUntil: (p: Promise<unknown>) => pending.push(p) });
    const response = await answer;
    await Promise.all(pending);
    return response;
  };
  return { request, caches };
}

const page = (text: string, status = 200) => new Response(`<!doctype html><html><body><main id="main">${text}</main></body></html>`, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });

describe('the offline service worker', () => {
  test('online: the page from the network, as it is; a copy is saved', async () => {
    let version = 'Erste Fassung';
    const worker = startWorker(() => page(version));
    expect(await (await worker.request('/notfall/soest/'))!.text()).toContain('Erste Fassung');
    version = 'Zweite Fassung';
    const html = await (await worker.request('/notfall/soest/'))!.text();
    expect(html).toContain('Zweite Fassung');
    expect(html).not.toContain('Offline gespeichert');
    expect([...worker.caches.stores.get('aushang-pages')!.keys()]).toEqual([`${origin}/notfall/soest/`]);
  });

  test('offline: the saved copy, marked with the moment it was saved, at the top of <main>', async () => {
    let online = true;
    const worker = startWorker(() => {
      if (!online) throw new TypeError('Failed to fetch');
      return page('Bürgerbüro geschlossen');
    });
    await worker.request('/notfall/soest/');
    online = false;
    const response = (await worker.request('/notfall/soest/?von=qr'))!;
    const html = await response.text();
    expect(html).toMatch(/<main id="main"><div class="banner offline-note" role="note" data-offline-saved="[^"]+"><p>Offline gespeichert, Stand [^,<]+, \d+\. \S+ \d{4} um \d\d:\d\d\.<\/p><\/div>Bürgerbüro geschlossen/);
    expect(response.headers.get('x-aushang-offline')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('a server error: the saved copy, marked; a page never saved: the error as it is', async () => {
    let status = 200;
    const worker = startWorker(() => page(status === 200 ? 'Stand gut' : 'Bad Gateway', status));
    await worker.request('/notfall/soest/');
    status = 502;
    expect(await (await worker.request('/notfall/soest/'))!.text()).toContain('Offline gespeichert');
    const unknown = (await worker.request('/notfall/werl/'))!;
    expect(unknown.status).toBe(502);
    expect(await unknown.text()).not.toContain('Offline gespeichert');
  });

  test('offline and never saved: no page is made up', async () => {
    const worker = startWorker(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(worker.request('/notfall/werl/')).rejects.toThrow('Failed to fetch');
  });

  test('a 404 page is passed on and not saved', async () => {
    const worker = startWorker(() => page('Nicht gefunden', 404));
    expect((await worker.request('/notfall/gibt-es-nicht/'))!.status).toBe(404);
    expect(worker.caches.stores.get('aushang-pages')).toBeUndefined();
  });

  test('files named after their content: from the cache once fetched; Pagefind’s others: network first', async () => {
    let calls = 0;
    let online = true;
    const worker = startWorker((request) => {
      if (!online) throw new TypeError('Failed to fetch');
      calls++;
      return new Response(`${new URL(request.url).pathname} #${calls}`);
    });
    for (const path of ['/notfall/assets/page.Ab12.js', '/notfall/pagefind/fragment/de_1.pf_fragment', '/notfall/pagefind/pagefind.de_abc.pf_meta']) {
      expect(await (await worker.request(path, 'cors'))!.text()).toBe(`${path} #${calls}`);
      expect(await (await worker.request(path, 'cors'))!.text(), path).toBe(`${path} #${calls}`);
    }
    expect(calls).toBe(3);
    const entry = '/notfall/pagefind/pagefind-entry.json?ts=abc';
    await worker.request(entry, 'cors');
    expect(await (await worker.request(entry, 'cors'))!.text()).toBe('/notfall/pagefind/pagefind-entry.json #5');
    online = false;
    expect(await (await worker.request(entry, 'cors'))!.text()).toBe('/notfall/pagefind/pagefind-entry.json #5');
  });

  test('a search index in parts: the further parts kept as pagefind/ is, by a listener of its own', async () => {
    let calls = 0;
    let online = true;
    const worker = startWorker((request) => {
      if (!online) throw new TypeError('Failed to fetch');
      calls++;
      return new Response(`${new URL(request.url).pathname} #${calls}`);
    }, ['pagefind_2', 'pagefind_3']);
    // Content-named: fetched once, then from the cache.
    for (const path of ['/notfall/pagefind_2/fragment/de_1.pf_fragment', '/notfall/pagefind_3/index/de_2.pf_index', '/notfall/pagefind_2/pagefind.de_abc.pf_meta']) {
      expect(await (await worker.request(path, 'cors'))!.text()).toBe(`${path} #${calls}`);
      expect(await (await worker.request(path, 'cors'))!.text(), path).toBe(`${path} #${calls}`);
    }
    expect(calls).toBe(3);
    // The entry file: network first, saved for offline.
    const entry = '/notfall/pagefind_3/pagefind-entry.json?ts=abc';
    await worker.request(entry, 'cors');
    expect(await (await worker.request(entry, 'cors'))!.text()).toBe('/notfall/pagefind_3/pagefind-entry.json #5');
    online = false;
    expect(await (await worker.request(entry, 'cors'))!.text()).toBe('/notfall/pagefind_3/pagefind-entry.json #5');
    // The first part and the pages are still the offline worker's; a folder that is no part is nobody's.
    await expect(worker.request('/notfall/pagefind/fragment/de_1.pf_fragment', 'cors')).rejects.toThrow('Failed to fetch');
    expect(await worker.request('/notfall/pagefind_4/index/de_2.pf_index', 'cors')).toBeUndefined();
    expect(await worker.request('/pagefind_2/index/de_2.pf_index', 'cors')).toBeUndefined();
  });

  // The two listeners write their own copy of the file-cache policy (each is turned into source
  // text alone): this holds them to one cache and one limit.
  test('the first part and the further parts share one files cache and its limit of 400, oldest first', async () => {
    const worker = startWorker((request) => new Response(new URL(request.url).pathname), ['pagefind_2']);
    for (let i = 0; i < 250; i++) {
      await worker.request(`/notfall/pagefind/fragment/de_${i}.pf_fragment`, 'cors');
      await worker.request(`/notfall/pagefind_2/fragment/de_${i}.pf_fragment`, 'cors');
    }
    expect([...worker.caches.stores.keys()]).toEqual(['aushang-files']);
    const kept = [...worker.caches.stores.get('aushang-files')!.keys()];
    expect(kept).toHaveLength(400);
    expect(kept[0]).toBe(`${origin}/notfall/pagefind/fragment/de_50.pf_fragment`);
    expect(kept.at(-1)).toBe(`${origin}/notfall/pagefind_2/fragment/de_249.pf_fragment`);
  });

  test('a site in one part gets sw.js as before: the parts worker only with parts', () => {
    expect(serviceWorkerSource(config, [])).toBe(serviceWorkerSource(config));
    expect(serviceWorkerSource(config)).not.toContain('offlinePartsWorker');
    const withParts = serviceWorkerSource(config, ['pagefind_2']);
    expect(withParts.startsWith(serviceWorkerSource(config))).toBe(true);
    expect(withParts).toContain('({"base":"/notfall/","folders":["pagefind_2"]});');
    expect(serviceWorkerSource(undefined, ['pagefind_2'])).toBe(serviceWorkerSource(undefined));
  });

  test('leaves alone what is not its own: other folders, feeds, the word list, other methods', async () => {
    const worker = startWorker(() => new Response('x'));
    expect(await worker.request('/anderswo/', 'navigate')).toBeUndefined();
    expect(await worker.request('/notfall/feed.xml', 'cors')).toBeUndefined();
    expect(await worker.request('/notfall/pagefind/aushang-words.txt', 'cors')).toBeUndefined();
  });

  test('with offline: false, the source is the worker that removes itself', () => {
    const source = serviceWorkerSource(undefined);
    expect(source).toContain('function removingWorker()');
    expect(source).toContain('unregister()');
    expect(source).not.toContain('offlineWorker');
  });
});

describe('the index the focus prefetch loads is the one Pagefind picks', () => {
  const entry = { languages: { de: { hash: 'de_1', wasm: 'de', page_count: 38 }, en: { hash: 'en_1', wasm: 'en', page_count: 2 } } };
  test('the page language, its base language, else the largest index', () => {
    expect(pickIndex(entry, 'en')?.hash).toBe('en_1');
    expect(pickIndex(entry, 'de-AT')?.hash).toBe('de_1');
    expect(pickIndex(entry, 'ar')?.hash).toBe('de_1');
    expect(pickIndex({}, 'de')).toBeUndefined();
  });
});
