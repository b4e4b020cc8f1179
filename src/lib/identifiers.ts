/**
 * The identifiers the bureau publishes, and the personal ones it must not:
 * pure validators and parsers, no zod (src/schema/identifiers.ts wraps them).
 *
 * Formats and sources (docs/data-format.md §3.10):
 * - 统一社会信用代码: GB 32100-2015, 18 characters, mod-31 check character.
 * - 居民身份证号码: GB 11643-1999, 18 digits with an ISO 7064 MOD 11-2 check
 *   character, or the 15-digit form issued before 1999 (checked by `validator`).
 * - 采矿/勘查许可证号: 23 characters since 自然资办发〔2020〕32号 (C or T, then
 *   the issuing authority's 6-digit division code, year and month); 18-character
 *   勘查许可证号 of 国土资发〔2007〕294号 stay valid until renewed.
 * - 宗地代码 (19) and 不动产单元代码 (28): GB/T 37346-2019.
 * - 电子监管号 (中国土地市场网): 16 characters, the county's division code,
 *   the year, one character and a 5-digit serial.
 */
import isIdentityCard from 'validator/lib/isIdentityCard.js';
import isLuhnNumber from 'validator/lib/isLuhnNumber.js';

/** First two digits of a GB/T 2260 division code (provinces; 10 stands for national bodies). */
const PROVINCES = new Set([
  '10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** A 6-digit division code whose province part exists (100000 is the State level). */
export function isDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCES.has(code.slice(0, 2));
}

function isYearMonth(year: string, month: string, minYear: number): boolean {
  const y = Number(year);
  const m = Number(month);
  return y >= minYear && y <= 2099 && m >= 1 && m <= 12;
}

// ------------------------------------------------- 统一社会信用代码 GB 32100 ---

/** The 31 characters of GB 32100: digits and capitals without I, O, Z, S, V. */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Weight of position i is 3^i mod 31.
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a credit code, or undefined if one is outside the charset. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(first17[i]!);
    if (v < 0) return undefined;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

export type CreditCode = {
  /** 登记管理部门代码, e.g. 9 工商（市场监管）, 1 机构编制, 5 民政. */
  department: string;
  /** 机构类别代码, e.g. 1 企业, 2 个体工商户, 3 农民专业合作社 under 9. */
  category: string;
  /** 登记管理机关行政区划码 */
  divisionCode: string;
  /** 主体标识码（组织机构代码） */
  subjectCode: string;
};

/** Parses a 统一社会信用代码; undefined unless the shape, division code and check character are right. */
export function parseCreditCode(code: string): CreditCode | undefined {
  if (!CREDIT_SHAPE.test(code)) return undefined;
  const divisionCode = code.slice(2, 8);
  if (!isDivisionCode(divisionCode)) return undefined;
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return undefined;
  return { department: code[0]!, category: code[1]!, divisionCode, subjectCode: code.slice(8, 17) };
}

export const isCreditCode = (code: string): boolean => parseCreditCode(code) !== undefined;

// ------------------------------------------------ 居民身份证号码 GB 11643 ---

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11];
}

/** True when an 18-character ID has a valid GB 11643 check character (nothing else is checked). */
export function hasValidIdChecksum(id: string): boolean {
  return /^\d{17}[\dXx]$/.test(id) && residentIdCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/**
 * A resident ID number: 18 characters with a real province, a real past
 * birth date and the check character, or the legacy 15-digit form.
 */
export function isResidentId(id: string): boolean {
  return /^(?:\d{17}[\dXx]|\d{15})$/.test(id) && isIdentityCard(id, 'zh-CN');
}

/** A real calendar date, year 1900 or later and not after today (birth dates inside ID shapes). */
function isBirthDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && date.getTime() <= Date.now();
}

/**
 * The shape of a resident ID without its check character: province,
 * birth date, sequence. The privacy guard refuses these too, because a
 * mistyped ID still identifies a person (and YAML turns an unquoted
 * 18-digit number into a float that loses its last digits).
 */
export function looksLikeResidentId(s: string): boolean {
  if (/^\d{17}[\dXx]$/.test(s)) return PROVINCES.has(s.slice(0, 2)) && s.slice(0, 2) !== '10' && isBirthDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)));
  if (/^\d{15}$/.test(s)) return PROVINCES.has(s.slice(0, 2)) && s.slice(0, 2) !== '10' && isBirthDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
  return false;
}

// ---------------------------------------------------------- phone numbers ---

/** A mainland mobile number once separators and +86 are removed: 1[3-9] and 9 more digits. */
export function isMobileNumber(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(phoneKey(s));
}

const LANDLINE_PARTS = /^(?:(?:\+|00)86[-.]?)?[(（]?0?([1-9]\d{1,2})[)）]?[-.—]?(\d{7,8})(?:-\d{1,5})?$/;

/**
 * One key per phone number, whatever its spelling: a landline as trunk 0,
 * area code and local number (0452-2345678, (0452)2345678, +86 452 2345678
 * and 0452-2345678-801 all give 04522345678); a mobile as its 11 digits;
 * anything else as its digits. Extensions are dropped: a declared office line
 * covers its extensions.
 */
