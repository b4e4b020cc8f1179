/**
 * npm run build: validate the data, build into a staging directory, and only
 * then replace dist/. A data error, a failed or killed build, or a full disk
 * leaves dist/ as it was; the next build removes what a killed one left.
 * The data is loaded once: Astro builds in this process, and the project's
 * integration (src/integrations/geoportal.ts) and the pages reuse this load.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatIssue, loadPublishedView } from '../src/data/index.ts';

const root = process.cwd();
const finalDir = path.resolve(process.env.GEOPORTAL_OUT_DIR ?? 'dist');
// Inside the project (GEOPORTAL_BUILD_DIR may name another folder in it): the
// prerender step imports packages from node_modules by the bundle's own
// location. The final swap is a rename, so the output directory must be on
// the same file system as the work directory.
const workDir = path.resolve(process.env['GEOPORTAL_BUILD_DIR'] ?? '.build');
const tag = `${path.basename(finalDir)}-${process.pid}`;
const staging = path.join(workDir, `staging-${tag}`);
const previous = path.join(workDir, `previous-${tag}`);
const kept = `${path.relative(root, finalDir) || finalDir}/ 未被改动`;

/** Removes what builds that are no longer running left behind (a killed build cannot clean up). */
function removeLeftovers(): void {
  if (!existsSync(workDir)) return;
  for (const name of readdirSync(workDir)) {
    const pid = Number(/^(?:staging|previous)-.+-(\d+)$/.exec(name)?.[1] ?? /^(?:staging|previous)-(\d+)$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(path.join(workDir, name), { recursive: true, force: true });
    console.log(`已清除中断构建的遗留目录 ${path.relative(root, path.join(workDir, name))}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Astro bakes its output directories into the server bundle (its manifest and
 * the adapter's options). They name the staging directory, which differs per
 * build; rewritten to the final directory, two builds of the same source give
 * the same bytes and the bundle names where it runs.
 */
function rewriteStagingPaths(serverDir: string): number {
  let changed = 0;
  const from = [pathToFileURL(staging).href, staging];
  const to = [pathToFileURL(finalDir).href, finalDir];
  const visit = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) visit(file);
      else if (/\.m?js$/.test(e.name)) {
        const text = readFileSync(file, 'utf8');
        let next = text;
        from.forEach((f, i) => (next = next.split(f).join(to[i]!)));
        if (next !== text) {
          writeFileSync(file, next);
          changed++;
        }
      }
    }
  };
  visit(serverDir);
  return changed;
}

// The one load of this build. Astro runs in this process, so its
// integration and the pages get the same view from the data layer's cache.
const { view, issues } = await loadPublishedView();
const errors = issues.filter((i) => i.severity === 'error');
if (!view || errors.length > 0) {
  for (const issue of errors) console.error(formatIssue(issue));
  console.error(`数据校验未通过：${errors.length} 个错误。构建已停止，${kept}。`);
  process.exit(1);
}

mkdirSync(workDir, { recursive: true });
removeLeftovers();
rmSync(staging, { recursive: true, force: true });
process.env['GEOPORTAL_OUT_DIR'] = staging;
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const removeStaging = (): void => rmSync(staging, { recursive: true, force: true });
// Ctrl-C or a service stop: no staging directory is left behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeStaging();
    console.error(`构建被中断，${kept}。`);
    process.exit(130);
  });
}
try {
  const { build } = await import('astro');
  await build({ root });
  rewriteStagingPaths(path.join(staging, 'server'));
} catch (e) {
  removeStaging();
  const err = e as NodeJS.ErrnoException;
  console.error(err.code === 'ENOSPC' ? `磁盘空间不足：${err.message}` : e instanceof Error ? e.message : e);
  console.error(`构建失败，${kept}。`);
  process.exit(1);
}

// Two renames: the window without a dist/ is a few microseconds.
if (existsSync(finalDir)) renameSync(finalDir, previous);
renameSync(staging, finalDir);
rmSync(previous, { recursive: true, force: true });
console.log(`已生成 ${path.relative(root, finalDir) || finalDir}/`);
