/**
 * The 执法严起来 column's other data types (disclosure-rules.md §1(e)):
 *
 * - the 执法人员 roster, one officer per file (data/enforcement/officers/):
 *   姓名, 执法证号 and 执法类别 are public by rule (国办发〔2018〕118号), so
 *   the name is a declared `official-name` field, not an exception in the
 *   privacy guard's name check;
 * - the 行政执法统计年报, one year per file (data/enforcement/reports/<year>.yaml),
 *   as a fact table: one row per category, month, district and result, so
 *   every breakdown the page draws adds up to the same total;
 * - the display periods of 事后公开 decisions (data/display-periods.yaml), by
 *   category and party type.
 */
import { z } from 'zod';
import { attachment, isoDate, isoDateTime, nonEmptyText, recordId, whenValid } from './common.ts';
import { decisionCategories, partyTypes, type DecisionCategory } from './enforcement.ts';

// ------------------------------------------------------------ the roster ---

/** The states of an 行政执法证件 as the issuing 司法行政部门 records them. */
export const credentialStates = ['有效', '暂扣', '注销'] as const;

/**
 * A credential is 有效 unless suspended or cancelled; the validity dates
 * decide the rest (过期) on the day it is read (src/lib/officers.ts).
 */
const credential = z.discriminatedUnion(
  'state',
  [
    z.strictObject({ state: z.literal('有效') }),
    z.strictObject({ state: z.literal('暂扣'), date: isoDate, reason: nonEmptyText }),
    z.strictObject({ state: z.literal('注销'), date: isoDate, reason: nonEmptyText }),
  ],
  { error: `证件状态 state 应为 ${credentialStates.join('、')} 之一` },
);

/** 执法证号: as printed on the card (letters, digits, hyphens); compared width- and case-folded. */
export const certificateNo = z
  .string({ error: '应为执法证号' })
  .trim()
  .regex(/^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ-]{6,30}$/, '执法证号应为 6–30 位字母、数字或连字符（按证件所印填写）')
  .meta({ privacy: 'code', title: '执法证号' });

/** Folds a 执法证号 for comparison and lookup: full-width to half-width, upper case. */
export const normaliseCertificateNo = (s: string): string => s.normalize('NFKC').trim().toUpperCase();

export const officerSchema = z
  .strictObject({
    id: recordId.meta({ title: '标识（id）' }),
    /** 姓名: published by rule in the declared roster (official-name). */
    name: nonEmptyText.max(20, '姓名最多 20 个字').meta({ privacy: 'official-name', title: '姓名' }),
    certificateNo,
    /** 执法类别 on the card (土地管理、矿产资源、测绘地理信息、城乡规划…). */
    enforcementCategory: nonEmptyText.meta({ title: '执法类别' }),
    /** 执法单位 (the unit the officer works in). */
    unit: nonEmptyText.meta({ title: '执法单位' }),
    /** 执法区域: a district, or 全市. */
    district: nonEmptyText.meta({ title: '执法区域' }),
    validFrom: isoDate.meta({ title: '发证日期' }),
    validUntil: isoDate.meta({ title: '有效期至' }),
    credential: credential.default({ state: '有效' }),
    sample: z.boolean().default(false),
  })
  .refine((o) => o.validUntil >= o.validFrom, { message: '有效期至早于发证日期', path: ['validUntil'], ...whenValid('validFrom', 'validUntil') });
export type Officer = z.infer<typeof officerSchema>;

// ---------------------------------------------- the annual statistics ---

/** The results a year's figures are counted under, per category (the 年报's 结果 columns). */
export const statisticsResults: Readonly<Record<DecisionCategory, readonly string[]>> = {
  行政许可: ['准予许可', '不予许可'],
  行政处罚: ['罚款', '没收', '责令退还土地', '限期拆除', '警告', '不予处罚'],
  行政检查: ['未发现问题', '责令整改', '移送立案'],
  行政强制: ['查封扣押', '强制拆除', '申请法院强制执行'],
};

const statisticsRow = z.strictObject({
  category: z.enum(decisionCategories, { error: `类别应为 ${decisionCategories.join('、')} 之一` }).meta({ title: '执法类别' }),
  month: z.number({ error: '月份应为 1–12 的整数' }).int('月份应为 1–12 的整数').min(1, '月份应为 1–12 的整数').max(12, '月份应为 1–12 的整数').meta({ title: '月份' }),
  district: nonEmptyText.meta({ title: '区县' }),
  result: nonEmptyText.meta({ title: '结果' }),
  cases: z.number({ error: '件数应为正整数' }).int('件数应为正整数').positive('件数应为正整数').meta({ title: '件数' }),
  /** 罚没金额 (元), 行政处罚 only. */
  amountYuan: z.number({ error: '金额应为数字' }).nonnegative('金额不能为负').optional().meta({ title: '罚没金额（元）' }),
});
export type StatisticsRow = z.infer<typeof statisticsRow>;

