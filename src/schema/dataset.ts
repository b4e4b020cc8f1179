/**
 * Checks that span records: unique ids and 文号, known districts, geometry
 * inside the city, references that resolve, dates in order. Per-record shape
 * is checked by the schemas; personal data by the privacy guard (privacy.ts),
 * which the loader runs on each file's raw value.
 */
import { bbox as turfBbox } from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { countCalendarDays, dateTimeKey } from '../lib/dates.ts';
import { CalendarRangeError, WorkingDayCalendar } from '../lib/workdays.ts';
import type { BoundaryCollection, BoundaryFeature } from './boundary.ts';
import type { Geometry } from './common.ts';
import type { EnforcementRecord } from './enforcement.ts';
import type { EnforcementReport, Officer } from './enforcement-column.ts';
import { checkEnforcementColumn } from './enforcement-checks.ts';
import { todayInShanghai } from '../lib/dates.ts';
import { checkGazetteer, whereText, type GazetteerCollection, type PlacedRecord } from './gazetteer.ts';
import type { HolidayCalendar } from './holidays.ts';
import type { Notice } from './notice.ts';
import { checkCornersInCity, cornersGeometryMismatch } from './corners.ts';
import { checkPeriodOverlaps } from './periods.ts';
import type { AreaGeometry } from '../overlay/types.ts';
import { cornerLonLat } from '../lib/mining-corners.ts';
import { zoneOfLongitude } from '../lib/gauss-kruger.ts';
import { checkParcelLinks } from './parcel-links.ts';
import type { RedRoute, RedSite } from './red.ts';
import type { Site } from './site.ts';
import type { LandPriceZone, ZoningZone } from './zones.ts';

export type Severity = 'error' | 'warning';
/** One problem in the data: which file, which field, and why. */
export type DataIssue = { file: string; field: string; reason: string; severity: Severity };

/** A validated record and the file it came from. */
export type Entry<T> = { file: string; record: T };

/**
 * A record's valid fields: the whole record, or what is left of one that
 * failed its schema (src/data/salvage.ts). Distributed over unions.
 */
export type Salvaged<T> = T extends unknown ? Partial<T> : never;

/**
 * What the cross-record checks see. Records may be partial (the valid fields
 * of a file that failed its schema), and site.yaml or the boundaries may be
 * missing: each check runs on whatever it needs that is there.
 */
export type DatasetInput = {
  site?: Entry<Site> | undefined;
  boundaries?: Entry<BoundaryCollection> | undefined;
  redSites: Entry<Salvaged<RedSite>>[];
  redRoutes: Entry<Salvaged<RedRoute>>[];
  notices: Entry<Salvaged<Notice>>[];
  enforcement: Entry<Salvaged<EnforcementRecord>>[];
  /** data/holidays.yaml, when the bureau has added years chinese-days lacks. */
  holidays?: Entry<HolidayCalendar> | undefined;
  /** data/boundaries/gazetteer.geojson, when there is one. */
  gazetteer?: Entry<GazetteerCollection> | undefined;
  /** 基准地价 zones (data/land-price); optional so that tools checking other records need not pass them. */
  landPriceZones?: Entry<Salvaged<LandPriceZone>>[] | undefined;
  /** 控制性详细规划 zones (data/zoning/). */
  zoningZones?: Entry<Salvaged<ZoningZone>>[] | undefined;
  /** The 执法人员 roster (data/enforcement/officers/). */
  officers?: Entry<Salvaged<Officer>>[] | undefined;
  /** 行政执法统计年报 (data/enforcement/reports/). */
  reports?: Entry<Salvaged<EnforcementReport>>[] | undefined;
  /** Where report files go, as the messages name it; default data/enforcement/reports. */
  reportsDir?: string | undefined;
  /** The day of the check (Asia/Shanghai); default today. Date-dependent rules (the annual report's 31 January) read it. */
  today?: string | undefined;
};

/** The value 全市 marks a record that applies to the whole city. */
export const CITY_WIDE = '全市';

type Bbox = [number, number, number, number];

/** Every vertex of a geometry. */
export function verticesOf(g: Geometry): [number, number][] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates[0], g.coordinates[1]]];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.map((p) => [p[0], p[1]]);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat().map((p) => [p[0], p[1]]);
    case 'MultiPolygon':
      return g.coordinates.flat(2).map((p) => [p[0], p[1]]);
  }
}

