import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/import/engine.ts';
import { redSiteColumns } from '../../../src/import/red-sites/index.ts';
import { readTable } from '../../../src/import/table.ts';
import { buildTemplate, TEMPLATE_ROWS } from '../../../src/import/template.ts';
import { dataset, redSpec, tinySpec } from './support.ts';

async function reopen(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describe('the XLSX template', () => {
  it('has the labels, a 填写说明 row, an example row marked 示例, notes and dropdowns', async () => {
    const d = await dataset();
    const wb = await reopen(buildTemplate({ ...redSiteColumns, choices: { district: d.boundaries.features.map((f) => f.properties.name) } }, { example: d.redSites[0] }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['红色资源点', '可选值', '说明']);
    const ws = wb.worksheets[0]!;
    const header = rowValues(ws, TEMPLATE_ROWS.header) as string[];
    expect(header.slice(0, 4)).toEqual(['备注', '标识（id）', '名称', '类别']);
    expect(header).toContain('称号2级别');
    // 坐标系 sits right after 纬度.
    expect(header[header.indexOf('纬度') + 1]).toBe('坐标系');
    const col = (label: string) => header.indexOf(label) + 1;
    expect(ws.getCell(TEMPLATE_ROWS.help, 1).value).toBe('填写说明');
    expect(ws.getCell(TEMPLATE_ROWS.help, col('名称')).value).toMatch(/^必填；文字/);
    expect(ws.getCell(TEMPLATE_ROWS.example, 1).value).toBe('示例');
    expect(ws.getCell(TEMPLATE_ROWS.example, col('名称')).value).toBe(d.redSites[0]!.name);
    expect(String(ws.getCell(TEMPLATE_ROWS.header, col('散客需预约')).note)).toContain('字段：booking.individualsNeedBooking');
    const district = ws.getCell(TEMPLATE_ROWS.firstData + 10, col('所在区县')).dataValidation;
    expect(district).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'可选值'!\$[A-Z]+\$2:\$[A-Z]+\$17$/)] });
    expect(ws.getCell(TEMPLATE_ROWS.firstData, col('散客需预约')).dataValidation?.type).toBe('list');
    // A list column takes several values: no dropdown that would refuse them.
    expect(ws.getCell(TEMPLATE_ROWS.firstData, col('类别')).dataValidation).toBeUndefined();
    const lists = wb.getWorksheet('可选值')!;
    expect(rowValues(lists, 1)).toContain('所在区县');
  });

  it('imports as a sheet with no data: the 填写说明 and 示例 rows are skipped', async () => {
    const d = await dataset();
    const bytes = new Uint8Array(await buildTemplate(redSiteColumns, { example: d.redSites[0] }).xlsx.writeBuffer());
    const { table } = await readTable(bytes);
    const r = await runImport(await redSpec(), table!);
    expect(r.skipped).toEqual([{ row: 2, reason: '标为“填写说明”' }, { row: 3, reason: '标为“示例”' }]);
    expect(r.problems.map((p) => p.reason)).toEqual(['表中没有可导入的数据行（表头在第 1 行）']);
  });

  it('works for any schema: the engine’s own has groups, a point and no example', async () => {
    const wb = await reopen(buildTemplate(tinySpec()));
    const header = rowValues(wb.worksheets[0]!, 1);
    expect(header).toEqual(expect.arrayContaining(['备注', '编码', '经度', '纬度', '项目1名称', '项目2级别']));
    expect(wb.worksheets[0]!.getCell(TEMPLATE_ROWS.example, 1).value).toBeNull();
  });
});
