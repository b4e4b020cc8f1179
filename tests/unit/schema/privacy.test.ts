/**
 * The privacy guard (src/schema/privacy.ts) as a table: each case edits one
 * raw fixture record and says whether the guard must refuse it (and where,
 * and what) or let it pass. Half the cases are refusals, half are allowed
 * values that look a little like personal data.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { phoneKey } from '../../../src/lib/identifiers.ts';
import {
  declaredPublicPhones,
  enforcementSchema,
  guardRecord,
  noticeSchema,
  redSiteSchema,
  siteSchema,
  type GuardOptions,
  type PrivacyIssue,
} from '../../../src/schema/index.ts';
import { FILES, fixture } from './helpers.ts';

type Raw = Record<string, any>;
type Subject = { schema: z.ZodType; raw: unknown; options?: GuardOptions };
type Case = {
  name: string;
  subject: () => Subject;
  /** Absent: must pass. Present: the field refused, the kind named, and the raw span that must not appear in the message. */
  refuse?: { field: string; kind: RegExp; span?: string };
};

const penalty = (edit: (r: Raw) => void): Subject => {
  const r = fixture(FILES.penalty);
  edit(r);
  return { schema: enforcementSchema, raw: r };
};
const planning = (edit: (r: Raw) => void, options?: GuardOptions): Subject => {
  const r = fixture(FILES.planning);
  edit(r);
  return { schema: noticeSchema, raw: r, ...(options ? { options } : {}) };
};
const land = (edit: (r: Raw) => void): Subject => {
  const r = fixture(FILES.land);
  edit(r);
  return { schema: noticeSchema, raw: r };
};
const mining = (edit: (r: Raw) => void): Subject => {
  const r = fixture(FILES.mining);
  edit(r);
  return { schema: noticeSchema, raw: r };
};
const body = (text: string, options?: GuardOptions) => planning((r) => (r.body = text), options);
const facts = (text: string) => penalty((r) => (r.facts = text));

/** A later issue's 执法人员 roster, declared the way its schema will declare it. */
const roster = z.strictObject({
  id: z.string().meta({ privacy: 'code' }),
  body: z.string(),
  officers: z.array(z.strictObject({ name: z.string().meta({ privacy: 'official-name' }), certNo: z.string().meta({ privacy: 'code' }) })),
});

const SITE_PHONES: GuardOptions = { publicPhones: new Set([phoneKey('0452-0000251')]) };

