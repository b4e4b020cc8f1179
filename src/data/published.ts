/**
 * The published view: what the public sees, derived once per build from the
 * validated Dataset. It is the only place that decides what is published:
 * pages, endpoints, GeoJSON, search documents, counts, the sitemap and the
 * server's 410 answers all read it, and nothing below it looks at a
 * record's publication state.
 *
 * - published: per collection (and per notice kind), newest first; withdrawn
 *   records are left out, superseded ones stay, marked, with their replacement;
 * - gone: withdrawn records, with the paths that answer 410 and the reason;
 * - sitemap: every prerendered HTML page;
 * - statusRule: what each published record's status (公示中/已结束…) is read from;
 * - parcels: 一码管地, the records that share a 宗地代码 or 电子监管号 as one timeline per parcel (parcels.ts);
 * - files: the local attachments that published records link (the build copies these, and only these);
 * - enforcement display: a decision past its display period (data/display-periods.yaml or its own
 *   displayUntil) leaves the lists, feeds, map and search (`enforcementListed`) but keeps its page,
 *   marked 已过公示期 (`enforcementDisplay`); read on the build day.
 */
import type { Attachment, AttachmentFormat, BoundaryCollection, Geometry, EnforcementRecord, EnforcementReport, GazetteerCollection, LandPriceZone, Notice, NoticeKind, Officer, RedRoute, RedSite, Site, ZoningZone } from '../schema/index.ts';
import { noticeKinds } from '../schema/index.ts';
import { columns } from '../lib/columns.ts';
import { pageCount, pageUrl } from '../lib/paging.ts';
import { twinUrl, urls } from '../lib/urls.ts';
import type { LocalFile } from './files.ts';
import type { PublishedBaseMap } from './basemap.ts';
import type { Dataset } from './load.ts';
import type { StatusRule } from './status.ts';
import { parcelIndex, parcelPopupLink, type ParcelTimeline } from './parcels.ts';
import { noticeFeature, noticeGeometry, polygonsOf, type Feature } from '../lib/geojson.ts';
import { WorkingDayCalendar, type HolidayYear } from '../lib/workdays.ts';
import turfBbox from '@turf/bbox';
import { displayWindow, type DisplayWindow } from '../lib/display-period.ts';
import { todayInShanghai } from '../lib/dates.ts';
import { enforcementSitePages } from '../lib/enforcement-pages.ts';

/** A withdrawn record: the page and twins that answer 410, and why. */
export interface GoneRecord {
  column: 'notices' | 'enforcement';
  page: string;
  /** The .json and .geojson twins of the page. */
  json: string[];
  title: string;
  docNo?: string;
  /** The date it was withdrawn (YYYY-MM-DD). */
  date: string;
  reason: string;
  /** For a withdrawn notice, what the lists filter it by (withdrawn notices are listed on request, with the reason). */
  notice?: { kind: NoticeKind; subKind: string; district: string; publishDate: string; id: string };
}

/** A prerendered HTML page, for sitemap.xml. */
export interface SitePage {
  path: string;
  lastmod?: string;
}

type StatusRecord = Notice | EnforcementRecord;

/** An attachment as a page shows it: local files with their format and size, external links marked. */
export interface AttachmentLink {
  title: string;
  href: string;
  external: boolean;
  format?: AttachmentFormat | undefined;
  /** Size of a local file. */
  bytes?: number | undefined;
}

/** Why and when a record was superseded, and by which published record. */
export interface Supersession<T> {
  date: string;
  reason: string;
  replacement: T | undefined;
}

/** Where a notice is drawn (PublishedView.placeOf). */
export interface NoticePlace {
  geometry: Geometry;
  /** The parcels whose outline it borrows; empty when the notice gives its own. */
  from: readonly ParcelTimeline[];
}

