/**
 * Pagefind's own search bundle (`pagefind/pagefind.js` of a build), run in Node: the same code
 * and index the search page uses, without a browser, for tests that send many queries. The
 * bundle fetches its index files; `fetch` is answered from the build folder while it runs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface NodeSearchResult {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  sub_results?: { url: string; title: string; excerpt: string }[];
}

export interface NodePagefind {
  search(query: string, filters?: Record<string, unknown>): Promise<NodeSearchResult[]>;
  close(): void;
}

/** Build folders by the made-up origin their bundle fetches from. */
const builds = new Map<string, string>();
let originalFetch: typeof fetch | undefined;

function answerFromBuilds(): void {
  if (originalFetch) return;
  const original = (originalFetch = globalThis.fetch);
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const dist = builds.get(url.origin);
    if (dist === undefined) return original(input);
    try {
      return new Response(await readFile(path.join(dist, decodeURIComponent(url.pathname))), { status: 200 });
    } catch {
      return new Response('', { status: 404 });
    }
  }) as typeof fetch;
}

export async function pagefindInNode(dist: string, language: string): Promise<NodePagefind> {
  const origin = `http://build-${builds.size + 1}.pagefind.test`;
  builds.set(origin, dist);
  answerFromBuilds();
  // A query string makes each build its own module instance, with its own index.
  const bundle = `${pathToFileURL(path.join(dist, 'pagefind/pagefind.js')).href}?${encodeURIComponent(origin)}`;
  const pagefind = (await import(bundle)) as {
    options(o: Record<string, unknown>): Promise<void>;
    init(language?: string): Promise<void>;
    search(q: string, o?: Record<string, unknown>): Promise<{ results: { data(): Promise<NodeSearchResult> }[] }>;
  };
  await pagefind.options({ basePath: `${origin}/pagefind/`, baseUrl: '/' });
  await pagefind.init(language);
  return {
    async search(query, filters = {}) {
      const found = await pagefind.search(query, { filters });
      return Promise.all(found.results.map((r) => r.data()));
    },
    close() {
      builds.delete(origin);
      if (builds.size === 0 && originalFetch) {
        globalThis.fetch = originalFetch;
        originalFetch = undefined;
      }
    },
  };
}
