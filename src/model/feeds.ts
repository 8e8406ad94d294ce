/**
 * Feed entries: every update and every notice change ("Stand" of a town, service or
 * incident), newest first. One list for the whole site, one per town (its own notices, its
 * services and the incidents that affect it). Links point at the page, or at the update's
 * anchor on it, so every entry has its own stable link.
 */
import type { Translate } from '../i18n/index.ts';
import { plainText } from './markdown.ts';
import type { Incident, Site, Town, Update } from './types.ts';
import type { TimeValue } from './time.ts';

export interface FeedEntry {
  title: string;
  /** Site path, with an anchor for updates. */
  path: string;
  date: TimeValue;
  /** HTML. */
  description: string;
}

/** A title from a text: its first sentence or 100 characters. */
export function headline(markdown: string): string {
  const text = plainText(markdown);
  const sentence = /^(.{20,100}?[.!?])(\s|$)/.exec(text)?.[1];
  if (sentence) return sentence;
  return text.length > 100 ? `${text.slice(0, 99).trimEnd()}…` : text;
}

const pagePath = (url: string, base: string) => `/${url.slice(base.length)}`;

function updateEntries(prefix: string, pageUrl: string, updates: Update[], base: string): FeedEntry[] {
  return updates.map((update) => ({
    title: `${prefix}: ${headline(update.text.markdown)}`,
    path: `${pagePath(pageUrl, base)}#${update.id}`,
    date: update.at,
    description: update.text.html,
  }));
}

function townEntries(town: Town, t: Translate, base: string): FeedEntry[] {
  const entries: FeedEntry[] = [
    {
      title: `${town.name}: ${t(`status.${town.status}`)}`,
      path: pagePath(town.url, base),
      date: town.updated,
      description: town.summary.html,
    },
    ...updateEntries(town.name, town.url, town.updates, base),
  ];
  for (const service of town.services) {
    const name = `${service.title} (${town.name})`;
    entries.push(
      { title: `${name}: ${t(`status.${service.status}`)}`, path: pagePath(service.url, base), date: service.updated, description: service.summary.html },
      ...updateEntries(name, service.url, service.updates, base),
    );
  }
  return entries;
}

function incidentEntries(incident: Incident, base: string): FeedEntry[] {
  return [
    { title: incident.title, path: pagePath(incident.url, base), date: incident.updated, description: incident.summary.html },
    ...updateEntries(incident.title, incident.url, incident.updates, base),
  ];
}

function newestFirst(entries: FeedEntry[]): FeedEntry[] {
  return entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => b.entry.date.instant - a.entry.date.instant || a.i - b.i)
    .map(({ entry }) => entry);
}

/** Entries for the whole site, or for one town when `town` is given. */
export function feedEntries(site: Site, t: Translate, base: string, town?: Town): FeedEntry[] {
  const towns = town ? [town] : site.towns;
  const incidents = town ? town.affectedBy.map((slug) => site.incident(slug)!) : site.incidents;
  return newestFirst([...incidents.flatMap((i) => incidentEntries(i, base)), ...towns.flatMap((tw) => townEntries(tw, t, base))]);
}
