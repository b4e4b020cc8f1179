import { GRS80 } from '../../../src/map/geodesy.ts';
import { describe, expect, it } from 'vitest';
import { centralMeridianEpsg, gkToLonLat, lonLatToGk, lonLatToGkWithoutZone, zoneEpsg, zoneOfLongitude, zoneOfY } from '../../../src/lib/gauss-kruger.ts';

describe('CGCS2000 3° Gauss–Krüger', () => {
  it('names the EPSG codes of a zone, with and without the zone in Y', () => {
    expect(zoneEpsg(25)).toBe('EPSG:4513');
    expect(zoneEpsg(41)).toBe('EPSG:4529');
    expect(zoneEpsg(45)).toBe('EPSG:4533');
    expect(centralMeridianEpsg(41)).toBe('EPSG:4550');
    expect(centralMeridianEpsg(42)).toBe('EPSG:4551');
    expect(zoneOfLongitude(122.93)).toBe(41);
    expect(zoneOfLongitude(125.4)).toBe(42);
  });

  it('puts a point on the central meridian at easting 500 000 m, the zone in front', () => {
    const { x, y } = lonLatToGk(123, 47.5);
    expect(y).toBeCloseTo(41_500_000, 6);
    // On the central meridian X is the meridian arc from the equator (k = 1): GeographicLib's geodesic on GRS80.
    expect(x).toBeCloseTo(GRS80.Inverse(0, 123, 47.5, 123).s12!, 3);
    expect(lonLatToGkWithoutZone(123, 47.5).y).toBeCloseTo(500_000, 6);
  });

  it('converts X/Y back to the same lon/lat to well under a centimetre', () => {
    const [lon, lat] = gkToLonLat(lonLatToGk(122.933736, 47.55118));
    expect(lon).toBeCloseTo(122.933736, 9);
    expect(lat).toBeCloseTo(47.55118, 9);
  });

  it('reads the zone from Y, and refuses a Y without it or with no 3° zone', () => {
    expect(zoneOfY(41_495_012.29)).toBe(41);
    expect(zoneOfY(495_012.29)).toBeUndefined();
    expect(zoneOfY(5_268_527.24)).toBeUndefined();
    expect(zoneOfY(99_500_000)).toBeUndefined();
    expect(() => gkToLonLat({ x: 5_268_527.24, y: 495_012.29 })).toThrow(/没有带号/);
    expect(() => zoneEpsg(46)).toThrow(/25–45/);
  });
});
