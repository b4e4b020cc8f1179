import { describe, expect, it } from 'vitest';
import { describeOpeningHours, parseOpeningHours, spansOn, type OpeningHours } from '../../../src/lib/opening-hours.ts';

const parse = (spec: string): OpeningHours => {
  const r = parseOpeningHours(spec);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.hours;
};

describe('parseOpeningHours', () => {
  it('reads weekday ranges, lists, several spans, off and PH', () => {
    const h = parse('Tu-Su 09:00-11:30,13:30-17:00; Mo off; PH 09:00-17:00');
    expect(h.rules).toEqual([
      { days: [2, 3, 4, 5, 6, 7], spans: [[540, 690], [810, 1020]] },
      { days: [1], spans: [] },
      { days: 'PH', spans: [[540, 1020]] },
    ]);
    expect(parse('Sa-Mo 08:00-24:00').rules[0]!.days).toEqual([1, 6, 7]);
  });
  it('reports every bad rule with where it is and what is expected', () => {
    const r = parseOpeningHours('周二至周日 9:00-17:00; Mo 17:00-09:00; Tu 9-17; ; Xx off; We 09:00-12:00,11:00-13:00');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '第 1 条“周二至周日 9:00-17:00”：“周二至周日”不是星期（应为 Mo Tu We Th Fr Sa Su，或 Tu-Su 这样的范围）',
      '第 2 条“Mo 17:00-09:00”：时段“17:00-09:00”的结束时间不晚于开始时间',
      '第 3 条“Tu 9-17”：“9-17”不是时段（应为 09:00-17:00 这样的开始-结束时间）',
      '第 4 条为空（多了一个分号？）',
      '第 5 条“Xx off”：“Xx”不是星期（应为 Mo Tu We Th Fr Sa Su，或 Tu-Su 这样的范围）',
      '第 6 条“We 09:00-12:00,11:00-13:00”：时段重叠',
    ]);
    expect(parseOpeningHours('')).toEqual({ ok: false, errors: ['开放时间为空'] });
    expect(parseOpeningHours('Mo 09:00-25:00').ok).toBe(false);
  });
});

describe('spansOn', () => {
  const h = parse('Tu-Su 09:00-17:00; Mo off; PH 09:00-16:00');
  it('applies the weekday rule, later rules overriding earlier ones; unnamed days are closed', () => {
    expect(spansOn(h, 3, false)).toEqual({ spans: [[540, 1020]], rule: 'weekly' });
    expect(spansOn(h, 1, false)).toEqual({ spans: [], rule: 'weekly' });
    expect(spansOn(parse('Mo-Su 09:00-17:00; Mo off'), 1, false).spans).toEqual([]);
    expect(spansOn(parse('Sa,Su 10:00-15:00'), 2, false)).toEqual({ spans: [], rule: 'none' });
  });
  it('on a 法定节假日 the PH rule wins, also over a closed Monday; without one, the weekday rule', () => {
    expect(spansOn(h, 1, true)).toEqual({ spans: [[540, 960]], rule: 'PH' });
    expect(spansOn(parse('Tu-Su 09:00-17:00; Mo off'), 1, true).spans).toEqual([]);
    expect(spansOn(parse('Mo-Su 09:00-17:00; PH off'), 4, true)).toEqual({ spans: [], rule: 'PH' });
  });
});

describe('describeOpeningHours', () => {
  it('says the rule in Chinese', () => {
    expect(describeOpeningHours(parse('Tu-Su 09:00-17:00; Mo off; PH 09:00-17:00'))).toBe('周二至周日 9:00–17:00；周一闭馆；法定节假日 9:00–17:00');
    expect(describeOpeningHours(parse('Mo-Su 08:30-11:30,13:30-16:30'))).toBe('每日 8:30–11:30、13:30–16:30');
    expect(describeOpeningHours(parse('Mo,We,Fr-Su 09:00-12:00; PH off'))).toBe('周一、周三、周五至周日 9:00–12:00；法定节假日闭馆');
    expect(describeOpeningHours(parse('Sa,Su 09:00-12:00'))).toBe('周六、周日 9:00–12:00');
  });
});
