/**
 * npm run import -- <kind> <file.xlsx|file.csv> [--sheet 名称] [--dry-run] [--from-gcj02 | --from-bd09]
 * npm run import -- --template <kind> [--out 文件.xlsx]
 *
 * Imports records of one kind (src/import/kinds.ts: enforcement, officers,
 * planning, land, mining, surveying, red-sites, red-routes, land-price, zoning) from a
 * spreadsheet into data/<folder>/<id>.yaml, one file per row, only when every
 * row passes: the schema, the privacy guard, the kind's rules and the
 * loader's cross-record checks against the data on file (duplicate 文号 in
 * the sheet or on file included). Any error and nothing is written; every
 * problem is listed as 第 N 行 X 列“列名”：原因. After writing, the whole data
 * directory is checked again (what npm run check does); should that fail, the
 * new files are removed (scripts/lib/import-records.ts).
 *
 * --template writes the XLSX template of a kind from the same schema and
 * labels (src/import/template.ts): Chinese headers with a note each, a 填写说明
 * row, an example row from the data on file marked 示例, dropdowns, a 说明 sheet.
 * Columns and rules: docs/data-format.md §11.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, loadDataset, resolveDataDir } from '../src/data/load.ts';
import { cellsOf } from '../src/import/export.ts';
import { choicesOf, kindNamed, RECORD_KINDS } from '../src/import/kinds.ts';
import { formatProblem } from '../src/import/problems.ts';
import { specColumns } from '../src/import/spec.ts';
import { readTable } from '../src/import/table.ts';
import { buildTemplate } from '../src/import/template.ts';
import { importRows } from './lib/import-records.ts';

const NAMES = RECORD_KINDS.map((k) => k.kind).join('|');
const USAGE = `用法：npm run import -- <${NAMES}> <文件.xlsx|文件.csv> [--sheet 工作表名] [--dry-run] [--from-gcj02 | --from-bd09]
      npm run import -- --template <${NAMES}> [--out 文件.xlsx]`;
const KIND_LIST = RECORD_KINDS.map((k) => `${k.kind}（${k.title}）`).join('、');

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      template: { type: 'boolean', default: false },
      out: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'from-gcj02': { type: 'boolean', default: false },
      'from-bd09': { type: 'boolean', default: false },
      sheet: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  args = parse();
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`, 2);
}
if (args.values.help) {
  console.log(`${USAGE}\n类型：${KIND_LIST}`);
  process.exit(0);
}
const kindName = args.positionals[0];
const kind = kindName === undefined ? undefined : kindNamed(kindName);
if (!kind) fail(`${kindName === undefined ? '请给出记录类型' : `不认识的记录类型“${kindName}”`}；可用：${KIND_LIST}\n${USAGE}`, 2);

const dataDir = resolveDataDir();
const rel = (p: string) => {
  const r = path.relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
};

if (args.values.template) {
  if (args.positionals.length !== 1) fail(`--template 只需要记录类型。\n${USAGE}`, 2);
  const out = args.values.out ?? `${kind.title}导入模板.xlsx`;
  // District names and the example come from the data; a template is still useful without them.
  const { dataset } = await loadDataset(dataDir);
  if (!dataset) console.warn('提醒：现有数据未通过校验（npm run check），模板中没有区县下拉列表和示例行');
  const set = specColumns(kind);
  const example = dataset ? kind.records(dataset).reduce<Record<string, unknown> | undefined>((best, r) => (!best || cellsOf(set, r).size > cellsOf(set, best).size ? r : best), undefined) : undefined;
  const wb = buildTemplate({ ...kind, choices: choicesOf(kind, dataset) }, { example });
  await wb.xlsx.writeFile(out);
  const columns = wb.worksheets[0]!.actualColumnCount;
  console.log(`已生成 ${out}：${kind.title}，${columns} 列${example ? `，示例行取自 ${String(example['id'])}` : ''}。填写后运行 npm run import -- ${kind.kind} ${out}`);
  process.exit(0);
}

if (args.positionals.length !== 2) fail(`请给出记录类型和一个要导入的表格文件。\n${USAGE}`, 2);
if (args.values['from-gcj02'] && args.values['from-bd09']) fail('--from-gcj02 和 --from-bd09 只能选一个', 2);
if ((args.values['from-gcj02'] || args.values['from-bd09']) && kind.kind !== 'red-sites') fail('--from-gcj02 / --from-bd09 只用于红色资源点（red-sites）', 2);
const file = args.positionals[1]!;
const dryRun = args.values['dry-run'];
const from = args.values['from-gcj02'] ? 'gcj02' : args.values['from-bd09'] ? 'bd09' : undefined;
const targetDir = path.join(dataDir, kind.dir);

let bytes: Uint8Array;
try {
  bytes = await readFile(file);
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  fail(code === 'ENOENT' ? `找不到文件 ${file}` : `无法读取 ${file}（${code ?? (e as Error).message}）`);
}

// The data on file must be valid first: the import is checked against it, and must leave it valid.
const { dataset, issues: dataIssues } = await loadDataset(dataDir);
if (!dataset) {
  for (const i of dataIssues.filter((x) => x.severity === 'error')) console.error(formatIssue(i));
  fail(`现有数据未通过校验（${rel(dataDir)}）：请先运行 npm run check 改正上面的错误，再导入`);
}

const read = await readTable(bytes, { sheet: args.values.sheet });
if (!read.table) {
  for (const p of read.problems) console.error(formatProblem(p));
  fail(`未导入：无法读取 ${file}`);
}
const outcome = await importRows(kind, read.table, { dataDir, dataset, dryRun, from });
const { result } = outcome;

const skipped = result.skipped.length > 0 ? `，跳过 ${result.skipped.length} 行（${result.skipped.slice(0, 20).map((s) => `第 ${s.row} 行${s.reason}`).join('，')}${result.skipped.length > 20 ? '……' : ''}）` : '';
console.log(`读取 ${file}：${result.source}${result.header ? `，表头在第 ${result.header.row} 行，数据 ${result.rowCount} 行` : ''}${skipped}`);
for (const p of result.problems) console.log(formatProblem(p));
for (const n of result.notes) console.log(n);
const errors = result.problems.filter((p) => p.severity === 'error').length;
const warnings = result.problems.length - errors;
if (outcome.writeError) fail(`导入未完成：${outcome.writeError}`);
if (outcome.afterIssues) {
  for (const i of outcome.afterIssues) console.error(formatIssue(i));
  fail('导入后的数据未通过校验，已撤回本次写入的全部文件（这是程序的疏漏，请把以上信息报告给维护人员）');
}
if (!result.ok) {
  const rows = new Set(result.problems.filter((p) => p.severity === 'error' && p.row !== undefined).map((p) => p.row));
  fail(`导入未完成：${errors} 个错误${rows.size > 0 ? `（涉及 ${rows.size} 行）` : ''}，${warnings} 个提醒；没有写入任何文件。请改正后重新导入。`);
}
const listed = result.records.slice(0, 50).map(({ row, record }) => `  第 ${row} 行  ${record.id}  ${kind.caption(record)}`);
const list = [...listed, ...(result.records.length > 50 ? [`  ……共 ${result.records.length} 条`] : [])].join('\n');
if (dryRun) {
  console.log(`检查通过（试运行，未写入）：${result.records.length} 条${kind.title}可以导入${warnings > 0 ? `，${warnings} 个提醒请核对` : ''}，将写入 ${rel(targetDir)}/：\n${list}`);
  process.exit(0);
}
console.log(`已导入 ${outcome.written.length} 条${kind.title}，写入 ${rel(targetDir)}/${warnings > 0 ? `（${warnings} 个提醒请核对）` : ''}：\n${list}\n数据校验通过（npm run check）。`);
