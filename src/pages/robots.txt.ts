/** `/robots.txt`: everything may be crawled; the sitemap is named when SITE_URL is set. */
import type { APIRoute } from 'astro';
import { getView } from '../model/current.ts';

export const GET: APIRoute = async () => {
  const { urls } = await getView();
  const lines = ['User-agent: *', `Disallow: ${urls.path('/suche/')}`];
  if (urls.hasSite) lines.push(`Sitemap: ${urls.canonical('/sitemap-index.xml')}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
