/** `/<town>/badge.svg`: the town's status as a small picture for other websites (src/model/badge.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getView, townPaths } from '../../model/view.ts';
import { badgeSvg } from '../../model/badge.ts';
import type { Town } from '../../model/types.ts';

export const getStaticPaths = townPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, t } = await getView();
  const { town } = props as { town: Town };
  const svg = badgeSvg({ name: town.name, status: town.status, label: t(`status.${town.status}`), language: site.settings.language });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
