/**
 * npm run preview [-- --port 4322]: build the site from data/ into a preview
 * directory (never the live output) and serve it with the site's own server
 * on 127.0.0.1, so staff see every page as it will be published, each under
 * the 预览 banner (src/lib/preview-build.ts). Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../src/data/load.ts';
import { previewDir, runBuild } from './lib/publishing.ts';
import { spawnSiteServer } from './lib/site-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env['PREVIEW_PORT'] ?? '4322' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`端口应为 1–65535 的整数，不是“${values.port}”`);
  process.exit(2);
}
const out = previewDir();
console.log('正在构建预览……');
const code = await runBuild('preview', resolveDataDir(), out, (text) => process.stdout.write(text)).done;
if (code !== 0) {
  console.error('预览构建失败，见上面的信息。');
  process.exit(1);
}
const server = spawnSiteServer(out, port, { stdio: ['ignore', 'inherit', 'inherit'] });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.kill('SIGTERM'));
server.on('exit', (c) => process.exit(c ?? 0));
console.log(`预览：http://127.0.0.1:${port}/ （仅本机；Ctrl-C 结束。发布用 npm run publish）`);
