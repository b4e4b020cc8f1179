/**
 * A record as the cells of its columns: the reverse of the import. The
 * template's example row is written with it, and the round-trip test checks
 * that a sheet filled this way imports back to the same records.
 */
import { LIST_JOIN } from './coerce.ts';
import type { Column, ColumnSet } from './columns.ts';

export type CellOut = string | number;

function valueAt(record: unknown, column: Column): unknown {
  let v = record;
  for (const k of column.target) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** A polygon's rings as the import reads them: 经度,纬度；经度,纬度；… | next ring. */
function polygonText(v: unknown): string | undefined {
  const rings = (v as { coordinates?: unknown } | undefined)?.coordinates;
  if (!Array.isArray(rings)) return undefined;
  return rings.map((ring: number[][]) => ring.map((p) => `${p[0]},${p[1]}`).join('；')).join(' | ');
}

function cellOf(column: Column, v: unknown): CellOut | undefined {
  if (v === undefined || v === null) return undefined;
  if (column.list) return Array.isArray(v) && v.length > 0 ? v.map(String).join(LIST_JOIN) : undefined;
  switch (column.kind) {
    case 'boolean':
      return v ? '是' : '否';
    case 'polygon':
      return polygonText(v);
    case 'json':
      return JSON.stringify(v);
    case 'integer':
    case 'number':
    case 'coordinate':
      return typeof v === 'number' ? v : String(v);
    default:
      return String(v);
  }
}

/** The filled cells of a record, by column key. */
export function cellsOf(set: ColumnSet, record: unknown): Map<string, CellOut> {
  const out = new Map<string, CellOut>();
  for (const column of set.columns) {
    const cell = cellOf(column, valueAt(record, column));
    if (cell !== undefined) out.set(column.key, cell);
  }
  return out;
}

/** How many items each array of objects has at most in these records: the groups a sheet needs. */
export function groupsNeeded(set: ColumnSet, records: readonly unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of set.groups)
    for (const r of records) {
      let v: unknown = r;
      for (const k of g.target) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[k] : undefined;
      if (Array.isArray(v)) out.set(g.key, Math.max(out.get(g.key) ?? 0, v.length));
    }
  return out;
}
