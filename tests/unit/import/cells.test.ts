import { describe, expect, it } from 'vitest';
import { cellText, columnLetter, fromExcel } from '../../../src/import/cells.ts';

describe('cells', () => {
  it('numbers columns as Excel letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
  it('reads exceljs values: rich text, hyperlinks, dates', () => {
    expect(fromExcel({ richText: [{ text: '江桥' }, { text: '抗战' }] })).toBe('江桥抗战');
    expect(fromExcel({ text: '预约', hyperlink: 'https://example.gov.cn/' })).toBe('预约');
    expect(fromExcel({ text: '', hyperlink: 'https://example.gov.cn/' })).toBe('https://example.gov.cn/');
    const d = new Date(Date.UTC(2026, 10, 2));
    expect(fromExcel(d)).toBe(d);
    expect(cellText(d)).toBe('2026-11-02');
  });
  it('turns empty cells, missing results and error values into nothing or an error to act on', () => {
    expect(fromExcel(null)).toBeUndefined();
    expect(fromExcel('')).toBeUndefined();
    // A formula is refused even with a cached result: what is published is a value the clerk sees and typed.
    expect(fromExcel({ formula: 'A1+1', result: 3 })).toEqual({ error: '单元格是公式（=A1+1），只能导入数值：请复制这些单元格，再“选择性粘贴 → 数值”后重新导入（公式现在的结果为“3”）' });
    expect(fromExcel({ sharedFormula: 'B2', result: '甲' })).toEqual({ error: expect.stringContaining('（=B2）') });
    expect(fromExcel({ formula: 'A1' })).toEqual({ error: expect.stringContaining('公式没有计算结果') });
    expect(fromExcel({ error: '#N/A' })).toEqual({ error: expect.stringContaining('#N/A') });
    expect(cellText({ error: '#N/A' })).toBe('');
  });
});
