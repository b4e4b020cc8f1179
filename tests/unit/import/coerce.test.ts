import { describe, expect, it } from 'vitest';
import { coerceCell } from '../../../src/import/coerce.ts';
import { columnsOf } from '../../../src/import/columns.ts';
import { tinyLabels, tinySchema } from './support.ts';

const set = columnsOf(tinySchema, tinyLabels);
const col = (key: string) => set.columns.find((c) => c.key === key)!;

describe('coercing a cell', () => {
  it('rewrites what is unambiguous', () => {
    expect(coerceCell('１２', col('count'))).toEqual({ ok: true, value: 12 });
    expect(coerceCell('是', col('open'))).toEqual({ ok: true, value: true });
    expect(coerceCell('×', col('open'))).toEqual({ ok: true, value: false });
    expect(coerceCell('2026/11/2', col('when'))).toEqual({ ok: true, value: '2026-11-02' });
    expect(coerceCell('2026年11月2日', col('when'))).toEqual({ ok: true, value: '2026-11-02' });
    expect(coerceCell(new Date(Date.UTC(2026, 10, 2)), col('when'))).toEqual({ ok: true, value: '2026-11-02' });
    expect(coerceCell('123°59′07.8″', col('place.lon'))).toEqual({ ok: true, value: 123.9855 });
    expect(coerceCell('47度22分5.52秒', col('place.lat'))).toEqual({ ok: true, value: 47.3682 });
    expect(coerceCell('甲、乙；丙', col('kinds'))).toEqual({ ok: true, value: ['甲', '乙', '丙'] });
    expect(coerceCell('123.1,47.1；123.2,47.1；123.2,47.2', col('area'))).toEqual({
      ok: true,
      value: { type: 'Polygon', coordinates: [[[123.1, 47.1], [123.2, 47.1], [123.2, 47.2], [123.1, 47.1]]] },
    });
    expect(coerceCell(4520000305, col('title'))).toEqual({ ok: true, value: '4520000305' });
    // A date cell formatted 常规 shows Excel's day number: converted, with a note to check.
    expect(coerceCell(46328, col('when'))).toEqual({ ok: true, value: '2026-11-02', note: expect.stringContaining('Excel 日期序号 46328，已按 2026-11-02 导入') });
    expect(coerceCell('46328', col('when'))).toEqual({ ok: true, value: '2026-11-02', note: expect.stringContaining('Excel 日期序号 46328') });
    expect(coerceCell(' 2026-11-02\u3000', col('when'))).toEqual({ ok: true, value: '2026-11-02' });
  });
  it('refuses the rest, saying the form the column wants', () => {
    expect(coerceCell('90分钟', col('count'))).toEqual({ ok: false, reason: '“90分钟”应只填整数，不带单位或文字，如 30' });
    expect(coerceCell('也许', col('open'))).toEqual({ ok: false, reason: '“也许”应填“是”或“否”' });
    expect(coerceCell('东经123', col('place.lon'))).toMatchObject({ ok: false, reason: expect.stringContaining('十进制度') });
    expect(coerceCell(new Date(), col('title'))).toMatchObject({ ok: false, reason: expect.stringContaining('“文本”') });
    expect(coerceCell(4632, col('when'))).toMatchObject({ ok: false, reason: expect.stringContaining('不是 Excel 日期序号') });
    expect(coerceCell('123.1；47.1', col('area'))).toMatchObject({ ok: false, reason: expect.stringContaining('经度,纬度') });
    expect(coerceCell({ error: '单元格显示错误值 #N/A' }, col('title'))).toEqual({ ok: false, reason: '单元格显示错误值 #N/A' });
  });
});
