/**
 * Plain-text tables for the CLIs (bench:budget, audit): a header, a rule,
 * the rows. `align` has one letter per column, l or r; numbers read best
 * right-aligned.
 */
export function formatTable(rows: readonly (readonly string[])[], align: string): string {
  if (rows.length === 0) return '';
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - width(cell));
    return align[i] === 'r' ? fill + cell : cell + fill;
  };
  const line = (r: readonly string[]) => widths.map((_, i) => pad(r[i] ?? '', i)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}
