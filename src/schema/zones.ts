/**
 * Two zone layers the bureau's work reports name (issue 13 §6):
 *
 * - 基准地价 (landPriceZoneSchema): a graded zone (级别) of the published
 *   benchmark land prices, 国有建设用地 or 集体建设用地 (集体建设用地定级与基准地价),
 *   with a price per use in 元/平方米 (and 万元/亩 as the document prints it,
 *   checked against the conversion), the 基准日 and 实施日期, and the
 *   approving document's 文号 with a link to the document itself;
 * - 控制性详细规划 (zoningZoneSchema): a 控规 地块 with its land-use class per the
 *   national 用地用海分类 (land-use.ts), its key indicators, the approving 文号
 *   and date, and the 批前公示 it went through (ids of planning notices, which
 *   the dataset check resolves).
 *
 * One file per zone (data/land-price and data/zoning, one YAML file each, named by id): each
 * zone has its own page and twins. Field-by-field: docs/data-format.md §12–13.
 */
import { z } from 'zod';
import { attachment, isoDate, multiPolygonGeometry, nonEmptyText, polygonGeometry, recordId, whenValid } from './common.ts';
import { bureauParcelNo, documentNo } from './identifiers.ts';
import { landUseClass } from './land-use.ts';

/** A zone's area: a Polygon or MultiPolygon in CGCS2000/WGS84. */
const zoneGeometry = z.discriminatedUnion('type', [polygonGeometry, multiPolygonGeometry], { error: '区域几何应为 Polygon 或 MultiPolygon' }).meta({ privacy: 'none' });

/** The approving document: 文号, title, authority and date. */
const approval = z.strictObject({
  /** e.g. 齐政发〔2025〕8号. Zones approved together share it. */
  docNo: documentNo,
  /** The document's title as issued. */
  title: nonEmptyText,
  /** 批准机关, e.g. 齐齐哈尔市人民政府. */
  authority: nonEmptyText,
  /** 批准日期 (the document's date). */
  date: isoDate,
});
export type ZoneApproval = z.infer<typeof approval>;

// ------------------------------------------------------------ 基准地价 ---

export const landTypes = ['国有建设用地', '集体建设用地'] as const;
export type LandType = (typeof landTypes)[number];
/** The uses a benchmark price is published for. */
export const landPriceUses = ['商服', '住宅', '工业'] as const;
export type LandPriceUse = (typeof landPriceUses)[number];

/** 1 亩 = 10000/15 平方米; 万元/亩 = 元/平方米 × 10000/15 ÷ 10000. */
export const M2_PER_MU = 10000 / 15;
export const wanPerMuOf = (yuanPerM2: number): number => (yuanPerM2 * M2_PER_MU) / 10000;

/** One use's benchmark price in a zone. */
export const landPrice = z
  .strictObject({
    use: z.enum(landPriceUses, { error: `用途应为 ${landPriceUses.join('、')} 之一` }),
    /** 元/平方米 (楼面 or 地面 as the document says; `basis`). */
    yuanPerM2: z.number({ error: '应为数字（元/平方米）' }).positive('地价应大于 0'),
    /** 万元/亩 as printed; checked against yuanPerM2 (rounding to 0.01 allowed). Computed when left out. */
    wanPerMu: z.number({ error: '应为数字（万元/亩）' }).positive('地价应大于 0').optional(),
  })
  .refine((p) => p.wanPerMu === undefined || Math.abs(p.wanPerMu - wanPerMuOf(p.yuanPerM2)) <= 0.01, {
    path: ['wanPerMu'],
    error: (issue) => {
      const p = issue.input as { yuanPerM2: number; wanPerMu: number };
      return `${p.yuanPerM2} 元/平方米折合 ${wanPerMuOf(p.yuanPerM2).toFixed(2)} 万元/亩，与所填 ${p.wanPerMu} 万元/亩不符（1 亩 = 666.67 平方米）`;
    },
    ...whenValid('yuanPerM2', 'wanPerMu'),
  });
export type LandPrice = z.infer<typeof landPrice>;

