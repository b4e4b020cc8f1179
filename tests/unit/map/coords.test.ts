import { describe, expect, it } from 'vitest';
import { formatLonLatDecimal, formatLonLatDms, normalizeLon, partOfExtent } from '../../../src/map/coords.ts';

describe('formatLonLatDecimal', () => {
  it.each([
    [123.918, 47.354, '123.91800°E, 47.35400°N'],
    [123.69, 46.78, '123.69000°E, 46.78000°N'],
    [-73.98565, 40.74844, '73.98565°W, 40.74844°N'],
    [151.2093, -33.8688, '151.20930°E, 33.86880°S'],
    [-58.3816, -34.6037, '58.38160°W, 34.60370°S'],
    [0, 0, '0.00000°E, 0.00000°N'],
    // Rounds to zero: no "W"/"S" on a zero.
    [-0.000001, -0.000004, '0.00000°E, 0.00000°N'],
    [-0.000006, -0.000006, '0.00001°W, 0.00001°S'],
    [180, 90, '180.00000°E, 90.00000°N'],
    [-180, -90, '180.00000°W, 90.00000°S'],
  ])('%f, %f → %s', (lon, lat, text) => expect(formatLonLatDecimal(lon, lat)).toBe(text));

  it('takes the number of decimals', () => {
    expect(formatLonLatDecimal(123.918, 47.354, 2)).toBe('123.92°E, 47.35°N');
    expect(formatLonLatDecimal(123.918, 47.354, 0)).toBe('124°E, 47°N');
  });

  it('brings longitudes of wrapped worlds back into ±180 and clamps latitude', () => {
    expect(formatLonLatDecimal(123.918 + 360, 47.354)).toBe('123.91800°E, 47.35400°N');
    expect(formatLonLatDecimal(123.918 - 720, 95)).toBe('123.91800°E, 90.00000°N');
  });

  it('prints a dash for non-finite input', () => {
    expect(formatLonLatDecimal(NaN, 47)).toBe('—');
    expect(formatLonLatDecimal(123, Infinity)).toBe('—');
  });
});

describe('formatLonLatDms', () => {
  it.each([
    [123.918, 47.354, '123°55′04.8″E 47°21′14.4″N'],
    [123.69, 46.78, '123°41′24.0″E 46°46′48.0″N'],
    [0, 0, '0°00′00.0″E 0°00′00.0″N'],
    [-73.98565, 40.74844, '73°59′08.3″W 40°44′54.4″N'],
    [151.2093, -33.8688, '151°12′33.5″E 33°52′07.7″S'],
    [-58.3816, -34.6037, '58°22′53.8″W 34°36′13.3″S'],
    [180, -90, '180°00′00.0″E 90°00′00.0″S'],
  ])('%f, %f → %s', (lon, lat, text) => expect(formatLonLatDms(lon, lat)).toBe(text));

  it('carries 59.95″ into the next minute and 59′59.95″ into the next degree', () => {
    const lat = 47 + 21 / 60 + 59.95 / 3600;
    expect(formatLonLatDms(123, lat)).toBe('123°00′00.0″E 47°22′00.0″N');
    const lon = 123 + 59 / 60 + 59.96 / 3600;
    expect(formatLonLatDms(lon, 47)).toBe('124°00′00.0″E 47°00′00.0″N');
    // Every minute of every degree, not only the ones that happen to round well in binary.
    for (let d = 0; d < 180; d++)
      for (let m = 0; m < 60; m++) {
        const next = m === 59 ? `${d + 1}°00′` : `${d}°${String(m + 1).padStart(2, '0')}′`;
        expect(formatLonLatDms(d + m / 60 + 59.95 / 3600, 0).startsWith(`${next}00.0″E`), `${d}°${m}′59.95″`).toBe(true);
      }
  });

  it('does not carry 59.94″', () => {
    expect(formatLonLatDms(123, 47 + 21 / 60 + 59.94 / 3600)).toBe('123°00′00.0″E 47°21′59.9″N');
  });

  it('drops the sign of a value that rounds to zero, and keeps W/S otherwise', () => {
    expect(formatLonLatDms(-0.00001, -0.00001)).toBe('0°00′00.0″E 0°00′00.0″N');
    expect(formatLonLatDms(-0.0001, -0.0001)).toBe('0°00′00.4″W 0°00′00.4″S');
  });

  it('normalises wrapped longitudes and rejects non-finite input', () => {
    expect(formatLonLatDms(123.918 + 360, 47.354)).toBe('123°55′04.8″E 47°21′14.4″N');
    expect(formatLonLatDms(NaN, 0)).toBe('—');
    expect(formatLonLatDms(0, -Infinity)).toBe('—');
  });
});

describe('normalizeLon', () => {
  it.each([
    [123.9, 123.9], [180, 180], [-180, -180], [483.9, 123.9], [-236.1, 123.9], [540, -180], [-540, -180],
  ])('%f → %f', (lon, expected) => expect(normalizeLon(lon)).toBeCloseTo(expected, 9));
});

describe('partOfExtent', () => {
  const city = [122.41, 46.22, 126.66, 48.93] as const;
  it('names the third each way, east/west first, the middle 中部', () => {
    expect(partOfExtent(124.5, 47.5, city)).toBe('中部');
    expect(partOfExtent(122.9, 48.6, city)).toBe('西北部');
    expect(partOfExtent(126.2, 46.5, city)).toBe('东南部');
    expect(partOfExtent(124.5, 48.7, city)).toBe('北部');
    expect(partOfExtent(123.4, 47.5, city)).toBe('西部');
  });
  it('says nothing outside the extent, for an empty extent or non-finite input', () => {
    expect(partOfExtent(116.4, 39.9, city)).toBeUndefined();
    expect(partOfExtent(124, 47, [124, 47, 124, 47])).toBeUndefined();
    expect(partOfExtent(Number.NaN, 47, city)).toBeUndefined();
  });
});
