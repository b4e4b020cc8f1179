/** 一码管地 at check time: a 宗地代码 or 电子监管号 used by unrelated parcels fails, with file, field and reason. */
import { describe, expect, it } from 'vitest';
import { checkParcelLinks } from '../../../src/schema/parcel-links.ts';
import type { Entry, Notice, Salvaged } from '../../../src/schema/index.ts';

const districtCodes = new Map([['铁锋区', '230204'], ['龙沙区', '230202']]);
const square = (x: number, y: number, d = 0.002) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] as [number, number][][] });
const CODE = '230204001002GB00015';
const SUP = '2302042026B00015';

type P = { cadastralCode?: string; supervisionNo?: string; areaM2?: number; geometry?: ReturnType<typeof square> };
const land = (file: string, subKind: string, district: string, ...parcels: P[]): Entry<Salvaged<Notice>> => ({
  file,
  record: { kind: 'land', subKind, district, parcels: parcels.map((p, i) => ({ code: `2026-G-0${i}`, location: '示例', use: '住宅', termYears: 70, areaM2: 20000, geometry: square(123.97, 47.337), ...p })) } as Salvaged<Notice>,
});
const planning = (file: string, district: string, parcel: P, areaM2 = 20000, geometry = square(123.97, 47.337)): Entry<Salvaged<Notice>> => ({
  file,
  record: { kind: 'planning', subKind: '批后公布', district, parcel, indicators: { landAreaM2: areaM2 }, geometry } as Salvaged<Notice>,
});
const run = (...entries: Entry<Salvaged<Notice>>[]) => checkParcelLinks(entries, districtCodes, '全市');

describe('a parcel code names one parcel', () => {
  it('accepts the records of one parcel: same district, overlapping outline, areas within 5%', () => {
    expect(run(
      land('a.yaml', '出让公告', '铁锋区', { cadastralCode: CODE }),
      land('b.yaml', '成交公示', '铁锋区', { cadastralCode: CODE, supervisionNo: SUP }),
      land('c.yaml', '供地结果', '铁锋区', { supervisionNo: SUP, areaM2: 19500 }),
      planning('d.yaml', '铁锋区', { cadastralCode: CODE }, 19200, square(123.9705, 47.3375)),
    )).toEqual([]);
  });
  it('ignores records outside the timeline (a 供地计划) and the 地块编号', () => {
    expect(run(land('a.yaml', '供地计划', '龙沙区', { cadastralCode: CODE }), land('b.yaml', '出让公告', '铁锋区', { cadastralCode: CODE }))).toEqual([]);
  });
});

describe('a parcel code used by unrelated parcels', () => {
  it('fails on the later file with both districts named (and the code not of that district)', () => {
    const issues = run(land('a.yaml', '出让公告', '铁锋区', { cadastralCode: CODE }), land('b.yaml', '成交公示', '龙沙区', { cadastralCode: CODE, geometry: square(123.92, 47.30) }));
    expect(issues.map((i) => [i.file, i.field, i.severity])).toEqual([
      ['b.yaml', 'parcels[0].cadastralCode', 'error'],
      ['b.yaml', 'parcels[0].cadastralCode', 'error'],
    ]);
    expect(issues[0]!.reason).toBe(`宗地代码“${CODE}”前 6 位 230204 不是所在区县“龙沙区”的行政区划代码 230202，请核对代码或区县`);
    expect(issues[1]!.reason).toBe(`宗地代码“${CODE}”已在 a.yaml（parcels[0]）中用于另一宗地：所在区县不同（铁锋区、龙沙区）；两处地块范围互不重叠。同一宗地代码不能用于不相关的地块，请核对代码`);
  });
  it('fails on outlines that do not overlap, in one district', () => {
    const [issue, ...rest] = run(land('a.yaml', '出让公告', '铁锋区', { cadastralCode: CODE }), planning('b.yaml', '铁锋区', { cadastralCode: CODE }, 20000, square(123.99, 47.35)));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: 'b.yaml', field: 'parcel.cadastralCode' });
    expect(issue!.reason).toContain('两处地块范围互不重叠');
  });
  it('fails on two L-shaped outlines whose extents overlap but which share no ground', () => {
    // Two interlocking Ls: each one's extent covers the other's corner, no square metre is common.
    const l1 = { type: 'Polygon' as const, coordinates: [[[123.97, 47.337], [123.974, 47.337], [123.974, 47.338], [123.971, 47.338], [123.971, 47.341], [123.97, 47.341], [123.97, 47.337]]] as [number, number][][] };
    const l2 = { type: 'Polygon' as const, coordinates: [[[123.972, 47.339], [123.975, 47.339], [123.975, 47.342], [123.9715, 47.342], [123.9715, 47.3412], [123.974, 47.3412], [123.974, 47.3398], [123.972, 47.3398], [123.972, 47.339]]] as [number, number][][] };
    const [issue, ...rest] = run(land('a.yaml', '出让公告', '铁锋区', { cadastralCode: CODE, geometry: l1 }), land('b.yaml', '成交公示', '铁锋区', { cadastralCode: CODE, geometry: l2 }));
    expect(rest).toEqual([]);
    expect(issue!.reason).toContain('两处地块范围互不重叠');
  });
  it('fails on areas more than 5% apart', () => {
    const [issue, ...rest] = run(land('a.yaml', '出让公告', '铁锋区', { supervisionNo: SUP }), land('b.yaml', '供地结果', '铁锋区', { supervisionNo: SUP, areaM2: 12000 }));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: 'b.yaml', field: 'parcels[0].supervisionNo' });
    expect(issue!.reason).toContain('面积相差 40%（20,000 平方米、12,000 平方米，允许 5%）');
  });
  it('fails on an 电子监管号 that names two 宗地代码, and on one code for two parcels of one notice', () => {
    const other = '230204001002GB00016';
    const issues = run(
      land('a.yaml', '成交公示', '铁锋区', { cadastralCode: CODE, supervisionNo: SUP }),
      land('b.yaml', '供地结果', '铁锋区', { cadastralCode: other, supervisionNo: SUP }, { cadastralCode: other }),
    );
    expect(issues.map((i) => [i.file, i.field])).toEqual([
      ['b.yaml', 'parcels[1].cadastralCode'],
      ['b.yaml', 'parcels[0].supervisionNo'],
    ]);
    expect(issues[0]!.reason).toBe(`同一公告的 parcels[0] 和 parcels[1] 使用了同一宗地代码“${other}”：一个宗地代码只能对应一宗地`);
    expect(issues[1]!.reason).toContain(`宗地代码不同（${CODE}、${other}）`);
  });
});
