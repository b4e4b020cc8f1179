import { describe, expect, it } from 'vitest';
import { findPersonalData, hasValidIdChecksum, isMaskedPersonName, maskPersonName } from '../../../src/lib/privacy.ts';

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

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
  it('18-digit resident IDs inside prose', () => {
    expect(findPersonalData('当事人身份证号11010519491231002X，住所…')).toEqual([{ kind: '身份证号码', match: '11010519491231002X' }]);
    expect(kinds('证件号：230202199001011236。')).toEqual(['身份证号码']);
  });
  it('15-digit legacy IDs', () => {
    expect(findPersonalData('旧证号110105491231002')).toEqual([{ kind: '身份证号码', match: '110105491231002' }]);
  });
  it('mobiles, bare, with +86 and with separators', () => {
    for (const m of ['13912345678', '+8613912345678', '+86 139 1234 5678', '86-139-1234-5678', '139-1234-5678', '联系人手机：15845678901。'])
      expect(kinds(m), m).toEqual(['手机号码']);
  });
  it('bank cards, plain and grouped by 4', () => {
    expect(kinds('账号6222021234567890123')).toEqual(['银行卡号']);
    expect(kinds('卡号 6222 0212 3456 7890')).toEqual(['银行卡号']);
    expect(kinds('卡号4367-4212-3456-7890')).toEqual(['银行卡号']);
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
    ['office line', '咨询电话 0452-2345678'],
    ['office line with extension', '0452-2345678-801'],
    ['service hotline', '12345 或 400-123-4567'],
    ['USCC', '统一社会信用代码 91230200MA1B2C3D4E'],
    ['coordinates', '东经123.950929°，北纬47.315233°；[123.970, 47.337]'],
    ['dates and amounts', '2026年11月23日，成交价1500万元，面积20000平方米'],
    ['审图号', '黑S(2026)015号'],
  ])('%s', (_label, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('isMaskedPersonName', () => {
  it('accepts masked names', () => {
    for (const n of ['张某', '张某某', '欧阳某', '欧阳某某', '王**', '王*', '李＊＊', '赵×'])
      expect(isMaskedPersonName(n), n).toBe(true);
  });
  it('rejects real names and organisations', () => {
    for (const n of ['张三', '张三丰', '欧阳修', '王小明', '齐齐哈尔市示例公司', 'Zhang'])
      expect(isMaskedPersonName(n), n).toBe(false);
  });
});

describe('maskPersonName', () => {
  it('keeps the surname and masks the given name', () => {
    expect(maskPersonName('张三')).toBe('张某');
    expect(maskPersonName('张三丰')).toBe('张某某');
    expect(isMaskedPersonName(maskPersonName('王小明'))).toBe(true);
  });
});
