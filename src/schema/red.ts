/**
 * 红色资源: red heritage sites and patriotic-education (研学) routes.
 *
 * What a machine needs is structured (opening hours in the opening-hours
 * grammar, booking lead times in working days, capacities, school stages,
 * free admission, photo credits and licences), and every sentence a page
 * shows about it is derived from that one field (src/lib/red-site-text.ts),
 * so the trip planner, the list filters and the page can never disagree.
 * Field-by-field documentation: docs/data-format.md §6–7. The spreadsheet
 * import derives its columns from these schemas: keep names plain.
 */
import { z } from 'zod';
import { parseOpeningHours } from '../lib/opening-hours.ts';
import { isoDate, nonEmptyText, orgContact, pointGeometry, polygonGeometry, recordId, whenValid } from './common.ts';

/**
 * What a site is, physically (multi-label), after the Shanghai/韶关 名录
 * typology. Being a 爱国主义教育基地 or 研学实践教育基地 is not a kind of
 * place but a designation by an authority, with a level: it lives in
 * `designations` (kind), which is where the list filters read it.
 */
export const redSiteCategories = ['革命旧址', '革命遗址', '纪念馆', '纪念设施', '烈士纪念设施', '革命文物', '红色旅游景区'] as const;
export type RedSiteCategory = (typeof redSiteCategories)[number];

/** Designations that used to be written as categories, and where they go now. */
const MOVED_TO_DESIGNATIONS = new Set(['爱国主义教育基地', '研学实践教育基地']);

const category = z.enum(redSiteCategories, {
  error: (issue) =>
    typeof issue.input === 'string' && MOVED_TO_DESIGNATIONS.has(issue.input)
      ? `“${issue.input}”是命名称号，不是类别：请写在 designations 中（kind: ${issue.input}，并填写 level），类别只写 ${redSiteCategories.join('、')}`
      : `类别应为 ${redSiteCategories.join('、')} 之一`,
});

/** Kinds of designation a site can hold; each is announced by its authority with a level. */
export const designationKinds = ['爱国主义教育基地', '研学实践教育基地', '烈士纪念设施', '文物保护单位', '红色旅游经典景区', '其他'] as const;
export type DesignationKind = (typeof designationKinds)[number];
export const designationLevels = ['国家级', '省级', '市级', '县级'] as const;
export type DesignationLevel = (typeof designationLevels)[number];

/** A designation a site holds, e.g. 全国爱国主义教育示范基地 (国家级, 2021). */
export const designation = z.strictObject({
  kind: z.enum(designationKinds),
  /** The designation's exact name as announced. */
  title: nonEmptyText,
  level: z.enum(designationLevels),
  year: z.number().int().min(1949).max(2100).optional(),
});
export type Designation = z.infer<typeof designation>;

/** MM-DD, a day of any year (29 February included). */
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '应写作 MM-DD，如 05-01').refine((s) => {
  const [m, d] = s.split('-').map(Number) as [number, number];
  return d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}, '不是有效日期');

/** An opening-hours spec (src/lib/opening-hours.ts), each parse error reported on its own. */
const hoursSpec = z
  .string({ error: '应为开放时间规则，如 Tu-Su 09:00-17:00; Mo off; PH 09:00-17:00' })
  .superRefine((spec, ctx) => {
    const parsed = parseOpeningHours(spec);
    if (!parsed.ok) for (const message of parsed.errors) ctx.addIssue({ code: 'custom', message: `开放时间规则有误：${message}` });
  })
  .meta({ privacy: 'code' });

/** Days a venue is closed outside its weekly rule (改陈, 闭馆维护, 除夕). */
const closedDates = z
  .strictObject({
    from: isoDate,
    /** Last closed day (inclusive); omitted for a single day. */
    to: isoDate.optional(),
    reason: nonEmptyText,
  })
  .refine((c) => c.to === undefined || c.to >= c.from, { message: '结束日期早于开始日期', path: ['to'], ...whenValid('from', 'to') });

/**
 * Opening hours: the weekly rule for the year (or the time outside every
 * season), seasonal rules that replace it between two days of the year,
 * when entry stops before closing, and closures on given dates.
 */
