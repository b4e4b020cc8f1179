/**
 * Where a surveyed point really is. Three slips are common in survey sheets
 * and each moves a site without any error a schema could see:
 *
 * - 经度 and 纬度 swapped: the swapped point is in the city, the written one is not;
 * - GCJ-02 (高德, 腾讯) or BD-09 (百度) coordinates pasted as CGCS2000: they sit
 *   300–600 m (BD-09: about 1 km) off. Seen when the converted point lies in
 *   the district the row names and the written one does not, or the written
 *   one is outside the city and the converted one inside. Deep inside a
 *   district both lie in it and nothing can tell them apart: then only the
 *   坐标系 column (or the flag) says what the numbers are;
 * - simply outside the city.
 *
 * Conversion is never silent: the import offers it (--from-gcj02) and says
 * which rows it converted.
 */
import gcoord from 'gcoord';
import type { DistrictLocator } from '../../schema/dataset.ts';

export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export type Point = [number, number];

export const CRS_NAMES: Record<Crs, string> = { wgs84: 'CGCS2000/WGS84', gcj02: 'GCJ-02（高德、腾讯地图）', bd09: 'BD-09（百度地图）' };
export const CRS_FLAGS: Record<Exclude<Crs, 'wgs84'>, string> = { gcj02: '--from-gcj02', bd09: '--from-bd09' };

/** What the 坐标系 column may say; CGCS2000 and WGS84 differ by centimetres, far below these points' precision. */
export function parseCrs(text: string): Crs | undefined {
  const s = text.normalize('NFKC').toUpperCase().replace(/[\s_-]/g, '');
  if (/^(CGCS2000|CGCS|WGS84|WGS|GPS|天地图|北斗|EPSG4326|EPSG4490|国家2000|2000)$/.test(s)) return 'wgs84';
  if (/^(GCJ02|GCJ|高德|腾讯|火星|高德地图|腾讯地图|火星坐标)$/.test(s)) return 'gcj02';
  if (/^(BD09|BD|百度|百度地图)$/.test(s)) return 'bd09';
  return undefined;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function toWgs84(p: Point, from: Crs): Point {
  if (from === 'wgs84') return p;
  const [x, y] = gcoord.transform(p, from === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as Point;
  return [round6(x), round6(y)];
}

export type Diagnosis =
  | { kind: 'ok' }
  | { kind: 'swapped'; fixed: Point; district: string }
  | { kind: 'offset'; crs: Exclude<Crs, 'wgs84'>; converted: Point; district: string }
  | { kind: 'outside' }
  | { kind: 'other-district'; found: string };

/**
 * The point against the district its row names (undefined when the row names
 * none the boundaries know: then only “inside the city” is asked).
 */
export function diagnosePoint(locator: DistrictLocator, p: Point, district: string | undefined): Diagnosis {
  const found = locator.locate(p, district);
  if (found !== undefined && (district === undefined || found === district)) return { kind: 'ok' };
  const swapped: Point = [p[1], p[0]];
  const inSwapped = locator.locate(swapped, district);
  if (inSwapped !== undefined && (found === undefined || inSwapped === district)) return { kind: 'swapped', fixed: swapped, district: inSwapped };
  for (const crs of ['gcj02', 'bd09'] as const) {
    const converted = toWgs84(p, crs);
    const inConverted = locator.locate(converted, district);
    if (inConverted !== undefined && (district === undefined ? found === undefined : inConverted === district)) return { kind: 'offset', crs, converted, district: inConverted };
  }
  if (found === undefined) return { kind: 'outside' };
  return { kind: 'other-district', found };
}
