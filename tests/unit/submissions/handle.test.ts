/**
 * The submission routes' logic (src/submissions/handle.ts) on the real SQLite
 * store: a receipt for a good post, and for every bad one a refusal with a
 * status and a reason — never an exception, never a record left behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../../src/lib/workdays.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import { StoreUnavailableError, type SubmissionStore } from '../../../src/store/types.ts';
import { issueFormToken } from '../../../src/submissions/form-token.ts';
import { handleSubmission, type OpinionNotice, type SubmissionContext } from '../../../src/submissions/handle.ts';

const KEY = 'test-key-'.repeat(4);
const ORIGIN = 'https://zrzy.example.gov.cn';
// Tuesday 1 December 2026, 10:00 in Shanghai.
const NOW = new Date('2026-12-01T10:00:00+08:00');
const notice = (id: string, end: string, superseded = false): OpinionNotice => ({ id, title: `公示 ${id}`, url: `/notices/planning/${id}/`, start: '2026-11-20', end, superseded });
const NOTICES = { open: notice('open', '2026-12-10'), closed: notice('closed', '2026-11-30'), replaced: notice('replaced', '2026-12-10', true) };
// A 1×1 PNG.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

const dir = mkdtempSync(path.join(tmpdir(), 'geoportal-submissions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let store: SubmissionStore;
let file: string;
let n = 0;
beforeEach(async () => {
  file = path.join(dir, `s${n++}.sqlite`);
  store = await openSqliteStore({ path: file, lockWaitMs: 50 });
});
afterEach(async () => {
  await store.close();
});

const ctx = (over: Partial<SubmissionContext> = {}): SubmissionContext => ({
  store: async () => store,
  key: KEY,
  origins: [ORIGIN],
  opinionNotices: NOTICES,
  calendar: new WorkingDayCalendar(),
  retention: { opinionMonthsAfterDeadline: 12, applicationMonthsAfterReplyDate: 6 },
  maxBodyBytes: 2 * 1024 * 1024 + 64 * 1024,
  now: () => NOW,
  log: () => undefined,
  ...over,
});

const opinionFields = (over: Record<string, string> = {}) => ({ token: issueFormToken(KEY, 'opinion:open', NOW.getTime()), notice: 'open', name: '张三', phone: '13912345678', opinion: '<script>alert(1)</script>楼间距不足，影响采光', ...over });
const applicationFields = (over: Record<string, string> = {}) => ({
  token: issueFormToken(KEY, 'application', NOW.getTime()),
  applicantType: '公民', name: '李四', idType: '护照', idNumber: 'E12345678', phone: '0452-2345678',
  description: '2025 年龙沙区某地块的建设用地规划许可证及附图', format: '电子文档', delivery: '电子邮件', email: 'lisi@example.com',
  ...over,
});

function multipart(fields: Record<string, string>, opts: { origin?: string | null; file?: { name: string; bytes: Uint8Array } } = {}): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (opts.file) form.append('attachment', new Blob([opts.file.bytes as Uint8Array<ArrayBuffer>]), opts.file.name);
  const headers: Record<string, string> = {};
  if (opts.origin !== null) headers['origin'] = opts.origin ?? ORIGIN;
  return new Request('http://127.0.0.1/submit/opinion', { method: 'POST', body: form, headers });
}
function raw(body: BodyInit | null, type: string, origin: string | null = ORIGIN): Request {
  return new Request('http://127.0.0.1/submit/application', { method: 'POST', body, headers: { 'content-type': type, ...(origin ? { origin } : {}) } });
}
const urlencoded = (fields: Record<string, string>) => raw(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
const stored = async () => [...(await store.list({ kind: 'opinion' })), ...(await store.list({ kind: 'application' }))];

describe('a good post', () => {
  it('stores an opinion with its attachment, content and personal data apart, HTML kept as text, and answers the receipt', async () => {
    const out = await handleSubmission('opinion', multipart(opinionFields(), { file: { name: '..\\..\\现场照片.png', bytes: PNG } }), ctx());
    expect(out.kind).toBe('receipt');
    if (out.kind !== 'receipt') return;
    expect(out.receipt).toMatchObject({ receiptNo: 'YJ-20261201-0001', receivedAt: '2026-12-01T10:00:00+08:00', retainUntil: '2027-12-10', duplicate: false });
    expect(out.receipt.next).toContain('公示期满后');
    const s = await store.get(out.receipt.receiptNo);
    expect(s).toMatchObject({ kind: 'opinion', noticeId: 'open', content: { anonymous: false, opinion: '<script>alert(1)</script>楼间距不足，影响采光' }, personal: { name: '张三', phone: '13912345678' } });
    expect(s?.attachment).toEqual({ name: '现场照片.png', mediaType: 'image/png', size: PNG.byteLength });
  });
  it('answers the first receipt, not a second record, when the same form is sent twice', async () => {
    const fields = opinionFields();
    const first = await handleSubmission('opinion', multipart(fields), ctx());
    const again = await handleSubmission('opinion', multipart(fields), ctx());
    expect(again.kind === 'receipt' && again.receipt).toMatchObject({ receiptNo: first.kind === 'receipt' ? first.receipt.receiptNo : '', duplicate: true });
    expect(await stored()).toHaveLength(1);
  });
  it('gives an application its statutory reply date, or only the rule when the calendar does not cover it', async () => {
    const out = await handleSubmission('application', urlencoded(applicationFields()), ctx());
    expect(out.kind === 'receipt' && out.receipt.replyBy).toBe('2026-12-29');
    const friday = new Date('2026-12-04T10:00:00+08:00');
    const late = await handleSubmission('application', urlencoded(applicationFields({ token: issueFormToken(KEY, 'application', friday.getTime()) })), ctx({ now: () => friday }));
    expect(late.kind === 'receipt' && late.receipt).toMatchObject({ replyBy: undefined, replyYearMissing: 2027 });
    expect(late.kind === 'receipt' && late.receipt.next).toContain('20 个工作日');
    const [a, b] = await store.list({ kind: 'application' });
    expect([a?.replyBy, b?.replyBy]).toEqual(['2026-12-29', undefined]);
    // Personal data kept 6 months after the reply date (site.yaml submissions.retention); past the calendar, counted Monday–Friday.
    expect([a?.retainUntil, b?.retainUntil]).toEqual(['2027-06-29', '2027-07-01']);
    expect(a?.personal).toMatchObject({ name: '李四', idNumber: 'E12345678', email: 'lisi@example.com' });
    expect(a?.content).toEqual({ applicantType: '公民', description: '2025 年龙沙区某地块的建设用地规划许可证及附图', format: '电子文档', delivery: '电子邮件' });
  });
});

describe('a bad post is refused and nothing is stored', () => {
  const cases: [string, () => ReturnType<typeof handleSubmission>, number][] = [
    ['a missing Origin', () => handleSubmission('opinion', multipart(opinionFields(), { origin: null }), ctx()), 403],
    ['another site’s Origin', () => handleSubmission('opinion', multipart(opinionFields(), { origin: 'https://evil.example' }), ctx()), 403],
    ['a missing token', () => handleSubmission('opinion', multipart(opinionFields({ token: '' })), ctx()), 403],
    ['a forged token', () => handleSubmission('opinion', multipart(opinionFields({ token: issueFormToken('another-key-'.repeat(3), 'opinion:open', NOW.getTime()) })), ctx()), 403],
    ['a token for another notice', () => handleSubmission('opinion', multipart(opinionFields({ token: issueFormToken(KEY, 'opinion:closed', NOW.getTime()) })), ctx()), 403],
    ['an expired token', () => handleSubmission('opinion', multipart(opinionFields({ token: issueFormToken(KEY, 'opinion:open', NOW.getTime() - 5 * 3600_000) })), ctx()), 403],
    ['after the period', () => handleSubmission('opinion', multipart(opinionFields({ notice: 'closed', token: issueFormToken(KEY, 'opinion:closed', NOW.getTime()) })), ctx()), 409],
    ['on a superseded notice', () => handleSubmission('opinion', multipart(opinionFields({ notice: 'replaced', token: issueFormToken(KEY, 'opinion:replaced', NOW.getTime()) })), ctx()), 409],
    ['an unknown notice', () => handleSubmission('opinion', multipart(opinionFields({ notice: 'nope', token: issueFormToken(KEY, 'opinion:nope', NOW.getTime()) })), ctx()), 404],
    ['an empty body', () => handleSubmission('application', raw('', 'application/x-www-form-urlencoded'), ctx()), 400],
    ['an oversize body', () => handleSubmission('application', urlencoded(applicationFields({ description: '长'.repeat(30_000) })), ctx({ maxBodyBytes: 64 * 1024 })), 413],
    ['urlencoded bytes that are not UTF-8', () => handleSubmission('application', raw('name=%C0%AF&token=x', 'application/x-www-form-urlencoded'), ctx()), 400],
    ['a form declared in GBK', () => handleSubmission('application', raw('name=x', 'application/x-www-form-urlencoded; charset=gbk'), ctx()), 400],
    ['multipart text that is not UTF-8', () => handleSubmission('opinion', raw(Buffer.concat([Buffer.from('--b\r\nContent-Disposition: form-data; name="opinion"\r\n\r\n'), Buffer.from([0xd2, 0xe2, 0xbc, 0xfb]), Buffer.from('\r\n--b--\r\n')]), 'multipart/form-data; boundary=b'), ctx()), 400],
    ['JSON instead of a form', () => handleSubmission('application', raw('{"name":"x"}', 'application/json'), ctx()), 415],
    ['a field the form does not have', () => handleSubmission('application', urlencoded({ ...applicationFields(), admin: '1' }), ctx()), 400],
    ['a field sent twice', () => handleSubmission('application', raw(`${new URLSearchParams(applicationFields()).toString()}&name=x`, 'application/x-www-form-urlencoded'), ctx()), 400],
    ['invalid values', () => handleSubmission('application', urlencoded(applicationFields({ idType: '居民身份证', idNumber: '110101199003077777' })), ctx()), 400],
    ['an attachment that is not what its name says', () => handleSubmission('opinion', multipart(opinionFields(), { file: { name: 'photo.png', bytes: new TextEncoder().encode('<html><script>alert(1)</script>') } }), ctx()), 400],
    ['an attachment over 2 MB', () => handleSubmission('opinion', multipart(opinionFields(), { file: { name: 'big.png', bytes: Uint8Array.from([...PNG, ...new Uint8Array(2 * 1024 * 1024)]) } }), ctx()), 400],
  ];
  for (const [name, run, status] of cases)
    it(name, async () => {
      const out = await run();
      expect(out.kind).not.toBe('receipt');
      expect(out.status).toBe(status);
      if (out.kind === 'refused') expect(out.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(await stored()).toEqual([]);
    });
  it('answers invalid values with a message per field and the values to fill the form again', async () => {
    const out = await handleSubmission('opinion', multipart(opinionFields({ name: '', opinion: '短' })), ctx());
    expect(out).toMatchObject({ kind: 'invalid', status: 400, errors: { opinion: '至少 5 个字', name: '请填写姓名，或选择匿名提交' }, values: { phone: '13912345678', opinion: '短' } });
  });
});

describe('the store full, locked or unavailable', () => {
  it('is full: a clear message, 503, nothing half-written', async () => {
    await store.close();
    store = await openSqliteStore({ path: path.join(dir, `full${n++}.sqlite`), maxBytes: 160 * 1024 });
    const out = await handleSubmission('opinion', multipart(opinionFields(), { file: { name: 'p.png', bytes: Uint8Array.from([...PNG, ...new Uint8Array(1024 * 1024)]) } }), ctx());
    expect(out).toMatchObject({ kind: 'refused', status: 503, remedy: 'later', reason: expect.stringContaining('存储空间已满') });
    expect(await stored()).toEqual([]);
  });
  it('is locked by another connection: a clear message, 503, and the same form succeeds once the lock is gone', async () => {
    const other = new DatabaseSync(file);
    other.exec('BEGIN IMMEDIATE');
    const fields = opinionFields();
    const out = await handleSubmission('opinion', multipart(fields), ctx());
    expect(out).toMatchObject({ kind: 'refused', status: 503, reason: expect.stringContaining('系统正忙') });
    other.exec('ROLLBACK');
    other.close();
    expect(await stored()).toEqual([]);
    expect((await handleSubmission('opinion', multipart(fields), ctx())).kind).toBe('receipt');
  });
  it('is unavailable (cannot be opened, or throws anything): a clear message, 503', async () => {
    const out = await handleSubmission('opinion', multipart(opinionFields()), ctx({ store: () => Promise.reject(new StoreUnavailableError('unavailable', 'no file')) }));
    expect(out).toMatchObject({ kind: 'refused', status: 503, reason: expect.stringContaining('暂时不可用') });
    const odd = await handleSubmission('opinion', multipart(opinionFields()), ctx({ store: () => Promise.reject(new Error('boom')) }));
    expect(odd.status).toBe(503);
  });
});
