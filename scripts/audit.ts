/**
 * npm run audit: the quality gates of a built site (dist/, or
 * GEOPORTAL_OUT_DIR; run `npm run build` first, with the same
 * GEOPORTAL_DATA_DIR). Each gate prints a short table; the exit code is 1
 * when any gate fails.
 *
 *   1. HTML validity of every page (html-validate, .htmlvalidate.mjs), and
 *      of the pages the server renders at request time (the forms, their
 *      400/403/receipt answers, the 410 of a withdrawn record), fetched from
 *      the site's server on the build (scripts/lib/request-time-pages.ts)
 *   2. broken links: sitemap, href/src of every page, fragment anchors,
 *      links to withdrawn records (410); external links counted
 *   3. JavaScript and CSS budgets per page type (scripts/lib/budgets.ts)
 *   4. Lighthouse (mobile, simulated slow 4G) on five page types:
 *      performance and accessibility ≥ 95
 *
 * `--skip=lighthouse` (or `--only=html,links,budgets`) leaves gates out.
 * Reports: test-results/audit/ (Lighthouse HTML and JSON, server log).
 * docs/decisions/0007-quality-gates.md says why it is built this way.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getPublishedView, type PublishedView } from '../src/data/index.ts';
import { urls } from '../src/lib/urls.ts';
import { startAuditServer } from './lib/audit-server.ts';
import { budgetProblems, budgetTable, measureBudgets } from './lib/budgets.ts';
import { validatePages, type ValidityMessage, type ValidityReport } from './lib/html-validity.ts';
import { listHtmlPages, pageUrl } from './lib/js-budget.ts';
import { CATEGORIES, LIGHTHOUSE_TARGETS, lighthouseProblems, runLighthouse, type LighthouseTarget } from './lib/lighthouse-run.ts';
import { checkLinks, type LinkReport } from './lib/link-check.ts';
import { checkRequestTimePages, pageLabel, type RequestTimeReport } from './lib/request-time-pages.ts';
import { CHROMIUM, ensureSystemDeps } from './lib/system-deps.ts';
import { formatTable } from './lib/table.ts';
import { REQUEST_TIME_ROUTES } from '../src/server/routes.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(ROOT, process.env.GEOPORTAL_OUT_DIR ?? 'dist');
const clientDir = path.join(outDir, 'client');
const reportDir = path.join(ROOT, 'test-results', 'audit');
const started = performance.now();

const GATES = ['html', 'links', 'budgets', 'lighthouse'] as const;
type Gate = (typeof GATES)[number];

function selectedGates(argv: string[]): Set<Gate> {
  const list = (flag: string) => argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3).split(',');
  const only = list('only');
  const skip = list('skip') ?? [];
  for (const g of [...(only ?? []), ...skip])
    if (!GATES.includes(g as Gate)) {
      console.error(`未知的检查项 ${g}（可选：${GATES.join(', ')}）`);
      process.exit(2);
    }
  return new Set(GATES.filter((g) => (only ? only.includes(g) : true) && !skip.includes(g)));
}

type Outcome = { gate: string; ok: boolean; summary: string; seconds: number };
const outcomes: Outcome[] = [];
const heading = (title: string) => console.log(`\n━━ ${title} ━━`);
const seconds = (t0: number) => (performance.now() - t0) / 1000;
/** At most `n` lines of a list, then how many were left out. */
const firstLines = (lines: string[], n = 15) => [...lines.slice(0, n), ...(lines.length > n ? [`… and ${lines.length - n} more`] : [])];

/** The request-time pages' part of the HTML-validity gate, or why it could not run. */
type RequestTimeOutcome = { report: RequestTimeReport } | { error: string };