export interface PublishedView {
  readonly site: Site;
  /** The base map published (site.yaml map.basemap, resolved; the 示意底图 with a reason when the chosen one is unusable). */
  readonly basemap: PublishedBaseMap;
  readonly boundaries: BoundaryCollection;
  /** The city's extent [west, south, east, north], from the district outlines: computed once, not per page. */
  readonly cityBbox: readonly [number, number, number, number];
  /** Towns and named places for the 示意底图 and the list on /map/ (empty without data/boundaries/gazetteer.geojson). */
  readonly gazetteer: GazetteerCollection['features'];
  /** Where the gazetteer comes from, when there is one. */
  readonly gazetteerMetadata: GazetteerCollection['metadata'] | undefined;
  /** Published notices, newest first. */
  readonly notices: readonly Notice[];
  readonly noticesByKind: Readonly<Record<NoticeKind, readonly Notice[]>>;
  /** Published enforcement records, newest first: every one keeps its page, expired or not. */
  readonly enforcement: readonly EnforcementRecord[];
  /** The published enforcement records still within their display period: what lists, feeds, the map and search show. */
  readonly enforcementListed: readonly EnforcementRecord[];
  /** The 执法人员 roster, by unit and 执法证号. */
  readonly officers: readonly Officer[];
  /** 行政执法统计年报, newest year first. */
  readonly enforcementReports: readonly EnforcementReport[];
  /** The day the view was read for (Asia/Shanghai): display periods and credentials are judged on it. */
  readonly today: string;
  readonly redSites: readonly RedSite[];
  readonly redRoutes: readonly RedRoute[];
  /** 基准地价 zones, 国有 then 集体, by grade. */
  readonly landPriceZones: readonly LandPriceZone[];
  /** 控制性详细规划 zones, by plan and 地块编号. */
  readonly zoningZones: readonly ZoningZone[];
  /** 一码管地: one timeline per parcel code, by key. */
  readonly parcels: readonly ParcelTimeline[];
  /** Withdrawn records: their URLs answer 410 with the reason. */
  readonly gone: readonly GoneRecord[];
  readonly sitemap: readonly SitePage[];
  /** Local files linked by published records, by href: what the build copies to /files/. */
  readonly files: ReadonlyMap<string, LocalFile>;
  /** The State Council holiday calendar (chinese-days plus data/holidays.yaml): opening hours' PH rules, booking lead times. */
  readonly calendar: WorkingDayCalendar;
  /** The years data/holidays.yaml adds to the calendar (the server's reply dates rebuild the calendar from them). */
  readonly holidayYears: readonly HolidayYear[];
  /** True while any published record is sample data (示例数据). */
  readonly hasSample: boolean;
  /** A published record by collection (and kind) and id; undefined when it is not published. */
  notice(kind: NoticeKind, id: string): Notice | undefined;
  enforcementRecord(id: string): EnforcementRecord | undefined;
  /** A published enforcement record's display window and whether it has passed (已过公示期). */
  enforcementDisplay(record: EnforcementRecord): { window: DisplayWindow | undefined; expired: boolean };
  enforcementReport(year: number): EnforcementReport | undefined;
  redSite(id: string): RedSite | undefined;
  redRoute(id: string): RedRoute | undefined;
  landPriceZone(id: string): LandPriceZone | undefined;
  zoningZone(id: string): ZoningZone | undefined;
  /** A 控规 zone's 批前公示 that are published (withdrawn ones are left out). */
  preApprovalNoticesOf(zone: ZoningZone): Notice[];
  /** The 控规 zones whose 批前公示 a notice is (the reverse of preApprovalNoticesOf). */
  zonesOf(notice: Notice): ZoningZone[];
  /** The status rule of a published notice or enforcement record. */
  statusRule(record: StatusRecord): StatusRule;
  /** For a superseded record: when, why, and the published record that replaced it. */
  supersession<T extends StatusRecord>(record: T): Supersession<T> | undefined;
  /** A parcel by its key (urls.parcel); undefined when no published record carries the code. */
  parcel(key: string): ParcelTimeline | undefined;
  /** The parcels whose timelines a published notice is on. */
  parcelsOf(notice: Notice): readonly ParcelTimeline[];
  /**
   * Where a published notice is drawn: its own outline (for a land notice, its parcels'), else the
   * outline other published records give its parcels (一码管地: a 供地结果 keyed by its 电子监管号 is
   * drawn where the 出让公告 drew the parcel); `from` names those parcels, empty for its own.
   */
  placeOf(notice: Notice): NoticePlace | undefined;
  /** The notice as a map feature, for its map layer and its .geojson twin alike (made once). */
  noticeFeatureOf(notice: Notice): Feature | undefined;
  /** The published notices a notice links to. */
  relatedOf(notice: Notice): Notice[];
  /** A route's stops as red sites, in visiting order. */
  routeSites(route: RedRoute): RedSite[];
  /** The routes that visit a red site. */
  routesThrough(site: RedSite): RedRoute[];
  /** A record's attachments as links. */
  attachmentsOf(list: readonly Attachment[]): AttachmentLink[];
}

function statusRuleOf(r: StatusRecord, display: DisplayWindow | undefined): StatusRule {
  const superseded = r.status.state === 'superseded';
  // Enforcement records are shown as 公示中 until the end of their display period (公示截止期).
  const period = 'kind' in r ? r.period : display ? { start: r.publishDate.slice(0, 10), end: display.until } : undefined;
  return { superseded, ...(period ? { period: { start: period.start, end: period.end } } : {}) };
}

function goneRecord(column: GoneRecord['column'], page: string, r: StatusRecord & { status: { state: 'withdrawn'; date: string; reason: string } }): GoneRecord {
  return { column, page, json: [twinUrl(page), twinUrl(page, 'geojson')], title: r.title, ...(r.docNo ? { docNo: r.docNo } : {}), date: r.status.date, reason: r.status.reason };
}

