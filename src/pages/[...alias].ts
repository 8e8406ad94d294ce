/**
 * `aliases`: old paths that keep working, as redirect pages to their town or service. An
 * endpoint rather than a page, so an old `/alt/seite.html` is written as that very file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getView } from '../model/view.ts';
import { redirectFile, redirectHtml } from '../model/redirect.ts';
import type { Redirect } from '../model/types.ts';

export const getStaticPaths = (async () => {
  const { site } = await getView();
  return site.redirects.map((redirect) => ({ params: { alias: redirectFile(redirect.from) }, props: { redirect } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, urls, t } = await getView();
  const html = redirectHtml((props as { redirect: Redirect }).redirect, urls, site.settings.language, t);
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
