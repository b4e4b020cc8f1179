/**
 * “Bad input” for personal data and identifiers, through the loader: each
 * privacy class and each identifier has a copy of the minimal fixture that
 * must be refused (naming the file and the field, masking the span) and one
 * that must load. The table of the guard itself is tests/unit/schema/privacy.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load.ts';
import { edit, fixtureCopies, LAND, MINING, PENALTY, PLANNING, SITE, SURVEYING } from './fixture-copies.ts';

const copies = fixtureCopies('privacy');

/** A copy of the fixture with `rel` rewritten; the edit must change something. */
const copyWith = (rel: string, change: (text: string) => string): string => copies.copy((dir) => edit(dir, rel, change));

const line = (key: RegExp, replacement: string) => (t: string) => t.replace(key, replacement);
const append = (text: string) => (t: string) => `${t.trimEnd()}\n${text}\n`;

type Pair = {
  name: string;
  rel: string;
  bad: (t: string) => string;
  good: (t: string) => string;
  field: string;
  reason: RegExp;
  /** The raw span, which must not appear in the message. */
  span?: string;
};

const pairs: Pair[] = [
  {
    name: '身份证号码 in facts',
    rel: PENALTY,
    bad: line(/^facts: .*$/m, 'facts: 当事人（身份证号码230202199001011236）未经批准占用集体土地。'),
    good: line(/^facts: .*$/m, 'facts: 当事人（身份证号码2302**********1236）未经批准占用集体土地。'),
    field: 'facts',
    reason: /身份证号码“2302\*{10}1236”/,
    span: '230202199001011236',
  },
  {
    name: '手机号码 in a body',
    rel: PLANNING,
    bad: (t) => t.replace('利害关系人可在公示期内提出意见。', '利害关系人可在公示期内提出意见，联系人手机+86 139-1234-5678。'),
    good: (t) => t.replace('利害关系人可在公示期内提出意见。', '利害关系人可在公示期内提出意见，联系人手机139****5678。'),
    field: 'body',
    reason: /手机号码“\+86 139-\*{4}-5678”/,
    span: '139-1234-5678',
  },
  {
    name: '座机号码 not declared public (good: the one site.yaml declares)',
    rel: PLANNING,
    bad: (t) => t.replace('利害关系人可在公示期内提出意见。', '利害关系人可在公示期内提出意见，或拨打（0452）2345679。'),
    good: (t) => t.replace('利害关系人可在公示期内提出意见。', '利害关系人可在公示期内提出意见，或拨打监督电话（0452）0000251。'),
    field: 'body',
    reason: /座机号码.*不是本记录或 site\.yaml 登记的单位公开电话/,
    span: '2345679',
  },
  {
    name: '银行卡号 in a result',
    rel: PENALTY,
    bad: line(/^result: .*$/m, 'result: 责令退还非法占用的土地，罚款缴至6222021234567890128'),
    good: line(/^result: .*$/m, 'result: 责令退还非法占用的土地，罚款缴至指定银行'),
    field: 'result',
    reason: /银行卡号“6222\*+0128”/,
    span: '6222021234567890128',
  },
  {
    name: '住址 down to the room',
    rel: PENALTY,
    bad: line(/^facts: .*$/m, 'facts: 当事人家住富拉尔基区红岸大街8号楼2单元301室，未经批准占用集体土地建设房屋。'),
    good: line(/^facts: .*$/m, 'facts: 当事人住富拉尔基区某村，未经批准占用集体土地建设房屋。'),
    field: 'facts',
    reason: /住址“家住富拉.*\*+.*”/,
    span: '8号楼2单元301室',
  },
  {
    name: '姓名: the declared party’s full name in the title',
    rel: PENALTY,
    bad: line(/^title: .*$/m, 'title: 张建国非法占地行政处罚决定'),
    good: line(/^title: .*$/m, 'title: 张某非法占地行政处罚决定'),
    field: 'title',
    reason: /未遮盖的自然人姓名“张\*\*”.*请改为“张某”/,
    span: '张建国',
  },
  {
    name: '姓名: an unmasked party name',
    rel: PENALTY,
    bad: line(/^ {2}name: 张某$/m, '  name: 张建国'),
    good: line(/^ {2}name: 张某$/m, '  name: 张**'),
    field: 'party.name',
    reason: /姓名必须遮盖后发布，请改为“张某”，现为“张\*\*”/,
    span: '张建国',
  },
  {
    name: '统一社会信用代码 with a wrong check character',
    rel: SURVEYING,
    bad: line(/^ {2}creditCode: .*$/m, '  creditCode: 91230200MA1B2C3D4F'),
    good: line(/^ {2}creditCode: .*$/m, '  creditCode: 91230203MA1BX6Q414'),
    field: 'approval.creditCode',
    reason: /校验位不对.*应为“E”/,
  },
  {
    name: '统一社会信用代码 that is an ID number',
    rel: SURVEYING,
    bad: line(/^ {2}creditCode: .*$/m, '  creditCode: 11010519491231002X'),
    good: line(/^ {2}creditCode: .*$/m, '  creditCode: 92230202MA1C0D5U7M'),
    field: 'approval.creditCode',
    reason: /身份证号码“1101\*{10}002X”/,
    span: '11010519491231002X',
  },
  {
    name: '许可证号 that is a mobile (unquoted: YAML reads a number)',
    rel: MINING,
    bad: (t) => t.replace('    mineral: 建筑用砂\n', '    mineral: 建筑用砂\n    licenseNo: 13912345678\n'),
    good: (t) => t.replace('    mineral: 建筑用砂\n', '    mineral: 建筑用砂\n    licenseNo: C2302062026097130000012\n'),
    field: 'rights[0].licenseNo',
    reason: /手机号码“139\*{4}5678”/,
    span: '13912345678',
  },
  {
    name: '宗地代码 malformed',
    rel: LAND,
    bad: line(/^ {4}cadastralCode: .*$/m, '    cadastralCode: 230204001002QB00015'),
    good: line(/^ {4}cadastralCode: .*$/m, '    cadastralCode: 230204001002JC00015'),
    field: 'parcels[0].cadastralCode',
    reason: /宗地代码应为 19 位/,
  },
  {
    name: '电子监管号 malformed',
    rel: LAND,
    bad: (t) => t.replace('    cadastralCode: 230204001002GB00015\n', '    cadastralCode: 230204001002GB00015\n    supervisionNo: "230204202600015"\n'),
    good: (t) => t.replace('    cadastralCode: 230204001002GB00015\n', '    cadastralCode: 230204001002GB00015\n    supervisionNo: 2302042026B00015\n'),
    field: 'parcels[0].supervisionNo',
    reason: /电子监管号应为 16 位/,
  },
  {
    name: 'enforcement parcelCode that is an ID number',
    rel: PENALTY,
    bad: line(/^parcelCode: .*$/m, 'parcelCode: "230202199001011236"'),
    good: line(/^parcelCode: .*$/m, 'parcelCode: 2026-G-015'),
    field: 'parcelCode',
    reason: /身份证号码/,
    span: '230202199001011236',
  },
  {
    name: 'site.yaml: a mobile as the bureau’s phone',
    rel: SITE,
    bad: line(/^ {2}phone: 0452-0000000$/m, '  phone: "13912345678"'),
    good: line(/^ {2}phone: 0452-0000000$/m, '  phone: 0452-2000000'),
    field: 'contact.phone',
    reason: /手机号码“139\*{4}5678”/,
    span: '13912345678',
  },
  {
    name: 'a key the schema does not know',
    rel: PLANNING,
    bad: append('remark: 申请人王建国，电话13912345678'),
    // Any unknown key is a schema error as well: the good copy is the fixture as it is.
    good: (t) => t,
    field: 'remark',
    reason: /手机号码|姓名/,
    span: '13912345678',
  },
];

