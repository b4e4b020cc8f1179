/**
 * The submission store's contract, run against both adapters: SQLite in a
 * temporary directory, and a throwaway PostgreSQL (Debian's postgresql,
 * started here by scripts/lib/postgres.ts on a free port and removed after).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/free-port.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../../scripts/lib/postgres.ts';
import { RECEIPT_PATTERN } from '../../../src/store/common.ts';
import { SCHEMA_VERSION } from '../../../src/store/migrations.ts';
import { copySqliteToPostgres } from '../../../src/store/copy.ts';
import { openPostgresStore } from '../../../src/store/postgres.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import { StoreUnavailableError, type NewSubmission, type SubmissionStore } from '../../../src/store/types.ts';

interface Harness {
  /** A fresh, empty store (its own file / its own database). */
  fresh(options?: { lockWaitMs?: number }): Promise<{ open: (o?: { lockWaitMs?: number }) => Promise<SubmissionStore>; store: SubmissionStore }>;
  /** Holds the write lock the adapter's `add` needs until the returned function is called. */
  holdLock(store: SubmissionStore): Promise<() => Promise<void>>;
  /** Runs raw SQL on the store's database (outside the store). */
  raw(store: SubmissionStore, sql: string): Promise<void>;
  cleanup(): Promise<void>;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'geoportal-store-'));
let n = 0;

const sqliteFiles = new WeakMap<SubmissionStore, string>();
const sqlite: Harness = {
  async fresh(options) {
    const file = path.join(tmp, `s${++n}`, 'submissions.sqlite');
    const open = (o?: { lockWaitMs?: number }) => openSqliteStore({ path: file, ...(o ?? options) });
    const store = await open();
    sqliteFiles.set(store, file);
    return { open, store };
  },
  async holdLock(store) {
    const db = new DatabaseSync(sqliteFiles.get(store)!);
    db.exec('BEGIN IMMEDIATE');
    return async () => {
      db.exec('ROLLBACK');
      db.close();
    };
  },
  async raw(store, sql) {
    const db = new DatabaseSync(sqliteFiles.get(store)!);
    db.exec(sql);
    db.close();
  },
  async cleanup() {},
};

