/** `/robots.txt`: everything but search (and the web editor) may be crawled; the sitemap is named when the site has an address (`url` in site.yaml or SITE_URL). */
import type { APIRoute } from 'astro';
import { getView } from '../model/current.ts';

export const GET: APIRoute = async () => {
  const { site, urls, drill } = await getView();
  // A rehearsal (build --drill) is for no search engine at all.
  if (drill) return new Response('User-agent: *\nDisallow: /\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const lines = ['User-agent: *', `Disallow: ${urls.path('/suche/')}`];
  if (site.settings.editor) lines.push(`Disallow: ${urls.editor()}`);
  if (urls.hasSite) lines.push(`Sitemap: ${urls.canonical('/sitemap-index.xml')}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
