/** `/feed.atom`: the site's feed as Atom (src/model/atom.ts), the same entries as `/feed.xml`. */
import type { APIRoute } from 'astro';
import { getView } from '../model/view.ts';
import { atomFeed } from '../model/atom.ts';

export const GET: APIRoute = async () => {
  const { site, urls, t } = await getView();
  return new Response(atomFeed(site, urls, t), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
