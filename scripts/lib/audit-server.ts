/**
 * The site's own server for npm run audit's Lighthouse runs, started by
 * serverCommand (scripts/lib/site-server.ts) on a free port, waited for and
 * stopped. TIANDITU_KEY is removed from its environment: without a key the
 * site uses the offline 示意底图 and fetches nothing from Tianditu.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port.ts';
import { serverCommand } from './site-server.ts';
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
    return `${dist} 在仓库外，其中的服务器找不到 node_modules 里的依赖：请在仓库内构建（例如 GEOPORTAL_OUT_DIR=.build/audit），或加 --skip=lighthouse`;
  return undefined;
}

export type AuditServer = { base: string; child: ChildProcess; stop: () => Promise<void> };

/** Serves outDir on 127.0.0.1 and resolves once it answers; its output goes to logFile. */
export async function startAuditServer(outDir: string, logFile: string): Promise<AuditServer> {
  const problem = serverProblem(outDir);
  if (problem) throw new Error(problem);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const cmd = serverCommand(outDir, port);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = { ...process.env, ...cmd.env };
  delete env['TIANDITU_KEY'];
  const child = spawn(process.execPath, cmd.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
  });
  const stop = () => stopProcess(child);
  try {
    await waitForServer(base, () => exited, {
      exited: (why) => `服务器已退出（${why}），见 ${path.relative(ROOT, logFile)}`,
      timeout: `服务器 30 秒内没有应答（${base}），见 ${path.relative(ROOT, logFile)}`,
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, child, stop };
}
