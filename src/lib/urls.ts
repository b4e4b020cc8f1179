/**
 * The public URL of every record. URLs are a public API: change nothing here
 * without redirects. Every record page has a .json twin (and notices with a
 * geometry a .geojson twin) at the same path.
 */
import type { EnforcementRecord, LandPriceZone, Notice, NoticeKind, RedRoute, RedSite, ZoningZone } from '../schema/index.ts';

export const urls = {
  home: '/',
  map: '/map/',
  /** The big map with one record selected (docs/permalink.md `f=`); layer ids in src/lib/collections.ts. */
  mapFeature: (layer: string, id: string) => `/map/?f=${encodeURIComponent(layer)}:${encodeURIComponent(id)}`,
  search: '/search/',
  sitemap: '/sitemap/',
  about: '/about/',
  red: '/red/',
  /** 红色资源专题图: all sites and routes on one map. */
  redMap: '/red/map/',
  /** 研学行程规划: the plan lives in the query (docs/planner-url.md; src/planner/url.ts planHref writes it). */
  planner: '/planner/',
  /** The holiday calendar the planner reads in the browser (src/planner/calendar.ts). */
  plannerHolidays: '/planner/holidays.json',
  /** The planner with one site as the start of a plan (a site page's 加入研学计划). */
  plannerWithSite: (s: Pick<RedSite, 'id'>) => `/planner/?p=${s.id}`,
  notices: '/notices/',
  /** 压覆查询 pre-check (reference only) and the blocks it tests against. */
  overlay: '/overlay/',
  overlayBlocks: '/overlay/blocks.geojson',
  enforcement: '/enforcement/',
  noticeKind: (kind: NoticeKind) => `/notices/${kind}/`,
  /** Prerendered facet lists (docs/notice-lists.md): notices of a status (open, upcoming, ended, withdrawn…) and of a district (6-digit code, or city for 全市). */
  noticeStatus: (status: string) => `/notices/status/${status}/`,
  noticeDistrict: (code: string) => `/notices/district/${code}/`,
  /** Atom feeds: every notice, a kind's, a district's. */
  noticesFeed: '/notices/feed.xml',
  noticeKindFeed: (kind: NoticeKind) => `/notices/${kind}/feed.xml`,
  noticeDistrictFeed: (code: string) => `/notices/district/${code}/feed.xml`,
  /** The compact index of every notice for the lists' instant filter (src/lib/notice-index.ts). */
  noticeIndex: '/notices/index.json',
  notice: (n: Pick<Notice, 'kind' | 'id'>) => `/notices/${n.kind}/${n.id}/`,
  redSite: (s: Pick<RedSite, 'id'>) => `/red/sites/${s.id}/`,
  redRoute: (r: Pick<RedRoute, 'id'>) => `/red/routes/${r.id}/`,
  enforcementRecord: (r: Pick<EnforcementRecord, 'id'>) => `/enforcement/${r.id}/`,
  /** 执法严起来 (docs/enforcement.md): 事前公开, the roster and its JSON, 事中公示's verification page. */
  enforcementBefore: '/enforcement/before/',
  enforcementOfficers: '/enforcement/officers/',
  enforcementOfficersJson: '/enforcement/officers.json',
  enforcementVerify: '/enforcement/verify/',
  /** 事后公开: every decision within its display period, one list per category, the compact index and the feed. */
  enforcementDecisions: '/enforcement/decisions/',
  enforcementDecisionCategory: (slug: string) => `/enforcement/decisions/${slug}/`,
  enforcementDecisionIndex: '/enforcement/decisions/index.json',
  enforcementDecisionsFeed: '/enforcement/decisions/feed.xml',
  /** 行政执法统计年报: the reports, one page per year, one CSV per breakdown. */
  enforcementStatistics: '/enforcement/statistics/',
  enforcementReport: (year: number) => `/enforcement/statistics/${year}/`,
  enforcementReportCsv: (year: number, breakdown: string) => `/enforcement/statistics/${year}/${breakdown}.csv`,
  /** 基准地价: the list (with its map) and one page per graded zone. */
  landPrice: '/land-price/',
  landPriceZone: (z: Pick<LandPriceZone, 'id'>) => `/land-price/${z.id}/`,
  /** 控制性详细规划: the list (with its map) and one page per 地块. */
  zoning: '/zoning/',
  zoningZone: (z: Pick<ZoningZone, 'id'>) => `/zoning/${z.id}/`,
  /** 一码管地: every parcel with its timeline, and one parcel by its 宗地代码 (else 电子监管号; both URL-safe [0-9A-Z]). */
  parcels: '/parcels/',
  parcel: (p: { key: string }) => `/parcels/${p.key}/`,
  /** 政府信息公开: the 公开指南 (the column's page) and the 公开目录 (政府信息公开条例 Art 12). */
  disclosure: '/disclosure/',
  disclosureCatalogue: '/disclosure/catalogue/',
  /** Request-time forms (src/server/routes.ts): GET the form, POST the submission. */
  submitOpinion: '/submit/opinion',
  submitApplication: '/submit/application',
  submitToken: '/submit/token.json',
};

/** The .json (or .geojson) twin of a page URL: /a/b/ → /a/b.json. */
export function twinUrl(pageUrl: string, ext: 'json' | 'geojson' = 'json'): string {
  return `${pageUrl.replace(/\/$/, '')}.${ext}`;
}

export type TwinLink = { href: string; type: 'application/json' | 'application/geo+json'; title: string };

/** A record page's twins as links: always .json, .geojson when the record has a place (as src/data/record-twins.ts writes them). */
export function twinLinks(pageUrl: string, hasPlace: boolean): TwinLink[] {
  return [{ href: twinUrl(pageUrl), type: 'application/json', title: 'JSON' }, ...(hasPlace ? [{ href: twinUrl(pageUrl, 'geojson'), type: 'application/geo+json' as const, title: 'GeoJSON' }] : [])];
}

/** Path segments under /enforcement/ that are pages of the column: no enforcement record may use them as its id. */
export const ENFORCEMENT_RESERVED_IDS = ['before', 'during', 'officers', 'verify', 'decisions', 'statistics', 'page', 'feed'] as const;

/**
 * Pages that only list notices (a kind's list, the status and district lists, and their later pages;
 * docs/notice-lists.md): in the sitemap, but no search documents of their own — the notices they
 * list are, and the notices column (/notices/) is.
 */
export function isNoticeListingPage(path: string): boolean {
  return /^\/notices\/(?:[a-z]+\/|status\/[a-z]+\/|district\/[a-z0-9]+\/)?(?:page\/\d+\/)?$/.test(path) && path !== '/notices/';
}


/**
 * Pages that only list records: the notice lists above and the decision lists by category and their
 * later pages (docs/enforcement.md). In the sitemap, without search documents of their own.
 */
export function isListingPage(path: string): boolean {
  return isNoticeListingPage(path) || /^\/enforcement\/decisions\/(?:[a-z]+\/)?(?:page\/\d+\/)?$/.test(path) && path !== '/enforcement/decisions/';
}
