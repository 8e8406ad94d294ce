/** `/<town>/geplant.ics`: the town's planned changes (its own, its services' and tasks') as an iCalendar feed. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getView, townPaths } from '../../model/view.ts';
import { plannedCalendar } from '../../model/planned-calendar.ts';
import type { Town } from '../../model/types.ts';

export const getStaticPaths = townPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, urls, t } = await getView();
  return new Response(plannedCalendar(site, urls, t, (props as { town: Town }).town), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
