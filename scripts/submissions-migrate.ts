/**
 * npm run submissions:migrate -- --to postgres://user:pass@host:5432/db [--from FILE]
 *
 * Copies the SQLite submission store (--from, else GEOPORTAL_STORE_PATH or
 * its default, as the server finds it) into PostgreSQL (src/store/copy.ts):
 * one transaction, all or nothing; a second run copies only what is new.
 * Then set DATABASE_URL to the same URL and restart the server.
 * docs/submissions.md §Moving to PostgreSQL.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { copySqliteToPostgres } from '../src/store/copy.ts';
import { storeTarget } from '../src/store/index.ts';
import { redactUrl } from '../src/store/postgres.ts';

const { values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } });
const fail = (line: string): never => {
  console.error(`[submissions:migrate] ${line}`);
  process.exit(1);
};
const to = values.to?.trim();
if (!to) fail('用法：npm run submissions:migrate -- --to postgres://用户:密码@主机:端口/数据库 [--from SQLite 文件]');
let target;
try {
  target = storeTarget({ DATABASE_URL: to });
} catch (e) {
  fail((e as Error).message);
}
const from = values.from ?? (storeTarget({ ...process.env, DATABASE_URL: '' }) as { path: string }).path;
if (!existsSync(from)) fail(`没有 SQLite 存储：${from}（用 --from 指定文件）`);

try {
  const r = await copySqliteToPostgres(from, target!.adapter === 'postgres' ? target!.url : to!);
  console.log(`[submissions:migrate] ${from} → ${redactUrl(to!)}：复制 ${r.copied} 条（附件 ${r.attachments} 个），${r.alreadyThere} 条已在目标库中`);
  console.log('下一步：在服务的环境中设置 DATABASE_URL 为同一地址，重启服务（docs/submissions.md）');
} catch (e) {
  fail(`失败：${e instanceof Error ? e.message : String(e)}`);
}
