import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import { jsonResponse } from '../../../lib/responses.ts';
import { urls } from '../../../lib/urls.ts';
import { routePlan, type RoutePlan } from '../../../lib/red-route.ts';
import { ESTIMATE_LABEL, TRAVEL_MODES, clock } from '../../../lib/route-legs.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.redRoutes.map((route) => ({ params: { id: route.id }, props: { plan: routePlan(route, view.routeSites(route)) } }));
}) satisfies GetStaticPaths;

/** The route record as published, with its estimated timetable (直线估算) beside it. */
export const GET: APIRoute<{ plan: RoutePlan }> = ({ props: { plan } }) => {
  const { route, timetable: t } = plan;
  return jsonResponse({
    ...route,
    url: urls.redRoute(route),
    geojson: `${urls.redRoute(route).replace(/\/$/, '')}.geojson`,
    estimate: {
      method: ESTIMATE_LABEL,
      roadFactor: TRAVEL_MODES[route.mode].roadFactor,
      speedKmh: TRAVEL_MODES[route.mode].kmh,
      totalMetres: Math.round(t.totalMetres),
      travelMinutes: t.travelMinutes,
      visitMinutes: t.visitMinutes,
      stops: t.stops.map((s, i) => ({ site: route.stops[i]!.site, day: s.day, arrive: clock(s.arrive), depart: clock(s.depart), legMetres: t.legs[i] ? Math.round(t.legs[i]!.metres) : null, legMinutes: t.legs[i]?.minutes ?? null })),
    },
  });
};
