/** The compact notice index (src/lib/notice-index.ts): rows from the published view, encoded and read back. */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load.ts';
import { publishedView } from '../../../src/data/published.ts';
import { decodeIndex, districtTable, encodeIndex, noticeRows } from '../../../src/lib/notice-index.ts';

async function view(withdrawFirst = false) {
  const { dataset } = await loadDataset('tests/fixtures/minimal');
  const d = dataset!;
  const [first, ...rest] = d.notices;
  return publishedView(withdrawFirst ? { ...d, notices: [{ ...first!, status: { state: 'withdrawn' as const, date: '2026-11-20', reason: '方案调整，撤回公示' } }, ...rest] } : d);
}

describe('notice index', () => {
  it('holds every published notice and every withdrawn one with its reason, and reads back to the same rows', async () => {
    const v = await view(true);
    const rows = noticeRows(v);
    expect(rows).toHaveLength(v.notices.length + 1);
    const gone = rows.find((r) => r.gone)!;
    expect(gone.gone).toEqual({ date: '2026-11-20', reason: '方案调整，撤回公示' });
    const index = encodeIndex(rows, districtTable(v), '2026-11-23');
    const back = decodeIndex(JSON.parse(JSON.stringify(index)));
    // undefined and absent are the same to the filter.
    expect(back.rows).toEqual(rows.map((r) => JSON.parse(JSON.stringify({ ...r, sample: r.sample ?? false }))));
    expect(back.built).toBe('2026-11-23');
  });
  it('refuses an index of another version or shape', () => {
    expect(() => decodeIndex({ v: 2, rows: [], subs: [], districts: [] })).toThrow(/格式/);
    expect(() => decodeIndex(null)).toThrow();
    expect(() => decodeIndex({ v: 1, rows: [[1, 0]], subs: [], districts: [] })).toThrow(/不完整/);
  });
});
