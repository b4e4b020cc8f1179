import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import type { RedRoute } from '../../../schema/index.ts';
import { jsonResponse } from '../../../lib/responses.ts';
import { urls } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const { redRoutes } = await getPublishedView();
  return redRoutes.map((route) => ({ params: { id: route.id }, props: { route } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ route: RedRoute }> = ({ props }) => jsonResponse({ ...props.route, url: urls.redRoute(props.route) });
