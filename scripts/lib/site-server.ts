/**
 * Starts the site's own Node server on a built output directory, for tools
 * that need the real thing (npm run audit's Lighthouse runs). The server
 * command lives in serverCommand() alone: main is replacing
 * `node dist/server/entry.mjs` with `node src/server/main.ts`, and switching
 * is a one-line change there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port.ts';
import { stopProcess, waitForServer } from './wait-for-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The argv (after the Node binary) that serves a built output directory. */
export function serverCommand(outDir: string): string[] {
  return [path.join(outDir, 'server', 'entry.mjs')];
}

/**
 * Why serverCommand cannot serve outDir, if it cannot: the adapter's server
 * chunks import packages by name, which Node finds only in a node_modules
 * above the build, so a build outside the repository does not start.
 */
export function serverProblem(outDir: string): string | undefined {
  const rel = path.relative(ROOT, path.resolve(outDir));
  if (rel.startsWith('..') || path.isAbsolute(rel))
    return `${outDir}/server/entry.mjs 在仓库外，找不到 node_modules 中的依赖：请在仓库内构建（例如 GEOPORTAL_OUT_DIR=.build/audit），或加 --skip=lighthouse`;
  return undefined;
}

export type SiteServer = { base: string; child: ChildProcess; stop: () => Promise<void> };

/**
 * Serves outDir on a free port of 127.0.0.1 and waits until it answers. The
 * server's output goes to logFile. TIANDITU_KEY is removed from its
 * environment: without a key the site uses the offline 示意底图 and fetches
 * nothing from Tianditu.
 */
export async function startSiteServer(outDir: string, logFile: string): Promise<SiteServer> {
  const problem = serverProblem(outDir);
  if (problem) throw new Error(problem);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production', GEOPORTAL_OUT_DIR: outDir };
  delete env['TIANDITU_KEY'];
  const child = spawn(process.execPath, serverCommand(outDir), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
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
