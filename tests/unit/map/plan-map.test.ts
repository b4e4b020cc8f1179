/** src/map/plan-map.ts: the planner's overlay attribute, its features, and the pick target. */
import { describe, expect, it } from 'vitest';
import { parsePlanOverlay, planFeatures, readPickTarget, type PlanOverlay } from '../../../src/map/plan-map.ts';

const overlay: PlanOverlay = {
  legs: [
    [[123.95, 47.34], [123.94, 47.35], [123.9385, 47.3465]],
    [[123.9385, 47.3465], [123.95, 47.34]],
  ],
  points: [
    { lon: 123.95, lat: 47.34, label: '起', title: '第一中学', kind: 'start' },
    { lon: 123.9385, lat: 47.3465, label: '1', title: '齐齐哈尔市烈士陵园', kind: 'stop' },
  ],
  fit: 2,
};

describe('plan overlay attribute', () => {
  it('reads the page’s JSON: legs with their road vertices, numbered points, the fit counter', () => {
    expect(parsePlanOverlay(JSON.stringify(overlay))).toEqual(overlay);
    expect(parsePlanOverlay(JSON.stringify({ legs: [], points: [] }))).toEqual({ legs: [], points: [], fit: 0 });
    const features = planFeatures(overlay, 'EPSG:3857');
    expect(features.map((f) => `${f.getGeometry()!.getType()}:${f.get('role')}:${f.get('label') ?? ''}`)).toEqual(['LineString:leg:', 'LineString:leg:', 'Point:start:起', 'Point:stop:1']);
  });
  it('draws nothing for anything malformed: not JSON, a one-point leg, a point off the globe, an unknown kind', () => {
    for (const bad of ['', '{', 'null', '[]', JSON.stringify({ legs: [[[1, 2]]], points: [] }), JSON.stringify({ legs: [], points: [{ ...overlay.points[0], lat: 123 }] }), JSON.stringify({ legs: [], points: [{ ...overlay.points[0], kind: 'via' }] })])
      expect(parsePlanOverlay(bad), bad).toBeUndefined();
    expect(parsePlanOverlay(undefined)).toBeUndefined();
  });
});

describe('pick target', () => {
  it('is the start or the end', () => {
    expect(readPickTarget('start')).toBe('start');
    expect(readPickTarget('end')).toBe('end');
  });
  it('is nothing otherwise', () => {
    for (const v of ['', 'Start', 'school', null, undefined]) expect(readPickTarget(v)).toBeUndefined();
  });
});
