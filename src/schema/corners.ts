/**
 * A mining block's 拐点坐标 table (notice.ts, mining `corners`), as the
 * notice prints it: every row either CGCS2000 3° Gauss–Krüger X/Y with the
 * zone number in Y, or longitude/latitude. What a table can get wrong on its
 * own is checked here; whether it lies in the city (and lon/lat swapped,
 * detected from the city's outline) in dataset.ts through checkCornersInCity.
 */
import { z } from 'zod';
import { ZONE_MAX, ZONE_MIN, zoneOfY } from '../lib/gauss-kruger.ts';
import { cornerLonLat, cornersPolygon, type Corner } from '../lib/mining-corners.ts';
import { selfIntersection } from './polygons.ts';
import { ellipsoidalArea, sharedPart } from '../overlay/intersect.ts';
import type { AreaGeometry } from '../overlay/types.ts';

const metres = z.number({ error: '应为数字（米）' }).positive('应为正数（米）');

export const cornerRow = z
  .strictObject({
    /** 点号 as printed: 1, 2, J1 … */
    no: z.union([z.string().trim().min(1, '点号不能为空'), z.number().transform(String)]),
    // No range here: where the point lies is checked against the city's outline (checkCornersInCity),
    // which also tells swapped lon/lat (lat 123.6 would fail a range check without saying why).
    lon: z.number({ error: '经度应为数字' }).optional(),
    lat: z.number({ error: '纬度应为数字' }).optional(),
    /** X: northing in metres. */
    x: metres.optional(),
    /** Y: easting in metres with the 3° zone number in front (41 433 521.23). */
    y: metres.optional(),
  })
  .superRefine((c, ctx) => {
    const lonLat = c.lon !== undefined || c.lat !== undefined;
    const xy = c.x !== undefined || c.y !== undefined;
    if (lonLat && xy) ctx.addIssue({ code: 'custom', message: '拐点只写一种坐标：经度、纬度（lon、lat）或 X、Y（x、y）' });
    else if (!lonLat && !xy) ctx.addIssue({ code: 'custom', message: '拐点缺少坐标：写经度、纬度（lon、lat）或 CGCS2000 3° 带 X、Y（x、y）' });
    else if (lonLat && (c.lon === undefined || c.lat === undefined)) ctx.addIssue({ code: 'custom', path: [c.lon === undefined ? 'lon' : 'lat'], message: '经度和纬度须同时填写' });
    else if (xy && (c.x === undefined || c.y === undefined)) ctx.addIssue({ code: 'custom', path: [c.x === undefined ? 'x' : 'y'], message: 'X 和 Y 须同时填写' });
    else if (c.x !== undefined && c.y !== undefined) {
      // X is the northing (about 5 200 000 m at 47°N, 7 digits); Y carries the zone (8 digits).
      if (zoneOfY(c.y) === undefined) {
        if (zoneOfY(c.x) !== undefined && c.y >= 1_000_000 && c.y < 10_000_000)
          ctx.addIssue({ code: 'custom', path: ['y'], message: `X 和 Y 填反了：X 是纵坐标（北向，约 7 位整数），Y 是带号加横坐标（8 位整数）；请把 X 填 ${c.y}、Y 填 ${c.x}` });
        else if (c.y < 1_000_000)
          ctx.addIssue({ code: 'custom', path: ['y'], message: `Y 坐标 ${c.y} 没有带号：CGCS2000 3° 带的 Y 应以带号开头，如 41${String(Math.round(c.y)).padStart(6, '0')}（第 41 带）；请按原公告的坐标表填写带号` });
        else ctx.addIssue({ code: 'custom', path: ['y'], message: `Y 坐标 ${c.y} 的带号不是 3° 带（${ZONE_MIN}–${ZONE_MAX}）：Y 应为带号加 6 位横坐标` });
      }
    }
  });

