/**
 * One record as a one-row table, for the tools that write a single record
 * (`npm run new`, the editor's forms): the values by column key (or label)
 * become a header and one row, so a form goes through exactly the import's
 * coercion, privacy guard, schema and cross-record checks, and its problems
 * come back by field.
 */
import { cellText } from './cells.ts';
import type { Column } from './columns.ts';
import type { ImportProblem } from './problems.ts';
import { specColumns, type ColumnsSpec } from './spec.ts';
import type { Table } from './table.ts';

/** The row number the single row has: problems name it, messages for a form leave it out. */
export const FORM_ROW = 2;

/**
 * The table of one record. Every column the header must have is there (empty
 * when not given), so a missing required field is “必填，不能为空” at its field,
 * not a missing header.
 */
export function formTable(spec: ColumnsSpec, values: ReadonlyMap<string, string>, source = '表单'): Table {
  const required = specColumns(spec).columns.filter((c) => c.headerRequired).map((c) => c.key);
  const keys = [...new Set([...required, ...values.keys()])];
  return { source, rows: [{ row: 1, cells: keys }, { row: FORM_ROW, cells: keys.map((k) => values.get(k) ?? undefined) }] };
}

/** A problem as a form shows it: the field's label (and key), then the reason. */
export function formProblem(p: ImportProblem, columns: readonly Column[]): string {
  const column = columns.find((c) => c.key === p.field);
  const label = column?.label ?? (p.label && p.label !== p.field ? p.label : undefined);
  const where = label ? `${label}${p.field ? `（${p.field}）` : ''}` : (p.field ?? '');
  const tag = p.severity === 'error' ? '错误' : '提醒';
  // The engine names missing columns for a sheet; a form has every field.
  const reason = p.reason.replace(/（表中没有这一列，请增加“[^”]*”列）$/, '');
  return `${tag} ${where ? `${where}：` : ''}${reason}`;
}

/** A record's values as a form shows them (the export's cells, as text). */
export function formValues(cells: ReadonlyMap<string, string | number>): Map<string, string> {
  return new Map([...cells].map(([k, v]) => [k, cellText(v)]));
}
