/**
 * The request-time routes' logic for POST /submit/opinion and POST
 * /submit/application (issue 14), apart from Astro so it is tested directly
 * (src/pages/submit/*.astro only render the outcome as a page or as JSON).
 * In order, and nothing is stored unless every step passed:
 *   Origin → body (type, size, UTF-8, known fields) → signed form token →
 *   (opinions) the notice takes opinions today, by the build's published data
 *   and the same rule as its page → the schema → the attachment → one
 *   store.add, committed before the receipt is answered.
 * Every refusal is an outcome with a status and a reason, never an exception.
 */
import { siteNow, todayInShanghai } from '../lib/dates.ts';
import { takesOpinions } from '../lib/opinions.ts';
import type { WorkingDayCalendar } from '../lib/workdays.ts';
import { formFields, formValues, OPINION_ATTACHMENT, parseSubmission, splitSubmission, type FieldErrors, type SubmissionFormKind } from '../schema/submission.ts';
import { StoreUnavailableError, type SubmissionAttachment, type SubmissionStore } from '../store/types.ts';
import { checkAttachment } from './attachment.ts';
import { readFormBody } from './form-data.ts';
import { originAllowed, TOKEN_MESSAGES, verifyFormToken } from './form-token.ts';
import { REPLY_RULE, replyDateForRetention, statutoryReplyDate } from './reply-date.ts';
import { retainUntil as retainUntilOf, type RetentionRule } from '../lib/retention.ts';

/** A notice that takes opinions, as the build published it (virtual:geoportal/build-data `opinionNotices`). */
export interface OpinionNotice {
  id: string;
  title: string;
  docNo?: string | undefined;
  /** The notice's page. */
  url: string;
  /** The opinion window (src/lib/opinions.ts opinionWindow). */
  start: string;
  end: string;
  superseded: boolean;
}

/** The hidden fields every form posts besides its schema's fields. */
export const TOKEN_FIELD = 'token';
export const NOTICE_FIELD = 'notice';

