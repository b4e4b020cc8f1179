/** The zone schemas: 用地用海分类 against the 指南's table, prices per use, indicators. */
import { describe, expect, it } from 'vitest';
import { landPriceZoneSchema, landUseClass, landUseClasses, landUseName, wanPerMuOf, zoningZoneSchema } from '../../../src/schema/index.ts';
import { issuesOf } from '../schema/helpers.ts';

import { landPriceZone, zoningZone } from './fixtures.ts';

describe('用地用海分类', () => {
  it('accepts a 一级类 and a 二级类 written as the 指南 writes them', () => {
    expect(issuesOf(landUseClass, { code: '0701', name: '城镇住宅用地' })).toEqual([]);
    expect(issuesOf(landUseClass, { code: '09', name: '商业服务业用地' })).toEqual([]);
    expect(landUseName('1001')).toBe('工业用地');
    // Every 二级类 sits under a 一级类 of the table.
    for (const c of landUseClasses()) if (c.code.length === 4) expect(landUseName(c.code.slice(0, 2))).toBeDefined();
  });
  it('refuses a wrong name (naming the right one), an unknown code and a malformed one', () => {
    expect(issuesOf(landUseClass, { code: '0701', name: '住宅用地' })).toEqual([{ path: 'name', message: expect.stringContaining('“城镇住宅用地”') }]);
    expect(issuesOf(landUseClass, { code: '0799', name: '住宅用地' })).toEqual([{ path: 'code', message: expect.stringContaining('不在') }]);
    expect(issuesOf(landUseClass, { code: 'R2', name: '二类居住用地' })[0]!.path).toBe('code');
  });
});

describe('基准地价 zone', () => {
  it('parses a zone; 万元/亩 matches 元/平方米 within rounding', () => {
    expect(issuesOf(landPriceZoneSchema, landPriceZone())).toEqual([]);
    expect(wanPerMuOf(3200)).toBeCloseTo(213.333, 3);
  });
  it('refuses a 万元/亩 that does not match, a use twice, a 实施日期 before the 基准日, no document', () => {
    const z = landPriceZone();
    z.prices = [{ use: '商服', yuanPerM2: 3200, wanPerMu: 320 }, { use: '商服', yuanPerM2: 3000 }];
    z.effectiveDate = '2024-12-31';
    z.documents = [];
    const paths = issuesOf(landPriceZoneSchema, z).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['prices[0].wanPerMu', 'prices', 'effectiveDate', 'documents']));
    expect(issuesOf(landPriceZoneSchema, { ...landPriceZone(), landType: '国有' })[0]!.path).toBe('landType');
  });
});

describe('控规 zone', () => {
  it('parses a 地块 with indicators and 批前公示 ids', () => {
    expect(issuesOf(zoningZoneSchema, zoningZone())).toEqual([]);
  });
  it('refuses a 容积率 lower limit above the upper, a 建筑密度 over 100 % and a land-use name not in the 指南', () => {
    const z = zoningZone();
    z.indicators = { ...z.indicators, farMin: 3, densityMaxPct: 120 };
    z.landUse = { code: '0701', name: '二类居住用地' };
    expect(issuesOf(zoningZoneSchema, z).map((i) => i.path).sort()).toEqual(['indicators.densityMaxPct', 'indicators.farMin', 'landUse.name']);
  });
});
