/**
 * npm run bench:budget: gzipped JavaScript and CSS per page type of the built
 * site (dist/client, or GEOPORTAL_OUT_DIR/client), against the budgets of
 * scripts/lib/budgets.ts (also a gate of npm run audit). Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { budgetProblems, budgetTable, measureBudgets } from './lib/budgets.ts';
import { listHtmlPages } from './lib/js-budget.ts';
import { formatTable } from './lib/table.ts';

const clientDir = path.resolve(process.env.GEOPORTAL_OUT_DIR ?? 'dist', 'client');
if (!existsSync(clientDir)) {
  console.error(`找不到 ${path.relative(process.cwd(), clientDir)}/：请先运行 npm run build。`);
  process.exit(1);
}

const report = measureBudgets(clientDir, listHtmlPages(clientDir));
console.log(formatTable(budgetTable(report), 'lrrrrrll'));
console.log('\nJS: inline scripts, script src, modulepreload and their static imports (dynamic imports are lazy and not counted). CSS: <style>, stylesheets and their @imports.');
const problems = [...budgetProblems(report), ...report.missing.map((m) => `missing: ${m}`)];
for (const p of problems) console.log(p);
if (problems.length > 0) process.exitCode = 1;
