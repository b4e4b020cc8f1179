/**
 * Cross-record checks of the 执法严起来 column, run by validateDataset
 * (./dataset.ts): publication deadlines of decisions, the roster's
 * 执法证号, the statistics reports against the calendar and the decisions.
 */
import { publicationDelay } from '../lib/enforcement-deadlines.ts';
import { ENFORCEMENT_RESERVED_IDS } from '../lib/urls.ts';
import { CalendarRangeError, type WorkingDayCalendar } from '../lib/workdays.ts';
import type { Entry, Salvaged } from './dataset.ts';
import { decisionCategories, type DecisionCategory, type EnforcementRecord } from './enforcement.ts';
import { normaliseCertificateNo, type EnforcementReport, type Officer } from './enforcement-column.ts';

type Report = (file: string, field: string, reason: string) => void;

export type ColumnCheckInput = {
  enforcement: Entry<Salvaged<EnforcementRecord>>[];
  officers: Entry<Salvaged<Officer>>[];
  /** Undefined when the caller does not check reports (then last year's is not asked for). */
  reports: Entry<Salvaged<EnforcementReport>>[] | undefined;
  /** Where a report file is expected (data/enforcement/reports, relative to the working directory). */
  reportsDir: string;
  /** The day the check runs (Asia/Shanghai). */
  today: string;
  calendar: WorkingDayCalendar;
  error: Report;
  warn: Report;
  checkDistrict: (file: string, district: string | undefined, field?: string) => void;
};

const isDecisionCategory = (c: string | undefined): c is DecisionCategory => (decisionCategories as readonly string[]).includes(c ?? '');

export function checkEnforcementColumn(input: ColumnCheckInput): void {
  const { error, warn } = input;

  // 国办发〔2018〕118号: 许可/处罚 within 7 working days of the decision, others within 20.
  for (const { file, record } of input.enforcement) {
    if ((ENFORCEMENT_RESERVED_IDS as readonly string[]).includes(record.id ?? ''))
      error(file, 'id', `id“${record.id}”是本栏目页面的地址（/enforcement/${record.id}/），不能用作执法信息的 id`);
    if (record.stage !== '事后公开' || !isDecisionCategory(record.category) || !record.decisionDate || !record.publishDate) continue;
    const published = record.publishDate.slice(0, 10);
    try {
      const d = publicationDelay(input.calendar, record.category, record.decisionDate, published);
      if (d.late)
        warn(file, 'publishDate', `${record.category}决定 ${record.decisionDate} 作出，${published} 才公开，是作出后第 ${d.taken} 个工作日，超过 ${d.limit} 个工作日的公开时限（国办发〔2018〕118号），最迟应在 ${d.latest} 公开`);
    } catch (e) {
      if (!(e instanceof CalendarRangeError)) throw e;
      warn(file, 'publishDate', `${e.message}，请人工核对公开时限`);
    }
  }

  // The roster: one 执法证号 per officer.
  const certs = new Map<string, string>();
  for (const { file, record } of input.officers) {
    input.checkDistrict(file, record.district);
    if (record.certificateNo === undefined) continue;
    const key = normaliseCertificateNo(record.certificateNo);
    const first = certs.get(key);
    if (first !== undefined) error(file, 'certificateNo', `执法证号“${record.certificateNo}”重复，已在 ${first} 中使用：一个执法证号只属于一名执法人员`);
    else certs.set(key, file);
  }

  // Reports: districts known; no fewer cases than the decisions published for the year.
  const years = new Set<number>();
  if (!input.reports) return;
  for (const { file, record } of input.reports) {
    if (record.year !== undefined) years.add(record.year);
    record.rows?.forEach((row, i) => input.checkDistrict(file, row.district, `rows[${i}].district`));
    if (record.year === undefined || !record.rows) continue;
    for (const category of decisionCategories) {
      const reported = record.rows.filter((r) => r.category === category).reduce((n, r) => n + r.cases, 0);
      const published = input.enforcement.filter(({ record: e }) => e.category === category && e.decisionDate?.startsWith(`${record.year}-`) && e.status?.state !== 'withdrawn').length;
      if (published > reported)
        warn(file, 'rows', `${record.year} 年${category}公开了 ${published} 件决定，年报只统计了 ${reported} 件：年报应包括全部已作出的决定`);
    }
  }
  // 行政执法统计年报: last year's by 31 January (国办发〔2018〕118号 as the cities implement it), once the
  // site publishes the reports or made decisions last year.
  const lastYear = Number(input.today.slice(0, 4)) - 1;
  const due = `${lastYear + 1}-01-31`;
  const decidedLastYear = input.enforcement.some(({ record }) => record.stage === '事后公开' && record.decisionDate?.startsWith(`${lastYear}-`));
  if (input.today > due && !years.has(lastYear) && (years.size > 0 || decidedLastYear))
    warn(`${input.reportsDir}/${lastYear}.yaml`, 'year', `${lastYear} 年的行政执法统计年报应于 ${due} 前公开，至今（${input.today}）尚未发布：按 docs/data-format.md 9.3 节添加 ${lastYear}.yaml`);
}
