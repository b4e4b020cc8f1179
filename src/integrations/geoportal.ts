/**
 * The project's Astro integration:
 * - runs the data check before Astro does anything else, so `astro build`
 *   on bad data stops with every problem listed and touches no output;
 * - loads the published view once (src/data/index.ts) and bakes what
 *   request-time routes need (site identity, withdrawn records, whether
 *   this is a preview build: src/lib/preview-build.ts)
 *   into the server bundle as the virtual module `virtual:geoportal/build-data`,
 *   so the server never reads data/ at request time (`mapSite` is what the
 *   runtime map configuration, /config/map.json, takes from site.yaml);
 * - writes the map collections (/geo/<name>.geojson) and every record's
 *   .json/.geojson twin itself (./record-twins-writer.ts) while Astro renders
 *   the pages; `astro dev` serves them from the same list (src/data/record-twins.ts);
 * - copies the attachments published records link into /files/;
 * - writes the search index into /search/ (src/search/format.ts), built in a
 *   worker thread from the start of the build so it overlaps page rendering;
 *   `astro dev` serves the same files from injected routes instead;
 * - writes, last, the brotli/gzip twins of every text file and the Node
 *   server's file manifest (src/server/static-files.ts);
 * - records which built files the full map page preloads (./map-preload.ts);
 * - when GEOPORTAL_STATIC_CONFIG=1, writes /config/map.json as a static
 *   file at the end of the build (key from TIANDITU_KEY at build time), for
 *   static hosting. Without it the file is not written: on the Node server
 *   the request-time route answers, reading the key at request time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { buildRuntimeConfig, mapSiteSettings, runtimeConfigJson } from '../map/runtime-config.ts';
import { copyBaseMapFiles, copyPublishedFiles, formatIssue, loadPublishedView, servePublishedFile, type PublishedView } from '../data/index.ts';
import { MANIFEST_PATH, versionDir } from '../search/format.ts';
import type { SearchIndex } from '../search/index-writer.ts';
import { buildSearchIndexInWorker } from '../search/index-worker.ts';
import { getSearchDocuments } from '../search/site-index.ts';
import { wmtsOrigins } from '../server/basemap-capabilities.ts';
import { writeStaticManifest, type StaticFile } from '../server/static-files.ts';
import { mapPreloadPlugin } from './map-preload.ts';
import { twinBytes, type RecordTwin } from '../data/record-twins.ts';
import { dataFiles, writeRecordTwins, type WrittenDataFiles } from './record-twins-writer.ts';
import { opinionNoticesOf } from '../submissions/opinion-notices.ts';
import { isPreviewBuild } from '../lib/preview-build.ts';

const VIRTUAL_ID = 'virtual:geoportal/build-data';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** True when the build should write dist/client/config/map.json (GEOPORTAL_STATIC_CONFIG=1). */
export function wantsStaticConfig(env: Record<string, string | undefined>): boolean {
  return env['GEOPORTAL_STATIC_CONFIG']?.trim() === '1';
}

/** The static runtime configuration's path below the client output directory. */
export const STATIC_CONFIG_PATH = 'config/map.json';

/** Writes /config/map.json as a file when GEOPORTAL_STATIC_CONFIG=1 (static hosting). */
async function writeStaticConfig(dir: URL, logger: AstroIntegrationLogger, view: PublishedView | undefined): Promise<void> {
  const flag = process.env['GEOPORTAL_STATIC_CONFIG']?.trim() ?? '';
  if (!wantsStaticConfig(process.env)) {
    if (flag !== '' && flag !== '0') logger.warn(`GEOPORTAL_STATIC_CONFIG=${flag.slice(0, 20)} 无效（应为 1），未写入 /${STATIC_CONFIG_PATH}`);
    return;
  }
  if (!view) throw new Error('站点配置未加载，无法写入 /config/map.json');
  const { config, warnings } = buildRuntimeConfig(mapSiteSettings(view.site, view.basemap), process.env);
  for (const w of warnings) logger.warn(w);
  // `dir` is the client output directory (<outDir>/client/ with @astrojs/node).
  const file = new URL(STATIC_CONFIG_PATH, dir.href.endsWith('/') ? dir : new URL(`${dir.href}/`));
  await mkdir(new URL('./', file), { recursive: true });
  await writeFile(file, runtimeConfigJson(config), 'utf8');
  logger.info(`已写入静态 /${STATIC_CONFIG_PATH}（天地图 key：${config.tiandituKey ? '已设置' : '未设置，地图使用示意底图'}；矩阵集 ${config.matrixSet}）`);
}

