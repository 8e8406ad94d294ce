/** `/api/v1/status.json`: the state at a glance, for banners and badges on other websites (docs/banner.md). */
import type { APIRoute } from 'astro';
import { getView } from '../../../model/view.ts';
import { jsonResponse } from '../../../model/api.ts';
import { statusDocument } from '../../../model/status.ts';

export const GET: APIRoute = async () => {
  const { site, urls, t } = await getView();
  return jsonResponse(statusDocument(site, urls, t));
};
