/**
 * A study route with its stops resolved and its timetable estimated
 * (./route-legs.ts), and its GeoJSON: the route page, its .json and
 * .geojson twins, the red-routes map collection and the itinerary all read
 * this one plan.
 */
import type { LonLat } from '../map/geodesy.ts';
import type { RedRoute, RedSite } from '../schema/red.ts';
import type { Feature } from './geojson.ts';
import { ESTIMATE_LABEL, TRAVEL_MODES, clock, timetable, type Timetable } from './route-legs.ts';
import { urls } from './urls.ts';

export type RoutePlan = {
  route: RedRoute;
  /** The stops' sites, in visiting order. */
  sites: RedSite[];
  line: LonLat[];
  timetable: Timetable;
};

export function routePlan(route: RedRoute, sites: RedSite[]): RoutePlan {
  const line = sites.map((s): LonLat => [s.location.coordinates[0], s.location.coordinates[1]]);
  const table = timetable(route.stops.map((st, i) => ({ point: line[i]!, dwellMinutes: st.dwellMinutes, day: st.day })), route.mode, route.startTime);
  return { route, sites, line, timetable: table };
}

const metres = (m: number) => Math.round(m);

/** The route's line, as the red-routes collection and the .geojson twin carry it. */
export function routeLineFeature(plan: RoutePlan): Feature {
  const { route: r, timetable: t } = plan;
  return {
    type: 'Feature',
    id: r.id,
    geometry: { type: 'LineString', coordinates: plan.line.map(([x, y]) => [x, y]) },
    properties: {
      kind: 'route',
      route: r.id,
      title: r.name,
      theme: r.theme,
      mode: r.mode,
      duration: r.duration,
      stops: r.stops.length,
      estimate: ESTIMATE_LABEL,
      roadFactor: TRAVEL_MODES[r.mode].roadFactor,
      speedKmh: TRAVEL_MODES[r.mode].kmh,
      totalMetres: metres(t.totalMetres),
      travelMinutes: t.travelMinutes,
      url: urls.redRoute(r),
      sample: r.sample,
    },
  };
}

/** The .geojson twin: the line, then each stop as a point with its order, times and leg. */
export function routeFeatureCollection(plan: RoutePlan): { type: 'FeatureCollection'; name: string; title: string; features: Feature[] } {
  const { route: r, sites, timetable: t } = plan;
  const stops: Feature[] = r.stops.map((stop, i) => {
    const time = t.stops[i]!;
    const leg = t.legs[i];
    return {
      type: 'Feature',
      id: `${r.id}:${i + 1}`,
      geometry: sites[i]!.location,
      properties: {
        kind: 'stop',
        route: r.id,
        order: i + 1,
        site: sites[i]!.id,
        title: sites[i]!.name,
        day: time.day,
        arrive: clock(time.arrive),
        depart: clock(time.depart),
        dwellMinutes: stop.dwellMinutes,
        task: stop.task ?? null,
        legMetres: leg ? metres(leg.metres) : null,
        legMinutes: leg?.minutes ?? null,
        estimate: ESTIMATE_LABEL,
        url: urls.redSite(sites[i]!),
      },
    };
  });
  return { type: 'FeatureCollection', name: r.id, title: r.name, features: [routeLineFeature(plan), ...stops] };
}
