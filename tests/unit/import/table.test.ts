import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/import/table.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function xlsx(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading a table', () => {
  it('reads CSV with quoted commas and line breaks as one row each, keeping spreadsheet row numbers', async () => {
    const { table } = await readTable(utf8('名称,简介\r\n"甲,乙","第一行\n第二行"\r\n\r\n丙,丁\r\n'));
    expect(table?.rows).toEqual([
      { row: 1, cells: ['名称', '简介'] },
      { row: 2, cells: ['甲,乙', '第一行\n第二行'] },
      { row: 4, cells: ['丙', '丁'] },
    ]);
    expect(table?.source).toBe('CSV（UTF-8）');
  });
  it('reads a GBK file as Excel on a Chinese Windows saves “CSV (逗号分隔)”', async () => {
    // 名称,区县 / 甲,建华区 in GBK.
    const gbk = Uint8Array.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc7, 0xf8, 0xcf, 0xd8, 0x0d, 0x0a, 0xbc, 0xd7, 0x2c, 0xbd, 0xa8, 0xbb, 0xaa, 0xc7, 0xf8, 0x0d, 0x0a]);
    const { table } = await readTable(gbk);
    expect(table).toEqual({ source: 'CSV（GB18030/GBK）', rows: [{ row: 1, cells: ['名称', '区县'] }, { row: 2, cells: ['甲', '建华区'] }] });
  });
  it('takes the delimiter the header uses (tab-separated text from Excel)', async () => {
    const { table } = await readTable(utf8('名称\t区县\n甲\t建华区\n'));
    expect(table?.rows[1]?.cells).toEqual(['甲', '建华区']);
  });
  it('reads the first sheet of an XLSX, or the one named', async () => {
    const bytes = await xlsx({ 封面: [['说明']], 数据: [['名称', '数量'], ['甲', 3]] });
    expect((await readTable(bytes)).table?.rows).toEqual([{ row: 1, cells: ['说明'] }]);
    const named = await readTable(bytes, { sheet: '数据' });
    expect(named.table).toEqual({ source: 'Excel 工作表“数据”', rows: [{ row: 1, cells: ['名称', '数量'] }, { row: 2, cells: ['甲', 3] }] });
  });
  it('says what is wrong with a file it cannot read', async () => {
    const bytes = await xlsx({ 数据: [['名称']] });
    expect((await readTable(bytes, { sheet: '其他' })).problems[0]?.reason).toBe('没有名为“其他”的工作表；文件中的工作表：数据');
    expect((await readTable(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).problems[0]?.reason).toContain('.xls');
    expect((await readTable(new Uint8Array())).problems[0]?.reason).toBe('文件是空的');
    expect((await readTable(Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]))).problems[0]?.reason).toContain('无法读取这个 Excel 文件');
    const unclosed = await readTable(utf8('名称,简介\n甲,"没有结束\n'));
    expect(unclosed.problems[0]).toMatchObject({ reason: expect.stringContaining('引号没有配对'), severity: 'error' });
    expect((await readTable(utf8('a,b'), { sheet: 'x' })).problems[0]?.reason).toContain('CSV 文件没有工作表');
  });
});
