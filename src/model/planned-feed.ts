/**
 * 1.2: planned changes as feed entries (RSS, Atom, JSON Feed share `feedEntries`): one per
 * `planned:` entry not over at the build time, dated when its page was last written (`updated`:
 * when it was announced, not the future start), linked to its place in the list of planned
 * changes on its service's or town's page.
 */
import type { Translate } from '../i18n/index.ts';
import type { FeedEntry } from './feeds.ts';
import { escapeHtml } from './html.ts';
import { plannedTitle } from './planned-calendar.ts';
import { openPlanned, plannedItems, townPlannedItems, type PlannedItem } from './planned-state.ts';
import { formatTime, type TimeValue } from '../core/time.ts';
import type { Site, Town } from './types.ts';

function plannedEntry(item: PlannedItem, site: Site, t: Translate): FeedEntry {
  const show = (value: TimeValue) => formatTime(value, site.settings.timezone, site.settings.locale, t);
  const when = t('planned.upcoming', { from: show(item.entry.from), until: show(item.entry.until) });
  return {
    title: `${plannedTitle(item)}: ${t(`status.${item.entry.status}`)} – ${when}`,
    path: item.listed,
    date: (item.service ?? item.town).updated,
    description: `<p>${escapeHtml(when)}</p>${item.entry.summary.html}`,
    markdown: `${when}\n\n${item.entry.summary.markdown}`,
  };
}

/** The planned changes of the site, or of one town, as feed entries. */
export function plannedFeedEntries(site: Site, t: Translate, town?: Town): FeedEntry[] {
  return openPlanned(town ? townPlannedItems(town) : plannedItems(site), site.builtAt).map((item) => plannedEntry(item, site, t));
}
