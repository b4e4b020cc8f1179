/** 红色资源: red heritage sites and patriotic-education (研学) routes. */
import { z } from 'zod';
import { attachment, isoDate, nonEmptyText, orgContact, pointGeometry, polygonGeometry, recordId } from './common.ts';

/** Site categories (multi-label), after the Shanghai/韶关 名录 typology. */
export const redSiteCategories = [
  '革命旧址',
  '革命遗址',
  '纪念设施',
  '烈士纪念设施',
  '革命文物',
  '爱国主义教育基地',
  '研学实践教育基地',
  '红色旅游景区',
] as const;

/** A designation a site holds, e.g. 全国爱国主义教育示范基地 (2021). */
export const designation = z.strictObject({
  title: nonEmptyText,
  level: z.enum(['国家级', '省级', '市级', '县级']),
  year: z.number().int().min(1949).max(2100).optional(),
});

export const redSiteSchema = z.strictObject({
  id: recordId,
  /** The exact approved name (烈士褒扬条例 Art 40). */
  name: nonEmptyText,
  categories: z.array(z.enum(redSiteCategories)).min(1, '至少选择一个类别'),
  designations: z.array(designation).default([]),
  district: nonEmptyText,
  address: nonEmptyText,
  /** Display point in CGCS2000/WGS84. */
  location: pointGeometry,
  /** 保护范围, where one is published. */
  protectionArea: polygonGeometry.optional(),
  /** Vetted introduction (党史/文旅 reviewed). */
  summary: nonEmptyText,
  managingUnit: nonEmptyText,
  openingHours: nonEmptyText,
  /** 免费 / 免费不免票 / a price with concessions. */
  admission: nonEmptyText,
  booking: z.strictObject({
    individualsNeedBooking: z.boolean(),
    /** Group size from which a group booking is required. */
    groupThreshold: z.number().int().positive().optional(),
    /** How far ahead groups must book, in plain words (“提前1个工作日”). */
    groupLeadTime: z.string().optional(),
    /** Link to the venue's own booking system: we never collect visitors' data. */
    url: z.url().meta({ privacy: 'url' }).optional(),
    contact: orgContact.optional(),
  }),
  guidedTours: z.string().optional(),
  accessibility: z.string().optional(),
  transport: z.string().optional(),
  /** Suggested visit length in minutes. */
  visitMinutes: z.number().int().min(10).max(600),
  images: z.array(attachment).default([]),
  updated: isoDate,
  sample: z.boolean().default(false),
});
export type RedSite = z.infer<typeof redSiteSchema>;

export const audiences = ['小学低段', '小学中段', '小学高段', '初中', '高中', '大学及成人'] as const;
export const travelModes = ['步行', '骑行', '公交', '自驾', '包车'] as const;

export const routeStop = z.strictObject({
  site: recordId,
  /** Minutes spent at the stop. */
  dwellMinutes: z.number().int().min(5).max(480),
  /** 研学任务: what pupils do at this stop. */
  task: z.string().optional(),
});

export const redRouteSchema = z.strictObject({
  id: recordId,
  name: nonEmptyText,
  theme: nonEmptyText,
  description: nonEmptyText,
  stops: z.array(routeStop).min(2, '线路至少需要 2 个站点'),
  mode: z.enum(travelModes),
  /** 半日 / 一日 / 两日 */
  duration: z.enum(['半日', '一日', '两日']),
  audiences: z.array(z.enum(audiences)).min(1),
  season: z.string().optional(),
  safetyNotes: z.string().optional(),
  updated: isoDate,
  sample: z.boolean().default(false),
});
export type RedRoute = z.infer<typeof redRouteSchema>;
