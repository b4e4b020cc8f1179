import { describe, expect, it } from 'vitest';
import { checkPeriodOverlaps, matterKeys } from '../../../src/schema/periods.ts';
import { noticeSchema, type Notice } from '../../../src/schema/index.ts';
import { FILES, fixture } from './helpers.ts';

function mining(id: string, start: string, end: string, edit?: (n: any) => void): { file: string; record: Notice } {
  const n = fixture(FILES.mining);
  n.id = id;
  n.docNo = `${id}号`;
  n.period = { start, end };
  edit?.(n);
  return { file: `notices/mining/${id}.yaml`, record: noticeSchema.parse(n) };
}

describe('periods across notices', () => {
  it('lets notices of one matter follow each other, and a correction overlap the notice it supersedes', () => {
    expect(checkPeriodOverlaps([mining('a-1', '2026-09-01', '2026-09-20'), mining('a-2', '2026-09-21', '2026-10-10')])).toEqual([]);
    const first = mining('a-1', '2026-09-01', '2026-09-20', (n) => (n.status = { state: 'superseded', date: '2026-09-05', reason: '更正', supersededBy: 'a-2' }));
    expect(checkPeriodOverlaps([first, mining('a-2', '2026-09-05', '2026-09-25')])).toEqual([]);
    // Another right, or another sub-kind, is another matter.
    expect(checkPeriodOverlaps([mining('a-1', '2026-09-01', '2026-09-20'), mining('b-1', '2026-09-01', '2026-09-20', (n) => (n.rights[0].name = '另一矿'))])).toEqual([]);
  });

  it('reports two 公示 of one mining right open at once, on the second file', () => {
    const issues = checkPeriodOverlaps([mining('a-1', '2026-09-01', '2026-09-20'), mining('a-2', '2026-09-15', '2026-10-01')]);
    expect(issues).toEqual([
      { file: 'notices/mining/a-2.yaml', field: 'period', severity: 'error', reason: expect.stringMatching(/2026-09-15 至 2026-10-01 与 notices\/mining\/a-1\.yaml.*重叠/) },
    ]);
    expect(matterKeys(mining('a-1', '2026-09-01', '2026-09-20').record)).toEqual(['矿业权 示例建筑用砂矿']);
  });

  it('refuses a period that runs backwards, and a right valid until before it is valid from', () => {
    const n = fixture(FILES.mining);
    n.period = { start: '2026-09-20', end: '2026-09-01' };
    n.rights[0].validFrom = '2026-01-01';
    n.rights[0].validUntil = '2025-12-31';
    const messages = noticeSchema.safeParse(n).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(['period.end: 结束日期早于开始日期', 'rights.0.validUntil: 有效期止 2025-12-31 早于有效期起 2026-01-01']);
  });
});
