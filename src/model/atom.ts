/**
 * 1.2: the Atom feeds (RFC 4287), `/feed.atom` and `/<town>/feed.atom`, from the same entries as
 * RSS (feeds.ts). Titles are `type="html"` holding HTML-escaped text, so a reader shows what the
 * editor wrote whether it reads the title as text or as HTML (as for RSS, see rss.ts); the
 * content is the rendered Markdown, with links resolved against `xml:base`.
 *
 * Entry ids are permanent: an update's is its page's address with the update's anchor; a notice
 * change's is the page's address with `#stand-<time>`, so a new status or summary is a new entry.
 */
import type { Translate } from '../i18n/index.ts';
import { feedEntries, type FeedEntry } from './feeds.ts';
import { escapeHtml } from './html.ts';
import { isoInZone, type TimeValue } from '../core/time.ts';
import type { Site, Town } from './types.ts';
import { routes } from './routes.ts';
import type { Urls } from './urls.ts';
import { attributesOf, element } from './xml.ts';

/** What every feed format says about itself: title, description, home page, language. */
export interface FeedInfo {
  title: string;
  description: string;
  /** The page the feed belongs to (absolute). */
  home: string;
  language: string;
  author: string;
}

export function feedInfo(site: Site, urls: Urls, t: Translate, town?: Town): FeedInfo {
  return {
    title: town ? t('feed.townTitle', { name: town.name, title: site.settings.title }) : site.settings.title,
    description: town ? t('feed.townDescription', { name: town.name }) : (site.settings.description ?? site.settings.title),
    home: urls.canonical(town ? routes.town(town.slug) : routes.home()),
    language: site.settings.contentLanguage,
    author: site.settings.operator,
  };
}

/** RFC 3339 with the site's offset; a date alone is its local midnight. */
export function feedTime(value: TimeValue, timeZone: string): string {
  return value.dateOnly ? isoInZone(value.instant, timeZone) : value.iso;
}

/** `20231103T141700` from a time: for ids. */
const compact = (iso: string) => iso.slice(0, 19).replace(/[-:]/g, '');

/** A permanent, unique id for an entry (see the module comment). */
export function entryId(entry: FeedEntry, urls: Urls, timeZone: string): string {
  const link = urls.canonical(entry.path);
  return entry.path.includes('#') ? link : `${link}#stand-${compact(feedTime(entry.date, timeZone))}`;
}

/** The newest entry's time, or the build time for a feed without entries. */
export function feedUpdated(entries: FeedEntry[], site: Site): string {
  return entries[0] ? feedTime(entries[0].date, site.settings.timezone) : isoInZone(site.builtAt, site.settings.timezone);
}

/** `/feed.atom`, or `/<town>/feed.atom` when `town` is given. */
export function atomFeed(site: Site, urls: Urls, t: Translate, town?: Town): string {
  const info = feedInfo(site, urls, t, town);
  const zone = site.settings.timezone;
  const entries = feedEntries(site, t, town);
  const html = (text: string) => element('title', escapeHtml(text), { type: 'html' });
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${attributesOf({ 'xml:lang': info.language, 'xml:base': urls.canonical(routes.home()) })}>`,
    `  ${element('id', info.home)}`,
    `  ${html(info.title)}`,
    `  ${element('subtitle', escapeHtml(info.description), { type: 'html' })}`,
    `  ${element('updated', feedUpdated(entries, site))}`,
    `  <author>${element('name', info.author)}</author>`,
    `  <link${attributesOf({ rel: 'self', type: 'application/atom+xml', href: urls.canonical(routes.feed('atom', town?.slug)) })}/>`,
    `  <link${attributesOf({ rel: 'alternate', type: 'text/html', href: info.home })}/>`,
    `  ${element('generator', 'Aushang')}`,
    ...entries.map((entry) =>
      [
        '  <entry>',
        `    ${element('id', entryId(entry, urls, zone))}`,
        `    ${html(entry.title)}`,
        `    ${element('updated', feedTime(entry.date, zone))}`,
        `    <link${attributesOf({ rel: 'alternate', type: 'text/html', href: urls.canonical(entry.path) })}/>`,
        `    ${element('content', entry.description, { type: 'html' })}`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}
