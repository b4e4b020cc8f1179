import { describe, expect, it } from 'vitest';
import { landNotice, miningNotice, noticeSchema, planningNotice, surveyingNotice } from '../../../src/schema/notice.ts';
import { expectIssue, expectIssueAt, FILES, fixture, issuesOf } from './helpers.ts';

describe('noticeSchema: valid samples', () => {
  it.each([
    ['planning', FILES.planning, '批前公示'],
    ['land', FILES.land, '出让公告'],
    ['mining', FILES.mining, '出让公告'],
    ['surveying', FILES.surveying, '地图审核'],
  ])('%s %s parses', (kind, file, subKind) => {
    const n = noticeSchema.parse(fixture(file));
    expect(n.kind).toBe(kind);
    expect(n.subKind).toBe(subKind);
    expect(n.status).toEqual({ state: 'active' });
    expect(n.sample).toBe(true);
  });
  it('rejects an unknown kind', () => {
    expectIssue(noticeSchema, { ...fixture(FILES.planning), kind: 'planing' }, 'kind', /kind 应为 planning、land、mining 或 surveying/);
  });
  it('rejects a subKind of another kind', () => {
    expectIssueAt(noticeSchema, { ...fixture(FILES.planning), subKind: '出让公告' }, 'subKind');
  });
  it('rejects a notice without title', () => {
    const n = fixture(FILES.planning);
    delete n.title;
    expectIssue(noticeSchema, n, 'title', /应为文字/);
  });

  // zod's own messages must reach bureau staff in Chinese too (z.locales.zhCN).
  it('reports an unknown key (typo) in Chinese', () => {
    const n = fixture(FILES.planning);
    n.titel = n.title;
    expectIssue(noticeSchema, n, '', /titel/);
  });
});

describe('planning', () => {
  it('rejects a 批前公示 without period and without feedback', () => {
    const n = fixture(FILES.planning);
    delete n.period;
    delete n.feedback;
    expectIssue(planningNotice, n, 'period', /批前公示必须有公示期/);
    expectIssue(planningNotice, n, 'feedback', /意见反馈方式/);
  });
  it('rejects a period ending before it starts', () => {
    const n = fixture(FILES.planning);
    n.period = { start: '2026-11-13', end: '2026-11-02' };
    expectIssue(noticeSchema, n, 'period.end', /结束日期早于开始日期/);
  });
  it('rejects a 批后公布 without 许可证号 and 发证日期, accepts it with them', () => {
    const n = { ...fixture(FILES.planning), subKind: '批后公布' };
    expectIssue(planningNotice, n, 'permitNo', /批后公布必须有许可证号/);
    expectIssue(planningNotice, n, 'issueDate', /发证日期/);
    expect(planningNotice.safeParse({ ...n, permitNo: '建字第230203202600015号', issueDate: '2026-10-30' }).success).toBe(true);
  });
  it('rejects a plot ratio above 30', () => {
    const n = fixture(FILES.planning);
    n.indicators.plotRatio = 35;
    expectIssueAt(planningNotice, n, 'indicators.plotRatio');
  });
});

