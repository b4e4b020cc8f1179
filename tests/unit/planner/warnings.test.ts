import { describe, expect, it } from 'vitest';
import { calendarFromDocument, holidayCalendarDocument } from '../../../src/planner/calendar.ts';
import { computePlan, type PlanContext } from '../../../src/planner/compute.ts';
import type { Plan } from '../../../src/planner/model.ts';
import type { PlanWarning, WarningCode } from '../../../src/planner/warnings.ts';
import { CALENDAR, FIELDS, plan, SCHOOL, SITES, sitesOf } from './fixtures.ts';

const CTX: PlanContext = { sites: SITES, calendar: CALENDAR, today: '2026-06-01' };
const warningsOf = (p: Plan, ctx: Partial<PlanContext> = {}): PlanWarning[] => computePlan(p, { ...CTX, ...ctx }).warnings;
const codes = (p: Plan, ctx: Partial<PlanContext> = {}): WarningCode[] => warningsOf(p, ctx).map((w) => w.code);
const one = (p: Plan, code: WarningCode, ctx: Partial<PlanContext> = {}): PlanWarning => {
  const found = warningsOf(p, ctx).filter((w) => w.code === code);
  expect(found, code).toHaveLength(1);
  return found[0]!;
};
const stop = (siteId: string, minutes?: number) => (minutes === undefined ? { siteId } : { siteId, minutes });
const base = (over: Partial<Plan>): Plan => plan({ start: { lonLat: SCHOOL }, date: '2026-06-17', groupSize: 10, ...over });

describe('warnings: closed on the chosen date', () => {
  it('a weekly closing day, with the opening hours to choose another', () => {
    const w = one(base({ date: '2026-06-15', stops: [stop('qiqihaer-dangshi-jiaoyuguan')] }), 'closed');
    expect(w).toMatchObject({ severity: 'error', stopIndex: 0, siteId: 'qiqihaer-dangshi-jiaoyuguan' });
    expect(w.message).toBe('齐齐哈尔市党史教育馆当天不开放：该馆每周一闭馆（开放时间：周二至周日 9:00–16:30；周一闭馆）。请改期或换一个地点。');
  });

  it('a 法定节假日 from the State Council calendar (端午节, Friday 19 June 2026), and a published closing date', () => {
    expect(one(base({ date: '2026-06-19', stops: [stop('zhongguo-yizhong-zhanlanguan')] }), 'closed').message).toMatch(/^中国一重展览馆当天不开放：2026年6月19日（周五）是法定节假日，该馆法定节假日闭馆/);
    expect(one(base({ date: '2026-06-16', stops: [stop('ximan-junqu-silingbu-jiuzhi')] }), 'closed').message).toMatch(/2026年6月16日（周二）为该馆公布的闭馆日/);
    // A 调休 Saturday keeps the Saturday rule (venues follow the weekday): 中国一重 is closed on Saturdays.
    expect(one(base({ date: '2026-10-10', stops: [stop('zhongguo-yizhong-zhanlanguan')] }), 'closed').message).toMatch(/开放时间不含周六/);
  });

  it('none on an ordinary open day', () => {
    expect(codes(base({ stops: [stop('qiqihaer-dangshi-jiaoyuguan'), stop('zhongguo-yizhong-zhanlanguan')] }))).not.toContain('closed');
  });
});

describe('warnings: outside opening hours', () => {
  it('arriving after the last entry, and after closing', () => {
    const late = one(base({ departure: 16 * 60 + 5, stops: [stop('qiqihaer-dangshi-jiaoyuguan')] }), 'after-last-entry');
    expect(late.severity).toBe('error');
    expect(late.message).toMatch(/^预计 16:\d\d 到达齐齐哈尔市党史教育馆，晚于最晚入馆时间 16:00（16:30 闭馆，闭馆前 30 分钟停止入馆）。$/);
    expect(one(base({ departure: 17 * 60, stops: [stop('zhonggong-nenjiang-shengwei-jiuzhi')] }), 'after-last-entry').message).toMatch(/已过 16:00 闭馆时间/);
  });

  it('a visit that runs past closing; an early arrival only waits (info)', () => {
    expect(one(base({ departure: 15 * 60, stops: [stop('qiqihaer-dangshi-jiaoyuguan')] }), 'visit-past-closing').message).toMatch(/参观将持续到 16:\d\d，超过 16:30 闭馆时间/);
    const w = one(base({ departure: 7 * 60, stops: [stop('qiqihaer-dangshi-jiaoyuguan', 30)] }), 'waiting');
    expect(w.severity).toBe('info');
    expect(w.message).toMatch(/9:00 开馆，需等候/);
  });

  it('none for a visit inside the hours', () => {
    expect(codes(base({ departure: 9 * 60, stops: [stop('qiqihaer-lieshi-lingyuan')] })).filter((c) => ['after-last-entry', 'visit-past-closing', 'waiting'].includes(c))).toEqual([]);
  });
});

