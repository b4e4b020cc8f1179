/**
 * Tianditu's 驾车规划 (driving route) service: the one upstream URL of the
 * road-routing route, and the reading of its answer. Request:
 *
 *   https://api.tianditu.gov.cn/drive?postStr={"orig":"lon,lat","dest":"lon,lat","style":"0"}&type=search&tk=<服务端 key>
 *
 * (`style` 0 fastest, 1 shortest, 2 avoiding expressways, 3 walking). The
 * answer is XML, not JSON: <result> with <distance> in kilometres,
 * <duration> in seconds and <routelatlon>, the whole route as
 * "lon,lat;lon,lat;…" (research notes in ../shared/reference/tianditu.md
 * §3.2; the official page documents no response fields, so every field is
 * checked and a doubtful answer is refused rather than shown as a road).
 */
import { simplifyLineString } from 'ol/geom/flat/simplify.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { geodesicMetres } from '../planner/geo.ts';
import type { LonLat } from '../planner/types.ts';

/** The only address this module ever builds; only the validated coordinates, the style and the key vary. */
export const TIANDITU_DRIVE_URL = 'https://api.tianditu.gov.cn/drive';

export const TIANDITU_SERVER_KEY_PATTERN = /^[0-9a-f]{32}$/;

const lonLat = (p: LonLat): string => `${p[0]},${p[1]}`;

export function driveUrl(orig: LonLat, dest: LonLat, style: '0' | '3', key: string): string {
  const postStr = JSON.stringify({ orig: lonLat(orig), dest: lonLat(dest), style });
  return `${TIANDITU_DRIVE_URL}?postStr=${encodeURIComponent(postStr)}&type=search&tk=${encodeURIComponent(key)}`;
}

export type DriveLeg = { ok: true; distanceM: number; durationS?: number; line: [number, number][] } | { ok: false; reason: string };

/** Squared tolerance in degrees² for the route line: about 5 m, finer than a city map shows. */
const SIMPLIFY_SQ = 5e-5 ** 2;
/** Points per leg kept at most, so that an answer and the cache stay small. */
export const MAX_LINE_POINTS = 2000;

function readLine(text: string): [number, number][] | undefined {
  const flat: number[] = [];
  for (const pair of text.split(';')) {
    if (pair.trim() === '') continue;
    const [lon, lat, extra] = pair.split(',').map((s) => Number(s.trim()));
    if (extra !== undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon!) > 180 || Math.abs(lat!) > 90) return undefined;
    flat.push(lon!, lat!);
  }
  if (flat.length < 4) return undefined;
  let tolerance = SIMPLIFY_SQ;
  let simple = simplifyLineString(flat, 0, flat.length, 2, tolerance, true);
  while (simple.length / 2 > MAX_LINE_POINTS) simple = simplifyLineString(flat, 0, flat.length, 2, (tolerance *= 4), true);
  const line: [number, number][] = [];
  for (let i = 0; i < simple.length; i += 2) line.push([Math.round(simple[i]! * 1e6) / 1e6, Math.round(simple[i + 1]! * 1e6) / 1e6]);
  return line;
}

/**
 * Reads a drive answer for the leg orig → dest. A road distance below 90 %
 * of the straight line, or above five times it plus 20 km, is refused: it
 * means a misread unit or a route to somewhere else, and an estimate is
 * more honest than a wrong road.
 */
export function readDriveAnswer(xml: string, orig: LonLat, dest: LonLat): DriveLeg {
  if (XMLValidator.validate(xml) !== true) return { ok: false, reason: '天地图返回的不是路线（不是 XML）' };
  const doc = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true }).parse(xml) as { result?: Record<string, unknown> };
  const result = doc.result;
  if (!result || typeof result !== 'object') return { ok: false, reason: '天地图返回的不是路线' };
  const km = Number(result['distance']);
  const seconds = Number(result['duration']);
  const line = typeof result['routelatlon'] === 'string' ? readLine(result['routelatlon']) : undefined;
  if (!Number.isFinite(km) || km < 0 || !line) return { ok: false, reason: '天地图没有找到这两点间的道路' };
  const distanceM = Math.round(km * 1000);
  const straight = geodesicMetres(orig, dest);
  if (distanceM < straight * 0.9 - 50 || distanceM > straight * 5 + 20_000) return { ok: false, reason: '天地图返回的距离与两点间直线距离不符，未采用' };
  return { ok: true, distanceM, ...(Number.isFinite(seconds) && seconds > 0 ? { durationS: Math.round(seconds) } : {}), line };
}
