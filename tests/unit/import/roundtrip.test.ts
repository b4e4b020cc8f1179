/**
 * The round trip of issue 12 §5: the generated template, filled with the
 * sample data's rows as a clerk would fill it, imports back to records equal
 * to the sample data, and to YAML files identical to the ones on file. As
 * XLSX and as CSV (UTF-8 with a BOM, as Excel saves “CSV UTF-8”).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/load.ts';
import { runImport } from '../../../src/import/engine.ts';
import { cellsOf } from '../../../src/import/export.ts';
import { formatProblem } from '../../../src/import/problems.ts';
import { redSiteColumns } from '../../../src/import/red-sites/index.ts';
import { specColumns } from '../../../src/import/spec.ts';
import { readTable } from '../../../src/import/table.ts';
import { buildTemplate, TEMPLATE_ROWS } from '../../../src/import/template.ts';
import { recordYaml } from '../../../src/import/yaml-out.ts';
import { redSiteSchema } from '../../../src/schema/index.ts';
import { csvOf, dataset, redSpec, SAMPLE_DATA } from './support.ts';

let d: Dataset;
let filled: ExcelJS.Workbook;

/** The template as the command writes it, then each sample record typed into its columns by header. */
async function fillTemplate(): Promise<ExcelJS.Workbook> {
  const template = buildTemplate({ ...redSiteColumns, choices: { district: d.boundaries.features.map((f) => f.properties.name) } }, { example: d.redSites[0] });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await template.xlsx.writeBuffer());
  const ws = wb.worksheets[0]!;
  const set = specColumns(redSiteColumns);
  const header = new Map<string, number>();
  ws.getRow(TEMPLATE_ROWS.header).eachCell((cell, n) => header.set(String(cell.value), n));
  d.redSites.forEach((record, i) => {
    for (const [key, value] of cellsOf(set, record)) {
      const column = set.columns.find((c) => c.key === key)!;
      let n = header.get(column.label);
      // More designations than the template shows: the clerk adds the column, as §11.3 says.
      if (n === undefined) {
        n = ws.actualColumnCount + 1;
        ws.getCell(TEMPLATE_ROWS.header, n).value = column.label;
        header.set(column.label, n);
      }
      ws.getCell(TEMPLATE_ROWS.firstData + i, n).value = value;
    }
  });
  return wb;
}

/** Imports into a data directory that has no red sites yet. */
async function importBytes(bytes: Uint8Array) {
  const read = await readTable(bytes);
  expect(read.problems).toEqual([]);
  return runImport(await redSpec({ existing: [] }, SAMPLE_DATA), read.table!);
}

function expectSampleData(result: Awaited<ReturnType<typeof importBytes>>) {
  expect(result.problems.map(formatProblem)).toEqual([]);
  expect(result.records.map((r) => r.record)).toEqual(d.redSites);
  for (const { record } of result.records) {
    const file = readFileSync(path.join(SAMPLE_DATA, 'red/sites', `${record.id}.yaml`), 'utf8');
    const comment = file.startsWith('# ') ? file.slice(2, file.indexOf('\n')) : undefined;
    expect(recordYaml(redSiteSchema, record as never, comment), record.id).toBe(file);
  }
}

beforeAll(async () => {
  d = await dataset(SAMPLE_DATA);
  filled = await fillTemplate();
});

describe('template → sample rows → import', () => {
  it('gives back the sample data from XLSX', async () => {
    expect(d.redSites.length).toBeGreaterThan(20);
    expectSampleData(await importBytes(new Uint8Array(await filled.xlsx.writeBuffer())));
  });
  it('gives back the sample data from CSV UTF-8 with a BOM', async () => {
    const text = csvOf(filled.worksheets[0]!);
    expectSampleData(await importBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])));
  });
  it('notices a changed cell (the round trip is not vacuous)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await filled.xlsx.writeBuffer());
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('建议参观时长（分钟）');
    ws.getCell(TEMPLATE_ROWS.firstData, col).value = 31;
    const r = await importBytes(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.ok).toBe(true);
    expect(r.records.map((x) => x.record)).not.toEqual(d.redSites);
    expect(r.records[0]!.record.visitMinutes).toBe(31);
  });
});
