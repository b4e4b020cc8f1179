/**
 * npm run new -- <kind> [--set 列名=值 …] [--no-input] [--dry-run]
 *
 * Writes one new record: asks for its fields (prompts from @inquirer/prompts:
 * a list for choices, 是/否, text checked as it is typed), or takes them from
 * --set (column key or Chinese label, as in the import template). The record
 * is then checked exactly as an imported row is (schema, privacy guard,
 * cross-record checks against the data on file: scripts/lib/import-records.ts)
 * and written as data/<folder>/<id>.yaml only when it passes; the command
 * says where. Interactively, a field the check refuses is asked again with
 * the reason; with --no-input (or without a terminal) the problems are
 * printed and nothing is written.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, loadDataset, resolveDataDir } from '../src/data/load.ts';
import { coerceCell } from '../src/import/coerce.ts';
import type { Column } from '../src/import/columns.ts';
import { normalizeHeader } from '../src/import/header.ts';
import { choicesOf, kindNamed, RECORD_KINDS } from '../src/import/kinds.ts';
import { describeColumn } from '../src/import/messages.ts';
import { formProblem, formTable } from '../src/import/one-record.ts';
import { specColumns } from '../src/import/spec.ts';
import { importRows } from './lib/import-records.ts';

const KIND_LIST = RECORD_KINDS.map((k) => `${k.kind}（${k.title}）`).join('、');
const USAGE = `用法：npm run new -- <${RECORD_KINDS.map((k) => k.kind).join('|')}> [--set 列名=值 …] [--no-input] [--dry-run]`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      set: { type: 'string', multiple: true, default: [] },
      'no-input': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
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
  console.log(`${USAGE}\n类型：${KIND_LIST}\n--set 的列名与导入模板相同（中文列名或字段名），如 --set 标题=… --set party.type=自然人`);
  process.exit(0);
}
const kind = args.positionals.length === 1 ? kindNamed(args.positionals[0]!) : undefined;
if (!kind) fail(`${args.positionals.length === 0 ? '请给出记录类型' : `不认识的记录类型“${args.positionals.join(' ')}”`}；可用：${KIND_LIST}\n${USAGE}`, 2);
const interactive = !args.values['no-input'] && process.stdin.isTTY === true && process.stdout.isTTY === true;

const dataDir = resolveDataDir();
const rel = (p: string) => path.relative(process.cwd(), p) || p;
const { dataset, issues } = await loadDataset(dataDir);
if (!dataset) {
  for (const i of issues.filter((x) => x.severity === 'error')) console.error(formatIssue(i));
  fail(`现有数据未通过校验（${rel(dataDir)}）：请先运行 npm run check 改正上面的错误`);
}

const columns = specColumns(kind).columns;
// Districts are a choice too (the template's dropdown); 全市 for what concerns the whole city.
const choices: Readonly<Record<string, readonly string[]>> = choicesOf(kind, dataset) ?? {};
const values = new Map<string, string>();
for (const pair of args.values.set) {
  const eq = pair.indexOf('=');
  if (eq <= 0) fail(`--set 应写作 列名=值，不是“${pair}”`, 2);
  const name = normalizeHeader(pair.slice(0, eq));
  const column = columns.find((c) => [c.key, c.label, ...c.aliases].some((n) => normalizeHeader(n) === name));
  if (!column) fail(`不认识的列名“${pair.slice(0, eq)}”：列名与导入模板相同，见 docs/data-format.md §11（${kind.kind}）`, 2);
  values.set(column.key, pair.slice(eq + 1));
}

/** Loaded only when there is someone to ask. */
const prompts = () => import('@inquirer/prompts');