export const siteHours = z.strictObject({
  /** Opening-hours grammar, e.g. `Tu-Su 09:00-16:30; Mo off; PH 09:00-16:30`. */
  spec: hoursSpec,
  /** From `from` to `to` (MM-DD, inclusive; may wrap over the new year) `spec` applies instead. */
  seasons: z
    .array(z.strictObject({ from: monthDay, to: monthDay, spec: hoursSpec }))
    .default([]),
  /** Entry stops this many minutes before closing (停止入馆). */
  lastEntryMinutes: z.number().int().min(0).max(240).optional(),
  closedDates: z.array(closedDates).default([]),
  /** Only what the rule cannot say (“清明节前后延长开放，时间另行公告”). */
  note: z.string().trim().min(1).optional(),
});
export type SiteHours = z.infer<typeof siteHours>;

/** 免费 / 免费不免票 (free, but a ticket or booking code is needed) / a price. */
export const admission = z
  .strictObject({
    free: z.boolean(),
    /** Free, yet visitors collect a ticket or show a booking code (免费不免票). */
    ticket: z.boolean().default(false),
    /** The price and what it covers, when not free (“成人 20 元”). */
    price: z.string().trim().min(1).optional(),
    /** Who pays less or nothing (学生、教师、老年人、残疾人、军人). */
    concessions: z.string().trim().min(1).optional(),
  })
  .refine((a) => a.free || a.price !== undefined, { message: '不免费时须写明票价 price', path: ['price'] })
  .refine((a) => !(a.free && a.price !== undefined), { message: '免费开放的场馆不写票价 price', path: ['price'] });

/** From a group size on, groups must book this many working days ahead. */
const groupRule = z.strictObject({
  minSize: z.number().int().min(2).max(10000),
  leadWorkingDays: z.number().int().min(0).max(60),
});

export const siteBooking = z
  .strictObject({
    /** Whether individual visitors (散客) must book too. */
    individualsNeedBooking: z.boolean(),
    /** Working days ahead an individual visitor books (only with individualsNeedBooking). */
    individualLeadWorkingDays: z.number().int().min(0).max(60).optional(),
    /** Group rules, from the smallest group size up; a larger group takes the last rule it reaches. */
    groups: z.array(groupRule).default([]),
    /** Link to the venue's own booking system: this site never collects visitors' data. */
    url: z.url().meta({ privacy: 'url' }).optional(),
    contact: orgContact.optional(),
    /** What the rules cannot say (介绍信, 活动方案). */
    notes: z.string().trim().min(1).optional(),
  })
  .refine((b) => b.groups.every((g, i) => i === 0 || g.minSize > b.groups[i - 1]!.minSize), {
    message: '团队预约规则应按人数从小到大排列，人数不能重复',
    path: ['groups'],
  })
  .refine((b) => b.individualsNeedBooking || b.individualLeadWorkingDays === undefined, {
    message: '散客无需预约时不写 individualLeadWorkingDays',
    path: ['individualLeadWorkingDays'],
  });
export type SiteBooking = z.infer<typeof siteBooking>;

/** School stages a site suits (学段). */
export const schoolStages = ['小学', '初中', '高中'] as const;
export type SchoolStage = (typeof schoolStages)[number];

/** Licences a photo may be published under; the page names and links them (src/lib/red-site-text.ts). */
export const photoLicences = ['CC0-1.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', '授权使用'] as const;
export type PhotoLicence = (typeof photoLicences)[number];

/** A picture of the site: a local PNG or JPG under data/files/, with its credit and licence. */
export const sitePhoto = z.strictObject({
  href: z
    .string()
    .regex(/^\/files\/(?:[\p{L}\p{N}._-]+\/)*[\p{L}\p{N}._-]+\.(?:png|jpe?g)$/u, '图片应为 /files/ 下的 PNG 或 JPG 文件（对应 data/files/ 中的文件）')
    .meta({ privacy: 'code' }),
  /** What the picture shows, for readers who cannot see it. */
  alt: nonEmptyText,
  /** Who made it (摄影者或单位). */
  credit: nonEmptyText,
  licence: z.enum(photoLicences),
  /** A drawn placeholder, not a photograph: the page says so (示例图). */
  placeholder: z.boolean().default(false),
});
export type SitePhoto = z.infer<typeof sitePhoto>;

