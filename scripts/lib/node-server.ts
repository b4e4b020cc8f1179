/**
 * The project's Node server on loopback, for benchmarks: the one place that
 * knows how it is started. src/server/main.ts (our HTTP server in front of
 * Astro's middleware; env HOST, PORT, GEOPORTAL_DIST) when that file
 * exists, otherwise Astro's standalone dist/server/entry.mjs (HOST, PORT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { stopProcess, track, waitForPort } from './processes.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(ROOT, 'src', 'server', 'main.ts');

export type ServerKind = 'src/server/main.ts' | 'dist/server/entry.mjs';

export interface ServerCommand {
  kind: ServerKind;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** How to start the server on 127.0.0.1:port serving `dist` (the build output directory). */
export function serverCommand(dist: string, port: number, main = MAIN): ServerCommand {
  const env = { HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' };
  // The one switch: our own server once it exists, Astro's standalone entry until then.
  if (existsSync(main)) return { kind: 'src/server/main.ts', args: [main], env: { ...env, GEOPORTAL_DIST: dist } };
  return { kind: 'dist/server/entry.mjs', args: [path.join(dist, 'server', 'entry.mjs')], env };
}

export interface RunningServer {
  kind: ServerKind;
  base: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  dist: string;
  port: number;
  /** Added to the environment (after HOST, PORT, …). */
  env?: NodeJS.ProcessEnv;
  /** The server's stdout and stderr go here (a file); otherwise the last lines are kept for the error message. */
  logFile?: string;
}

/** The line of a crashed process's stderr that says what went wrong (Node ends with its version line). */
export function errorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^Node\.js v\d/.test(l));
  return lines.findLast((l) => /^(\w*Error\b|Error \[|\[\w+\] .*error)/i.test(l)) ?? lines.at(-1) ?? '';
}

/** Starts the server with this Node binary and resolves once it accepts connections. */
export async function startNodeServer(o: StartOptions): Promise<RunningServer> {
  const cmd = serverCommand(o.dist, o.port);
  const child = track(spawn(process.execPath, cmd.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...cmd.env, ...o.env } }));
  let tail = '';
  if (o.logFile) {
    const log = createWriteStream(o.logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  } else {
    child.stdout?.resume();
    child.stderr?.on('data', (d: Buffer) => (tail = (tail + d.toString()).slice(-2000)));
  }
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  try {
    await waitForPort(o.port, () => (exited ? `${exited}${tail ? `: ${errorLine(tail)}` : ''}` : undefined), 30_000);
  } catch (e) {
    await stopProcess(child);
    throw new Error(`${cmd.kind}: ${(e as Error).message}`);
  }
  return { kind: cmd.kind, base: `http://127.0.0.1:${o.port}`, pid: child.pid!, child, stop: () => stopProcess(child) };
}
