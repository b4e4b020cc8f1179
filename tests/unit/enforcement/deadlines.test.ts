import { describe, expect, it } from 'vitest';
import { boundaryCollection, enforcementSchema, validateDataset, type DataIssue } from '../../../src/schema/index.ts';
import { publicationDelay } from '../../../src/lib/enforcement-deadlines.ts';
import { WorkingDayCalendar } from '../../../src/lib/workdays.ts';
import { FILES, fixture } from '../schema/helpers.ts';

const calendar = new WorkingDayCalendar();
const boundaries = boundaryCollection.parse(fixture(FILES.boundaries));

/** The deadline check on one decision of a category, decided and published on the given days. */
function check(category: '行政处罚' | '行政许可' | '行政检查' | '行政强制', decisionDate: string, publishDate: string): DataIssue[] {
  const raw = { ...fixture(FILES.penalty), category, decisionDate, publishDate };
  if (category !== '行政处罚') delete raw.fineYuan;
  return validateDataset({ boundaries: { file: 'b', record: boundaries }, redSites: [], redRoutes: [], notices: [], enforcement: [{ file: 'enforcement/x.yaml', record: enforcementSchema.parse(raw) }] });
}

describe('publication deadlines (国办发〔2018〕118号)', () => {
  it('warns on a 行政许可 published on the 8th working day, with the dates and the last day allowed', () => {
    expect(check('行政许可', '2026-11-02', '2026-11-11')).toEqual([]); // the 7th working day
    const [w, ...rest] = check('行政许可', '2026-11-02', '2026-11-12');
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ file: 'enforcement/x.yaml', field: 'publishDate', severity: 'warning' });
    expect(w!.reason).toBe('行政许可决定 2026-11-02 作出，2026-11-12 才公开，是作出后第 8 个工作日，超过 7 个工作日的公开时限（国办发〔2018〕118号），最迟应在 2026-11-11 公开');
  });
  it('warns on a late 行政处罚 and not on one published the same day', () => {
    expect(check('行政处罚', '2026-11-10', '2026-11-10')).toEqual([]);
    expect(check('行政处罚', '2026-11-10', '2026-11-20')[0]?.reason).toMatch(/行政处罚决定.*第 8 个工作日，超过 7 个工作日/);
  });
  it('gives 行政检查 and 行政强制 20 working days', () => {
    expect(check('行政检查', '2026-11-02', '2026-11-30')).toEqual([]); // the 20th working day
    expect(check('行政检查', '2026-11-02', '2026-12-01')[0]?.reason).toMatch(/行政检查决定.*第 21 个工作日，超过 20 个工作日.*最迟应在 2026-11-30 公开/);
    expect(check('行政强制', '2026-11-02', '2026-12-01')[0]?.reason).toMatch(/超过 20 个工作日/);
  });
  it('counts 国庆 as days off and the 调休 Saturday 2026-10-10 as a working day', () => {
    // After 2026-09-29: 9-30, 10-8, 10-9, 10-10 (调休), 10-12, 10-13, 10-14 → the 7th is 10-14.
    expect(publicationDelay(calendar, '行政处罚', '2026-09-29', '2026-10-14')).toEqual({ limit: 7, taken: 7, latest: '2026-10-14', late: false });
    // Without the 调休 Saturday 10-15 would still be on time.
    expect(check('行政处罚', '2026-09-29', '2026-10-15')[0]?.reason).toMatch(/第 8 个工作日.*最迟应在 2026-10-14 公开/);
  });
  it('does not count a decision made on a Saturday as a working day taken', () => {
    // Decided Saturday 11-07: 11-09 is the 1st working day after, 11-17 the 7th, 11-18 the 8th.
    expect(publicationDelay(calendar, '行政处罚', '2026-11-07', '2026-11-17').late).toBe(false);
    expect(publicationDelay(calendar, '行政处罚', '2026-11-07', '2026-11-18')).toMatchObject({ taken: 8, late: true });
  });
  it('asks for a manual check where the calendar has no year', () => {
    const [w] = check('行政处罚', '2027-03-01', '2027-03-05');
    expect(w).toMatchObject({ field: 'publishDate', severity: 'warning' });
    expect(w!.reason).toMatch(/holidays\.yaml.*请人工核对公开时限/);
  });
});
