/**
 * 1.2: `/api/v1/status.json`, the small file a town's normal website (any CMS) reads for a
 * one-line banner (docs/banner.md): the overall status (the worst town status), each town's
 * status with its page and badge, the newest update or notice change with its time and text,
 * and the links (home, feeds, the API). Built from the same data as the API and the feeds; like
 * every API file it is the same for the same content and SOURCE_DATE_EPOCH.
 *
 * Kept apart from `api.ts` on purpose: it only reads the other documents' public builders.
 */
import type { StatusKey } from '../schema/index.ts';
import type { Translate } from '../i18n/index.ts';
import { apiVersion } from './api.ts';
import type { ApiText, ApiTime } from './api-shape.ts';
import { routes } from './routes.ts';
import { statusRank } from '../core/status.ts';
import { feedEntries, type FeedEntry } from './feeds.ts';
import { createRenderer, plainText } from '../core/markdown.ts';
import type { Site } from './types.ts';
import type { Urls } from './urls.ts';
import { isoInZone } from '../core/time.ts';

export interface StatusTown {
  slug: string;
  name: string;
  status: StatusKey;
  /** The status in words, in the site's language. */
  label: string;
  /** "Stand" of the town. */
  lastChange: ApiTime;
  url: string;
  /** `/<town>/badge.svg`. */
  badge: string;
}

export interface StatusLatest {
  at: ApiTime;
  /** Plain text: where and what (`Soest: Eingeschränkt`, `Bürgerbüro (Soest): …`). */
  title: string;
  text: ApiText;
  /** The text without Markdown. */
  plain: string;
  /** The page, at the update's anchor. */
  url: string;
}

/** The site in brief: what a banner names (the full site object is in towns.json). */
export interface StatusSite {
  title: string;
  operator: string;
  language: string;
  contentLanguage: string;
  timezone: string;
  staleAfterHours: number;
  url: string;
}

export interface StatusDocument {
  $schema: string;
  version: typeof apiVersion;
  generated: ApiTime;
  site: StatusSite;
  /** The worst status of any town (`normal` for a site without towns). */
  status: StatusKey;
  label: string;
  /** True when an incident is open. */
  incident: boolean;
  towns: StatusTown[];
  /** The newest update or notice change; absent when there is none. */
  latest?: StatusLatest;
  links: { site: string; api: string; feeds: { rss: string; atom: string; json: string; cap: string } };
}

/**
 * The worst of the statuses: `unavailable` when any is, else `limited` or `deferred` when any is
 * (`deferred` only when every such one is `deferred`: a mix is "limited"), else `normal`.
 */
export function worstStatus(statuses: readonly StatusKey[]): StatusKey {
  const lowest = Math.min(2, ...statuses.map(statusRank));
  const worst = statuses.filter((s) => statusRank(s) === lowest);
  if (worst.length === 0) return 'normal';
  return worst.every((s) => s === worst[0]) ? worst[0]! : 'limited';
}

function latestOf(entry: FeedEntry, urls: Urls): StatusLatest {
  const render = createRenderer((sitePath) => urls.public(sitePath));
  return {
    at: entry.date.iso,
    title: entry.title,
    text: render.inline(entry.markdown),
    plain: plainText(entry.markdown),
    url: urls.public(entry.path),
  };
}

export function statusDocument(site: Site, urls: Urls, t: Translate): StatusDocument {
  const { settings } = site;
  const status = worstStatus(site.towns.map((town) => town.status));
  const newest = feedEntries(site, t)[0];
  return {
    $schema: urls.public(routes.api.schema('status')),
    version: apiVersion,
    generated: isoInZone(site.builtAt, site.settings.timezone),
    site: {
      title: settings.title,
      operator: settings.operator,
      language: settings.language,
      contentLanguage: settings.contentLanguage,
      timezone: settings.timezone,
      staleAfterHours: settings.staleAfterHours,
      url: urls.public(routes.home()),
    },
    status,
    label: t(`status.${status}`),
    incident: site.incidents.some((i) => !i.resolved),
    towns: site.towns.map((town) => ({
      slug: town.slug,
      name: town.name,
      status: town.status,
      label: t(`status.${town.status}`),
      lastChange: town.lastChange.iso,
      url: urls.public(town.path),
      badge: urls.public(routes.badge(town.slug)),
    })),
    ...(newest ? { latest: latestOf(newest, urls) } : {}),
    links: {
      site: urls.public(routes.home()),
      api: urls.public(routes.api.towns()),
      feeds: { rss: urls.public(routes.feed('rss')), atom: urls.public(routes.feed('atom')), json: urls.public(routes.feed('json')), cap: urls.public(routes.cap()) },
    },
  };
}
