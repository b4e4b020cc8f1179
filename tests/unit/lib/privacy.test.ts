import { describe, expect, it } from 'vitest';
import { phoneKey } from '../../../src/lib/identifiers.ts';
import {
  findPersonalData,
  findPersonNames,
  hasValidIdChecksum,
  isMaskedPersonName,
  looksLikePersonName,
  maskPersonName,
  maskSpan,
  surnameOfMasked,
} from '../../../src/lib/privacy.ts';

const kinds = (text: string, options = {}) => findPersonalData(text, options).map((f) => f.kind);

describe('hasValidIdChecksum', () => {
  it('accepts IDs with a valid GB 11643 check character', () => {
    expect(hasValidIdChecksum('11010519491231002X')).toBe(true);
    expect(hasValidIdChecksum('11010519491231002x')).toBe(true);
    expect(hasValidIdChecksum('230202199001011236')).toBe(true);
  });
  it('rejects a wrong check character or a wrong length', () => {
    expect(hasValidIdChecksum('110105194912310021')).toBe(false);
    expect(hasValidIdChecksum('1101051949123100')).toBe(false);
    expect(hasValidIdChecksum('230202199001011233')).toBe(false);
  });
});

describe('findPersonalData: finds', () => {
  it('18-digit resident IDs inside prose, with position and a masked copy', () => {
    expect(findPersonalData('当事人身份证号11010519491231002X，住所…')).toEqual([{ kind: '身份证号码', match: '11010519491231002X', index: 7, masked: '1101**********002X' }]);
    expect(kinds('证件号：230202199001011236。')).toEqual(['身份证号码']);
    expect(kinds('证件号：110105 19491231 002X')).toEqual(['身份证号码']);
  });
  it('15-digit legacy IDs', () => {
    expect(findPersonalData('旧证号110105491231002')).toMatchObject([{ kind: '身份证号码', match: '110105491231002' }]);
  });
  it('mobiles, bare, with +86 and with separators', () => {
    for (const m of ['13912345678', '+8613912345678', '+86 139 1234 5678', '86-139-1234-5678', '139-1234-5678', '(+86)13912345678', '0086 13912345678', '联系人手机：15845678901。'])
      expect(kinds(m), m).toEqual(['手机号码']);
  });
  it('landlines with an area code, in every common form', () => {
    for (const l of ['0452-2345678', '0452 2345678', '(0452)2345678', '（0452）2345678', '04522345678', '010-12345678', '+86-452-2345678', '0452-2345678-801', '0452-2345678转801'])
      expect(kinds(`电话${l}。`), l).toEqual(['座机号码']);
  });
  it('bank cards passing Luhn, and labelled account numbers', () => {
    expect(kinds('转入6222021234567890128')).toEqual(['银行卡号']);
    expect(kinds('账号6222021234567890123')).toEqual(['银行卡号']);
    expect(kinds('卡号 6222 0212 3456 7890')).toEqual(['银行卡号']);
    expect(kinds('开户账号：230501658808050012')).toEqual(['银行卡号']);
  });
  it('home addresses down to building, unit, room or house number', () => {
    for (const a of ['家住龙沙区文化大街12号楼3单元502室', '住址：建华区某小区5栋', '户籍地龙江县某乡某村3组', '现住址为铁锋区站前大街18号', '3号楼2单元501室'])
      expect(kinds(a), a).toEqual(['住址']);
  });
  it('unmasked names in a person’s position', () => {
    for (const t of ['当事人王建国未经批准', '村民李明在', '法定代表人：张伟，', '王建国非法占用土地案', '经查，欧阳建国擅自', '申请人为赵建华。'])
      expect(kinds(t), t).toEqual(['姓名']);
  });
});

describe('findPersonalData: full-width digits', () => {
  // Full-width digits (common from Word and IMEs) are normalised before matching.
  it('finds a mobile and an ID written with full-width digits', () => {
    expect(kinds('联系电话１３９１２３４５６７８')).toEqual(['手机号码']);
    expect(kinds('身份证号１１０１０５１９４９１２３１００２Ｘ')).toEqual(['身份证号码']);
  });
});

