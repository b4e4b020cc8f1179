/** Chinese headers of the study-route columns (研学线路, src/schema/red.ts), by dotted schema path. */
import type { LabelTable } from '../columns.ts';
import { SAMPLE_LABELS } from '../common-labels.ts';

export const RED_ROUTE_LABELS: LabelTable = {
  id: { label: '标识（id）', help: '页面地址的一部分：小写拼音、数字和连字符。不填则按名称的拼音生成', aliases: ['标识'] },
  name: { label: '线路名称', aliases: ['名称'] },
  theme: { label: '主题' },
  description: { label: '线路介绍', help: '线路讲什么、一天怎么安排；距离和时间由程序计算，不写在这里' },
  stops: { label: '站点' },
  'stops.site': { label: '资源点 id', help: '红色资源点的 id（data/red/sites/ 中的文件名）' },
  'stops.dwellMinutes': { label: '停留（分钟）' },
  'stops.task': { label: '研学任务' },
  'stops.day': { label: '第几天', help: '两日线路填 1 或 2；不填则与上一站同一天' },
  mode: { label: '交通方式' },
  duration: { label: '时长' },
  startTime: { label: '出发时间', help: 'HH:MM，缺省 08:30' },
  audiences: { label: '适合对象', help: '多项用“、”分隔' },
  season: { label: '适宜季节' },
  safetyNotes: { label: '安全提示' },
  updated: { label: '核对日期' },
  ...SAMPLE_LABELS,
};
