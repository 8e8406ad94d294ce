/** `/feed.xml`: every update and notice change of the site, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getView } from '../model/view.ts';
import { rssFeed } from '../model/rss.ts';

export const GET: APIRoute = async () => {
  const { site, urls, t } = await getView();
  return rss(rssFeed(site, urls, t));
};
