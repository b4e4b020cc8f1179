/**
 * /geo/districts-generalized.geojson: the district outlines simplified at
 * GENERALIZED_TOLERANCE (0.001°, about 100 m), with name, code and label
 * point: what the 示意底图 draws up to GENERALIZED_MAX_ZOOM
 * (src/map/offline-style.ts), a fifth of the vertices of
 * /geo/districts.geojson.
 */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { districtFeatures } from '../../lib/collections.ts';
import { districtOverview } from '../../map/district-overview.ts';
import { GENERALIZED_TOLERANCE } from '../../map/offline-style.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const GET: APIRoute = async () => {
  const districts = districtFeatures(await getPublishedView());
  return jsonResponse(districtOverview(districts, GENERALIZED_TOLERANCE, 'districts-generalized'), 'application/geo+json');
};