function reportValidity(r: ValidityReport, requestTime: RequestTimeOutcome, secs: number): void {
  heading('1. HTML validity (html-validate, .htmlvalidate.mjs): dist/client and the request-time pages');
  const rt = 'report' in requestTime ? requestTime.report : undefined;
  const messages = [...r.messages, ...(rt?.messages ?? [])];
  // Built pages are files (pageUrl shows their URL); a request-time page is named by its request and status.
  const where = (page: string) => (page.endsWith('.html') ? pageUrl(page) : page);
  const count = (ms: readonly ValidityMessage[]) => [String(ms.filter((m) => m.severity >= 2).length), String(ms.filter((m) => m.severity === 1).length)];
  const byRule = new Map<string, { errors: number; warnings: number; pages: Set<string>; first: string }>();
  for (const m of messages) {
    const row = byRule.get(m.ruleId) ?? { errors: 0, warnings: 0, pages: new Set(), first: `${where(m.page)} ${m.message}` };
    if (m.severity >= 2) row.errors++;
    else row.warnings++;
    row.pages.add(m.page);
    byRule.set(m.ruleId, row);
  }
  const rows = [['rule, or page', 'errors', 'warnings', 'pages', 'first']];
  for (const [rule, s] of [...byRule].sort((a, b) => b[1].errors - a[1].errors)) rows.push([rule, String(s.errors), String(s.warnings), String(s.pages.size), s.first]);
  rows.push(['built pages (dist/client)', ...count(r.messages), String(new Set(r.messages.map((m) => m.page)).size), `${r.pages} pages validated${r.workers ? ` in ${r.workers} worker threads` : ''}`]);
  for (const p of rt?.pages ?? []) {
    const own = rt!.messages.filter((m) => m.page === pageLabel(p));
    rows.push([pageLabel(p), ...count(own), own.length ? '1' : '0', `request time: ${p.name}${p.status === p.expected ? '' : ` (expected ${p.expected})`}`]);
  }
  const rtPages = rt?.pages.length ?? 0;
  rows.push(['total', ...count(messages), String(new Set(messages.map((m) => m.page)).size), `${r.pages} built + ${rtPages} request-time pages`]);
  console.log(formatTable(rows, 'lrrrl'));
  for (const line of firstLines(messages.map((m) => `${where(m.page)}:${m.line}:${m.column} [${m.ruleId}] ${m.message}\n    ${m.selector ?? ''}  …${m.excerpt}…`), 10)) console.log(line);
  const problems = rt ? rt.problems : [`request-time pages not checked: ${'error' in requestTime ? requestTime.error : ''}`];
  for (const line of problems) console.log(`request time: ${line}`);
  for (const line of rt?.notChecked ?? []) console.log(`not checked with this data (information): ${line}`);
  const errors = messages.filter((m) => m.severity >= 2).length;
  const warnings = messages.length - errors;
  outcomes.push({
    gate: 'HTML validity',
    ok: errors === 0 && problems.length === 0,
    summary: `${r.pages} + ${rtPages} request-time pages, ${errors} errors, ${warnings} warnings${problems.length ? `, ${problems.length} request-time problems` : ''}`,
    seconds: secs,
  });
}

function reportLinks(r: LinkReport, secs: number): void {
  heading('2. Links (sitemap, href/src, anchors; against dist/client)');
  const externalLinks = [...r.external.values()].reduce((a, b) => a + b, 0);
  const byKind = (k: string) => String(r.problems.filter((p) => p.kind === k).length);
  console.log(
    formatTable(
      [
        ['checked', 'count', 'broken'],
        ['sitemap files', String(r.sitemapFiles), ''],
        ['sitemap URLs', String(r.sitemapUrls), String(r.problems.filter((p) => p.from.startsWith('/sitemap')).length)],
        ['pages scanned', String(r.pages), ''],
        ['internal links', String(r.internal), byKind('missing')],
        ['distinct internal targets', String(r.internalTargets), ''],
        ['fragment anchors', String(r.anchors), byKind('anchor')],
        ['withdrawn-record URLs (410), none may be linked', String(r.goneUrls), byKind('gone')],
        [`external links (not fetched), ${r.external.size} hosts`, String(externalLinks), ''],
        ['mailto:, tel: and other schemes', String(r.other), ''],
      ],
      'lrr',
    ),
  );
  const hosts = [...r.external].sort((a, b) => b[1] - a[1]).map(([h, n]) => `${h} ${n}`);
  if (hosts.length) console.log(`external hosts: ${hosts.join(', ')}`);
  if (r.notInSitemap.length) console.log(`pages not in the sitemap (information): ${firstLines(r.notInSitemap, 8).join(', ')}`);
  for (const line of firstLines(r.problems.map((p) => `${p.kind}: ${p.from} → ${p.link}${p.detail ? ` (${p.detail})` : ''}`), 20)) console.log(line);
  outcomes.push({ gate: 'links', ok: r.problems.length === 0, summary: `${r.internal} internal, ${r.anchors} anchors, ${r.sitemapUrls} sitemap URLs, ${r.problems.length} broken; ${externalLinks} external`, seconds: secs });
}