export interface SubmissionContext {
  store: () => Promise<SubmissionStore>;
  /** The form-token key (src/submissions/form-token.ts formKey). */
  key: string;
  /** The site's origins a post may come from. */
  origins: readonly string[];
  opinionNotices: Readonly<Record<string, OpinionNotice>>;
  calendar: WorkingDayCalendar;
  /** How long personal data is kept (site.yaml submissions.retention, src/lib/retention.ts). */
  retention: RetentionRule;
  maxBodyBytes: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface ReceiptView {
  receiptNo: string;
  /** ISO date-time, +08:00. */
  receivedAt: string;
  /** Applications: the statutory reply date, when the calendar covers it. */
  replyBy?: string | undefined;
  /** Applications whose reply date the calendar does not cover yet: the year it lacks. */
  replyYearMissing?: number | undefined;
  /** What happens next, in one paragraph. */
  next: string;
  retainUntil: string;
  duplicate: boolean;
}

export type SubmissionOutcome =
  | { kind: 'receipt'; status: 200; receipt: ReceiptView; notice?: OpinionNotice | undefined }
  | { kind: 'invalid'; status: 400; errors: FieldErrors; values: Record<string, string | boolean>; notice?: OpinionNotice | undefined }
  | {
      kind: 'refused';
      status: 400 | 403 | 404 | 409 | 413 | 415 | 503;
      reason: string;
      /** What the reader can do: open the form again, try later, or nothing (the period has closed). */
      remedy: 'reload' | 'later' | 'none';
      notice?: OpinionNotice | undefined;
    };

const STORE_MESSAGES: Record<StoreUnavailableError['reason'], string> = {
  full: '意见和申请的存储空间已满，本次提交未保存。请改用页面上的电子邮件或邮寄方式提交，或稍后再试；我们已记录此问题。',
  locked: '系统正忙，本次提交未保存。请稍后再提交一次（重复提交不会产生两条记录）。',
  unavailable: '意见和申请的存储暂时不可用，本次提交未保存。请稍后再试，或改用电子邮件、邮寄方式提交。',
};

export const OPINION_NEXT =
  '公示期满后，本局对收到的意见逐条登记、研究，作为审批的参考；利害关系人依法申请听证的，依法组织听证。需要答复的，通过您留下的联系方式答复。意见采纳情况依规定公布时，不公开您的姓名和联系方式。';

function applicationNext(reply: ReturnType<typeof statutoryReplyDate>): string {
  const date = reply.covered
    ? `按法定期限计算（已计入法定节假日和调休），最迟于 ${reply.date} 前答复。`
    : `答复期限跨入 ${reply.year} 年，国务院办公厅公布该年节假日安排后才能确定具体日期；在此之前以上述法定期限为准。`;
  return `${REPLY_RULE}${date}申请内容不明确的，本局将自收到申请之日起 7 个工作日内一次性告知您补正（第三十条），答复期限自收到补正的申请之日起计算。`;
}

export async function handleSubmission(kind: SubmissionFormKind, request: Request, ctx: SubmissionContext): Promise<SubmissionOutcome> {
  // The site's clock (a pinned day in the test suite) dates the receipt and the reply; the real clock ages the form token. A given `now` is both.
  const now = ctx.now ? ctx.now() : siteNow();
  const tokenNow = ctx.now ? now.getTime() : Date.now();
  const log = ctx.log ?? ((line: string) => console.error(line));
  if (!originAllowed(request.headers.get('origin'), ctx.origins))
    return { kind: 'refused', status: 403, reason: '提交来源不是本站页面，已拒绝。请在本站页面上填写表单后提交。', remedy: 'reload' };

  const fields = formFields(kind);
  const body = await readFormBody(request, {
    maxBytes: ctx.maxBodyBytes,
    fields: new Set([...fields.map((f) => f.name), TOKEN_FIELD, ...(kind === 'opinion' ? [NOTICE_FIELD] : [])]),
    fileField: kind === 'opinion' ? OPINION_ATTACHMENT.name : undefined,
  });
  if (!body.ok) return { kind: 'refused', status: body.status, reason: body.reason, remedy: body.status === 413 ? 'none' : 'reload' };

  let notice: OpinionNotice | undefined;
  if (kind === 'opinion') {
    const id = body.fields.get(NOTICE_FIELD) ?? '';
    notice = Object.hasOwn(ctx.opinionNotices, id) ? ctx.opinionNotices[id] : undefined;
    if (!notice) return { kind: 'refused', status: 404, reason: '没有找到这条征求意见的公示，或它已撤回。', remedy: 'none' };
  }
  const token = verifyFormToken(ctx.key, body.fields.get(TOKEN_FIELD), kind === 'opinion' ? `opinion:${notice!.id}` : 'application', tokenNow);
  if (!token.ok) return { kind: 'refused', status: 403, reason: TOKEN_MESSAGES[token.reason], remedy: 'reload', notice };

  const receivedOn = todayInShanghai(now);
  // The same rule as the notice's page, on the server's clock at request time, over the build's published window.
  if (notice && !takesOpinions(notice, notice.superseded, receivedOn))
    return {
      kind: 'refused',
      status: 409,
      reason: notice.superseded ? '本公示已被替代，不再受理意见；请就替代后的公示提出意见。' : `本公示的意见反馈已于 ${notice.end} 截止，不再受理意见。`,
      remedy: 'none',
      notice,
    };

  const values = formValues(fields, (name) => body.fields.get(name));
  const parsed = parseSubmission(kind, values);
  let attachment: SubmissionAttachment | undefined;
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (body.file) {
    const checked = await checkAttachment(body.file);
    if (checked.ok) attachment = checked.attachment;
    else errors[OPINION_ATTACHMENT.name] = checked.reason;
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { kind: 'invalid', status: 400, errors, values, notice };

  const reply = kind === 'application' ? statutoryReplyDate(ctx.calendar, receivedOn) : undefined;
  // From the notice's feedback deadline, or the application's reply date (src/lib/retention.ts: one rule with the form's sentence).
  const retainUntil = retainUntilOf(kind, notice ? notice.end : replyDateForRetention(ctx.calendar, receivedOn), ctx.retention);
  const { content, personal } = splitSubmission(kind, parsed.value);
  try {
    const store = await ctx.store();
    const receipt = await store.add({
      kind,
      noticeId: notice?.id,
      content,
      personal,
      attachment,
      receivedAt: now,
      retainUntil,
      replyBy: reply?.covered ? reply.date : undefined,
      idempotencyKey: token.nonce,
    });
    // A repeated token answers the first receipt; its reply date is the one counted then.
    const first = receipt.duplicate ? await store.get(receipt.receiptNo).catch(() => undefined) : undefined;
    const replyBy = first ? first.replyBy : reply?.covered ? reply.date : undefined;
    return {
      kind: 'receipt',
      status: 200,
      notice,
      receipt: {
        receiptNo: receipt.receiptNo,
        receivedAt: receipt.receivedAt,
        replyBy,
        replyYearMissing: replyBy === undefined && reply && !reply.covered ? reply.year : undefined,
        next: kind === 'opinion' ? OPINION_NEXT : applicationNext(replyBy ? { covered: true, date: replyBy } : reply!),
        retainUntil: first?.retainUntil ?? retainUntil,
        duplicate: receipt.duplicate,
      },
    };
  } catch (e) {
    const reason = e instanceof StoreUnavailableError ? e.reason : 'unavailable';
    log(`[geoportal] submission store ${reason} (${kind}): ${e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200)}`);
    return { kind: 'refused', status: 503, reason: STORE_MESSAGES[reason], remedy: 'later', notice };
  }
}
