/**
 * npm run bench:budget: gzipped JavaScript per page type of the built site
 * (dist/client, or GEOPORTAL_OUT_DIR/client). Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PAGE_BUDGET_BYTES, isExempt, measureAll, pageType, type PageJs, type PageType } from './lib/js-budget.ts';

const clientDir = path.resolve(process.env.GEOPORTAL_OUT_DIR ?? 'dist', 'client');
if (!existsSync(clientDir)) {
  console.error(`找不到 ${path.relative(process.cwd(), clientDir)}/：请先运行 npm run build。`);
  process.exit(1);
}

const order: PageType[] = ['home', 'column list', 'notice detail', 'red site', 'red route', 'enforcement detail', 'map', 'search', '404', 'other'];
const byType = new Map<PageType, PageJs[]>();
for (const p of measureAll(clientDir)) {
  const t = pageType(p.url);
  byType.set(t, [...(byType.get(t) ?? []), p]);
}

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
const rows: string[][] = [['page type', 'pages', 'min gzip', 'max gzip', 'max raw', 'files', 'budget', 'largest page']];
let over = 0;
for (const t of order) {
  const pages = byType.get(t);
  if (!pages || pages.length === 0) continue;
  const sorted = [...pages].sort((a, b) => a.gzipBytes - b.gzipBytes);
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const exempt = isExempt(max.url);
  const overHere = exempt ? 0 : pages.filter((p) => p.gzipBytes > PAGE_BUDGET_BYTES).length;
  over += overHere;
  rows.push([
    t,
    String(pages.length),
    kb(min.gzipBytes),
    kb(max.gzipBytes),
    kb(max.rawBytes),
    String(max.files.length + max.inlineScripts),
    exempt ? 'exempt' : overHere > 0 ? `OVER (${overHere})` : `≤ ${kb(PAGE_BUDGET_BYTES)}`,
    max.url,
  ]);
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
console.log(line(rows[0]!));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
console.log(`\n“files” counts inline scripts plus JS files (static imports followed). Budget: pages other than /map/ and /search/ ≤ ${kb(PAGE_BUDGET_BYTES)} gzipped.`);
if (over > 0) process.exitCode = 1;