function budgetGate(pages: string[]): void {
  const t0 = performance.now();
  heading('3. JavaScript and CSS budgets per page type (gzipped)');
  const report = measureBudgets(clientDir, pages);
  console.log(formatTable(budgetTable(report), 'lrrrrrll'));
  const problems = [...budgetProblems(report), ...report.missing.map((m) => `missing: ${m}`)];
  for (const line of firstLines(problems)) console.log(line);
  const worst = (key: 'js' | 'css') => Math.max(...report.rows.map((r) => (key === 'js' ? r.maxJs.js.gzipBytes : r.maxCss.css.gzipBytes)));
  outcomes.push({ gate: 'budgets', ok: problems.length === 0, summary: `${problems.length} over budget or missing; largest JS ${(worst('js') / 1024).toFixed(1)} KB, CSS ${(worst('css') / 1024).toFixed(1)} KB`, seconds: seconds(t0) });
}

/** The five page types of the issue, with a notice that has a map (the heaviest detail page). */
function lighthouseTargets(view: PublishedView): LighthouseTarget[] {
  const notice = view.notices.find((n) => n.geometry) ?? view.notices[0];
  return [
    { name: 'home', path: '/' },
    { name: 'list', path: urls.notices },
    ...(notice ? [{ name: 'notice', path: urls.notice(notice) }] : []),
    { name: 'map', path: urls.map },
    { name: 'search', path: `${urls.search}?q=${encodeURIComponent('土地')}` },
  ];
}

async function lighthouseGate(view: PublishedView): Promise<void> {
  const t0 = performance.now();
  heading('4. Lighthouse 13 (mobile, simulated slow 4G, Chromium; no network)');
  ensureSystemDeps();
  const server = await startAuditServer(outDir, path.join(reportDir, 'server.log'));
  // Never leave the server (or its store) behind, also on Ctrl-C or when npm test is stopped.
  const killServer = server.kill;
  process.once('exit', killServer);
  try {
    const pages = await runLighthouse(server.base, lighthouseTargets(view), { chromePath: CHROMIUM, reportDir: path.join(reportDir, 'lighthouse') });
    const target = (c: (typeof CATEGORIES)[number]) => (LIGHTHOUSE_TARGETS[c] ? ` ≥${LIGHTHOUSE_TARGETS[c]}` : '');
    const rows = [['page', ...CATEGORIES.map((c) => `${c}${target(c)}`), 'runs', 'path']];
    for (const p of pages) rows.push([p.name, ...CATEGORIES.map((c) => String(p.scores[c] ?? '–')), p.runs > 1 ? `median of ${p.runs}` : '1', new URL(p.url).pathname + new URL(p.url).search]);
    console.log(formatTable(rows, 'lrrrrrl'));
    const problems = lighthouseProblems(pages);
    for (const p of pages)
      for (const c of CATEGORIES) {
        const t = LIGHTHOUSE_TARGETS[c];
        if (t !== undefined && (p.scores[c] ?? 0) < t)
          for (const a of firstLines((p.failing[c] ?? []).map((a) => `  ${p.name} ${c}: ${a.id} (${a.score})${a.displayValue ? ` ${a.displayValue}` : ''} ${a.title}`), 6)) console.log(a);
      }
    for (const line of problems) console.log(line);
    console.log(`reports: ${path.relative(ROOT, path.join(reportDir, 'lighthouse'))}/`);
    const min = (c: (typeof CATEGORIES)[number]) => Math.min(...pages.map((p) => p.scores[c] ?? 0));
    outcomes.push({ gate: 'Lighthouse', ok: problems.length === 0, summary: `${pages.length} pages; lowest ${CATEGORIES.map((c) => `${c} ${min(c)}`).join(', ')}`, seconds: seconds(t0) });
  } finally {
    await server.stop();
    process.off('exit', killServer);
  }
}

