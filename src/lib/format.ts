/** Number formatting for tables: Chinese grouping, fixed units. */
const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function num(n: number | undefined, unit = ''): string {
  return n === undefined ? '—' : `${grouped.format(n)}${unit}`;
}

/** m² with the 亩 equivalent used in land notices (1 亩 = 666.67 m²). */
export function areaWithMu(m2: number): string {
  return `${grouped.format(m2)} 平方米（约 ${grouped.format(Math.round((m2 / 666.6667) * 100) / 100)} 亩）`;
}

/** Splits body text into paragraphs on blank lines. */
export function paragraphs(body: string | undefined): string[] {
  return (body ?? '').split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, '')).filter(Boolean);
}
