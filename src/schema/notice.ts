/**
 * 公示公告: notices of four kinds sharing one core. The per-kind fields follow
 * shared/reference/disclosure-rules.md §1(a)–(d).
 */
import { z } from 'zod';
import {
  attachment,
  geometry,
  isoDate,
  isoDateTime,
  nonEmptyText,
  orgContact,
  period,
  polygonGeometry,
  publicationState,
  recordId,
  whenValid,
} from './common.ts';
import { dateTimeKey, isIsoDate } from '../lib/dates.ts';
import { bureauParcelNo, cadastralCode, creditCode, documentNo, landSupervisionNo, miningLicenseNo } from './identifiers.ts';
import { parseMiningLicenseNo } from '../lib/identifiers.ts';
import { cornerTable } from './corners.ts';

/** An organisation's full name, or a natural person's masked name (吴某（村民）). */
const orgOrPerson = nonEmptyText.meta({ privacy: 'org-or-person' });

export const noticeKinds = ['planning', 'land', 'mining', 'surveying'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** Chinese names of the kinds, for headings and breadcrumbs. */
export const noticeKindNames: Record<NoticeKind, string> = {
  planning: '规划公示',
  land: '土地市场',
  mining: '矿业权',
  surveying: '测绘审批',
};

export const noticeSubKinds = {
  // 规划核实 and 供地结果 close a parcel's 一码管地 timeline (src/lib/parcels.ts).
  planning: ['批前公示', '批后公布', '规划核实'],
  land: ['出让公告', '成交公示', '供地结果', '供地计划'],
  mining: ['出让公告', '成交公示', '勘查开采信息公示', '自行废止公告'],
  surveying: ['测绘资质审批', '地图审核', '测量标志审批'],
} as const satisfies Record<NoticeKind, readonly string[]>;

/** Fields every notice has. */
const core = {
  id: recordId,
  title: nonEmptyText,
  /** 文号, e.g. 齐自然资规公〔2026〕12号; unique across the site. */
  docNo: documentNo.optional(),
  /** A district or county from the boundaries, or 全市. */
  district: nonEmptyText,
  publishDate: isoDateTime,
  /** 公示期 / 公告期, where the notice has one. */
  period: period.optional(),
  /** 发布机构; defaults to the bureau. */
  publisher: nonEmptyText.optional(),
  summary: nonEmptyText.optional(),
  /** Main text, paragraphs separated by blank lines. */
  body: z.string().optional(),
  status: publicationState.default({ state: 'active' }),
  attachments: z.array(attachment).default([]),
  /** Where the notice applies, CGCS2000/WGS84. */
  geometry: geometry.optional(),
  /** Linked notices (批前公示 ↔ 批后公布, 出让公告 ↔ 成交公示 …). */
  related: z.array(recordId).default([]),
  contact: orgContact.optional(),
  sample: z.boolean().default(false),
};

// ------------------------------------------------------------- planning ---

/**
 * 一码管地: the land parcel a planning notice concerns, by the codes that tie
 * its records together (src/lib/parcels.ts). Land notices carry the same codes
 * on each of their parcels.
 */
const parcelLink = z
  .strictObject({
    /** 宗地代码 (GB/T 37346-2019). */
    cadastralCode: cadastralCode.optional(),
    /** 电子监管号 of the parcel's 供地. */
    supervisionNo: landSupervisionNo.optional(),
  })
  .refine((p) => p.cadastralCode !== undefined || p.supervisionNo !== undefined, { message: '地块关联至少要有宗地代码或电子监管号' });

const planningIndicators = z.strictObject({
  landAreaM2: z.number().positive().optional(),
  floorAreaM2: z.number().positive().optional(),
  aboveGroundM2: z.number().nonnegative().optional(),
  belowGroundM2: z.number().nonnegative().optional(),
  plotRatio: z.number().positive().max(30).optional(),
  /** Percent. */
  buildingDensity: z.number().min(0).max(100).optional(),
  /** Percent. */
  greenRatio: z.number().min(0).max(100).optional(),
  heightM: z.number().positive().max(700).optional(),
  parkingSpaces: z.number().int().nonnegative().optional(),
});

export const planningNotice = z
  .strictObject({
    ...core,
    kind: z.literal('planning'),
    subKind: z.enum(noticeSubKinds.planning),
    permitType: z.enum(['建设工程规划许可', '建设用地规划许可', '乡村建设规划许可', '控制性详细规划', '规划条件变更']),
    projectName: nonEmptyText,
    /** 建设单位 (an organisation; a villager's name must be masked). */
    applicant: orgOrPerson,
    location: nonEmptyText,
    indicators: planningIndicators.default({}),
    /** 许可证号, for 批后公布. */
    permitNo: documentNo.optional(),
    issueDate: isoDate.optional(),
    /** 一码管地: the parcel this permit or 规划核实 concerns. */
    parcel: parcelLink.optional(),
    /** How the public comments during a 批前公示. */
    feedback: z
      .strictObject({
        channels: nonEmptyText,
        deadline: isoDate,
        /** Where opinions are e-mailed and posted; absent: the notice's contact (src/lib/opinions.ts). */
        email: z.email('邮箱格式不正确').meta({ privacy: 'public-contact' }).optional(),
        address: nonEmptyText.meta({ privacy: 'public-contact' }).optional(),
        /** 利害关系人 may request a hearing within 5 days (行政许可法 Art 47). */
        hearing: z.boolean().default(true),
      })
      .optional(),
  })
  .superRefine((n, ctx) => {
    if (n.subKind === '批前公示') {
      if (!n.period) ctx.addIssue({ code: 'custom', path: ['period'], message: '批前公示必须有公示期' });
      if (!n.feedback) ctx.addIssue({ code: 'custom', path: ['feedback'], message: '批前公示必须说明意见反馈方式和截止日期' });
    } else {
      // A 规划核实 carries its 核实合格证/意见书 number and date in the same fields.
      const what = n.subKind === '规划核实' ? { no: '规划核实必须有核实意见书编号（permitNo）', date: '规划核实必须有核实日期（issueDate）' } : { no: '批后公布必须有许可证号', date: '批后公布必须有发证日期' };
      if (!n.permitNo) ctx.addIssue({ code: 'custom', path: ['permitNo'], message: what.no });
      if (!n.issueDate) ctx.addIssue({ code: 'custom', path: ['issueDate'], message: what.date });
    }
    if (n.subKind === '规划核实' && !n.parcel)
      ctx.addIssue({ code: 'custom', path: ['parcel'], message: '规划核实必须写明所核实地块的宗地代码或电子监管号' });
  }, whenValid('subKind'));

// ------------------------------------------------------------------ land ---

const parcel = z.strictObject({
  /** The bureau's 地块编号, e.g. 2026-G-015. */
  code: bureauParcelNo,
  /** 宗地代码 (GB/T 37346-2019), once the parcel is registered: what ties its records together. */
  cadastralCode: cadastralCode.optional(),
  /** 电子监管号 of the 成交 in the national land-market system. */
  supervisionNo: landSupervisionNo.optional(),
  location: nonEmptyText,
  areaM2: z.number().positive(),
  /** 规划用途, e.g. 城镇住宅用地, 工业用地. */
  use: nonEmptyText,
  termYears: z.number().int().min(1).max(70),
  plotRatio: z
    .strictObject({ min: z.number().nonnegative().optional(), max: z.number().positive() })
    .refine((r) => r.min === undefined || r.min <= r.max, { message: '容积率下限大于上限', ...whenValid('min', 'max') })
    .optional(),
  buildingDensityMax: z.number().min(0).max(100).optional(),
  greenRatioMin: z.number().min(0).max(100).optional(),
  heightLimitM: z.number().positive().optional(),
  /** Prices in 万元. */
  startPriceWan: z.number().positive().optional(),
  depositWan: z.number().positive().optional(),
  incrementWan: z.number().positive().optional(),
  dealPriceWan: z.number().positive().optional(),
  /** 竞得人 (an organisation, or a natural person masked). */
  winner: orgOrPerson.optional(),
  dealDate: isoDate.optional(),
  geometry: polygonGeometry.optional(),
});
export type Parcel = z.infer<typeof parcel>;

export const landNotice = z
  .strictObject({
    ...core,
    kind: z.literal('land'),
    subKind: z.enum(noticeSubKinds.land),
    parcels: z.array(parcel).default([]),
    /** 出让 arrangements (39号令): application deadline and the 挂牌/拍卖 window. */
    listing: z
      .strictObject({
        method: z.enum(['挂牌', '拍卖', '招标']),
        applyDeadline: isoDateTime,
        start: isoDateTime,
        end: isoDateTime,
        tradingUrl: z.url().meta({ privacy: 'url' }).optional(),
      })
      .refine((l) => dateTimeKey(l.end, 'end') >= dateTimeKey(l.start, 'start'), { message: '挂牌/竞价结束时间早于开始时间', path: ['end'], ...whenValid('start', 'end') })
      .optional(),
    /** 年度供地计划 (土地管理法实施条例 Art 16), hectares. */
    supplyPlan: z
      .strictObject({
        year: z.number().int().min(2000).max(2100),
        rows: z
          .array(
            z.strictObject({
              use: nonEmptyText,
              newHa: z.number().nonnegative(),
              existingHa: z.number().nonnegative(),
            }),
          )
          .min(1),
      })
      .optional(),
  })
  .superRefine((n, ctx) => {
    if (n.subKind === '出让公告') {
      if (n.parcels.length === 0) ctx.addIssue({ code: 'custom', path: ['parcels'], message: '出让公告至少列出一宗地块' });
      if (!n.listing) ctx.addIssue({ code: 'custom', path: ['listing'], message: '出让公告必须写明报名截止和挂牌/竞价时间' });
      n.parcels.forEach((p, i) => {
        if (p.startPriceWan === undefined)
          ctx.addIssue({ code: 'custom', path: ['parcels', i, 'startPriceWan'], message: '出让公告的地块必须有起始价' });
      });
    }
    if (n.subKind === '成交公示') {
      if (n.parcels.length === 0) ctx.addIssue({ code: 'custom', path: ['parcels'], message: '成交公示至少列出一宗地块' });
      n.parcels.forEach((p, i) => {
        for (const field of ['dealPriceWan', 'winner', 'dealDate'] as const) {
          if (p[field] === undefined)
            ctx.addIssue({ code: 'custom', path: ['parcels', i, field], message: '成交公示的地块必须有成交价、竞得人和成交日期' });
        }
      });
    }
    // 供地结果 (中国土地市场网): keyed by the 电子监管号, which ties it to the parcel's other records.
    if (n.subKind === '供地结果') {
      if (n.parcels.length === 0) ctx.addIssue({ code: 'custom', path: ['parcels'], message: '供地结果至少列出一宗地块' });
      n.parcels.forEach((p, i) => {
        if (p.supervisionNo === undefined)
          ctx.addIssue({ code: 'custom', path: ['parcels', i, 'supervisionNo'], message: '供地结果的地块必须有电子监管号' });
      });
    }
    if (n.subKind === '供地计划' && !n.supplyPlan)
      ctx.addIssue({ code: 'custom', path: ['supplyPlan'], message: '供地计划必须有分用途供应面积' });
  }, whenValid('subKind', 'parcels'));

// ---------------------------------------------------------------- mining ---

const miningRight = z.strictObject({
  /** 矿业权名称 */
  name: nonEmptyText,
  type: z.enum(['探矿权', '采矿权']),
  mineral: nonEmptyText,
  /** 采矿许可证号 C… or 勘查许可证号 T… (src/lib/identifiers.ts). */
  licenseNo: miningLicenseNo.optional(),
  /** 矿业权人 (an organisation). */
  holder: orgOrPerson.optional(),
  areaKm2: z.number().positive().optional(),
  location: nonEmptyText,
  validFrom: isoDate.optional(),
  validUntil: isoDate.optional(),
  /** 生产规模, e.g. 10万吨/年. */
  scale: z.string().optional(),
}).superRefine((r, ctx) => {
  // Compared only when both dates are valid: a date written 2026年… gets its own message alone.
  if (r.validFrom && r.validUntil && isIsoDate(r.validFrom) && isIsoDate(r.validUntil) && r.validUntil < r.validFrom)
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: `有效期止 ${r.validUntil} 早于有效期起 ${r.validFrom}` });
  const parsed = r.licenseNo === undefined ? undefined : parseMiningLicenseNo(r.licenseNo);
  if (parsed && parsed.right !== r.type)
    ctx.addIssue({ code: 'custom', path: ['licenseNo'], message: r.type === '探矿权' ? '探矿权的勘查许可证号以 T 开头' : '采矿权的采矿许可证号以 C 开头' });
});

