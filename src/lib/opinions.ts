/**
 * 批前公示征求意见: when a notice takes opinions, and through which channels.
 *
 * The window runs from the 公示期's start to the feedback deadline. Pages are
 * prerendered, so the page renders the window for its build date and the
 * browser re-reads it for today (src/client/page.ts, with `opinionState`):
 * an ended window never shows a channel, even on a page built while it was
 * open. Pure and dependency-free: it ships to the browser.
 */

/** The channels a notice offers while it takes opinions, in the order the page lists them. */
export type OpinionChannel =
  | { kind: 'form'; href: string }
  | { kind: 'email'; address: string; href: string }
  | { kind: 'post'; recipient: string; address: string; postcode?: string | undefined };

export type OpinionState = 'upcoming' | 'open' | 'ended';

/** Dates are ISO (YYYY-MM-DD) in Asia/Shanghai and compare as strings. */
export function opinionState(window: { start: string; end: string }, today: string): OpinionState {
  if (today < window.start) return 'upcoming';
  return today > window.end ? 'ended' : 'open';
}

/** A notice's opinion window: from its 公示期's start (else its publication date) to the feedback deadline. */
export function opinionWindow(n: { period?: { start: string } | undefined; publishDate: string; feedback: { deadline: string } }): { start: string; end: string } {
  return { start: n.period?.start ?? n.publishDate.slice(0, 10), end: n.feedback.deadline };
}

/**
 * Whether a notice takes opinions today: the one rule of the page (the
 * channels are shown), the browser (they are removed) and the server (a post
 * is accepted). A superseded notice takes none; its replacement does.
 */
export function takesOpinions(window: { start: string; end: string }, superseded: boolean, today: string): boolean {
  return !superseded && opinionState(window, today) !== 'ended';
}

/** The online opinion form's address: the request-time form page, which works without JavaScript. */
export const opinionFormHref = (noticeId: string): string => `/submit/opinion?notice=${encodeURIComponent(noticeId)}`;

/**
 * A mailto: link (RFC 6068) with the subject and body prefilled; everything
 * percent-encoded, so Chinese text and spaces survive every mail client.
 */
export function mailtoHref(address: string, subject: string, body?: string): string {
  const q = [`subject=${encodeURIComponent(subject)}`, ...(body ? [`body=${encodeURIComponent(body)}`] : [])];
  return `mailto:${address}?${q.join('&')}`;
}

/** The subject a reader's e-mail carries, naming the notice so the bureau can file it. */
export function opinionSubject(n: { title: string; docNo?: string | undefined }): string {
  return `对《${n.title}》${n.docNo ? `（${n.docNo}）` : ''}的意见`;
}

type Contact = { unit: string; email?: string | undefined; address?: string | undefined };

/**
 * The channels of a notice: the feedback's own e-mail and postal address, else
 * the notice's contact, else the site's. `pageUrl` (absolute) goes into the
 * mail body so the opinion names the notice even if the subject is edited.
 */
export function opinionChannels(
  n: { title: string; docNo?: string | undefined; feedback: { email?: string | undefined; address?: string | undefined }; contact?: Contact | undefined },
  site: { contact: Contact & { postcode?: string | undefined } },
  pageUrl: string,
  /** The online form, offered where the site runs its own server (the request-time route /submit/opinion). */
  options: { form?: { noticeId: string } | undefined } = {},
): OpinionChannel[] {
  const channels: OpinionChannel[] = [];
  if (options.form) channels.push({ kind: 'form', href: opinionFormHref(options.form.noticeId) });
  const email = n.feedback.email ?? n.contact?.email ?? site.contact.email;
  if (email)
    channels.push({ kind: 'email', address: email, href: mailtoHref(email, opinionSubject(n), `公告：${n.title}\n网址：${pageUrl}\n\n意见：\n`) });
  const address = n.feedback.address ?? n.contact?.address ?? site.contact.address;
  if (address) channels.push({ kind: 'post', recipient: n.contact?.unit ?? site.contact.unit, address, postcode: address === site.contact.address ? site.contact.postcode : undefined });
  return channels;
}
