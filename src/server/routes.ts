/**
 * The request-time routes and their limits (src/server/limits.ts). Every
 * `prerender = false` route under src/pages/ has an entry here
 * (tests/unit/architecture.test.ts checks it); the server sends nothing else
 * to Astro.
 */
import { ROUTE_MODE_PATTERN, ROUTE_PATH, ROUTE_POINTS_PATTERN } from '../planner/routing-protocol.ts';
import { OPINION_ATTACHMENT } from '../schema/submission.ts';
import type { RouteLimits } from './limits.ts';

/** A page-like GET route: cheap, answers at once; the rate stops a flood, not a reader. */
const GET_PAGE: RouteLimits = { methods: ['GET'], query: 'any', maxBodyBytes: 0, timeoutMs: 5_000, perMinute: 600, burst: 120 };

export interface RequestTimeRoute {
  /** The Astro route file, for the architecture test. */
  file: string;
  limits: RouteLimits;
}

/**
 * The public's forms (issue 14): GET renders the form with a fresh token, POST
 * stores the submission. A person sends a few a day, not dozens a minute; the
 * store write (fsync) must answer within the time-out, else 503 — the form's
 * token makes a retry safe (the same receipt, never a second record).
 */
const FORM_POST: RouteLimits = { methods: ['GET', 'POST'], query: {}, maxBodyBytes: 64 * 1024, timeoutMs: 10_000, perMinute: 12, burst: 6 };
const noticeId = (v: string) => /^[\w-]{1,100}$/.test(v);

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
  // The opinion on a 批前公示, with its optional attachment (multipart, a little overhead on top of the file).
  '/submit/opinion': { file: 'src/pages/submit/opinion.astro', limits: { ...FORM_POST, query: { notice: noticeId }, maxBodyBytes: OPINION_ATTACHMENT.maxBytes + 64 * 1024 } },
  '/submit/application': { file: 'src/pages/submit/application.astro', limits: FORM_POST },
  // A token for the opinion form on a (static) notice page, fetched by its script.
  '/submit/token.json': {
    file: 'src/pages/submit/token.json.ts',
    limits: { ...GET_PAGE, query: { form: (v) => v === 'opinion' || v === 'application', notice: noticeId }, perMinute: 30, burst: 10 },
  },
  // The health check: the server and the submission store's ping (src/pages/health.json.ts). Monitors poll it; 2 s of ping at most.
  '/health.json': { file: 'src/pages/health.json.ts', limits: { ...GET_PAGE, query: {} } },
};

/** The largest body any route takes: Astro's own body limit (astro.config.mjs) is set to it, so ours decides. */
export const MAX_ROUTE_BODY_BYTES = Math.max(...Object.values(REQUEST_TIME_ROUTES).map((r) => r.limits.maxBodyBytes));

/** Withdrawn records (the paths in the static manifest's `gone` list): their 410 page and JSON twins. */
export const GONE_ROUTE: RequestTimeRoute = { file: 'src/pages/[...path].astro', limits: GET_PAGE };
