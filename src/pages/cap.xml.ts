/** `/cap.xml`: the alerts that hold now in CAP 1.2, one Atom entry each (src/model/cap.ts). */
import type { APIRoute } from 'astro';
import { getView } from '../model/view.ts';
import { capFeed } from '../model/cap.ts';

export const GET: APIRoute = async () => {
  const { site, urls } = await getView();
  return new Response(capFeed(site, urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
