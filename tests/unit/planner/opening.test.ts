import { describe, expect, it } from 'vitest';
import { entryFor, hoursInForce, openingOn, planDay } from '../../../src/planner/opening.ts';
import { CALENDAR, FIELDS, SITES, sitesOf } from './fixtures.ts';

const museum = SITES.get('zhongguo-yizhong-zhanlanguan')!; // Mo-Fr 08:30-11:30,13:30-16:30; PH off

describe('opening on a date', () => {
  it('reads the weekly rule and the State Council calendar', () => {
    expect(planDay('2026-06-19', CALENDAR)).toEqual({ date: '2026-06-19', weekday: 5, publicHoliday: true });
    expect(openingOn(museum, planDay('2026-06-17', CALENDAR))).toEqual({ kind: 'open', spans: [[510, 690], [810, 990]], rule: 'weekly', holidayUnknown: false, hours: museum.hours });
    expect(openingOn(museum, planDay('2026-06-19', CALENDAR))).toMatchObject({ kind: 'closed', why: 'holiday' });
  });
  it('marks a year the calendar lacks instead of guessing, and knows no date', () => {
    expect(planDay('2027-06-18', CALENDAR).publicHoliday).toBeNull();
    expect(openingOn(museum, planDay('2027-06-18', CALENDAR))).toMatchObject({ kind: 'open', holidayUnknown: true });
    expect(openingOn(museum, null)).toEqual({ kind: 'no-date' });
  });
});

describe('seasons and published closures', () => {
  // Winter hours from November to March (the season wraps over the new year), a closure of three days.
  const [site] = [
    ...sitesOf([
      {
        ...FIELDS[0]!,
        hours: 'Mo-Su 08:00-17:00',
        seasons: [{ from: '11-01', to: '03-31', hours: 'Tu-Su 08:30-16:00; Mo off' }],
        closedDates: [{ from: '2026-05-11', to: '2026-05-13', reason: '闭馆维护' }],
      },
    ]).values(),
  ];
  it('takes the season containing the date, also across the new year, else the yearly rule', () => {
    expect(hoursInForce(site!, '2026-12-15').spec).toBe('Tu-Su 08:30-16:00; Mo off');
    expect(hoursInForce(site!, '2026-01-20').spec).toBe('Tu-Su 08:30-16:00; Mo off');
    expect(hoursInForce(site!, '2026-06-15').spec).toBe('Mo-Su 08:00-17:00');
    expect(openingOn(site!, planDay('2026-12-14', CALENDAR))).toMatchObject({ kind: 'closed', why: 'weekly' }); // a winter Monday
    expect(openingOn(site!, planDay('2026-06-15', CALENDAR))).toMatchObject({ kind: 'open', spans: [[480, 1020]] }); // a summer Monday
  });
  it('closes every day of a closure, with its reason, and not the day after', () => {
    expect(openingOn(site!, planDay('2026-05-12', CALENDAR))).toMatchObject({ kind: 'closed', why: 'closed-date', closure: { reason: '闭馆维护' } });
    expect(openingOn(site!, planDay('2026-05-14', CALENDAR))).toMatchObject({ kind: 'open' });
  });
});

describe('getting in', () => {
  const spans = [[510, 690], [810, 990]] as const;
  it('at once, after waiting for the doors, or in the afternoon when the morning’s last entry is missed', () => {
    expect(entryFor(spans, 600, 30)).toEqual({ kind: 'in', start: 600, span: [510, 690] });
    expect(entryFor(spans, 480, 30)).toEqual({ kind: 'in', start: 510, span: [510, 690] });
    expect(entryFor(spans, 665, 30)).toEqual({ kind: 'in', start: 810, span: [810, 990] });
    expect(entryFor(spans, 660, 30)).toEqual({ kind: 'in', start: 660, span: [510, 690] });
  });
  it('not at all after the day’s last entry', () => {
    expect(entryFor(spans, 961, 30)).toEqual({ kind: 'too-late', lastEntry: 960, span: [810, 990] });
    expect(entryFor(spans, 991, 0)).toEqual({ kind: 'too-late', lastEntry: 990, span: [810, 990] });
  });
});
