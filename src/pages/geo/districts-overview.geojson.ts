/**
 * /geo/districts-overview.geojson: the district outlines snapped to a 0.01°
 * grid, with name, code and label point (src/map/district-overview.ts): what
 * the locator inset of embedded maps draws, a few KB instead of the 680 KB
 * of /geo/districts.geojson.
 */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { districtFeatures } from '../../lib/collections.ts';
import { districtOverview } from '../../map/district-overview.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const GET: APIRoute = async () => {
  const districts = districtFeatures(await getPublishedView());
  return jsonResponse(districtOverview(districts), 'application/geo+json');
};
