import { describe, expect, it } from 'vitest';
import { cellText, columnLetter, fromExcel } from '../../../src/import/cells.ts';

describe('cells', () => {
  it('numbers columns as Excel letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
  it('reads exceljs values: rich text, formula results, hyperlinks, dates', () => {
    expect(fromExcel({ richText: [{ text: '江桥' }, { text: '抗战' }] })).toBe('江桥抗战');
    expect(fromExcel({ formula: 'A1+1', result: 3 })).toBe(3);
    expect(fromExcel({ text: '预约', hyperlink: 'https://example.gov.cn/' })).toBe('预约');
    expect(fromExcel({ text: '', hyperlink: 'https://example.gov.cn/' })).toBe('https://example.gov.cn/');
    const d = new Date(Date.UTC(2026, 10, 2));
    expect(fromExcel(d)).toBe(d);
    expect(cellText(d)).toBe('2026-11-02');
  });
  it('turns empty cells, missing results and error values into nothing or an error to act on', () => {
    expect(fromExcel(null)).toBeUndefined();
    expect(fromExcel('')).toBeUndefined();
    expect(fromExcel({ formula: 'A1' })).toEqual({ error: expect.stringContaining('粘贴为数值') });
    expect(fromExcel({ error: '#N/A' })).toEqual({ error: expect.stringContaining('#N/A') });
    expect(cellText({ error: '#N/A' })).toBe('');
  });
});