const refused: Case[] = [
  { name: 'an ID number as party.creditCode', subject: () => penalty((r) => (r.party = { type: '法人或其他组织', name: '示例公司', creditCode: '11010519491231002X' })), refuse: { field: 'party.creditCode', kind: /身份证号码/, span: '11010519491231002X' } },
  { name: 'a mobile as licenseNo', subject: () => mining((r) => (r.rights[0].licenseNo = '13912345678')), refuse: { field: 'rights[0].licenseNo', kind: /手机号码/, span: '13912345678' } },
  { name: 'a mobile as licenseNo that YAML read as a number', subject: () => mining((r) => (r.rights[0].licenseNo = 13912345678)), refuse: { field: 'rights[0].licenseNo', kind: /手机号码/, span: '13912345678' } },
  { name: 'a mobile as enforcement parcelCode', subject: () => penalty((r) => (r.parcelCode = '139-1234-5678')), refuse: { field: 'parcelCode', kind: /手机号码/ } },
  { name: 'an ID number as 文号', subject: () => penalty((r) => (r.docNo = '230202199001011236')), refuse: { field: 'docNo', kind: /身份证号码/, span: '230202199001011236' } },
  { name: 'the full name of the declared party in the title', subject: () => penalty((r) => { r.party.name = '王某'; r.title = '王建国非法占用土地案行政处罚决定'; }), refuse: { field: 'title', kind: /姓名/, span: '王建国' } },
  { name: 'the full name before 未经批准 in facts', subject: () => facts('王建国未经批准占用集体土地建设房屋。'), refuse: { field: 'facts', kind: /姓名/, span: '王建国' } },
  { name: 'the declared surname’s full name after 对', subject: () => penalty((r) => { r.party.name = '王某'; r.result = '对王建国作出罚款12000元的处罚。'; }), refuse: { field: 'result', kind: /姓名/, span: '王建国' } },
  { name: 'the full name of a declared 齐某 after a comma', subject: () => penalty((r) => { r.party.name = '齐某'; r.facts = '经查，齐建国于2026年3月在齐齐哈尔市富拉尔基区建房。'; }), refuse: { field: 'facts', kind: /姓名/, span: '齐建国' } },
  { name: 'a name after 当事人', subject: () => facts('经查，当事人李明在富拉尔基区某村建房。'), refuse: { field: 'facts', kind: /姓名/, span: '李明' } },
  { name: 'a name after 村民', subject: () => body('村民赵建华擅自在耕地上建房。'), refuse: { field: 'body', kind: /姓名/, span: '赵建华' } },
  { name: 'a name after 法定代表人：', subject: () => facts('法定代表人：欧阳建国，'), refuse: { field: 'facts', kind: /姓名/, span: '欧阳建国' } },
  { name: 'an unmasked natural person as party.name', subject: () => penalty((r) => (r.party.name = '张三')), refuse: { field: 'party.name', kind: /遮盖/, span: '张三' } },
  { name: 'an unmasked 个体工商户 operator', subject: () => penalty((r) => (r.party = { type: '个体工商户', name: '王小明' })), refuse: { field: 'party.name', kind: /遮盖/, span: '王小明' } },
  { name: 'an unmasked legal representative', subject: () => penalty((r) => (r.party = { type: '法人或其他组织', name: '示例公司', legalRepresentative: '李四' })), refuse: { field: 'party.legalRepresentative', kind: /遮盖/, span: '李四' } },
  { name: 'an unmasked villager as planning applicant', subject: () => planning((r) => (r.applicant = '吴建国（村民）')), refuse: { field: 'applicant', kind: /遮盖/, span: '吴建国' } },
  { name: 'a natural person as 竞得人', subject: () => land((r) => (r.parcels[0].winner = '李明')), refuse: { field: 'parcels[0].winner', kind: /遮盖/, span: '李明' } },
  { name: 'a mobile in a body', subject: () => body('联系人手机 139 1234 5678。'), refuse: { field: 'body', kind: /手机号码/, span: '139 1234 5678' } },
  { name: 'a mobile with +86', subject: () => body('电话：+86 139-1234-5678'), refuse: { field: 'body', kind: /手机号码/ } },
  { name: 'a mobile with 0086', subject: () => body('电话0086 13912345678'), refuse: { field: 'body', kind: /手机号码/ } },
  { name: 'a mobile in full-width digits', subject: () => body('联系电话１３９１２３４５６７８'), refuse: { field: 'body', kind: /手机号码/ } },
  { name: 'an undeclared landline 0452-2345679', subject: () => body('王某家电话 0452-2345679'), refuse: { field: 'body', kind: /座机号码/, span: '0452-2345679' } },
  { name: 'an undeclared landline (0452)2345679', subject: () => body('电话(0452)2345679'), refuse: { field: 'body', kind: /座机号码/ } },
  { name: 'an undeclared landline +86-452-2345679', subject: () => body('电话+86-452-2345679'), refuse: { field: 'body', kind: /座机号码/ } },
  { name: 'an undeclared landline without separator', subject: () => body('电话04522345679。'), refuse: { field: 'body', kind: /座机号码/ } },
  { name: 'a bank card passing Luhn', subject: () => facts('罚款已由6222021234567890128转入'), refuse: { field: 'facts', kind: /银行卡号/, span: '6222021234567890128' } },
  { name: 'a labelled bank account', subject: () => facts('开户账号：2305 0165 8808 0500 12'), refuse: { field: 'facts', kind: /银行卡号/ } },
  { name: 'an 18-digit ID in prose, wrong check character and all', subject: () => facts('当事人身份证号码110105194912310021。'), refuse: { field: 'facts', kind: /身份证号码/, span: '110105194912310021' } },
  { name: 'a 15-digit legacy ID', subject: () => facts('旧证号110105491231002'), refuse: { field: 'facts', kind: /身份证号码/, span: '110105491231002' } },
  { name: 'a home address down to the room', subject: () => facts('当事人家住龙沙区文化大街12号楼3单元502室。'), refuse: { field: 'facts', kind: /住址/, span: '文化大街12号楼3单元502室' } },
  { name: 'a 户籍地 down to the 组 and house number', subject: () => facts('户籍地龙江县某乡某村3组12号。'), refuse: { field: 'facts', kind: /住址/ } },
  { name: 'a residential unit without a keyword', subject: () => body('送达至5栋2单元301室。'), refuse: { field: 'body', kind: /住址/ } },
  { name: 'personal data under a key the schema does not know', subject: () => planning((r) => (r.remark = '联系13912345678')), refuse: { field: 'remark', kind: /手机号码/ } },
  { name: 'a mobile in a red site’s public contact', subject: () => { const r = fixture(FILES.redSite); r.booking.contact.phone = '13912345678'; return { schema: redSiteSchema, raw: r }; }, refuse: { field: 'booking.contact.phone', kind: /手机号码/ } },
  { name: 'a mobile in site.yaml’s contact', subject: () => { const r = fixture(FILES.site); r.contact.phone = '139 1234 5678'; return { schema: siteSchema, raw: r }; }, refuse: { field: 'contact.phone', kind: /手机号码/ } },
  { name: 'an ID number in a roster’s certificate field', subject: () => ({ schema: roster, raw: { id: 'r', body: '执法人员名单', officers: [{ name: '张建国', certNo: '230202199001011236' }] } }), refuse: { field: 'officers[0].certNo', kind: /身份证号码/ } },
];

