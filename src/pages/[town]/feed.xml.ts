/** `/<town>/feed.xml`: the town's updates and notice changes, with its services and incidents. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getView, townPaths } from '../../model/view.ts';
import { rssFeed } from '../../model/rss.ts';
import type { Town } from '../../model/types.ts';

export const getStaticPaths = townPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, urls, t } = await getView();
  return rss(rssFeed(site, urls, t, (props as { town: Town }).town));
};
