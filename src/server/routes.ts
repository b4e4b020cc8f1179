/**
 * The request-time routes and their limits (src/server/limits.ts). Every
 * `prerender = false` route under src/pages/ has an entry here
 * (tests/unit/architecture.test.ts checks it); the server sends nothing else
 * to Astro.
 */
import { ROUTE_MODE_PATTERN, ROUTE_PATH, ROUTE_POINTS_PATTERN } from '../planner/routing-protocol.ts';
import type { RouteLimits } from './limits.ts';

/** A page-like GET route: cheap, answers at once; the rate stops a flood, not a reader. */
const GET_PAGE: RouteLimits = { methods: ['GET'], query: 'any', maxBodyBytes: 0, timeoutMs: 5_000, perMinute: 600, burst: 120 };

export interface RequestTimeRoute {
  /** The Astro route file, for the architecture test. */
  file: string;
  limits: RouteLimits;
}

/** Exact paths. */
export const REQUEST_TIME_ROUTES: Readonly<Record<string, RequestTimeRoute>> = {
  // The runtime map configuration reads no parameters: a query is refused rather than silently ignored.
  '/config/map.json': { file: 'src/pages/config/map.json.ts', limits: { ...GET_PAGE, query: {} } },
  // Fetches upstream (at most 5 s, src/server/basemap-capabilities.ts), cached; the rate keeps a flood off the upstream.
  '/config/basemap/capabilities.xml': { file: 'src/pages/config/basemap/capabilities.xml.ts', limits: { ...GET_PAGE, query: {}, timeoutMs: 8_000, perMinute: 120, burst: 30 } },
  // Road legs from 天地图 (src/server/road-routing.ts): up to 20 upstream calls per request, each cached;
  // answers within 10 s (legs still out come back failed), so 15 s is never reached by a healthy route.
  // A planner recomputes on edits, not per keystroke: 30 a minute is plenty for a person, little for a scraper.
  [ROUTE_PATH]: {
    file: 'src/pages/planner/route.json.ts',
    limits: { ...GET_PAGE, query: { p: (v) => ROUTE_POINTS_PATTERN.test(v), m: (v) => ROUTE_MODE_PATTERN.test(v) }, timeoutMs: 15_000, perMinute: 30, burst: 10 },
  },
  // The health check: the server and the submission store's ping (src/pages/health.json.ts). Monitors poll it; 2 s of ping at most.
  '/health.json': { file: 'src/pages/health.json.ts', limits: { ...GET_PAGE, query: {} } },
};

/** Withdrawn records (the paths in the static manifest's `gone` list): their 410 page and JSON twins. */
export const GONE_ROUTE: RequestTimeRoute = { file: 'src/pages/[...path].astro', limits: GET_PAGE };
