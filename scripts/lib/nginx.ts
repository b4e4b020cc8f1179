/**
 * Debian's nginx with the SHIPPED site (deploy/nginx/geoportal.conf and its
 * snippets) on loopback, for benchmarks and tests. Only three things of the
 * site change (localSiteConf): the listen directives (one plain-HTTP
 * 127.0.0.1:<port> per server block; the IPv6 twins are dropped), the root,
 * and the upstream's port. Around it goes a minimal main configuration in a
 * temporary directory (pid, error log, temp paths, no daemon, the current
 * user), with the shipped snippets next to it, except that the TLS snippet
 * is empty (the bench listens plain HTTP, like the Node server it is
 * compared with) and the brotli snippet is there only when the brotli
 * modules are installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { stopProcess, track, waitForPort } from './processes.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SHIPPED_SITE = path.join(ROOT, 'deploy', 'nginx', 'geoportal.conf');
export const SHIPPED_SNIPPETS = path.join(ROOT, 'deploy', 'nginx', 'snippets');
/** Where Debian's libnginx-mod-* packages put their modules. */
const MODULE_DIRS = ['/usr/share/nginx/modules', '/usr/lib/nginx/modules'];
const BROTLI_MODULES = ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so'];
export const NGINX_PACKAGES = ['nginx'] as const;
export const BROTLI_PACKAGES = ['libnginx-mod-http-brotli-static', 'libnginx-mod-http-brotli-filter'] as const;

export interface LocalSite {
  /** Port of the HTTPS server block (its TLS is left out: plain HTTP). */
  port: number;
  /** Port of the plain-HTTP redirect server block. */
  redirectPort: number;
  /** The static root (dist/client). */
  root: string;
  /** Port of the Node server on 127.0.0.1. */
  upstreamPort: number;
}

/** Splits a configuration into its server { … } blocks (start and end offsets), by brace depth; comments and quoted strings are skipped. */
function serverBlocks(text: string): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let depth = 0;
  let open: { start: number; depth: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '"' || ch === "'") {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if (ch === '{') {
      if (!open && /(?:^|[\s;}])server\s*$/.test(text.slice(Math.max(0, i - 40), i))) open = { start: i, depth };
      depth++;
    } else if (ch === '}') {
      depth--;
      if (open && depth === open.depth) {
        blocks.push({ start: open.start, end: i });
        open = undefined;
      }
    }
  }
  return blocks;
}

/** Replaces the one match of `re` (the file must have exactly one), or throws naming what is missing. */
function replaceOne(text: string, re: RegExp, by: string, what: string): string {
  const n = [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].length;
  if (n !== 1) throw new Error(`geoportal.conf: expected exactly one ${what}, found ${n}`);
  return text.replace(re, by);
}

/**
 * The shipped site with only its listen ports, root and upstream port
 * changed. The server block whose listen says `ssl` gets `port`, the other
 * one `redirectPort`.
 */
export function localSiteConf(text: string, site: LocalSite): string {
  let out = replaceOne(text, /^(\s*server\s+)127\.0\.0\.1:\d+(\s*;)/m, `$1127.0.0.1:${site.upstreamPort}$2`, 'upstream server 127.0.0.1:<port>');
  out = replaceOne(out, /^(\s*root\s+)[^;]+;/m, `$1${site.root};`, 'root directive');
  const blocks = serverBlocks(out);
  if (blocks.length !== 2) throw new Error(`geoportal.conf: expected two server blocks (HTTPS and the redirect), found ${blocks.length}`);
  // From the last block to the first, so earlier offsets stay valid.
  for (const b of [...blocks].reverse()) {
    const body = out.slice(b.start, b.end);
    const listens = [...body.matchAll(/^(\s*)listen\s+([^;]+);/gm)];
    if (listens.length === 0) throw new Error('geoportal.conf: a server block has no listen directive');
    const tls = listens.some((m) => /\bssl\b/.test(m[2]!));
    const port = tls ? site.port : site.redirectPort;
    let first = true;
    const replaced = body.replace(/^(\s*)listen\s+([^;]+);/gm, (_all, indent: string) => {
      const line = first ? `${indent}listen 127.0.0.1:${port};` : `${indent}# (local: IPv6 listen left out)`;
      first = false;
      return line;
    });
    out = out.slice(0, b.start) + replaced + out.slice(b.end);
  }
  return out;
}

/** The nginx binary: NGINX_BIN, or nginx on PATH, or /usr/sbin/nginx; undefined when there is none. */
export function nginxBinary(): string | undefined {
  const env = process.env['NGINX_BIN'];
  if (env) return env;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : undefined;
}

/** Absolute paths of the two brotli modules, or undefined when either is missing. */
export function brotliModules(): string[] | undefined {
  for (const dir of MODULE_DIRS) {
    const paths = BROTLI_MODULES.map((m) => path.join(dir, m));
    if (paths.every((p) => existsSync(p))) return paths;
  }
  return undefined;
}

