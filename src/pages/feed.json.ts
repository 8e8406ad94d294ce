/** `/feed.json`: the site's feed as JSON Feed 1.1 (src/model/json-feed.ts). */
import type { APIRoute } from 'astro';
import { getView } from '../model/view.ts';
import { jsonFeed } from '../model/json-feed.ts';
import { jsonResponse } from '../model/api.ts';

export const GET: APIRoute = async () => {
  const { site, urls, t } = await getView();
  return jsonResponse(jsonFeed(site, urls, t), 'application/feed+json');
};
