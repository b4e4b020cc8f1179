/**
 * The local editor on a copy of the minimal fixture: it refuses other peers,
 * other Hosts, writes from other origins or without its token, and paths
 * outside its record folders; a save is a one-row import, so every save the
 * schema (or the privacy guard, or a cross-record check) refuses is answered
 * with the form, the message at its field, and nothing written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, refuse, startEditor, type Editor } from '../../../scripts/lib/editor-server.ts';
import { fixtureCopies, PENALTY } from '../data/fixture-copies.ts';

const copies = fixtureCopies('editor');
let dir = '';
let editor: Editor;
let origin = '';
let token = '';

beforeAll(async () => {
  dir = copies.copy();
  editor = await startEditor({ dataDir: dir, port: 0, previewPort: 1, previewDir: path.join(dir, '..', 'preview'), liveDir: path.join(dir, '..', 'live') });
  origin = editor.url.replace(/\/$/, '');
  token = /name="_csrf" value="([^"]+)"/.exec(await (await fetch(`${origin}/records/enforcement/new`)).text())![1]!;
});
afterAll(() => editor?.close());

/** A 事后公开 decision that passes, as the form posts it. */
const DECISION: Record<string, string> = {
  category: '行政处罚',
  title: '示例非法占地案行政处罚决定（编辑器测试）',
  docNo: '齐自然资罚〔2026〕40号',
  district: '龙沙区',
  publishDate: '2026-11-16',
  decisionDate: '2026-11-12',
  authority: '齐齐哈尔市自然资源和规划局',
  'party.type': '法人或其他组织',
  'party.name': '齐齐哈尔示例物流有限公司',
  result: '罚款',
  sample: '是',
};

