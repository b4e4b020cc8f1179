import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import type { RedSite } from '../../../schema/index.ts';
import { jsonResponse } from '../../../lib/responses.ts';
import { urls } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const { redSites } = await getPublishedView();
  return redSites.map((site) => ({ params: { id: site.id }, props: { site } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ site: RedSite }> = ({ props }) => jsonResponse({ ...props.site, url: urls.redSite(props.site) });