const passed: Case[] = [
  { name: 'the bureau landline in contact.phone and in the body it declares', subject: () => body('咨询电话 0452-2345678。') },
  { name: 'a landline declared in site.yaml (监督电话)', subject: () => body('可拨打监督电话0452-0000251反映。', SITE_PHONES) },
  { name: 'a declared line with an extension', subject: () => body('咨询电话0452-2345678转801') },
  { name: '12345 and a 400 hotline', subject: () => body('可拨打12345政务服务便民热线或400-123-4567。') },
  { name: 'a legal person with its credit code and a masked legal representative', subject: () => penalty((r) => (r.party = { type: '法人或其他组织', name: '齐齐哈尔鑫达物流有限公司', creditCode: '91230203MA1BX6Q414', legalRepresentative: '赵某' })) },
  { name: 'a credit code in prose', subject: () => facts('当事人统一社会信用代码91230203MA1BX6Q414。') },
  { name: '文号', subject: () => facts('依据齐自然资罚〔2026〕12号决定。') },
  { name: 'the bureau’s parcel number', subject: () => penalty((r) => (r.parcelCode = '2026-G-015')) },
  { name: 'a 宗地代码 and an 电子监管号 on a parcel', subject: () => land((r) => Object.assign(r.parcels[0], { cadastralCode: '230204001002GB00015', supervisionNo: '2302042026B00015' })) },
  { name: 'a 宗地代码 and an 电子监管号 in prose', subject: () => body('宗地代码230204001002GB00015，电子监管号2302042026B00015。') },
  { name: '许可证号 C… and T…', subject: () => mining((r) => { r.rights[0].licenseNo = 'C2302072025117130160012'; r.body = '勘查许可证号T23520200902056781。'; }) },
  { name: 'a planning permit number with 15 digits', subject: () => body('许可证号：建字第230202202600015号。') },
  { name: 'amounts, also an 11-digit one', subject: () => facts('罚款930000元；成交价15000000000元。') },
  { name: 'areas', subject: () => facts('占用土地4650平方米（约6.98亩），0.3215平方千米。') },
  { name: 'dates and times', subject: () => facts('2026年4月14日9时00分至2026-04-20 10:00。') },
  { name: 'coordinates, also as text', subject: () => facts('东经123.950929°，北纬47.315233°；[123.970, 47.337]。') },
  { name: 'geometry is not text', subject: () => land((r) => (r.parcels[0].geometry.coordinates[0][0] = [13912345678, 47.3])) },
  { name: 'a masked name 张某 in title, facts and party', subject: () => penalty((r) => { r.title = '张某非法占用土地案'; r.facts = '张某未经批准占用集体土地。'; }) },
  { name: 'a masked name 张** as party.name', subject: () => penalty((r) => (r.party.name = '张**')) },
  { name: 'a masked villager 吴某（村民）', subject: () => planning((r) => (r.applicant = '吴某（村民）')) },
  { name: 'an official in a declared roster, also named in its text', subject: () => ({ schema: roster, raw: { id: 'r', body: '执法人员张建国、李明出示执法证件。', officers: [{ name: '张建国', certNo: '黑23020012345' }, { name: '李明', certNo: '黑23020012346' }] } }) },
  { name: 'a masked mobile and a masked ID', subject: () => facts('手机139****5678，身份证号1101**********002X。') },
  { name: 'a company after 竞得人', subject: () => land((r) => (r.body = '竞得人为龙沙晟和置业股份有限公司，成交价7180万元。')) },
  { name: 'a company at the start of a clause before 未经批准', subject: () => facts('齐齐哈尔鑫达物流有限公司未经批准占用土地。') },
  { name: '申请人民法院强制执行 and 当事人经营的', subject: () => facts('当事人经营的个体工商户逾期不履行的，本机关将依法申请人民法院强制执行。') },
  { name: '当事人于… and 施工方擅自…', subject: () => facts('当事人于2026年3月未经批准占地；施工方擅自开工。') },
  { name: 'a surname with a title (王先生)', subject: () => body('联系人：王先生。') },
  { name: 'a declared 齐某, 万某 and 龙某 beside 齐齐哈尔市, 20万吨, 龙沙区 and a benchmark Ⅲ齐龙87', subject: () => penalty((r) => { r.party = { type: '法人或其他组织', name: '示例公司', legalRepresentative: '齐某' }; r.facts = '齐齐哈尔市龙沙区某地，年产20万吨，水准点Ⅲ齐龙87。'; }) },
  { name: 'a place named after the declared surname', subject: () => penalty((r) => { r.party.name = '王某'; r.facts = '当事人在王家屯村东侧建房，王某对事实无异议。'; }) },
  { name: 'an office address with a room number', subject: () => body('书面意见送达市政务服务中心3楼301室或建华区卜奎大街218号。') },
  { name: 'a historical figure in a red site summary', subject: () => { const r = fixture(FILES.redSite); r.summary = '1938年，抗联将领赵尚志率部在此与日军激战。'; return { schema: redSiteSchema, raw: r }; } },
  { name: 'e-mail addresses of the bureau', subject: () => body('意见可发送至ghgs@zrzy.qqhr.example.gov.cn。') },
  { name: '审图号 and 测绘资质证书号', subject: () => body('审图号：黑S(2026)015号；甲测资字1100471。') },
  { name: 'a village at 村 level (not down to the 组)', subject: () => facts('当事人户籍地龙江县某乡某村。') },
  { name: 'the corpus-style contact line: number of the record’s own contact', subject: () => planning((r) => { r.contact.phone = '0452-2516752'; r.feedback.channels = '书面意见寄送至县自然资源局'; r.body = '联系电话：0452-2516752'; }) },
  { name: 'the minimal fixture records as they are', subject: () => ({ schema: noticeSchema, raw: fixture(FILES.planning) }) },
];

