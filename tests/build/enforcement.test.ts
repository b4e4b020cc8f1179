/**
 * The 执法严起来 column in dist/client: the pages each part of the three
 * systems needs, flow diagrams and charts as accessible SVG with their text,
 * the CSV beside each chart, the roster JSON, the decision index and feed,
 * and no page-specific JavaScript on the pages that need none.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { decodeDecisionIndex } from '../../src/lib/decision-filter.ts';
import { decodeRoster } from '../../src/lib/officers.ts';
import { loadDataset } from '../../src/data/load.ts';

const CLIENT = path.resolve('dist/client');
const file = (p: string) => readFileSync(path.join(CLIENT, p), 'utf8');
const html = (url: string) => file(path.join(url, 'index.html'));
const scripts = (page: string) => [...page.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);

describe('执法严起来 pages (dist/client)', () => {
  it('has the pages of the three systems and the statistics', () => {
    expect(existsSync(CLIENT), 'dist/client exists (run npm run build)').toBe(true);
    for (const url of ['/enforcement/', '/enforcement/before/', '/enforcement/officers/', '/enforcement/verify/', '/enforcement/decisions/', '/enforcement/decisions/penalty/', '/enforcement/statistics/', '/enforcement/statistics/2025/'])
      expect(existsSync(path.join(CLIENT, url, 'index.html')), url).toBe(true);
    const before = html('/enforcement/before/');
    for (const h of ['执法主体', '执法人员', '职责和权责清单', '执法依据', '执法程序和流程图', '随机抽查事项清单', '服务指南', '重大执法决定法制审核目录清单', '救济渠道']) expect(before).toContain(`>${h}</h2>`);
  });
  it('draws each flow as SVG with a title, a description and the steps as a list', () => {
    const page = html('/enforcement/zf-sq-chufa-liucheng/');
    const svg = /<svg class="flow-diagram"[^>]*role="img"[^>]*aria-labelledby="([^" ]+) ([^"]+)"[\s\S]*?<\/svg>/.exec(page);
    expect(svg).not.toBeNull();
    expect(svg![0]).toContain(`<title id="${svg![1]}">`);
    expect(svg![0]).toMatch(new RegExp(`<desc id="${svg![2]}">共 11 个步骤。第 1 步 发现违法线索`));
    expect((svg![0].match(/<rect /g) ?? []).length).toBe(11);
    expect(page).toMatch(/<ol class="flow-steps">(<li>[\s\S]*?<\/li>){11}<\/ol>/);
    expect(page).not.toMatch(/ style="/);
  });
  it('shows four charts on the 2025 report, each with its table and a CSV that adds up to the same total', () => {
    const page = html('/enforcement/statistics/2025/');
    expect((page.match(/<svg class="stat-chart"[^>]*role="img"/g) ?? []).length).toBe(4);
    const totals = new Set<number>();
    for (const by of ['category', 'month', 'district', 'result']) {
      expect(page).toContain(`href="/enforcement/statistics/2025/${by}.csv"`);
      const csv = file(`enforcement/statistics/2025/${by}.csv`);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      totals.add(csv.trim().split('\r\n').slice(1).reduce((n, line) => n + Number(line.split(',')[1]), 0));
    }
    expect(totals.size).toBe(1);
    expect(page).toContain(`共作出行政执法决定 <strong>${[...totals][0]}</strong> 件`);
  });
  it('lists only decisions within their display period; an expired one keeps its page, marked', async () => {
    const { dataset } = await loadDataset('data');
    const index = decodeDecisionIndex(JSON.parse(file('enforcement/decisions/index.json')));
    const listed = new Set(index.rows.map((r) => r.id));
    const expired = dataset!.enforcement.filter((r) => r.stage === '事后公开' && r.status.state !== 'withdrawn' && existsSync(path.join(CLIENT, 'enforcement', r.id, 'index.html')) && html(`/enforcement/${r.id}/`).includes('本信息已过公示期'));
    expect(expired.length).toBeGreaterThan(0);
    for (const r of expired) expect(listed.has(r.id), r.id).toBe(false);
    // The .json twin says the same as the page: expired, with the day it was shown until; a listed one is not.
    for (const r of expired) expect(JSON.parse(file(`enforcement/${r.id}.json`)).display, r.id).toMatchObject({ expired: true, until: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const current = index.rows.map((row) => JSON.parse(file(`enforcement/${row.id}.json`)) as { display?: { expired: boolean } });
    expect(current.filter((t) => t.display).length).toBeGreaterThan(0);
    for (const t of current) if (t.display) expect(t.display.expired).toBe(false);
    const feed = new XMLParser().parse(file('enforcement/decisions/feed.xml'));
    const ids = [feed.feed.entry].flat().map((e: { id: string }) => e.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const r of expired) expect(ids.some((id: string) => id.endsWith(`/enforcement/${r.id}/`))).toBe(false);
    const withdrawn = dataset!.enforcement.filter((r) => r.status.state === 'withdrawn');
    for (const r of withdrawn) {
      expect(listed.has(r.id)).toBe(false);
      expect(existsSync(path.join(CLIENT, 'enforcement', r.id, 'index.html'))).toBe(false);
    }
  });
  it('publishes the roster as JSON, masked party names only, and no page script where none is needed', () => {
    const roster = decodeRoster(JSON.parse(file('enforcement/officers.json')));
    expect(roster.officers.length).toBeGreaterThan(5);
    expect(html('/enforcement/officers/')).toContain(roster.officers[0]!.certificateNo);
    const shell = scripts(html('/about/'));
    for (const url of ['/enforcement/before/', '/enforcement/officers/', '/enforcement/statistics/2025/']) expect(scripts(html(url)), url).toEqual(shell);
    expect(scripts(html('/enforcement/verify/')).length).toBe(shell.length + 1);
    const index = decodeDecisionIndex(JSON.parse(file('enforcement/decisions/index.json')));
    for (const r of index.rows.filter((x) => x.party !== 'org')) expect(r.partyName, r.id).toMatch(/^.{1,2}某$/);
  });
});
