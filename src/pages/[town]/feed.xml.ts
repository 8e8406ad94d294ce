/** `/<town>/feed.xml`: the town's updates and notice changes, with its services and incidents. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getView } from '../../model/current.ts';
import { feedEntries } from '../../model/feeds.ts';
import { rssItems } from '../../model/rss.ts';
import type { Town } from '../../model/types.ts';

export const getStaticPaths = (async () => {
  const { site } = await getView();
  return site.towns.map((town) => ({ params: { town: town.slug }, props: { town } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, urls, t } = await getView();
  const town = (props as { town: Town }).town;
  return rss({
    title: t('feed.townTitle', { name: town.name, title: site.settings.title }),
    description: t('feed.townDescription', { name: town.name }),
    site: urls.canonical(`/${town.slug}/`),
    items: rssItems(feedEntries(site, t, urls.base, town), urls),
    // The items are what editors wrote: the feed is in the content language.
    customData: `<language>${site.settings.contentLanguage}</language>`,
    trailingSlash: true,
  });
};
