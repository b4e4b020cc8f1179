/**
 * What the import reports: every problem with the spreadsheet row (as Excel
 * numbers it, so a clerk can go straight to it), the column letter and its
 * header, and a reason in Chinese that says what to change.
 */

export type Severity = 'error' | 'warning';

export type ImportProblem = {
  /** The row as the spreadsheet numbers it (header row included); absent for the file as a whole. */
  row?: number | undefined;
  /** Column letter (A, B, … AA) when the problem is in one cell or column. */
  column?: string | undefined;
  /** The column's header as written in the file (or the schema's label when the column is missing). */
  label?: string | undefined;
  /** The schema field, dotted (booking.groupThreshold), for those who read the YAML. */
  field?: string | undefined;
  reason: string;
  severity: Severity;
};

/** 第 5 行 C 列“类别”：原因 — or 第 5 行：原因, 表头“类别”列：原因, 文件：原因. */
export function formatProblem(p: ImportProblem): string {
  const tag = p.severity === 'error' ? '错误' : '提醒';
  const where: string[] = [];
  if (p.row !== undefined) where.push(`第 ${p.row} 行`);
  if (p.column !== undefined || p.label !== undefined) where.push(`${p.column === undefined ? '' : `${p.column} `}列${p.label === undefined ? '' : `“${p.label}”`}`);
  return `${tag} ${where.length > 0 ? where.join(' ') : '文件'}：${p.reason}`;
}

/** Rows first, in order; file-level problems (no row) before them; errors before warnings within a row. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const letters = (c: string | undefined) => (c === undefined ? 0 : [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || letters(a.p.column) - letters(b.p.column) || a.i - b.i)
    .map(({ p }) => p);
}

export const hasErrors = (problems: readonly ImportProblem[]): boolean => problems.some((p) => p.severity === 'error');
