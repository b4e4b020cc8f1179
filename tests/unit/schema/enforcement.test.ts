import { describe, expect, it } from 'vitest';
import { enforcementSchema } from '../../../src/schema/enforcement.ts';
import { guardRecord } from '../../../src/schema/privacy.ts';
import { expectIssue, expectIssueAt, FILES, fixture } from './helpers.ts';

describe('enforcementSchema: valid samples', () => {
  it('parses the 事后公开 行政处罚 with a masked natural person', () => {
    const r = enforcementSchema.parse(fixture(FILES.penalty));
    expect(r.party).toEqual({ type: '自然人', name: '张某' });
    expect(r.status).toEqual({ state: 'active' });
  });
  it('parses the 事前公开 随机抽查事项清单', () => {
    const r = enforcementSchema.parse(fixture(FILES.inspectionList));
    expect(r.items).toHaveLength(1);
  });
  it('accepts an organisation under its full name', () => {
    const r = fixture(FILES.penalty);
    r.party = { type: '法人或其他组织', name: '齐齐哈尔市示例建材有限公司', creditCode: '91230200MA1B2C3D4E', legalRepresentative: '李某' };
    expect(enforcementSchema.safeParse(r).success).toBe(true);
  });
});

describe('enforcementSchema: party', () => {
  // Masking is the privacy guard's job (it reads the raw file); the message masks the name too.
  it('the guard rejects a natural person whose name is not masked, without printing the name', () => {
    const r = fixture(FILES.penalty);
    r.party.name = '张三';
    expect(guardRecord(enforcementSchema, r)).toEqual([{ field: 'party.name', reason: expect.stringMatching(/姓名必须遮盖后发布，请改为“张某”，现为“张\*”/) }]);
    expect(JSON.stringify(guardRecord(enforcementSchema, r))).not.toContain('张三');
  });
  it('the guard rejects an unmasked 个体工商户 operator and an unmasked legal representative', () => {
    const r = fixture(FILES.penalty);
    r.party = { type: '个体工商户', name: '王小明' };
    expect(guardRecord(enforcementSchema, r).map((i) => i.field)).toEqual(['party.name']);
    const s = fixture(FILES.penalty);
    s.party = { type: '法人或其他组织', name: '示例公司', legalRepresentative: '李四' };
    expect(guardRecord(enforcementSchema, s).map((i) => i.field)).toEqual(['party.legalRepresentative']);
  });
  it('rejects a credit code with a wrong check character and accepts a 宗地代码 or 地块编号 as parcelCode', () => {
    const r = fixture(FILES.penalty);
    r.party = { type: '个体工商户', name: '李某', creditCode: '92230202MA1C0D5U7P' };
    expectIssue(enforcementSchema, r, 'party.creditCode', /校验位不对/);
    for (const parcelCode of ['230206001002JA00017', '2026-G-015']) expect(enforcementSchema.safeParse({ ...fixture(FILES.penalty), parcelCode }).success, parcelCode).toBe(true);
    expectIssue(enforcementSchema, { ...fixture(FILES.penalty), parcelCode: '13912345678' }, 'parcelCode', /宗地代码/);
  });
  it('rejects an unknown party type', () => {
    const r = fixture(FILES.penalty);
    r.party.type = '个人';
    expectIssueAt(enforcementSchema, r, 'party.type');
  });
});

describe('enforcementSchema: stage rules', () => {
  it('rejects a 事后公开 without decisionDate', () => {
    const r = fixture(FILES.penalty);
    delete r.decisionDate;
    expectIssue(enforcementSchema, r, 'decisionDate', /事后公开必须有决定日期/);
  });
  it('rejects a 事后公开 without party and without result', () => {
    const r = fixture(FILES.penalty);
    delete r.party;
    delete r.result;
    expectIssue(enforcementSchema, r, 'party', /执法对象/);
    expectIssue(enforcementSchema, r, 'result', /执法结论/);
  });
  it('rejects a category of another stage', () => {
    expectIssue(enforcementSchema, { ...fixture(FILES.inspectionList), category: '行政处罚' }, 'category', /事前公开 的类别应为 .*随机抽查事项清单/);
    expectIssue(enforcementSchema, { ...fixture(FILES.penalty), category: '执法公示' }, 'category', /事后公开 的类别应为/);
  });
  it('rejects an unknown category', () => {
    expectIssueAt(enforcementSchema, { ...fixture(FILES.penalty), category: '罚款' }, 'category');
  });
  it('rejects a decision after publication and a display end before publication', () => {
    const r = fixture(FILES.penalty);
    r.decisionDate = '2026-11-14';
    expectIssue(enforcementSchema, r, 'publishDate', /发布日期早于决定日期/);
    const s = fixture(FILES.penalty);
    s.displayUntil = '2026-11-12';
    expectIssue(enforcementSchema, s, 'displayUntil', /公示截止日期早于发布日期/);
  });
  it('rejects an empty 随机抽查事项清单', () => {
    expectIssue(enforcementSchema, { ...fixture(FILES.inspectionList), items: [] }, 'items', /随机抽查事项清单不能为空/);
  });
});