function sitemapOf(v: Pick<PublishedView, 'noticesByKind' | 'notices' | 'enforcement' | 'enforcementListed' | 'enforcementReports' | 'redSites' | 'redRoutes' | 'boundaries' | 'landPriceZones' | 'zoningZones' | 'parcels'>): SitePage[] {
  const pages: SitePage[] = [...Object.values(columns).map((c) => ({ path: c.href })), { path: urls.redMap }, { path: urls.planner }, { path: urls.parcels }, { path: urls.overlay }, { path: urls.disclosureCatalogue }];
  // The notice lists (docs/notice-lists.md): every page of the overall list, the first page of each status and district list
  // (their later pages follow from the pager; how many there are depends on the day's statuses).
  for (let p = 2; p <= pageCount(v.notices.length); p++) pages.push({ path: pageUrl(urls.notices, p) });
  for (const s of ['open', 'upcoming', 'ended', 'published', 'superseded', 'revoked']) pages.push({ path: urls.noticeStatus(s) });
  pages.push({ path: urls.noticeDistrict('city') });
  for (const f of v.boundaries.features) pages.push({ path: urls.noticeDistrict(f.properties.code) });
  for (const kind of noticeKinds) {
    const count = pageCount(v.noticesByKind[kind].length);
    for (let p = 1; p <= count; p++) pages.push({ path: pageUrl(urls.noticeKind(kind), p) });
  }
  for (const n of v.notices) pages.push({ path: urls.notice(n), lastmod: n.status.state === 'superseded' ? n.status.date : n.publishDate.slice(0, 10) });
  pages.push(...enforcementSitePages(v));
  // Records past their display period keep their pages but are no longer offered (lists, feed, map, search, sitemap).
  for (const r of v.enforcementListed) pages.push({ path: urls.enforcementRecord(r), lastmod: r.publishDate.slice(0, 10) });
  for (const s of v.redSites) pages.push({ path: urls.redSite(s), lastmod: s.updated });
  for (const r of v.redRoutes) pages.push({ path: urls.redRoute(r), lastmod: r.updated });
  for (const z of v.landPriceZones) pages.push({ path: urls.landPriceZone(z), lastmod: z.updated });
  for (const z of v.zoningZones) pages.push({ path: urls.zoningZone(z), lastmod: z.updated });
  for (const p of v.parcels) pages.push({ path: urls.parcel(p), lastmod: p.entries.map((e) => e.notice.publishDate.slice(0, 10)).sort().at(-1)! });
  return pages;
}

