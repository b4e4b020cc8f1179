/**
 * The gazetteer (data/boundaries/gazetteer.geojson): towns, 街道, villages and
 * named places the records mention, as points, drawn as names on the 示意底图
 * and listed on /map/. It is optional: without the file the map simply has no
 * town names.
 *
 * Its cross-record check (checkGazetteer, run by validateDataset) keeps the
 * points honest: each lies in the district it names, and every record of that
 * district that names the place in its location fields (name, title,
 * address, location) lies within the place's radius. So a town label never
 * sits kilometres away from the notices that say they are in that town.
 */
import { z } from 'zod';
import { nonEmptyText, pointGeometry, recordId } from './common.ts';
import type { DataIssue, Entry } from './dataset.ts';

export const gazetteerKinds = ['乡镇', '街道', '村', '地名'] as const;
export type GazetteerKind = (typeof gazetteerKinds)[number];

/**
 * How far (km) from its point a place reaches when the entry gives no
 * `radiusKm`: a 乡镇 spans kilometres, a 街道 or 村 a few, a park or
 * memorial one or two. Development zones and industrial parks give their own.
 */
export const DEFAULT_RADIUS_KM: Record<GazetteerKind, number> = { 乡镇: 15, 街道: 3, 村: 3, 地名: 2 };

export const gazetteerFeature = z.strictObject({
  type: z.literal('Feature'),
  /** Stable id (lower-case letters, digits, hyphens), e.g. jiangqiao-zhen. */
  id: recordId,
  properties: z.strictObject({
    /** The standard name as the records write it, e.g. 江桥镇. */
    name: z.string().trim().min(2, '地名至少 2 个字'),
    kind: z.enum(gazetteerKinds, { error: `类别应为 ${gazetteerKinds.join('、')}` }),
    /** The 区县 it lies in, as in districts.geojson. */
    district: nonEmptyText,
    /** Overrides DEFAULT_RADIUS_KM for this place. */
    radiusKm: z.number().positive().max(50, '范围半径不应超过 50 公里').optional(),
    /** Where the name and the point come from (e.g. 国家地名信息库, or 示例数据 and how it was placed). */
    source: nonEmptyText,
    /** True for sample places (示例数据): the page then says so. */
    sample: z.boolean(),
  }),
  geometry: pointGeometry,
});
export type GazetteerFeature = z.infer<typeof gazetteerFeature>;

export const gazetteerCollection = z.strictObject({
  type: z.literal('FeatureCollection'),
  metadata: z.strictObject({
    source: nonEmptyText,
    licence: nonEmptyText,
    datum: z.literal('CGCS2000/WGS84'),
    /** True while the whole file is sample data (示例数据). */
    sample: z.boolean(),
    note: z.string().optional(),
  }),
  features: z.array(gazetteerFeature),
});
export type GazetteerCollection = z.infer<typeof gazetteerCollection>;

/** Keys whose text says where a record is; `contact` and `booking` are about an office, not the place. */
const WHERE_KEYS = new Set(['name', 'title', 'address', 'location']);
const SKIP_KEYS = new Set(['contact', 'booking']);

/** The text of a record's location fields (name, title, address, location, also nested, e.g. parcels[].location). */
export function whereText(record: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown, key: string | undefined) => {
    if (typeof value === 'string') {
      if (key !== undefined && WHERE_KEYS.has(key)) out.push(value);
    } else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!SKIP_KEYS.has(k)) walk(v, k);
  };
  walk(record, undefined);
  return out.join('\n');
}

/** Distance in km between two lon/lat points (equirectangular: ample at city scale). */
export function distanceKm([lon1, lat1]: readonly number[], [lon2, lat2]: readonly number[]): number {
  const rad = Math.PI / 180;
  const x = (lon2! - lon1!) * rad * Math.cos(((lat1! + lat2!) / 2) * rad);
  const y = (lat2! - lat1!) * rad;
  return 6371.0088 * Math.hypot(x, y);
}

/** A record as the gazetteer check sees it: its file, district, location text and vertices. */
export type PlacedRecord = { file: string; district: string | undefined; text: string; vertices: [number, number][] };

/** How far a record's geometry is from a point: 0 inside its bounding box, else to its nearest vertex. */
function reach(point: readonly number[], vertices: [number, number][]): number {
  const xs = vertices.map((v) => v[0]);
  const ys = vertices.map((v) => v[1]);
  if (point[0]! >= Math.min(...xs) && point[0]! <= Math.max(...xs) && point[1]! >= Math.min(...ys) && point[1]! <= Math.max(...ys)) return 0;
  return Math.min(...vertices.map((v) => distanceKm(point, v)));
}

/**
 * The gazetteer's cross-record checks: known district and the point inside it
 * (errors), one entry per name and district (error), ids unique (error), and
 * records naming the place near it (warning: the record or the point may be
 * the one that is off). `locate` is the district finder of the boundaries;
 * without boundaries only the names are checked.
 */
export function checkGazetteer(entry: Entry<GazetteerCollection>, records: readonly PlacedRecord[], locate?: (point: [number, number], expected: string) => string | undefined, districtNames?: ReadonlySet<string>): DataIssue[] {
  const issues: DataIssue[] = [];
  const { file, record } = entry;
  const seen = new Map<string, number>();
  const ids = new Map<string, number>();
  record.features.forEach((f, i) => {
    const at = `features[${i}]`;
    const { name, district, kind } = f.properties;
    const point = [f.geometry.coordinates[0], f.geometry.coordinates[1]] as [number, number];
    const key = `${district}/${name}`;
    if (seen.has(key)) issues.push({ file, field: `${at}.properties.name`, reason: `地名“${name}”（${district}）重复，已在第 ${seen.get(key)! + 1} 条登记`, severity: 'error' });
    else seen.set(key, i);
    if (ids.has(f.id)) issues.push({ file, field: `${at}.id`, reason: `id“${f.id}”重复，已在第 ${ids.get(f.id)! + 1} 条使用`, severity: 'error' });
    else ids.set(f.id, i);
    if (districtNames && !districtNames.has(district)) {
      issues.push({ file, field: `${at}.properties.district`, reason: `未知的行政区“${district}”，应为 ${[...districtNames].join('、')}`, severity: 'error' });
      return;
    }
    if (locate) {
      const found = locate(point, district);
      if (found !== district)
        issues.push({ file, field: `${at}.geometry`, reason: `“${name}”的坐标 [${point[0]}, ${point[1]}] ${found ? `在${found}内` : '不在任何区县内'}，不在所填行政区“${district}”内（坐标应为 CGCS2000/WGS84 经纬度）`, severity: 'error' });
    }
    const radius = f.properties.radiusKm ?? DEFAULT_RADIUS_KM[kind];
    for (const r of records) {
      if (r.vertices.length === 0 || (r.district !== undefined && r.district !== district) || !r.text.includes(name)) continue;
      const km = reach(point, r.vertices);
      if (km > radius)
        issues.push({ file: r.file, field: 'geometry', reason: `记录写明位于“${name}”，但其坐标距地名库中“${name}”的位置约 ${km.toFixed(1)} 公里（超出 ${radius} 公里），请核对记录或 ${file} 中的坐标`, severity: 'warning' });
    }
  });
  return issues;
}
