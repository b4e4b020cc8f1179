/**
 * npm run serve: the Node server of a built site.
 *   GEOPORTAL_DIST              the build (default ./dist): client/ and server/
 *   HOST, PORT                  where to listen (default 127.0.0.1:4321)
 *   GEOPORTAL_TRUSTED_PROXIES   proxies whose X-Forwarded-For/-Proto are believed (e.g. 127.0.0.1)
 *   GEOPORTAL_RATE_LIMIT_PER_MINUTE  overrides every route's per-client rate (load benches)
 *   DATABASE_URL, GEOPORTAL_STORE_PATH  the submission store (src/store/index.ts), opened at start:
 *                               a store that cannot be opened stops the server with one line
 *   GEOPORTAL_TODAY             YYYY-MM-DD: the day taken as today (tests, previews; src/lib/dates.ts)
 * A new build (npm run build swaps dist/ in) is picked up within two seconds,
 * without a restart: the file manifest is watched, and Astro's routes are
 * imported afresh from the new bundle.
 * SIGTERM and SIGINT stop accepting, let open requests finish (at most 10 s),
 * close the store, then exit.
 */
import { watchFile } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseTrustedProxies } from './client-info.ts';
import { rateOverride } from './limits.ts';
import { createGeoportalServer, type AppHandler } from './server.ts';
import { readStaticManifest, STATIC_MANIFEST_FILE, type StaticManifest } from './static-files.ts';
import { pinnedDay, TODAY_VARIABLE } from '../lib/dates.ts';
import { closeSubmissionStore, describeTarget, openStore, storeTarget, useSubmissionStore } from '../store/index.ts';

const dist = path.resolve(process.env['GEOPORTAL_DIST'] ?? 'dist');
const serverDir = path.join(dist, 'server');
const host = process.env['HOST'] || '127.0.0.1';
const port = Number(process.env['PORT'] || 4321);

/** The build in dist/ now: its manifest and Astro's handler (a query makes Node import a swapped-in entry afresh). */
async function loadBuild(generation: number): Promise<{ manifest: StaticManifest; app: AppHandler }> {
  const manifest = await readStaticManifest(serverDir);
  const entry = `${pathToFileURL(path.join(serverDir, 'entry.mjs')).href}${generation ? `?build=${generation}` : ''}`;
  const { handler } = (await import(entry)) as { handler: AppHandler };
  return { manifest, app: handler };
}

let build;
try {
  build = await loadBuild(0);
} catch {
  console.error(`找不到可用的构建：${serverDir} 中没有文件清单。请先运行 npm run build。`);
  process.exit(1);
}
// A pinned day decides notice periods and opinion windows: a production server must not run on one unnoticed.
try {
  const day = pinnedDay();
  if (day) console.warn(`[geoportal] ${TODAY_VARIABLE}=${day}：本服务器按 ${day} 计算公示期和意见反馈期（仅供测试和预览，正式运行请删去）`);
} catch (e) {
  console.error(`[geoportal] 无法启动：${(e as Error).message}`);
  process.exit(1);
}
// The store before the port: a wrong DATABASE_URL or an unwritable store path fails here, loudly, not at the first submission.
try {
  const store = await openStore();
  useSubmissionStore(store);
  console.log(`[geoportal] 提交存储：${describeTarget(storeTarget())}`);
} catch (e) {
  console.error(`[geoportal] 无法启动：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const server = createGeoportalServer({
  clientDir: path.join(dist, 'client'),
  ...build,
  trustedProxies: parseTrustedProxies(process.env['GEOPORTAL_TRUSTED_PROXIES']),
  ratePerMinute: rateOverride(process.env['GEOPORTAL_RATE_LIMIT_PER_MINUTE']),
});
server.listen(port, host, () => console.log(`[geoportal] 已启动：http://${host.includes(':') ? `[${host}]` : host}:${port}/（${Object.keys(build.manifest.files).length} 个文件）`));

// The build swaps dist/ by rename, so the manifest path gets a new file: watchFile polls the path, not the inode.
let generation = 0;
watchFile(path.join(serverDir, STATIC_MANIFEST_FILE), { interval: 2000 }, (now, before) => {
  if (now.mtimeMs === before.mtimeMs && now.ino === before.ino) return;
  if (now.nlink === 0) return; // between the two renames of a swap
  loadBuild(++generation)
    .then((next) => {
      server.useBuild(next);
      console.log(`[geoportal] 已切换到新的构建（${Object.keys(next.manifest.files).length} 个文件）`);
    })
    .catch((e: unknown) => console.error(`[geoportal] 新的构建无法加载，继续使用当前构建：${e instanceof Error ? e.message : String(e)}`));
});

const stop = (): void => {
  server.close(() => {
    closeSubmissionStore().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
