/**
 * The HTML pages the site's server renders at request time, for npm run
 * audit's HTML-validity gate: dist/client holds none of them, so they are
 * fetched from the real server on the build (scripts/lib/audit-server.ts) and
 * validated with the same html-validate configuration as the built pages.
 *
 *   the opinion form of an open 批前公示 and the 依申请公开 application form
 *   (src/pages/submit/), each form posted as its page says (its hidden fields,
 *   its enctype): empty (400, the form again with the field errors), with a
 *   wrong token (403, the refusal) and filled in (200, the receipt);
 *   the 410 page of a withdrawn record, one per column (src/pages/[...path].astro).
 *
 * Which notice and which records come from the published view, never from a
 * list here. The server must take the same day as today as this process (and
 * the build): /health.json's clock is checked first.
 */
import type { HtmlValidate } from 'html-validate';
import type { GoneRecord, PublishedView } from '../../src/data/index.ts';
import { todayInShanghai } from '../../src/lib/dates.ts';
import { urls } from '../../src/lib/urls.ts';
import { TOKEN_MESSAGES } from '../../src/submissions/form-token.ts';
import { openOpinionNotice } from '../../src/submissions/opinion-notices.ts';
import { startAuditServer } from './audit-server.ts';
import { createValidator, HTMLVALIDATE_CONFIG, loadValidatorConfig, validateHtml, type ValidityMessage } from './html-validity.ts';

/** What the audit asks of the server: an open 批前公示 (none: its form is not checked today) and withdrawn records. */
export type RequestTimeTargets = { opinionNotice: string | undefined; gone: GoneRecord[] };

/** The open 批前公示 whose window ends last (the server's rule, on today's date), and one withdrawn record per column. */
export function requestTimeTargets(view: Pick<PublishedView, 'noticesByKind' | 'statusRule' | 'gone'>, today = todayInShanghai()): RequestTimeTargets {
  const open = openOpinionNotice(view, today);
  const firstPerColumn = new Map<GoneRecord['column'], GoneRecord>();
  for (const g of view.gone) if (!firstPerColumn.has(g.column)) firstPerColumn.set(g.column, g);
  return { opinionNotice: open?.id, gone: [...firstPerColumn.values()].sort((a, b) => a.column.localeCompare(b.column)) };
}

export type RequestTimePage = {
  /** What the page is, in the gate's table. */
  name: string;
  /** `GET /path?query` or `POST /path`. */
  request: string;
  expected: number;
  status: number;
  contentType: string;
  html: string;
  /** Text the intended page carries (a refusal that is not the one asked for is another page). */
  marker: string;
};

export type RequestTimeReport = {
  pages: RequestTimePage[];
  messages: ValidityMessage[];
  /** Wrong status, not HTML, not the intended page, a server on another day. */
  problems: string[];
  /** What could not be checked with this data (no open 批前公示 today, no withdrawn record): information, not a failure. */
  notChecked: string[];
};

/** The page label validity messages carry: the request and its status. */
export const pageLabel = (p: Pick<RequestTimePage, 'request' | 'status'>) => `${p.request} → ${p.status}`;

const ATTR = /([\w:-]+)\s*=\s*"([^"]*)"/g;
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden fields and the enctype of a page's submission form: what a browser would post besides the reader's values. */
export function formOf(html: string): { hidden: Record<string, string>; multipart: boolean } | undefined {
  const form = /<form\b[^>]*\bdata-submission-form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const hidden: Record<string, string> = {};
  for (const tag of form[1]!.match(/<input\b[^>]*>/gi) ?? []) {
    const attrs = Object.fromEntries([...tag.matchAll(ATTR)].map((m) => [m[1]!.toLowerCase(), decode(m[2]!)]));
    if (attrs['type'] === 'hidden' && attrs['name']) hidden[attrs['name']] = attrs['value'] ?? '';
  }
  return { hidden, multipart: /\benctype="multipart\/form-data"/i.test(form[0]) };
}

/**
 * A token whose signature no longer matches: the server refuses it (403) as it
 * would a forged one. The signature's first character changes, not its last,
 * whose low bits base64 decoding drops.
 */
export function spoilToken(token: string): string {
  const i = token.lastIndexOf('.') + 1;
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
}

/** Values the schema accepts (src/schema/submission.ts): the good post of each form. */
const GOOD_VALUES = {
  opinion: { anonymous: 'on', opinion: '建议在项目北侧增加绿化隔离带。（质量检查自动提交）' },
  application: {
    applicantType: '公民',
    name: '李四',
    idType: '护照',
    idNumber: 'E12345678',
    phone: '0452-2345678',
    description: '2025 年龙沙区某地块的建设用地规划许可证及附图（质量检查自动提交）',
    format: '电子文档',
    delivery: '电子邮件',
    email: 'lisi@example.com',
  },
} as const;

type Fetched = Omit<RequestTimePage, 'name' | 'expected' | 'marker'>;

