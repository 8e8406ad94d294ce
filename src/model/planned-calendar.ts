/**
 * 1.2: `/geplant.ics` (and `/<town>/geplant.ics`): the planned changes as an iCalendar feed
 * (`ical.ts`), one `VEVENT` per `planned:` entry that is not over at the build time. The UID is
 * stable across builds (the item, the entry's start as written, the site's host), `DTSTAMP` is
 * the build time (`SOURCE_DATE_EPOCH`), so the same content gives the same bytes. A window of
 * whole days (both times dates alone) is an all-day event; `DTEND` is exclusive in both forms,
 * as `until` is read (a date alone lasts the whole day).
 */
import type { Translate } from '../i18n/index.ts';
import { calendar, dateValue, escapeText, utcDateTime, type Property } from './ical.ts';
import { plainText } from '../core/markdown.ts';
import { openPlanned, plannedItems, townPlannedItems, type PlannedItem } from './planned-state.ts';
import { routes } from './routes.ts';
import type { Site, Town } from './types.ts';
import type { Urls } from './urls.ts';

/** What an entry concerns, in plain words: `Personalausweis beantragen – Bürgerbüro (Werl)`. */
export function plannedTitle(item: PlannedItem): string {
  const what = [item.task?.titleText, item.service?.title].filter(Boolean).join(' – ');
  return what ? `${what} (${item.town.name})` : item.town.name;
}

/** `20261219` for `2026-12-18`: the exclusive end of an all-day event. */
function dayAfter(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return dateValue(new Date(Date.UTC(y, m - 1, d + 1)).toISOString());
}

function event(item: PlannedItem, site: Site, urls: Urls, t: Translate): Property[] {
  const { entry } = item;
  const wholeDays = entry.from.dateOnly && entry.until.dateOnly;
  const host = new URL(urls.canonical(routes.home())).host;
  const times: Property[] = wholeDays
    ? [
        { name: 'DTSTART', params: { VALUE: 'DATE' }, value: dateValue(entry.from.iso) },
        { name: 'DTEND', params: { VALUE: 'DATE' }, value: dayAfter(entry.until.iso) },
      ]
    : [
        { name: 'DTSTART', value: utcDateTime(entry.start) },
        { name: 'DTEND', value: utcDateTime(entry.end) },
      ];
  return [
    { name: 'UID', value: escapeText(`${item.key.replace(/\//g, '.')}.${utcDateTime(entry.start)}@${host}`) },
    { name: 'DTSTAMP', value: utcDateTime(site.builtAt) },
    ...times,
    { name: 'SUMMARY', value: escapeText(`${plannedTitle(item)}: ${t(`status.${entry.status}`)}`) },
    { name: 'DESCRIPTION', value: escapeText(plainText(entry.summary.markdown)) },
    { name: 'URL', value: urls.canonical(item.path) },
    { name: 'STATUS', value: 'CONFIRMED' },
    { name: 'TRANSP', value: 'TRANSPARENT' },
  ];
}

/** The calendar of the site, or of one town (its own changes, its services' and tasks'). */
export function plannedCalendar(site: Site, urls: Urls, t: Translate, town?: Town): string {
  const items = openPlanned(town ? townPlannedItems(town) : plannedItems(site), site.builtAt);
  const name = t('planned.calendarTitle', { title: town ? `${town.name} – ${site.settings.title}` : site.settings.title });
  return calendar(
    [
      { name: 'VERSION', value: '2.0' },
      { name: 'PRODID', value: '-//Aushang//Geplante Aenderungen//DE' },
      { name: 'CALSCALE', value: 'GREGORIAN' },
      { name: 'METHOD', value: 'PUBLISH' },
      { name: 'X-WR-CALNAME', value: escapeText(name) },
      { name: 'X-WR-TIMEZONE', value: escapeText(site.settings.timezone) },
    ],
    items.map((item) => event(item, site, urls, t)),
  );
}