/** Finds which district a point lies in, trying the expected one first. */
export class DistrictLocator {
  private readonly districts: { feature: BoundaryFeature; bbox: Bbox }[];
  constructor(boundaries: BoundaryCollection) {
    this.districts = boundaries.features.map((feature) => ({ feature, bbox: turfBbox(feature.geometry) as Bbox }));
  }
  names(): string[] {
    return this.districts.map((d) => d.feature.properties.name);
  }
  locate(point: [number, number], expected?: string): string | undefined {
    // Most points lie in the district their record names: test it first.
    const first = expected === undefined ? undefined : this.districts.find((d) => d.feature.properties.name === expected);
    if (first && this.contains(first, point)) return expected;
    for (const d of this.districts) if (d !== first && this.contains(d, point)) return d.feature.properties.name;
    return undefined;
  }
  private contains({ feature, bbox }: { feature: BoundaryFeature; bbox: Bbox }, [x, y]: [number, number]): boolean {
    if (x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3]) return false;
    return booleanPointInPolygon([x, y], feature.geometry);
  }
}

function cityZonesOf(boundaries: BoundaryCollection | undefined): number[] {
  if (!boundaries || boundaries.features.length === 0) return [];
  const [west, , east] = turfBbox(boundaries) as Bbox;
  const zones: number[] = [];
  for (let z = zoneOfLongitude(west); z <= zoneOfLongitude(east); z++) zones.push(z);
  return zones;
}

