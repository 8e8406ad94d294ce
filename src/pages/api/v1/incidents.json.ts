/** `/api/v1/incidents.json`: every incident with the slugs of the towns it affects (docs/api.md). */
import type { APIRoute } from 'astro';
import { getView } from '../../../model/view.ts';
import { incidentsDocument, jsonResponse } from '../../../model/api.ts';

export const GET: APIRoute = async () => {
  const { site, urls } = await getView();
  return jsonResponse(incidentsDocument(site, urls));
};
