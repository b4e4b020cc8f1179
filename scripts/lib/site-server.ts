/**
 * How the site's Node server (src/server/main.ts) is started on a built
 * dist/ directory: the one way tests and benches run it, as `npm run serve`
 * does. scripts/lib/node-server.ts adds waiting and stopping for benches.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';

export const SERVER_MAIN = path.resolve(import.meta.dirname, '../../src/server/main.ts');

export interface ServerCommand {
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The arguments and environment that start the server on 127.0.0.1:port serving `dist`. */
export function serverCommand(dist: string, port: number): ServerCommand {
  return { args: [SERVER_MAIN], env: { HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production', GEOPORTAL_DIST: path.resolve(dist) } };
}

export function spawnSiteServer(distDir: string, port: number, options: { stdio?: StdioOptions; env?: NodeJS.ProcessEnv; cwd?: string } = {}): ChildProcess {
  const cmd = serverCommand(distDir, port);
  return spawn(process.execPath, cmd.args, {
    cwd: options.cwd ?? process.cwd(),
    stdio: options.stdio ?? ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...options.env, ...cmd.env },
  });
}