/** Asks for one column; returns the text typed ('' for none). */
async function ask(column: Column, current: string | undefined, reason?: string): Promise<string> {
  const { input, select } = await prompts();
  const hint = describeColumn(column, choices[column.key]);
  const message = `${column.label}${reason ? `（${reason}）` : ''}`;
  const fallback = kind!.defaults?.[column.key];
  const none = '（不填）';
  if (column.kind === 'enum' || column.kind === 'boolean' || (choices[column.key] && !column.list)) {
    const options: readonly string[] = column.kind === 'boolean' ? ['是', '否'] : (column.values ?? choices[column.key] ?? []);
    const items = [...(column.headerRequired && fallback === undefined ? [] : [{ name: fallback === undefined ? none : `${none}（即 ${String(fallback)}）`, value: '' }]), ...options.map((v) => ({ name: v, value: v }))];
    return select({ message, choices: items, default: current ?? (fallback === undefined ? undefined : String(fallback)) });
  }
  return input({
    message: `${message}（${hint}${column.help ? `；${column.help}` : ''}）`,
    default: current,
    validate: (text) => {
      // Required where the record itself needs it; inside an optional object (当事人, 位置) the check after says what the object lacks.
      if (text.trim() === '') return column.headerRequired && !(kind!.generated ?? []).includes(column.key) ? '必填，不能为空' : true;
      const r = coerceCell(text, column);
      return r.ok ? true : r.reason;
    },
  });
}

/** Asks for every field not given: groups (附件1, 附件2 …) one by one while the editor wants more. */
async function askAll(): Promise<void> {
  const seenGroups = new Set<string>();
  for (const column of columns) {
    if (values.has(column.key)) continue;
    if (column.group) {
      const g = column.group;
      if (seenGroups.has(`${g.key}.${g.index}`)) continue;
      seenGroups.add(`${g.key}.${g.index}`);
      if (g.index > 1 && !seenGroups.has(`${g.key}.${g.index - 1}:filled`)) continue;
      const groupLabel = column.label.replace(/\d+.*$/, '');
      if (!(await (await prompts()).confirm({ message: `添加${groupLabel}${g.index}？`, default: false }))) continue;
      seenGroups.add(`${g.key}.${g.index}:filled`);
      for (const c of columns.filter((x) => x.group?.key === g.key && x.group.index === g.index)) {
        const v = await ask(c, undefined);
        if (v !== '') values.set(c.key, v);
      }
      continue;
    }
    const v = await ask(column, undefined);
    if (v !== '') values.set(column.key, v);
  }
}

if (interactive) {
  console.log(`新建${kind.title}：逐项填写，选填项直接回车跳过。写入前按 npm run check 的规则检查，不通过不写入。`);
  await askAll();
}

for (;;) {
  const outcome = await importRows(kind, formTable(kind, values, `新建${kind.title}`), { dataDir, dataset, dryRun: args.values['dry-run'] });
  const { result } = outcome;
  for (const p of result.problems) console.log(formProblem(p, columns));
  if (outcome.writeError) fail(`未写入：${outcome.writeError}`);
  if (outcome.afterIssues) {
    for (const i of outcome.afterIssues) console.error(formatIssue(i));
    fail('写入后的数据未通过校验，已撤回（这是程序的疏漏，请把以上信息报告给维护人员）');
  }
  if (result.ok) {
    const record = result.records[0]!.record;
    const file = path.join(dataDir, kind.dir, `${record.id}.yaml`);
    if (args.values['dry-run']) console.log(`检查通过（试运行，未写入）：将写入 ${rel(file)}`);
    else console.log(`已写入 ${rel(file)}（页面地址 ${kind.pagePath(record)}）。数据校验通过；npm run preview 预览，npm run publish 发布。`);
    process.exit(0);
  }
  const refused = result.problems.filter((p) => p.severity === 'error');
  const fields = refused.flatMap((p) => {
    const c = columns.find((x) => x.key === p.field);
    return c ? [{ c, reason: p.reason }] : [];
  });
  if (!interactive || fields.length === 0) fail(`未写入：${refused.length} 个错误。请改正后重新运行${interactive ? '' : '（用 --set 列名=值 给出或改正字段）'}。`);
  console.log('请改正以上字段：');
  for (const { c, reason } of fields) {
    const v = await ask(c, values.get(c.key), reason.replace(/（表中没有这一列，请增加“[^”]*”列）$/, ''));
    if (v === '') values.delete(c.key);
    else values.set(c.key, v);
  }
}
