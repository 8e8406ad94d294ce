/**
 * The script of every page (about a kilobyte; the search page has its own besides). Three small
 * jobs, each doing nothing where it does not apply:
 *
 * 1. What changes with time, decided when the page is read (`planned.ts`): the "possibly
 *    outdated" note, planned changes shown as planned, current or gone by the reader's clock.
 * 2. Offline after the first visit: registers the service worker (`sw.js` at the site's base,
 *    named by `<html data-sw>`; absent with `offline: false` in site.yaml) once the page has
 *    loaded, so it never competes with the page itself.
 * 3. Search that starts before it is asked: when a citizen focuses a search field that names
 *    Pagefind's folder (`data-pagefind`, on the home and town pages), the files every first
 *    query needs are fetched into the browser's cache — `pagefind.js`, its worker, the entry
 *    file under the build's `metaCacheTag` (`data-tag`), then the language's `.pf_meta` and
 *    WebAssembly it names — while the citizen types. The search page asks for the same
 *    addresses and gets them from the cache. Prefetch links, because a `fetch()` is cancelled
 *    when the page changes at the submit, a prefetch is not.
 */
import './planned.ts';
import { pickIndex, type PagefindEntry } from './search-warm.ts';

const sw = document.documentElement.dataset.sw;
if (sw && 'serviceWorker' in navigator) {
  const register = () => void navigator.serviceWorker.register(sw).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

let warmed = false;
/** The search files still loading; the submit waits for them (see below). */
const loading = new Set<Promise<void>>();
document.addEventListener('focusin', (event) => {
  const form = event.target instanceof Element ? event.target.closest<HTMLFormElement>('form[data-pagefind]') : null;
  if (!form || warmed) return;
  warmed = true;
  const folder = form.dataset.pagefind!;
  const prefetch = (file: string) => {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = folder + file;
    const done = new Promise<void>((settle) => {
      link.onload = link.onerror = () => settle();
    });
    loading.add(done);
    void done.then(() => loading.delete(done));
    document.head.append(link);
  };
  prefetch('pagefind.js');
  const entry = fetch(`${folder}pagefind-entry.json?ts=${encodeURIComponent(form.dataset.tag ?? '')}`)
    .then((response) => (response.ok ? (response.json() as Promise<PagefindEntry>) : undefined))
    .then((entry) => {
      const index = entry && pickIndex(entry, document.documentElement.lang);
      if (!index) return;
      prefetch(`wasm.${index.wasm ?? 'unknown'}.pagefind`);
      prefetch(`pagefind.${index.hash}.pf_meta`);
    })
    .catch(() => undefined);
  loading.add(entry);
  void entry.then(() => loading.delete(entry));
  // A submit while the files are still on their way waits for them (at most 4 s): the search
  // page would load them a second time beside the first (a browser does not join a prefetch of
  // the page before), and on a slow line both would take longer than the rest alone.
  form.addEventListener('submit', (submit) => {
    if (loading.size === 0 || submit.defaultPrevented) return;
    submit.preventDefault();
    form.setAttribute('aria-busy', 'true');
    const go = () => form.submit();
    void Promise.race([Promise.all([...loading]).then(() => Promise.all([...loading])), new Promise((done) => setTimeout(done, 4000))]).then(go);
  });
});
