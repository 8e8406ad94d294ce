/** `/<town>/feed.json`: the town's feed as JSON Feed 1.1. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getView, townPaths } from '../../model/view.ts';
import { jsonFeed } from '../../model/json-feed.ts';
import { jsonResponse } from '../../model/api.ts';
import type { Town } from '../../model/types.ts';

export const getStaticPaths = townPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, urls, t } = await getView();
  return jsonResponse(jsonFeed(site, urls, t, (props as { town: Town }).town), 'application/feed+json');
};
