/**
 * How the site's Node server is started on a built output directory: the
 * one place that says so. Here it is the Astro adapter's entry
 * (`node dist/server/entry.mjs`); main replaces it with
 * `node src/server/main.ts` behind this same serverCommand(dist, port), so
 * the switch is this function alone. scripts/lib/audit-server.ts waits for
 * and stops it.
 */
import path from 'node:path';

export interface ServerCommand {
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The arguments (after the Node binary) and environment that serve `dist` on 127.0.0.1:port. */
export function serverCommand(dist: string, port: number): ServerCommand {
  return { args: [path.join(path.resolve(dist), 'server', 'entry.mjs')], env: { HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' } };
}
