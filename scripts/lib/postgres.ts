/**
 * A throwaway PostgreSQL for tests and benches: Debian's `postgresql`
 * package (initdb and postgres from /usr/lib/postgresql/<version>/bin), a new
 * cluster in a temporary directory, listening on 127.0.0.1 on a free port,
 * removed again by `stop()`. PostgreSQL refuses to run as root, so as root
 * the cluster belongs to the package's `postgres` user (the child processes
 * run with its uid; nothing else changes user).
 *
 * The cluster keeps fsync on (the store's durability is what the tests are
 * about); initdb itself skips its fsyncs (--no-sync): a crash there only
 * loses a test cluster.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';
import { portOpen } from './processes.ts';

export const POSTGRES_PACKAGE = 'postgresql';

/** The directory with initdb and postgres: the newest /usr/lib/postgresql/<version>/bin, else pg_config's, else none. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = r.status === 0 ? r.stdout.trim() : '';
  return dir && existsSync(path.join(dir, 'initdb')) ? dir : undefined;
}

/** For ensurePackages (scripts/lib/system-deps.ts). */
export const POSTGRES_DEP = { name: POSTGRES_PACKAGE, present: () => postgresBinDir() !== undefined } as const;

export interface ThrowawayPostgres {
  /** postgres://geoportal@127.0.0.1:<port>/geoportal */
  url: string;
  port: number;
  /** Stops the server (fast shutdown) and keeps the cluster, for `start()` again. */
  halt(): Promise<void>;
  /** Starts the server again on the same cluster and port. */
  start(): Promise<void>;
  /** Stops the server and removes the cluster. */
  stop(): Promise<void>;
}

function runAs(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('以 root 运行时需要一个非 root 用户（postgres 或 nobody）来运行 PostgreSQL');
}

/** Creates and starts a cluster; throws one line saying what to install when PostgreSQL is missing. */
export async function startThrowawayPostgres(options: { log?: (line: string) => void } = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`需要 PostgreSQL（Debian 软件包 ${POSTGRES_PACKAGE}）：sudo apt-get install ${POSTGRES_PACKAGE}`);
  const owner = runAs();
  const dir = mkdtempSync(path.join(tmpdir(), 'geoportal-pg-'));
  const data = path.join(dir, 'data');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'geoportal', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { encoding: 'utf8', ...as, cwd: dir });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb 失败：${(init.stderr || init.stdout || String(init.error)).trim().split('\n').at(-1)}`);
  }
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';
  const killGroup = (c: ChildProcess) => {
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const killOnExit = () => child && killGroup(child);
  process.once('exit', killOnExit);

  const start = async (): Promise<void> => {
    output = '';
    const c = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=60', '-c', 'shared_buffers=16MB'], {
      ...as,
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: should it have to be killed, its backends go with it (kill(-pid)).
      detached: true,
    });
    child = c;
    c.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    c.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    let exited: string | undefined;
    c.once('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
    const deadline = Date.now() + 20_000;
    // Ready when it accepts connections and says so (the port opens a moment before recovery ends).
    while (!(/ready to accept connections/.test(output) && (await portOpen(port)))) {
      if (exited) throw new Error(`PostgreSQL 已退出（${exited}）：${output.trim().split('\n').at(-1) ?? ''}`);
      if (Date.now() > deadline) throw new Error(`PostgreSQL 20 秒内没有就绪：${output.trim().split('\n').at(-1) ?? ''}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const db = spawnSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'geoportal', 'geoportal'], { encoding: 'utf8' });
    if (db.status !== 0 && !/already exists/.test(db.stderr)) throw new Error(`createdb 失败：${db.stderr.trim()}`);
    options.log?.(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} (${data})`);
  };

  const halt = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => killGroup(c), 30_000);
      c.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      c.kill('SIGINT'); // fast shutdown: disconnects clients, checkpoints, exits
    });
  };

  try {
    await start();
  } catch (e) {
    await halt();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: `postgres://geoportal@127.0.0.1:${port}/geoportal`,
    port,
    halt,
    start,
    stop: async () => {
      await halt();
      process.removeListener('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