export const redSiteSchema = z
  .strictObject({
    id: recordId,
    /** The exact approved name (烈士褒扬条例 Art 40). */
    name: nonEmptyText,
    categories: z.array(category).min(1, '至少选择一个类别'),
    designations: z.array(designation).default([]),
    district: nonEmptyText,
    address: nonEmptyText,
    /** Display point in CGCS2000/WGS84. */
    location: pointGeometry,
    /** 保护范围, where one is published. */
    protectionArea: polygonGeometry.optional(),
    /** Vetted short introduction (党史/文旅 reviewed): lists, search results, the page's lead. */
    summary: nonEmptyText,
    /** Vetted history (历史沿革), paragraphs separated by a blank line. */
    history: nonEmptyText,
    managingUnit: nonEmptyText,
    hours: siteHours,
    admission,
    booking: siteBooking,
    /** How many people the venue receives: in one group (一次接待), and in a day. */
    capacity: z
      .strictObject({
        group: z.number().int().positive().optional(),
        daily: z.number().int().positive().optional(),
      })
      .default({}),
    guidedTours: z.string().trim().min(1).optional(),
    accessibility: z.string().trim().min(1).optional(),
    transport: z.string().trim().min(1).optional(),
    /** Suggested visit length in minutes. */
    visitMinutes: z.number().int().min(10).max(600),
    /** School stages the venue suits (its exhibits and paths). */
    schoolStages: z.array(z.enum(schoolStages)).min(1, '至少选择一个适合学段'),
    photos: z.array(sitePhoto).default([]),
    updated: isoDate,
    sample: z.boolean().default(false),
  })
  .refine((s) => !s.designations.some((d) => d.kind === '烈士纪念设施') || s.categories.includes('烈士纪念设施'), {
    message: '有“烈士纪念设施”称号的资源点，类别中应有“烈士纪念设施”',
    path: ['categories'],
    ...whenValid('designations', 'categories'),
  });
export type RedSite = z.infer<typeof redSiteSchema>;

export const audiences = ['小学低段', '小学中段', '小学高段', '初中', '高中', '大学及成人'] as const;
export type Audience = (typeof audiences)[number];
export const travelModes = ['步行', '骑行', '公交', '自驾', '包车'] as const;
export type TravelMode = (typeof travelModes)[number];
export const routeDurations = ['半日', '一日', '两日'] as const;

/** HH:MM on a 24-hour clock. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应写作 HH:MM（24 小时制），如 08:30');

export const routeStop = z.strictObject({
  site: recordId,
  /** Minutes spent at the stop. */
  dwellMinutes: z.number().int().min(5).max(480),
  /** 研学任务: what pupils do at this stop. */
  task: z.string().trim().min(1).optional(),
  /** Day of a two-day route the stop is on (1 or 2); stops without one stay on the previous stop's day. */
  day: z.number().int().min(1).max(2).optional(),
});
export type RouteStop = z.infer<typeof routeStop>;

export const redRouteSchema = z
  .strictObject({
    id: recordId,
    name: nonEmptyText,
    theme: nonEmptyText,
    /** What the route is about and how the day goes; distances and times are computed, not written here. */
    description: nonEmptyText,
    stops: z.array(routeStop).min(2, '线路至少需要 2 个站点'),
    mode: z.enum(travelModes),
    duration: z.enum(routeDurations),
    /** Suggested arrival at the first stop each day (HH:MM); the itinerary's times count from it. */
    startTime: clockTime.default('08:30'),
    audiences: z.array(z.enum(audiences)).min(1),
    season: z.string().trim().min(1).optional(),
    safetyNotes: z.string().trim().min(1).optional(),
    updated: isoDate,
    sample: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    // Days run 1, then 2, never back; a one-day route has no second day.
    if (!Array.isArray(r.stops)) return;
    let day = 1;
    r.stops.forEach((s, i) => {
      if (s.day === undefined) return;
      if (s.day < day) ctx.addIssue({ code: 'custom', path: ['stops', i, 'day'], message: `第 ${i + 1} 站在第 ${s.day} 天，早于前一站的第 ${day} 天` });
      if (s.day > 1 && r.duration !== '两日') ctx.addIssue({ code: 'custom', path: ['stops', i, 'day'], message: `${r.duration}线路只有 1 天` });
      day = Math.max(day, s.day);
    });
  });
export type RedRoute = z.infer<typeof redRouteSchema>;
