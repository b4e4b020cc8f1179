/**
 * The local editor (npm run editor): forms for every record type, the
 * spreadsheet import, preview and publish, for bureau staff who are not
 * developers. Forms come from the schema through the import's columns
 * (src/editor/form.ts); a save is a one-row import (scripts/lib/import-records.ts:
 * schema, privacy guard, cross-record checks, the whole data checked again
 * after writing), so the editor can save nothing `npm run check` refuses.
 *
 * It is a local tool and defends itself as one:
 * - it listens on 127.0.0.1 only, and answers 403 to any other peer address;
 * - the Host header must name the editor itself (no DNS rebinding);
 * - every POST must come from the editor's own pages: Origin must be the
 *   editor's origin and the form must carry this process's CSRF token;
 * - it writes only record files under the data directory, by kind folder
 *   and a checked id; bodies are limited in size; pages carry a strict CSP.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { formatIssue, loadDataset, type Dataset } from '../../src/data/load.ts';
import { actionButton, EDITOR_CSS, esc, page } from '../../src/editor/html.ts';
import { formFields, postedValues, problemSummary } from '../../src/editor/form.ts';
import { cellsOf } from '../../src/import/export.ts';
import { choicesOf, RECORD_KINDS, type RecordKind } from '../../src/import/kinds.ts';
import { formTable, formValues } from '../../src/import/one-record.ts';
import type { ImportProblem } from '../../src/import/problems.ts';
import { specColumns } from '../../src/import/spec.ts';
import { readTable } from '../../src/import/table.ts';
import { buildTemplate } from '../../src/import/template.ts';
import { withoutDefaults } from '../../src/import/yaml-out.ts';
import { importRows } from './import-records.ts';
import { liveDir as defaultLiveDir, previewDir as defaultPreviewDir, runBuild, type BuildRun } from './publishing.ts';
import { spawnSiteServer } from './site-server.ts';
import type { ChildProcess } from 'node:child_process';

export type EditorOptions = {
  dataDir: string;
  /** 0: any free port. */
  port: number;
  /** The port the preview is served on (127.0.0.1). */
  previewPort: number;
  previewDir?: string;
  liveDir?: string;
};

export type Editor = { url: string; port: number; server: Server; close: () => Promise<void> };

const ID = /^[a-z0-9][a-z0-9-]{1,79}$/;
const FORM_LIMIT = 2 * 1024 * 1024;
const UPLOAD_LIMIT = 20 * 1024 * 1024;

/** A peer address on this machine. */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(address));
}

type RequestFacts = { method: string; remoteAddress: string | undefined; host: string | undefined; origin: string | undefined; secFetchSite: string | undefined };

/**
 * Whether a request may go on, before its body is read: the peer, the Host,
 * and for writes the Origin. The CSRF token in the form is checked after.
 */
