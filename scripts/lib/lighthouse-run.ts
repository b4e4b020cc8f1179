/**
 * Lighthouse runs for npm run audit: Debian's Chromium, mobile emulation and
 * simulated throttling with every setting written out here (not taken from
 * Lighthouse's defaults, so a Lighthouse upgrade cannot move the gate
 * silently), and no network beyond the server under test
 * (docs/decisions/0007-quality-gates.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Flags, Result } from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The target: performance and accessibility each at least 95. */
export const LIGHTHOUSE_TARGETS: Partial<Record<Category, number>> = { performance: 95, accessibility: 95 };

/**
 * Lighthouse 13's mobile defaults, pinned: a Moto G Power screen (412×823 at
 * 1.75) and UA, and "slow 4G" simulated by Lantern from one unthrottled load
 * (150 ms RTT, 1.6 Mbit/s, CPU ×4). Simulation makes scores independent of
 * the machine's real network and mostly of its load.
 */
export const LIGHTHOUSE_SETTINGS = {
  formFactor: 'mobile',
  screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
  emulatedUserAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36',
  throttlingMethod: 'simulate',
  throttling: {
    rttMs: 150,
    throughputKbps: 1638.4,
    requestLatencyMs: 562.5,
    downloadThroughputKbps: 1474.56,
    uploadThroughputKbps: 675,
    cpuSlowdownMultiplier: 4,
  },
  onlyCategories: [...CATEGORIES],
  locale: 'zh',
  maxWaitForLoad: 45_000,
} satisfies Flags;

/**
 * Chromium flags. --host-resolver-rules makes every host name unresolvable,
 * so nothing but 127.0.0.1 (an IP, never resolved) can be reached even if a
 * page or Chromium itself tried; the other flags stop background services.
 */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--lang=zh-CN',
];

export type LighthouseTarget = { name: string; path: string };

export type FailingAudit = { id: string; title: string; score: number | null; displayValue?: string };

export type LighthousePage = {
  name: string;
  url: string;
  scores: Record<Category, number | null>;
  /** Audits below full marks in the gated categories, worst first: where to look. */
  failing: Partial<Record<Category, FailingAudit[]>>;
  /** Requests to anything but the server under test (must be none). */
  offsite: string[];
  runtimeError?: string;
  reportHtml: string;
  /** 1, or 3 when the first run missed a target (the scores are then medians). */
  runs: number;
};

function failingAudits(lhr: Result, category: Category): FailingAudit[] {
  const cat = lhr.categories[category];
  if (!cat) return [];
  return cat.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a): a is NonNullable<typeof a> => a !== undefined && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .map((a) => ({ id: a.id, title: a.title, score: a.score, ...(a.displayValue ? { displayValue: a.displayValue } : {}) }));
}

function offsiteRequests(lhr: Result, origin: string): string[] {
  const details = lhr.audits['network-requests']?.details as { items?: { url?: string }[] } | undefined;
  return (details?.items ?? []).map((i) => i.url ?? '').filter((u) => u !== '' && !u.startsWith(`${origin}/`) && !/^(data|blob|chrome-extension):/.test(u));
}

/** One Lighthouse run of one page; its reports are written to reportDir. */
async function runOnce(port: number, origin: string, t: LighthouseTarget, reportDir: string, suffix: string): Promise<LighthousePage> {
  const url = new URL(t.path, origin).href;
  const result = await lighthouse(url, { ...LIGHTHOUSE_SETTINGS, port, output: ['json', 'html'], logLevel: 'error' });
  if (!result) throw new Error(`Lighthouse 没有返回结果：${url}`);
  const { lhr } = result;
  const reports = Array.isArray(result.report) ? result.report : [result.report];
  const slug = `${t.name.replace(/[^\w-]+/g, '-')}${suffix}`;
  writeFileSync(path.join(reportDir, `${slug}.json`), reports[0] ?? '');
  const reportHtml = path.join(reportDir, `${slug}.html`);
  writeFileSync(reportHtml, reports[1] ?? '');
  const score = (c: Category) => {
    const s = lhr.categories[c]?.score;
    return s === null || s === undefined ? null : Math.round(s * 100);
  };
  return {
    name: t.name,
    url,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as Record<Category, number | null>,
    failing: Object.fromEntries(CATEGORIES.map((c) => [c, failingAudits(lhr, c)])),
    offsite: offsiteRequests(lhr, origin),
    ...(lhr.runtimeError ? { runtimeError: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
    reportHtml,
    runs: 1,
  };
}

const missesTarget = (p: LighthousePage) => CATEGORIES.some((c) => LIGHTHOUSE_TARGETS[c] !== undefined && (p.scores[c] ?? 0) < LIGHTHOUSE_TARGETS[c]!);

/** Per category, the median of the runs' scores; the run closest to the median performance score keeps its details. */
export function medianRun(runs: readonly LighthousePage[]): LighthousePage {
  const median = (xs: (number | null)[]) => {
    const sorted = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
    return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])) as Record<Category, number | null>;
  const typical = [...runs].sort((a, b) => Math.abs((a.scores.performance ?? 0) - (scores.performance ?? 0)) - Math.abs((b.scores.performance ?? 0) - (scores.performance ?? 0)))[0]!;
  return { ...typical, scores, offsite: [...new Set(runs.flatMap((r) => r.offsite))], runs: runs.length };
}

/**
 * Runs Lighthouse on each page in turn (one Chromium, runs never overlap);
 * reports go to reportDir. A run that ends in a Lighthouse runtime error is
 * repeated (at most twice). A page below a target is run twice more and
 * scored by the median of the three: a simulated score still moves a few
 * points with the machine's load, which is not a defect of the page.
 */
export async function runLighthouse(base: string, targets: readonly LighthouseTarget[], opts: { chromePath: string; reportDir: string }): Promise<LighthousePage[]> {
  mkdirSync(opts.reportDir, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath: opts.chromePath,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
    envVars: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  const killChrome = () => chrome.kill();
  process.once('exit', killChrome);
  const origin = new URL(base).origin;
  const out: LighthousePage[] = [];
  try {
    for (const t of targets) {
      let first = await runOnce(chrome.port, origin, t, opts.reportDir, '');
      // A trace that failed to record (NO_NAVSTART and the like, on a busy machine) is Lighthouse's
      // own failure, and it says to run again: twice more at most, then the error stands.
      for (let retry = 1; first.runtimeError && retry <= 2; retry++) first = await runOnce(chrome.port, origin, t, opts.reportDir, `-retry${retry}`);
      if (!missesTarget(first) || first.runtimeError) {
        out.push(first);
        continue;
      }
      const runs = [first];
      for (const n of [2, 3]) runs.push(await runOnce(chrome.port, origin, t, opts.reportDir, `-run${n}`));
      out.push(medianRun(runs));
    }
  } finally {
    chrome.kill();
    process.off('exit', killChrome);
  }
  return out;
}

/** The gate: each target met, a score for every category, nothing fetched off-site, no runtime error. */
export function lighthouseProblems(pages: readonly LighthousePage[]): string[] {
  const problems: string[] = [];
  for (const p of pages) {
    if (p.runtimeError) problems.push(`${p.name}: Lighthouse error ${p.runtimeError}`);
    for (const c of CATEGORIES) {
      const score = p.scores[c];
      const target = LIGHTHOUSE_TARGETS[c];
      if (score === null) problems.push(`${p.name}: no ${c} score`);
      else if (target !== undefined && score < target) problems.push(`${p.name}: ${c} ${score} < ${target}`);
    }
    for (const u of p.offsite) problems.push(`${p.name}: off-site request ${u}`);
  }
  return problems;
}
