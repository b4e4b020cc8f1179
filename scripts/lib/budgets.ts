/**
 * JavaScript and CSS budgets per page type, on the built pages: the table
 * `npm run bench:budget` prints and the gate of `npm run audit`. JavaScript
 * is measured by js-budget.ts, CSS by css-budget.ts; this module only sets
 * the budgets and sorts pages into rows.
 */
import { CssBudget, type PageCss } from './css-budget.ts';
import { JsBudget, PAGE_BUDGET_BYTES, isExempt, pageType, type PageJs, type PageType } from './js-budget.ts';

/**
 * First-load JavaScript of the search page: its page scripts only (the
 * search client is a dynamic import, not counted). Twice a plain page's
 * budget.
 */
export const EXEMPT_FIRST_LOAD_BYTES = 2 * PAGE_BUDGET_BYTES;
/**
 * The full map page (issue 11 §5): it preloads the map code, which is
 * counted here; the 示意底图's lazy chunk (about 2 KB) is not, and
 * `npm run bench:map` measures everything a browser downloads against the
 * same figure.
 */
export const MAP_PAGE_BUDGET_BYTES = 150 * 1024;
/**
 * The trip planner (/planner/) before its map loads: page.ts, the planner's
 * logic (src/planner/, about 22 KB of it with GeographicLib) and the page's
 * own script. OpenLayers, the QR code and the search client are dynamic
 * imports, not counted (issue 12: at most 60 KB gzipped).
 */
export const PLANNER_FIRST_LOAD_BYTES = 60 * 1024;
/**
 * Render-blocking CSS on every page: 14 KB gzipped is what arrives in the
 * first round trip of a new connection (TCP's initial window of 10 segments).
 */
export const CSS_BUDGET_BYTES = 14 * 1024;

export const PAGE_TYPE_ORDER: readonly PageType[] = ['home', 'column list', 'notice detail', 'red site', 'red route', 'enforcement detail', 'enforcement decisions', 'enforcement verify', 'enforcement column', 'map', 'search', 'planner', '404', 'other'];

/** The JavaScript budget of a page (by URL) and its CSS budget. */
export function budgetOf(url: string): { js: number; css: number } {
  const type = pageType(url);
  const js = type === 'map' ? MAP_PAGE_BUDGET_BYTES : type === 'planner' ? PLANNER_FIRST_LOAD_BYTES : isExempt(url) ? EXEMPT_FIRST_LOAD_BYTES : PAGE_BUDGET_BYTES;
  return { js, css: CSS_BUDGET_BYTES };
}

export type Measured = { js: PageJs; css: PageCss; budget: { js: number; css: number } };

export type BudgetRow = {
  type: PageType;
  pages: Measured[];
  /** The page with the most JavaScript, and with the most CSS. */
  maxJs: Measured;
  maxCss: Measured;
  overJs: Measured[];
  overCss: Measured[];
};

/**
 * Page types that need no JavaScript of their own (the 执法严起来 column's
 * 事前公开, roster and statistics pages: their charts and flow diagrams are
 * SVG drawn at build time): they may load only the site shell, the scripts
 * every page loads.
 */
export const SHELL_ONLY_TYPES: readonly PageType[] = ['enforcement column'];

export type BudgetReport = {
  rows: BudgetRow[];
  /** Pages of a shell-only type that load more than the shell, with the extra files. */
  beyondShell: string[];
  /** Scripts or stylesheets a page references that are not in the client dir. */
  missing: string[];
};

/** Measures pages (HTML files relative to clientDir) and groups them by page type. */
export function measureBudgets(clientDir: string, pages: readonly string[]): BudgetReport {
  const js = new JsBudget(clientDir);
  const css = new CssBudget(clientDir);
  const byType = new Map<PageType, Measured[]>();
  const missing: string[] = [];
  for (const page of pages) {
    const m: Measured = { js: js.measure(page), css: css.measure(page), budget: { js: 0, css: 0 } };
    m.budget = budgetOf(m.js.url);
    for (const f of [...m.js.missing, ...m.css.missing]) missing.push(`${m.js.url}: ${f}`);
    const t = pageType(m.js.url);
    byType.set(t, [...(byType.get(t) ?? []), m]);
  }
  // The shell: the files every page loads.
  const all = [...byType.values()].flat();
  const shell = all.length ? all.map((m) => new Set(m.js.files)).reduce((a, b) => new Set([...a].filter((f) => b.has(f)))) : new Set<string>();
  const shellInline = all.length ? Math.min(...all.map((m) => m.js.inlineScripts)) : 0;
  const beyondShell = SHELL_ONLY_TYPES.flatMap((t) => byType.get(t) ?? []).flatMap((m) => {
    const extra = m.js.files.filter((f) => !shell.has(f));
    return extra.length || m.js.inlineScripts > shellInline ? [`${m.js.url}: JavaScript beyond the site shell (${extra.join(', ') || 'inline scripts'}), where the page needs none`] : [];
  });
  const rows: BudgetRow[] = [];
  for (const type of PAGE_TYPE_ORDER) {
    const list = byType.get(type);
    if (!list || list.length === 0) continue;
    const maxBy = (key: 'js' | 'css') => list.reduce((a, b) => (b[key].gzipBytes > a[key].gzipBytes ? b : a));
    rows.push({
      type,
      pages: list,
      maxJs: maxBy('js'),
      maxCss: maxBy('css'),
      overJs: list.filter((m) => m.js.gzipBytes > m.budget.js),
      overCss: list.filter((m) => m.css.gzipBytes > m.budget.css),
    });
  }
  return { rows, beyondShell, missing };
}

export const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;

/** The budget table: one row per page type, worst page per column. */
export function budgetTable(report: BudgetReport): string[][] {
  const out: string[][] = [['page type', 'pages', 'JS max', 'JS budget', 'CSS max', 'CSS budget', 'result', 'largest JS page']];
  for (const r of report.rows) {
    const over = [r.overJs.length ? `JS OVER (${r.overJs.length})` : '', r.overCss.length ? `CSS OVER (${r.overCss.length})` : ''].filter(Boolean).join(', ');
    out.push([r.type, String(r.pages.length), kb(r.maxJs.js.gzipBytes), `≤ ${kb(r.maxJs.budget.js)}`, kb(r.maxCss.css.gzipBytes), `≤ ${kb(r.maxCss.budget.css)}`, over || 'ok', r.maxJs.js.url]);
  }
  return out;
}

/** Every page over a budget, one line each. */
export function budgetProblems(report: BudgetReport): string[] {
  return [...report.beyondShell, ...report.rows.flatMap((r) => [
    ...r.overJs.map((m) => `${m.js.url}: JavaScript ${kb(m.js.gzipBytes)} gzipped > ${kb(m.budget.js)} (${m.js.files.join(', ')})`),
    ...r.overCss.map((m) => `${m.css.url}: CSS ${kb(m.css.gzipBytes)} gzipped > ${kb(m.budget.css)} (${m.css.files.join(', ')})`),
  ])];
}