export const miningNotice = z
  .strictObject({
    ...core,
    kind: z.literal('mining'),
    subKind: z.enum(noticeSubKinds.mining),
    rights: z.array(miningRight).min(1, '至少列出一个矿业权'),
    transfer: z
      .strictObject({
        method: z.enum(['挂牌', '拍卖', '招标', '协议']),
        startPriceWan: z.number().positive().optional(),
        depositWan: z.number().positive().optional(),
        dealPriceWan: z.number().positive().optional(),
        winner: orgOrPerson.optional(),
        start: isoDateTime.optional(),
        end: isoDateTime.optional(),
      })
      .refine((t) => !t.start || !t.end || dateTimeKey(t.end, 'end') >= dateTimeKey(t.start, 'start'), { message: '结束时间早于开始时间', path: ['end'], ...whenValid('start', 'end') })
      .optional(),
    /**
     * 拐点坐标 as issued, CGCS2000 (2000国家大地坐标系): X/Y of the 3° Gauss–Krüger
     * zone with the zone number in Y, or lon/lat (./corners.ts).
     */
    corners: cornerTable.optional(),
    /** For 自行废止公告: why the right lapsed and until when objections are taken. */
    abolition: z
      .strictObject({ reason: nonEmptyText, objectionDeadline: isoDate.optional() })
      .optional(),
  })
  .superRefine((n, ctx) => {
    if (n.subKind === '出让公告' && !n.transfer)
      ctx.addIssue({ code: 'custom', path: ['transfer'], message: '矿业权出让公告必须写明出让方式和时间' });
    if (n.subKind === '自行废止公告' && !n.abolition)
      ctx.addIssue({ code: 'custom', path: ['abolition'], message: '自行废止公告必须写明废止原因' });
  }, whenValid('subKind'));

