/**
 * npm run build: build into a staging directory, and only then replace dist/.
 * The data is loaded and validated once, inside the Astro build, by the
 * project's integration (src/integrations/geoportal.ts), before anything is
 * written: a data error or a failed build leaves dist/ as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const finalDir = path.resolve(process.env.GEOPORTAL_OUT_DIR ?? 'dist');
const workDir = path.resolve('.build');
const staging = path.join(workDir, `staging-${process.pid}`);
const previous = path.join(workDir, `previous-${process.pid}`);

mkdirSync(workDir, { recursive: true });
rmSync(staging, { recursive: true, force: true });
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, GEOPORTAL_OUT_DIR: staging, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`构建失败，${path.relative(root, finalDir)}/ 未被改动。`);
  process.exit(result.status ?? 1);
}

// Two renames: the window without a dist/ is a few microseconds.
if (existsSync(finalDir)) renameSync(finalDir, previous);
renameSync(staging, finalDir);
rmSync(previous, { recursive: true, force: true });
console.log(`已生成 ${path.relative(root, finalDir)}/`);
