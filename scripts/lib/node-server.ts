/**
 * The project's Node server on loopback, for benchmarks: started as
 * scripts/lib/site-server.ts says, then waited for and stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { stopProcess, track, waitForPort } from './processes.ts';
import { serverCommand } from './site-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export { serverCommand };

export interface RunningServer {
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
    throw new Error(`src/server/main.ts: ${(e as Error).message}`);
  }
  return { base: `http://127.0.0.1:${o.port}`, pid: child.pid!, child, stop: () => stopProcess(child) };
}
