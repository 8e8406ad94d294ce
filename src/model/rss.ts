/** Feed entries as @astrojs/rss items, with absolute links (SITE_URL, else the local preview). */
import type { RSSFeedItem } from '@astrojs/rss';
import type { FeedEntry } from './feeds.ts';
import type { Urls } from './urls.ts';

export function rssItems(entries: FeedEntry[], urls: Urls): RSSFeedItem[] {
  return entries.map((entry) => ({
    title: entry.title,
    link: urls.canonical(entry.path),
    pubDate: new Date(entry.date.instant),
    description: entry.description,
  }));
}
