/**
 * The 执法严起来 column's pages, as the build sees them: the decision rows of
 * the published view (the lists and the compact index), the prerendered
 * decision lists (memoised per view and scope: one filter run per list, not
 * per page), the party as a page shows it, and the column's pages for the
 * sitemap. What is listed is the published view's `enforcementListed`.
 */
import type { PublishedView, SitePage } from '../data/published.ts';
import type { EnforcementRecord } from '../schema/index.ts';
import { CATEGORY_VALUES, CITY_WIDE, EMPTY_DECISION_FILTER, categoryValueOf, partyValueOf, runDecisionFilter, type CategoryValue, type DecisionResult, type DecisionRow } from './decision-filter.ts';
import { pageCount, pageUrl } from './paging.ts';
import { urls } from './urls.ts';

/** The decisions a record list shows: 事后公开 records of the four categories. */
export const isDecision = (r: Pick<EnforcementRecord, 'stage' | 'category'>): boolean => r.stage === '事后公开' && categoryValueOf(r.category) !== undefined;

/**
 * The 当事人 as published, per party type (disclosure-rules.md §1(e)): an
 * organisation with its 统一社会信用代码 and 法定代表人; a 个体工商户 by its
 * masked operator's name and code; a natural person by the masked name only.
 * The privacy guard has already refused unmasked names in the file.
 */
export function partyLines(party: NonNullable<EnforcementRecord['party']>): string[] {
  if (party.type === '自然人') return [`${party.name}（自然人）`];
  const lines = [`${party.name}（${party.type}）`];
  if (party.creditCode) lines.push(`统一社会信用代码：${party.creditCode}`);
  if (party.type === '法人或其他组织' && party.legalRepresentative) lines.push(`法定代表人：${party.legalRepresentative}`);
  return lines;
}

type DistrictView = Pick<PublishedView, 'boundaries'>;
const districtCodes = (view: DistrictView) => new Map(view.boundaries.features.map((f) => [f.properties.name, f.properties.code]));

/** [code, name] of every district, 全市 first. */
export function decisionDistricts(view: DistrictView): [string, string][] {
  return [[CITY_WIDE, '全市'], ...view.boundaries.features.map((f) => [f.properties.code, f.properties.name] as [string, string])];
}

/** The listed decisions as filter rows, newest decision first. */
export function decisionRows(view: Pick<PublishedView, 'enforcementListed' | 'boundaries' | 'statusRule'>): DecisionRow[] {
  const codes = districtCodes(view);
  return view.enforcementListed.filter(isDecision).map((r) => ({
    id: r.id,
    category: categoryValueOf(r.category)!,
    district: codes.get(r.district) ?? CITY_WIDE,
    party: (r.party && partyValueOf(r.party.type)) ?? 'org',
    date: r.decisionDate ?? r.publishDate.slice(0, 10),
    title: r.title,
    docNo: r.docNo,
    partyName: r.party?.name ?? '',
    fineYuan: r.fineYuan,
    superseded: view.statusRule(r).superseded,
    sample: r.sample,
  }));
}

type Lists = { rows: DecisionRow[]; byScope: Map<string, DecisionResult> };
const memo = new WeakMap<object, Lists>();

/** The rows of a list (all categories, or one), newest first, with the counts per facet. */
export function decisionList(view: PublishedView, category?: CategoryValue): DecisionResult {
  let l = memo.get(view);
  if (!l) memo.set(view, (l = { rows: decisionRows(view), byScope: new Map() }));
  const key = category ?? '';
  let r = l.byScope.get(key);
  if (!r) l.byScope.set(key, (r = runDecisionFilter(l.rows, { ...EMPTY_DECISION_FILTER, categories: category ? [category] : [] })));
  return r;
}

/** The column's own pages for sitemap.xml (record pages are added with the records). */
export function enforcementSitePages(v: Pick<PublishedView, 'enforcementListed' | 'enforcementReports'>): SitePage[] {
  const decisions = v.enforcementListed.filter(isDecision);
  const pages: SitePage[] = [urls.enforcementBefore, urls.enforcementOfficers, urls.enforcementVerify, urls.enforcementStatistics].map((path) => ({ path }));
  for (let p = 1; p <= pageCount(decisions.length); p++) pages.push({ path: pageUrl(urls.enforcementDecisions, p) });
  for (const c of CATEGORY_VALUES) {
    const n = decisions.filter((r) => categoryValueOf(r.category) === c).length;
    for (let p = 1; p <= pageCount(n); p++) pages.push({ path: pageUrl(urls.enforcementDecisionCategory(c), p) });
  }
  for (const r of v.enforcementReports) pages.push({ path: urls.enforcementReport(r.year), lastmod: r.publishDate.slice(0, 10) });
  return pages;
}