export function refuse(r: RequestFacts, port: number): { status: number; reason: string } | undefined {
  if (!isLoopback(r.remoteAddress)) return { status: 403, reason: '编辑器只接受本机（127.0.0.1）的连接' };
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (r.host === undefined || !hosts.includes(r.host)) return { status: 421, reason: `请用 http://127.0.0.1:${port}/ 打开编辑器（Host 不对）` };
  if (r.method !== 'GET' && r.method !== 'HEAD') {
    if (r.origin !== `http://${r.host}`) return { status: 403, reason: '拒绝：请求不是来自编辑器自己的页面（Origin 不对）' };
    if (r.secFetchSite !== undefined && r.secFetchSite !== 'same-origin') return { status: 403, reason: '拒绝：请求不是来自编辑器自己的页面' };
  }
  return undefined;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  // same-origin, not no-referrer: under no-referrer a browser sends “Origin: null” with its own form posts.
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `内容太大（上限 ${Math.round(limit / 1024 / 1024)} MB）`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `内容太大（上限 ${Math.round(limit / 1024 / 1024)} MB）`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A posted form (url-encoded, or multipart for the upload), through the WHATWG parsers Node ships. */
async function readForm(req: IncomingMessage, limit: number): Promise<FormData> {
  const body = await readBody(req, limit);
  const type = req.headers['content-type'] ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/.test(type)) throw new HttpError(415, '只接受表单提交');
  try {
    return await new Request('http://editor.invalid/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(body) }).formData();
  } catch {
    throw new HttpError(400, '表单内容无法读取');
  }
}

type Job = { id: number; kind: '预览' | '发布'; state: 'running' | 'ok' | 'failed'; log: string; path?: string | undefined };

export async function startEditor(options: EditorOptions): Promise<Editor> {
  const dataDir = path.resolve(options.dataDir);
  const preview = options.previewDir ?? defaultPreviewDir();
  const live = options.liveDir ?? defaultLiveDir();
  const csrf = randomBytes(24).toString('base64url');
  const jobs: Job[] = [];
  let running: BuildRun | undefined;
  let previewServer: ChildProcess | undefined;
  let previewBuilt = false;
  let port = options.port;
  const previewUrl = (p = '/') => `http://127.0.0.1:${options.previewPort}${p}`;
  const rel = (p: string) => path.relative(dataDir, p).split(path.sep).join('/');

  const tokenOk = (form: FormData) => {
    const t = form.get('_csrf');
    if (typeof t !== 'string') return false;
    const a = Buffer.from(t);
    const b = Buffer.from(csrf);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  async function load(): Promise<{ dataset: Dataset | undefined; errors: string[] }> {
    const { dataset, issues } = await loadDataset(dataDir);
    return { dataset, errors: issues.filter((i) => i.severity === 'error').map(formatIssue) };
  }

  const dataBroken = (errors: string[]) =>
    `<div class="problems" role="alert"><h2>现有数据未通过校验，暂时不能保存</h2><p>请先改正下列问题（或请维护人员处理），再刷新本页：</p><ul>${errors.slice(0, 50).map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>`;

  function send(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(html);
  }

  function kindOf(name: string): RecordKind {
    const kind = RECORD_KINDS.find((k) => k.kind === name);
    if (!kind) throw new HttpError(404, `没有“${name}”这类记录`);
    return kind;
  }

  // ------------------------------------------------------------ pages ---

  function home(dataset: Dataset | undefined, errors: string[]): string {
    const rows = RECORD_KINDS.map((k) => {
      const n = dataset ? k.records(dataset).length : '—';
      return `<tr><th scope="row"><a href="/records/${k.kind}/">${esc(k.title)}</a></th><td>${n}</td><td><a href="/records/${k.kind}/new">新建${esc(k.title)}</a></td><td><a href="/template/${k.kind}.xlsx">下载导入模板</a></td></tr>`;
    }).join('');
    return page(
      '数据编辑器',
      `${errors.length > 0 ? dataBroken(errors) : ''}
<p>在这里新建、修改各类记录，或用表格成批导入。每次保存都按 <code>npm run check</code> 的规则检查（格式、个人信息保护、文号不重复等），不通过不保存。保存后先“预览”，确认无误再“发布”。</p>
<table><caption class="sample">记录类型</caption><thead><tr><th scope="col">类型</th><th scope="col">条数</th><th scope="col">新建</th><th scope="col">表格</th></tr></thead><tbody>${rows}</tbody></table>
<p><a href="/import">用表格成批导入（XLSX 或 CSV）</a></p>
${publishBar()}`,
    );
  }

  function publishBar(pagePath?: string): string {
    const last = jobs.at(-1);
    const status = last ? `<p>最近一次${esc(last.kind)}：<a href="/jobs/${last.id}">${last.state === 'running' ? '进行中' : last.state === 'ok' ? '成功' : '失败'}</a></p>` : '';
    const link = previewBuilt ? `<p><a href="${esc(previewUrl(pagePath ?? '/'))}">打开预览${pagePath ? '中的这一页' : ''}</a>（预览不是正式网站）</p>` : '';
    return `<section class="actions" aria-label="预览和发布"><h2>预览和发布</h2><p>预览：用现在的数据构建整个网站，在本机 ${esc(previewUrl())} 打开，不影响正式网站。发布：构建新版本并替换正式网站；构建失败时正式网站保持原样。</p>
${actionButton('/preview', '预览网站', csrf, pagePath ? { path: pagePath } : {})}${actionButton('/publish', '发布到正式网站', csrf, {}, true)}${status}${link}</section>`;
  }

  function list(kind: RecordKind, dataset: Dataset | undefined, errors: string[]): string {
    const records = dataset ? kind.records(dataset) : [];
    const rows = records
      .map((r) => `<tr><td><a href="/records/${kind.kind}/${esc(r.id)}">${esc(kind.caption(r))}</a>${r['sample'] === true ? ' <span class="sample">（示例数据）</span>' : ''}</td><td><code>${esc(r.id)}</code></td><td>${esc(String(r['publishDate'] ?? r['updated'] ?? ''))}</td></tr>`)
      .join('');
    return page(
      kind.title,
      `${errors.length > 0 ? dataBroken(errors) : ''}<p><a href="/records/${kind.kind}/new">新建${esc(kind.title)}</a> · <a href="/template/${kind.kind}.xlsx">下载导入模板</a> · <a href="/import?kind=${kind.kind}">表格导入</a></p>
<table><thead><tr><th scope="col">标题</th><th scope="col">标识（id）</th><th scope="col">日期</th></tr></thead><tbody>${rows || '<tr><td colspan="3">还没有记录</td></tr>'}</tbody></table>`,
      [{ text: kind.title }],
    );
  }

  function form(kind: RecordKind, dataset: Dataset | undefined, values: Map<string, string>, state: { id?: string | undefined; problems?: ImportProblem[]; saved?: string; blocked?: string }): string {
    const editing = state.id !== undefined;
    const action = editing ? `/records/${kind.kind}/${state.id}` : `/records/${kind.kind}/new`;
    const choices = choicesOf(kind, dataset);
    const record = editing && dataset ? kind.records(dataset).find((r) => r.id === state.id) : undefined;
    const title = editing ? `编辑${kind.title}：${record ? kind.caption(record) : state.id}` : `新建${kind.title}`;
    const saved = state.saved ? `<div class="notice-ok" role="status"><p>已保存 <code>data/${esc(state.saved)}</code>，数据校验通过。先预览，确认无误后发布。</p></div>` : '';
    const blocked = state.blocked ? `<div class="notice-warn" role="alert"><p>${esc(state.blocked)}</p></div>` : '';
    const pagePath = record ? kind.pagePath(record) : undefined;
    return page(
      title,
      `${saved}${blocked}${problemSummary(kind, state.problems ?? [])}
<form method="post" action="${esc(action)}" novalidate>
<input type="hidden" name="_csrf" value="${esc(csrf)}">
${formFields(kind, { values, problems: state.problems ?? [], editing, choices })}
<p><button type="submit" class="primary"${state.blocked ? ' disabled' : ''}>检查并保存</button></p>
</form>
${editing ? publishBar(pagePath) : ''}`,
      [{ href: `/records/${kind.kind}/`, text: kind.title }, { text: editing ? String(state.id) : '新建' }],
    );
  }

  function jobPage(job: Job): string {
    const states = { running: '进行中……（本页每 2 秒刷新）', ok: '完成', failed: '失败' };
    const done =
      job.state === 'ok'
        ? job.kind === '预览'
          ? `<div class="notice-ok" role="status"><p>预览已生成：<a href="${esc(previewUrl(job.path ?? '/'))}">${esc(previewUrl(job.path ?? '/'))}</a></p></div>`
          : '<div class="notice-ok" role="status"><p>已发布：正式网站已换成新版本。</p></div>'
        : job.state === 'failed'
          ? `<div class="problems" role="alert"><h2>${esc(job.kind)}失败</h2><p>${job.kind === '发布' ? '正式网站保持上一次发布的版本，没有改动。' : ''}请按下面的信息改正后重试。</p></div>`
          : '';
    return page(`${job.kind}：${states[job.state]}`, `${done}<h2>构建输出</h2><pre class="log" tabindex="0" aria-label="构建输出">${esc(job.log.slice(-30_000))}</pre><p><a href="/">回到编辑器首页</a></p>`, [{ text: job.kind }], job.state === 'running' ? { refreshSeconds: 2 } : {});
  }

  function importPage(kindName: string | undefined, outcome?: { kind: RecordKind; problems: ImportProblem[]; notes: string[]; written: string[]; dryRun: boolean; ok: boolean; source: string; rows: number; records: { row: number; id: string; caption: string }[] }): string {
    const options = RECORD_KINDS.map((k) => `<option value="${k.kind}"${k.kind === (outcome?.kind.kind ?? kindName) ? ' selected' : ''}>${esc(k.title)}</option>`).join('');
    let result = '';
    if (outcome) {
      const errors = outcome.problems.filter((p) => p.severity === 'error');
      const table = outcome.problems.length > 0
        ? `<table class="problem-list"><caption>${errors.length > 0 ? `${errors.length} 个错误` : ''}${outcome.problems.length > errors.length ? `${errors.length > 0 ? '，' : ''}${outcome.problems.length - errors.length} 个提醒` : ''}</caption><thead><tr><th scope="col">类别</th><th scope="col">行</th><th scope="col">列</th><th scope="col">列名</th><th scope="col">原因</th></tr></thead><tbody>${outcome.problems.map((p) => `<tr><td>${p.severity === 'error' ? '错误' : '提醒'}</td><td>${p.row ?? '—'}</td><td>${esc(p.column ?? '')}</td><td>${esc(p.label ?? '')}</td><td>${esc(p.reason)}</td></tr>`).join('')}</tbody></table>`
        : '';
      const notes = outcome.notes.map((n) => `<p>${esc(n)}</p>`).join('');
      const head = !outcome.ok
        ? `<div class="problems" role="alert"><h2>未导入：没有写入任何文件</h2><p>${esc(outcome.source)}，数据 ${outcome.rows} 行。请在表格中改正下列问题后重新上传。</p></div>`
        : outcome.dryRun
          ? `<div class="notice-ok" role="status"><h2>检查通过（试运行，未写入）</h2><p>${outcome.records.length} 条${esc(outcome.kind.title)}可以导入。</p></div>`
          : `<div class="notice-ok" role="status"><h2>已导入 ${outcome.written.length} 条${esc(outcome.kind.title)}</h2><p>数据校验通过。先预览，确认无误后发布。</p></div>`;
      const written = outcome.ok && !outcome.dryRun ? `<ul>${outcome.records.map((r) => `<li>第 ${r.row} 行：<a href="/records/${outcome.kind.kind}/${esc(r.id)}">${esc(r.caption)}</a>（${esc(r.id)}）</li>`).join('')}</ul>` : '';
      result = `${head}${table}${notes}${written}`;
    }
    return page(
      '表格导入',
      `${result}<p>每一行成为一条记录。先<a href="/template/${esc(outcome?.kind.kind ?? kindName ?? 'enforcement')}.xlsx">下载导入模板</a>填写；全部行通过检查才写入，任何一行有错误时一个文件也不写，错误按“第几行、哪一列”列出。</p>
<form method="post" action="/import" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${esc(csrf)}">
<div class="field"><label for="kind">记录类型</label><select id="kind" name="kind">${options}</select></div>
<div class="field"><label for="file">表格文件（XLSX 或 CSV）</label><input type="file" id="file" name="file" accept=".xlsx,.csv"></div>
<div class="field"><label><input type="checkbox" name="dryRun" value="1"${outcome?.dryRun ? ' checked' : ''}> 只检查，不写入（试运行）</label></div>
<p><button type="submit" class="primary">上传并检查</button></p>
</form>`,
      [{ text: '表格导入' }],
    );
  }

  // ------------------------------------------------------------ actions ---

  /** The editing form of a record on file, with a check that the form can carry everything in it. */
  async function editForm(kind: RecordKind, dataset: Dataset, id: string, extra: { saved?: string } = {}): Promise<string> {
    const record = kind.records(dataset).find((r) => r.id === id);
    if (!record) throw new HttpError(404, `没有 id 为“${id}”的${kind.title}`);
    const values = formValues(cellsOf(specColumns(kind), record));
    // A record the form cannot carry whole (more column groups than the form has) is not offered for saving.
    const back = await importRows(kind, formTable(kind, values), { dataDir, dataset, replacing: id, dryRun: true });
    const same = back.result.ok && JSON.stringify(withoutDefaults(kind.schema, back.result.records[0]!.record)) === JSON.stringify(withoutDefaults(kind.schema, record));
    const blocked = same ? undefined : `这条记录有表单不能完整表达的内容（如超过 20 组的拐点或附件），为免丢失，不能在这里保存：请直接编辑文件 data/${kind.dir}/${id}.yaml，再运行 npm run check。`;
    return form(kind, dataset, values, { id, saved: extra.saved, blocked, problems: back.result.ok ? back.result.problems : [] });
  }

  async function save(kind: RecordKind, id: string | undefined, body: FormData, res: ServerResponse): Promise<void> {
    const { dataset, errors } = await load();
    const values = postedValues(kind, body);
    if (!dataset) return send(res, 409, form(kind, dataset, values, { id }).replace('<form', `${dataBroken(errors)}<form`));
    if (id !== undefined && !kind.records(dataset).some((r) => r.id === id)) throw new HttpError(404, `没有 id 为“${id}”的${kind.title}`);
    if (id !== undefined) values.set('id', id);
    const outcome = await importRows(kind, formTable(kind, values), { dataDir, dataset, replacing: id });
    if (!outcome.result.ok) {
      const problems = [...outcome.result.problems, ...(outcome.writeError ? [{ reason: outcome.writeError, severity: 'error' as const }] : []), ...(outcome.afterIssues ?? []).map((i) => ({ reason: formatIssue(i), severity: 'error' as const }))];
      return send(res, 422, form(kind, dataset, values, { id, problems }));
    }
    const record = outcome.result.records[0]!.record;
    const file = rel(outcome.written[0]!);
    res.writeHead(303, { ...SECURITY_HEADERS, Location: `/records/${kind.kind}/${record.id}?saved=${encodeURIComponent(file)}` });
    res.end();
  }

  function startJob(kind: Job['kind'], pagePath: string | undefined): Job {
    const current = jobs.at(-1);
    if (running && current) return current;
    const job: Job = { id: jobs.length + 1, kind, state: 'running', log: '', path: pagePath };
    jobs.push(job);
    running = runBuild(kind === '预览' ? 'preview' : 'publish', dataDir, kind === '预览' ? preview : live, (text) => (job.log += text));
    void running.done.then((code) => {
      running = undefined;
      job.state = code === 0 ? 'ok' : 'failed';
      if (kind === '预览' && code === 0) {
        previewBuilt = true;
        // The site's server picks up each new preview build by itself: start it once.
        previewServer ??= spawnSiteServer(preview, options.previewPort, { stdio: ['ignore', 'ignore', 'ignore'] });
        previewServer.once('exit', () => (previewServer = undefined));
      }
      job.log += code === 0 ? `\n${kind}完成。\n` : `\n${kind}失败（退出码 ${code}）${kind === '发布' ? '：正式网站没有改动。' : '。'}\n`;
    });
    return job;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const parts = url.pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/editor.css') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/css; charset=utf-8' });
      res.end(EDITOR_CSS);
      return;
    }
    if (method === 'GET' && url.pathname === '/') {
      const { dataset, errors } = await load();
      return send(res, 200, home(dataset, errors));
    }
    if (parts[0] === 'records' && parts[1]) {
      const kind = kindOf(parts[1]);
      if (parts.length === 2 && method === 'GET') {
        const { dataset, errors } = await load();
        return send(res, 200, list(kind, dataset, errors));
      }
      if (parts.length === 3) {
        const target = parts[2]!;
        if (target !== 'new' && !ID.test(target)) throw new HttpError(404, '没有这条记录');
        const id = target === 'new' ? undefined : target;
        if (method === 'GET') {
          const { dataset, errors } = await load();
          if (!dataset) return send(res, 200, form(kind, dataset, new Map(), { id }).replace('<form', `${dataBroken(errors)}<form`));
          if (id === undefined) return send(res, 200, form(kind, dataset, new Map(), {}));
          const saved = url.searchParams.get('saved');
          return send(res, 200, await editForm(kind, dataset, id, saved && /^[\w/.-]+\.yaml$/.test(saved) ? { saved } : {}));
        }
        if (method === 'POST') {
          const body = await readForm(req, FORM_LIMIT);
          if (!tokenOk(body)) throw new HttpError(403, '拒绝：表单已过期或不是来自编辑器（请刷新页面后重试）');
          return save(kind, id, body, res);
        }
      }
    }
    if (url.pathname === '/import') {
      if (method === 'GET') return send(res, 200, importPage(url.searchParams.get('kind') ?? undefined));
      if (method === 'POST') {
        const body = await readForm(req, UPLOAD_LIMIT);
        if (!tokenOk(body)) throw new HttpError(403, '拒绝：表单已过期或不是来自编辑器（请刷新页面后重试）');
        const kind = kindOf(String(body.get('kind') ?? ''));
        const file = body.get('file');
        if (!(file instanceof Blob) || file.size === 0) return send(res, 422, importPage(kind.kind, { kind, problems: [{ reason: '请选择要导入的表格文件', severity: 'error' }], notes: [], written: [], dryRun: false, ok: false, source: '（没有文件）', rows: 0, records: [] }));
        const dryRun = body.get('dryRun') === '1';
        const { dataset, errors } = await load();
        if (!dataset) return send(res, 409, importPage(kind.kind).replace('<p>每一行', `${dataBroken(errors)}<p>每一行`));
        const read = await readTable(new Uint8Array(await file.arrayBuffer()));
        if (!read.table) return send(res, 422, importPage(kind.kind, { kind, problems: read.problems, notes: [], written: [], dryRun, ok: false, source: file instanceof File ? file.name : '文件', rows: 0, records: [] }));
        const outcome = await importRows(kind, read.table, { dataDir, dataset, dryRun });
        const r = outcome.result;
        const problems = [...r.problems, ...(outcome.writeError ? [{ reason: outcome.writeError, severity: 'error' as const }] : []), ...(outcome.afterIssues ?? []).map((i) => ({ reason: formatIssue(i), severity: 'error' as const }))];
        return send(res, r.ok ? 200 : 422, importPage(kind.kind, { kind, problems, notes: r.notes, written: outcome.written, dryRun, ok: r.ok, source: r.source, rows: r.rowCount, records: r.records.map((x) => ({ row: x.row, id: x.record.id, caption: kind.caption(x.record) })) }));
      }
    }
    if (method === 'GET' && parts[0] === 'template' && parts.length === 2 && parts[1]!.endsWith('.xlsx')) {
      const kind = kindOf(parts[1]!.slice(0, -'.xlsx'.length));
      const { dataset } = await load();
      const set = specColumns(kind);
      const example = dataset ? kind.records(dataset).reduce<Record<string, unknown> | undefined>((best, r) => (!best || cellsOf(set, r).size > cellsOf(set, best).size ? r : best), undefined) : undefined;
      const wb = buildTemplate({ ...kind, choices: choicesOf(kind, dataset) }, { example });
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="${kind.kind}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${kind.title}导入模板.xlsx`)}` });
      res.end(bytes);
      return;
    }
    if (method === 'POST' && (url.pathname === '/preview' || url.pathname === '/publish')) {
      const body = await readForm(req, FORM_LIMIT);
      if (!tokenOk(body)) throw new HttpError(403, '拒绝：表单已过期或不是来自编辑器（请刷新页面后重试）');
      const pagePath = body.get('path');
      const job = startJob(url.pathname === '/preview' ? '预览' : '发布', typeof pagePath === 'string' && /^\/[\w/.-]*$/.test(pagePath) ? pagePath : undefined);
      res.writeHead(303, { ...SECURITY_HEADERS, Location: `/jobs/${job.id}` });
      res.end();
      return;
    }
    if (method === 'GET' && parts[0] === 'jobs' && parts.length === 2) {
      const job = jobs[Number(parts[1]) - 1];
      if (!job) throw new HttpError(404, '没有这项任务');
      return send(res, 200, jobPage(job));
    }
    if (method !== 'GET' && method !== 'POST') throw new HttpError(405, '不支持的请求方法');
    throw new HttpError(404, '没有这个页面');
  }

  const server = createServer((req, res) => {
    const refused = refuse({ method: req.method ?? 'GET', remoteAddress: req.socket.remoteAddress, host: req.headers.host, origin: req.headers.origin, secFetchSite: req.headers['sec-fetch-site'] as string | undefined }, port);
    if (refused) {
      send(res, refused.status, page('拒绝访问', `<p>${esc(refused.reason)}</p>`), { Connection: 'close' });
      if (!isLoopback(req.socket.remoteAddress)) req.socket.destroy();
      return;
    }
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) console.error(e);
      if (!res.headersSent) send(res, status, page(status === 404 ? '没有找到' : '出错了', `<p>${esc(e instanceof HttpError ? e.message : '编辑器内部错误，详情见启动编辑器的终端窗口')}</p><p><a href="/">回到编辑器首页</a></p>`));
      else res.end();
    });
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    server,
    close: async () => {
      running?.child.kill('SIGTERM');
      previewServer?.kill('SIGTERM');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
