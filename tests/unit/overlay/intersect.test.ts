import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, overlaps } from '../../../src/overlay/intersect.ts';
import { overlapCsv, CSV_HEADERS } from '../../../src/overlay/csv.ts';
import type { BlockFeature } from '../../../src/overlay/types.ts';
import { geodesicArea } from '../../../src/map/geodesy.ts';

const square = (w: number, s: number, e: number, n: number) => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const block = (id: string, kind: 'mining' | 'parcel', coordinates: number[][][]): BlockFeature => ({
  type: 'Feature', id, geometry: { type: 'Polygon', coordinates },
  properties: { kind, name: `${id}, "示例"`, title: `${id} 公告`, docNo: '齐自然资矿告〔2026〕2号', url: `/notices/mining/${id}/`, detail: '采矿权（建筑用砂）', code: '=C2302072025117130160012' },
});

describe('overlap of a project area with the blocks', () => {
  const area = { type: 'Polygon' as const, coordinates: square(123.62, 47.2, 123.63, 47.21) };

  it('measures the shared part on the ellipsoid, largest first, and leaves out blocks it only touches', () => {
    const half = block('half', 'mining', square(123.625, 47.2, 123.635, 47.21));
    const inside = block('inside', 'parcel', square(123.621, 47.201, 123.622, 47.202));
    const touching = block('touching', 'mining', square(123.63, 47.2, 123.64, 47.21));
    const far = block('far', 'mining', square(124, 47.5, 124.01, 47.51));
    const rows = overlaps(area, [inside, touching, far, half]);
    expect(rows.map((r) => r.id)).toEqual(['half', 'inside']);
    // Half the area's east part: the geodesic area of that quadrilateral.
    expect(rows[0]!.overlapM2).toBeCloseTo(geodesicArea(square(123.625, 47.2, 123.63, 47.21)[0] as [number, number][]), 0);
    expect(rows[1]!.overlapM2).toBeCloseTo(rows[1]!.blockM2, 3);
    // About 755 m × 1112 m at 47.2°N.
    expect(ellipsoidalArea(area) / 1e6).toBeCloseTo(0.84, 2);
  });

  it('writes CSV for Excel: BOM, Chinese headers, CRLF, quoted fields, no formulas', () => {
    const csv = overlapCsv(overlaps(area, [block('half', 'mining', square(123.625, 47.2, 123.635, 47.21))]), 'https://zrzy.example.gov.cn');
    expect(csv.startsWith('\uFEFF序号,类型,名称,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_HEADERS.join(','));
    expect(lines[1]).toMatch(/^1,矿业权,"half, ""示例""",'=C2302072025117130160012,采矿权（建筑用砂）,half 公告,齐自然资矿告〔2026〕2号,\d+\.\d{2},\d+\.\d{4},50\.00,https:\/\/zrzy\.example\.gov\.cn\/notices\/mining\/half\/$/);
    expect(lines.at(-1)).toBe('');
    expect(overlapCsv([], 'https://x')).toBe(`\uFEFF${CSV_HEADERS.join(',')}\r\n`);
  });
});