describe('findPersonalData: leaves alone', () => {
  it.each([
    ['文号', '齐自然资规公〔2026〕15号'],
    ['decision number', '齐自然资罚〔2026〕8号'],
    ['parcel code', '2026-G-015 地块'],
    ['宗地代码 and 电子监管号', '宗地代码230202001002GB00015，电子监管号2302022026B00015'],
    ['licence numbers', 'C2302072025117130160012；T23520200902056781'],
    ['service hotline', '12345 或 400-123-4567'],
    ['USCC', '统一社会信用代码 91230200MA1B2C3D4E'],
    ['coordinates', '东经123.950929°，北纬47.315233°；[123.970, 47.337]'],
    ['dates and amounts', '2026年11月23日，成交价1500万元，面积20000平方米，罚款15000000000元'],
    ['审图号', '黑S(2026)015号'],
    ['masked values', '张某、王**、139****5678、1101**********002X'],
    ['company names after roles', '竞得人为龙沙晟和置业股份有限公司；申请人齐齐哈尔市第一中学'],
    ['legal prose', '当事人于2026年3月未经批准；当事人经营的个体工商户；申请人民法院强制执行；施工方擅自开工'],
    ['an office room', '市政务服务中心3楼301室'],
  ])('%s', (_label, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
  it('a landline that is declared public', () => {
    expect(findPersonalData('咨询电话 0452-2345678', { publicPhones: new Set([phoneKey('0452-2345678')]) })).toEqual([]);
    expect(findPersonalData('咨询电话 (0452)2345678-801', { publicPhones: new Set([phoneKey('0452-2345678')]) })).toEqual([]);
  });
  it('code mode: ID and phone shapes only', () => {
    expect(kinds('家住5栋2单元301室', { mode: 'code' })).toEqual([]);
    expect(kinds('13912345678', { mode: 'code' })).toEqual(['手机号码']);
    expect(kinds('0452-2345678', { mode: 'contact' })).toEqual([]);
  });
});

describe('findPersonNames', () => {
  it('finds the full name of a declared surname after a boundary or a preposition', () => {
    expect(findPersonNames('对王建国作出处罚', { surnames: new Set(['王']) })).toMatchObject([{ match: '王建国', masked: '王**' }]);
    expect(findPersonNames('对王建国作出处罚')).toEqual([]);
  });
  it('leaves place names and allowed (roster) names alone', () => {
    expect(findPersonNames('位于王家屯村东侧，王某对事实无异议', { surnames: new Set(['王']) })).toEqual([]);
    expect(findPersonNames('当事人张建国，', { allowedNames: new Set(['张建国']) })).toEqual([]);
  });
});

describe('masking', () => {
  it('maskSpan hides most of every kind', () => {
    expect(maskSpan('身份证号码', '11010519491231002X')).toBe('1101**********002X');
    expect(maskSpan('手机号码', '+86 139-1234-5678')).toBe('+86 139-****-5678');
    expect(maskSpan('座机号码', '0452-2345678')).toBe('0452-****678');
    expect(maskSpan('银行卡号', '6222021234567890128')).toBe('6222***********0128');
    expect(maskSpan('姓名', '欧阳建国')).toBe('欧阳**');
  });
  it('isMaskedPersonName accepts masked names, with a note in brackets', () => {
    for (const n of ['张某', '张某某', '欧阳某', '欧阳某某', '王**', '王*', '李＊＊', '赵×', '吴某（村民）']) expect(isMaskedPersonName(n), n).toBe(true);
    expect(surnameOfMasked('欧阳某某')).toBe('欧阳');
  });
  it('isMaskedPersonName rejects real names and organisations', () => {
    for (const n of ['张三', '张三丰', '欧阳修', '王小明', '齐齐哈尔市示例公司', 'Zhang']) expect(isMaskedPersonName(n), n).toBe(false);
  });
  it('looksLikePersonName tells a bare name from an organisation', () => {
    expect(looksLikePersonName('吴建国（村民）')).toBe(true);
    expect(looksLikePersonName('齐齐哈尔市第一中学')).toBe(false);
  });
  it('maskPersonName keeps the surname and masks the given name', () => {
    expect(maskPersonName('张三')).toBe('张某');
    expect(maskPersonName('张三丰')).toBe('张某某');
    expect(maskPersonName('欧阳建国')).toBe('欧阳某某');
    expect(isMaskedPersonName(maskPersonName('王小明'))).toBe(true);
  });
});