function post(pathname: string, fields: Record<string, string>, headers: Record<string, string> = { Origin: origin }) {
  return fetch(`${origin}${pathname}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams({ _csrf: token, ...fields }), redirect: 'manual' });
}
const files = () => readdirSync(path.join(dir, 'enforcement')).sort();

describe('who may use the editor', () => {
  it('accepts this machine only, under its own Host, and writes only from its own pages', () => {
    expect([isLoopback('127.0.0.1'), isLoopback('::1'), isLoopback('::ffff:127.0.0.1'), isLoopback('192.168.1.5'), isLoopback('::ffff:10.0.0.1'), isLoopback(undefined)]).toEqual([true, true, true, false, false, false]);
    const ok = { method: 'POST', remoteAddress: '127.0.0.1', host: '127.0.0.1:4323', origin: 'http://127.0.0.1:4323', secFetchSite: 'same-origin' };
    expect(refuse(ok, 4323)).toBeUndefined();
    expect(refuse({ ...ok, remoteAddress: '10.1.2.3' }, 4323)).toEqual({ status: 403, reason: '编辑器只接受本机（127.0.0.1）的连接' });
    expect(refuse({ ...ok, host: 'rebind.example:4323' }, 4323)?.status).toBe(421);
    expect(refuse({ ...ok, origin: 'http://evil.example' }, 4323)).toEqual({ status: 403, reason: '拒绝：请求不是来自编辑器自己的页面（Origin 不对）' });
    expect(refuse({ ...ok, origin: undefined }, 4323)?.status).toBe(403);
    expect(refuse({ ...ok, secFetchSite: 'cross-site' }, 4323)?.status).toBe(403);
    expect(refuse({ ...ok, method: 'GET', origin: undefined, secFetchSite: undefined }, 4323)).toBeUndefined();
  });
  it('listens on 127.0.0.1 only and refuses writes without the token or from another origin', async () => {
    expect(editor.server.address()).toMatchObject({ address: '127.0.0.1' });
    const before = files();
    expect((await post('/records/enforcement/new', DECISION, { Origin: 'http://evil.example' })).status).toBe(403);
    const noToken = await fetch(`${origin}/records/enforcement/new`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(DECISION) });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('表单已过期或不是来自编辑器');
    expect(files()).toEqual(before);
  });
  it('knows only its record folders and ids: no path leads outside data/', async () => {
    for (const p of ['/records/enforcement/..%2F..%2Fsite', '/records/..%2Fsite/new', '/records/enforcement/ZF-1', '/template/..%2Fsite.xlsx', '/files/../site.yaml'])
      expect((await post(p, DECISION)).status, p).toBe(404);
    expect((await post('/records/enforcement/no-such-record', DECISION)).status).toBe(404);
  });
});

describe('saving a record', () => {
  const refused: [string, Record<string, string>, string, RegExp][] = [
    ['a required field left empty', { title: '' }, 'title', /^必填，不能为空$/],
    ['a value not in the list', { category: '行政罚款' }, 'category', /“行政罚款”不是可选值/],
    ['a category of another stage', { category: '权责清单' }, 'category', /事后公开 的类别应为 行政处罚、行政检查、行政许可、行政强制 之一/],
    ['a date that does not exist', { decisionDate: '2026-02-30' }, 'decisionDate', /^不是有效日期，格式应为 YYYY-MM-DD$/],
    ['a date in an order it would have to guess', { decisionDate: '11/12/2026' }, 'decisionDate', /^不是有效日期，格式应为 YYYY-MM-DD$/],
    ['a decision published before it was made', { publishDate: '2026-11-10' }, 'publishDate', /发布日期早于决定日期/],
    ['a decision without its date', { decisionDate: '' }, 'decisionDate', /事后公开必须有决定日期/],
    ['a natural person’s full name', { 'party.type': '自然人', 'party.name': '王建国' }, 'party.name', /姓名必须遮盖后发布，请改为“王某”/],
    ['a mobile number in the facts', { facts: '当事人电话13912345678（示例）' }, 'facts', /手机号码“139\*\*\*\*5678”/],
    ['a 文号 already on file', { docNo: '齐自然资罚〔2026〕8号' }, 'docNo', /文号“齐自然资罚〔2026〕8号”重复，已在 enforcement\/2026-penalty-01\.yaml 中使用/],
    ['an unknown district', { district: '火星区' }, 'district', /未知的行政区“火星区”/],
    ['an invalid credit code', { 'party.creditCode': '91230203MA1BX6Q410' }, 'party.creditCode', /校验位不对：按 GB 32100 前 17 位对应的校验位应为“4”/],
    ['a fine that is not a number', { fineYuan: '一万元' }, 'fineYuan', /“一万元”不是数字/],
    ['an id that is not URL-safe', { id: 'ZF 2026/1' }, 'id', /id 只能用小写字母、数字和连字符/],
    ['a withdrawal without its reason', { 'status.state': 'withdrawn', 'status.date': '2026-11-20' }, 'status.reason', /必填，不能为空/],
  ];
  it.each(refused)('refuses %s with the message at the field, and writes nothing', async (_what, change, field, message) => {
    const before = files();
    const r = await post('/records/enforcement/new', { ...DECISION, ...change });
    const html = await r.text();
    expect(r.status).toBe(422);
    expect(html).toContain('未保存：');
    const id = `f-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
    const at = new RegExp(`<p class="error-text" id="${id}-p\\d+">错误：([^<]*)</p>`).exec(html);
    expect(at?.[1], html.slice(html.indexOf('id="problems"'), html.indexOf('id="problems"') + 600)).toMatch(message);
    expect(html).toContain(`id="${id}" name="${field}" aria-describedby="${id}-hint ${id}-p0"`);
    expect(files()).toEqual(before);
  });
  it('saves a valid record where the loader reads it, and shows it saved; an edit keeps its id', async () => {
    const r = await post('/records/enforcement/new', DECISION);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/records/enforcement/zf-2026-cf-001?saved=enforcement%2Fzf-2026-cf-001.yaml');
    expect(readFileSync(path.join(dir, 'enforcement/zf-2026-cf-001.yaml'), 'utf8')).toContain('title: 示例非法占地案行政处罚决定（编辑器测试）');
    const shown = await (await fetch(`${origin}${r.headers.get('location')}`)).text();
    expect(shown).toContain('已保存 <code>data/enforcement/zf-2026-cf-001.yaml</code>，数据校验通过');
    expect(shown).toContain('name="id" aria-describedby="f-id-hint" value="zf-2026-cf-001" readonly');
    // An edit posts a changed id: the record keeps its own (its URL).
    const edited = await post('/records/enforcement/zf-2026-cf-001', { ...DECISION, id: 'zf-2026-cf-999', result: '罚款 5000 元' });
    expect(edited.status).toBe(303);
    expect(files()).not.toContain('zf-2026-cf-999.yaml');
    expect(readFileSync(path.join(dir, 'enforcement/zf-2026-cf-001.yaml'), 'utf8')).toContain('result: 罚款 5000 元');
  });
  it('opens every record on file in a form that carries it whole', async () => {
    const html = await (await fetch(`${origin}/records/enforcement/${path.basename(PENALTY, '.yaml')}`)).text();
    expect(html).toContain('value="齐自然资罚〔2026〕8号"');
    expect(html).not.toContain('不能在这里保存');
    expect(html).not.toContain('未保存');
  });
});

