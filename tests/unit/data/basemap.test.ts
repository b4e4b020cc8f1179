/**
 * The base map the site publishes (src/data/basemap.ts): a PMTiles archive
 * and style under data/basemap/ are checked and published, and every reason
 * the chosen source cannot be used publishes the 示意底图 with that reason
 * and a 提醒 for the bureau, never a failed build.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyBaseMapFiles } from '../../../src/data/basemap.ts';
import { loadDataset } from '../../../src/data/load.ts';
import { writePmtiles } from '../../lib/pmtiles-writer.ts';
import { edit, fixtureCopies, SITE } from './fixture-copies.ts';

const { copy } = fixtureCopies('basemap');
const districts = JSON.parse(readFileSync('data/boundaries/districts.geojson', 'utf8'));
const ARCHIVE = writePmtiles({ layers: { districts }, minZoom: 5, maxZoom: 7, bounds: [122.3, 45.9, 126.7, 48.9] });
const STYLE = { version: 8, sources: { city: { type: 'vector', url: 'pmtiles://qqhr.pmtiles' } }, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f1ea' } }, { id: 'd', type: 'line', source: 'city', 'source-layer': 'districts' }] };

const PMTILES_SETTINGS = `  basemap: pmtiles
  pmtiles:
    archive: qqhr.pmtiles
    style: qqhr-style.json
    attribution: 齐齐哈尔市自然资源和规划局（示例）
`;

function withBaseMap(settings: string, files: { archive?: Buffer; style?: string } = {}) {
  return copy((d) => {
    edit(d, SITE, (t) => t.replace(/^map:\n/m, `map:\n${settings}`));
    mkdirSync(path.join(d, 'basemap'), { recursive: true });
    if (files.archive) writeFileSync(path.join(d, 'basemap/qqhr.pmtiles'), files.archive);
    if (files.style !== undefined) writeFileSync(path.join(d, 'basemap/qqhr-style.json'), files.style);
  });
}
const load = async (dir: string) => {
  const { dataset, issues } = await loadDataset(dir);
  return { basemap: dataset?.basemap, warnings: issues.filter((i) => i.severity === 'warning').map((i) => `${i.field}: ${i.reason}`), errors: issues.filter((i) => i.severity === 'error') };
};

describe('the published base map', () => {
  it('defaults to 天地图', async () => {
    expect((await load(copy())).basemap).toEqual({ kind: 'tianditu' });
  });
  it('publishes a PMTiles archive and its style, and the build copies both to /basemap/', async () => {
    const dir = withBaseMap(PMTILES_SETTINGS, { archive: ARCHIVE, style: JSON.stringify(STYLE) });
    const { basemap, warnings, errors } = await load(dir);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(basemap).toMatchObject({ kind: 'pmtiles', archive: { url: '/basemap/qqhr.pmtiles', bytes: ARCHIVE.length }, style: { url: '/basemap/qqhr-style.json' }, attribution: '齐齐哈尔市自然资源和规划局（示例）' });
    const client = path.join(dir, 'client-out');
    expect(await copyBaseMapFiles(basemap!, client)).toBe(2);
    expect(readFileSync(path.join(client, 'basemap/qqhr.pmtiles'))).toEqual(ARCHIVE);
    expect(existsSync(path.join(client, 'basemap/qqhr-style.json'))).toBe(true);
  });
  it('a source without its settings → the 示意底图 with the reason, and a 提醒', async () => {
    const { basemap, warnings, errors } = await load(withBaseMap('  basemap: wmts\n'));
    expect(errors).toEqual([]);
    expect(basemap).toEqual({ kind: 'offline', reason: '站点配置选择了 WMTS 底图，但没有填写 map.wmts' });
    expect(warnings).toEqual(['map.wmts: 站点配置选择了 WMTS 底图，但没有填写 map.wmts：地图将显示示意底图']);
    expect((await load(withBaseMap('  basemap: pmtiles\n'))).basemap).toEqual({ kind: 'offline', reason: '站点配置选择了 PMTiles 底图，但没有填写 map.pmtiles' });
  });
  it('a missing or truncated archive, or a broken style → the 示意底图 with the reason', async () => {
    const missing = await load(withBaseMap(PMTILES_SETTINGS, { style: JSON.stringify(STYLE) }));
    expect(missing.basemap).toEqual({ kind: 'offline', reason: '底图文件 qqhr.pmtiles 不存在（应放在 data/basemap/ 下）' });
    expect(missing.warnings[0]).toMatch(/^map\.pmtiles\.archive: /);
    const truncated = await load(withBaseMap(PMTILES_SETTINGS, { archive: ARCHIVE.subarray(0, ARCHIVE.length - 200), style: JSON.stringify(STYLE) }));
    expect(truncated.basemap).toMatchObject({ kind: 'offline', reason: expect.stringMatching(/^底图文件 qqhr\.pmtiles 不完整/) });
    const notJson = await load(withBaseMap(PMTILES_SETTINGS, { archive: ARCHIVE, style: '{ nope' }));
    expect(notJson.basemap).toEqual({ kind: 'offline', reason: '底图样式 qqhr-style.json 不是有效的 JSON' });
    const twoSources = { ...STYLE, sources: { ...STYLE.sources, other: { type: 'vector', url: 'https://x.example/t.json' } } };
    const two = await load(withBaseMap(PMTILES_SETTINGS, { archive: ARCHIVE, style: JSON.stringify(twoSources) }));
    expect(two.basemap).toMatchObject({ kind: 'offline', reason: expect.stringContaining('应有且只有一个矢量数据源') });
    const badLayer = { ...STYLE, layers: [{ id: 'x', type: 'fill', source: 'nowhere', 'source-layer': 'a' }] };
    expect((await load(withBaseMap(PMTILES_SETTINGS, { archive: ARCHIVE, style: JSON.stringify(badLayer) }))).basemap).toMatchObject({ reason: expect.stringContaining('source "nowhere" not found') });
  });
  it('settings no source uses are reported; an unknown source fails the check', async () => {
    const unused = await load(withBaseMap(`  wmts:\n    capabilities: https://tdt.example.gov.cn/wmts\n    layer: vec\n    attribution: 天地图·示例\n`));
    expect(unused.basemap).toEqual({ kind: 'tianditu' });
    expect(unused.warnings).toEqual(['map.wmts: 已填写 map.wmts，但 map.basemap 是 tianditu：WMTS 设置未使用']);
    const unknown = await load(withBaseMap('  basemap: google\n'));
    expect(unknown.errors.map((e) => `${e.field}: ${e.reason}`)).toEqual(['map.basemap: 应为 tianditu、wmts、pmtiles、offline 之一']);
  });
});
