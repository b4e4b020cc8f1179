/**
 * Shared pieces of the import tests: a small schema of the engine's own
 * (every kind of field the walker knows), tables written by hand, and the
 * minimal fixture's data, loaded once per test file.
 */
import path from 'node:path';
import { z } from 'zod';
import { loadDataset, type Dataset } from '../../../src/data/load.ts';
import type { ImportSpec } from '../../../src/import/engine.ts';
import type { Table } from '../../../src/import/table.ts';
import { isoDate, nonEmptyText, pointGeometry, polygonGeometry, recordId } from '../../../src/schema/index.ts';
import { FIXTURE, ROOT } from '../data/fixture-copies.ts';

export { FIXTURE, ROOT };
export const SAMPLE_DATA = path.join(ROOT, 'data');

/** Every shape the column walk handles, in one record type. */
export const tinySchema = z.strictObject({
  code: recordId,
  title: nonEmptyText,
  kinds: z.array(z.enum(['甲', '乙', '丙'])).min(1, '至少选一种'),
  count: z.number().int().min(1).max(99),
  ratio: z.number().optional(),
  open: z.boolean(),
  when: isoDate,
  place: pointGeometry,
  area: polygonGeometry.optional(),
  rules: z.strictObject({ need: z.boolean(), note: z.string().optional() }),
  contact: z.strictObject({ unit: nonEmptyText, phone: z.string().optional() }).optional(),
  items: z.array(z.strictObject({ name: nonEmptyText, level: z.enum(['高', '低']) })).default([]),
  extra: z.union([z.string(), z.number()]).optional(),
  flag: z.boolean().default(false),
});
export type Tiny = z.infer<typeof tinySchema>;

export const tinyLabels = {
  code: { label: '编码' },
  title: { label: '标题', aliases: ['名称'] },
  kinds: { label: '种类' },
  count: { label: '数量' },
  open: { label: '开放' },
  when: { label: '日期' },
  'place.lon': { label: '经度' },
  'place.lat': { label: '纬度' },
  rules: { label: '规则' },
  'rules.need': { label: '需要' },
  items: { label: '项目' },
  'items.name': { label: '名称' },
  'items.level': { label: '级别' },
};

export function tinySpec(overrides: Partial<ImportSpec<Tiny>> = {}): ImportSpec<Tiny> {
  return {
    kind: 'tiny',
    title: '测试',
    schema: tinySchema,
    labels: tinyLabels,
    extras: [{ key: 'note', label: '备注', help: '不导入', skipRowsMarked: ['示例', '填写说明'] }],
    ...overrides,
  };
}

/** A table from rows of cells; row numbers from 1. */
export const tableOf = (rows: unknown[][]): Table => ({
  source: '测试表',
  rows: rows.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' || c === null ? undefined : c)) as never })),
});

export const TINY_HEADER = ['编码', '标题', '种类', '数量', '开放', '日期', '经度', '纬度', '需要'];
export const tinyRow = (overrides: Record<number, unknown> = {}): unknown[] => {
  const row: unknown[] = ['a-1', '第一', '甲、乙', 3, '是', '2026-11-02', 123.95, 47.31, '否'];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v;
  return row;
};

const cache = new Map<string, Promise<Dataset>>();
/** A data directory's dataset (it must be valid), loaded once per test file. */
export function dataset(dir: string = FIXTURE): Promise<Dataset> {
  let p = cache.get(dir);
  if (!p) {
    p = loadDataset(dir).then(({ dataset: d, issues }) => {
      if (!d) throw new Error(`${dir} does not load: ${issues.map((i) => `${i.file}: ${i.field}: ${i.reason}`).join('\n')}`);
      return d;
    });
    cache.set(dir, p);
  }
  return p;
}

import { redSiteImport, redSiteColumns, type RedSiteImportOptions } from '../../../src/import/red-sites/index.ts';
import { specColumns } from '../../../src/import/spec.ts';
import type { ImportSpec as Spec } from '../../../src/import/engine.ts';
import type { RedSite } from '../../../src/schema/index.ts';

/**
 * A red-site row that passes, by column key, in the minimal fixture's 龙沙区.
 * The one place to change when the red-site schema changes.
 */
export const RED_ROW: Readonly<Record<string, unknown>> = {
  name: '示例烈士纪念碑（导入测试）',
  categories: '烈士纪念设施',
  district: '龙沙区',
  address: '龙沙区示例路2号',
  'location.lon': 123.95,
  'location.lat': 47.3152,
  summary: '导入测试用的示例资源点。',
  history: '导入测试用的历史沿革第一段。\n\n第二段。',
  managingUnit: '示例管理处',
  'hours.spec': 'Mo-Su 00:00-24:00',
  'admission.free': '是',
  'booking.individualsNeedBooking': '否',
  visitMinutes: 30,
  schoolStages: '小学、初中、高中',
  updated: '2026-11-02',
  sample: '是',
};

/** A red-site sheet: the header is the template's labels of the keys used, in the template's order; `crs` is the 坐标系 column. */
export function redSheet(rows: Record<string, unknown>[], spec: { schema: unknown; labels: unknown } & Parameters<typeof specColumns>[0] = redSiteColumns): Table {
  const columns = specColumns(spec).columns;
  const used = new Set(rows.flatMap((r) => Object.keys(r)));
  const keys = [...columns.filter((c) => used.has(c.key)).map((c) => c.key), ...(used.has('crs') ? ['crs'] : [])];
  const label = (k: string) => (k === 'crs' ? '坐标系' : columns.find((c) => c.key === k)!.label);
  return tableOf([keys.map(label), ...rows.map((r) => keys.map((k) => r[k] ?? ''))]);
}

/** The red-site import against a data directory's boundaries, site and red sites. */
export async function redSpec(options: Partial<RedSiteImportOptions> = {}, dir: string = FIXTURE): Promise<Spec<RedSite>> {
  const d = await dataset(dir);
  return redSiteImport({
    boundaries: d.boundaries,
    existing: d.redSites.map((record) => ({ file: `red/sites/${record.id}.yaml`, record })),
    site: { file: 'site.yaml', record: d.site },
    ...options,
  });
}

import ExcelJS from 'exceljs';

/** A table as XLSX bytes (the first sheet), the way a clerk's file arrives. */
export async function xlsxOf(table: Table, sheet = '红色资源点'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of table.rows) ws.getRow(r.row).values = r.cells as ExcelJS.CellValue[];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A worksheet as CSV text, every cell quoted (what “另存为 CSV” gives, near enough). */
export function csvOf(ws: ExcelJS.Worksheet): string {
  const lines: string[] = [];
  for (let r = 1; r <= ws.actualRowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= ws.actualColumnCount; c++) {
      const v = ws.getCell(r, c).value;
      cells.push(`"${(v === null || v === undefined ? '' : String(v)).replace(/"/g, '""')}"`);
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
