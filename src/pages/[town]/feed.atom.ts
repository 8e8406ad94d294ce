/** `/<town>/feed.atom`: the town's feed as Atom, the same entries as its `feed.xml`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getView, townPaths } from '../../model/view.ts';
import { atomFeed } from '../../model/atom.ts';
import type { Town } from '../../model/types.ts';

export const getStaticPaths = townPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, urls, t } = await getView();
  return new Response(atomFeed(site, urls, t, (props as { town: Town }).town), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