async function request(base: string, method: 'GET' | 'POST', target: string, body?: { fields: Record<string, string>; multipart: boolean }): Promise<Fetched> {
  let payload: FormData | URLSearchParams | undefined;
  if (body) {
    payload = body.multipart ? new FormData() : new URLSearchParams();
    for (const [k, v] of Object.entries(body.fields)) payload.append(k, v);
  }
  // The Origin a browser sends from the site's own page: the routes refuse a post without it.
  const res = await fetch(new URL(target, base), { method, body: payload, headers: method === 'POST' ? { origin: new URL(base).origin, accept: 'text/html' } : { accept: 'text/html' }, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  return { request: `${method} ${target}`, status: res.status, contentType: res.headers.get('content-type') ?? '', html: await res.text() };
}

/** Fetches every request-time page from the server at `base`; nothing is validated here. */
export async function fetchRequestTimePages(base: string, targets: RequestTimeTargets, today = todayInShanghai()): Promise<Omit<RequestTimeReport, 'messages'>> {
  const pages: RequestTimePage[] = [];
  const problems: string[] = [];
  const notChecked: string[] = [];
  const health = (await (await fetch(new URL('/health.json', base), { signal: AbortSignal.timeout(5_000) })).json().catch(() => ({}))) as { clock?: { today?: string } };
  if (health.clock?.today !== today)
    problems.push(`the server takes ${health.clock?.today ?? '(unknown)'} as today, the audit ${today}: run the build, the server and the audit with the same GEOPORTAL_TODAY`);

  const add = (name: string, expected: number, marker: string, got: Fetched) => {
    pages.push({ name, expected, marker, ...got });
    return got;
  };
  const formPages = async (kind: 'opinion' | 'application', formPath: string, action: string) => {
    const form = add(`${kind} form`, 200, 'data-submission-form', await request(base, 'GET', formPath));
    const parsed = formOf(form.html);
    if (!parsed?.hidden['token']) {
      problems.push(`${pageLabel(form)}: no submission form with a token, so its posts were not made`);
      return;
    }
    const post = async (fields: Record<string, string>) => request(base, 'POST', action, { fields: { ...parsed.hidden, ...fields }, multipart: parsed.multipart });
    add(`${kind}: invalid values (the form with field errors)`, 400, 'aria-invalid="true"', await post({}));
    add(`${kind}: wrong token (refused)`, 403, TOKEN_MESSAGES.signature, await post({ ...GOOD_VALUES[kind], token: spoilToken(parsed.hidden['token']) }));
    add(`${kind}: receipt`, 200, 'data-receipt-no', await post(GOOD_VALUES[kind]));
  };

  if (targets.opinionNotice) await formPages('opinion', `${urls.submitOpinion}?notice=${encodeURIComponent(targets.opinionNotice)}`, urls.submitOpinion);
  else notChecked.push(`the opinion form: no 批前公示 takes opinions on ${today}`);
  await formPages('application', urls.submitApplication, urls.submitApplication);
  for (const g of targets.gone) add(`withdrawn record (${g.column})`, 410, '撤回原因', await request(base, 'GET', g.page));
  if (targets.gone.length === 0) notChecked.push('the 410 page: no withdrawn record in the data');

  for (const p of pages) {
    if (p.status !== p.expected) problems.push(`${p.name}: ${p.request} answered ${p.status}, not ${p.expected}: ${textOf(p.html).slice(0, 200)}`);
    else if (!/^text\/html\b/i.test(p.contentType)) problems.push(`${p.name}: ${p.request} answered ${p.contentType || 'no content-type'}, not text/html`);
    else if (!p.html.includes(p.marker)) problems.push(`${p.name}: ${p.request} is not the page asked for (no ${p.marker}): ${textOf(p.html).slice(0, 200)}`);
  }
  return { pages, problems, notChecked };
}

/** The visible text of a page, on one line, for a problem's message. */
const textOf = (html: string) =>
  decode(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** Validates fetched pages; each message names its page by pageLabel. */
export function validateRequestTimePages(validator: HtmlValidate, pages: readonly RequestTimePage[]): ValidityMessage[] {
  return pages.flatMap((p) => validateHtml(validator, p.html, pageLabel(p)));
}

/**
 * Starts the site's server on outDir (a fresh store, this process's
 * environment), fetches and validates the request-time pages, and stops the
 * server whatever happens.
 */
export async function checkRequestTimePages(outDir: string, view: Parameters<typeof requestTimeTargets>[0], logFile: string, configFile = HTMLVALIDATE_CONFIG): Promise<RequestTimeReport> {
  const targets = requestTimeTargets(view);
  const validator = createValidator(await loadValidatorConfig(configFile));
  const server = await startAuditServer(outDir, logFile);
  // Never leave the server behind, also on Ctrl-C.
  process.once('exit', server.kill);
  try {
    const fetched = await fetchRequestTimePages(server.base, targets);
    return { ...fetched, messages: validateRequestTimePages(validator, fetched.pages) };
  } finally {
    await server.stop();
    process.off('exit', server.kill);
  }
}
