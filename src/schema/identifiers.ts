/**
 * zod types for the identifiers (src/lib/identifiers.ts), declared as `code`
 * for the privacy guard. The schemas use these instead of their own regexes.
 */
import { z } from 'zod';
import {
  creditCodeCheckChar,
  isBureauParcelNo,
  isCadastralCode,
  isDivisionCode,
  isLandSupervisionNo,
  isRealEstateUnitCode,
  looksLikeResidentId,
  parseCreditCode,
  parseMiningLicenseNo,
} from '../lib/identifiers.ts';

/** A code field: text (`label`应为文字 otherwise) that passes `valid`, else `message`; declared `code` for the privacy guard. */
const codeField = (label: string, valid: (value: string) => boolean, message: string) =>
  z.string({ error: `${label}应为文字` }).refine(valid, { message }).meta({ privacy: 'code' });

/** 统一社会信用代码 (GB 32100): the message says what is wrong, and the right check character for a typo. */
export const creditCode = z
  .string({ error: '统一社会信用代码应为文字' })
  .superRefine((code, ctx) => {
    if (parseCreditCode(code)) return;
    const message = looksLikeResidentId(code)
      ? '这是身份证号码的格式，不是统一社会信用代码（个人证件号码不得公开）'
      : !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)
      ? '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）'
      : !/^..\d{6}/.test(code) || !isDivisionCode(code.slice(2, 8))
        ? '统一社会信用代码第 3–8 位应为登记管理机关的行政区划代码'
        : `统一社会信用代码校验位不对：按 GB 32100 前 17 位对应的校验位应为“${creditCodeCheckChar(code.slice(0, 17))}”，请核对原件`;
    ctx.addIssue({ code: 'custom', message });
  })
  .meta({ privacy: 'code' });

/**
 * 采矿许可证号 (C…) or 勘查许可证号 (T…): 23 characters (自然资办发〔2020〕32号),
 * or the 18-character 勘查许可证号 of 2008–2020.
 */
export const miningLicenseNo = codeField(
  '许可证号',
  (no) => parseMiningLicenseNo(no) !== undefined,
  '许可证号应为 C 或 T 加 22 位数字（发证机关行政区划代码、年、月……），如 C2302072025117130160012；2020 年前的勘查许可证号为 T 加 17 位数字',
);

/** 宗地代码 (GB/T 37346-2019), 19 characters, e.g. 230202001002GB00015. */
export const cadastralCode = codeField('宗地代码', isCadastralCode, '宗地代码应为 19 位：6 位县级行政区划代码、3 位地籍区、3 位地籍子区、2 位宗地特征码（如 GB）、5 位顺序号，如 230202001002GB00015');

/** 电子监管号 (中国土地市场网), e.g. 2302022026B00015. */
export const landSupervisionNo = codeField('电子监管号', isLandSupervisionNo, '电子监管号应为 16 位：6 位县级行政区划代码、4 位年份、1 位字母（出让多为 B）、5 位顺序号，如 2302022026B00015');

/** The bureau's 地块编号 (2026-G-015). */
export const bureauParcelNo = codeField('地块编号', isBureauParcelNo, '地块编号只能含汉字、字母、数字和括号、连字符（3–40 个字符），且不能全是数字');

/**
 * The parcel an enforcement case concerns: its 宗地代码 or 不动产单元代码
 * where the land has been registered, otherwise the bureau's 地块编号
 * (much 违法用地 is collective land that has none).
 */
export const parcelReference = codeField(
  '宗地代码',
  (c) => isCadastralCode(c) || isRealEstateUnitCode(c) || isBureauParcelNo(c),
  '应为 19 位宗地代码、28 位不动产单元代码或本局地块编号（如 2026-G-015）',
);

/** Other numbers the bureau issues (文号, 许可证号, 审图号): free format, scanned for ID and phone shapes. */
export const documentNo = z.string({ error: '应为文字' }).trim().min(1, '不能为空').meta({ privacy: 'code' });
