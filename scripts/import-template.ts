/**
 * npm run import:template -- red-sites [--out 文件.xlsx]
 *
 * Writes the XLSX template of an import, from the same schema and labels the
 * import reads (src/import/template.ts): headers, a 填写说明 row, an example
 * row (the sample record that fills most columns) marked 示例, dropdowns for
 * enums, 是/否, districts (from the boundaries) and 坐标系.
 */
import { parseArgs } from 'node:util';
import { loadDataset, resolveDataDir } from '../src/data/load.ts';
import { cellsOf } from '../src/import/export.ts';
import { IMPORT_KINDS } from '../src/import/kinds.ts';
import { specColumns, type ColumnsSpec } from '../src/import/spec.ts';
import { buildTemplate } from '../src/import/template.ts';

const KINDS: Record<string, ColumnsSpec> = Object.fromEntries(IMPORT_KINDS.map((s) => [s.kind, s]));
const USAGE = `用法：npm run import:template -- <${Object.keys(KINDS).join('|')}> [--out 文件.xlsx]`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`, 2);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const kind = parsed.positionals[0];
if (parsed.positionals.length !== 1 || !kind || !(kind in KINDS)) fail(`请给出模板类型：${Object.keys(KINDS).join('、')}\n${USAGE}`, 2);
const spec = KINDS[kind]!;
const out = parsed.values.out ?? `${spec.title}导入模板.xlsx`;

// District names and the example come from the data; a template is still useful without them.
const { dataset } = await loadDataset(resolveDataDir());
if (!dataset) console.warn('提醒：现有数据未通过校验（npm run check），模板中没有区县下拉列表和示例行');
const set = specColumns(spec);
const example = dataset?.redSites.reduce<(typeof dataset.redSites)[number] | undefined>((best, r) => (!best || cellsOf(set, r).size > cellsOf(set, best).size ? r : best), undefined);
const wb = buildTemplate({ ...spec, choices: dataset ? { district: dataset.boundaries.features.map((f) => f.properties.name) } : {} }, { example });
await wb.xlsx.writeFile(out);
const columns = wb.worksheets[0]!.actualColumnCount;
console.log(`已生成 ${out}：${spec.title}，${columns} 列${example ? `，示例行取自 ${example.id}` : ''}。填写后运行 npm run import:red -- ${out}`);
