/**
 * Which store a process uses, from its environment, and the one process-wide
 * instance the request-time routes call (`submissionStore()`).
 *
 *   DATABASE_URL            set: PostgreSQL (postgres://user:pass@host:5432/db), shared by several instances
 *   GEOPORTAL_STORE_PATH    otherwise: the SQLite file; by default submissions.sqlite in the service's state
 *                           directory ($STATE_DIRECTORY, which systemd's StateDirectory= sets: /var/lib/geoportal),
 *                           else in $XDG_STATE_HOME/geoportal (~/.local/state/geoportal: a developer's machine)
 *   GEOPORTAL_STORE_MAX_MB  SQLite only: the file's largest size (default 2048); at the cap new submissions are refused as 'full'
 *
 * The instance lives on globalThis, not in this module: the server
 * (src/server/main.ts) opens it at start-up, and Astro's routes, bundled into
 * dist/server/ as a second copy of this module, must find the same one.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { DEFAULT_SQLITE_MAX_BYTES, openSqliteStore } from './sqlite.ts';
import { StoreUnavailableError, type SubmissionStore } from './types.ts';

export { StoreUnavailableError } from './types.ts';
export type * from './types.ts';

export type StoreTarget = { adapter: 'postgres'; url: string } | { adapter: 'sqlite'; path: string; maxBytes: number };

export type StoreEnv = Readonly<Record<string, string | undefined>>;

/**
 * The SQLite file when GEOPORTAL_STORE_PATH is unset, never inside the build:
 * the state directory systemd gives the service (StateDirectory=, the first
 * of $STATE_DIRECTORY), so the server and the purge timer find the same file
 * without repeating its path; else the user's (XDG).
 */
export function defaultStorePath(env: StoreEnv = process.env): string {
  const service = env['STATE_DIRECTORY']?.split(':')[0]?.trim();
  if (service) return path.join(service, 'submissions.sqlite');
  const state = env['XDG_STATE_HOME']?.trim() || path.join(env['HOME']?.trim() || homedir(), '.local', 'state');
  return path.join(state, 'geoportal', 'submissions.sqlite');
}

/** Reads the environment; a malformed value is an error here, at start-up, not at the first submission. */
export function storeTarget(env: StoreEnv = process.env): StoreTarget {
  const url = env['DATABASE_URL']?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new StoreUnavailableError('unavailable', 'DATABASE_URL 不是有效的网址（应为 postgres://用户:密码@主机:端口/数据库）');
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      throw new StoreUnavailableError('unavailable', `DATABASE_URL 须以 postgres:// 或 postgresql:// 开头，而不是 ${parsed.protocol}//`);
    }
    return { adapter: 'postgres', url };
  }
  const mb = env['GEOPORTAL_STORE_MAX_MB']?.trim();
  if (mb !== undefined && mb !== '' && !/^\d{1,7}$/.test(mb)) throw new StoreUnavailableError('unavailable', `GEOPORTAL_STORE_MAX_MB 须为正整数（MB），而不是 ${mb}`);
  const maxBytes = mb ? Number(mb) * 1024 * 1024 : DEFAULT_SQLITE_MAX_BYTES;
  if (maxBytes <= 0) throw new StoreUnavailableError('unavailable', 'GEOPORTAL_STORE_MAX_MB 须为正整数（MB）');
  return { adapter: 'sqlite', path: path.resolve(env['GEOPORTAL_STORE_PATH']?.trim() || defaultStorePath(env)), maxBytes };
}

/** Where the store is, for logs: the file, or the database URL without its password. */
export function describeTarget(target: StoreTarget): string {
  if (target.adapter === 'sqlite') return `SQLite ${target.path}`;
  const u = new URL(target.url);
  if (u.password) u.password = '***';
  return `PostgreSQL ${u.toString()}`;
}

/** Opens (and migrates) the store the environment names. Rejects with StoreUnavailableError. */
export async function openStore(env: StoreEnv = process.env): Promise<SubmissionStore> {
  const target = storeTarget(env);
  if (target.adapter === 'sqlite') return openSqliteStore({ path: target.path, maxBytes: target.maxBytes });
  // Loaded only when used: a SQLite deployment never loads the PostgreSQL driver.
  const { openPostgresStore } = await import('./postgres.ts');
  return openPostgresStore({ url: target.url });
}

const SLOT = Symbol.for('geoportal.submissionStore');
type Slot = { store?: Promise<SubmissionStore> };
const slot = (): Slot => ((globalThis as Record<symbol, Slot | undefined>)[SLOT] ??= {});

/**
 * The process's store: the one the server opened at start-up, else opened
 * now from process.env (astro dev, scripts). A failed open is not kept, so
 * the next call tries again.
 */
export function submissionStore(): Promise<SubmissionStore> {
  const s = slot();
  if (!s.store) {
    const opening = openStore();
    s.store = opening;
    opening.catch(() => {
      if (s.store === opening) delete s.store;
    });
  }
  return s.store;
}

/** Makes `store` the process's store (the server, after opening it at start-up; tests). */
export function useSubmissionStore(store: SubmissionStore): void {
  slot().store = Promise.resolve(store);
}

/** Closes the process's store, if one was opened. */
export async function closeSubmissionStore(): Promise<void> {
  const s = slot();
  const pending = s.store;
  delete s.store;
  if (pending) await (await pending.catch(() => undefined))?.close();
}
