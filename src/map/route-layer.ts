/**
 * A study route on an embedded map: the line through its stops and each
 * stop as a numbered marker, in the order of the page's list of stops. The
 * page hands a declarative RouteOverlay (./types.ts); this module alone
 * makes the OpenLayers layer. The markers are drawing, not selectable
 * features: the numbered HTML list beside the map is where a reader acts.
 */
import Feature from 'ol/Feature.js';
import LineString from 'ol/geom/LineString.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { isEmpty, type Extent } from 'ol/extent.js';
import { LAYER_Z } from './layer-order.ts';
import type { RouteOverlay } from './types.ts';

/** Brand red; white text on it has 6.4:1 contrast (WCAG 1.4.3), the casing keeps the line visible on dark imagery. */
const ROUTE_COLOR = '#b3261e';

const LINE_STYLES = [new Style({ stroke: new Stroke({ color: '#ffffff', width: 7 }) }), new Style({ stroke: new Stroke({ color: ROUTE_COLOR, width: 4 }) })];

const markerCache = new Map<string, Style>();
/** The marker of stop `label` (its number): a red disc with a white ring and the number in white. */
export function stopMarkerStyle(label: string): Style {
  let s = markerCache.get(label);
  if (!s)
    markerCache.set(
      label,
      (s = new Style({
        image: new Circle({ radius: 12, fill: new Fill({ color: ROUTE_COLOR }), stroke: new Stroke({ color: '#ffffff', width: 3 }) }),
        text: new Text({ text: label, fill: new Fill({ color: '#ffffff' }), font: 'bold 13px sans-serif' }),
        zIndex: 2,
      })),
    );
  return s;
}

/** The route's features in the view's projection: the line first, then the stops. */
export function routeFeatures(route: RouteOverlay, projection: string): Feature[] {
  const line = new Feature(new LineString(route.line.map((p) => fromLonLat(p, projection))));
  line.set('role', 'line');
  const stops = route.stops.map((stop) => {
    const f = new Feature(new Point(fromLonLat([stop.lon, stop.lat], projection)));
    f.set('role', 'stop');
    f.set('label', stop.label);
    f.set('title', stop.title);
    return f;
  });
  return [line, ...stops];
}

/** Adds the route's layer to the map; returns its extent to frame. */
export function createRouteLayer(route: RouteOverlay, projection: string): { layer: VectorLayer; extent: Extent | undefined } {
  const source = new VectorSource({ features: routeFeatures(route, projection) });
  const layer = new VectorLayer({
    source,
    zIndex: LAYER_Z.route,
    style: (f) => (f.get('role') === 'line' ? LINE_STYLES : stopMarkerStyle(String(f.get('label')))),
  });
  const extent = source.getExtent();
  // An empty route (the schema allows none) has an infinite extent: nothing to frame.
  return { layer, extent: extent && !isEmpty(extent) ? extent : undefined };
}
