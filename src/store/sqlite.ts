/**
 * The embedded store: one SQLite file through node:sqlite (built into Node 24,
 * no flag and no native package; stable enough for one process's writes).
 *
 * Durability: WAL with synchronous=FULL, so COMMIT returns only after the WAL
 * is on disk; `add` resolves after COMMIT. secure_delete overwrites purged
 * personal data in the file instead of leaving it in free pages, and a purge
 * checkpoints the WAL so no old copy stays there either.
 *
 * node:sqlite is synchronous: a statement blocks the event loop while it runs.
 * Each call here is one short transaction, so that is microseconds plus the
 * fsync. Waiting for a lock held by another process (a backup, the purge
 * command, a second instance) must not block the server, so SQLite's own busy
 * wait is kept short and the wait is continued here with timers, up to
 * `lockWaitMs`, before the call fails as 'locked'.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { checkNewSubmission, receiptDayKey, receiptNumber, shanghaiDateTime, sleep } from './common.ts';
import { pendingMigrations } from './migrations.ts';
import { StoreUnavailableError, type NewSubmission, type PurgeResult, type Receipt, type StoredSubmission, type SubmissionAttachment, type SubmissionKind, type SubmissionStore } from './types.ts';

export interface SqliteStoreOptions {
  /** The database file; its folder is created when missing. */
  path: string;
  /** Largest size of the file; a store at the cap refuses new submissions as 'full' (a flood cannot fill the disk). */
  maxBytes?: number;
  /** How long a write waits for another connection's lock before failing as 'locked'. */
  lockWaitMs?: number;
}

export const DEFAULT_SQLITE_MAX_BYTES = 2 * 1024 ** 3;
export const DEFAULT_LOCK_WAIT_MS = 2_000;
/** SQLite's own busy wait per try: short, since it blocks the event loop. */
const BUSY_TIMEOUT_MS = 10;

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_FULL = 13;

/** A node:sqlite error as the reason the store refused. */
export function sqliteFailure(e: unknown, file: string): StoreUnavailableError {
  if (e instanceof StoreUnavailableError) return e;
  const err = e as { errcode?: unknown; errstr?: unknown; message?: unknown };
  const code = typeof err.errcode === 'number' ? err.errcode & 0xff : undefined;
  const detail = typeof err.errstr === 'string' ? err.errstr : typeof err.message === 'string' ? err.message : String(e);
  if (code === SQLITE_FULL) return new StoreUnavailableError('full', `提交存储已满（${file}）：${detail}`, { cause: e });
  if (code === SQLITE_BUSY || code === SQLITE_LOCKED) return new StoreUnavailableError('locked', `提交存储被占用（${file}）：${detail}`, { cause: e });
  return new StoreUnavailableError('unavailable', `提交存储不可用（${file}）：${detail}`, { cause: e });
}

interface Row {
  id: number | bigint;
  receipt_no: string;
  kind: SubmissionKind;
  notice_id: string | null;
  content: string;
  personal: string | null;
  received_at: string;
  retain_until: string;
  reply_by: string | null;
  purged_at: string | null;
  a_name: string | null;
  a_type: string | null;
  a_size: number | null;
}

const SELECT = `SELECT s.id, s.receipt_no, s.kind, s.notice_id, s.content, s.personal, s.received_at, s.retain_until, s.reply_by, s.purged_at,
  a.name AS a_name, a.media_type AS a_type, a.size AS a_size
  FROM submissions s LEFT JOIN attachments a ON a.submission_id = s.id`;

function toStored(r: Row): StoredSubmission {
  return {
    receiptNo: r.receipt_no,
    kind: r.kind,
    ...(r.notice_id !== null ? { noticeId: r.notice_id } : {}),
    content: JSON.parse(r.content) as Record<string, unknown>,
    personal: r.personal === null ? null : (JSON.parse(r.personal) as Record<string, unknown>),
    ...(r.a_name !== null ? { attachment: { name: r.a_name, mediaType: r.a_type!, size: Number(r.a_size) } } : {}),
    receivedAt: r.received_at,
    retainUntil: r.retain_until,
    ...(r.reply_by !== null ? { replyBy: r.reply_by } : {}),
    ...(r.purged_at !== null ? { purgedAt: r.purged_at } : {}),
  };
}