describe('land', () => {
  it('rejects an 出让公告 parcel without startPriceWan', () => {
    const n = fixture(FILES.land);
    delete n.parcels[0].startPriceWan;
    expectIssue(landNotice, n, 'parcels[0].startPriceWan', /出让公告的地块必须有起始价/);
  });
  it('rejects an 出让公告 without parcels and without listing', () => {
    const n = fixture(FILES.land);
    n.parcels = [];
    delete n.listing;
    expectIssue(landNotice, n, 'parcels', /至少列出一宗地块/);
    expectIssue(landNotice, n, 'listing', /报名截止和挂牌\/竞价时间/);
  });
  it('rejects a listing ending before it starts', () => {
    const n = fixture(FILES.land);
    n.listing.end = '2026-11-09 10:00';
    expectIssue(landNotice, n, 'listing.end', /结束时间早于开始时间/);
  });
  it('rejects a 成交公示 parcel missing the winner', () => {
    const n = { ...fixture(FILES.land), subKind: '成交公示' };
    Object.assign(n.parcels[0], { dealPriceWan: 1600, dealDate: '2026-11-20' });
    expect(issuesOf(landNotice, { ...n, parcels: [{ ...n.parcels[0], winner: '齐齐哈尔市示例置业有限公司' }] })).toEqual([]);
    const hit = expectIssue(landNotice, n, 'parcels[0].winner', /成交公示的地块必须有成交价、竞得人和成交日期/);
    expect(issuesOf(landNotice, n)).toEqual([hit]);
  });
  it('rejects a 供地计划 without the plan table', () => {
    const n = { ...fixture(FILES.land), subKind: '供地计划', parcels: [] };
    delete n.listing;
    expectIssue(landNotice, n, 'supplyPlan', /供地计划必须有分用途供应面积/);
  });
  it('rejects a bad parcel code, an inverted plot-ratio range and a term above 70 years', () => {
    const n = fixture(FILES.land);
    n.parcels[0].code = '2026 G 015';
    n.parcels[0].plotRatio = { min: 3, max: 2 };
    n.parcels[0].termYears = 99;
    expectIssue(landNotice, n, 'parcels[0].code', /地块编号只能含/);
    expectIssue(landNotice, n, 'parcels[0].plotRatio', /容积率下限大于上限/);
    expectIssueAt(landNotice, n, 'parcels[0].termYears');
  });
});

describe('mining', () => {
  it('rejects an 出让公告 without transfer', () => {
    const n = fixture(FILES.mining);
    delete n.transfer;
    expectIssue(miningNotice, n, 'transfer', /矿业权出让公告必须写明出让方式和时间/);
  });
  it('rejects a notice without rights and a transfer ending before it starts', () => {
    const n = fixture(FILES.mining);
    n.rights = [];
    expectIssue(miningNotice, n, 'rights', /至少列出一个矿业权/);
    const m = fixture(FILES.mining);
    m.transfer.end = '2026-09-21 10:00';
    expectIssue(miningNotice, m, 'transfer.end', /结束时间早于开始时间/);
  });
  it('rejects a 自行废止公告 without its reason and a malformed licence number', () => {
    const n = { ...fixture(FILES.mining), subKind: '自行废止公告' };
    n.rights[0].licenseNo = 'C-2302-0020';
    expectIssue(miningNotice, n, 'abolition', /自行废止公告必须写明废止原因/);
    expectIssue(miningNotice, n, 'rights[0].licenseNo', /许可证号应为 C 或 T 加 22 位数字/);
  });
  it('rejects a mobile as licence number and a licence of the other kind of right', () => {
    const n = fixture(FILES.mining);
    n.rights[0].licenseNo = '13912345678';
    expectIssue(miningNotice, n, 'rights[0].licenseNo', /许可证号应为/);
    const m = fixture(FILES.mining);
    m.rights[0].licenseNo = 'T23520200902056781';
    expectIssue(miningNotice, m, 'rights[0].licenseNo', /采矿权的采矿许可证号以 C 开头/);
  });
  it('accepts 23-character C and T numbers and an 18-character T number', () => {
    const n = fixture(FILES.mining);
    n.rights[0].licenseNo = 'C2302072025117130160012';
    n.rights.push({ ...n.rights[0], type: '探矿权', licenseNo: 'T23520200902056781' }, { ...n.rights[0], type: '探矿权', licenseNo: 'T2302812021030300012345' });
    expect(miningNotice.safeParse(n).success).toBe(true);
  });
});

