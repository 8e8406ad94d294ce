/**
 * `/sw.js` at the site's base: the offline service worker (src/hosting/service-worker.ts), or,
 * with `offline: false` in site.yaml, one that removes itself and what it saved, so that
 * browsers which installed it before go back to plain pages. Short-cached like every file
 * whose name stays the same (src/hosting/policy.ts); its scope is the folder it lives in, the
 * base, so no `Service-Worker-Allowed` header is needed.
 */
import type { APIRoute } from 'astro';
import { getView } from '../model/view.ts';
import { serviceWorkerSource } from '../hosting/service-worker.ts';
import { furtherPartFolders, searchPartCount } from '../model/search-parts.ts';

export const GET: APIRoute = async () => {
  const { site, t, urls } = await getView();
  const { settings } = site;
  const config = settings.offline ? { base: urls.base, locale: settings.locale, timeZone: settings.timezone, note: t('offline.saved') } : undefined;
  // A search index in parts (src/model/search-parts.ts): the further parts are kept for offline like `pagefind/`.
  return new Response(serviceWorkerSource(config, furtherPartFolders(searchPartCount(site))), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
