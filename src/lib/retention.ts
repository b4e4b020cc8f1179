/**
 * How long the personal data of a submission is kept (site.yaml
 * `submissions.retention`): the date stored with each submission as its
 * `retainUntil` when it is received, and the sentence the form and the
 * receipt show, so the promise and the purge are one rule. Pure.
 */
import type { Site } from '../schema/site.ts';
import type { SubmissionKind } from '../store/types.ts';

export type RetentionRule = Site['submissions']['retention'];

/** Adds months to an ISO date; the 31st becomes the month's last day (2027-01-31 + 1 → 2027-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * The last day the personal data is kept (the purge removes it the day after).
 * `from`: for an opinion the notice's feedback deadline (else the end of its
 * 公示期), for an application its statutory reply date (replyBy).
 */
export function retainUntil(kind: SubmissionKind, from: string, rule: RetentionRule): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new TypeError(`retainUntil: 不是 YYYY-MM-DD 日期：${from}`);
  return addMonths(from, kind === 'opinion' ? rule.opinionMonthsAfterDeadline : rule.applicationMonthsAfterReplyDate);
}

/** The form's and the receipt's sentence on how long the personal data is kept (个人信息保护法 Art 17: 保存期限). */
export function retentionSentence(kind: SubmissionKind, rule: RetentionRule): string {
  return kind === 'opinion'
    ? `您的姓名、联系方式和附件保存至本公示意见反馈截止之日起 ${rule.opinionMonthsAfterDeadline} 个月，期满后删除；意见内容和回执号作为办理记录保留，不公开您的个人信息。`
    : `您的姓名（名称）、联系方式、地址和附件保存至法定答复期限届满之日起 ${rule.applicationMonthsAfterReplyDate} 个月，期满后删除；申请内容和回执号作为办理记录保留。`;
}
