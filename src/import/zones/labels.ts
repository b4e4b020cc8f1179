/** Chinese headers of the zone columns (基准地价, 控制性详细规划: src/schema/zones.ts), by dotted schema path. */
import type { LabelTable } from '../columns.ts';
import { SAMPLE_LABELS } from '../common-labels.ts';

const APPROVAL: LabelTable = {
  approval: { label: '批准' },
  'approval.docNo': { label: '批准文号' },
  'approval.title': { label: '批准文件标题' },
  'approval.authority': { label: '批准机关' },
  'approval.date': { label: '批准日期' },
};

const GEOMETRY: LabelTable = {
  geometry: { label: '范围（GeoJSON）', help: 'Polygon 或 MultiPolygon 的 GeoJSON，CGCS2000 经纬度' },
};

export const LAND_PRICE_LABELS: LabelTable = {
  id: { label: '标识（id）', help: '页面地址的一部分，如 lp-gy-1-longsha-zhongxin' },
  name: { label: '名称' },
  landType: { label: '土地类型' },
  grade: { label: '级别', help: '1 表示Ⅰ级' },
  district: { label: '所在区县' },
  extent: { label: '级别范围（四至）' },
  ...GEOMETRY,
  prices: { label: '地价' },
  'prices.use': { label: '用途' },
  'prices.yuanPerM2': { label: '元每平方米' },
  'prices.wanPerMu': { label: '万元每亩' },
  basis: { label: '地价内涵' },
  baseDate: { label: '估价期日' },
  effectiveDate: { label: '实施日期' },
  ...APPROVAL,
  documents: { label: '文件' },
  'documents.title': { label: '标题' },
  'documents.href': { label: '地址' },
  'documents.format': { label: '格式' },
  updated: { label: '核对日期' },
  ...SAMPLE_LABELS,
};

export const ZONING_LABELS: LabelTable = {
  id: { label: '标识（id）', help: '页面地址的一部分。不填则按地块编号生成' },
  plan: { label: '所属控规' },
  parcelNo: { label: '地块编号' },
  district: { label: '所在区县' },
  ...GEOMETRY,
  'landUse.code': { label: '用地代码', help: '用地用海分类代码，2 位或 4 位，如 0701' },
  'landUse.name': { label: '用地名称', help: '与代码对应的名称，如 城镇住宅用地' },
  areaM2: { label: '用地面积（㎡）' },
  'indicators.farMax': { label: '容积率上限' },
  'indicators.farMin': { label: '容积率下限' },
  'indicators.densityMaxPct': { label: '建筑密度上限（%）' },
  'indicators.greenMinPct': { label: '绿地率下限（%）' },
  'indicators.heightMaxM': { label: '建筑限高（米）' },
  notes: { label: '配套设施及其他要求' },
  ...APPROVAL,
  preApprovalNotices: { label: '批前公示', help: '规划公示的 id，多项用“、”分隔' },
  updated: { label: '核对日期' },
  ...SAMPLE_LABELS,
};
