/**
 * 政府信息公开目录 (政府信息公开条例 Art 12; disclosure-rules.md §2.3): the
 * bureau's 公开事项 with the standard catalogue's columns (公开内容, 公开依据,
 * 公开时限, 公开主体, 公开渠道, 公开方式), and per 事项 its published records with
 * 索引, 名称, 内容概述, 生成日期, 文号, 发布机构 and 有效性. Built from the published
 * view only, so a withdrawn record is never listed.
 */
import type { PublishedView } from '../data/index.ts';
import { noticeKindNames, type NoticeKind } from '../schema/index.ts';
import { urls } from './urls.ts';

export interface CatalogueRow {
  /** 索引: the record's stable identifier on this site (its page URL ends with it). */
  index: string;
  title: string;
  href: string;
  summary: string;
  /** 生成日期 (the publication date). */
  date: string;
  docNo?: string | undefined;
  publisher: string;
  /** 有效性: 有效, or 已被替代 with the published replacement. */
  validity: '有效' | '已被替代';
}

export interface CatalogueItem {
  key: string;
  /** 公开事项 */
  name: string;
  content: string;
  basis: string;
  deadline: string;
  /** The column page that lists the records. */
  listHref: string;
  rows: CatalogueRow[];
}

const NOTICE_ITEMS: Record<NoticeKind, Pick<CatalogueItem, 'content' | 'basis' | 'deadline'>> = {
  planning: {
    content: '建设项目规划许可批前公示、批后公布和规划核实：项目名称、建设单位、建设位置、主要技术经济指标、总平面图、公示期和意见反馈方式',
    basis: '《中华人民共和国城乡规划法》第八条、第四十条；《中华人民共和国行政许可法》第三十六条、第四十条',
    deadline: '批前公示在审批前按规定的公示期公示；批后公布自作出决定之日起 20 个工作日内',
  },
  land: {
    content: '国有建设用地使用权出让公告和成交结果公示：宗地位置、面积、用途、使用年期、规划指标、起始价、成交价和竞得人',
    basis: '《中华人民共和国土地管理法实施条例》第十六条、第十八条；《招标拍卖挂牌出让国有建设用地使用权规定》（国土资源部令第39号）',
    deadline: '出让公告在招标拍卖挂牌开始日前至少 20 日发布；成交结果在交易结束后 10 个工作日内公布',
  },
  mining: {
    content: '矿业权出让公告、成交结果公示和注销公告：矿业权名称、矿种、位置和拐点坐标、面积、出让年限、起始价和成交价',
    basis: '《中华人民共和国矿产资源法》第十七条、第十九条；《矿业权出让交易规则》',
    deadline: '出让公告在出让前按规定期限发布；成交结果按规定期限公示',
  },
  surveying: {
    content: '测绘资质、地图审核等测绘地理信息审批结果：行政相对人、许可内容、决定日期和有效期',
    basis: '《中华人民共和国行政许可法》第四十条；《地图管理条例》第二十一条',
    deadline: '自作出决定之日起 7 个工作日内',
  },
};

export function catalogueItems(view: PublishedView): CatalogueItem[] {
  const publisher = view.site.bureauName;
  const items: CatalogueItem[] = (Object.keys(NOTICE_ITEMS) as NoticeKind[]).map((kind) => ({
    key: kind,
    name: noticeKindNames[kind],
    ...NOTICE_ITEMS[kind],
    listHref: urls.noticeKind(kind),
    rows: view.noticesByKind[kind].map((n) => ({
      index: n.id,
      title: n.title,
      href: urls.notice(n),
      summary: n.summary ?? n.subKind,
      date: n.publishDate.slice(0, 10),
      docNo: n.docNo,
      publisher: n.publisher ?? publisher,
      validity: view.statusRule(n).superseded ? '已被替代' : '有效',
    })),
  }));
  items.push({
    key: 'enforcement',
    name: '行政执法公示',
    content: '事前公开（执法主体、人员、职责、依据、程序、随机抽查事项清单）、事中公示和事后公开（执法机关、执法对象、执法类别、执法结论）',
    basis: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）；《中华人民共和国行政处罚法》第四十八条',
    deadline: '行政许可、行政处罚决定自作出之日起 7 个工作日内，其他执法结果 20 个工作日内',
    listHref: urls.enforcement,
    rows: view.enforcement.map((r) => ({
      index: r.id,
      title: r.title,
      href: urls.enforcementRecord(r),
      summary: `${r.stage} · ${r.category}`,
      date: r.publishDate.slice(0, 10),
      docNo: r.docNo,
      publisher: r.authority,
      validity: view.statusRule(r).superseded ? '已被替代' : '有效',
    })),
  });
  return items;
}

/** Rows per page of a 事项's record table. */
export const CATALOGUE_PAGE_SIZE = 100;

export const catalogueItemUrl = (key: string, page = 1): string => `${urls.disclosureCatalogue}${key}/${page > 1 ? `page/${page}/` : ''}`;