// ------------------------------------------------------------- surveying ---

export const surveyingNotice = z
  .strictObject({
    ...core,
    kind: z.literal('surveying'),
    subKind: z.enum(noticeSubKinds.surveying),
    approval: z.strictObject({
      /** 行政相对人 (an organisation). */
      applicant: orgOrPerson,
      /** 统一社会信用代码 (GB 32100, check character included). */
      creditCode: creditCode.optional(),
      item: nonEmptyText,
      decisionNo: documentNo,
      decisionDate: isoDate,
      grade: z.enum(['甲级', '乙级']).optional(),
      categories: z.array(nonEmptyText).default([]),
      validUntil: isoDate.optional(),
      /** For 地图审核: the map and its 审图号 (地图管理条例 Art 21). */
      mapName: nonEmptyText.optional(),
      reviewNo: documentNo.optional(),
      authority: nonEmptyText,
    }),
  })
  .superRefine((n, ctx) => {
    if (n.subKind === '地图审核') {
      if (!n.approval.mapName) ctx.addIssue({ code: 'custom', path: ['approval', 'mapName'], message: '地图审核结果必须有地图名称' });
      if (!n.approval.reviewNo) ctx.addIssue({ code: 'custom', path: ['approval', 'reviewNo'], message: '地图审核结果必须有审图号' });
    }
    if (n.approval.validUntil && n.approval.validUntil < n.approval.decisionDate)
      ctx.addIssue({ code: 'custom', path: ['approval', 'validUntil'], message: '有效期截止日期早于决定日期' });
  }, whenValid('subKind', 'approval'));

export const noticeSchema = z.discriminatedUnion('kind', [planningNotice, landNotice, miningNotice, surveyingNotice], {
  error: 'kind 应为 planning、land、mining 或 surveying',
});
export type Notice = z.infer<typeof noticeSchema>;
export type PlanningNotice = z.infer<typeof planningNotice>;
export type LandNotice = z.infer<typeof landNotice>;
export type MiningNotice = z.infer<typeof miningNotice>;
export type SurveyingNotice = z.infer<typeof surveyingNotice>;
