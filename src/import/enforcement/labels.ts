/**
 * Chinese headers of the enforcement columns (执法严起来; the 事后公开 台账
 * staff keep in Excel), by dotted schema path. The columns themselves come
 * from src/schema/enforcement.ts: a field the schema gains is a column under
 * its key the day it is added, until it is labelled here or with
 * `.meta({ title })` in the schema (which wins).
 */
import type { LabelTable } from '../columns.ts';
import { ATTACHMENT_LABELS, SAMPLE_LABELS, STATUS_LABELS } from '../common-labels.ts';

export const ENFORCEMENT_LABELS: LabelTable = {
  id: { label: '标识（id）', help: '页面地址的一部分，如 zf-2026-cf-012。不填则按类别和年份编号生成', aliases: ['标识', '编号'] },
  stage: { label: '公开阶段', help: '不填即事后公开（执法决定的台账不必有这一列）', aliases: ['阶段'] },
  category: { label: '类别', help: '事后公开的类别为行政处罚、行政检查、行政许可、行政强制', aliases: ['执法类别', '决定类别'] },
  title: { label: '标题', aliases: ['案件名称', '名称'] },
  docNo: { label: '文号', help: '决定书文号，如 齐自然资罚〔2026〕12号；全站不得重复', aliases: ['决定书文号', '决定文号'] },
  district: { label: '所在区县', help: '区县全称或“全市”（docs/data-format.md 3.4）', aliases: ['区县', '行政区'] },
  publishDate: { label: '发布日期', help: '在网站上公开的日期（可带时间）', aliases: ['公开日期', '发布时间'] },
  decisionDate: { label: '作出日期', help: '作出决定的日期；事后公开必填，公开期限从这一天起算', aliases: ['决定日期', '作出决定日期'] },
  authority: { label: '执法机关', aliases: ['作出决定机关', '机关'] },
  party: { label: '当事人' },
  'party.type': { label: '当事人类型', help: '个体工商户和自然人的名称按自然人遮盖' },
  'party.name': { label: '当事人名称', help: '单位写全称；自然人和个体工商户经营者只写姓氏加“某”，如 张某', aliases: ['当事人', '执法对象'] },
  'party.creditCode': { label: '统一社会信用代码', aliases: ['信用代码'] },
  'party.legalRepresentative': { label: '法定代表人', help: '遮盖后填写，如 赵某' },
  violationType: { label: '违法类型', aliases: ['案由'] },
  facts: { label: '违法事实', aliases: ['主要违法事实', '事实'] },
  basis: { label: '依据', help: '处罚、检查或许可的法律依据', aliases: ['执法依据', '处罚依据'] },
  result: { label: '处罚内容', help: '处罚内容、检查结果或许可内容；事后公开必填', aliases: ['执法结论', '处理结果', '处罚结果'] },
  fineYuan: { label: '金额（元）', help: '罚款或没收金额，只填数字（元）', aliases: ['罚款金额', '金额', '罚没金额（元）'] },
  displayUntil: { label: '公示截止日期' },
  'location.lon': { label: '经度', help: '概略位置（到村镇一级），CGCS2000；不得精确指向个人' },
  'location.lat': { label: '纬度' },
  parcelCode: { label: '宗地代码或地块编号', help: '19 位宗地代码、28 位不动产单元代码或本局地块编号', aliases: ['宗地代码'] },
  items: { label: '抽查事项' },
  'items.item': { label: '事项' },
  'items.subItem': { label: '子项' },
  'items.subject': { label: '检查对象' },
  'items.basis': { label: '依据' },
  'items.method': { label: '方式' },
  'items.content': { label: '内容' },
  'flow.steps.id': { label: '步骤编号', help: '小写字母、数字和连字符，如 li-an；“下一步”用它指向本步骤' },
  'flow.steps.next': { label: '下一步', help: '后续步骤的编号，多个用顿号分隔；没有下一步即流程结束' },
  body: { label: '正文', help: '段落之间空一行（单元格内换行：Alt+Enter）' },
  ...ATTACHMENT_LABELS,
  ...STATUS_LABELS,
  ...SAMPLE_LABELS,
};
