/**
 * Chinese headers of the 执法人员 roster columns (src/schema/enforcement-column.ts),
 * by dotted schema path. 姓名, 执法证号, 执法类别 … are titled in the schema
 * itself; this table adds what the schema does not say (the credential's
 * state, help texts) and the headers clerks' own rosters use (执法门类, 证号).
 */
import type { LabelTable } from '../columns.ts';
import { SAMPLE_LABELS } from '../common-labels.ts';

export const OFFICER_LABELS: LabelTable = {
  id: { label: '标识（id）', help: '不填则按执法证号生成：zfry-<执法证号>', aliases: ['标识'] },
  name: { label: '姓名', help: '执法人员姓名，按规定在执法人员名单中公开' },
  certificateNo: { label: '执法证号', help: '按证件所印填写；全角数字按半角读，同一证号只能属于一名执法人员', aliases: ['证号', '执法证件号', '执法证编号', '行政执法证号'] },
  enforcementCategory: { label: '执法类别', help: '证件上的执法类别，如 土地管理、矿产资源、测绘地理信息、城乡规划', aliases: ['执法门类', '执法种类'] },
  unit: { label: '执法单位', aliases: ['所在单位', '工作单位'] },
  district: { label: '执法区域', help: '区县名称，或 全市', aliases: ['区域', '所在区县'] },
  validFrom: { label: '发证日期', aliases: ['有效期起', '有效期自'] },
  validUntil: { label: '有效期至', aliases: ['证件有效期', '有效期止'] },
  credential: { label: '证件' },
  'credential.state': { label: '证件状态', help: '不填即有效；暂扣、注销时须填日期和原因', aliases: ['状态'] },
  'credential.date': { label: '暂扣或注销日期' },
  'credential.reason': { label: '暂扣或注销原因', help: '暂扣、注销时必填，名单和核验页上公开显示' },
  ...SAMPLE_LABELS,
};
