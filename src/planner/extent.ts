/**
 * The city's box, site.yaml's map.homeExtent: plan points and routing
 * requests must lie inside it. Its own module because the server's route
 * table (src/server/routes.ts) imports the routing grammar, and that must
 * not pull in the geodesic library.
 */
import type { LonLat } from './types.ts';

/** [west, south, east, north] in degrees. */
export type Extent = readonly [number, number, number, number];

export const insideExtent = (p: LonLat, [w, s, e, n]: Extent): boolean => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n;
