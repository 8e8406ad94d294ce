/** `/feed.xml`: every update and notice change of the site, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getView } from '../model/current.ts';
import { feedEntries } from '../model/feeds.ts';
import { rssItems } from '../model/rss.ts';

export const GET: APIRoute = async () => {
  const { site, urls, t } = await getView();
  return rss({
    title: site.settings.title,
    description: site.settings.description ?? site.settings.title,
    site: urls.canonical('/'),
    items: rssItems(feedEntries(site, t, urls.base), urls),
    // The items are what editors wrote: the feed is in the content language.
    customData: `<language>${site.settings.contentLanguage}</language>`,
    trailingSlash: true,
  });
};
