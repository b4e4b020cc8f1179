/**
 * One spreadsheet cell as the import sees it. exceljs hands over rich text,
 * formulas, hyperlinks and error values as objects; CSV gives strings. Both
 * become one of these, so coercion (coerce.ts) has a single input type.
 */

/** A cell that Excel shows as an error (#N/A, #REF!…). */
export type CellError = { error: string };
export type CellValue = string | number | boolean | Date | CellError;

export const isCellError = (v: unknown): v is CellError => typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;

/** A (1-based) column number as Excel's letter: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

type RichText = { richText: { text: string }[] };
type Formula = { formula?: string; sharedFormula?: string; result?: unknown };
type Hyperlink = { text?: unknown; hyperlink: string };

/**
 * exceljs's cell value → CellValue; undefined for an empty cell. A formula
 * is refused, with its cached result in the message: what is published must
 * be the value the clerk typed and sees, and a cached result may be stale
 * (manual recalculation, a file written by another program) or absent.
 */
export function fromExcel(value: unknown): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) {
    const text = (value as RichText).richText.map((r) => r.text).join('');
    return text === '' ? undefined : text;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const { formula, sharedFormula, result } = value as Formula;
    const cached = result === undefined || result === null ? undefined : cellText(fromExcel(result));
    const shown = cached === undefined || cached === '' ? '公式没有计算结果' : `公式现在的结果为“${cached}”`;
    return { error: `单元格是公式（=${formula ?? sharedFormula ?? ''}），只能导入数值：请复制这些单元格，再“选择性粘贴 → 数值”后重新导入（${shown}）` };
  }
  if ('hyperlink' in value) {
    const { text, hyperlink } = value as Hyperlink;
    // The text shown is what the clerk typed; a bare link cell shows the address itself.
    return fromExcel(text) ?? hyperlink;
  }
  if ('error' in value) return { error: `单元格显示错误值 ${String((value as CellError).error)}` };
  return String(value);
}

/** The cell as text, for header matching and markers. */
export function cellText(v: CellValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return '';
  return String(v);
}
