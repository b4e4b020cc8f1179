/**
 * What search knows about each published record: one SearchDocument per
 * page, built from the same published view the pages are rendered from. The index
 * writer, the no-drift test and `bench:search` all start here.
 *
 * Ids are dense integers in display order: column pages, then routes and red
 * sites, 基准地价 and 控规 zones, then notices and enforcement records newest first. Postings are
 * stored in id order, so “insertion order” is already the order results are
 * shown in and no score has to be shipped.
 */
import { bbox as turfBbox } from '@turf/bbox';
import type { PublishedView } from '../data/published.ts';
import type { StatusRule } from '../data/status.ts';
import { columns } from '../lib/columns.ts';
import { urls } from '../lib/urls.ts';
import type { BBox, Collection } from './format.ts';
import { gradeLabel, noticeKindNames, type EnforcementRecord, type Geometry, type LandPriceZone, type Notice, type RedRoute, type RedSite, type ZoningZone } from '../schema/index.ts';
import { indicatorRows, landUseText } from '../lib/zones.ts';

export { collections, collectionNames, type BBox, type Collection } from './format.ts';

export type PublicationStateKey = 'active' | 'superseded';

export interface SearchDocument {
  id: number;
  url: string;
  title: string;
  collection: Collection;
  /** Facet “类别”: e.g. 土地市场·出让公告, 行政处罚; '' for pages. */
  kind: string;
  /** A district name, 全市, or '' when the record has none. */
  district: string;
  /** YYYY-MM-DD: publication date, or last update for red resources. */
  date: string;
  /** Publication state; the reader's status (公示中/已结束) also needs `period`. */
  state: PublicationStateKey;
  period?: { start: string; end: string };
  /** 文号, parcel codes, permit and licence numbers, as written. */
  codes: string[];
  /** Place and proper names, for the pinyin dictionary. */
  names: string[];
  /** Everything searchable, title first. */
  text: string;
  bbox?: BBox;
  sample: boolean;
}

const bboxOf = (g: Geometry | undefined): BBox | undefined => (g ? (turfBbox(g) as BBox) : undefined);

const join = (parts: Array<string | number | undefined | null | false>): string =>
  parts.filter((p): p is string | number => p !== undefined && p !== null && p !== false && p !== '').join('\n');

type Draft = Omit<SearchDocument, 'id'> & { sortKey: string };

/** `place`: where the map draws it (PublishedView.placeOf), for the result's extent. */
function noticeDraft(n: Notice, rule: StatusRule, place: Geometry | undefined): Draft {
  const codes: string[] = [];
  const names: string[] = [];
  const extra: Array<string | undefined> = [];
  if (n.docNo) codes.push(n.docNo);
  switch (n.kind) {
    case 'planning':
      if (n.permitNo) codes.push(n.permitNo);
      names.push(n.projectName, n.location);
      extra.push(n.permitType, n.projectName, n.applicant, n.location, n.feedback?.channels);
      break;
    case 'land':
      for (const p of n.parcels) {
        codes.push(p.code);
        names.push(p.location);
        extra.push(p.location, p.use, p.winner);
      }
      if (n.listing) extra.push(n.listing.method);
      if (n.supplyPlan) extra.push(...n.supplyPlan.rows.map((r) => r.use));
      break;
    case 'mining':
      for (const r of n.rights) {
        if (r.licenseNo) codes.push(r.licenseNo);
        names.push(r.name, r.location);
        extra.push(r.name, r.type, r.mineral, r.holder, r.location, r.scale);
      }
      if (n.abolition) extra.push(n.abolition.reason);
      if (n.transfer) extra.push(n.transfer.method, n.transfer.winner);
      break;
    case 'surveying':
      codes.push(n.approval.decisionNo);
      if (n.approval.reviewNo) codes.push(n.approval.reviewNo);
      if (n.approval.mapName) names.push(n.approval.mapName);
      extra.push(n.approval.applicant, n.approval.item, n.approval.grade, ...n.approval.categories, n.approval.mapName, n.approval.authority);
      break;
  }
  const kindLabel = `${noticeKindNames[n.kind]}·${n.subKind}`;
  return {
    url: urls.notice(n),
    title: n.title,
    collection: 'notice',
    kind: kindLabel,
    district: n.district,
    date: n.publishDate.slice(0, 10),
    state: rule.superseded ? 'superseded' : 'active',
    ...(rule.period ? { period: rule.period } : {}),
    codes,
    names: [n.district, ...names],
    text: join([n.title, kindLabel, n.district, ...codes, n.publisher, n.summary, ...extra, n.body]),
    ...(bboxOf(place) ? { bbox: bboxOf(place)! } : {}),
    sample: n.sample,
    sortKey: n.publishDate,
  };
}

