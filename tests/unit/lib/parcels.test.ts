import { describe, expect, it } from 'vitest';
import { areaDifference, bboxesMeet, bboxOfGeometry, groupByLinks, linkKeys, parcelRefs, stageOf } from '../../../src/lib/parcels.ts';

const square = (x: number, y: number, d = 0.002) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] as [number, number][][] });

describe('stageOf', () => {
  it('derives the stage from kind and sub-kind', () => {
    expect(stageOf({ kind: 'planning', subKind: '批前公示' })).toBe('规划许可');
    expect(stageOf({ kind: 'planning', subKind: '批后公布' })).toBe('规划许可');
    expect(stageOf({ kind: 'planning', subKind: '规划核实' })).toBe('核验');
    expect(stageOf({ kind: 'land', subKind: '出让公告' })).toBe('出让公告');
    expect(stageOf({ kind: 'land', subKind: '成交公示' })).toBe('成交公示');
    expect(stageOf({ kind: 'land', subKind: '供地结果' })).toBe('供地');
  });
  it('gives none to records about no single parcel', () => {
    expect(stageOf({ kind: 'land', subKind: '供地计划' })).toBeUndefined();
    expect(stageOf({ kind: 'mining', subKind: '出让公告' })).toBeUndefined();
    expect(stageOf({ kind: 'surveying', subKind: '地图审核' })).toBeUndefined();
  });
});

describe('parcelRefs', () => {
  it("reads a land notice's coded parcels and a planning notice's parcel with its area and outline", () => {
    const land = { kind: 'land', subKind: '成交公示', parcels: [{ code: '2026-G-1', cadastralCode: '230204001002GB00015', areaM2: 100 }, { code: '2026-G-2', areaM2: 50 }] };
    expect(parcelRefs(land)).toEqual([expect.objectContaining({ field: 'parcels[0]', cadastralCode: '230204001002GB00015', parcelNo: '2026-G-1', areaM2: 100 })]);
    const g = square(123.97, 47.337);
    const planning = { kind: 'planning', subKind: '批后公布', parcel: { supervisionNo: '2302042026B00015' }, indicators: { landAreaM2: 98 }, geometry: g };
    expect(parcelRefs(planning)).toEqual([expect.objectContaining({ field: 'parcel', supervisionNo: '2302042026B00015', areaM2: 98, geometry: g })]);
  });
  it('reads nothing without codes or outside the stages', () => {
    expect(parcelRefs({ kind: 'planning', subKind: '批前公示' })).toEqual([]);
    expect(parcelRefs({ kind: 'land', subKind: '供地计划', parcels: [{ cadastralCode: '230204001002GB00015' }] })).toEqual([]);
  });
});

describe('groupByLinks', () => {
  const keys = (x: { c?: string; s?: string }) => linkKeys({ cadastralCode: x.c, supervisionNo: x.s });
  it('joins records through either code, also by way of a third record', () => {
    const a = { c: 'C1' };
    const b = { s: 'S1' };
    const both = { c: 'C1', s: 'S1' };
    const other = { c: 'C2' };
    expect(groupByLinks([a, b, other, both], keys)).toEqual([[a, b, both], [other]]);
  });
  it('keeps apart records that share nothing, and drops records without codes', () => {
    expect(groupByLinks([{ c: 'C1' }, { s: 'C1' }, {}], keys)).toEqual([[{ c: 'C1' }], [{ s: 'C1' }]]);
  });
});

describe('extents and areas', () => {
  it('sees overlapping and touching extents meet', () => {
    expect(bboxesMeet(bboxOfGeometry(square(0, 0)), bboxOfGeometry(square(0.001, 0.001)))).toBe(true);
    expect(bboxesMeet(bboxOfGeometry(square(0, 0)), bboxOfGeometry(square(0.002, 0)))).toBe(true);
  });
  it('sees distant extents apart, and areas as a fraction of the larger', () => {
    expect(bboxesMeet(bboxOfGeometry(square(0, 0)), bboxOfGeometry(square(1, 1)))).toBe(false);
    expect(areaDifference(100, 80)).toBeCloseTo(0.2);
    expect(areaDifference(80, 100)).toBeCloseTo(0.2);
  });
});
