import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  isBankCardNumber,
  isBureauParcelNo,
  isCadastralCode,
  isCreditCode,
  isDivisionCode,
  isLandSupervisionNo,
  isMiningLicenseNo,
  isMobileNumber,
  isRealEstateUnitCode,
  isResidentId,
  looksLikeResidentId,
  parseCadastralCode,
  parseCreditCode,
  parseMiningLicenseNo,
  phoneKey,
  residentIdCheckChar,
} from '../../../src/lib/identifiers.ts';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes with the right mod-31 check character', () => {
    // 91350100M000100Y43 is the example widely quoted from the standard's annex.
    for (const c of ['91350100M000100Y43', '91230203MA1BX6Q414', '92230202MA1C0D5U7M', '91230200MA1B2C3D4E']) expect(isCreditCode(c), c).toBe(true);
    expect(parseCreditCode('92230202MA1C0D5U7M')).toEqual({ department: '9', category: '2', divisionCode: '230202', subjectCode: 'MA1C0D5U7' });
  });
  it('rejects a wrong check character, a letter outside the charset, a wrong division code and an ID number', () => {
    expect(isCreditCode('92230202MA1C0D5U7P')).toBe(false); // the sample: P should be M
    expect(creditCodeCheckChar('92230202MA1C0D5U7')).toBe('M');
    expect(isCreditCode('91230203MA1BX6Q41O')).toBe(false); // O is not in the charset
    expect(isCreditCode('91990203MA1BX6Q414')).toBe(false); // no province 99
    expect(isCreditCode('11010519491231002X')).toBe(false); // a resident ID
    expect(isCreditCode('91230203MA1BX6Q41')).toBe(false);
  });
});

describe('居民身份证号码 (GB 11643)', () => {
  it('accepts 18-digit IDs with the check character and a real birth date, and the 15-digit form', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491231002x')).toBe(true);
    expect(isResidentId('230202199001011236')).toBe(true);
    expect(isResidentId('110105491231002')).toBe(true);
    expect(residentIdCheckChar('23020219900101123')).toBe('6');
  });
  it('rejects a wrong check character, an impossible date, an unknown province and a future birth date', () => {
    expect(isResidentId('110105194912310021')).toBe(false);
    expect(isResidentId('110105194902300028')).toBe(false); // 30 February
    expect(isResidentId('990105194912310026')).toBe(false);
    expect(isResidentId('110105209912310021')).toBe(false);
    expect(isResidentId('13912345678')).toBe(false);
  });
  it('looksLikeResidentId: the shape without the check character, for the guard', () => {
    expect(looksLikeResidentId('110105194912310021')).toBe(true); // wrong check character, still an ID
    expect(looksLikeResidentId('230202202600015')).toBe(false); // 建字第230202202600015号: month 26
    expect(looksLikeResidentId('100000199001011236')).toBe(false); // 10 is not a household-registration province
  });
});

describe('phone numbers', () => {
  it('isMobileNumber and phoneKey accept every common spelling', () => {
    for (const m of ['13912345678', '139 1234 5678', '139-1234-5678', '+86 139 1234 5678', '+8613912345678', '008613912345678']) expect(isMobileNumber(m), m).toBe(true);
    for (const l of ['0452-2345678', '(0452)2345678', '（0452）2345678', '+86-452-2345678', '0452-2345678-801', '0452-2345678转801', '04522345678'])
      expect(phoneKey(l), l).toBe('04522345678');
  });
  it('isMobileNumber rejects landlines, hotlines and short numbers', () => {
    for (const n of ['0452-2345678', '12345', '400-123-4567', '1391234567', '12912345678']) expect(isMobileNumber(n), n).toBe(false);
  });
});

describe('bank card numbers', () => {
  it('accepts 16–19 digits passing Luhn, plain or grouped', () => {
    expect(isBankCardNumber('6222021234567890128')).toBe(true);
    expect(isBankCardNumber('6217 0000 1001 2345 677')).toBe(true);
  });
  it('rejects a failing Luhn digit and wrong lengths', () => {
    expect(isBankCardNumber('6222021234567890123')).toBe(false);
    expect(isBankCardNumber('622202123456789')).toBe(false);
  });
});

describe('采矿/勘查许可证号', () => {
  it('accepts the 23-character codes (C and T) and the 18-character 勘查许可证号 of 2008–2020', () => {
    expect(parseMiningLicenseNo('C2302072025117130160012')).toEqual({ right: '采矿权', scheme: '23', issuer: '230207', year: 2025, month: 11 });
    expect(parseMiningLicenseNo('T2302812021030300012345')).toMatchObject({ right: '探矿权', scheme: '23' });
    expect(parseMiningLicenseNo('T23520200902056781')).toEqual({ right: '探矿权', scheme: '18', issuer: '23', year: 2020, month: 9 });
  });
  it('never accepts a mobile, a landline, a bare number or a wrong month', () => {
    for (const n of ['13912345678', '04522345678', '0452-2345678', '2302072025117130160012', 'C230207202511713016001', 'C2302072025137130160012', 'C-2302-0020', 'T23620200902056781'])
      expect(isMiningLicenseNo(n), n).toBe(false);
  });
});

describe('宗地代码 / 不动产单元代码 (GB/T 37346-2019)', () => {
  it('accepts a 19-character 宗地代码 and a 28-character 不动产单元代码', () => {
    expect(isCadastralCode('230202001002GB00015')).toBe(true);
    expect(parseCadastralCode('230202001002GB00015')).toMatchObject({ divisionCode: '230202', district: '001', subDistrict: '002', ownership: 'G', kind: 'B', serial: '00015' });
    expect(isRealEstateUnitCode('230202001002GB00015F00010001')).toBe(true);
    expect(isCadastralCode('230202001002GB00015F00010001')).toBe(false);
  });
  it('rejects a wrong ownership letter, a wrong length and a division code that does not exist', () => {
    expect(isCadastralCode('230202001002XB00015')).toBe(false);
    expect(isCadastralCode('230202001002GB0001')).toBe(false);
    expect(isCadastralCode('990202001002GB00015')).toBe(false);
    expect(isRealEstateUnitCode('230202001002GB00015K00010001')).toBe(false);
  });
});

describe('电子监管号', () => {
  it('accepts division code + year + letter + serial', () => {
    expect(isLandSupervisionNo('2302022026B00015')).toBe(true);
    expect(isLandSupervisionNo('2302022019B02345')).toBe(true);
  });
  it('rejects other lengths, unknown divisions and bank-card-like strings', () => {
    expect(isLandSupervisionNo('2302022026B0001')).toBe(false);
    expect(isLandSupervisionNo('9902022026B00015')).toBe(false);
    expect(isLandSupervisionNo('6222021234567890')).toBe(false);
  });
});

describe('the bureau’s 地块编号 and division codes', () => {
  it('accepts the bureau’s styles', () => {
    for (const c of ['2026-G-015', 'QQHR2026-045', 'NH2026-G-007', 'G(2024)043']) expect(isBureauParcelNo(c), c).toBe(true);
    expect(isDivisionCode('230202')).toBe(true);
  });
  it('rejects all-digit numbers (a phone or an ID) and odd characters', () => {
    for (const c of ['13912345678', '11010519491231002', '2026 G 015', 'G']) expect(isBureauParcelNo(c), c).toBe(false);
    expect(isDivisionCode('990202')).toBe(false);
  });
});
