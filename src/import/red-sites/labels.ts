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
  categories: { label: '类别', help: '资源本身是什么，可多选；第一个决定地图上的颜色。“爱国主义教育基地”“研学实践教育基地”是称号，填在称号列', aliases: ['资源类别'] },
  designations: { label: '称号' },
  'designations.kind': { label: '类型', help: '称号的类型' },
  'designations.title': { label: '名称', help: '称号的正式名称，如 全国爱国主义教育示范基地' },
  'designations.level': { label: '级别' },
  'designations.year': { label: '年份', help: '命名年份' },
  district: { label: '所在区县', help: '区县全称（docs/data-format.md 3.4）', aliases: ['区县', '行政区', '所在区'] },
  address: { label: '地址', help: '到街道或乡镇即可' },
  'location.lon': { label: '经度', help: '展示点，用天地图拾取（CGCS2000）。高德、腾讯地图的坐标是 GCJ-02，须在“坐标系”列注明或导入时加 --from-gcj02' },
  'location.lat': { label: '纬度', help: '展示点，同上' },
  protectionArea: { label: '保护范围', help: '已公布的保护范围：多边形顶点“经度,纬度；经度,纬度；…”，首尾可不重复' },
  summary: { label: '简介', help: '经审核的简介（一两句），用于列表、搜索结果和页面导语' },
  history: { label: '历史沿革', help: '经审核的历史沿革；分段时段落之间空一行（单元格内换行：Alt+Enter）' },
  managingUnit: { label: '管理单位' },
  hours: { label: '开放时间' },
  'hours.spec': { label: '开放规则', syntax: 'opening-hours', help: '如 Tu-Su 09:00-16:30; Mo off; PH 09:00-16:30（周二至周日开放，周一闭馆，法定节假日开放；docs/data-format.md 6.1）', aliases: ['开放时间'] },
  'hours.seasons': { label: '季节' },
  'hours.seasons.from': { label: '开始', help: 'MM-DD，如 05-01' },
  'hours.seasons.to': { label: '结束', help: 'MM-DD，如 10-31（含当日，可跨年）' },
  'hours.seasons.spec': { label: '开放规则', syntax: 'opening-hours', help: '该季节的开放规则，写法同“开放规则”' },
  'hours.lastEntryMinutes': { label: '停止入馆（闭馆前分钟）', help: '16:30 闭馆、16:00 停止入馆填 30' },
  'hours.closedDates': { label: '闭馆' },
  'hours.closedDates.from': { label: '开始日期' },
  'hours.closedDates.to': { label: '结束日期', help: '只闭馆一天时不填' },
  'hours.closedDates.reason': { label: '原因', help: '如 改陈、设备检修、除夕' },
  'hours.note': { label: '开放时间说明', help: '规则无法表达的说明；能写进规则的不要写在这里' },
  admission: { label: '门票' },
  'admission.free': { label: '免费开放', aliases: ['免费'] },
  'admission.ticket': { label: '免费须领票', help: '免费但须领取免费门票或出示预约码（免费不免票）' },
  'admission.price': { label: '票价', help: '不免费时必填，如 成人 20 元' },
  'admission.concessions': { label: '优惠', help: '优惠对象和凭证' },
  booking: { label: '预约' },
  'booking.individualsNeedBooking': { label: '散客需预约', help: '散客是否需要预约' },
  'booking.individualLeadWorkingDays': { label: '散客提前预约（工作日）', help: '只在散客需预约时填；0 表示当天可约' },
  'booking.groups': { label: '团队预约' },
  'booking.groups.minSize': { label: '起始人数', help: '多少人及以上' },
  'booking.groups.leadWorkingDays': { label: '提前工作日', help: '提前几个工作日预约；各档按人数从小到大填写' },
  'booking.url': { label: '预约链接', help: '场馆自己的预约系统；本站不收集参观者信息' },
  'booking.contact.unit': { label: '预约单位', help: '填写预约电话、邮箱或地址时必填' },
  'booking.contact.phone': { label: '预约电话', help: '单位座机，如 0452-2345678（不得填写个人手机号）' },
  'booking.contact.email': { label: '预约邮箱' },
  'booking.contact.address': { label: '预约地址' },
  'booking.notes': { label: '预约说明', help: '规则无法表达的要求，如 学校团队请附介绍信' },
  capacity: { label: '接待量' },
  'capacity.group': { label: '每批最多接待人数' },
  'capacity.daily': { label: '每日最多接待人数' },
  guidedTours: { label: '讲解服务' },
  accessibility: { label: '无障碍', help: '无障碍设施和通行条件' },
  transport: { label: '交通' },
  visitMinutes: { label: '建议参观时长（分钟）', aliases: ['参观时长', '建议参观时长'] },
  schoolStages: { label: '适合学段', aliases: ['学段'] },
  photos: { label: '图片' },
  'photos.href': { label: '文件', help: '/files/ 下的 PNG 或 JPG（文件放在 data/files/ 中）' },
  'photos.alt': { label: '替代文字', help: '图上是什么，供看不到图片的读者' },
  'photos.credit': { label: '署名', help: '摄影者或提供单位' },
  'photos.licence': { label: '许可' },
  'photos.placeholder': { label: '占位图', help: '绘制的占位图（不是照片）填“是”' },
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
