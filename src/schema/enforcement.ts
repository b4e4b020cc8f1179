/**
 * 执法严起来: administrative enforcement disclosures under the three systems
 * (国办发〔2018〕118号): 事前公开, 事中公示, 事后公开. disclosure-rules.md §1(e).
 */
import { z } from 'zod';
import { attachment, isoDate, isoDateTime, nonEmptyText, pointGeometry, publicationState, recordId, whenValid } from './common.ts';
import { creditCode, documentNo, parcelReference } from './identifiers.ts';

export const enforcementStages = ['事前公开', '事中公示', '事后公开'] as const;

export const enforcementCategories = {
  事前公开: ['执法主体', '权责清单', '执法依据', '随机抽查事项清单', '执法流程', '服务指南', '法制审核目录', '救济渠道'],
  事中公示: ['执法公示', '检查通知'],
  事后公开: ['行政处罚', '行政检查', '行政许可', '行政强制'],
} as const;
export const allEnforcementCategories = Object.values(enforcementCategories).flat();

/** The 事后公开 categories: the decisions the lists, feeds, deadlines, display periods and statistics are about. */
export const decisionCategories = enforcementCategories.事后公开;
export type DecisionCategory = (typeof decisionCategories)[number];

/**
 * 国办发〔2018〕118号: 行政许可 and 行政处罚 decisions are published within 7
 * working days of being made, the others within 20. The one table of the rule.
 */
export const publicationDeadlineWorkingDays: Readonly<Record<DecisionCategory, number>> = { 行政许可: 7, 行政处罚: 7, 行政检查: 20, 行政强制: 20 };

/** 履行情况 of a decision. */
export const fulfilmentStates = ['已履行', '正在履行', '逾期未履行', '已申请法院强制执行', '无需履行'] as const;

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
}).superRefine((p, ctx) => {
  // A natural person has no 统一社会信用代码 nor 法定代表人: a number here would be a resident ID by another name.
  if (p.type !== '自然人') return;
  if (p.creditCode !== undefined) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: '自然人没有统一社会信用代码：删除此项（身份证号码一律不公开）' });
  if (p.legalRepresentative !== undefined) ctx.addIssue({ code: 'custom', path: ['legalRepresentative'], message: '自然人没有法定代表人：删除此项' });
}, whenValid('type'));

/** 履行情况: how far the party has complied, as of `date`. */
const fulfilment = z.strictObject({
  state: z.enum(fulfilmentStates, { error: `履行情况应为 ${fulfilmentStates.join('、')} 之一` }).meta({ title: '履行情况' }),
  /** The day the state was last checked or reached. */
  date: isoDate.optional().meta({ title: '履行情况日期' }),
  note: nonEmptyText.optional().meta({ title: '履行情况说明' }),
});

const flowStepId = z.string({ error: '应为步骤编号' }).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '步骤编号只能用小写字母、数字和连字符').meta({ privacy: 'code' });

/**
 * One step of a 执法流程. `next` names the steps that follow, with a label on
 * a branch (符合条件 / 不符合条件). The diagram is drawn from these at build
 * time (src/lib/flow-diagram.ts); the page lists the same steps as text.
 */
const flowStep = z.strictObject({
  id: flowStepId,
  /** What the box says: short, it is drawn in a box of the diagram. */
  label: nonEmptyText.max(16, '步骤名称最多 16 个字（写进流程图的方框）；说明写在 detail').meta({ title: '步骤名称' }),
  detail: nonEmptyText.optional().meta({ title: '步骤说明' }),
  /** 办理时限 of the step, as the procedure states it (15个工作日内). */
  timeLimit: nonEmptyText.optional().meta({ title: '时限' }),
  next: z.array(z.union([flowStepId, z.strictObject({ to: flowStepId, label: nonEmptyText.max(12, '分支说明最多 12 个字') })])).default([]),
});

/** A flow as steps: the first step is where it starts; a step without `next` ends it. */
export const enforcementFlow = z
  .strictObject({ steps: z.array(flowStep).min(2, '流程至少应有两个步骤') })
  .superRefine((f, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const ids = new Map<string, number>();
    f.steps.forEach((s, i) => {
      if (ids.has(s.id)) issue(['steps', i, 'id'], `步骤编号“${s.id}”重复（已用于第 ${ids.get(s.id)! + 1} 步）`);
      else ids.set(s.id, i);
    });
    f.steps.forEach((s, i) =>
      s.next.forEach((n, j) => {
        const to = typeof n === 'string' ? n : n.to;
        if (!ids.has(to)) issue(['steps', i, 'next', j], `下一步“${to}”不是本流程的步骤编号`);
        else if (to === s.id) issue(['steps', i, 'next', j], '步骤不能指向自身');
      }),
    );
    // Every step is reached from the first, and the flow can end.
    const seen = new Set<string>([f.steps[0]!.id]);
    const queue = [f.steps[0]!.id];
    while (queue.length) {
      const step = f.steps[ids.get(queue.shift()!)!]!;
      for (const n of step.next) {
        const to = typeof n === 'string' ? n : n.to;
        if (ids.has(to) && !seen.has(to)) { seen.add(to); queue.push(to); }
      }
    }
    // A repeated id is reported once, as repeated.
    f.steps.forEach((s, i) => { if (!seen.has(s.id) && ids.get(s.id) === i) issue(['steps', i, 'id'], `步骤“${s.label}”从第一步走不到：检查前面步骤的 next`); });
    if (f.steps.every((s) => s.next.length > 0)) issue(['steps'], '流程没有结束的步骤：至少一个步骤不写 next');
  }, whenValid('steps'));
export type EnforcementFlow = z.infer<typeof enforcementFlow>;
export type FlowStep = EnforcementFlow['steps'][number];


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
    /** 执法流程: the steps the flow diagram is drawn from. */
    flow: enforcementFlow.optional(),
    /** 履行情况 of a 事后公开 decision. */
    fulfilment: fulfilment.optional(),
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
    if (r.category === '执法流程' && !r.flow)
      ctx.addIssue({ code: 'custom', path: ['flow'], message: '执法流程须有 flow（步骤），流程图由它生成' });
    if (r.flow && r.category !== '执法流程')
      ctx.addIssue({ code: 'custom', path: ['flow'], message: '只有执法流程才有 flow' });
    if (r.fulfilment && r.stage !== '事后公开')
      ctx.addIssue({ code: 'custom', path: ['fulfilment'], message: '履行情况只用于事后公开的执法决定' });
  }, whenValid('category', 'stage', 'flow', 'fulfilment'))
  .superRefine((r, ctx) => {
    if (r.displayUntil && r.displayUntil < r.publishDate.slice(0, 10))
      ctx.addIssue({ code: 'custom', path: ['displayUntil'], message: '公示截止日期早于发布日期' });
  }, whenValid('displayUntil', 'publishDate'));
export type EnforcementRecord = z.infer<typeof enforcementSchema>;
