import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import type { LandPriceZone } from '../../schema/index.ts';
import { jsonResponse } from '../../lib/responses.ts';
import { urls } from '../../lib/urls.ts';
import { wanPerMu } from '../../lib/zones.ts';

export const getStaticPaths = (async () => {
  const { landPriceZones } = await getPublishedView();
  return landPriceZones.map((zone) => ({ params: { id: zone.id }, props: { zone } }));
}) satisfies GetStaticPaths;

// 万元/亩 is always present in the twin (as printed, else converted), so readers need not convert.
export const GET: APIRoute<{ zone: LandPriceZone }> = ({ props }) =>
  jsonResponse({ ...props.zone, prices: props.zone.prices.map((p) => ({ ...p, wanPerMu: wanPerMu(p) })), url: urls.landPriceZone(props.zone) });