/** The table: at least three rows of one kind, unique point numbers, bounding a simple polygon. */
export const cornerTable = z
  .array(cornerRow)
  .min(3, '拐点至少需要 3 个')
  .superRefine((rows, ctx) => {
    const kinds = new Set(rows.map((r) => (r.x !== undefined || r.y !== undefined ? 'xy' : 'lonlat')));
    if (kinds.size > 1) ctx.addIssue({ code: 'custom', message: '同一张拐点坐标表中有的写经纬度、有的写 X/Y：请统一为一种' });
    const seen = new Map<string, number>();
    rows.forEach((r, i) => {
      const first = seen.get(r.no);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'no'], message: `点号“${r.no}”重复（第 ${first + 1} 个拐点已用）` });
      else seen.set(r.no, i);
    });
    const points = rows.map((r) => cornerLonLat(r as Corner));
    points.forEach((p, i) => {
      const q = points[(i + 1) % points.length];
      if (p && q && i + 1 < points.length && p[0] === q[0] && p[1] === q[1])
        ctx.addIssue({ code: 'custom', path: [i + 1], message: `拐点 ${rows[i + 1]!.no} 与上一个拐点 ${rows[i]!.no} 重合` });
    });
    if (points.at(-1) && points[0] && rows.length > 3 && points.at(-1)![0] === points[0][0] && points.at(-1)![1] === points[0][1])
      ctx.addIssue({ code: 'custom', path: [rows.length - 1], message: '最后一个拐点与第一个相同：拐点表不必重复起点，程序会自动闭合' });
    const polygon = cornersPolygon(rows as Corner[]);
    const crossing = polygon && selfIntersection(polygon.coordinates[0]!);
    if (crossing)
      ctx.addIssue({ code: 'custom', message: `拐点连线自相交（在 [${crossing[0].toFixed(6)}, ${crossing[1].toFixed(6)}] 附近交叉）：拐点应沿矿区边界依次排列（顺时针或逆时针均可）` });
  }, { when: (payload) => payload.issues.length === 0 });

type Locate = (point: [number, number], expected?: string) => string | undefined;
type Report = (field: string, reason: string) => void;

/**
 * Cross-record part of the table check, given the city's districts:
 * longitude and latitude swapped (the point is outside the city and the
 * swapped one inside: 47°N, 123°E read as 123°N, 47°E is far outside any
 * Chinese city), and X/Y rows in a zone the city does not lie in. Returns
 * the rows as [lon, lat] for the usual inside-the-city check, or undefined
 * when a row was reported here (one message per mistake, not two).
 */
export function checkCornersInCity(
  corners: readonly Corner[],
  locate: Locate,
  district: string | undefined,
  cityZones: readonly number[],
  report: Report,
): [number, number][] | undefined {
  let reported = false;
  const points: [number, number][] = [];
  corners.forEach((c, i) => {
    const p = cornerLonLat(c);
    if (!p) return;
    points.push(p);
    if (locate(p, district) !== undefined) return;
    if (c.lon !== undefined && c.lat !== undefined) {
      const inside = locate([c.lat, c.lon], district);
      if (inside !== undefined) {
        report(`corners[${i}]`, `经度和纬度填反了：拐点 ${c.no}（lon ${c.lon}，lat ${c.lat}）不在本市范围内，交换后在“${inside}”内。请把 lon 填 ${c.lat}、lat 填 ${c.lon}`);
        reported = true;
      }
      return;
    }
    const zone = c.y === undefined ? undefined : zoneOfY(c.y);
    if (zone !== undefined && cityZones.length > 0 && !cityZones.includes(zone)) {
      report(`corners[${i}].y`, `拐点 ${c.no} 的 Y 带号为 ${zone}，本市位于 CGCS2000 3° 带第 ${cityZones.join('、')} 带：请核对 Y 的带号，或 X、Y 是否为其他坐标系（如 6° 带、西安80）`);
      reported = true;
    }
  });
  return reported ? undefined : points;
}

/** Least share of the two outlines' union that both must cover; below it they describe different ground. */
export const CORNERS_MATCH_MIN = 0.99;

/**
 * A notice with both a 拐点坐标 table and a `geometry`: the map draws the
 * geometry and the page prints the table, so they must describe the same
 * block. Compares the shared area (cut with @turf/intersect, measured on
 * the ellipsoid) with the larger of the two; returns the reason when they
 * disagree by more than 1 %.
 */
export function cornersGeometryMismatch(corners: readonly Corner[], geometry: AreaGeometry): string | undefined {
  const table = cornersPolygon(corners);
  if (!table) return undefined;
  const shared = sharedPart(table, geometry);
  const sharedM2 = shared ? ellipsoidalArea(shared) : 0;
  const tableM2 = ellipsoidalArea(table);
  const geometryM2 = ellipsoidalArea(geometry);
  const ratio = sharedM2 / Math.max(tableM2, geometryM2);
  if (ratio >= CORNERS_MATCH_MIN) return undefined;
  const ha = (m2: number) => `${(m2 / 10_000).toFixed(2)} 公顷`;
  return `拐点坐标围成的范围（${ha(tableM2)}）与 geometry（${ha(geometryM2)}）${shared ? `只重合 ${(ratio * 100).toFixed(1)}%` : '不相交'}：地图画的是 geometry，页面列的是拐点表，两者应为同一矿区范围。请以批准的拐点坐标为准核对 geometry`;
}
