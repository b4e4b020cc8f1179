/**
 * /geo/district-labels.geojson: one Point per district at its labelPoint,
 * with its `name`, `code` and `tint` (neighbours differ): the labels and
 * tints of the offline base map (src/map/offline-style.ts). Built from the
 * same `districts` collection as /geo/districts.geojson.
 */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { districtFeatures } from '../../lib/collections.ts';
import { districtLabels } from '../../map/offline-style.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const GET: APIRoute = async () => {
  const districts = districtFeatures(await getPublishedView());
  return jsonResponse(districtLabels(districts), 'application/geo+json');
};
