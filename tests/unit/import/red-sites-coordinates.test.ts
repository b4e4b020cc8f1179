import { describe, expect, it } from 'vitest';
import { diagnosePoint, parseCrs, toWgs84 } from '../../../src/import/red-sites/coordinates.ts';
import { DistrictLocator } from '../../../src/schema/index.ts';
import { dataset } from './support.ts';

const locator = async () => new DistrictLocator((await dataset()).boundaries);

describe('coordinates of a surveyed point', () => {
  it('reads what a 坐标系 cell may say, and nothing else', () => {
    expect(['CGCS2000', 'wgs-84', '天地图', 'GCJ-02', '高德', 'gcj02', 'BD-09', '百度'].map(parseCrs)).toEqual(['wgs84', 'wgs84', 'wgs84', 'gcj02', 'gcj02', 'gcj02', 'bd09', 'bd09']);
    expect(parseCrs('北京54')).toBeUndefined();
    expect(parseCrs('西安80')).toBeUndefined();
  });
  it('converts GCJ-02 and BD-09 to WGS84 at 6 decimals; WGS84 stays', () => {
    expect(toWgs84([123.972478, 47.317343], 'gcj02')).toEqual([123.965829, 47.315233]);
    expect(toWgs84([123.95, 47.31], 'wgs84')).toEqual([123.95, 47.31]);
  });
  it('finds a point in its district, or says it lies in another one', async () => {
    const l = await locator();
    expect(diagnosePoint(l, [123.95, 47.3152], '龙沙区')).toEqual({ kind: 'ok' });
    expect(diagnosePoint(l, [123.95, 47.3152], undefined)).toEqual({ kind: 'ok' });
    // Deep inside 建华区, not near 龙沙区: no conversion explains it, the district is simply another.
    expect(diagnosePoint(l, [123.9486, 47.3923], '龙沙区')).toEqual({ kind: 'other-district', found: '建华区' });
  });
  it('explains a point that is off: swapped, GCJ-02, outside', async () => {
    const l = await locator();
    expect(diagnosePoint(l, [47.3152, 123.95], '龙沙区')).toEqual({ kind: 'swapped', fixed: [123.95, 47.3152], district: '龙沙区' });
    expect(diagnosePoint(l, [123.972478, 47.317343], '龙沙区')).toEqual({ kind: 'offset', crs: 'gcj02', converted: [123.965829, 47.315233], district: '龙沙区' });
    expect(diagnosePoint(l, [116.397, 39.909], '龙沙区')).toEqual({ kind: 'outside' });
  });
});
