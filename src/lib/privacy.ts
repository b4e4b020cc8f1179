/**
 * The privacy guard: finds personal data that must never reach a published
 * page (政府信息公开条例 Art 15, 个人信息保护法 Art 25/28, 行政处罚法 Art 50).
 *
 * It is deliberately conservative: a false alarm costs an editor a minute,
 * a leak cannot be taken back.
 */

export type PrivacyFinding = { kind: string; match: string };

// 18-digit resident ID (GB 11643), last char may be X; 15-digit legacy IDs.
const ID_CARD_18 = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const ID_CARD_15 = /(?<![0-9A-Za-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g;
// Mainland mobile numbers, with optional +86 and separators.
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g;
// Bank card numbers: 16–19 digits, possibly grouped by 4.
const BANK_CARD = /(?<![0-9A-Za-z])(?:62|4\d|5[1-5])\d{2}(?:[\s-]?\d{4}){3}(?:[\s-]?\d{1,3})?(?![0-9A-Za-z])/g;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True when an 18-character ID has a valid GB 11643 check digit. */
export function hasValidIdChecksum(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** Every personal-data pattern found in a piece of published text. */
export function findPersonalData(raw: string): PrivacyFinding[] {
  // Full-width digits (１３９…) must not slip past the patterns.
  const text = raw.normalize('NFKC');
  const findings: PrivacyFinding[] = [];
  // Every pattern needs at least 11 digits; most strings have far fewer.
  if ((text.match(/\d/g)?.length ?? 0) < 11) return findings;
  for (const m of text.matchAll(ID_CARD_18)) findings.push({ kind: '身份证号码', match: m[0] });
  for (const m of text.matchAll(ID_CARD_15)) findings.push({ kind: '身份证号码', match: m[0] });
  for (const m of text.matchAll(MOBILE)) findings.push({ kind: '手机号码', match: m[0] });
  for (const m of text.matchAll(BANK_CARD)) {
    // An 18-digit run already reported as an ID is not reported again.
    if (!findings.some((f) => f.match === m[0])) findings.push({ kind: '银行卡号', match: m[0] });
  }
  return findings;
}

/**
 * A natural person's name as it may be published: surname kept, given name
 * replaced (张某, 张某某, 欧阳某, 张**), per 法释〔2016〕19号 practice.
 */
export function isMaskedPersonName(name: string): boolean {
  return /^\p{Script=Han}{1,2}(?:某{1,2}|\*{1,3}|＊{1,3}|×{1,2})$/u.test(name.trim());
}

/** Masks a natural person's name for publication: 张三丰 → 张某某. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return `${chars.join('')}某`;
  // Two-character surnames are rare; without a list, keep one character.
  return `${chars[0]}${'某'.repeat(Math.min(chars.length - 1, 2))}`;
}
