/** src/lib/red-site-text.ts: what pages say about admission, booking and capacity, from the structured fields. */
import { describe, expect, it } from 'vitest';
import { admissionText, bookingLeadWorkingDays, bookingLines, capacityText, designationText, durationText, needsBooking } from '../../../src/lib/red-site-text.ts';
import type { SiteBooking } from '../../../src/schema/red.ts';

const booking: SiteBooking = { individualsNeedBooking: false, groups: [{ minSize: 20, leadWorkingDays: 2 }, { minSize: 200, leadWorkingDays: 5 }] };

describe('booking', () => {
  it('takes the rule of the largest group size a group reaches', () => {
    expect(bookingLeadWorkingDays(booking, 1)).toBeUndefined();
    expect(bookingLeadWorkingDays(booking, 19)).toBeUndefined();
    expect(bookingLeadWorkingDays(booking, 20)).toBe(2);
    expect(bookingLeadWorkingDays(booking, 450)).toBe(5);
  });
  it('books small groups as individuals when individuals must book', () => {
    const b: SiteBooking = { individualsNeedBooking: true, individualLeadWorkingDays: 1, groups: [{ minSize: 10, leadWorkingDays: 3 }] };
    expect(bookingLeadWorkingDays(b, 4)).toBe(1);
    expect(bookingLeadWorkingDays(b, 10)).toBe(3);
    expect(needsBooking(b)).toBe('individuals');
    expect(needsBooking(booking)).toBe('groups');
    expect(needsBooking({ individualsNeedBooking: false, groups: [] })).toBe('none');
  });
  it('says the rules in sentences', () => {
    expect(bookingLines({ ...booking, notes: '学校团队请附介绍信' })).toEqual(['散客无需预约', '20 人及以上团队需提前 2 个工作日预约', '200 人及以上团队需提前 5 个工作日预约', '学校团队请附介绍信']);
    expect(bookingLines({ individualsNeedBooking: true, individualLeadWorkingDays: 0, groups: [] })).toEqual(['散客需预约，当天预约即可']);
  });
});

describe('admission, capacity, designations, durations', () => {
  it('derives the words', () => {
    expect(admissionText({ free: true, ticket: false })).toBe('免费');
    expect(admissionText({ free: true, ticket: true })).toContain('免费不免票');
    expect(admissionText({ free: false, ticket: false, price: '成人 20 元', concessions: '学生半价' })).toBe('成人 20 元；学生半价');
    expect(capacityText({ group: 100, daily: 3000 })).toBe('每批（团）最多接待 100 人；每日最多接待 3,000 人');
    expect(capacityText({})).toBeUndefined();
    expect(designationText({ kind: '爱国主义教育基地', title: '市级基地', level: '市级', year: 2020 })).toBe('市级基地（市级，2020 年命名）');
    expect([durationText(40), durationText(60), durationText(90)]).toEqual(['约 40 分钟', '约 1 小时', '约 1 小时 30 分钟']);
  });
});
