/**
 * Chinese headers of the red-site columns, by dotted schema path (column
 * groups without their number: `designations.title` becomes 称号1名称,
 * 称号2名称, …). The schema is the truth: a field it gains appears as a
 * column under its key until it is given a label here (or `.meta({ title })`
 * in the schema); a test lists fields without one.
 */
import type { LabelTable } from '../columns.ts';
import type { ExtraColumn } from '../header.ts';

export const RED_SITE_LABELS: LabelTable = {
  id: { label: '标识（id）', help: '页面地址的一部分：小写拼音、数字和连字符，如 jiangqiao-kangzhan-jiniandi。不填则按名称的拼音生成', aliases: ['标识', '编号'] },
  name: { label: '名称', help: '批准的正式名称（《烈士褒扬条例》第四十条）', aliases: ['资源点名称', '正式名称'] },
  categories: { label: '类别', help: '可多选', aliases: ['资源类别'] },
  designations: { label: '称号' },
  'designations.title': { label: '名称', help: '称号全称，如 全国爱国主义教育示范基地' },
  'designations.level': { label: '级别' },
  'designations.year': { label: '年份', help: '命名年份' },
  district: { label: '所在区县', help: '区县全称（docs/data-format.md 3.4）', aliases: ['区县', '行政区', '所在区'] },
  address: { label: '地址', help: '到街道或乡镇即可' },
  'location.lon': { label: '经度', help: '展示点，用天地图拾取（CGCS2000）。高德、腾讯地图的坐标是 GCJ-02，须在“坐标系”列注明或导入时加 --from-gcj02' },
  'location.lat': { label: '纬度', help: '展示点，同上' },
  protectionArea: { label: '保护范围', help: '已公布的保护范围：多边形顶点“经度,纬度；经度,纬度；…”，首尾可不重复' },
  summary: { label: '简介', help: '经党史、文旅部门审核的简介' },
  managingUnit: { label: '管理单位' },
  openingHours: { label: '开放时间', help: '写明闭馆日和停止入馆时间' },
  admission: { label: '门票', help: '免费 / 免费不免票 / 票价及优惠对象' },
  booking: { label: '预约' },
  'booking.individualsNeedBooking': { label: '散客需预约', help: '散客是否需要预约' },
  'booking.groupThreshold': { label: '团队预约人数', help: '多少人起按团队预约' },
  'booking.groupLeadTime': { label: '团队提前预约', help: '如“提前2个工作日”' },
  'booking.url': { label: '预约链接', help: '场馆自己的预约系统；本站不收集参观者信息' },
  'booking.contact.unit': { label: '预约单位', help: '填写预约电话、邮箱或地址时必填' },
  'booking.contact.phone': { label: '预约电话', help: '单位座机，如 0452-2345678（不得填写个人手机号）' },
  'booking.contact.email': { label: '预约邮箱' },
  'booking.contact.address': { label: '预约地址' },
  guidedTours: { label: '讲解服务' },
  accessibility: { label: '无障碍', help: '无障碍设施和通行条件' },
  transport: { label: '交通' },
  visitMinutes: { label: '建议参观时长（分钟）', aliases: ['参观时长', '建议参观时长'] },
  images: { label: '图片' },
  'images.title': { label: '标题' },
  'images.href': { label: '地址', help: '/files/ 下的图片文件（放在 data/files/ 中），或 https 地址' },
  'images.format': { label: '格式' },
  updated: { label: '核对日期', help: '信息核对日期' },
  sample: { label: '示例数据', help: '演示用的虚构数据填“是”' },
};

export const NOTE_COLUMN: ExtraColumn = {
  key: 'note',
  label: '备注',
  help: '不导入。写“示例”或“填写说明”的行不作为数据',
  skipRowsMarked: ['示例', '填写说明'],
};

export const CRS_COLUMN: ExtraColumn = {
  key: 'crs',
  label: '坐标系',
  help: '不填即 CGCS2000（天地图）。高德、腾讯地图拾取的坐标填 GCJ-02，百度地图填 BD-09，导入时须加 --from-gcj02 或 --from-bd09 换算',
  aliases: ['坐标系统'],
  values: ['CGCS2000', 'WGS84', 'GCJ-02', 'BD-09'],
};