function enforcementDraft(r: EnforcementRecord, rule: StatusRule): Draft {
  const codes = [r.docNo, r.parcelCode].filter((c): c is string => !!c);
  const party = r.party ? [r.party.name, r.party.creditCode, r.party.legalRepresentative] : [];
  const items = r.items.flatMap((i) => [i.item, i.subItem, i.subject, i.basis, i.method, i.content]);
  return {
    url: urls.enforcementRecord(r),
    title: r.title,
    collection: 'enforcement',
    kind: r.category,
    district: r.district,
    date: r.publishDate.slice(0, 10),
    state: rule.superseded ? 'superseded' : 'active',
    ...(rule.period ? { period: rule.period } : {}),
    codes,
    names: [r.district],
    text: join([r.title, r.stage, r.category, r.district, ...codes, r.authority, ...party, r.violationType, r.facts, r.basis, r.result, ...items, r.body]),
    ...(r.location ? { bbox: bboxOf(r.location)! } : {}),
    sample: r.sample,
    sortKey: r.publishDate,
  };
}

function redSiteDraft(s: RedSite): Draft {
  return {
    url: urls.redSite(s),
    title: s.name,
    collection: 'red-site',
    kind: s.categories[0] ?? '',
    district: s.district,
    date: s.updated,
    state: 'active',
    codes: [],
    names: [s.name, s.address, s.district],
    text: join([s.name, ...s.categories, s.district, s.address, ...s.designations.map((d) => d.title), s.summary, s.history, s.managingUnit, s.transport, s.guidedTours]),
    bbox: bboxOf(s.location)!,
    sample: s.sample,
    sortKey: '',
  };
}

function redRouteDraft(r: RedRoute, sites: Map<string, RedSite>): Draft {
  const stops = r.stops.map((st) => sites.get(st.site));
  const points = stops.flatMap((s) => (s ? [s.location.coordinates] : []));
  const bbox = points.length ? bboxOf({ type: 'MultiPoint', coordinates: points }) : undefined;
  return {
    url: urls.redRoute(r),
    title: r.name,
    collection: 'red-route',
    kind: `${r.duration}·${r.mode}`,
    district: '',
    date: r.updated,
    state: 'active',
    codes: [],
    names: [r.name, ...stops.flatMap((s) => (s ? [s.name] : []))],
    text: join([r.name, r.theme, r.description, ...stops.map((s) => s?.name), ...r.stops.map((st) => st.task), ...r.audiences, r.mode, r.duration]),
    ...(bbox ? { bbox } : {}),
    sample: r.sample,
    sortKey: '',
  };
}

/** A 基准地价 zone: found by its grade, land type, district, 文号 and the document's title. */
function landPriceDraft(z: LandPriceZone): Draft {
  return {
    url: urls.landPriceZone(z),
    title: z.name,
    collection: 'land-price',
    kind: `${z.landType}·${gradeLabel(z.grade)}`,
    district: z.district,
    date: z.effectiveDate,
    state: 'active',
    codes: [z.approval.docNo],
    names: [z.district],
    text: join([z.name, '基准地价', z.landType, gradeLabel(z.grade), z.district, z.approval.docNo, z.approval.title, z.extent, ...z.prices.map((p) => `${p.use}用地 ${p.yuanPerM2} 元/平方米`)]),
    bbox: bboxOf(z.geometry)!,
    sample: z.sample,
    sortKey: '',
  };
}

/** A 控规 地块: found by 地块编号, land-use code and name, the plan and its 文号. */
function zoningDraft(z: ZoningZone): Draft {
  return {
    url: urls.zoningZone(z),
    // Without a trailing 地块: the index keeps no postings for that word on its own, so a title query would miss.
    title: `${z.plan} ${z.parcelNo}`,
    collection: 'zoning',
    kind: `${z.landUse.code} ${z.landUse.name}`,
    district: z.district,
    date: z.approval.date,
    state: 'active',
    codes: [z.parcelNo, z.approval.docNo],
    names: [z.district],
    text: join([z.plan, z.parcelNo, '控制性详细规划 控规', landUseText(z), z.district, z.approval.docNo, ...indicatorRows(z.indicators).map((r) => `${r.label} ${r.value}`), z.notes]),
    bbox: bboxOf(z.geometry)!,
    sample: z.sample,
    sortKey: '',
  };
}

