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

/**
 * Pages that only list notices (a kind's list, the status and district lists, and their later pages;
 * docs/notice-lists.md): in the sitemap, but no search documents of their own — the notices they
 * list are, and the notices column (/notices/) is.
 */
export function isNoticeListingPage(path: string): boolean {
  return /^\/notices\/(?:[a-z]+\/|status\/[a-z]+\/|district\/[a-z0-9]+\/)?(?:page\/\d+\/)?$/.test(path) && path !== '/notices/';
}