export function validateDataset(input: DatasetInput): DataIssue[] {
  const issues: DataIssue[] = [];
  const add = (severity: Severity) => (file: string, field: string, reason: string) =>
    issues.push({ file, field, reason, severity });
  const error = add('error');
  const warn = add('warning');

  const calendar = new WorkingDayCalendar(input.holidays?.record.years);
  /** Working days, or a warning when the holiday calendar does not cover the dates yet. */
  const workingDays = (file: string, field: string, start: string, end: string): number | undefined => {
    try {
      return calendar.countWorkingDays(start, end);
    } catch (e) {
      if (!(e instanceof CalendarRangeError)) throw e;
      warn(file, field, `${e.message}，请人工核对工作日`);
      return undefined;
    }
  };

  // Without valid boundaries, districts and geometry cannot be checked; the rest still is.
  const locator = input.boundaries && new DistrictLocator(input.boundaries.record);
  const districtNames = new Set(locator?.names() ?? []);
  const city = input.site?.record.city ?? '本市';
  // The 3° Gauss–Krüger zones the city spans, for mining 拐点 X/Y (./corners.ts).
  const cityZones = cityZonesOf(input.boundaries?.record);

  const checkDistrict = (file: string, district: string | undefined, field = 'district') => {
    if (locator && district !== undefined && district !== CITY_WIDE && !districtNames.has(district))
      error(file, field, `未知的行政区“${district}”，应为 ${[...districtNames].join('、')} 或 ${CITY_WIDE}`);
  };

  const checkGeometry = (file: string, field: string, g: Geometry | undefined, district: string | undefined) => {
    if (!g || !locator) return;
    const vertices = verticesOf(g);
    let mismatch = false;
    for (const [i, v] of vertices.entries()) {
      const found = locator.locate(v, district);
      if (!found) {
        error(file, field, `几何位于${city}范围之外：第 ${i + 1} 个坐标 [${v[0]}, ${v[1]}] 不在任何区县内（坐标应为 CGCS2000/WGS84 经纬度）`);
        return;
      }
      if (found !== district) mismatch = true;
    }
    if (mismatch && district !== undefined && district !== CITY_WIDE && districtNames.has(district))
      warn(file, field, `几何有部分不在所填行政区“${district}”内，请核对`);
  };

  const checkUnique = <T>(entries: Entry<T>[], key: (r: T) => string | undefined, label: string, field: string, seen = new Map<string, string>()) => {
    for (const { file, record } of entries) {
      const value = key(record);
      if (value === undefined) continue;
      const normalized = value.normalize('NFKC').replace(/\s+/g, '');
      const first = seen.get(normalized);
      if (first !== undefined) error(file, field, `${label}“${value}”重复，已在 ${first} 中使用`);
      else seen.set(normalized, file);
    }
    return seen;
  };

  // Ids are unique within a collection; 文号 are unique across the whole site.
  checkUnique(input.redSites, (r) => r.id, 'id', 'id');
  checkUnique(input.redRoutes, (r) => r.id, 'id', 'id');
  checkUnique(input.notices, (r) => r.id, 'id', 'id');
  checkUnique(input.enforcement, (r) => r.id, 'id', 'id');
  const docNos = checkUnique(input.notices, (r) => r.docNo, '文号', 'docNo');
  checkUnique(input.enforcement, (r) => r.docNo, '文号', 'docNo', docNos);

  // References resolve against every record on file, valid or not: an invalid
  // record is reported in its own file, not again as missing in another.
  const siteIds = new Set(input.redSites.flatMap((e) => e.record.id ?? []));
  const noticeIds = new Set(input.notices.flatMap((e) => e.record.id ?? []));
  const enforcementIds = new Set(input.enforcement.flatMap((e) => e.record.id ?? []));

  for (const { file, record } of input.redSites) {
    checkDistrict(file, record.district);
    checkGeometry(file, 'location', record.location, record.district);
    checkGeometry(file, 'protectionArea', record.protectionArea, record.district);
  }

  for (const { file, record } of input.redRoutes) {
    if (!record.stops) continue;
    record.stops.forEach((stop, i) => {
      if (!siteIds.has(stop.site)) error(file, `stops[${i}].site`, `站点“${stop.site}”不是已登记的红色资源点`);
    });
    const ids = record.stops.map((s) => s.site);
    if (new Set(ids).size !== ids.length) error(file, 'stops', '同一站点在线路中出现了两次');
  }

  for (const { file, record } of input.notices) {
    checkDistrict(file, record.district);
    checkGeometry(file, 'geometry', record.geometry, record.district);
    if (record.kind === 'land')
      record.parcels?.forEach((p, i) => checkGeometry(file, `parcels[${i}].geometry`, p.geometry, record.district));
    const published = record.publishDate?.slice(0, 10);
    if (record.period) {
      if (published && record.period.start < published) error(file, 'period.start', `公示开始日期 ${record.period.start} 早于发布日期 ${published}`);
      if (record.period.days !== undefined) {
        const counted =
          record.period.unit === 'working'
            ? workingDays(file, 'period.days', record.period.start, record.period.end)
            : countCalendarDays(record.period.start, record.period.end);
        if (counted !== undefined && counted !== record.period.days)
          error(file, 'period.days', `公示期写明 ${record.period.days} 个${record.period.unit === 'working' ? '工作日' : '日'}，但起止日期之间实际为 ${counted} 个`);
      }
    }
    if (record.kind === 'planning' && published) {
      if (record.issueDate && record.issueDate > published) error(file, 'issueDate', `发证日期 ${record.issueDate} 晚于发布日期 ${published}`);
      if (record.feedback && record.feedback.deadline < published) error(file, 'feedback.deadline', '意见反馈截止日期早于发布日期');
    }
    if (record.kind === 'land' && record.listing && published) {
      if (record.listing.start.slice(0, 10) < published) error(file, 'listing.start', '挂牌/竞价开始时间早于公告发布日期');
      if (dateTimeKey(record.listing.applyDeadline, 'start') > dateTimeKey(record.listing.end, 'end')) error(file, 'listing.applyDeadline', '报名截止时间晚于挂牌/竞价结束时间');
      // 39号令: the 出让公告 goes out at least 20 days before bidding starts.
      if (countCalendarDays(published, record.listing.start.slice(0, 10)) - 1 < 20)
        warn(file, 'listing.start', '出让公告应在挂牌/竞价开始 20 日前发布（国土资源部令第39号）');
    }
    for (const rel of record.related ?? []) {
      if (rel === record.id) error(file, 'related', '公告不能关联自身');
      else if (!noticeIds.has(rel)) error(file, 'related', `关联公告“${rel}”不存在`);
    }
    if (record.kind === 'mining' && record.corners && locator) {
      // Swapped lon/lat and a zone outside the city are named first (./corners.ts); otherwise the usual check.
      const points = checkCornersInCity(record.corners, (p, d) => locator.locate(p, d), record.district, cityZones, (field, reason) => error(file, field, reason));
      if (points) checkGeometry(file, 'corners', { type: 'MultiPoint', coordinates: points }, record.district);
      const g = record.geometry;
      const mismatch = points && (g?.type === 'Polygon' || g?.type === 'MultiPolygon') ? cornersGeometryMismatch(record.corners, g as AreaGeometry) : undefined;
      if (mismatch) error(file, 'geometry', mismatch);
    }
    if (record.status?.state === 'superseded' && (record.status.supersededBy === record.id || !noticeIds.has(record.status.supersededBy)))
      error(file, 'status.supersededBy', `替代公告“${record.status.supersededBy}”不存在或是本公告自身`);
    if (record.status && record.status.state !== 'active' && published && record.status.date < published)
      error(file, 'status.date', '撤回/替代日期早于发布日期');
  }

  // Two notices of one matter open for comment at once, or a period running backwards (./periods.ts).
  issues.push(...checkPeriodOverlaps(input.notices));

  for (const { file, record } of input.enforcement) {
    checkDistrict(file, record.district);
    checkGeometry(file, 'location', record.location, record.district);
    if (record.status?.state === 'superseded' && (record.status.supersededBy === record.id || !enforcementIds.has(record.status.supersededBy)))
      error(file, 'status.supersededBy', `替代记录“${record.status.supersededBy}”不存在或是本记录自身`);
  }
  checkEnforcementColumn({
    enforcement: input.enforcement,
    officers: input.officers ?? [],
    reports: input.reports,
    reportsDir: input.reportsDir ?? 'data/enforcement/reports',
    today: input.today ?? todayInShanghai(),
    calendar,
    error,
    warn,
    checkDistrict,
  });
  checkUnique(input.officers ?? [], (r) => r.id, 'id', 'id');
  checkUnique(input.reports ?? [], (r) => r.id, 'id', 'id');

  // Zones: inside the city. Their rings (simple, with area, wound as RFC 7946
  // says) are the schema's: zones.ts uses common.ts's polygon geometries, which
  // check every ring with ./polygons.ts, so a bad ring fails the file and never
  // reaches this check.
  const checkZoneGeometry = (file: string, g: Geometry | undefined, district: string | undefined) => checkGeometry(file, 'geometry', g, district);
  const landPriceZones = input.landPriceZones ?? [];
  const zoningZones = input.zoningZones ?? [];
  checkUnique(landPriceZones, (r) => r.id, 'id', 'id');
  checkUnique(zoningZones, (r) => r.id, 'id', 'id');
  // Zones approved by one document must agree on what the document says.
  const byApproval = new Map<string, { file: string; record: Salvaged<LandPriceZone> }>();
  for (const { file, record } of landPriceZones) {
    checkDistrict(file, record.district);
    checkZoneGeometry(file, record.geometry, record.district);
    const docNo = record.approval?.docNo;
    if (docNo === undefined) continue;
    const key = docNo.normalize('NFKC').replace(/\s+/g, '');
    const first = byApproval.get(key);
    if (!first) { byApproval.set(key, { file, record }); continue; }
    for (const [field, label] of [['landType', '土地类型'], ['baseDate', '基准日'], ['effectiveDate', '实施日期']] as const)
      if (record[field] !== undefined && first.record[field] !== undefined && record[field] !== first.record[field])
        error(file, field, `与同一批准文件（${docNo}）的 ${first.file} 不一致：${label}为“${record[field]}”，那里为“${first.record[field]}”`);
  }
  // A zone's 批前公示 must be a planning notice on file (data/notices/planning/).
  const noticeKindOf = new Map(input.notices.flatMap((e) => (e.record.id ? [[e.record.id, e.record] as const] : [])));
  const parcelNos = new Map<string, string>();
  for (const { file, record } of zoningZones) {
    checkDistrict(file, record.district);
    checkZoneGeometry(file, record.geometry, record.district);
    (record.preApprovalNotices ?? []).forEach((id, i) => {
      const n = noticeKindOf.get(id);
      if (!n) error(file, `preApprovalNotices[${i}]`, `批前公示“${id}”不存在（应为 data/notices/planning/ 下的公告 id）`);
      else if (n.kind !== 'planning') error(file, `preApprovalNotices[${i}]`, `“${id}”是 ${n.kind} 类公告，不是规划公示（应在 data/notices/planning/ 下）`);
      else if (n.subKind !== undefined && n.subKind !== '批前公示') warn(file, `preApprovalNotices[${i}]`, `“${id}”是${n.subKind}，不是批前公示，请核对`);
    });
    if (record.plan && record.parcelNo) {
      const key = `${record.plan}\u0000${record.parcelNo}`;
      const first = parcelNos.get(key);
      if (first) error(file, 'parcelNo', `地块编号“${record.parcelNo}”在同一控规中重复，已在 ${first} 中使用`);
      else parcelNos.set(key, file);
    }
  }
  // 一码管地: a 宗地代码 or 电子监管号 names one parcel in every record that carries it.
  const districtCodes = input.boundaries && new Map(input.boundaries.record.features.map((f) => [f.properties.name, f.properties.code]));
  issues.push(...checkParcelLinks(input.notices, districtCodes, CITY_WIDE));

  // Town and place names: each inside its district, and near the records that name it.
  if (input.gazetteer) {
    const placed = (file: string, record: object & { district?: string | undefined }, geometries: (Geometry | undefined)[]): PlacedRecord => ({
      file,
      district: record.district,
      text: whereText(record),
      vertices: geometries.flatMap((g) => (g ? verticesOf(g) : [])),
    });
    const records: PlacedRecord[] = [
      ...input.redSites.map(({ file, record }) => placed(file, record, [record.location, record.protectionArea])),
      ...input.notices.map(({ file, record }) =>
        placed(file, record, [
          record.geometry,
          ...(record.kind === 'land' ? (record.parcels ?? []).map((p) => p.geometry) : []),
          ...(record.kind === 'mining' && record.corners ? [{ type: 'MultiPoint' as const, coordinates: record.corners.flatMap((c) => { const p = cornerLonLat(c); return p ? [p] : []; }) }] : []),
        ]),
      ),
      ...input.enforcement.map(({ file, record }) => placed(file, record, [record.location])),
    ];
    issues.push(...checkGazetteer(input.gazetteer, records, locator && ((p, d) => locator.locate(p, d)), locator && districtNames));
  }

  return issues;
}
