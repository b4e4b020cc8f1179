/**
 * npm run build: validate the data, build into a staging directory, and only
 * then replace dist/. A data error or a failed build leaves dist/ as it was.
 * The data is loaded once: Astro builds in this process, and the project's
 * integration (src/integrations/geoportal.ts) and the pages reuse this load.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { formatIssue, loadPublishedView } from '../src/data/index.ts';

const root = process.cwd();
const finalDir = path.resolve(process.env.GEOPORTAL_OUT_DIR ?? 'dist');
const workDir = path.resolve('.build');
const staging = path.join(workDir, `staging-${process.pid}`);
const previous = path.join(workDir, `previous-${process.pid}`);
const kept = `${path.relative(root, finalDir)}/ 未被改动`;

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
rmSync(staging, { recursive: true, force: true });
process.env['GEOPORTAL_OUT_DIR'] = staging;
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
try {
  const { build } = await import('astro');
  await build({ root });
} catch (e) {
  rmSync(staging, { recursive: true, force: true });
  console.error(e instanceof Error ? e.message : e);
  console.error(`构建失败，${kept}。`);
  process.exit(1);
}

// Two renames: the window without a dist/ is a few microseconds.
if (existsSync(finalDir)) renameSync(finalDir, previous);
renameSync(staging, finalDir);
rmSync(previous, { recursive: true, force: true });
console.log(`已生成 ${path.relative(root, finalDir)}/`);
