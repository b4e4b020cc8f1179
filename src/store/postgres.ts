/**
 * The shared store: PostgreSQL through `pg` (node-postgres), selected by
 * DATABASE_URL, so several server instances can take submissions at once.
 *
 * Durability: `add` resolves when COMMIT has returned (synchronous_commit is
 * the server's; its default, on, waits for the WAL flush).
 * Receipt numbers: a per-day counter row, bumped inside the submission's
 * transaction; the row lock orders concurrent adds across instances, and a
 * rolled-back add gives its number back, so the sequence has no gaps.
 * Idempotency: a unique key; two adds with the same key at once meet at the
 * unique index, where the second waits for the first and then yields to it.
 */
import pg from 'pg';
import { checkNewSubmission, receiptDayKey, receiptNumber, shanghaiDateTime } from './common.ts';
import { pendingMigrations } from './migrations.ts';
import { StoreUnavailableError, type NewSubmission, type PurgeResult, type Receipt, type StoredSubmission, type SubmissionAttachment, type SubmissionKind, type SubmissionStore } from './types.ts';

export interface PostgresStoreOptions {
  url: string;
  /** Connections per process (default 10). */
  poolSize?: number;
  /** How long a statement waits for a lock before failing as 'locked' (lock_timeout). */
  lockWaitMs?: number;
  /** Connecting must succeed within this many milliseconds (default 5 s). */
  connectTimeoutMs?: number;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** A driver or server error as the reason the store refused (SQLSTATE classes: 53 resources, 55P03/40P01 locks). */
export function postgresFailure(e: unknown, where: string): StoreUnavailableError {
  if (e instanceof StoreUnavailableError) return e;
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  const detail = typeof err.message === 'string' && err.message ? err.message : code || String(e);
  if (code === '53100') return new StoreUnavailableError('full', `提交存储已满（${where}）：${detail}`, { cause: e });
  if (code === '55P03' || code === '40P01' || code === '40001') return new StoreUnavailableError('locked', `提交存储被占用（${where}）：${detail}`, { cause: e });
  return new StoreUnavailableError('unavailable', `提交存储不可用（${where}）：${detail}`, { cause: e });
}

const SELECT = `SELECT s.receipt_no, s.kind, s.notice_id, s.content, s.personal,
  to_char(s.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS received_at,
  s.retain_until::text AS retain_until, s.reply_by::text AS reply_by,
  to_char(s.purged_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS purged_at,
  a.name AS a_name, a.media_type AS a_type, a.size AS a_size
  FROM submissions s LEFT JOIN attachments a ON a.submission_id = s.id`;

interface Row {
  receipt_no: string;
  kind: SubmissionKind;
  notice_id: string | null;
  content: Record<string, unknown>;
  personal: Record<string, unknown> | null;
  received_at: string;
  retain_until: string;
  reply_by: string | null;
  purged_at: string | null;
  a_name: string | null;
  a_type: string | null;
  a_size: number | null;
}

function toStored(r: Row): StoredSubmission {
  return {
    receiptNo: r.receipt_no,
    kind: r.kind,
    ...(r.notice_id !== null ? { noticeId: r.notice_id } : {}),
    content: r.content,
    personal: r.personal,
    ...(r.a_name !== null ? { attachment: { name: r.a_name, mediaType: r.a_type!, size: Number(r.a_size) } } : {}),
    receivedAt: r.received_at,
    retainUntil: r.retain_until,
    ...(r.reply_by !== null ? { replyBy: r.reply_by } : {}),
    ...(r.purged_at !== null ? { purgedAt: r.purged_at } : {}),
  };
}

/** Thrown inside a transaction to roll it back without it counting as a failure of the store. */
class Rollback extends Error {}

class PostgresSubmissionStore implements SubmissionStore {
  readonly adapter = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly where: string;
  private closed = false;

  constructor(pool: pg.Pool, where: string) {
    this.pool = pool;
    this.where = where;
  }

