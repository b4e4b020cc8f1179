/**
 * The site's own server for npm run audit (the request-time pages of the
 * HTML-validity gate, the Lighthouse runs), started by spawnSiteServer
 * (scripts/lib/site-server.ts) on a free port, waited for and stopped. It
 * inherits the audit's environment (GEOPORTAL_TODAY: the build's day), with a
 * fresh submission store in a temporary directory, removed on stop, as
 * scripts/test.ts gives its server: the audit's posts never reach a real
 * store. TIANDITU_KEY is blanked: without a key the site uses the offline
 * 示意底图 and fetches nothing from Tianditu.
 */
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';
import { spawnSiteServer } from './site-server.ts';
import { stopProcess, waitForServer } from './wait-for-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * Why the server cannot serve outDir, if it cannot: the build's own server
 * part (Astro's routes under dist/server, which src/server/main.ts imports)
 * imports packages by name, which Node finds only in a node_modules above
 * it, so it does not start from a build outside the repository.
 */
export function serverProblem(outDir: string): string | undefined {
  const dist = path.resolve(outDir);
  if (!inside(ROOT, dist))
    return `${dist} 在仓库外，其中的服务器找不到 node_modules 里的依赖：请在仓库内构建（例如 GEOPORTAL_OUT_DIR=.build/audit），或只运行不需服务器的检查：--only=links,budgets（HTML 检查和 Lighthouse 都要启动服务器）`;
  return undefined;
}

export type AuditServer = {
  base: string;
  child: ChildProcess;
  stop: () => Promise<void>;
  /** At once, for an exit hook (nothing asynchronous runs there): SIGKILL and the store removed. */
  kill: () => void;
};

/** Serves outDir on 127.0.0.1 and resolves once it answers; its output goes to logFile. */
export async function startAuditServer(outDir: string, logFile: string): Promise<AuditServer> {
  const problem = serverProblem(outDir);
  if (problem) throw new Error(problem);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const store = mkdtempSync(path.join(tmpdir(), 'geoportal-audit-store-'));
  const child = spawnSiteServer(outDir, port, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { TIANDITU_KEY: '', GEOPORTAL_STORE_PATH: path.join(store, 'submissions.sqlite'), DATABASE_URL: '' },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
  });
  const stop = async () => {
    await stopProcess(child);
    rmSync(store, { recursive: true, force: true });
  };
  try {
    await waitForServer(base, () => exited, {
      exited: (why) => `服务器已退出（${why}），见 ${path.relative(ROOT, logFile)}`,
      timeout: `服务器 30 秒内没有应答（${base}），见 ${path.relative(ROOT, logFile)}`,
    });
  } catch (e) {
    await stop();
    throw e;
  }
  const kill = () => {
    child.kill('SIGKILL');
    rmSync(store, { recursive: true, force: true });
  };
  return { base, child, stop, kill };
}