// A signal ends the process through process.exit, so the exit hooks (server, Chromium) run.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, () => process.exit(130));

async function main(): Promise<number> {
  const gates = selectedGates(process.argv.slice(2));
  if (!existsSync(clientDir)) {
    console.error(`找不到 ${path.relative(ROOT, clientDir)}/：请先运行 npm run build。`);
    return 1;
  }
  const pages = listHtmlPages(clientDir);
  console.log(`npm run audit: ${path.relative(ROOT, outDir) || outDir}/ (${pages.length} HTML pages)`);

  // Validation runs in worker threads while this thread loads the data and checks links and budgets.
  const t0 = performance.now();
  const validity = gates.has('html') ? validatePages(clientDir, pages).then((report) => ({ report, secs: seconds(t0) })) : undefined;
  validity?.catch(() => undefined);
  const view = gates.has('html') || gates.has('links') || gates.has('lighthouse') ? await getPublishedView() : undefined;
  // The pages the server renders at request time: the real server on this build, started meanwhile.
  const requestTime =
    gates.has('html') && view
      ? checkRequestTimePages(outDir, view, path.join(reportDir, 'request-time-server.log')).then(
          (report) => ({ outcome: { report } as RequestTimeOutcome, secs: seconds(t0) }),
          (e: unknown) => ({ outcome: { error: e instanceof Error ? e.message : String(e) } as RequestTimeOutcome, secs: seconds(t0) }),
        )
      : undefined;
  let links: { report: LinkReport; secs: number } | undefined;
  if (gates.has('links') && view) {
    const t1 = performance.now();
    const gone = new Set(view.gone.flatMap((g) => [g.page, ...g.json]));
    const report = checkLinks({ clientDir, pages, gone, requestTime: new Set(Object.keys(REQUEST_TIME_ROUTES)) });
    // The gone list is only right for the data this site was built from: the sitemap lists what that data publishes.
    if (report.sitemapUrls !== view.sitemap.length)
      report.problems.push({ from: '/sitemap.xml', link: '', kind: 'other data', detail: `the sitemap lists ${report.sitemapUrls} URLs, the data publishes ${view.sitemap.length}: was the site built from GEOPORTAL_DATA_DIR=${process.env.GEOPORTAL_DATA_DIR ?? 'data'}?` });
    links = { report, secs: seconds(t1) };
  }
  if (validity && requestTime) {
    const v = await validity;
    const rt = await requestTime;
    reportValidity(v.report, rt.outcome, Math.max(v.secs, rt.secs));
  }
  if (links) reportLinks(links.report, links.secs);
  if (gates.has('budgets')) budgetGate(pages);
  // Last and alone: Lighthouse's simulation starts from a real page load, which a busy CPU slows.
  if (gates.has('lighthouse') && view) {
    try {
      await lighthouseGate(view);
    } catch (e) {
      console.error(e instanceof Error ? e.message : e);
      outcomes.push({ gate: 'Lighthouse', ok: false, summary: `did not run: ${e instanceof Error ? e.message : e}`, seconds: 0 });
    }
  }

  heading('summary');
  console.log(formatTable([['gate', 'result', 'seconds', ''], ...outcomes.map((o) => [o.gate, o.ok ? 'pass' : 'FAIL', o.seconds.toFixed(o.seconds < 1 ? 2 : 1), o.summary])], 'llrl'));
  const failed = outcomes.filter((o) => !o.ok).length;
  console.log(`audit: ${outcomes.length - failed} passed, ${failed} failed (${seconds(started).toFixed(1)} s)`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
