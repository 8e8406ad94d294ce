/**
 * The RSS feeds as @astrojs/rss options, with absolute links (SITE_URL, else the local preview).
 * @astrojs/rss escapes every value once for XML. Readers show an item's description as HTML (it
 * is HTML: rendered Markdown), and many show the titles and the channel's description as HTML
 * too; so plain texts are escaped once more as HTML (`rssPlainText`): no text an editor wrote
 * (`"><img src=x onerror=…>` in site.yaml) can decode to live markup in any reader, and a reader
 * that takes them for HTML shows them exactly as written.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { Translate } from '../i18n/index.ts';
import { feedEntries, type FeedEntry } from './feeds.ts';
import { escapeHtml } from './html.ts';
import { routes } from './routes.ts';
import type { Site, Town } from './types.ts';
import type { Urls } from './urls.ts';

/** A plain text for a feed element that a reader may take for HTML. */
export function rssPlainText(text: string): string {
  return escapeHtml(text);
}

export function rssItems(entries: FeedEntry[], urls: Urls): RSSFeedItem[] {
  return entries.map((entry) => ({
    title: rssPlainText(entry.title),
    link: urls.canonical(entry.path),
    pubDate: new Date(entry.date.instant),
    description: entry.description,
  }));
}

/** `/feed.xml`, or `/<town>/feed.xml` when `town` is given. */
export function rssFeed(site: Site, urls: Urls, t: Translate, town?: Town): RSSOptions {
  const title = town ? t('feed.townTitle', { name: town.name, title: site.settings.title }) : site.settings.title;
  const description = town ? t('feed.townDescription', { name: town.name }) : (site.settings.description ?? site.settings.title);
  return {
    title: rssPlainText(title),
    description: rssPlainText(description),
    site: urls.canonical(town ? town.path : routes.home()),
    items: rssItems(feedEntries(site, t, town), urls),
    // The items are what editors wrote: the feed is in the content language.
    customData: `<language>${site.settings.contentLanguage}</language>`,
    trailingSlash: true,
  };
}
