/**
 * The request-time part of the HTML-validity gate (scripts/lib/request-time-pages.ts):
 * which records it asks for, and that it fails on an invalid page, a wrong
 * answer or a server on another day. A small HTTP server plays the site's
 * forms here; the real server is audited by npm run audit.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createValidator, loadValidatorConfig } from '../../../scripts/lib/html-validity.ts';
import { fetchRequestTimePages, formOf, requestTimeTargets, spoilToken, validateRequestTimePages, type RequestTimePage, type RequestTimeTargets } from '../../../scripts/lib/request-time-pages.ts';
import type { GoneRecord } from '../../../src/data/index.ts';
import { TOKEN_MESSAGES } from '../../../src/submissions/form-token.ts';
import { page } from './fixture-site.ts';

const validator = createValidator(await loadValidatorConfig());
const TODAY = '2026-12-01';
const TOKEN = 'v1.opinion:open.mx556vym.t5vK5MtmzVwgu_nUltYlzw.lvf4UTxaN0iwwLJVdJSK1bF8p6uP3rQ0gXAOry7ttE4';
const gone = (column: GoneRecord['column'], id: string): GoneRecord => ({ column, page: `/${column}/${id}/`, json: [], title: id, date: '2026-11-01', reason: '信息有误' });
const TARGETS: RequestTimeTargets = { opinionNotice: 'open', gone: [gone('notices', 'n1')] };

type Answer = { status: number; body: string };
const form = (errors = '') =>
  page(`<form data-submission-form="x" method="post" action="/submit/x" enctype="application/x-www-form-urlencoded"><input type="hidden" name="token" value="${TOKEN}"><input type="hidden" name="notice" value="open">${errors}<button type="submit">提交</button></form>`);
const INVALID_FIELD = '<label for="f">意见</label><input type="text" id="f" name="opinion" aria-invalid="true">';
/** The site's answers, as the routes give them: the form, a 400 for empty values, a 403 for a bad token, else the receipt. */
function siteAnswer(method: string, url: string, body: URLSearchParams): Answer {
  if (url === '/health.json') return { status: 200, body: JSON.stringify({ status: 'ok', clock: { today: TODAY, pinned: true } }) };
  if (url.startsWith('/notices/')) return { status: 410, body: page('<h1>已撤回</h1><p>撤回原因：信息有误</p>') };
  if (method === 'GET') return { status: 200, body: form() };
  if (body.get('token') !== TOKEN) return { status: 403, body: page(`<p role="alert">${TOKEN_MESSAGES.signature}</p>`) };
  if (!body.get('opinion') && !body.get('description')) return { status: 400, body: form(INVALID_FIELD) };
  return { status: 200, body: page('<p data-receipt-no>YJ-20261201-0001</p>') };
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(answer: (method: string, url: string, body: URLSearchParams) => Answer): Promise<string> {
  const read = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return new URLSearchParams(text);
  };
  server = createServer((req, res) => {
    void read(req).then((body) => {
      const a = answer(req.method ?? 'GET', req.url ?? '/', body);
      res.writeHead(a.status, { 'content-type': req.url === '/health.json' ? 'application/json' : 'text/html; charset=utf-8' });
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const errorPages = (pages: RequestTimePage[]) => [...new Set(validateRequestTimePages(validator, pages).filter((m) => m.severity >= 2).map((m) => m.page))];

describe('the request-time pages of the HTML-validity gate', () => {
  it('asks for an open 批前公示 (the one whose window ends last) and one withdrawn record per column, from the view', () => {
    const planning = (id: string, deadline: string) => ({ kind: 'planning', id, title: id, publishDate: '2026-11-20', feedback: { deadline } });
    const view = {
      noticesByKind: { planning: [planning('closed', '2026-11-30'), planning('open', '2026-12-10'), planning('later', '2026-12-20'), planning('replaced', '2026-12-30')] },
      statusRule: (n: { id: string }) => ({ superseded: n.id === 'replaced' }),
      gone: [gone('notices', 'n1'), gone('enforcement', 'e1'), gone('notices', 'n2')],
    } as unknown as Parameters<typeof requestTimeTargets>[0];
    const targets = requestTimeTargets(view, TODAY);
    expect(targets.opinionNotice).toBe('later');
    expect(targets.gone.map((g) => g.page)).toEqual(['/enforcement/e1/', '/notices/n1/']);
    expect(requestTimeTargets({ ...view, noticesByKind: { planning: [] } as never, gone: [] }, TODAY)).toEqual({ opinionNotice: undefined, gone: [] });
  });

  it('posts each form as its page says, with a signature that no longer matches for the 403', () => {
    expect(formOf(form())).toEqual({ hidden: { token: TOKEN, notice: 'open' }, multipart: false });
    expect(formOf(page('<p>没有表单</p>'))).toBeUndefined();
    const spoiled = spoilToken(TOKEN);
    expect(spoiled).not.toBe(TOKEN);
    expect(spoiled.split('.').slice(0, -1)).toEqual(TOKEN.split('.').slice(0, -1));
    expect(spoiled.at(-1)).toBe(TOKEN.at(-1));
  });

  it('passes valid pages with the statuses asked for', async () => {
    const base = await serve(siteAnswer);
    const r = await fetchRequestTimePages(base, TARGETS, TODAY);
    expect(r.pages.map((p) => `${p.request} ${p.status}`)).toEqual([
      'GET /submit/opinion?notice=open 200',
      'POST /submit/opinion 400',
      'POST /submit/opinion 403',
      'POST /submit/opinion 200',
      'GET /submit/application 200',
      'POST /submit/application 400',
      'POST /submit/application 403',
      'POST /submit/application 200',
      'GET /notices/n1/ 410',
    ]);
    expect(r.problems).toEqual([]);
    expect(errorPages(r.pages)).toEqual([]);
  });

  it('fails on invalid HTML from a request-time page: the 400 answer with a duplicate id', async () => {
    const base = await serve((method, url, body) => {
      const a = siteAnswer(method, url, body);
      return a.status === 400 ? { ...a, body: a.body.replace('<button', '<p id="f">重复</p><button') } : a;
    });
    const r = await fetchRequestTimePages(base, TARGETS, TODAY);
    expect(r.problems).toEqual([]);
    expect(errorPages(r.pages)).toEqual(['POST /submit/opinion → 400', 'POST /submit/application → 400']);
    expect(validateRequestTimePages(validator, r.pages).map((m) => m.ruleId)).toContain('no-dup-id');
  });

  it('fails on a wrong answer (a 403 where the field errors were asked for) and on a server on another day', async () => {
    const base = await serve((method, url, body) => {
      if (url === '/health.json') return { status: 200, body: JSON.stringify({ clock: { today: '2027-01-04' } }) };
      const a = siteAnswer(method, url, body);
      return a.status === 400 ? { status: 403, body: page(`<p role="alert">${TOKEN_MESSAGES.expired}</p>`) } : a;
    });
    const r = await fetchRequestTimePages(base, { ...TARGETS, opinionNotice: undefined }, TODAY);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/2027-01-04.*2026-12-01.*GEOPORTAL_TODAY/);
    expect(r.problems[1]).toMatch(/^application: invalid values .*POST \/submit\/application answered 403, not 400: .*校验码已失效/);
    expect(r.notChecked).toEqual([`the opinion form: no 批前公示 takes opinions on ${TODAY}`]);
  });
});
