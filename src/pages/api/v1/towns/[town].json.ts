/** `/api/v1/towns/<town>.json`: one town whole (docs/api.md). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getView, townPaths } from '../../../../model/view.ts';
import { jsonResponse, townDocument } from '../../../../model/api.ts';
import type { Town } from '../../../../model/types.ts';

export const getStaticPaths = townPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ town: Town }> = async ({ props }) => {
  const { site, urls } = await getView();
  return jsonResponse(townDocument(site, props.town, urls));
};
