/**
 * What both adapters share: the receipt number's form, the Shanghai clock of
 * a receipt, and the checks a submission passes before either adapter opens a
 * transaction (so a bad call never starts one).
 */
import { isIsoDate, todayInShanghai } from '../lib/dates.ts';
import type { NewSubmission, SubmissionKind } from './types.ts';

export const RECEIPT_PREFIX: Readonly<Record<SubmissionKind, string>> = { opinion: 'YJ', application: 'SQ' };

/** YJ-20261201: the per-day sequence counts within this key. */
export function receiptDayKey(kind: SubmissionKind, receivedAt: Date): string {
  return `${RECEIPT_PREFIX[kind]}-${todayInShanghai(receivedAt).replaceAll('-', '')}`;
}

/** YJ-20261201-0007; past 9999 a day the number simply grows a digit. */
export function receiptNumber(dayKey: string, sequence: number): string {
  return `${dayKey}-${String(sequence).padStart(4, '0')}`;
}

export const RECEIPT_PATTERN = /^(YJ|SQ)-\d{8}-\d{4,}$/;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant as 2026-12-01T17:09:38+08:00 (China has no daylight saving time). */
export function shanghaiDateTime(at: Date): string {
  return `${new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The longest idempotency key accepted (a form token is far shorter). */
export const MAX_IDEMPOTENCY_KEY = 200;

/** Programming errors of the caller (never the store's state): a TypeError, so they are not mistaken for StoreUnavailableError. */
export function checkNewSubmission(s: NewSubmission): { content: string; personal: string } {
  if (s.kind !== 'opinion' && s.kind !== 'application') throw new TypeError(`未知的提交类型：${String(s.kind)}`);
  if (s.kind === 'opinion' && !s.noticeId) throw new TypeError('意见必须指明所针对的公示（noticeId）');
  if (typeof s.idempotencyKey !== 'string' || s.idempotencyKey.length === 0 || s.idempotencyKey.length > MAX_IDEMPOTENCY_KEY) {
    throw new TypeError(`idempotencyKey 须为 1–${MAX_IDEMPOTENCY_KEY} 个字符`);
  }
  if (!(s.receivedAt instanceof Date) || Number.isNaN(s.receivedAt.getTime())) throw new TypeError('receivedAt 不是有效时间');
  if (!isIsoDate(s.retainUntil)) throw new TypeError(`retainUntil 不是 YYYY-MM-DD 日期：${s.retainUntil}`);
  if (s.replyBy !== undefined && !isIsoDate(s.replyBy)) throw new TypeError(`replyBy 不是 YYYY-MM-DD 日期：${s.replyBy}`);
  if (s.attachment && !(s.attachment.bytes instanceof Uint8Array)) throw new TypeError('附件内容须为 Uint8Array');
  return { content: JSON.stringify(s.content), personal: JSON.stringify(s.personal) };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
