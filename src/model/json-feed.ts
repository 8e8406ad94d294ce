/**
 * 1.2: JSON Feed 1.1 (https://jsonfeed.org/version/1.1), `/feed.json` and `/<town>/feed.json`,
 * from the same entries as RSS and Atom. Titles are plain text as the format says; each item
 * has the HTML (with absolute links, as a reader shows it outside the site) and the plain text.
 */
import type { Translate } from '../i18n/index.ts';
import { entryId, feedInfo, feedTime } from './atom.ts';
import { feedEntries } from './feeds.ts';
import { plainText } from '../core/markdown.ts';
import type { Site, Town } from './types.ts';
import { routes } from './routes.ts';
import type { Urls } from './urls.ts';

export const jsonFeedVersion = 'https://jsonfeed.org/version/1.1';

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  content_text: string;
  date_published: string;
}

export interface JsonFeed {
  version: typeof jsonFeedVersion;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: { name: string }[];
  items: JsonFeedItem[];
}

/** `href="/soest/"` → `href="https://…/soest/"`: site paths in rendered HTML made absolute. */
export function absoluteLinks(html: string, urls: Urls): string {
  const origin = new URL(urls.canonical(routes.home())).origin;
  return html.replace(/href="\/(?!\/)/g, `href="${origin}/`);
}

/** `/feed.json`, or `/<town>/feed.json` when `town` is given. */
export function jsonFeed(site: Site, urls: Urls, t: Translate, town?: Town): JsonFeed {
  const info = feedInfo(site, urls, t, town);
  const zone = site.settings.timezone;
  return {
    version: jsonFeedVersion,
    title: info.title,
    home_page_url: info.home,
    feed_url: urls.canonical(routes.feed('json', town?.slug)),
    description: info.description,
    language: info.language,
    authors: [{ name: info.author }],
    items: feedEntries(site, t, town).map((entry) => ({
      id: entryId(entry, urls, zone),
      url: urls.canonical(entry.path),
      title: entry.title,
      content_html: absoluteLinks(entry.description, urls),
      content_text: plainText(entry.markdown),
      date_published: feedTime(entry.date, zone),
    })),
  };
}