export function geoportal(): AstroIntegration {
  let published: PublishedView | undefined;
  let searchIndex: Promise<SearchIndex> | undefined;
  let serverDir: string | undefined;
  let clientDir: string | undefined;
  let twinsWritten: Promise<WrittenDataFiles> | undefined;
  let devTwins: Map<string, RecordTwin> | undefined;
  return {
    name: 'geoportal',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig, injectRoute }) => {
        // The one load of this build: pages get the same view from the cache.
        const { view, issues } = await loadPublishedView();
        const errors = issues.filter((i) => i.severity === 'error');
        if (command === 'build') for (const w of issues.filter((i) => i.severity === 'warning')) logger.warn(formatIssue(w));
        if (!view || errors.length > 0) {
          for (const e of errors) logger.error(formatIssue(e));
          throw new Error(`数据校验未通过（${errors.length} 处错误，见上），构建已停止，输出目录未被改动`);
        }
        logger.info(`数据校验通过：已发布 ${view.notices.length} 条公告，${view.enforcement.length} 条执法信息，${view.redSites.length} 个红色资源点；${view.gone.length} 条已撤回`);
        published = view;
        const mapSite = mapSiteSettings(view.site, view.basemap);
        const source =
          `export const site = ${JSON.stringify(view.site)};\n` +
          `export const gone = ${JSON.stringify(view.gone)};\n` +
          `export const mapSite = ${JSON.stringify(mapSite)};\n` +
          // POST /submit/opinion decides from these, never from the request, whether a notice takes opinions.
          `export const opinionNotices = ${JSON.stringify(opinionNoticesOf(view))};\n` +
          `export const holidayYears = ${JSON.stringify(view.holidayYears)};\n` +
          // A preview build (npm run preview, the editor's 预览): every page says so (src/layouts/BaseLayout.astro).
          `export const preview = ${JSON.stringify(isPreviewBuild(process.env))};\n`;
        if (command === 'dev') {
          injectRoute({ pattern: `/${MANIFEST_PATH}`, entrypoint: new URL('../search/dev-routes/manifest.ts', import.meta.url) });
          injectRoute({ pattern: '/search/[version]/[file]', entrypoint: new URL('../search/dev-routes/index-file.ts', import.meta.url) });
        }
        updateConfig({
          // The canonical origin for sitemap.xml and canonical links: SITE_URL, else the domain in site.yaml.
          ...(config.site ? {} : { site: `https://${view.site.domain}` }),
          vite: {
            plugins: [
              {
                name: 'geoportal:build-data',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? source : undefined),
              },
              mapPreloadPlugin(),
              {
                // A 'post' buildApp hook of a normal plugin runs once Vite has built every environment (which empties the
                // output directories) and before Astro's own (enforce: 'post') renders the pages: the twins are written beside
                // the pages from here on, not awaited here (awaited in astro:build:done, where a failure stops the build).
                name: 'geoportal:record-twins',
                apply: 'build',
                buildApp: {
                  order: 'post',
                  handler: async () => {
                    if (!clientDir || !published || twinsWritten) return;
                    twinsWritten = writeRecordTwins(published, clientDir);
                    twinsWritten.catch(() => undefined);
                  },
                },
              },
            ],
          },
        });
      },
      // astro dev serves the published attachments from data/files/ (a build copies them).
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const pathname = new URL(req.url ?? '/', 'http://dev.invalid').pathname;
          if (!published) return next();
          if (pathname.startsWith('/files/') && servePublishedFile(published.files, pathname, res)) return;
          // The records' twins, from the list a build writes (decoded: ids may be Chinese).
          devTwins ??= new Map([...dataFiles(published)].map((t) => [t.path, t]));
          let decoded: string;
          try {
            decoded = decodeURIComponent(pathname);
          } catch {
            return next();
          }
          const twin = devTwins.get(decoded);
          if (!twin) return next();
          res.setHeader('content-type', `${twin.type}; charset=utf-8`);
          res.end(twinBytes(twin));
        });
      },
      'astro:config:done': ({ config }) => {
        serverDir = fileURLToPath(config.build.server);
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:start': () => {
        searchIndex = getSearchDocuments().then(buildSearchIndexInWorker);
        // Awaited in astro:build:done; a failure there stops the build, not an unhandled rejection here.
        searchIndex.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (searchIndex) {
          const { manifest, files, postings } = await searchIndex;
          const client = fileURLToPath(dir);
          const folder = path.join(client, 'search', versionDir(manifest.version));
          await mkdir(folder, { recursive: true });
          await Promise.all(files.map((f) => writeFile(path.join(folder, f.name), f.bytes)));
          await writeFile(path.join(client, MANIFEST_PATH), JSON.stringify(manifest), 'utf8');
          logger.info(`搜索索引：${manifest.docs} 个页面，${postings} 条倒排记录，${files.length} 个文件（/search/${versionDir(manifest.version)}/）`);
        }
        // Attachments: exactly the files published records link (never those of withdrawn records).
        if (published) logger.info(`已复制 ${await copyPublishedFiles(published.files, fileURLToPath(dir))} 个附件到 /files/`);
        // The bureau's PMTiles base map and its style, when that is the base map published.
        if (published) {
          const copied = await copyBaseMapFiles(published.basemap, fileURLToPath(dir));
          if (copied > 0) logger.info(`已复制 PMTiles 底图和样式到 /basemap/`);
        }
        await writeStaticConfig(dir, logger, published);
        // Should the buildApp hook not have run (an Astro that builds differently), the twins are written now, not lost.
        if (published) twinsWritten ??= writeRecordTwins(published, fileURLToPath(dir));
        const { files: done, recordPages } = twinsWritten ? await twinsWritten : { files: new Map<string, StaticFile>(), recordPages: new Set<string>() };
        logger.info(`已写出 ${done.size} 个数据文件（地图图层和各记录的 .json/.geojson）`);
        // Last, when every file is in place: compressed twins and the server's file manifest.
        if (serverDir && published) {
          const gonePaths = published.gone.flatMap((g) => [g.page, g.page.replace(/\/$/, ''), ...g.json]);
          const b = published.basemap;
          // The records' own pages (one per record, named by their twins) are compressed as `record`.
          const r = await writeStaticManifest(fileURLToPath(dir), serverDir, gonePaths, b.kind === 'wmts' ? wmtsOrigins(b.wmts) : [], done, (rel) => (recordPages.has(rel) ? 'record' : undefined));
          logger.info(`已压缩：${r.files} 个文件，${r.twins} 个 br/gz 副本（br 合计 ${(r.brBytes / 1048576).toFixed(1)} MB / 原始 ${(r.rawBytes / 1048576).toFixed(1)} MB）`);
        }
      },
    },
  };
}