describe('warnings: booking', () => {
  it('a group at the threshold must book, with the deadline in working days and the phone', () => {
    const w = one(base({ groupSize: 30, stops: [stop('qiqihaer-lieshi-lingyuan')] }), 'booking');
    expect(w).toMatchObject({ severity: 'warning', stopIndex: 0 });
    expect(w.message).toBe('齐齐哈尔市烈士陵园需预约：团队 30 人，达到 30 人须预约，须提前 3 个工作日，最晚 2026年6月12日（周五）预约。预约电话 0452-0000302。');
  });

  it('too late once today is past the deadline (国庆节 counted out of the five working days)', () => {
    const w = one(base({ date: '2026-10-09', stops: [stop('zhongguo-yizhong-zhanlanguan')] }), 'booking-too-late', { today: '2026-09-25' });
    expect(w.severity).toBe('error');
    expect(w.message).toBe(
      '中国一重展览馆须提前 5 个工作日预约，最晚应在 2026年9月24日（周四），今天（2026年9月25日（周五））已来不及：请改期，或先与场馆联系确认。网上预约 https://example.gov.cn/yuyue。',
    );
    expect(codes(base({ date: '2026-10-09', stops: [stop('zhongguo-yizhong-zhanlanguan')] }), { today: '2026-09-24' })).toContain('booking');
  });

  it('without a lead time or a date it still says to book, and how', () => {
    const noLead = sitesOf([{ ...FIELDS[0]!, booking: { required: true } }, { ...FIELDS[1]!, booking: { required: true, leadWorkingDays: 0 } }]);
    const p = base({ stops: [stop('qiqihaer-lieshi-lingyuan'), stop('qiqihaer-dangshi-jiaoyuguan')] });
    expect(warningsOf(p, { sites: noLead }).filter((w) => w.code === 'booking').map((w) => w.message)).toEqual([
      '齐齐哈尔市烈士陵园需预约：该馆参观须预约（场馆未注明提前天数，请尽早联系）。',
      '齐齐哈尔市党史教育馆需预约：该馆参观须预约，当天预约即可。',
    ]);
    expect(one(base({ date: null, groupSize: 30, stops: [stop('qiqihaer-lieshi-lingyuan')] }), 'booking').message).toMatch(/须提前 3 个工作日。预约电话/);
  });

  it('no booking for a small group; a reminder to give the size when it is missing', () => {
    expect(codes(base({ groupSize: 29, stops: [stop('qiqihaer-lieshi-lingyuan')] }))).not.toContain('booking');
    expect(one(base({ groupSize: null, stops: [stop('qiqihaer-lieshi-lingyuan')] }), 'booking-unknown-size').message).toMatch(/30 人以上的团队须预约（提前 3 个工作日）；请填写团队人数/);
  });
});

describe('warnings: the red-site record’s rules (tiers, seasons, closures)', () => {
  const tiered = sitesOf([
    {
      ...FIELDS[1]!,
      hours: 'Tu-Su 09:00-16:30; Mo off',
      seasons: [{ from: '11-01', to: '03-31', hours: 'Tu-Su 09:00-15:30; Mo off' }],
      closedDates: [{ from: '2026-06-22', to: '2026-06-24', reason: '展陈改造' }],
      booking: { required: false, groups: [{ minSize: 20, leadWorkingDays: 2 }, { minSize: 200, leadWorkingDays: 5 }], phone: '0452-0000305' },
    },
  ]);
  const at = (over: Partial<Plan>) => base({ stops: [stop('qiqihaer-dangshi-jiaoyuguan')], ...over });
  it('a larger group books by the last rule it reaches; without a size every rule is named', () => {
    expect(one(at({ groupSize: 45 }), 'booking', { sites: tiered }).message).toMatch(/团队 45 人，达到 20 人须预约，须提前 2 个工作日，最晚 2026年6月15日（周一）预约/);
    expect(one(at({ groupSize: 250 }), 'booking', { sites: tiered }).message).toMatch(/团队 250 人，达到 200 人须预约，须提前 5 个工作日，最晚 2026年6月10日（周三）预约/);
    expect(one(at({ groupSize: null }), 'booking-unknown-size', { sites: tiered }).message).toBe('齐齐哈尔市党史教育馆：20 人以上的团队须预约（提前 2 个工作日），200 人以上提前 5 个工作日；请填写团队人数。预约电话 0452-0000305。');
  });
  it('a published closure names its reason; winter hours are the ones quoted', () => {
    expect(one(at({ date: '2026-06-23' }), 'closed', { sites: tiered }).message).toMatch(/2026年6月23日（周二）为该馆公布的闭馆日（展陈改造）/);
    expect(codes(at({ date: '2026-06-25' }), { sites: tiered })).not.toContain('closed');
    // A winter Tuesday: the winter rule closes at 15:30, which the message quotes.
    const late = one(at({ date: '2026-12-15', departure: 15 * 60 + 20 }), 'after-last-entry', { sites: tiered, today: '2026-12-01' });
    expect(late.message).toMatch(/15:30 闭馆/);
  });
});

