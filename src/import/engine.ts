/**
 * The schema-driven import: a table (table.ts) and an import spec (a record
 * schema, its labels, and the rules of its record type) → records, or every
 * problem with its row and column.
 *
 * Per row: cells are coerced by column kind (coerce.ts) into a raw record;
 * the spec's rules may prepare the rows (ids, coordinate systems); the
 * privacy guard reads the raw record, as the loader does with a file; zod
 * parses it; the spec's checks then see all valid rows together (duplicates,
 * cross-record checks). A problem in a cell that a rule has already
 * explained is not reported again by the checks after it (one clear message
 * per cell, as the loader does with whenValid).
 */
import type { z } from 'zod';
import { guardRecord, type GuardOptions } from '../schema/privacy.ts';
import { cellText, columnLetter, type CellValue } from './cells.ts';
import { coerceCell } from './coerce.ts';
import type { Column, ColumnSet, Target } from './columns.ts';
import { mapHeader, type ExtraColumn, type HeaderMap, type MappedColumn } from './header.ts';
import { reasonOf } from './messages.ts';
import { hasErrors, sortProblems, type ImportProblem, type Severity } from './problems.ts';
import { specColumns, type ColumnsSpec } from './spec.ts';
import type { Table, TableRow } from './table.ts';

export type RowDraft = {
  /** The spreadsheet row number. */
  row: number;
  /** The record as built from the cells, before zod: rules may change it. */
  raw: Record<string, unknown>;
  /** The text of the extra (non-field) columns by key: 备注, 坐标系. */
  extras: Record<string, string | undefined>;
  /** Each filled cell's value as coerced, by column key (designations.2.title): what the sheet said, before any rule. */
  cells: ReadonlyMap<string, unknown>;
};
export type ParsedRow<T> = RowDraft & { record: T };

export type RuleContext = {
  /**
   * A problem in a row. `field` is a path as the loader names fields
   * (location, designations[0].title, categories[1]), a column key
   * (location.lon) or an extra column's key (crs); undefined for the row as
   * a whole. A secondary problem (a check that repeats what a rule said) is
   * left out where a rule owns the field.
   */
  report(row: number, field: string | undefined, reason: string, severity?: Severity, options?: { secondary?: boolean }): void;
  /** Checks after this rule say nothing more about this field (and what is below it) in this row. */
  own(row: number, field: string): void;
  /** A line for the summary (what was converted, generated, skipped). */
  note(text: string): void;
  /** The header a field has in this file (or its template label): for messages that name another column. */
  labelOf(field: string): string;
  /** The columns of the spec. */
  columns: readonly Column[];
};

export type ImportSpec<T> = ColumnsSpec & {
  schema: z.ZodType<T>;
  privacy?: GuardOptions;
  /** Runs on every row before the schema: may fill or convert fields of `raw`. */
  prepare?: (rows: RowDraft[], ctx: RuleContext) => void;
  /**
   * Runs on the rows that passed the schema, together (may read files the
   * rows link: async); `failed` are the rows that did not, for checks that
   * can still use their valid fields (every problem in one run).
   */
  check?: (rows: ParsedRow<T>[], ctx: RuleContext, failed: RowDraft[]) => void | Promise<void>;
};

export type ImportResult<T> = {
  ok: boolean;
  /** What was read: CSV (UTF-8), Excel 工作表“…”. */
  source: string;
  header: HeaderMap | undefined;
  /** Data rows read (records and failed rows, not the skipped ones). */
  rowCount: number;
  records: ParsedRow<T>[];
  skipped: { row: number; reason: string }[];
  problems: ImportProblem[];
  notes: string[];
};