describe('land parcels: codes', () => {
  it('accepts a 宗地代码 and an 电子监管号', () => {
    const n = fixture(FILES.land);
    Object.assign(n.parcels[0], { cadastralCode: '230204001002GB00015', supervisionNo: '2302042026B00015' });
    expect(landNotice.safeParse(n).success).toBe(true);
  });
  it('rejects a malformed 宗地代码, 电子监管号 and an all-digit 地块编号', () => {
    const n = fixture(FILES.land);
    Object.assign(n.parcels[0], { code: '13912345678', cadastralCode: '2302040010GB00015', supervisionNo: '23020420260015' });
    expectIssue(landNotice, n, 'parcels[0].code', /地块编号.*不能全是数字/);
    expectIssue(landNotice, n, 'parcels[0].cadastralCode', /宗地代码应为 19 位/);
    expectIssue(landNotice, n, 'parcels[0].supervisionNo', /电子监管号应为 16 位/);
  });
});

describe('surveying', () => {
  it('rejects a 地图审核 without reviewNo', () => {
    const n = fixture(FILES.surveying);
    delete n.approval.reviewNo;
    expectIssue(surveyingNotice, n, 'approval.reviewNo', /地图审核结果必须有审图号/);
  });
  it('rejects a 地图审核 without the map name', () => {
    const n = fixture(FILES.surveying);
    delete n.approval.mapName;
    expectIssue(surveyingNotice, n, 'approval.mapName', /必须有地图名称/);
  });
  it('rejects validity ending before the decision and a bad credit code', () => {
    const n = fixture(FILES.surveying);
    n.approval.validUntil = '2026-08-01';
    expectIssue(surveyingNotice, n, 'approval.validUntil', /有效期截止日期早于决定日期/);
    const m = fixture(FILES.surveying);
    m.approval.creditCode = '91230200MA1B2C3D4';
    expectIssue(surveyingNotice, m, 'approval.creditCode', /统一社会信用代码应为 18 位/);
    // A wrong check character names the right one (a typo is then easy to find).
    m.approval.creditCode = '92230202MA1C0D5U7P';
    expectIssue(surveyingNotice, m, 'approval.creditCode', /校验位不对.*应为“M”/);
    m.approval.creditCode = '11010519491231002X';
    expectIssue(surveyingNotice, m, 'approval.creditCode', /这是身份证号码的格式，不是统一社会信用代码/);
  });
  it('accepts a 测绘资质审批 without map fields', () => {
    const n = { ...fixture(FILES.surveying), subKind: '测绘资质审批' };
    delete n.approval.mapName;
    delete n.approval.reviewNo;
    n.approval.grade = '乙级';
    expect(surveyingNotice.safeParse(n).success).toBe(true);
  });
});

describe('一码管地 fields: 规划核实, 供地结果, planning.parcel', () => {
  const verification = () => ({ ...fixture(FILES.planning), subKind: '规划核实', permitNo: '齐规核字第1号', issueDate: '2026-11-01', feedback: undefined, parcel: { cadastralCode: '230204001002GB00015' } });
  it('parses a 规划核实 on a parcel and a 供地结果 with its 电子监管号', () => {
    expect(planningNotice.parse(verification()).parcel).toEqual({ cadastralCode: '230204001002GB00015' });
    const land = fixture(FILES.land);
    land.subKind = '供地结果';
    land.parcels[0].supervisionNo = '2302042026B00015';
    expect(landNotice.safeParse(land).success).toBe(true);
  });
  it('wants the parcel of a 规划核实, an 电子监管号 on a 供地结果, and a code in a parcel link', () => {
    const v = verification();
    delete (v as { parcel?: unknown }).parcel;
    expectIssue(planningNotice, v, 'parcel', /规划核实必须写明所核实地块的宗地代码或电子监管号/);
    expectIssue(planningNotice, { ...verification(), permitNo: undefined }, 'permitNo', /规划核实必须有核实意见书编号/);
    expectIssue(planningNotice, { ...verification(), parcel: {} }, 'parcel', /地块关联至少要有宗地代码或电子监管号/);
    const land = fixture(FILES.land);
    land.subKind = '供地结果';
    expectIssue(landNotice, land, 'parcels[0].supervisionNo', /供地结果的地块必须有电子监管号/);
  });
});