function run(c: Case): PrivacyIssue[] {
  const { schema, raw, options } = c.subject();
  return guardRecord(schema, raw, options);
}

describe('privacy guard: the table', () => {
  it('has at least 60 cases, half of them refusals', () => {
    expect(refused.length + passed.length).toBeGreaterThanOrEqual(60);
    expect(refused.length).toBe(passed.length);
  });

  it.each(refused.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => {
    const issues = run(c);
    const hit = issues.find((i) => i.field === c.refuse!.field);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit!.reason).toMatch(c.refuse!.kind);
    // The message masks the span (so logs do not leak it) and is Chinese.
    if (c.refuse!.span) expect(hit!.reason).not.toContain(c.refuse!.span);
    expect(hit!.reason).toMatch(/\*/);
    expect(hit!.reason).toMatch(/请/);
  });

  it.each(passed.map((c) => [c.name, c] as const))('lets pass %s', (_name, c) => {
    expect(run(c)).toEqual([]);
  });
});

describe('privacy guard: raw input', () => {
  it('still finds personal data in a record the schema rejects (unknown kind, missing title, wrong types)', () => {
    const r = fixture(FILES.planning);
    r.kind = 'plannning';
    delete r.title;
    r.indicators = '很多';
    r.body = '联系人手机13912345678';
    expect(noticeSchema.safeParse(r).success).toBe(false);
    expect(guardRecord(noticeSchema, r)).toEqual([{ field: 'body', reason: expect.stringMatching(/含有手机号码“139\*\*\*\*5678”/) }]);
  });
  it('scans a field whose value has the wrong shape as text', () => {
    const r = fixture(FILES.penalty);
    r.party = ['张三', { phone: '13912345678' }];
    const fields = guardRecord(enforcementSchema, r).map((i) => i.field);
    expect(fields).toContain('party[1].phone');
  });
  it('names fields like the loader: parcels[0].winner, rights[0].licenseNo', () => {
    const r = fixture(FILES.land);
    r.parcels[0].winner = '李明';
    expect(guardRecord(noticeSchema, r).map((i) => i.field)).toEqual(['parcels[0].winner']);
  });
});

describe('declaredPublicPhones', () => {
  it('collects site.yaml’s contact and publicContacts as phone keys', () => {
    const r = fixture(FILES.site);
    r.publicContacts = [{ unit: '监督电话', phone: '0452-0000251' }];
    const phones = declaredPublicPhones(siteSchema, r);
    expect(phones.has(phoneKey('0452-0000251'))).toBe(true);
    expect(phones.has(phoneKey(r.contact.phone))).toBe(true);
  });
  it('ignores phones in text fields', () => {
    const r = fixture(FILES.site);
    r.organizer = '信息中心 0452-7777777';
    expect(declaredPublicPhones(siteSchema, r).has('04527777777')).toBe(false);
  });
});
