/**
 * npm run check: validates everything under the data directory and prints
 * every problem as “file: field: reason”. Exits 1 on any error.
 *
 * The build runs the same check first (scripts/build.ts, and the Astro
 * integration src/integrations/geoportal.ts for a bare `astro build`).
 */
import { formatIssue, loadDataset, resolveDataDir } from '../src/data/load.ts';
import { todayInShanghai } from '../src/lib/dates.ts';
import { WorkingDayCalendar } from '../src/lib/workdays.ts';
import { nextYearCalendarIssue } from '../src/schema/holidays.ts';

const dataDir = resolveDataDir();
const started = performance.now();
const { dataset, issues } = await loadDataset(dataDir);
// Late in the year, next year's holiday arrangement (the calendar the data's working days and the server's reply dates use).
const calendarIssue = dataset && nextYearCalendarIssue(new WorkingDayCalendar(dataset.holidayYears), todayInShanghai());
if (calendarIssue) issues.push(calendarIssue);
for (const issue of issues) console.log(formatIssue(issue));
const errors = issues.filter((i) => i.severity === 'error').length;
const warnings = issues.length - errors;
const ms = Math.round(performance.now() - started);
if (errors > 0 || !dataset) {
  console.error(`数据校验未通过：${errors} 个错误，${warnings} 个提醒（${dataDir}，${ms} ms）`);
  process.exit(1);
}
const d = dataset;
console.log(
  `数据校验通过：${d.notices.length} 条公告，${d.enforcement.length} 条执法信息，${d.officers.length + d.enforcementReports.length > 0 ? `${d.officers.length} 名执法人员，${d.enforcementReports.length} 份执法统计年报，` : ''}${d.redSites.length} 个红色资源点，${d.redRoutes.length} 条线路，${d.landPriceZones.length + d.zoningZones.length > 0 ? `${d.landPriceZones.length} 个基准地价级别区域，${d.zoningZones.length} 个控规地块，` : ""}${d.boundaries.features.length} 个区县，${d.gazetteer?.features.length ?? 0} 个地名；${warnings} 个提醒（${dataDir}，${ms} ms）`,
);
