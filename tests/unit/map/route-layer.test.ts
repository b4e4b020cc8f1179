/** src/map/route-layer.ts: a route's line and numbered stops, framed. */
import { describe, expect, it } from 'vitest';
import { containsCoordinate } from 'ol/extent.js';
import { fromLonLat } from 'ol/proj.js';
import type Text from 'ol/style/Text.js';
import { createRouteLayer, routeFeatures, stopMarkerStyle } from '../../../src/map/route-layer.ts';
import { LAYER_Z } from '../../../src/map/layer-order.ts';
import type { RouteOverlay } from '../../../src/map/types.ts';

const route: RouteOverlay = {
  line: [[123.95, 47.31], [123.41, 46.39], [123.69, 46.78]],
  stops: [
    { lon: 123.95, lat: 47.31, label: '1', title: '甲' },
    { lon: 123.41, lat: 46.39, label: '2', title: '乙' },
    { lon: 123.69, lat: 46.78, label: '3', title: '丙' },
  ],
};

describe('route layer', () => {
  it('draws one line through the stops and a numbered marker per stop, in order', () => {
    const features = routeFeatures(route, 'EPSG:3857');
    expect(features.map((f) => `${f.getGeometry()!.getType()}:${f.get('label') ?? ''}`)).toEqual(['LineString:', 'Point:1', 'Point:2', 'Point:3']);
    expect((stopMarkerStyle('2').getText() as Text).getText()).toBe('2');
    // One style object per label: the map does not make a new one per frame.
    expect(stopMarkerStyle('2')).toBe(stopMarkerStyle('2'));
  });
  it('sits at its own z-order and frames every stop', () => {
    const { layer, extent } = createRouteLayer(route, 'EPSG:3857');
    expect(layer.getZIndex()).toBe(LAYER_Z.route);
    for (const s of route.stops) expect(containsCoordinate(extent!, fromLonLat([s.lon, s.lat]))).toBe(true);
  });
  it('a route without stops has nothing to frame', () => {
    expect(createRouteLayer({ line: [], stops: [] }, 'EPSG:3857').extent).toBeUndefined();
  });
});
