/**
 * /map/offline-style.json: the offline base map (示意底图) as a style v8
 * document for ol-mapbox-style (src/map/offline-style.ts), with a tint per
 * district such that neighbours differ.
 */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { mapCollections } from '../../lib/collections.ts';
import { districtTints, offlineStyle } from '../../map/offline-style.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const GET: APIRoute = async () => {
  const districts = mapCollections(await getPublishedView()).find((c) => c.name === 'districts')?.features ?? [];
  const tints = districtTints(districts.map((f) => ({ code: String(f.properties['code']), geometry: f.geometry })));
  return jsonResponse(offlineStyle({ tints }));
};