export const landPriceZoneSchema = z
  .strictObject({
    id: recordId,
    /** e.g. 中心城区国有建设用地Ⅰ级地（龙沙区中心片）. */
    name: nonEmptyText,
    landType: z.enum(landTypes, { error: `土地类型应为 ${landTypes.join('或')}` }),
    /** 土地级别: 1 is the highest (Ⅰ级). */
    grade: z.number({ error: '级别应为数字，1 表示Ⅰ级' }).int('级别应为整数').min(1).max(12),
    district: nonEmptyText,
    /** 级别范围 in words (四至), as the document describes it. */
    extent: nonEmptyText,
    geometry: zoneGeometry,
    prices: z.array(landPrice).min(1, '至少填写一种用途的基准地价'),
    /** 地价内涵: land development level, 容积率 and term the prices assume. */
    basis: nonEmptyText,
    /** 估价期日 (基准日). */
    baseDate: isoDate,
    /** 实施日期. */
    effectiveDate: isoDate,
    approval,
    /** The published document (the approving document first): /files/… or https://. */
    documents: z.array(attachment).min(1, '应链接批准文件（附件或 https 地址）'),
    updated: isoDate,
    sample: z.boolean().default(false),
  })
  // Reads only the uses: a wrong price elsewhere in the list must not hide a use written twice.
  .refine((r) => new Set(r.prices.map((p) => p.use)).size === r.prices.length, {
    path: ['prices'],
    message: '同一用途的基准地价只能填写一次',
    when: (payload) => !payload.issues.some((i) => i.path?.[0] === 'prices' && (i.path.length < 3 || i.path[2] === 'use')),
  })
  .refine((r) => r.effectiveDate >= r.baseDate, { path: ['effectiveDate'], message: '实施日期早于基准日（估价期日）', ...whenValid('baseDate', 'effectiveDate') })
  .refine((r) => r.effectiveDate >= r.approval.date, { path: ['approval', 'date'], message: '批准日期晚于实施日期', ...whenValid('approval', 'effectiveDate') });
export type LandPriceZone = z.infer<typeof landPriceZoneSchema>;

/** 级别 as written in the documents: Ⅰ级, Ⅱ级 … */
export function gradeLabel(grade: number): string {
  const roman = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ'];
  return `${roman[grade - 1] ?? grade}级`;
}

// ------------------------------------------------------- 控制性详细规划 ---

/** Key indicators of a 控规 地块, where the 图则 gives them. */
export const zoningIndicators = z
  .strictObject({
    /** 容积率 upper limit (and lower, when one is set). */
    farMax: z.number().min(0).max(30).optional(),
    farMin: z.number().min(0).max(30).optional(),
    /** 建筑密度 upper limit, per cent. */
    densityMaxPct: z.number().min(0).max(100).optional(),
    /** 绿地率 lower limit, per cent. */
    greenMinPct: z.number().min(0).max(100).optional(),
    /** 建筑限高, metres. */
    heightMaxM: z.number().positive().max(1000).optional(),
  })
  .refine((i) => i.farMin === undefined || i.farMax === undefined || i.farMin <= i.farMax, { path: ['farMin'], message: '容积率下限大于上限' });
export type ZoningIndicators = z.infer<typeof zoningIndicators>;

export const zoningZoneSchema = z.strictObject({
  id: recordId,
  /** The 控规 the 地块 belongs to, e.g. 齐齐哈尔市中心城区龙沙公园周边片区控制性详细规划. */
  plan: nonEmptyText,
  /** 地块编号 in the plan (LS-05-03). */
  parcelNo: bureauParcelNo,
  district: nonEmptyText,
  geometry: zoneGeometry,
  /** 用地用海分类 (code and name as in the 指南). */
  landUse: landUseClass,
  /** 用地面积, square metres. */
  areaM2: z.number().positive().optional(),
  indicators: zoningIndicators.default({}),
  /** 配套设施 and other 图则 requirements, in words. */
  notes: z.string().trim().min(1).optional(),
  approval,
  /** Ids of the 批前公示 (planning notices, data/notices/planning/) of this plan or 地块. */
  preApprovalNotices: z.array(recordId).default([]),
  updated: isoDate,
  sample: z.boolean().default(false),
});
export type ZoningZone = z.infer<typeof zoningZoneSchema>;