class SqliteSubmissionStore implements SubmissionStore {
  readonly adapter = 'sqlite' as const;
  private readonly db: DatabaseSync;
  private readonly file: string;
  private readonly lockWaitMs: number;
  private readonly q: Record<'byKey' | 'bump' | 'insert' | 'insertAttachment' | 'byReceipt' | 'attachment' | 'listKind' | 'listNotice' | 'toPurge' | 'purgeOne' | 'dropAttachment', StatementSync>;
  private closed = false;

  constructor(db: DatabaseSync, file: string, lockWaitMs: number) {
    this.db = db;
    this.file = file;
    this.lockWaitMs = lockWaitMs;
    this.q = {
      byKey: db.prepare('SELECT receipt_no, received_at FROM submissions WHERE idempotency_key = ?'),
      bump: db.prepare('INSERT INTO receipt_counters (day_key, last) VALUES (?, 1) ON CONFLICT (day_key) DO UPDATE SET last = last + 1 RETURNING last'),
      insert: db.prepare(
        `INSERT INTO submissions (receipt_no, kind, notice_id, content, personal, received_at, retain_until, reply_by, idempotency_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      ),
      insertAttachment: db.prepare('INSERT INTO attachments (submission_id, name, media_type, size, bytes) VALUES (?, ?, ?, ?, ?)'),
      byReceipt: db.prepare(`${SELECT} WHERE s.receipt_no = ?`),
      attachment: db.prepare('SELECT a.name, a.media_type, a.bytes FROM attachments a JOIN submissions s ON s.id = a.submission_id WHERE s.receipt_no = ?'),
      listKind: db.prepare(`${SELECT} WHERE s.kind = ? ORDER BY s.id`),
      listNotice: db.prepare(`${SELECT} WHERE s.kind = ? AND s.notice_id = ? ORDER BY s.id`),
      toPurge: db.prepare('SELECT id, receipt_no, kind, notice_id, received_at, retain_until FROM submissions WHERE purged_at IS NULL AND retain_until < ? ORDER BY id'),
      purgeOne: db.prepare('UPDATE submissions SET personal = NULL, purged_at = ? WHERE id = ?'),
      dropAttachment: db.prepare('DELETE FROM attachments WHERE submission_id = ?'),
    };
  }

  /** Runs `work` in one BEGIN IMMEDIATE … COMMIT, retrying while another connection holds the write lock. */
  private async write<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + this.lockWaitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return this.transaction(work);
      } catch (e) {
        const failure = sqliteFailure(e, this.file);
        if (failure.reason !== 'locked' || Date.now() >= deadline) throw failure;
        await sleep(Math.min(5 * 2 ** attempt, 100));
      }
    }
  }

  private transaction<T>(work: () => T): T {
    if (this.closed) throw new StoreUnavailableError('unavailable', `提交存储已关闭（${this.file}）`);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (e) {
      // A failed COMMIT (disk full) may already have rolled back.
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private read<T>(work: () => T): T {
    if (this.closed) throw new StoreUnavailableError('unavailable', `提交存储已关闭（${this.file}）`);
    try {
      return work();
    } catch (e) {
      throw sqliteFailure(e, this.file);
    }
  }

  async add(s: NewSubmission): Promise<Receipt> {
    const json = checkNewSubmission(s);
    return this.write(() => {
      const seen = this.q.byKey.get(s.idempotencyKey) as { receipt_no: string; received_at: string } | undefined;
      if (seen) return { receiptNo: seen.receipt_no, receivedAt: seen.received_at, duplicate: true };
      const dayKey = receiptDayKey(s.kind, s.receivedAt);
      const { last } = this.q.bump.get(dayKey) as { last: number };
      const receiptNo = receiptNumber(dayKey, last);
      const receivedAt = shanghaiDateTime(s.receivedAt);
      const { id } = this.q.insert.get(receiptNo, s.kind, s.noticeId ?? null, json.content, json.personal, receivedAt, s.retainUntil, s.replyBy ?? null, s.idempotencyKey) as { id: number };
      if (s.attachment) this.q.insertAttachment.run(id, s.attachment.name, s.attachment.mediaType, s.attachment.bytes.byteLength, s.attachment.bytes);
      return { receiptNo, receivedAt, duplicate: false };
    });
  }

  async get(receiptNo: string): Promise<StoredSubmission | undefined> {
    const row = this.read(() => this.q.byReceipt.get(receiptNo) as Row | undefined);
    return row && toStored(row);
  }

  async list(filter: { kind: SubmissionKind; noticeId?: string | undefined }): Promise<StoredSubmission[]> {
    const rows = this.read(() => (filter.noticeId === undefined ? this.q.listKind.all(filter.kind) : this.q.listNotice.all(filter.kind, filter.noticeId)) as unknown as Row[]);
    return rows.map(toStored);
  }

  async attachment(receiptNo: string): Promise<SubmissionAttachment | undefined> {
    const row = this.read(() => this.q.attachment.get(receiptNo) as { name: string; media_type: string; bytes: Uint8Array } | undefined);
    return row && { name: row.name, mediaType: row.media_type, bytes: new Uint8Array(row.bytes) };
  }

  async purge(today: string): Promise<PurgeResult> {
    const now = shanghaiDateTime(new Date());
    const purged = await this.write(() => {
      const rows = this.q.toPurge.all(today) as unknown as { id: number; receipt_no: string; kind: SubmissionKind; notice_id: string | null; received_at: string; retain_until: string }[];
      for (const r of rows) {
        this.q.purgeOne.run(now, r.id);
        this.q.dropAttachment.run(r.id);
      }
      return rows.map((r) => ({ receiptNo: r.receipt_no, kind: r.kind, ...(r.notice_id !== null ? { noticeId: r.notice_id } : {}), receivedAt: r.received_at, retainUntil: r.retain_until }));
    });
    // The WAL still holds the pages as they were before the purge: copy them into the file (secure_delete zeroes the freed space) and empty it.
    if (purged.length > 0) this.read(() => this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
    return { purged };
  }

  async ping(): Promise<void> {
    this.read(() => this.db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

function migrate(db: DatabaseSync, file: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  db.exec('BEGIN IMMEDIATE');
  try {
    const { v } = db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_version').get() as { v: number };
    for (const m of pendingMigrations(v, file)) {
      db.exec(m.sqlite);
      db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)').run(m.version, m.description, shanghaiDateTime(new Date()));
    }
    db.exec('COMMIT');
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/** Opens (creating it and its folder on first use) and migrates the SQLite store. Rejects with StoreUnavailableError. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<SubmissionStore> {
  const file = path.resolve(options.path);
  let db: DatabaseSync | undefined;
  const deadline = Date.now() + (options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      db = new DatabaseSync(file);
      db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
      const mode = (db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string }).journal_mode;
      if (mode !== 'wal') throw new Error(`无法启用 WAL 日志模式（得到 ${mode}）`);
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA foreign_keys = ON');
      db.exec('PRAGMA secure_delete = ON');
      const pageSize = (db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;
      db.exec(`PRAGMA max_page_count = ${Math.max(1, Math.floor((options.maxBytes ?? DEFAULT_SQLITE_MAX_BYTES) / pageSize))}`);
      migrate(db, file);
      return new SqliteSubmissionStore(db, file, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
    } catch (e) {
      db?.close();
      db = undefined;
      const failure = sqliteFailure(e, file);
      if (failure.reason !== 'locked' || Date.now() >= deadline) throw failure;
      await sleep(Math.min(5 * 2 ** attempt, 100));
    }
  }
}
