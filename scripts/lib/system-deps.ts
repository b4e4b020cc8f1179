/**
 * The browser tests need Debian's Chromium (/usr/bin/chromium) and a CJK
 * font (fonts-noto-cjk), neither of which npm can install. This installs
 * them with apt-get when the user may (root, or passwordless sudo), and
 * otherwise stops with one line that says what to install.
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

/** Installs the missing packages if it may; otherwise prints one line and exits 1. */
export function ensureSystemDeps(log: (line: string) => void = console.log): void {
  const missing = PACKAGES.filter((p) => !installed(p));
  if (missing.length === 0) return;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canSudo = !isRoot && onPath('sudo') && run('sudo', ['-n', 'true']).status === 0;
  const hasApt = onPath('apt-get');
  const hint = `需要先安装：sudo apt-get install ${missing.join(' ')}`;
  if (!hasApt || !(isRoot || canSudo)) {
    const what = missing.map((p) => (p === 'chromium' ? `Chromium（${CHROMIUM}）` : '中文字体 Noto CJK')).join('和');
    console.error(hasApt ? hint : `需要先安装：${what}（Debian 软件包 ${missing.join(' ')}）`);
    process.exit(1);
  }

  log(`正在安装 ${missing.join(' ')}（apt-get）……`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) =>
    isRoot ? run('apt-get', args, { inherit: true, env }) : run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], { inherit: true, env });
  const steps: string[][] = [['update'], ['install', '-y', '--no-install-recommends', ...missing]];
  for (const args of steps) {
    const r = apt(args);
    if (r.status !== 0) {
      console.error(`apt-get ${args[0]} 失败（退出码 ${r.status ?? r.signal}）。${hint}`);
      process.exit(1);
    }
  }
  const still = PACKAGES.filter((p) => !installed(p));
  if (still.length > 0) {
    console.error(`安装后仍缺少 ${still.join(' ')}。${hint}`);
    process.exit(1);
  }
}