export interface MainConfOptions {
  dir: string;
  site: string;
  workers?: number | 'auto';
  brotli?: string[] | undefined;
}

/** A minimal main configuration around the site: no daemon, everything in `dir`, the current user. */
export function mainConf(o: MainConfOptions): string {
  const tmp = (name: string) => path.join(o.dir, 'tmp', name);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    'daemon off;',
    `worker_processes ${o.workers ?? 'auto'};`,
    `pid ${path.join(o.dir, 'nginx.pid')};`,
    'error_log stderr warn;',
    // As root, nginx would switch its workers to nobody, who may not read the tree.
    ...(isRoot ? [`user ${userInfo().username};`] : []),
    ...(o.brotli ?? []).map((m) => `load_module ${m};`),
    'events { worker_connections 1024; }',
    'http {',
    // Debian's nginx.conf defaults.
    '    sendfile on;',
    '    tcp_nopush on;',
    '    types_hash_max_size 2048;',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    '    access_log off;',
    `    client_body_temp_path ${tmp('body')};`,
    `    proxy_temp_path ${tmp('proxy')};`,
    `    fastcgi_temp_path ${tmp('fastcgi')};`,
    `    uwsgi_temp_path ${tmp('uwsgi')};`,
    `    scgi_temp_path ${tmp('scgi')};`,
    `    include ${o.site};`,
    '}',
    '',
  ].join('\n');
}

export interface NginxOptions extends LocalSite {
  /** The site file to use; the shipped one by default. */
  siteFile?: string;
  /** The snippets directory; the shipped one by default. */
  snippetsDir?: string;
  workers?: number | 'auto';
  /** Load the brotli modules when installed (default true). */
  brotli?: boolean;
}

export interface RunningNginx {
  base: string;
  dir: string;
  brotli: boolean;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The first [emerg]/[alert] message of nginx's output, without its time stamp and pid. */
export function nginxError(output: string): string {
  const line = output.split('\n').find((l) => /\[(emerg|alert|crit)\]/.test(l)) ?? output.split('\n').find((l) => l.trim() !== '') ?? 'no output';
  return line.replace(/^\S+ \S+ \[(\w+)\] \d+#\d+: /, '').replace(/^nginx: \[(\w+)\] /, '').trim();
}

/** Writes the temporary configuration directory; returns it and the main config path. */
export function writeNginxDir(o: NginxOptions): { dir: string; conf: string; brotli: boolean } {
  const dir = mkdtempSync(path.join(tmpdir(), 'geoportal-nginx-'));
  mkdirSync(path.join(dir, 'tmp'));
  mkdirSync(path.join(dir, 'snippets'));
  const modules = o.brotli === false ? undefined : brotliModules();
  const snippets = o.snippetsDir ?? SHIPPED_SNIPPETS;
  for (const f of readdirSync(snippets)) {
    if (!f.endsWith('.conf')) continue;
    if (f === 'geoportal-tls.conf') writeFileSync(path.join(dir, 'snippets', f), '# local: plain HTTP, no certificate\n');
    else if (f.startsWith('geoportal-brotli') && !modules) continue;
    else copyFileSync(path.join(snippets, f), path.join(dir, 'snippets', f));
  }
  const site = path.join(dir, 'geoportal.conf');
  writeFileSync(site, localSiteConf(readFileSync(o.siteFile ?? SHIPPED_SITE, 'utf8'), o));
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, mainConf({ dir, site, workers: o.workers, brotli: modules }));
  return { dir, conf, brotli: modules !== undefined };
}

/**
 * Checks the configuration (nginx -t) and starts nginx in the foreground;
 * resolves once it accepts connections. A bad configuration rejects with
 * one line: `nginx: <nginx's message>`.
 */
export async function startNginx(o: NginxOptions): Promise<RunningNginx> {
  const bin = nginxBinary();
  if (!bin) throw new Error(`nginx not found: apt-get install ${NGINX_PACKAGES.join(' ')}`);
  const { dir, conf, brotli } = writeNginxDir(o);
  const args = ['-p', dir, '-c', conf, '-e', 'stderr'];
  const test = spawnSync(bin, ['-t', '-q', ...args], { encoding: 'utf8' });
  if (test.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx: ${nginxError(`${test.stderr}\n${test.stdout}`)}`);
  }
  const child = track(spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] }));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  const stop = async () => {
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(o.port, () => (exited ? `${exited}: ${nginxError(stderr)}` : undefined));
  } catch (e) {
    await stop();
    throw new Error(`nginx: ${(e as Error).message}`);
  }
  return { base: `http://127.0.0.1:${o.port}`, dir, brotli, child, stop };
}