export const enforcementReportSchema = z
  .strictObject({
    /** The year as the id: the page is /enforcement/statistics/<year>/. */
    id: z.string({ error: '缺少 id' }).regex(/^\d{4}$/, 'id 应为年份（四位数字），文件名为 <年份>.yaml').meta({ privacy: 'code', title: '标识（年份）' }),
    year: z.number({ error: '应为年份' }).int().min(2000, '年份不早于 2000').max(2100, '年份不晚于 2100').meta({ title: '年度' }),
    title: nonEmptyText.meta({ title: '标题' }),
    publishDate: isoDateTime.meta({ title: '发布日期' }),
    authority: nonEmptyText.meta({ title: '发布机关' }),
    /** 说明: what the figures cover and how they were counted. */
    summary: nonEmptyText.meta({ title: '说明' }),
    rows: z.array(statisticsRow).min(1, '年报至少应有一行数据'),
    attachments: z.array(attachment).default([]),
    sample: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.id !== String(r.year)) ctx.addIssue({ code: 'custom', path: ['id'], message: `id 应与年度一致：“${r.year}”` });
    if (Number(r.publishDate.slice(0, 4)) <= r.year) ctx.addIssue({ code: 'custom', path: ['publishDate'], message: `${r.year} 年的年报应在该年结束后发布` });
  }, whenValid('id', 'year', 'publishDate'))
  .superRefine((r, ctx) => {
    const seen = new Map<string, number>();
    r.rows.forEach((row, i) => {
      const allowed = statisticsResults[row.category];
      if (!allowed.includes(row.result)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'result'], message: `${row.category}的结果应为 ${allowed.join('、')} 之一，不能是“${row.result}”` });
      if (row.amountYuan !== undefined && row.category !== '行政处罚') ctx.addIssue({ code: 'custom', path: ['rows', i, 'amountYuan'], message: '罚没金额只用于行政处罚' });
      const key = `${row.category}|${row.month}|${row.district}|${row.result}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `与第 ${seen.get(key)! + 1} 行重复（${row.category}、${row.month} 月、${row.district}、${row.result}）：合并为一行` });
      else seen.set(key, i);
    });
  }, whenValid('rows'));
export type EnforcementReport = z.infer<typeof enforcementReportSchema>;

// ------------------------------------------------------ display periods ---

const displayRule = z.strictObject({
  category: z.enum(decisionCategories, { error: `类别应为 ${decisionCategories.join('、')} 之一` }).meta({ title: '执法类别' }),
  /** Absent: every party type of the category (a rule with a type wins over it). */
  partyType: z.enum(partyTypes, { error: `当事人类型应为 ${partyTypes.join('、')} 之一` }).optional().meta({ title: '当事人类型' }),
  months: z.number({ error: '公示期应为月数' }).int('公示期应为整月数').positive('公示期应为正整数').max(120, '公示期最长 120 个月').meta({ title: '公示期（月）' }),
});
export type DisplayRule = z.infer<typeof displayRule>;

/**
 * data/display-periods.yaml: how long a 事后公开 decision stays on the lists,
 * feeds, map and search after its 作出日期. An explicit `displayUntil` on a
 * record wins. Without the file nothing expires.
 */
export const displayPeriodsSchema = z
  .strictObject({
    /** The rule the periods come from (e.g. the province's 行政执法公示办法). */
    source: nonEmptyText.meta({ title: '依据' }),
    /** For categories no rule names; absent: they do not expire. */
    defaultMonths: z.number({ error: '应为月数' }).int('应为整月数').positive('应为正整数').max(120, '最长 120 个月').optional().meta({ title: '其他决定的公示期（月）' }),
    rules: z.array(displayRule).default([]),
  })
  .superRefine((c, ctx) => {
    const seen = new Map<string, number>();
    c.rules.forEach((r, i) => {
      const key = `${r.category}|${r.partyType ?? ''}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rules', i], message: `与第 ${seen.get(key)! + 1} 条规则重复（${r.category}${r.partyType ? `、${r.partyType}` : ''}）` });
      else seen.set(key, i);
    });
  }, whenValid('rules'));
export type DisplayPeriods = z.infer<typeof displayPeriodsSchema>;