export function phoneKey(s: string): string {
  const t = s.normalize('NFKC').replace(/\s+/g, '').replace(/(?:转|分机|ext\.?)\d{1,5}$/i, '');
  const digits = t.replace(/\D/g, '');
  const mobile = /^(?:(?:00)?86)?(1[3-9]\d{9})$/.exec(digits);
  if (mobile && !/^[(（]?0(?!086)/.test(t)) return mobile[1]!;
  const m = LANDLINE_PARTS.exec(t);
  if (m) return `0${m[1]}${m[2]}`;
  return digits;
}

/** 16–19 digits passing the Luhn check: the shape of a bank card number. */
export function isBankCardNumber(s: string): boolean {
  const digits = s.replace(/[\s-]/g, '');
  return /^\d{16,19}$/.test(digits) && isLuhnNumber(digits);
}

// -------------------------------------------------- 采矿/勘查许可证号 ---

export type MiningLicense = {
  right: '采矿权' | '探矿权';
  /** 23 位统一编码 (2020) or 18 位探矿权配号 (2008–2020). */
  scheme: '23' | '18';
  /** The issuing authority: a 6-digit division code (23) or its 2-digit province code, 01 for the ministry (18). */
  issuer: string;
  year: number;
  month: number;
};

/**
 * Parses a 采矿许可证号 (C…) or 勘查许可证号 (T…). The letter prefix and the
 * fixed length mean it can never be an 11-digit mobile or a landline.
 */
export function parseMiningLicenseNo(no: string): MiningLicense | undefined {
  let m = /^([CT])(\d{6})(\d{4})(\d{2})(\d{10})$/.exec(no);
  if (m) {
    const [, letter, issuer, year, month] = m as unknown as [string, string, string, string, string];
    if (!isDivisionCode(issuer) || !isYearMonth(year, month, 1990)) return undefined;
    return { right: letter === 'C' ? '采矿权' : '探矿权', scheme: '23', issuer, year: Number(year), month: Number(month) };
  }
  // 国土资发〔2007〕294号: T, issuer (01 = the ministry, else the province), 出让方式 1–5, YYYYMM, 矿种 01–04, serial.
  m = /^T(\d{2})([1-5])(\d{4})(\d{2})(0[1-4])(\d{6})$/.exec(no);
  if (m) {
    const [, issuer, , year, month] = m as unknown as [string, string, string, string, string];
    if ((issuer !== '01' && !PROVINCES.has(issuer)) || !isYearMonth(year, month, 2008)) return undefined;
    return { right: '探矿权', scheme: '18', issuer, year: Number(year), month: Number(month) };
  }
  return undefined;
}

export const isMiningLicenseNo = (no: string): boolean => parseMiningLicenseNo(no) !== undefined;

// ---------------------------------------- 宗地代码 / 不动产单元代码 ---

/** 宗地特征码, GB/T 37346-2019: ownership (G 国有, J 集体, Z 未定/争议), then the kind of 宗地/宗海. */
const PARCEL_OWNERSHIP = 'GJZ';
const PARCEL_KIND = 'ABSXCDEFLNHGWY';
/** 定着物特征码: F 房屋等建筑物、构筑物, L 森林、林木, Q 其他, W 无定着物. */
const FIXTURE_KIND = 'FLQW';

export type CadastralCode = {
  divisionCode: string;
  /** 地籍区, 地籍子区 */
  district: string;
  subDistrict: string;
  ownership: string;
  kind: string;
  serial: string;
  /** For a 28-character 不动产单元代码: 定着物特征码 and 定着物单元编号. */
  fixture?: { kind: string; unit: string };
};

/** Parses a 19-character 宗地代码 or a 28-character 不动产单元代码. */
export function parseCadastralCode(code: string): CadastralCode | undefined {
  const m = /^(\d{6})(\d{3})(\d{3})([A-Z])([A-Z])(\d{5})(?:([A-Z])(\d{8}))?$/.exec(code);
  if (!m) return undefined;
  const [, divisionCode, district, subDistrict, ownership, kind, serial, fixtureKind, fixtureUnit] = m as unknown as string[];
  if (!isDivisionCode(divisionCode!) || !PARCEL_OWNERSHIP.includes(ownership!) || !PARCEL_KIND.includes(kind!)) return undefined;
  if (fixtureKind !== undefined && !FIXTURE_KIND.includes(fixtureKind)) return undefined;
  const parsed: CadastralCode = { divisionCode: divisionCode!, district: district!, subDistrict: subDistrict!, ownership: ownership!, kind: kind!, serial: serial! };
  if (fixtureKind !== undefined) parsed.fixture = { kind: fixtureKind, unit: fixtureUnit! };
  return parsed;
}

/** A 19-character 宗地代码 (not a 不动产单元代码). */
export const isCadastralCode = (code: string): boolean => code.length === 19 && parseCadastralCode(code) !== undefined;
/** A 28-character 不动产单元代码. */
export const isRealEstateUnitCode = (code: string): boolean => code.length === 28 && parseCadastralCode(code) !== undefined;

// ------------------------------------------------------------ 电子监管号 ---

/**
 * 电子监管号 of the land-market monitoring system: county division code,
 * year, one character (B on 出让 results; a digit on some older records),
 * 5-digit serial, e.g. 2302022026B00015.
 */
export function isLandSupervisionNo(no: string): boolean {
  const m = /^(\d{6})(\d{4})[A-Z0-9](\d{5})$/.exec(no);
  return !!m && isDivisionCode(m[1]!) && Number(m[2]) >= 1999 && Number(m[2]) <= 2099;
}

// -------------------------------------------------- the bureau's numbers ---

/**
 * The bureau's own 地块编号 (2026-G-015, QQHR2026-045, G(2024)043): letters,
 * digits, Han, brackets and hyphens, 3–40 characters, with at least one
 * character that is not a digit, so that a phone or ID number never passes.
 */
export function isBureauParcelNo(no: string): boolean {
  return /^[\p{Script=Han}A-Za-z0-9()（）〔〕[\]\-－_.]{3,40}$/u.test(no) && /[^\d]/.test(no);
}
