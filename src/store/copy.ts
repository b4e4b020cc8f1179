/**
 * Moving from SQLite to PostgreSQL (npm run submissions:migrate): every
 * submission, attachment and receipt counter of a SQLite store copied into
 * a PostgreSQL store as it is (receipt numbers, dates, idempotency keys,
 * purge state), in one PostgreSQL transaction: all or nothing. Running it
 * again copies only what is not there yet, so a second run after the last
 * submissions came in catches up. A receipt number that the target already
 * uses for a different submission stops the copy: two stores were written
 * independently, and a person must decide.
 */
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { openPostgresStore, postgresFailure, redactUrl } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';

export interface CopyResult {
  copied: number;
  alreadyThere: number;
  attachments: number;
}

interface SourceRow {
  id: number;
  receipt_no: string;
  kind: string;
  notice_id: string | null;
  content: string;
  personal: string | null;
  received_at: string;
  retain_until: string;
  reply_by: string | null;
  purged_at: string | null;
  idempotency_key: string;
}

export async function copySqliteToPostgres(sqlitePath: string, url: string): Promise<CopyResult> {
  // Both opened once through their adapters first, so both are at the current schema version.
  await (await openSqliteStore({ path: sqlitePath })).close();
  await (await openPostgresStore({ url })).close();

  const source = new DatabaseSync(sqlitePath, { readOnly: true });
  const client = new pg.Client({ connectionString: url, application_name: 'geoportal-migrate' });
  try {
    await client.connect();
  } catch (e) {
    source.close();
    throw postgresFailure(e, redactUrl(url));
  }
  const result: CopyResult = { copied: 0, alreadyThere: 0, attachments: 0 };
  try {
    // A read transaction on the source: one consistent snapshot even while a server still writes to it.
    source.exec('BEGIN');
    await client.query('BEGIN');
    const rows = source.prepare('SELECT id, receipt_no, kind, notice_id, content, personal, received_at, retain_until, reply_by, purged_at, idempotency_key FROM submissions ORDER BY id').all() as unknown as SourceRow[];
    const attachment = source.prepare('SELECT name, media_type, size, bytes FROM attachments WHERE submission_id = ?');
    for (const r of rows) {
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO submissions (receipt_no, kind, notice_id, content, personal, received_at, retain_until, reply_by, purged_at, idempotency_key)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::timestamptz, $7::date, $8::date, $9::timestamptz, $10)
         ON CONFLICT DO NOTHING RETURNING id`,
        [r.receipt_no, r.kind, r.notice_id, r.content, r.personal, r.received_at, r.retain_until, r.reply_by, r.purged_at, r.idempotency_key],
      );
      if (inserted.rowCount === 0) {
        const there = await client.query<{ idempotency_key: string }>('SELECT idempotency_key FROM submissions WHERE receipt_no = $1', [r.receipt_no]);
        if (there.rows[0]?.idempotency_key !== r.idempotency_key) {
          throw new Error(`目标库中回执号 ${r.receipt_no} 已属于另一条提交（两个存储曾分别写入）：未复制任何数据，请人工核对`);
        }
        result.alreadyThere++;
        continue;
      }
      result.copied++;
      const a = attachment.get(r.id) as { name: string; media_type: string; size: number; bytes: Uint8Array } | undefined;
      if (a) {
        await client.query('INSERT INTO attachments (submission_id, name, media_type, size, bytes) VALUES ($1, $2, $3, $4, $5)', [inserted.rows[0]!.id, a.name, a.media_type, a.size, Buffer.from(a.bytes)]);
        result.attachments++;
      }
    }
    const counters = source.prepare('SELECT day_key, last FROM receipt_counters').all() as unknown as { day_key: string; last: number }[];
    for (const c of counters) {
      await client.query('INSERT INTO receipt_counters (day_key, last) VALUES ($1, $2) ON CONFLICT (day_key) DO UPDATE SET last = GREATEST(receipt_counters.last, EXCLUDED.last)', [c.day_key, c.last]);
    }
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (e instanceof Error && e.message.startsWith('目标库中回执号')) throw e;
    throw postgresFailure(e, redactUrl(url));
  } finally {
    if (source.isTransaction) source.exec('ROLLBACK');
    source.close();
    await client.end().catch(() => undefined);
  }
}