/** Derives the published view from a validated dataset (records already sorted newest first). */
export function publishedView(d: Dataset, options: { today?: string } = {}): PublishedView {
  const today = options.today ?? todayInShanghai();
  const gone: GoneRecord[] = [];
  const notices: Notice[] = [];
  for (const n of d.notices) {
    if (n.status.state === 'withdrawn')
      gone.push({ ...goneRecord('notices', urls.notice(n), { ...n, status: n.status }), notice: { kind: n.kind, subKind: n.subKind, district: n.district, publishDate: n.publishDate.slice(0, 10), id: n.id } });
    else notices.push(n);
  }
  const enforcement: EnforcementRecord[] = [];
  for (const r of d.enforcement) {
    if (r.status.state === 'withdrawn') gone.push(goneRecord('enforcement', urls.enforcementRecord(r), { ...r, status: r.status }));
    else enforcement.push(r);
  }
  const display = new Map<EnforcementRecord, { window: DisplayWindow | undefined; expired: boolean }>();
  for (const r of enforcement) {
    const window = displayWindow(r, d.displayPeriods);
    display.set(r, { window, expired: window !== undefined && today > window.until });
  }
  const enforcementListed = enforcement.filter((r) => !display.get(r)!.expired);
  const noticesByKind = Object.fromEntries(noticeKinds.map((k) => [k, notices.filter((n) => n.kind === k)])) as Record<NoticeKind, Notice[]>;

  const noticeById = new Map(notices.map((n) => [n.id, n]));
  const enforcementById = new Map(enforcement.map((r) => [r.id, r]));
  const siteById = new Map(d.redSites.map((s) => [s.id, s]));
  const routeById = new Map(d.redRoutes.map((r) => [r.id, r]));
  const rules = new Map<StatusRecord, StatusRule>();
  for (const n of notices) rules.set(n, statusRuleOf(n, undefined));
  for (const r of enforcement) rules.set(r, statusRuleOf(r, display.get(r)!.window));

  const routesBySite = new Map<string, RedRoute[]>();
  for (const route of d.redRoutes)
    for (const stop of route.stops) routesBySite.set(stop.site, [...(routesBySite.get(stop.site) ?? []), route]);

  const parcels = parcelIndex(notices);
  const placeOf = (n: Notice): NoticePlace | undefined => {
    const own = noticeGeometry(n);
    if (own) return { geometry: own, from: [] };
    const from = (parcels.byNotice.get(n) ?? []).filter((t) => t.geometry);
    const polygons = from.flatMap((t) => polygonsOf(t.geometry!));
    return polygons.length === 0 ? undefined : { geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons }, from };
  };
  const features = new Map<Notice, Feature | undefined>();
  const enforcementReports = d.enforcementReports;
  const base = { notices, noticesByKind, enforcement, enforcementListed, enforcementReports, redSites: d.redSites, redRoutes: d.redRoutes, landPriceZones: d.landPriceZones, zoningZones: d.zoningZones, parcels: parcels.list };
  const sitemap = sitemapOf({ ...base, boundaries: d.boundaries });
  const landPriceById = new Map(d.landPriceZones.map((z) => [z.id, z]));
  const zoningById = new Map(d.zoningZones.map((z) => [z.id, z]));
  const zonesByNotice = new Map<string, ZoningZone[]>();
  for (const z of d.zoningZones) for (const id of new Set(z.preApprovalNotices)) zonesByNotice.set(id, [...(zonesByNotice.get(id) ?? []), z]);
  const files = new Map<string, LocalFile>();
  for (const a of [...notices.flatMap((n) => n.attachments), ...enforcement.flatMap((r) => r.attachments), ...enforcementReports.flatMap((r) => r.attachments), ...d.redSites.flatMap((s) => s.photos), ...d.landPriceZones.flatMap((z) => z.documents)]) {
    const local = d.files.get(a.href);
    if (local) files.set(a.href, local);
  }
  return {
    site: d.site,
    basemap: d.basemap,
    boundaries: d.boundaries,
    cityBbox: turfBbox(d.boundaries) as [number, number, number, number],
    gazetteer: d.gazetteer?.features ?? [],
    gazetteerMetadata: d.gazetteer?.metadata,
    ...base,
    gone,
    sitemap,
    files,
    officers: d.officers,
    today,
    calendar: new WorkingDayCalendar(d.holidayYears),
    holidayYears: d.holidayYears,
    hasSample: [...notices, ...enforcement, ...d.officers, ...enforcementReports, ...d.redSites, ...d.redRoutes, ...d.landPriceZones, ...d.zoningZones].some((r) => r.sample),
    notice: (kind, id) => {
      const n = noticeById.get(id);
      return n?.kind === kind ? n : undefined;
    },
    enforcementRecord: (id) => enforcementById.get(id),
    enforcementDisplay(record) {
      const v = display.get(record);
      if (!v) throw new Error(`不是已发布的执法信息：${record.id}`);
      return v;
    },
    enforcementReport: (year) => enforcementReports.find((r) => r.year === year),
    redSite: (id) => siteById.get(id),
    redRoute: (id) => routeById.get(id),
    landPriceZone: (id) => landPriceById.get(id),
    zoningZone: (id) => zoningById.get(id),
    preApprovalNoticesOf: (z) => z.preApprovalNotices.flatMap((id) => noticeById.get(id) ?? []),
    zonesOf: (n) => zonesByNotice.get(n.id) ?? [],
    statusRule(record) {
      const rule = rules.get(record);
      if (!rule) throw new Error(`不是已发布的记录：${record.id}`);
      return rule;
    },
    supersession<T extends StatusRecord>(record: T): Supersession<T> | undefined {
      const s = record.status;
      if (s.state !== 'superseded') return undefined;
      const byId: Map<string, StatusRecord> = 'kind' in record ? noticeById : enforcementById;
      return { date: s.date, reason: s.reason, replacement: byId.get(s.supersededBy) as T | undefined };
    },
    parcel: (key) => parcels.byKey.get(key),
    parcelsOf: (n) => parcels.byNotice.get(n) ?? [],
    placeOf,
    noticeFeatureOf(n) {
      if (!features.has(n)) {
        const place = placeOf(n);
        features.set(n, place && noticeFeature(n, rules.get(n)!, place, (parcels.byNotice.get(n) ?? []).map(parcelPopupLink)));
      }
      return features.get(n);
    },
    relatedOf: (n) => n.related.flatMap((id) => noticeById.get(id) ?? []),
    // The dataset check guarantees every stop names a known site.
    routeSites: (route) => route.stops.map((s) => siteById.get(s.site)!),
    routesThrough: (s) => routesBySite.get(s.id) ?? [],
    attachmentsOf: (list) =>
      list.map((a) => {
        const local = files.get(a.href);
        return { title: a.title, href: a.href, external: !local, format: local?.format ?? a.format, bytes: local?.bytes };
      }),
  };
}
