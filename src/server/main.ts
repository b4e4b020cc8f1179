/**
 * npm run serve: the Node server of a built site.
 *   GEOPORTAL_DIST              the build (default ./dist): client/ and server/
 *   HOST, PORT                  where to listen (default 127.0.0.1:4321)
 *   GEOPORTAL_TRUSTED_PROXIES   proxies whose X-Forwarded-For/-Proto are believed (e.g. 127.0.0.1)
 *   GEOPORTAL_RATE_LIMIT_PER_MINUTE  overrides every route's per-client rate (load benches)
 * SIGTERM and SIGINT stop accepting, let open requests finish (at most 10 s), then exit.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseTrustedProxies } from './client-info.ts';
import { rateOverride } from './limits.ts';
import { createGeoportalServer, type AppHandler } from './server.ts';
import { readStaticManifest } from './static-files.ts';

const dist = path.resolve(process.env['GEOPORTAL_DIST'] ?? 'dist');
const host = process.env['HOST'] || '127.0.0.1';
const port = Number(process.env['PORT'] || 4321);

let manifest;
try {
  manifest = await readStaticManifest(path.join(dist, 'server'));
} catch {
  console.error(`找不到可用的构建：${path.join(dist, 'server')} 中没有文件清单。请先运行 npm run build。`);
  process.exit(1);
}
const { handler } = (await import(pathToFileURL(path.join(dist, 'server', 'entry.mjs')).href)) as { handler: AppHandler };
const server = createGeoportalServer({
  clientDir: path.join(dist, 'client'),
  manifest,
  app: handler,
  trustedProxies: parseTrustedProxies(process.env['GEOPORTAL_TRUSTED_PROXIES']),
  ratePerMinute: rateOverride(process.env['GEOPORTAL_RATE_LIMIT_PER_MINUTE']),
});
server.listen(port, host, () => console.log(`[geoportal] 已启动：http://${host.includes(':') ? `[${host}]` : host}:${port}/（${Object.keys(manifest.files).length} 个文件）`));

const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
