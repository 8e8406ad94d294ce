/** `/geplant.ics`: the site's planned changes as an iCalendar feed (src/model/planned-calendar.ts). */
import type { APIRoute } from 'astro';
import { getView } from '../model/view.ts';
import { plannedCalendar } from '../model/planned-calendar.ts';

export const GET: APIRoute = async () => {
  const { site, urls, t } = await getView();
  return new Response(plannedCalendar(site, urls, t), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
