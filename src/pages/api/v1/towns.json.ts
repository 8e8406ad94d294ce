/** `/api/v1/towns.json`: every town with its services (docs/api.md). */
import type { APIRoute } from 'astro';
import { getView } from '../../../model/view.ts';
import { jsonResponse, townsDocument } from '../../../model/api.ts';

export const GET: APIRoute = async () => {
  const { site, urls } = await getView();
  return jsonResponse(townsDocument(site, urls));
};
