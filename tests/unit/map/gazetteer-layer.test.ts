import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat } from 'ol/proj.js';
import type Style from 'ol/style/Style.js';
import { describe, expect, it } from 'vitest';
import { createGazetteerLayer, gazetteerFeatures, LABEL_DECLUTTER, MIN_ZOOM, placeVisible } from '../../../src/map/gazetteer-layer.ts';

const gazetteer = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'longsha-gongyuan', properties: { name: '龙沙公园', kind: '地名', district: '龙沙区' }, geometry: { type: 'Point', coordinates: [123.9455, 47.3296] } },
    { type: 'Feature', id: 'jiangqiao-zhen', properties: { name: '江桥镇', kind: '乡镇', district: '泰来县' }, geometry: { type: 'Point', coordinates: [123.6835, 46.7845] } },
  ],
};
const overview = { type: 'FeatureCollection', features: [{ type: 'Feature', id: '230224', properties: { name: '泰来县', code: '230224', labelPoint: [123.41, 46.39] } }, { properties: { name: '坏数据' } }] };

describe('placeVisible', () => {
  it('names towns from zoom 9, streets and villages from 11, places from 12', () => {
    expect(placeVisible('乡镇', 9)).toBe(true);
    expect(placeVisible('街道', 11)).toBe(true);
    expect(placeVisible('地名', 12.5)).toBe(true);
    expect(MIN_ZOOM.乡镇).toBeLessThan(MIN_ZOOM.地名);
  });
  it('hides them below, and never names an unknown kind or at an unknown zoom', () => {
    expect(placeVisible('乡镇', 8.9)).toBe(false);
    expect(placeVisible('地名', 11)).toBe(false);
    expect(placeVisible('district', 15)).toBe(false);
    expect(placeVisible('乡镇', Number.NaN)).toBe(false);
  });
});

describe('gazetteerFeatures', () => {
  it('reads the places into the view projection and adds the district label points as obstacles, first', () => {
    const features = gazetteerFeatures(gazetteer, overview, 'EPSG:3857');
    expect(features.map((f) => f.get('role'))).toEqual(['district', '地名', '乡镇']);
    expect(features[0]!.get('name')).toBe('泰来县');
    const at = (features[2]!.getGeometry() as Point).getCoordinates();
    expect(at[0]).toBeCloseTo(fromLonLat([123.6835, 46.7845])[0]!, 3);
  });
  it('skips district entries without a label point, and reads nothing from nothing', () => {
    expect(gazetteerFeatures({ type: 'FeatureCollection', features: [] }, {}, 'EPSG:3857')).toEqual([]);
  });
});

describe('createGazetteerLayer', () => {
  // Tianditu level z ↔ resolution in EPSG:3857.
  const resolution = (z: number) => 156543.03392804097 / 2 ** z;
  const zoomForResolution = (r: number) => Math.log2(156543.03392804097 / r);
  const layer = createGazetteerLayer({ projection: 'EPSG:3857', zoomForResolution });
  const style = (f: Feature, z: number) => layer.getStyleFunction()!(f, resolution(z)) as Style | undefined;
  const town = new Feature({ geometry: new Point([0, 0]), name: '江桥镇', role: '乡镇' });
  const district = new Feature({ geometry: new Point([0, 0]), name: '泰来县', role: 'district' });

  it('declutters in its own group and labels a town with its name at its zoom', () => {
    expect(layer.getDeclutter()).toBe(LABEL_DECLUTTER);
    const s = style(town, 10);
    expect(s?.getText()?.getText()).toBe('江桥镇');
    // The district obstacle blocks, drawing nothing visible.
    const o = style(district, 10);
    expect(o?.getText()?.getDeclutterMode()).toBe('obstacle');
    expect(o?.getText()?.getFill()?.getColor()).toBe('rgba(0, 0, 0, 0)');
  });
  it('draws nothing below the zoom, neither the town nor the obstacle', () => {
    expect(style(town, 8)).toBeUndefined();
    expect(style(district, 8)).toBeUndefined();
  });
});
