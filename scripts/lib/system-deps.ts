/**
 * The browser tests need Debian's Chromium (/usr/bin/chromium), a CJK
 * font (fonts-noto-cjk) and GDAL's ogrinfo (gdal-bin: the planner's GPX
 * and KML exports are read back with it), none of which npm can install.
 * This installs them with apt-get when the user may (root, or passwordless
 * sudo), and otherwise stops with one line that says what to install.
 * ensurePackages does the same for other packages (nginx for npm run
 * bench:load).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'] as const;

function run(cmd: string, args: string[], opts: { inherit?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(cmd, args, { stdio: opts.inherit ? 'inherit' : 'pipe', encoding: 'utf8', env: opts.env ?? process.env });
}

function onPath(cmd: string): boolean {
  return run('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** GDAL's command-line tools: the browser tests parse the planner's exports with ogrinfo. */
export const GDAL = { name: 'gdal-bin', present: () => onPath('ogrinfo') } as const;

/** Whether a Debian package is installed (dpkg), or its files are there. */
function installed(pkg: (typeof PACKAGES)[number]): boolean {
  if (pkg === 'chromium') return existsSync(CHROMIUM);
  if (onPath('dpkg-query')) {
    const r = run('dpkg-query', ['-W', '-f=${Status}', pkg]);
    if (r.status === 0 && r.stdout.includes('install ok installed')) return true;
  }
  // Not Debian, or installed some other way: any font that covers Chinese will do.
  if (onPath('fc-list')) return run('fc-list', [':lang=zh', 'family']).stdout.trim() !== '';
  return false;
}

/** Installs the missing packages (and `more`, e.g. PostgreSQL for npm test) if it may; otherwise prints one line and exits 1. */
export function ensureSystemDeps(log: (line: string) => void = console.log, more: readonly { name: string; present: () => boolean }[] = []): void {
  ensurePackages([...PACKAGES.map((name) => ({ name, present: () => installed(name) })), GDAL, ...more], log);
}

/** Whether this process may run apt-get install (root, or passwordless sudo, and apt-get on PATH). */
export function canInstall(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return onPath('apt-get') && (isRoot || (onPath('sudo') && run('sudo', ['-n', 'true']).status === 0));
}

/**
 * Debian packages a script needs: installs the missing ones with apt-get when
 * the user may (root, or passwordless sudo); otherwise prints one line that
 * says what to install and exits 1. `optional`: packages to install along
 * when possible, never a reason to stop.
 */
export function ensurePackages(packages: readonly { name: string; present: () => boolean }[], log: (line: string) => void = console.log, optional: readonly { name: string; present: () => boolean }[] = []): void {
  const missing = packages.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const extra = optional.filter((p) => !p.present()).map((p) => p.name);

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = onPath('apt-get');
  const hint = `需要先安装：sudo apt-get install ${missing.join(' ')}`;
  if (!canInstall()) {
    const what = missing.map((p) => (p === 'chromium' ? `Chromium（${CHROMIUM}）` : p === 'fonts-noto-cjk' ? '中文字体 Noto CJK' : p)).join('和');
    console.error(hasApt ? hint : `需要先安装：${what}（Debian 软件包 ${missing.join(' ')}）`);
    process.exit(1);
  }

  const all = [...missing, ...extra];
  log(`正在安装 ${all.join(' ')}（apt-get）……`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) =>
    isRoot ? run('apt-get', args, { inherit: true, env }) : run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], { inherit: true, env });
  const steps: string[][] = [['update'], ['install', '-y', '--no-install-recommends', ...all]];
  for (const args of steps) {
    const r = apt(args);
    if (r.status !== 0) {
      console.error(`apt-get ${args[0]} 失败（退出码 ${r.status ?? r.signal}）。${hint}`);
      process.exit(1);
    }
  }
  const still = packages.filter((p) => !p.present()).map((p) => p.name);
  if (still.length > 0) {
    console.error(`安装后仍缺少 ${still.join(' ')}。${hint}`);
    process.exit(1);
  }
}
