/**
 * Chinese headers of the fields many record types share (publication state,
 * attachments, contact, period, the sample flag), by dotted schema path.
 * Each kind's label table spreads these and adds its own; a field without a
 * label still imports under its key (columns.ts), and a test lists those.
 */
import type { LabelTable } from './columns.ts';
import type { ExtraColumn } from './header.ts';

/** The labels of an object's fields, keyed as the label table keys them (`<object>.<field>`). */
const fieldsOf = (object: string, fields: LabelTable): LabelTable => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${object}.${k}`, v]));

/** The publication state's fields (the replacement's id is labelled in the schema). Only labels: what is public is decided by the published view alone. */
export const STATUS_LABELS: LabelTable = {
  status: { label: '发布状态' },
  ...fieldsOf('status', {
    state: { label: '状态', help: 'active 有效（缺省）；withdrawn 撤回（地址返回 410 并显示原因）；superseded 被替代（须填替代记录的 id）', aliases: ['发布状态'] },
    date: { label: '撤回或替代日期' },
    reason: { label: '撤回或替代原因', help: '撤回、被替代时必填，页面上公开显示' },
  }),
};

export const ATTACHMENT_LABELS: LabelTable = {
  attachments: { label: '附件' },
  'attachments.title': { label: '标题' },
  'attachments.href': { label: '地址', help: '/files/ 下的文件（放在 data/files/ 中），或 https:// 开头的外部地址' },
  'attachments.format': { label: '格式', help: '只对外部链接填写；本地文件的格式由文件本身决定' },
};

export const CONTACT_LABELS: LabelTable = {
  contact: { label: '联系' },
  'contact.unit': { label: '联系单位', help: '填写联系电话、邮箱或地址时必填' },
  'contact.phone': { label: '联系电话', help: '单位座机，如 0452-2345678（不得填写个人手机号）' },
  'contact.email': { label: '联系邮箱' },
  'contact.address': { label: '联系地址', help: '单位办公地址' },
};

export const SAMPLE_LABELS: LabelTable = {
  sample: { label: '示例数据', help: '演示用的虚构数据填“是”；正式数据填“否”或不填' },
};

export const NOTE_COLUMN: ExtraColumn = {
  key: 'note',
  label: '备注',
  help: '不导入。写“示例”或“填写说明”的行不作为数据',
  skipRowsMarked: ['示例', '填写说明'],
};