describe.concurrent('bad input: personal data and identifiers', () => {
  it.each(pairs.map((p) => [p.name, p] as const))('refuses %s, naming file and field', async (_name, p) => {
    const { dataset, issues } = await loadDataset(copyWith(p.rel, p.bad));
    expect(dataset).toBeUndefined();
    const errors = issues.filter((i) => i.severity === 'error');
    const hit = errors.find((e) => e.field === p.field);
    expect(hit, JSON.stringify(errors, null, 1)).toBeDefined();
    expect(hit!.file.split(path.sep).join('/').endsWith(p.rel)).toBe(true);
    expect(hit!.reason).toMatch(p.reason);
    for (const e of errors) expect(e.file.split(path.sep).join('/').endsWith(p.rel), `${e.file}: ${e.field}: ${e.reason}`).toBe(true);
    if (p.span) for (const e of errors) expect(e.reason).not.toContain(p.span);
  });

  it.each(pairs.map((p) => [p.name, p] as const))('loads the corrected value for %s', async (_name, p) => {
    // The corrected file may be the fixture as it is (the unknown-key case).
    const { dataset, issues } = await loadDataset(copies.copy((dir) => edit(dir, p.rel, p.good, { mustChange: false })));
    expect(issues).toEqual([]);
    expect(dataset).toBeDefined();
  });

  it('a schema error does not hide a privacy error in the same file', async () => {
    const dir = copyWith(PLANNING, (t) => t.replace(/^title: .*\n/m, '').replace('利害关系人可在公示期内提出意见。', '联系人手机13912345678。'));
    const { issues } = await loadDataset(dir);
    const errors = issues.filter((i) => i.severity === 'error').map((i) => [i.field, i.reason.slice(0, 14)]);
    expect(errors).toContainEqual(['title', '缺少必填字段']);
    expect(errors).toContainEqual(['body', '含有手机号码“139****']);
  });

  it('a record with an unknown kind still gets its privacy findings', async () => {
    const dir = copyWith(PLANNING, (t) => t.replace(/^kind: planning$/m, 'kind: plannning').replace('利害关系人可在公示期内提出意见。', '村民李明未经批准建房。'));
    const { issues } = await loadDataset(dir);
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.field)).toEqual(expect.arrayContaining(['kind', 'body']));
    expect(issues.find((i) => i.field === 'body')!.reason).toMatch(/姓名“李\*”/);
  });
});
