/**
 * npm run nginx:csp [-- --write FILE]: the Content-Security-Policy line of
 * deploy/nginx/snippets/geoportal-headers.conf for the built site (dist/, or
 * GEOPORTAL_OUT_DIR): it allows the tile origins of a WMTS base map the build
 * published. Prints the line; with --write, rewrites it in FILE (e.g.
 * /etc/nginx/snippets/geoportal-headers.conf), then `nginx -t && nginx -s reload`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readStaticManifest } from '../src/server/static-files.ts';
import { cspLine, rewriteCsp } from './lib/nginx-csp.ts';

const dist = path.resolve(process.env['GEOPORTAL_OUT_DIR'] ?? 'dist');
const manifest = await readStaticManifest(path.join(dist, 'server')).catch(() => undefined);
if (!manifest) {
  console.error(`找不到 ${path.relative(process.cwd(), dist)}/server/static-files.json：请先运行 npm run build。`);
  process.exit(1);
}
const origins = manifest.tileOrigins ?? [];
const at = process.argv.indexOf('--write');
if (at === -1) {
  console.log(cspLine(origins));
} else {
  const file = process.argv[at + 1];
  if (!file) {
    console.error('--write 后面要写 nginx 的 geoportal-headers.conf 路径');
    process.exit(1);
  }
  writeFileSync(file, rewriteCsp(readFileSync(file, 'utf8'), origins));
  console.log(`已更新 ${file} 的 Content-Security-Policy（${origins.length} 个额外瓦片来源）；请运行 nginx -t && nginx -s reload。`);
}
