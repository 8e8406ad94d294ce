/** `/api/v1/towns/<town>.json`: one town whole (docs/api.md). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getView } from '../../../../model/view.ts';
import { jsonResponse, townDocument } from '../../../../model/api.ts';
import type { Town } from '../../../../model/types.ts';

export const getStaticPaths = (async () => {
  const { site } = await getView();
  return site.towns.map((town) => ({ params: { town: town.slug }, props: { town } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ town: Town }> = async ({ props }) => {
  const { site, urls } = await getView();
  return jsonResponse(townDocument(site, props.town, urls));
};
