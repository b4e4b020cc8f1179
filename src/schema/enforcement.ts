/**
 * 执法严起来: administrative enforcement disclosures under the three systems
 * (国办发〔2018〕118号): 事前公开, 事中公示, 事后公开. disclosure-rules.md §1(e).
 */
import { z } from 'zod';
import { attachment, isoDate, isoDateTime, nonEmptyText, pointGeometry, publicationState, recordId, whenValid } from './common.ts';
import { creditCode, documentNo, parcelReference } from './identifiers.ts';

export const enforcementStages = ['事前公开', '事中公示', '事后公开'] as const;

export const enforcementCategories = {
  事前公开: ['执法主体', '权责清单', '随机抽查事项清单', '执法流程', '服务指南', '法制审核目录'],
  事中公示: ['执法公示', '检查通知'],
  事后公开: ['行政处罚', '行政检查', '行政许可', '行政强制'],
} as const;
export const allEnforcementCategories = Object.values(enforcementCategories).flat();

export const partyTypes = ['法人或其他组织', '个体工商户', '自然人'] as const;

/** The party types whose name is a natural person's: 个体工商户 are masked like persons. */
export const personPartyTypes = ['个体工商户', '自然人'] as const;

/**
 * 执法对象. Masking is checked by the privacy guard (privacy.ts), on the raw
 * file: name is a person-name when type is 自然人 or 个体工商户, and the
 * surname of the masked name is then looked for in the whole record.
 */
const party = z.strictObject({
  type: z.enum(partyTypes),
  /** Organisations by full name; natural persons masked (张某). */
  name: nonEmptyText.meta({ personWhen: { key: 'type', in: personPartyTypes } }),
  /** 统一社会信用代码 (GB 32100, check character included); 个体工商户 have one too. */
  creditCode: creditCode.optional(),
  /** 法定代表人, masked like any natural person. */
  legalRepresentative: nonEmptyText.meta({ privacy: 'person-name' }).optional(),
});

/** One line of a 随机抽查事项清单. */
const inspectionItem = z.strictObject({
  item: nonEmptyText,
  subItem: z.string().optional(),
  subject: nonEmptyText,
  basis: nonEmptyText,
  method: nonEmptyText,
  content: nonEmptyText,
});

export const enforcementSchema = z
  .strictObject({
    id: recordId,
    stage: z.enum(enforcementStages),
    category: z.enum(allEnforcementCategories as [string, ...string[]]),
    title: nonEmptyText,
    /** 决定书文号 etc.; unique across the site. */
    docNo: documentNo.optional(),
    district: nonEmptyText,
    publishDate: isoDateTime,
    /** Date of the decision or of forming the information; the publication deadline runs from it. */
    decisionDate: isoDate.optional(),
    /** 执法机关 */
    authority: nonEmptyText,
    party: party.optional(),
    violationType: nonEmptyText.optional(),
    facts: nonEmptyText.optional(),
    basis: nonEmptyText.optional(),
    /** 处罚内容 / 检查结果 / 许可内容. */
    result: nonEmptyText.optional(),
    fineYuan: z.number().nonnegative().optional(),
    /** 公示截止期 */
    displayUntil: isoDate.optional(),
    /** Generalised location only: never a precise polygon tied to a person. */
    location: pointGeometry.optional(),
    /** 宗地代码, 不动产单元代码 or the bureau's 地块编号 (identifiers.ts: parcelReference). */
    parcelCode: parcelReference.optional(),
    items: z.array(inspectionItem).default([]),
    body: z.string().optional(),
    attachments: z.array(attachment).default([]),
    status: publicationState.default({ state: 'active' }),
    sample: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    const allowed: readonly string[] = enforcementCategories[r.stage];
    if (!allowed.includes(r.category))
      ctx.addIssue({ code: 'custom', path: ['category'], message: `${r.stage} 的类别应为 ${allowed.join('、')} 之一` });
  }, whenValid('stage', 'category'))
  .superRefine((r, ctx) => {
    if (r.stage !== '事后公开') return;
    if (!r.decisionDate) ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: '事后公开必须有决定日期' });
    if (!r.party) ctx.addIssue({ code: 'custom', path: ['party'], message: '事后公开必须写明执法对象' });
    if (!r.result) ctx.addIssue({ code: 'custom', path: ['result'], message: '事后公开必须写明执法结论' });
  }, whenValid('stage'))
  .superRefine((r, ctx) => {
    if (r.decisionDate && r.decisionDate > r.publishDate.slice(0, 10))
      ctx.addIssue({ code: 'custom', path: ['publishDate'], message: '发布日期早于决定日期' });
  }, whenValid('decisionDate', 'publishDate'))
  .superRefine((r, ctx) => {
    if (r.category === '随机抽查事项清单' && r.items.length === 0)
      ctx.addIssue({ code: 'custom', path: ['items'], message: '随机抽查事项清单不能为空' });
  }, whenValid('category', 'items'))
  .superRefine((r, ctx) => {
    if (r.displayUntil && r.displayUntil < r.publishDate.slice(0, 10))
      ctx.addIssue({ code: 'custom', path: ['displayUntil'], message: '公示截止日期早于发布日期' });
  }, whenValid('displayUntil', 'publishDate'));
export type EnforcementRecord = z.infer<typeof enforcementSchema>;
