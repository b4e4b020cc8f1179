/**
 * The store's schema, as forward migrations by version, one list for both
 * adapters (each step in each dialect, side by side, so they cannot drift).
 * A store records what it has applied in `schema_version`; opening a store
 * applies the missing steps in order, each in its own transaction. A store
 * newer than this code (a later release, rolled back) is refused rather than
 * written to. Append steps; never edit one that has shipped.
 */

export interface Migration {
  version: number;
  description: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'submissions, attachments, per-day receipt counters',
    sqlite: `
      CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('opinion', 'application')),
        notice_id TEXT,
        content TEXT NOT NULL,
        personal TEXT,
        received_at TEXT NOT NULL,
        retain_until TEXT NOT NULL,
        reply_by TEXT,
        purged_at TEXT,
        idempotency_key TEXT NOT NULL UNIQUE
      );
      CREATE INDEX submissions_by_kind ON submissions (kind, notice_id, id);
      CREATE INDEX submissions_to_purge ON submissions (retain_until) WHERE purged_at IS NULL;
      CREATE TABLE attachments (
        submission_id INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL
      );
      CREATE TABLE receipt_counters (day_key TEXT PRIMARY KEY, last INTEGER NOT NULL);
    `,
    postgres: `
      CREATE TABLE submissions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        receipt_no text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('opinion', 'application')),
        notice_id text,
        content jsonb NOT NULL,
        personal jsonb,
        received_at timestamptz NOT NULL,
        retain_until date NOT NULL,
        reply_by date,
        purged_at timestamptz,
        idempotency_key text NOT NULL,
        CONSTRAINT submissions_idempotency_key UNIQUE (idempotency_key)
      );
      CREATE INDEX submissions_by_kind ON submissions (kind, notice_id, id);
      CREATE INDEX submissions_to_purge ON submissions (retain_until) WHERE purged_at IS NULL;
      CREATE TABLE attachments (
        submission_id bigint PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
        name text NOT NULL,
        media_type text NOT NULL,
        size integer NOT NULL,
        bytes bytea NOT NULL
      );
      CREATE TABLE receipt_counters (day_key text PRIMARY KEY, last integer NOT NULL);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** The steps a store at `current` still needs; throws for a store newer than this code. */
export function pendingMigrations(current: number, where: string): readonly Migration[] {
  if (current > SCHEMA_VERSION) {
    throw new Error(`${where} 的结构版本为 ${current}，高于本程序支持的 ${SCHEMA_VERSION}：请使用与之匹配的新版本程序，不要用旧版本写入`);
  }
  return MIGRATIONS.filter((m) => m.version > current);
}