function pageDrafts(d: Pick<PublishedView, 'enforcementReports'>): Draft[] {
  const page = (url: string, title: string, text: string): Draft => ({
    url, title, collection: 'page', kind: '', district: '', date: '', state: 'active', codes: [], names: [], text, sample: false, sortKey: '',
  });
  return [
    ...Object.values(columns)
      .filter((c) => c.key !== 'search')
      .map((c) => page(c.href, c.name, join([c.name, c.description, c.keywords.replaceAll(',', ' ')]))),
    // The 专题图 is a page of its own in the sitemap, found by what people call it.
    page(urls.redMap, '红色资源专题图', '红色资源专题图 红色地图 红色资源分布图 研学线路 爱国主义教育基地 地图'),
    // The 压覆查询 pre-check, by the words of the bureau's reports and of people who need it.
    page(urls.overlay, '压覆查询', '压覆查询 压覆矿产资源查询 压覆重要矿产资源 压覆矿产 矿业权 探矿权 采矿权 拐点 建设项目 用地范围 重叠 地块'),
    page(urls.disclosureCatalogue, '政府信息公开目录', '政府信息公开目录 公开目录 索引号 文号 发布机构 生成日期 规划 土地 矿业权 测绘 行政执法 主动公开'),
    page(urls.planner, '研学行程规划', '研学行程规划 研学旅行 研学实践 行程安排 路线规划 学校 春游 秋游 红色资源 预约 打印行程单'),
    // 执法严起来's own pages (docs/enforcement.md), by the names of the three systems' parts.
    page(urls.enforcementBefore, '事前公开', '事前公开 执法主体 执法人员 权责清单 职责 执法依据 执法程序 流程图 随机抽查事项清单 服务指南 法制审核目录 救济渠道 行政复议 行政诉讼'),
    page(urls.enforcementOfficers, '执法人员名单', '执法人员名单 执法人员 执法证号 执法证件 执法类别 行政执法证'),
    page(urls.enforcementVerify, '执法人员身份核验', '执法人员身份核验 事中公示 执法证号 执法证件 核验 查询 出示证件'),
    page(urls.enforcementDecisions, '事后公开：执法决定', '事后公开 执法决定 行政处罚 行政许可 行政检查 行政强制 处罚决定 决定书'),
    page(urls.enforcementStatistics, '行政执法统计年报', '行政执法统计年报 执法统计 年报 执法数据'),
    ...d.enforcementReports.map((r) => ({ ...page(urls.enforcementReport(r.year), r.title, join([r.title, '行政执法统计年报', `${r.year}年`, r.summary])), date: r.publishDate.slice(0, 10), sample: r.sample })),
  ];
}

/**
 * 一码管地: the parcel index and each parcel's page, found by its codes (宗地代码, 电子监管号,
 * 地块编号) and place. Pages, not records: their records are indexed on their own.
 */
function parcelDrafts(d: PublishedView): Draft[] {
  const index: Draft = { url: urls.parcels, title: '一码管地：宗地记录', collection: 'page', kind: '', district: '', date: '', state: 'active', codes: [], names: [], text: '一码管地 宗地记录 宗地代码 电子监管号 规划许可 出让公告 成交公示 供地 核验', sample: false, sortKey: '' };
  return [
    index,
    ...d.parcels.map((p): Draft => {
      const codes = [...p.cadastralCodes, ...p.supervisionNos, ...p.parcelNos];
      return {
        url: urls.parcel(p),
        title: `宗地 ${p.key}（一码管地）`,
        collection: 'page',
        kind: '',
        district: p.district,
        date: '',
        state: 'active',
        codes,
        names: [p.district, ...(p.location ? [p.location] : [])],
        text: join([`宗地 ${p.key}（一码管地）`, ...codes, p.district, p.location, p.use, ...p.entries.map((e) => e.notice.title)]),
        ...(bboxOf(p.geometry) ? { bbox: bboxOf(p.geometry)! } : {}),
        sample: p.sample,
        sortKey: '',
      };
    }),
  ];
}

/**
 * Every published page as a SearchDocument, in id order: the records of the
 * published view (withdrawn ones are not in it; superseded ones are, marked).
 */
export function searchDocuments(d: PublishedView): SearchDocument[] {
  const sites = new Map(d.redSites.map((s) => [s.id, s]));
  const dated = [
    ...d.notices.map((n) => noticeDraft(n, d.statusRule(n), d.placeOf(n)?.geometry)),
    ...d.enforcementListed.map((r) => enforcementDraft(r, d.statusRule(r))),
  ].sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : a.url < b.url ? -1 : 1));
  const drafts = [...pageDrafts(d), ...parcelDrafts(d), ...d.redRoutes.map((r) => redRouteDraft(r, sites)), ...d.redSites.map(redSiteDraft), ...d.landPriceZones.map(landPriceDraft), ...d.zoningZones.map(zoningDraft), ...dated];
  return drafts.map(({ sortKey: _, ...doc }, id) => ({ id, ...doc }));
}
