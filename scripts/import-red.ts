/**
 * npm run import:red -- <file.xlsx|file.csv> [--sheet 名称] [--dry-run] [--from-gcj02 | --from-bd09]
 *
 * Imports red sites (红色资源专项调查 results) from a spreadsheet into
 * data/red/sites/<id>.yaml, one file per row, only when every row passes:
 * the schema, the privacy guard, the red-site rules (src/import/red-sites)
 * and the loader's cross-record checks against the data on file. Any error
 * and nothing is written; the problems are listed as 第 N 行 X 列“列名”：原因.
 * After writing, the whole data directory is checked again with the loader
 * (what npm run check does); should that fail, the new files are removed.
 *
 * The template: npm run import:template -- red-sites. Columns and rules: docs/data-format.md §11.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inspectAttachments } from '../src/data/files.ts';
import { formatIssue, loadDataset, resolveDataDir } from '../src/data/load.ts';
import { runImport } from '../src/import/engine.ts';
import { formatProblem } from '../src/import/problems.ts';
import { redSiteImport } from '../src/import/red-sites/index.ts';
import { readTable } from '../src/import/table.ts';
import { recordYaml } from '../src/import/yaml-out.ts';
import type { DataIssue } from '../src/schema/index.ts';
import { redSiteSchema } from '../src/schema/index.ts';
import { removeFiles, writeAllOrNothing } from './lib/write-records.ts';

const USAGE = '用法：npm run import:red -- <文件.xlsx|文件.csv> [--sheet 工作表名] [--dry-run] [--from-gcj02 | --from-bd09]';
/** The comment the sample files carry: a sample record stays recognisable as one in its file. */
const SAMPLE_COMMENT = '示例数据（sample: true）：名称与史实须经党史、文旅部门审核后方可替换为正式数据。';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
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
  console.log(USAGE);
  process.exit(0);
}
if (args.positionals.length !== 1) fail(`请给出一个要导入的表格文件。\n${USAGE}`, 2);
if (args.values['from-gcj02'] && args.values['from-bd09']) fail('--from-gcj02 和 --from-bd09 只能选一个', 2);
const file = args.positionals[0]!;
const dryRun = args.values['dry-run'];
const from = args.values['from-gcj02'] ? 'gcj02' : args.values['from-bd09'] ? 'bd09' : undefined;

const dataDir = resolveDataDir();
const sitesDir = path.join(dataDir, 'red', 'sites');
const rel = (p: string) => {
  const r = path.relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
};

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

const existing = dataset.redSites.map((record) => ({ file: rel(path.join(sitesDir, `${record.id}.yaml`)), record }));
const spec = redSiteImport({
  boundaries: dataset.boundaries,
  existing,
  site: { file: rel(path.join(dataDir, 'site.yaml')), record: dataset.site },
  from,
  checkFiles: async (uses) => {
    const issues: DataIssue[] = [];
    await inspectAttachments(dataDir, uses, issues);
    return issues;
  },
});

const read = await readTable(bytes, { sheet: args.values.sheet });
if (!read.table) {
  for (const p of read.problems) console.error(formatProblem(p));
  fail(`未导入：无法读取 ${file}`);
}
const result = await runImport(spec, read.table);

const skipped = result.skipped.length > 0 ? `，跳过 ${result.skipped.length} 行（${result.skipped.map((s) => `第 ${s.row} 行${s.reason}`).join('，')}）` : '';
console.log(`读取 ${file}：${result.source}${result.header ? `，表头在第 ${result.header.row} 行，数据 ${result.rowCount} 行` : ''}${skipped}`);
for (const p of result.problems) console.log(formatProblem(p));
for (const n of result.notes) console.log(n);
const errors = result.problems.filter((p) => p.severity === 'error').length;
const warnings = result.problems.length - errors;
if (!result.ok) {
  const rows = new Set(result.problems.filter((p) => p.severity === 'error' && p.row !== undefined).map((p) => p.row));
  fail(`导入未完成：${errors} 个错误${rows.size > 0 ? `（涉及 ${rows.size} 行）` : ''}，${warnings} 个提醒；没有写入任何文件。请改正后重新导入。`);
}

const files = result.records.map(({ record }) => ({ name: `${record.id}.yaml`, text: recordYaml(redSiteSchema, record as never, record.sample ? SAMPLE_COMMENT : undefined) }));
const list = result.records.map(({ row, record }) => `  第 ${row} 行  ${record.id}  ${record.name}（${record.district}）`).join('\n');
if (dryRun) {
  console.log(`检查通过（试运行，未写入）：${files.length} 个红色资源点可以导入${warnings > 0 ? `，${warnings} 个提醒请核对` : ''}，将写入 ${rel(sitesDir)}/：\n${list}`);
  process.exit(0);
}

let written: string[];
try {
  written = await writeAllOrNothing(sitesDir, files);
} catch (e) {
  fail(`导入未完成：${(e as Error).message}`);
}
// What npm run check would say of the result; should it fail, the import is taken back.
const after = await loadDataset(dataDir);
if (!after.dataset) {
  await removeFiles(written);
  for (const i of after.issues.filter((x) => x.severity === 'error')) console.error(formatIssue(i));
  fail('导入后的数据未通过校验，已撤回本次写入的全部文件（这是程序的疏漏，请把以上信息报告给维护人员）');
}
console.log(`已导入 ${written.length} 个红色资源点，写入 ${rel(sitesDir)}/${warnings > 0 ? `（${warnings} 个提醒请核对）` : ''}：\n${list}\n数据校验通过（npm run check）。`);
