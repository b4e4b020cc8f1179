/**
 * npm run publish: check the data, then build the site into a staging
 * directory and swap it in for the live output (dist/, or GEOPORTAL_OUT_DIR)
 * atomically: scripts/build.ts, the project's one build. A data error or a
 * failed build leaves the live site exactly as it was. The site's server
 * (npm run serve) serves the new build within two seconds, without a restart.
 * The editor's 发布 button runs this command.
 */
import path from 'node:path';
import { formatIssue, loadDataset, resolveDataDir } from '../src/data/load.ts';
import { liveDir, runBuild } from './lib/publishing.ts';

const dataDir = resolveDataDir();
const live = liveDir();
const shown = path.relative(process.cwd(), live) || live;
const started = performance.now();

// The check first, with its warnings: the build stops on errors but does not show what only warns.
const { dataset, issues } = await loadDataset(dataDir);
for (const i of issues) console.log(formatIssue(i));
const errors = issues.filter((i) => i.severity === 'error').length;
if (!dataset || errors > 0) {
  console.error(`未发布：数据校验未通过（${errors} 个错误）。网站仍是上一次发布的版本，${shown}/ 未被改动。`);
  process.exit(1);
}
const warnings = issues.length - errors;
console.log(`数据校验通过${warnings > 0 ? `，${warnings} 个提醒（见上）` : ''}；开始构建……`);

const build = runBuild('publish', dataDir, live, (text) => process.stdout.write(text));
const code = await build.done;
if (code !== 0) {
  console.error(`未发布：构建失败（退出码 ${code}）。网站仍是上一次发布的版本，${shown}/ 未被改动。`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`已发布：${shown}/ 已换成新版本（${dataset.notices.length} 条公告，${dataset.enforcement.length} 条执法信息，${dataset.redSites.length} 个红色资源点；${seconds} 秒）。正在运行的网站服务器会在 2 秒内换用新版本。`);
