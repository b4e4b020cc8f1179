/**
 * npm run bench:import [-- --rows 5000]: the import of a spreadsheet of
 * enforcement decisions (a year's 台账), end to end as a clerk runs it.
 *
 * Generates an XLSX of N 事后公开 decisions from the import template's own
 * headers (文号 unique, districts and locations of the sample records, dates
 * as Excel dates, a third natural persons masked 张某), copies data/ to a
 * temporary directory and times `npm run import -- enforcement <file>` there:
 * start, the load and check of the data on file, reading the sheet, every row
 * through the schema, the privacy guard and the cross-record checks, writing
 * N files all-or-nothing and the full check afterwards. Then the same sheet
 * in-process, split into reading and validating. Prints the figures; asserts
 * nothing (goal: at most 10 s for 5,000 rows).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { loadDataset } from '../src/data/load.ts';
import { runImport } from '../src/import/engine.ts';
import { kindNamed } from '../src/import/kinds.ts';
import { specColumns } from '../src/import/spec.ts';
import { readTable } from '../src/import/table.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000' } } });
const N = Number(values.rows);
const ROOT = path.resolve(import.meta.dirname, '..');
const kind = kindNamed('enforcement')!;
const columns = specColumns(kind).columns;
const label = (key: string) => columns.find((c) => c.key === key)!.label;

// Places where the sample records are: each point lies in its district.
const PLACES: [string, number, number][] = [
  ['建华区', 124.05, 47.42],
  ['龙沙区', 123.93, 47.31],
  ['富拉尔基区', 123.62, 47.22],
  ['碾子山区', 122.95, 47.56],
  ['龙江县', 123.3, 47.25],
  ['依安县', 125.31, 47.88],
  ['富裕县', 124.4, 47.7],
];
const CATEGORIES = ['行政处罚', '行政检查', '行政许可', '行政强制'] as const;

const work = mkdtempSync(path.join(tmpdir(), 'geoportal-bench-import-'));
try {
  const dataDir = path.join(work, 'data');
  cpSync(path.join(ROOT, 'data'), dataDir, { recursive: true });
  const keys = ['category', 'title', 'docNo', 'district', 'publishDate', 'decisionDate', 'authority', 'party.type', 'party.name', 'party.creditCode', 'violationType', 'facts', 'basis', 'result', 'fineYuan', 'location.lon', 'location.lat', 'sample'];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('执法决定');
  ws.addRow(keys.map(label));
  for (let i = 0; i < N; i++) {
    const [district, lon, lat] = PLACES[i % PLACES.length]!;
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const person = i % 3 === 0;
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 10);
    ws.addRow([
      category,
      `示例${category}决定第 ${i + 1} 号（基准测试）`,
      `齐自然资${category.slice(2)}〔2026〕${10000 + i}号`,
      district,
      `2026-${String(month).padStart(2, '0')}-${String(Math.min(day + 2, 28)).padStart(2, '0')}`,
      new Date(Date.UTC(2026, month - 1, day)),
      '齐齐哈尔市自然资源和规划局',
      person ? '自然人' : '法人或其他组织',
      person ? '张某' : `齐齐哈尔示例第${i + 1}有限公司`,
      person ? null : '91230203MA1BX6Q414',
      '非法占用土地',
      '当事人未经批准占用集体土地建设仓储用房（示例）。',
      '《中华人民共和国土地管理法》第七十七条',
      category === '行政处罚' ? '责令退还非法占用的土地，并处罚款' : '未发现违法行为',
      category === '行政处罚' ? 1000 + (i % 97) * 100 : null,
      lon,
      lat,
      '是',
    ]);
  }
  const sheet = path.join(work, `执法台账-${N}.xlsx`);
  await wb.xlsx.writeFile(sheet);
  console.log(`表格：${N} 行 ${keys.length} 列（${path.basename(sheet)}）；数据目录：data/ 的副本`);

  // End to end, as a clerk runs it.
  const t0 = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'import.ts'), 'enforcement', sheet], { cwd: ROOT, env: { ...process.env, GEOPORTAL_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b));
    child.on('close', (c) => {
      const lines = out.trim().split('\n');
      console.log(lines.filter((l) => /^(读取|已导入|数据校验|错误)/.test(l)).slice(0, 5).join('\n'));
      resolve(c);
    });
  });
  const total = (performance.now() - t0) / 1000;
  const written = readdirSync(path.join(dataDir, 'enforcement')).length;
  if (code !== 0) throw new Error(`import exited ${code}`);

  // In-process, on the data before the import (a fresh copy), without writing.
  const fresh = path.join(work, 'fresh');
  cpSync(path.join(ROOT, 'data'), fresh, { recursive: true });
  const { dataset } = await loadDataset(fresh);
  const bytes = new Uint8Array(await readFile(sheet));
  const r0 = performance.now();
  const read = await readTable(bytes);
  const r1 = performance.now();
  const result = await runImport(kind.importSpec({ dataset: dataset! }), read.table!);
  const r2 = performance.now();
  if (!result.ok) throw new Error('in-process import failed');

  const lines = [
    `npm run import -- enforcement（${N} 行，端到端：启动、校验现有数据、读表、逐行检查、写入 ${N} 个文件、写入后全量校验）：${total.toFixed(2)} s（目标 ≤ 10 s）；目录中现有 ${written} 个文件`,
    `  其中读表（exceljs）：${((r1 - r0) / 1000).toFixed(2)} s；逐行检查与跨记录检查：${((r2 - r1) / 1000).toFixed(2)} s（进程内，不写入）`,
  ];
  console.log(lines.join('\n'));
  writeFileSync(path.join(work, 'result.txt'), lines.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
