/**
 * Feed entries: every update and every notice change ("Stand" of a town, service or
 * incident), newest first. One list for the whole site, one per town (its own notices, its
 * services and the incidents that affect it). Links point at the page, or at the update's
 * anchor on it, so every entry has its own stable link.
 */
import type { Translate } from '../i18n/index.ts';
import { plainText } from '../core/markdown.ts';
import { feedFiles, routes, type FeedFormat } from './routes.ts';
import type { Incident, Site, Town, Update } from './types.ts';
import type { TimeValue } from '../core/time.ts';
import { plannedFeedEntries } from './planned-feed.ts';

export interface FeedEntry {
  title: string;
  /** Site path, with an anchor for updates. */
  path: string;
  date: TimeValue;
  /** HTML. */
  description: string;
  /** The same text as Markdown (for plain-text forms: JSON Feed, CAP, the status file). */
  markdown: string;
}

/** A title from a text: its first sentence or 100 characters. */
export function headline(markdown: string): string {
  const text = plainText(markdown);
  const sentence = /^(.{20,100}?[.!?])(\s|$)/.exec(text)?.[1];
  if (sentence) return sentence;
  return text.length > 100 ? `${text.slice(0, 99).trimEnd()}…` : text;
}

function updateEntries(prefix: string, pagePath: string, updates: Update[]): FeedEntry[] {
  return updates.map((update) => ({
    title: `${prefix}: ${headline(update.text.markdown)}`,
    path: routes.update(pagePath, update.id),
    date: update.at,
    description: update.text.html,
    markdown: update.text.markdown,
  }));
}

function townEntries(town: Town, t: Translate): FeedEntry[] {
  const entries: FeedEntry[] = [
    {
      title: `${town.name}: ${t(`status.${town.status}`)}`,
      path: town.path,
      date: town.updated,
      description: town.summary.html,
      markdown: town.summary.markdown,
    },
    ...updateEntries(town.name, town.path, town.updates),
  ];
  for (const service of town.services) {
    const name = `${service.title} (${town.name})`;
    entries.push(
      { title: `${name}: ${t(`status.${service.status}`)}`, path: service.path, date: service.updated, description: service.summary.html, markdown: service.summary.markdown },
      ...updateEntries(name, service.path, service.updates),
    );
  }
  return entries;
}

function incidentEntries(incident: Incident): FeedEntry[] {
  return [
    { title: incident.title, path: incident.path, date: incident.updated, description: incident.summary.html, markdown: incident.summary.markdown },
    ...updateEntries(incident.title, incident.path, incident.updates),
  ];
}

function newestFirst(entries: FeedEntry[]): FeedEntry[] {
  return entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => b.entry.date.instant - a.entry.date.instant || a.i - b.i)
    .map(({ entry }) => entry);
}

/**
 * 1.2: the feed formats, each at `/feed.<ext>` and `/<town>/feed.<ext>` (`routes.feed`), built
 * from the same entries.
 */
export const feedFormats = {
  rss: { file: feedFiles.rss, type: 'application/rss+xml', name: 'RSS' },
  atom: { file: feedFiles.atom, type: 'application/atom+xml', name: 'Atom' },
  json: { file: feedFiles.json, type: 'application/feed+json', name: 'JSON Feed' },
} as const satisfies Record<FeedFormat, unknown>;

/** Entries for the whole site, or for one town when `town` is given. */
export function feedEntries(site: Site, t: Translate, town?: Town): FeedEntry[] {
  const towns = town ? [town] : site.towns;
  const incidents = town ? town.affectedBy.map((slug) => site.incident(slug)!) : site.incidents;
  // 1.2: planned changes not over yet are entries too (`planned-feed.ts`).
  return newestFirst([...incidents.flatMap((i) => incidentEntries(i)), ...towns.flatMap((tw) => townEntries(tw, t)), ...plannedFeedEntries(site, t, town)]);
}