  private async tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('unavailable', `提交存储已关闭（${this.where}）`);
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw postgresFailure(e, this.where);
    }
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch((r: unknown) => {
        broken = r instanceof Error ? r : new Error(String(r));
      });
      throw e instanceof Rollback ? e : postgresFailure(e, this.where);
    } finally {
      // A connection that could not roll back is dropped, not reused.
      client.release(broken);
    }
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    if (this.closed) throw new StoreUnavailableError('unavailable', `提交存储已关闭（${this.where}）`);
    try {
      return (await this.pool.query<R>(text, values)).rows;
    } catch (e) {
      throw postgresFailure(e, this.where);
    }
  }

  async add(s: NewSubmission): Promise<Receipt> {
    const json = checkNewSubmission(s);
    const byKey = 'SELECT receipt_no, to_char(received_at AT TIME ZONE \'Asia/Shanghai\', \'YYYY-MM-DD"T"HH24:MI:SS"+08:00"\') AS received_at FROM submissions WHERE idempotency_key = $1';
    const earlier = (rows: { receipt_no: string; received_at: string }[]): Receipt | undefined => rows[0] && { receiptNo: rows[0].receipt_no, receivedAt: rows[0].received_at, duplicate: true };
    // The common duplicate (a double click long after the first) is answered without taking the counter's lock.
    const seen = earlier(await this.query<{ receipt_no: string; received_at: string }>(byKey, [s.idempotencyKey]));
    if (seen) return seen;
    const receivedAt = shanghaiDateTime(s.receivedAt);
    const dayKey = receiptDayKey(s.kind, s.receivedAt);
    const outcome = await this.tx(async (c) => {
      const { rows } = await c.query<{ last: number }>('INSERT INTO receipt_counters (day_key, last) VALUES ($1, 1) ON CONFLICT (day_key) DO UPDATE SET last = receipt_counters.last + 1 RETURNING last', [dayKey]);
      const receiptNo = receiptNumber(dayKey, rows[0]!.last);
      const inserted = await c.query<{ id: string }>(
        `INSERT INTO submissions (receipt_no, kind, notice_id, content, personal, received_at, retain_until, reply_by, idempotency_key)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::timestamptz, $7::date, $8::date, $9)
         ON CONFLICT ON CONSTRAINT submissions_idempotency_key DO NOTHING RETURNING id`,
        [receiptNo, s.kind, s.noticeId ?? null, json.content, json.personal, receivedAt, s.retainUntil, s.replyBy ?? null, s.idempotencyKey],
      );
      // The same key committed meanwhile by another add: give the number back (roll back) and answer its receipt.
      if (inserted.rowCount === 0) throw new Rollback();
      if (s.attachment) {
        await c.query('INSERT INTO attachments (submission_id, name, media_type, size, bytes) VALUES ($1, $2, $3, $4, $5)', [inserted.rows[0]!.id, s.attachment.name, s.attachment.mediaType, s.attachment.bytes.byteLength, Buffer.from(s.attachment.bytes.buffer, s.attachment.bytes.byteOffset, s.attachment.bytes.byteLength)]);
      }
      return { receiptNo, receivedAt, duplicate: false };
    }).catch((e: unknown) => {
      if (e instanceof Rollback) return undefined;
      throw e;
    });
    return outcome ?? earlier(await this.query<{ receipt_no: string; received_at: string }>(byKey, [s.idempotencyKey]))!;
  }

  async get(receiptNo: string): Promise<StoredSubmission | undefined> {
    const rows = await this.query<Row>(`${SELECT} WHERE s.receipt_no = $1`, [receiptNo]);
    return rows[0] && toStored(rows[0]);
  }

  async list(filter: { kind: SubmissionKind; noticeId?: string | undefined }): Promise<StoredSubmission[]> {
    const rows =
      filter.noticeId === undefined
        ? await this.query<Row>(`${SELECT} WHERE s.kind = $1 ORDER BY s.received_at, s.id`, [filter.kind])
        : await this.query<Row>(`${SELECT} WHERE s.kind = $1 AND s.notice_id = $2 ORDER BY s.received_at, s.id`, [filter.kind, filter.noticeId]);
    return rows.map(toStored);
  }

  async attachment(receiptNo: string): Promise<SubmissionAttachment | undefined> {
    const rows = await this.query<{ name: string; media_type: string; bytes: Buffer }>('SELECT a.name, a.media_type, a.bytes FROM attachments a JOIN submissions s ON s.id = a.submission_id WHERE s.receipt_no = $1', [receiptNo]);
    const r = rows[0];
    return r && { name: r.name, mediaType: r.media_type, bytes: new Uint8Array(r.bytes) };
  }

  async purge(today: string): Promise<PurgeResult> {
    const purged = await this.tx(async (c) => {
      const { rows } = await c.query<{ id: string; receipt_no: string; kind: SubmissionKind; notice_id: string | null; received_at: string; retain_until: string }>(
        `UPDATE submissions SET personal = NULL, purged_at = now()
         WHERE purged_at IS NULL AND retain_until < $1::date
         RETURNING id, receipt_no, kind, notice_id, to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS received_at, retain_until::text AS retain_until`,
        [today],
      );
      if (rows.length > 0) await c.query('DELETE FROM attachments WHERE submission_id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.sort((a, b) => Number(a.id) - Number(b.id)).map((r) => ({ receiptNo: r.receipt_no, kind: r.kind, ...(r.notice_id !== null ? { noticeId: r.notice_id } : {}), receivedAt: r.received_at, retainUntil: r.retain_until }));
    });
    // Dead row versions keep the purged values until VACUUM marks their space for reuse (docs/submissions.md §Retention).
    // The purge is committed already: a VACUUM this role may not run (not the tables' owner) leaves it to autovacuum.
    if (purged.length > 0) await this.pool.query('VACUUM submissions, attachments').catch(() => undefined);
    return { purged };
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1', []);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

async function migrate(pool: pg.Pool, where: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Instances starting together: one migrates, the others wait here and then find nothing to do.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('geoportal.schema_version'))");
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_version');
    for (const m of pendingMigrations(rows[0]!.v, where)) {
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_version (version, description) VALUES ($1, $2)', [m.version, m.description]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Connects, migrates, and returns the store; rejects with StoreUnavailableError (so a wrong DATABASE_URL fails at start-up). */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<SubmissionStore> {
  const where = redactUrl(options.url);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    lock_timeout: options.lockWaitMs ?? 2_000,
    statement_timeout: 15_000,
    idle_in_transaction_session_timeout: 15_000,
    application_name: 'geoportal',
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, where);
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof Error && /结构版本/.test(e.message)) throw new StoreUnavailableError('unavailable', e.message, { cause: e });
    throw postgresFailure(e, where);
  }
  return new PostgresSubmissionStore(pool, where);
}