let server: ThrowawayPostgres | undefined;
const pgUrls = new WeakMap<SubmissionStore, string>();
const postgres: Harness = {
  async fresh(options) {
    // A schema per store, not a database: CREATE DATABASE writes the whole template (WAL and fsyncs), a schema a catalogue row.
    const name = `t${++n}`;
    const admin = new pg.Client({ connectionString: server!.url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${name}`);
    await admin.end();
    const url = `${server!.url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
    const open = (o?: { lockWaitMs?: number }) => openPostgresStore({ url, ...(o ?? options) });
    const store = await open();
    pgUrls.set(store, url);
    return { open, store };
  },
  async holdLock(store) {
    // A row lock on every counter row and the table itself: a concurrent add waits for it, as behind a long transaction.
    const c = new pg.Client({ connectionString: pgUrls.get(store)! });
    await c.connect();
    await c.query('BEGIN');
    await c.query('LOCK TABLE receipt_counters IN EXCLUSIVE MODE');
    return async () => {
      await c.query('ROLLBACK');
      await c.end();
    };
  },
  async raw(store, sql) {
    const c = new pg.Client({ connectionString: pgUrls.get(store)! });
    await c.connect();
    await c.query(sql);
    await c.end();
  },
  async cleanup() {},
};

beforeAll(async () => {
  server = await startThrowawayPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

let key = 0;
const opinion = (over: Partial<NewSubmission> = {}): NewSubmission => ({
  kind: 'opinion',
  noticeId: 'pq-2026-001',
  content: { opinion: '<script>alert(1)</script> 建议增加绿地', subject: '=HYPERLINK("x")' },
  personal: { name: '王建国', phone: '13912345678', email: 'wang@example.com' },
  receivedAt: new Date('2026-12-01T02:00:00Z'),
  retainUntil: '2027-12-31',
  idempotencyKey: `k-${++key}`,
  ...over,
});
const application = (over: Partial<NewSubmission> = {}): NewSubmission => ({
  kind: 'application',
  content: { description: '某地块的规划条件', delivery: 'email' },
  personal: { applicantType: 'person', name: '李四', phone: '13800001111' },
  receivedAt: new Date('2026-12-01T02:00:00Z'),
  retainUntil: '2027-12-31',
  replyBy: '2026-12-29',
  idempotencyKey: `k-${++key}`,
  ...over,
});

const rejection = async (p: Promise<unknown>): Promise<StoreUnavailableError> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StoreUnavailableError);
  return e as StoreUnavailableError;
};

describe.each([
  ['sqlite', sqlite],
  ['postgres', postgres],
] as const)('submission store contract: %s', (adapter, h) => {
  it('stores a submission and answers a receipt with the kind prefix, Shanghai date and per-day sequence', async () => {
    const { store } = await h.fresh();
    expect(store.adapter).toBe(adapter);
    const a = await store.add(opinion());
    const b = await store.add(opinion({ attachment: { name: '意见.pdf', mediaType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) } }));
    const c = await store.add(application());
    expect(a).toEqual({ receiptNo: 'YJ-20261201-0001', receivedAt: '2026-12-01T10:00:00+08:00', duplicate: false });
    expect(b.receiptNo).toBe('YJ-20261201-0002');
    expect(c.receiptNo).toBe('SQ-20261201-0001');
    expect(a.receiptNo).toMatch(RECEIPT_PATTERN);
    const got = await store.get(b.receiptNo);
    expect(got).toEqual({
      receiptNo: 'YJ-20261201-0002',
      kind: 'opinion',
      noticeId: 'pq-2026-001',
      // HTML and formula text are kept as the sender wrote them: inert text, escaped where shown.
      content: { opinion: '<script>alert(1)</script> 建议增加绿地', subject: '=HYPERLINK("x")' },
      personal: { name: '王建国', phone: '13912345678', email: 'wang@example.com' },
      attachment: { name: '意见.pdf', mediaType: 'application/pdf', size: 4 },
      receivedAt: '2026-12-01T10:00:00+08:00',
      retainUntil: '2027-12-31',
    });
    expect((await store.get(c.receiptNo))?.replyBy).toBe('2026-12-29');
    expect(await store.attachment(b.receiptNo)).toEqual({ name: '意见.pdf', mediaType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) });
    expect(await store.attachment(a.receiptNo)).toBeUndefined();
    expect(await store.get('YJ-20261201-0099')).toBeUndefined();
    await store.close();
  });

  it('counts the sequence per kind and per Shanghai day (16:00 UTC is the next day there)', async () => {
    const { store } = await h.fresh();
    expect((await store.add(opinion({ receivedAt: new Date('2026-12-01T15:59:59Z') }))).receiptNo).toBe('YJ-20261201-0001');
    expect((await store.add(opinion({ receivedAt: new Date('2026-12-01T16:00:00Z') }))).receiptNo).toBe('YJ-20261202-0001');
    expect((await store.add(opinion({ receivedAt: new Date('2026-12-01T16:00:01Z') }))).receiptNo).toBe('YJ-20261202-0002');
    await store.close();
  });

  it('lists by kind and notice, oldest first', async () => {
    const { store } = await h.fresh();
    const first = await store.add(opinion({ receivedAt: new Date('2026-12-01T01:00:00Z') }));
    await store.add(opinion({ noticeId: 'pq-2026-002', receivedAt: new Date('2026-12-01T01:30:00Z') }));
    const second = await store.add(opinion({ receivedAt: new Date('2026-12-01T02:00:00Z') }));
    await store.add(application());
    expect((await store.list({ kind: 'opinion', noticeId: 'pq-2026-001' })).map((s) => s.receiptNo)).toEqual([first.receiptNo, second.receiptNo]);
    expect(await store.list({ kind: 'opinion' })).toHaveLength(3);
    expect(await store.list({ kind: 'application' })).toHaveLength(1);
    expect(await store.list({ kind: 'opinion', noticeId: 'none' })).toEqual([]);
    await store.close();
  });

  it('answers the same idempotency key with the first receipt and keeps one record', async () => {
    const { store } = await h.fresh();
    const first = await store.add(opinion({ idempotencyKey: 'form-token-1' }));
    const again = await store.add(opinion({ idempotencyKey: 'form-token-1', content: { opinion: '第二次' }, receivedAt: new Date('2026-12-01T03:00:00Z') }));
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await store.list({ kind: 'opinion' })).toHaveLength(1);
    await store.close();
  });

  it('gives unique, gapless receipt numbers to concurrent adds from several store instances, and one record per key', async () => {
    const { store, open } = await h.fresh();
    const others = [await open(), await open()];
    const all = [store, ...others];
    const receipts = await Promise.all(Array.from({ length: 45 }, (_, i) => all[i % 3]!.add(opinion({ idempotencyKey: `c-${i % 30}` }))));
    const numbers = new Set(receipts.filter((r) => !r.duplicate).map((r) => r.receiptNo));
    expect(numbers.size).toBe(30);
    expect([...numbers].sort()).toEqual(Array.from({ length: 30 }, (_, i) => `YJ-20261201-${String(i + 1).padStart(4, '0')}`));
    // Every duplicate names the receipt its key got.
    const byKey = new Map<string, Set<string>>();
    receipts.forEach((r, i) => byKey.set(`c-${i % 30}`, (byKey.get(`c-${i % 30}`) ?? new Set()).add(r.receiptNo)));
    expect([...byKey.values()].every((s) => s.size === 1)).toBe(true);
    expect(await store.list({ kind: 'opinion' })).toHaveLength(30);
    await Promise.all(all.map((s) => s.close()));
  });

  it('purges personal data and attachments past retainUntil, keeps receipt, dates and content, and reports what it purged', async () => {
    const { store } = await h.fresh();
    const old = await store.add(opinion({ retainUntil: '2027-01-31', attachment: { name: '身份证.jpg', mediaType: 'image/jpeg', bytes: new Uint8Array(1000) } }));
    const boundary = await store.add(application({ retainUntil: '2027-02-01' }));
    const kept = await store.add(opinion({ retainUntil: '2027-06-30' }));
    const result = await store.purge('2027-02-01');
    expect(result.purged).toEqual([{ receiptNo: old.receiptNo, kind: 'opinion', noticeId: 'pq-2026-001', receivedAt: old.receivedAt, retainUntil: '2027-01-31' }]);
    const after = await store.get(old.receiptNo);
    expect(after?.personal).toBeNull();
    expect(after?.attachment).toBeUndefined();
    expect(after?.purgedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(after?.content).toEqual(opinion().content);
    expect(await store.attachment(old.receiptNo)).toBeUndefined();
    // retainUntil is the last day kept.
    expect((await store.get(boundary.receiptNo))?.personal).not.toBeNull();
    expect((await store.get(kept.receiptNo))?.personal).not.toBeNull();
    expect((await store.purge('2027-02-01')).purged).toEqual([]);
    expect((await store.purge('2027-07-01')).purged.map((p) => p.receiptNo)).toEqual([boundary.receiptNo, kept.receiptNo]);
    await store.close();
  });

  it('migrates once: a store opened again keeps its data and its schema version', async () => {
    const { store, open } = await h.fresh();
    const r = await store.add(opinion());
    await store.close();
    const again = await open();
    expect((await again.get(r.receiptNo))?.receiptNo).toBe(r.receiptNo);
    expect((await again.add(opinion())).receiptNo).toBe('YJ-20261201-0002');
    await again.close();
  });

  it('refuses a store whose schema is newer than this code, without writing to it', async () => {
    const { store, open } = await h.fresh();
    await h.raw(store, `INSERT INTO schema_version (version, description, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'from a later release', '2026-12-01T10:00:00+08:00')`);
    await store.close();
    const e = await rejection(open());
    expect(e.reason).toBe('unavailable');
    expect(e.message).toContain(`结构版本为 ${SCHEMA_VERSION + 1}`);
  });

  it('refuses malformed submissions before writing anything', async () => {
    const { store } = await h.fresh();
    await expect(store.add(opinion({ idempotencyKey: '' }))).rejects.toThrow(TypeError);
    await expect(store.add(opinion({ noticeId: undefined }))).rejects.toThrow(/noticeId/);
    await expect(store.add(opinion({ retainUntil: '2027-02-30' }))).rejects.toThrow(/retainUntil/);
    await expect(store.add({ ...opinion(), kind: 'complaint' as 'opinion' })).rejects.toThrow(/未知/);
    expect(await store.list({ kind: 'opinion' })).toEqual([]);
    await store.close();
  });

  it("fails as 'locked' while another connection holds the write lock, leaving nothing half-written, and works once it is released", async () => {
    const { store } = await h.fresh({ lockWaitMs: 150 });
    await store.add(opinion());
    const release = await h.holdLock(store);
    const started = Date.now();
    const e = await rejection(store.add(opinion()));
    expect(e.reason).toBe('locked');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    // Reading is not blocked by a writer.
    expect(await store.list({ kind: 'opinion' })).toHaveLength(1);
    await release();
    expect((await store.add(opinion())).receiptNo).toBe('YJ-20261201-0002');
    await store.close();
  });

  it("fails as 'unavailable' once closed", async () => {
    const { store } = await h.fresh();
    await store.close();
    expect((await rejection(store.add(opinion()))).reason).toBe('unavailable');
    expect((await rejection(store.ping())).reason).toBe('unavailable');
  });
});

describe('SQLite store: full, corrupt, created on first use', () => {
  it("fails as 'full' at its size cap, keeps nothing of the failed submission, and still takes one that fits", async () => {
    const file = path.join(tmp, 'full', 'submissions.sqlite');
    const store = await openSqliteStore({ path: file, maxBytes: 160 * 1024 });
    await store.add(opinion());
    const e = await rejection(store.add(opinion({ attachment: { name: 'big.pdf', mediaType: 'application/pdf', bytes: new Uint8Array(400 * 1024) } })));
    expect(e.reason).toBe('full');
    expect(e.message).toMatch(/已满/);
    const list = await store.list({ kind: 'opinion' });
    expect(list).toHaveLength(1);
    // The failed add gave its number back.
    expect((await store.add(opinion())).receiptNo).toBe('YJ-20261201-0002');
    await store.close();
  });

  it("refuses a file that is not a database as 'unavailable' (and does not overwrite it)", async () => {
    const file = path.join(tmp, 'garbage.sqlite');
    writeFileSync(file, 'this is not a database, '.repeat(400));
    const e = await rejection(openSqliteStore({ path: file }));
    expect(e.reason).toBe('unavailable');
    expect(e.message).toContain(file);
  });

  it('creates the folder and the file on first use, with the journal in WAL mode', async () => {
    const file = path.join(tmp, 'new', 'nested', 'submissions.sqlite');
    const store = await openSqliteStore({ path: file });
    await store.add(opinion());
    await store.close();
    const db = new DatabaseSync(file);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({ v: SCHEMA_VERSION });
    db.close();
  });
});

describe('PostgreSQL store: the server goes away', () => {
  it("fails as 'unavailable' while the server is stopped and recovers when it is back", async () => {
    const { store } = await postgres.fresh();
    await store.add(opinion());
    await server!.halt();
    try {
      const e = await rejection(store.add(opinion()));
      expect(e.reason).toBe('unavailable');
      expect(e.message).not.toMatch(/password/i);
      expect((await rejection(store.ping())).reason).toBe('unavailable');
    } finally {
      await server!.start();
    }
    await store.ping();
    expect((await store.add(opinion())).receiptNo).toBe('YJ-20261201-0002');
    expect(await store.list({ kind: 'opinion' })).toHaveLength(2);
    await store.close();
  });

  it('fails at open with one message naming the server without its password', async () => {
    const e = await rejection(openPostgresStore({ url: `postgres://geoportal:s3cret@127.0.0.1:${await freePort()}/none`, connectTimeoutMs: 1000 }));
    expect(e.reason).toBe('unavailable');
    expect(e.message).not.toContain('s3cret');
    expect(e.message).toContain('***');
  });
});

describe('moving from SQLite to PostgreSQL (npm run submissions:migrate)', () => {
  it('copies every submission as it is, attachments, purge state and counters, once; a second run copies only what is new', async () => {
    const { store: from } = await sqlite.fresh();
    const file = sqliteFiles.get(from)!;
    const a = await from.add(opinion({ attachment: { name: '图.png', mediaType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) } }));
    await from.add(application({ retainUntil: '2027-01-01' }));
    await from.purge('2027-01-02');
    const { store: to } = await postgres.fresh();
    const url = pgUrls.get(to)!;
    expect(await copySqliteToPostgres(file, url)).toEqual({ copied: 2, alreadyThere: 0, attachments: 1 });
    for (const kind of ['opinion', 'application'] as const) expect(await to.list({ kind })).toEqual(await from.list({ kind }));
    expect(await to.attachment(a.receiptNo)).toEqual(await from.attachment(a.receiptNo));
    // A second run (the last submissions before the switch) copies only what is new.
    await from.add(opinion({ idempotencyKey: 'late' }));
    expect(await copySqliteToPostgres(file, url)).toEqual({ copied: 1, alreadyThere: 2, attachments: 0 });
    // The counters came along: the next number follows on, and a form retried after the move is still recognised.
    expect((await to.add(opinion())).receiptNo).toBe('YJ-20261201-0003');
    expect(await to.add(opinion({ idempotencyKey: 'late' }))).toMatchObject({ receiptNo: 'YJ-20261201-0002', duplicate: true });
    // Both stores written after the move: the same number for two submissions is refused, and nothing is copied.
    await from.add(opinion());
    await expect(copySqliteToPostgres(file, url)).rejects.toThrow(/YJ-20261201-0003 已属于另一条提交/);
    expect(await to.list({ kind: 'opinion' })).toHaveLength(3);
    await Promise.all([from.close(), to.close()]);
  }, 30_000);
});