describe('warnings: group size, return time, calendar, date', () => {
  it('a group larger than a venue takes at once', () => {
    expect(one(base({ groupSize: 90, stops: [stop('qiqihaer-dangshi-jiaoyuguan')] }), 'over-capacity').message).toBe('团队 90 人，超过齐齐哈尔市党史教育馆单批接待上限 40 人：需分 3 批参观，并预留时间。');
    expect(codes(base({ groupSize: 40, stops: [stop('qiqihaer-dangshi-jiaoyuguan')] }))).not.toContain('over-capacity');
  });

  it('the day runs past the return time', () => {
    const p = base({ returnBy: 10 * 60, stops: [stop('qiqihaer-lieshi-lingyuan'), stop('zhonggong-nenjiang-shengwei-jiuzhi')] });
    expect(one(p, 'past-return').message).toMatch(/^预计 1\d:\d\d 返回，晚于要求的 10:00（超出 [^）]+）：请减少地点/);
    expect(codes({ ...p, returnBy: 20 * 60 })).not.toContain('past-return');
  });

  it('a date the calendar does not cover: a warning, the weekly rule applied, booking deadline not guessed', () => {
    const p = base({ date: '2027-06-15', groupSize: 30, stops: [stop('qiqihaer-lieshi-lingyuan')] });
    const w = one(p, 'calendar-not-covered');
    expect(w.message).toBe('节假日安排只收录 2004–2026 年，不含 2027 年：无法判断2027年6月15日（周二）是否为法定节假日，闭馆和开放时间按平日规则检查，请向场馆确认。');
    expect(one(p, 'booking').message).toMatch(/节假日安排不含 2027 年，无法推算最晚预约日/);
    // The browser's calendar from the published document behaves the same.
    const browser = calendarFromDocument(holidayCalendarDocument(CALENDAR, 2025, 2026));
    expect(codes(p, { calendar: browser })).toContain('calendar-not-covered');
    expect(codes(base({ stops: [stop('qiqihaer-lieshi-lingyuan')] }), { calendar: browser })).not.toContain('calendar-not-covered');
  });

  it('no date, a date in the past, an unknown site, estimated legs', () => {
    expect(one(base({ date: null, stops: [stop('qiqihaer-lieshi-lingyuan')] }), 'no-date').severity).toBe('info');
    expect(one(base({ date: '2026-05-20', stops: [stop('qiqihaer-lieshi-lingyuan')] }), 'date-past').severity).toBe('error');
    expect(one(base({ stops: [stop('gone-site'), stop('qiqihaer-lieshi-lingyuan')] }), 'unknown-site')).toMatchObject({ stopIndex: 0, siteId: 'gone-site' });
    expect(one(base({ stops: [stop('qiqihaer-lieshi-lingyuan')] }), 'estimated-legs', { routingNote: '未配置道路规划服务' }).message).toBe('2 段路程为直线估算（直线距离乘以道路系数），实际距离和用时可能不同：未配置道路规划服务。');
  });

  it('lunch not needed, or late', () => {
    expect(codes(base({ lunch: { from: 690, minutes: 60 }, stops: [stop('qiqihaer-lieshi-lingyuan', 30)] }))).toContain('lunch-not-taken');
    expect(codes(base({ lunch: { from: 600, minutes: 60 }, departure: 9 * 60, stops: [stop('zhonggong-nenjiang-shengwei-jiuzhi', 240)] }))).toContain('lunch-late');
  });

  it('a day past midnight says so', () => {
    expect(codes(base({ departure: 23 * 60, stops: [stop('jiangqiao-kangzhan-jiniandi')] }))).toContain('past-midnight');
  });
});
