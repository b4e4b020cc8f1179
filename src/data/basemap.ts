/**
 * The base map the site publishes (site.yaml map.basemap), resolved once at
 * build. A source whose settings or files are missing or broken does not
 * stop publishing: the site then publishes the 示意底图 with the reason, the
 * map shows that reason to everyone (issue 11, "bad input"), and the check
 * reports it as a 提醒 so the bureau fixes it. PMTiles archives and their
 * style documents live in data/basemap/; the build copies the published ones
 * to /basemap/.
 */
import { copyFile, mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { checkArchive, PMTILES_HEADER_BYTES } from '../map/pmtiles-archive.ts';
import type { DataIssue, Site } from '../schema/index.ts';

type Wmts = NonNullable<Site['map']['wmts']>;

/** A file of data/basemap/ that the build copies to `url`. */
export type BaseMapFile = { source: string; url: string; bytes: number };

export type PublishedBaseMap =
  | { kind: 'tianditu' }
  | { kind: 'wmts'; wmts: Wmts }
  | { kind: 'pmtiles'; archive: BaseMapFile; style: BaseMapFile; attribution: string; reviewNo?: string | undefined }
  | { kind: 'offline'; reason?: string };

/** Where data/basemap/<name> is published. */
export const basemapUrl = (name: string): string => `/basemap/${name}`;

/** The one vector source a base-map style must have, or the problem with it. */
export function checkBaseMapStyle(style: unknown): { ok: true; source: string } | { ok: false; reason: string } {
  if (typeof style !== 'object' || style === null) return { ok: false, reason: '不是样式对象' };
  const errors = validateStyleMin(style as Parameters<typeof validateStyleMin>[0]);
  if (errors.length > 0) return { ok: false, reason: errors.slice(0, 3).map((e) => e.message).join('；') };
  const sources = Object.entries((style as { sources: Record<string, { type: string }> }).sources).filter(([, s]) => s.type === 'vector');
  if (sources.length !== 1) return { ok: false, reason: `应有且只有一个矢量数据源（即该 PMTiles 文件），实际有 ${sources.length} 个` };
  return { ok: true, source: sources[0]![0] };
}

async function inspectArchive(file: string, name: string): Promise<{ ok: true; bytes: number } | { ok: false; reason: string }> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return { ok: false, reason: `底图文件 ${name} 不存在（应放在 data/basemap/ 下）` };
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(PMTILES_HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, PMTILES_HEADER_BYTES, 0);
    const bytes = head.buffer.slice(head.byteOffset, head.byteOffset + bytesRead);
    const checked = checkArchive(bytes, info.size, name);
    return checked.ok ? { ok: true, bytes: info.size } : checked;
  } finally {
    await handle.close();
  }
}

async function inspectStyle(file: string, name: string): Promise<{ ok: true; bytes: number } | { ok: false; reason: string }> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { ok: false, reason: `底图样式 ${name} 不存在（应放在 data/basemap/ 下）` };
  let style: unknown;
  try {
    style = JSON.parse(text);
  } catch {
    return { ok: false, reason: `底图样式 ${name} 不是有效的 JSON` };
  }
  const checked = checkBaseMapStyle(style);
  return checked.ok ? { ok: true, bytes: Buffer.byteLength(text) } : { ok: false, reason: `底图样式 ${name} 有误：${checked.reason}` };
}

/**
 * Resolves site.yaml's base map. `issues` gets a 提醒 (warning) for every
 * reason the chosen source cannot be published and for settings no source uses.
 */
export async function resolveBaseMap(dataDir: string, site: Site, siteFile: string, issues: DataIssue[]): Promise<PublishedBaseMap> {
  const { basemap, wmts, pmtiles } = site.map;
  const warn = (field: string, reason: string) => issues.push({ file: siteFile, field, reason, severity: 'warning' });
  const fallback = (field: string, reason: string): PublishedBaseMap => {
    warn(field, `${reason}：地图将显示示意底图`);
    return { kind: 'offline', reason };
  };
  if (wmts && basemap !== 'wmts') warn('map.wmts', `已填写 map.wmts，但 map.basemap 是 ${basemap}：WMTS 设置未使用`);
  if (pmtiles && basemap !== 'pmtiles') warn('map.pmtiles', `已填写 map.pmtiles，但 map.basemap 是 ${basemap}：PMTiles 设置未使用`);

  switch (basemap) {
    case 'tianditu':
      return { kind: 'tianditu' };
    case 'offline':
      return { kind: 'offline' };
    case 'wmts':
      return wmts ? { kind: 'wmts', wmts } : fallback('map.wmts', '站点配置选择了 WMTS 底图，但没有填写 map.wmts');
    case 'pmtiles': {
      if (!pmtiles) return fallback('map.pmtiles', '站点配置选择了 PMTiles 底图，但没有填写 map.pmtiles');
      const dir = path.join(dataDir, 'basemap');
      const archive = await inspectArchive(path.join(dir, pmtiles.archive), pmtiles.archive);
      if (!archive.ok) return fallback('map.pmtiles.archive', archive.reason);
      const style = await inspectStyle(path.join(dir, pmtiles.style), pmtiles.style);
      if (!style.ok) return fallback('map.pmtiles.style', style.reason);
      return {
        kind: 'pmtiles',
        archive: { source: path.join(dir, pmtiles.archive), url: basemapUrl(pmtiles.archive), bytes: archive.bytes },
        style: { source: path.join(dir, pmtiles.style), url: basemapUrl(pmtiles.style), bytes: style.bytes },
        attribution: pmtiles.attribution,
        reviewNo: pmtiles.reviewNo,
      };
    }
  }
}

/** Copies the published base map's files into the client directory (none unless it is a PMTiles map); returns how many. */
export async function copyBaseMapFiles(basemap: PublishedBaseMap, clientDir: string): Promise<number> {
  if (basemap.kind !== 'pmtiles') return 0;
  const files = [basemap.archive, basemap.style];
  for (const f of files) {
    const target = path.join(clientDir, ...f.url.split('/').filter(Boolean));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(f.source, target);
  }
  return files.length;
}
