import { describe, expect, it } from 'vitest';
import { cornerRows, cornersPolygon, polygonToCorners } from '../../../src/lib/mining-corners.ts';
import { isClockwise } from '../../../src/schema/polygons.ts';

/** A table as 成交公示 print it: zone 41 X/Y, clockwise, to the centimetre. */
const TABLE = [
  { no: '1', x: 5268527.24, y: 41495012.29 },
  { no: '2', x: 5268177.2, y: 41495063.48 },
  { no: '3', x: 5268181.85, y: 41494707.21 },
  { no: '4', x: 5268367.16, y: 41494494.88 },
  { no: '5', x: 5268731.86, y: 41494468.13 },
  { no: '6', x: 5268811.68, y: 41494850.48 },
];

describe('mining 拐点 tables', () => {
  it('round-trips table → polygon → table to the centimetre', () => {
    const polygon = cornersPolygon(TABLE)!;
    // GeoJSON's exterior ring is counter-clockwise, whatever the table's order.
    expect(isClockwise(polygon.coordinates[0]!)).toBe(false);
    expect(polygon.coordinates[0]![0]).toEqual(polygon.coordinates[0]!.at(-1));
    const back = polygonToCorners(polygon, 41, { clockwise: true });
    expect(back.map((r) => r.no)).toEqual(TABLE.map((r) => r.no));
    back.forEach((r, i) => {
      expect(Math.abs(r.x - TABLE[i]!.x)).toBeLessThan(0.005);
      expect(Math.abs(r.y - TABLE[i]!.y)).toBeLessThan(0.005);
      expect(r.x.toFixed(2)).toBe(TABLE[i]!.x.toFixed(2));
      expect(r.y.toFixed(2)).toBe(TABLE[i]!.y.toFixed(2));
    });
  });

  it('gives both forms of a lon/lat table in the zone of its first point', () => {
    const rows = cornerRows([
      { no: '1', lon: 122.933736, lat: 47.55118 },
      { no: '2', lon: 122.931583, lat: 47.553737 },
      { no: '3', lon: 122.926504, lat: 47.553016 },
    ])!;
    expect(rows.map((r) => r.zone)).toEqual([41, 41, 41]);
    expect(rows[0]!.y.toFixed(2)).toBe('41495012.29');
    expect(rows[0]!.x.toFixed(2)).toBe('5268527.24');
  });

  it('has no polygon or rows for a table it cannot read', () => {
    expect(cornerRows([{ no: '1', x: 5268527.24, y: 495012.29 }])).toBeUndefined();
    expect(cornersPolygon([{ no: '1', lon: 122.9, lat: 47.5 }, { no: '2', lon: 122.91, lat: 47.5 }])).toBeUndefined();
  });
});
