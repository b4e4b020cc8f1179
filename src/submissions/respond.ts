/**
 * A submission outcome as JSON, for a client that asks for it (Accept:
 * application/json; the load bench, a script): { receiptNo, receivedAt,
 * replyBy?, next } on success, { status, error, errors? } otherwise. Pages
 * (HTML) are the default.
 */
import type { SubmissionOutcome } from './handle.ts';

/** JSON only when asked for and HTML is not: a browser's form post asks for text/html. */
export function wantsJson(accept: string | null | undefined): boolean {
  const a = (accept ?? '').toLowerCase();
  return a.includes('application/json') && !a.includes('text/html');
}

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function outcomeJson(outcome: SubmissionOutcome): Response {
  if (outcome.kind === 'receipt') {
    const r = outcome.receipt;
    const body = { receiptNo: r.receiptNo, receivedAt: r.receivedAt, ...(r.replyBy ? { replyBy: r.replyBy } : {}), next: r.next, retainUntil: r.retainUntil, duplicate: r.duplicate };
    return new Response(JSON.stringify(body), { status: 200, headers: HEADERS });
  }
  const body =
    outcome.kind === 'invalid'
      ? { status: 400, error: '提交的内容有误', errors: outcome.errors }
      : { status: outcome.status, error: outcome.reason };
  const headers: Record<string, string> = { ...HEADERS, ...(outcome.kind === 'refused' && outcome.remedy === 'later' ? { 'retry-after': '30' } : {}) };
  return new Response(JSON.stringify(body), { status: outcome.status, headers });
}
