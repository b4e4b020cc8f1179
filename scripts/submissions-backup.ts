/**
 * npm run submissions:backup -- --to FILE
 *
 * A consistent copy of the submission store while the server runs:
 * SQLite (GEOPORTAL_STORE_PATH) through SQLite's online backup API
 * (node:sqlite backup(): page by page, the server keeps writing meanwhile,
 * the copy is one consistent state), written to FILE.tmp and renamed;
 * PostgreSQL (DATABASE_URL) through pg_dump --format=custom (restore with
 * pg_restore). The copy holds personal data: it is written readable by its
 * owner only (0600). docs/submissions.md §Backup.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { describeTarget, storeTarget } from '../src/store/index.ts';
import { postgresBinDir } from './lib/postgres.ts';

const { values } = parseArgs({ options: { to: { type: 'string' } } });
const fail = (line: string): never => {
  console.error(`[submissions:backup] ${line}`);
  process.exit(1);
};
const to = values.to?.trim();
if (!to) fail('用法：npm run submissions:backup -- --to 备份文件');
const out = path.resolve(to!);
let target;
try {
  target = storeTarget();
} catch (e) {
  fail((e as Error).message);
}

if (target!.adapter === 'sqlite') {
  if (!existsSync(target!.path)) fail(`没有 SQLite 存储：${target!.path}`);
  const tmp = `${out}.${process.pid}.tmp`;
  const db = new DatabaseSync(target!.path, { readOnly: true });
  try {
    const pages = await backup(db, tmp);
    chmodSync(tmp, 0o600);
    renameSync(tmp, out);
    console.log(`[submissions:backup] ${describeTarget(target!)} → ${out}（${pages} 页）`);
  } catch (e) {
    rmSync(tmp, { force: true });
    fail(`失败：${e instanceof Error ? e.message : String(e)}`);
  } finally {
    db.close();
  }
} else {
  const bin = postgresBinDir();
  const pgDump = bin ? path.join(bin, 'pg_dump') : 'pg_dump';
  const r = spawnSync(pgDump, ['--format=custom', '--no-owner', `--file=${out}`, target!.url], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.error) fail(`无法运行 pg_dump（Debian 软件包 postgresql-client）：${r.error.message}`);
  if (r.status !== 0) fail(`pg_dump 失败：${r.stderr.trim().split('\n').at(-1)}`);
  chmodSync(out, 0o600);
  console.log(`[submissions:backup] ${describeTarget(target!)} → ${out}（pg_dump 自定义格式，用 pg_restore 恢复）`);
}
