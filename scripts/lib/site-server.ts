/**
 * Starts the site's Node server (src/server/main.ts) on a built dist/
 * directory: the one way tests and benches run it, as `npm run serve` does.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';

export const SERVER_MAIN = path.resolve(import.meta.dirname, '../../src/server/main.ts');

export function spawnSiteServer(distDir: string, port: number, options: { stdio?: StdioOptions; env?: NodeJS.ProcessEnv; cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, [SERVER_MAIN], {
    cwd: options.cwd ?? process.cwd(),
    stdio: options.stdio ?? ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...options.env, GEOPORTAL_DIST: path.resolve(distDir), HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' },
  });
}
