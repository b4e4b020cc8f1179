/** Planner sites for the tests: sample venues of 齐齐哈尔 (coordinates from data/red/sites/), with machine fields made up for the cases. */
import { WorkingDayCalendar } from '../../../src/lib/workdays.ts';
import { DEFAULT_PLAN, type Plan } from '../../../src/planner/model.ts';
import { plannerSites, type PlannerSiteFields } from '../../../src/planner/site.ts';
import type { LonLat, PlannerSite } from '../../../src/planner/types.ts';

export const SCHOOL: LonLat = [123.95, 47.34];
export const HOME_EXTENT = [122.3, 45.9, 126.7, 48.9] as const;

export const FIELDS: PlannerSiteFields[] = [
  {
    id: 'qiqihaer-lieshi-lingyuan',
    name: '齐齐哈尔市烈士陵园',
    lonLat: [123.9385, 47.3465],
    hours: 'Mo-Su 08:00-17:00',
    visitMinutes: 60,
    booking: { required: false, groups: [{ minSize: 30, leadWorkingDays: 3 }], phone: '0452-0000302' },
  },
  {
    id: 'qiqihaer-dangshi-jiaoyuguan',
    name: '齐齐哈尔市党史教育馆',
    lonLat: [123.9855, 47.3682],
    hours: 'Tu-Su 09:00-16:30; Mo off',
    lastEntryMinutesBeforeClose: 30,
    visitMinutes: 90,
    booking: { required: false, groups: [{ minSize: 20, leadWorkingDays: 2 }] },
    groupCapacity: 40,
  },
  {
    id: 'zhongguo-yizhong-zhanlanguan',
    name: '中国一重展览馆',
    lonLat: [123.6285, 47.2082],
    hours: 'Mo-Fr 08:30-11:30,13:30-16:30; PH off',
    visitMinutes: 60,
    booking: { required: true, leadWorkingDays: 5, url: 'https://example.gov.cn/yuyue' },
  },
  {
    id: 'ximan-junqu-silingbu-jiuzhi',
    name: '西满军区司令部旧址',
    lonLat: [123.9565, 47.3372],
    hours: 'Tu-Su 09:00-16:30',
    lastEntryMinutesBeforeClose: 30,
    closedDates: ['2026-06-16'],
    visitMinutes: 45,
    booking: { required: false },
  },
  {
    id: 'zhonggong-nenjiang-shengwei-jiuzhi',
    name: '中共嫩江省委旧址',
    lonLat: [123.9705, 47.3565],
    hours: 'Mo-Su 09:00-16:00',
    visitMinutes: 40,
    booking: { required: false },
  },
  {
    id: 'jiangqiao-kangzhan-jiniandi',
    name: '江桥抗战纪念地',
    lonLat: [123.6905, 46.7812],
    hours: 'Mo-Su 08:30-17:00',
    lastEntryMinutesBeforeClose: 30,
    visitMinutes: 90,
    booking: { required: false, groups: [{ minSize: 50, leadWorkingDays: 1 }] },
  },
];

export function sitesOf(fields: readonly PlannerSiteFields[] = FIELDS): Map<string, PlannerSite> {
  const { sites, problems } = plannerSites(fields);
  if (problems.length) throw new Error(JSON.stringify(problems));
  return sites;
}

export const SITES = sitesOf();

/** chinese-days, as the build has it (src/lib/workdays.ts). */
export const CALENDAR = new WorkingDayCalendar();

export const plan = (over: Partial<Plan> = {}): Plan => ({ ...DEFAULT_PLAN, ...over });

/** 20 sites on a grid around the city centre, for the 20-stop cases and the bench. */
export function gridSites(n = 20): PlannerSiteFields[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `site-${i + 1}`,
    name: `示例地点${i + 1}`,
    lonLat: [123.7 + (i % 5) * 0.08 + ((i * 7) % 3) * 0.01, 47.2 + Math.floor(i / 5) * 0.06 + ((i * 5) % 4) * 0.007] as LonLat,
    hours: 'Tu-Su 08:00-18:00; Mo off; PH 09:00-16:00',
    lastEntryMinutesBeforeClose: 30,
    visitMinutes: 20,
    booking: { required: i % 4 === 0, leadWorkingDays: (i % 3) + 1, groups: [{ minSize: 30, leadWorkingDays: (i % 3) + 1 }] },
    groupCapacity: 40,
  }));
}