/** designations[0].title → ['designations', 0, 'title']. */
export function parseField(field: string): (string | number)[] {
  if (field === '' || field.startsWith('(')) return [];
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

const keyOf = (t: Target) => JSON.stringify(t);
const startsWith = (path: Target, prefix: Target) => prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
const isObject = (v: unknown): v is Record<string | number, unknown> => typeof v === 'object' && v !== null;

function getPath(root: unknown, target: Target): unknown {
  let v = root;
  for (const k of target) {
    if (!isObject(v)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

function setPath(root: Record<string, unknown>, target: Target, value: unknown): void {
  let v: Record<string | number, unknown> = root;
  target.forEach((k, i) => {
    if (i === target.length - 1) {
      v[k] = value;
      return;
    }
    if (!isObject(v[k])) v[k] = typeof target[i + 1] === 'number' ? [] : {};
    v = v[k] as Record<string | number, unknown>;
  });
}

function deletePath(root: Record<string, unknown>, target: Target): void {
  const parent = getPath(root, target.slice(0, -1));
  if (isObject(parent)) delete (parent as Record<string | number, unknown>)[target[target.length - 1]!];
}

type Tagged = ImportProblem & { path: Target | undefined; secondary: boolean };

/** The state of one row while it is imported. */
type RowState = {
  draft: RowDraft;
  /** Per column group: the group index (0-based) of each compacted array item. */
  groupMaps: Map<string, number[]>;
  owned: Target[];
};

class Run<T> {
  readonly set: ColumnSet;
  private readonly byTarget = new Map<string, Column>();
  private readonly byKey = new Map<string, Column>();
  private readonly mapped = new Map<Column, MappedColumn>();
  private readonly rows = new Map<number, RowState>();
  readonly problems: Tagged[] = [];
  readonly notes: string[] = [];
  readonly spec: ImportSpec<T>;
  readonly header: HeaderMap;

  constructor(spec: ImportSpec<T>, set: ColumnSet, header: HeaderMap) {
    this.spec = spec;
    this.header = header;
    this.set = set;
    for (const c of this.set.columns) {
      this.byTarget.set(keyOf(c.target), c);
      this.byKey.set(c.key, c);
    }
    for (const m of header.fields) this.mapped.set(m.column, m);
  }

  /** The raw record of a row, with its column groups compacted. */
  build(row: TableRow): RowState {
    const raw: Record<string, unknown> = {};
    const extras: Record<string, string | undefined> = {};
    const cells = new Map<string, unknown>();
    const state: RowState = { draft: { row: row.row, raw, extras, cells }, groupMaps: new Map(), owned: [] };
    this.rows.set(row.row, state);
    for (const m of this.header.extras) extras[m.extra.key] = cellText(row.cells[m.index]) || undefined;
    for (const m of this.header.fields) {
      const v = row.cells[m.index];
      if (v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
      const r = coerceCell(v as CellValue, m.column);
      if (r.ok) {
        setPath(raw, m.column.target, r.value);
        cells.set(m.column.key, r.value);
        if (r.note !== undefined) this.add(state, m.column.target, r.note, 'warning', false, true);
      } else {
        this.add(state, m.column.target, r.reason, 'error', false, true);
        state.owned.push(m.column.target);
      }
    }
    // What the spec fills when the sheet leaves a field empty (stage 事后公开 for a 台账 of decisions).
    for (const [key, value] of Object.entries(this.spec.defaults ?? {})) {
      const column = this.byKey.get(key);
      if (column && getPath(raw, column.target) === undefined) setPath(raw, column.target, value);
    }
    // Literals first, while group items still sit at their group's number.
    for (const l of this.set.literals) {
      const parent = getPath(raw, l.target.slice(0, -1));
      if (isObject(parent) && !Array.isArray(parent)) setPath(raw, l.target, l.value);
    }
    // 称号1 empty and 称号2 filled is one designation: items are compacted, and the map remembers which group each came from.
    for (const g of this.set.groups) {
      const items = getPath(raw, g.target);
      if (!Array.isArray(items)) continue;
      const indices = items.flatMap((item, i) => (item === undefined ? [] : [i]));
      state.groupMaps.set(keyOf(g.target), indices);
      if (indices.length === 0) deletePath(raw, g.target);
      else setPath(raw, g.target, indices.map((i) => items[i]));
    }
    // Required objects exist even when empty, so zod names their missing fields one by one.
    for (const o of [...this.set.objects].sort((a, b) => a.target.length - b.target.length))
      if (o.required && getPath(raw, o.target) === undefined && isObject(getPath(raw, o.target.slice(0, -1)) ?? raw)) setPath(raw, o.target, {});
    return state;
  }

  /** A raw-record path (compacted) → the same path with group numbers, as the columns know it. */
  private toColumnPath(state: RowState, path: Target): Target {
    const out = [...path];
    for (const [key, indices] of state.groupMaps) {
      const g = JSON.parse(key) as Target;
      if (startsWith(out, g) && typeof out[g.length] === 'number') out[g.length] = indices[out[g.length] as number] ?? (out[g.length] as number);
    }
    return out;
  }

  /** The column a path points into, and the list item when it points into a list cell. */
  private locate(path: Target): { column: Column | undefined; item: number | undefined } {
    for (let n = path.length; n > 0; n--) {
      const column = this.byTarget.get(keyOf(path.slice(0, n)));
      if (column) return { column, item: column.list && typeof path[n] === 'number' ? (path[n] as number) : undefined };
    }
    // A whole object (location) is missing: its first column, preferring one the file has.
    const below = this.set.columns.filter((c) => path.length > 0 && startsWith(c.target, path));
    return { column: below.find((c) => this.mapped.has(c)) ?? below[0], item: undefined };
  }

  add(state: RowState | undefined, rawPath: Target | undefined, reason: string, severity: Severity, secondary: boolean, columnPath = false): void {
    const row = state?.draft.row;
    if (rawPath === undefined || rawPath.length === 0) {
      this.problems.push({ row, reason, severity, path: undefined, secondary });
      return;
    }
    const path = state && !columnPath ? this.toColumnPath(state, rawPath) : rawPath;
    const { column, item } = this.locate(path);
    if (!column) {
      this.problems.push({ row, reason, severity, path, secondary });
      return;
    }
    const m = this.mapped.get(column);
    const value = item === undefined ? undefined : (getPath(state?.draft.raw, rawPath) as unknown);
    const quoted = typeof value === 'string' ? `“${value}”` : '';
    // In a list cell the item is named once: 第 2 项“纪念馆”：不是可选值…
    let text = item === undefined ? reason : `第 ${item + 1} 项${quoted}：${quoted && reason.startsWith(quoted) ? reason.slice(quoted.length) : reason}`;
    if (!m) text += `（表中没有这一列，请增加“${column.label}”列）`;
    this.problems.push({ row, column: m?.letter, label: m?.header ?? column.label, field: column.key, reason: text, severity, path: column.target, secondary });
  }

  /** An extra column by key, when no schema column has that key. */
  private extraOf(field: string): ExtraColumn | undefined {
    return this.byKey.has(field) ? undefined : this.spec.extras.find((e) => e.key === field);
  }

  /** A field named by a rule: a column key (location.lon) or a record path (designations[0].title). */
  private fieldPath(field: string): { path: Target; columnPath: boolean } {
    const column = this.byKey.get(field);
    return column ? { path: column.target, columnPath: true } : { path: parseField(field), columnPath: false };
  }

  context(): RuleContext {
    return {
      report: (row, field, reason, severity = 'error', options = {}) => {
        const state = this.rows.get(row);
        const secondary = options.secondary ?? false;
        if (field === undefined) return this.add(state, undefined, reason, severity, secondary);
        const extra = this.extraOf(field);
        if (extra) {
          const m = this.header.extras.find((e) => e.extra === extra);
          this.problems.push({ row, column: m?.letter, label: m?.header ?? extra.label, reason, severity, path: undefined, secondary });
          return;
        }
        const { path, columnPath } = this.fieldPath(field);
        this.add(state, path, reason, severity, secondary, columnPath);
      },
      own: (row, field) => {
        const state = this.rows.get(row);
        if (!state) return;
        const { path, columnPath } = this.fieldPath(field);
        state.owned.push(columnPath ? path : this.toColumnPath(state, path));
      },
      note: (text) => this.notes.push(text),
      labelOf: (field) => {
        const extra = this.extraOf(field);
        if (extra) return this.header.extras.find((e) => e.extra === extra)?.header ?? extra.label;
        const { path } = this.fieldPath(field);
        const { column } = this.locate(path);
        return column ? (this.mapped.get(column)?.header ?? column.label) : field;
      },
      columns: this.set.columns,
    };
  }

  /** Privacy guard and schema on one row. */
  validate(state: RowState): T | undefined {
    const { raw } = state.draft;
    for (const p of guardRecord(this.spec.schema as z.ZodType, raw, this.spec.privacy)) {
      // Personal data is the cell's problem: the format check of the same cell would only repeat it.
      this.add(state, parseField(p.field), p.reason, 'error', false);
      state.owned.push(this.toColumnPath(state, parseField(p.field)));
    }
    const result = (this.spec.schema as z.ZodType).safeParse(raw, { reportInput: true });
    if (result.success) return result.data as T;
    for (const issue of result.error.issues) {
      const column = this.locate(this.toColumnPath(state, issue.path as Target)).column;
      this.add(state, issue.path as Target, reasonOf(issue as never, column), 'error', true);
    }
    return undefined;
  }

  /** Problems in order, without repeats and without checks on cells a rule has explained. */
  result(): ImportProblem[] {
    const seen = new Set<string>();
    const kept = this.problems.filter((p) => {
      const state = p.row === undefined ? undefined : this.rows.get(p.row);
      if (p.secondary && state && p.path && state.owned.some((o) => startsWith(p.path!, o))) return false;
      const key = `${p.row}|${p.field}|${p.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return sortProblems(kept.map(({ path: _path, secondary: _secondary, ...p }) => p));
  }
}

/**
 * Merged cells in the header or the data. exceljs gives every cell of a merge
 * the top-left value: a merge down one column (one 区县 for three rows) is
 * what the clerk meant and stays, with a warning per range; a merge across
 * columns puts one value into two fields, or hides a header, and is refused.
 * Title rows above the header may be merged freely.
 */
function mergedProblems(table: Table, header: HeaderMap): ImportProblem[] {
  const out: ImportProblem[] = [];
  const labelOf = (col: number) => header.fields.find((m) => m.index === col - 1)?.header ?? header.extras.find((m) => m.index === col - 1)?.header;
  for (const m of table.merged ?? []) {
    if (m.bottom < header.row) continue;
    const letter = columnLetter(m.left);
    const label = labelOf(m.left);
    const unmerge = '请取消合并（开始 → 合并后居中 → 取消单元格合并），每个单元格分别填写';
    if (m.right > m.left) {
      out.push({ row: Math.max(m.top, header.row), column: letter, label, reason: `合并单元格 ${m.ref} 跨了 ${letter}–${columnLetter(m.right)} 列：一个单元格只能对应一列。${unmerge}`, severity: 'error' });
    } else if (m.top <= header.row) {
      out.push({ row: header.row, column: letter, label, reason: `合并单元格 ${m.ref} 把表头和数据合在了一起。${unmerge}`, severity: 'error' });
    } else {
      const value = cellText(table.rows.find((r) => r.row === m.top)?.cells[m.left - 1]);
      out.push({ row: m.top, column: letter, label, reason: `第 ${m.top}–${m.bottom} 行的 ${letter} 列是合并单元格（${m.ref}）：已把“${value}”填入这 ${m.bottom - m.top + 1} 行，请核对；最好取消合并，每行分别填写`, severity: 'warning' });
    }
  }
  return out;
}

/** Reads the table with the spec; every problem in one run. */
export async function runImport<T>(spec: ImportSpec<T>, table: Table): Promise<ImportResult<T>> {
  const set = specColumns(spec);
  const empty = { source: table.source, rowCount: 0, records: [], skipped: [], notes: [] };
  if (table.rows.length === 0)
    return { ok: false, header: undefined, problems: [{ reason: `${table.source}是空的：没有表头，也没有数据。请用 npm run import -- --template ${spec.kind} 生成的模板填写`, severity: 'error' }], ...empty };
  const mappedHeader = mapHeader(table, set, spec.extras);
  if (!mappedHeader.header) return { ok: false, header: undefined, problems: mappedHeader.problems, ...empty };
  const header = mappedHeader.header;
  const run = new Run(spec, set, header);
  // Header problems first; they are the file's, not a row's.
  for (const p of mappedHeader.problems) run.problems.push({ ...p, path: undefined, secondary: false });
  for (const p of mergedProblems(table, header)) run.problems.push({ ...p, path: undefined, secondary: false });

  const skipped: ImportResult<T>['skipped'] = [];
  const states: RowState[] = [];
  for (const row of table.rows) {
    if (row.row <= header.row) continue;
    const marker = header.extras.flatMap((m) => {
      const text = cellText(row.cells[m.index]);
      return (m.extra.skipRowsMarked ?? []).filter((w) => text.startsWith(w));
    })[0];
    if (marker !== undefined) {
      skipped.push({ row: row.row, reason: `标为“${marker}”` });
      continue;
    }
    if (header.fields.every((m) => cellText(row.cells[m.index]) === '')) {
      skipped.push({ row: row.row, reason: '没有填写任何字段' });
      continue;
    }
    states.push(run.build(row));
  }
  const ctx = run.context();
  spec.prepare?.(
    states.map((s) => s.draft),
    ctx,
  );
  const parsed: ParsedRow<T>[] = [];
  const failed: RowDraft[] = [];
  for (const state of states) {
    const record = run.validate(state);
    if (record !== undefined) parsed.push({ ...state.draft, record });
    else failed.push(state.draft);
  }
  if (states.length > 0) await spec.check?.(parsed, ctx, failed);
  const problems = run.result();
  if (states.length === 0 && !hasErrors(problems)) problems.push({ reason: `表中没有可导入的数据行（表头在第 ${header.row} 行）`, severity: 'error' });
  return { ok: !hasErrors(problems), source: table.source, header, rowCount: states.length, records: parsed, skipped, problems, notes: run.notes };
}