describe('the 执法人员 roster in the editor (a kind of src/import/kinds.ts like any other)', () => {
  it('has a form whose 执法区域 offers 全市, and saves a new officer as zfry-<执法证号>.yaml', async () => {
    const html = await (await fetch(`${origin}/records/officers/new`)).text();
    expect(html).toContain('name="certificateNo"');
    expect(html).toMatch(/<select[^>]*name="district"[\s\S]*?<option value="全市">全市<\/option>/);
    const r = await post('/records/officers/new', { name: '测试甲', certificateNo: '２３０２００２０２６００９９', enforcementCategory: '土地管理', unit: '示例执法支队', district: '全市', validFrom: '2026-01-05', validUntil: '2032-01-04', sample: '是' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/records/officers/zfry-23020020260099?saved=enforcement%2Fofficers%2Fzfry-23020020260099.yaml');
    expect(readFileSync(path.join(dir, 'enforcement/officers/zfry-23020020260099.yaml'), 'utf8')).toContain('certificateNo: "23020020260099"');
  });
});

describe('importing a sheet in the editor', () => {
  it('lists every problem by row and column and writes nothing; a clean sheet is written', async () => {
    const header = '类别,标题,文号,所在区县,发布日期,作出日期,执法机关,当事人类型,当事人名称,处罚内容,示例数据';
    const good = '行政处罚,示例案一（导入）,齐自然资罚〔2026〕51号,龙沙区,2026-11-16,2026-11-12,齐齐哈尔市自然资源和规划局,法人或其他组织,齐齐哈尔示例甲有限公司,罚款,是';
    const bad = '行政处罚,示例案二（导入）,齐自然资罚〔2026〕51号,龙沙区,2026-11-16,2026-11-12,齐齐哈尔市自然资源和规划局,自然人,李建国,罚款,是';
    const upload = (csv: string) => {
      const body = new FormData();
      body.set('_csrf', token);
      body.set('kind', 'enforcement');
      body.set('file', new Blob([csv], { type: 'text/csv' }), '台账.csv');
      return fetch(`${origin}/import`, { method: 'POST', headers: { Origin: origin }, body });
    };
    const before = files();
    const r = await upload(`${header}\n${good}\n${bad}\n`);
    const html = await r.text();
    expect(r.status).toBe(422);
    expect(html).toContain('未导入：没有写入任何文件');
    expect(html).toMatch(/<td>错误<\/td><td>3<\/td><td>C<\/td><td>文号<\/td><td>文号“齐自然资罚〔2026〕51号”重复，已在 第 2 行 中使用<\/td>/);
    expect(html).toMatch(/<td>错误<\/td><td>3<\/td><td>I<\/td><td>当事人名称<\/td><td>自然人（含个体工商户经营者、法定代表人）姓名必须遮盖后发布，请改为“李某”/);
    expect(files()).toEqual(before);
    const ok = await upload(`${header}\n${good}\n`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('已导入 1 条执法信息');
    expect(files().length).toBe(before.length + 1);
  });
});
