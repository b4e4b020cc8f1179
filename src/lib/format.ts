/** Number formatting for tables: Chinese grouping, fixed units. */
const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function num(n: number | undefined, unit = ''): string {
  return n === undefined ? '—' : `${grouped.format(n)}${unit}`;
}

/** Thousands separators on a decimal string, without depending on the runtime's locale data. */
export function groupDigits(digits: string): string {
  const [int = '', frac] = digits.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Square metres in one 亩 (市亩): 10 000 / 15. */
export const SQUARE_METRES_PER_MU = 10000 / 15;

/** An area in 亩, as land notices and the map's measure tool quote it: `5.25 亩`. */
export function formatMu(m2: number): string {
  return `${groupDigits((m2 / SQUARE_METRES_PER_MU).toFixed(2))} 亩`;
}

/** m² with the 亩 equivalent used in land notices. */
export function areaWithMu(m2: number): string {
  return `${grouped.format(m2)} 平方米（约 ${formatMu(m2)}）`;
}

/** A file size as a download link states it: 860 字节, 23 KB, 1.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${grouped.format(Math.round((bytes / 1048576) * 10) / 10)} MB`;
}

/**
 * A place's postal address: editors write the address as the venue gives
 * it, often starting with the district or the city; the city and district
 * are added only where they are missing (never 泰来县泰来县江桥镇).
 */
export function postalAddress(city: string, district: string, address: string): string {
  const a = address.trim();
  if (a.startsWith(city)) return a;
  if (district === '全市' || a.startsWith(district)) return `${city}${a}`;
  return `${city}${district}${a}`;
}

/** Splits body text into paragraphs on blank lines. */
export function paragraphs(body: string | undefined): string[] {
  return (body ?? '').split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, '')).filter(Boolean);
}
