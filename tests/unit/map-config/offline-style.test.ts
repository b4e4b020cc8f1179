import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { mapCollections } from '../../../src/lib/collections.ts';
import {
  checkOfflineStyle,
  DISTRICT_TINTS,
  DISTRICTS_SOURCE,
  DISTRICTS_URL,
  districtTints,
  LABELS_SOURCE,
  LABELS_URL,
  offlineStyle,
  type OfflineStyle,
} from '../../../src/map/offline-style.ts';
import { GET } from '../../../src/pages/map/offline-style.json.ts';

/** The style as /map/offline-style.json serves it (built from data/). */
async function served(): Promise<OfflineStyle> {
  const res = await GET({} as APIContext);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return (await res.json()) as OfflineStyle;
}

async function districts() {
  const c = mapCollections(await getPublishedView()).find((x) => x.name === 'districts')!;
  return c.features.map((f) => ({ code: String(f.properties['code']), geometry: f.geometry }));
}

describe('offlineStyle', () => {
  for (const [name, style] of [
    ['default options', () => Promise.resolve(offlineStyle())],
    ['the served document', served],
  ] as const) {
    it(`${name}: a valid style v8 (MapLibre's own validator)`, async () => {
      const s = await style();
      expect(s.version).toBe(8);
      expect(validateStyleMin(s as never)).toEqual([]);
      expect(checkOfflineStyle(s)).toEqual([]);
    });

    it(`${name}: draws only the district sources, nothing fetched from elsewhere`, async () => {
      const s = await style();
      expect(s.sources).toEqual({ [DISTRICTS_SOURCE]: { type: 'geojson', data: DISTRICTS_URL }, [LABELS_SOURCE]: { type: 'geojson', data: LABELS_URL } });
      expect(s).not.toHaveProperty('sprite');
      expect(s).not.toHaveProperty('glyphs');
      expect(JSON.stringify(s)).not.toMatch(/https?:|\/\//);
      const ids = s.layers.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const l of s.layers) {
        if (l.type === 'background') expect(l.source).toBeUndefined();
        else expect([DISTRICTS_SOURCE, LABELS_SOURCE], l.id).toContain(l.source);
        expect(l, 'no minzoom/maxzoom (ol-mapbox-style converts them with 3857 resolutions)').not.toHaveProperty('minzoom');
        expect(l).not.toHaveProperty('maxzoom');
      }
      expect(s.layers.map((l) => `${l.type}:${l.source ?? ''}`)).toEqual(['background:', 'fill:districts', 'line:districts', 'symbol:district-labels']);
    });

    it(`${name}: light background, labels from 'name' with CJK fonts, 示意底图 metadata`, async () => {
      const s = await style();
      expect(s.layers[0]!.paint!['background-color']).toBe('#f2efe9');
      const label = s.layers.find((l) => l.type === 'symbol')!;
      expect(label.layout!['text-field']).toEqual(['get', 'name']);
      expect(label.layout!['text-font']).toContain('Noto Sans CJK SC Regular');
      expect(s.metadata).toEqual({ 'geoportal:offline': true, 'geoportal:label': '示意底图' });
    });
  }

  it('the served tint covers every district, and neighbours get different tints', async () => {
    const s = await served();
    const d = await districts();
    const fill = s.layers.find((l) => l.id === 'district-fill')!.paint!['fill-color'] as unknown[];
    expect(fill[0]).toBe('match');
    const listed = fill.slice(2, -1).filter((_, i) => i % 2 === 0).flat();
    expect(new Set(listed)).toEqual(new Set(d.map((x) => x.code)));
    for (const colour of fill.slice(3, -1).filter((_, i) => i % 2 === 0)) expect(DISTRICT_TINTS).toContain(colour);

    const tints = districtTints(d);
    // 龙沙区 borders 建华区, 铁锋区, 昂昂溪区 and 梅里斯达斡尔族区 (shared boundary vertices).
    for (const n of ['230203', '230204', '230205', '230208']) expect(tints[n]).not.toBe(tints['230202']);
  });

  it('districtTints: two squares sharing an edge differ; disjoint ones may share', () => {
    const square = (x: number) => ({ coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
    const t = districtTints([
      { code: 'a', geometry: square(0) },
      { code: 'b', geometry: square(1) },
      { code: 'c', geometry: square(5) },
    ]);
    expect(t['a']).not.toBe(t['b']);
    expect(t['c']).toBe(0);
    // A palette of one: everything gets index 0.
    expect(Object.values(districtTints([{ code: 'a', geometry: square(0) }, { code: 'b', geometry: square(1) }], 1))).toEqual([0, 0]);
  });

  it('without tints every district gets the first tint', () => {
    expect(offlineStyle().layers.find((l) => l.id === 'district-fill')!.paint!['fill-color']).toBe(DISTRICT_TINTS[0]);
  });
});

describe('checkOfflineStyle', () => {
  const good = () => JSON.parse(JSON.stringify(offlineStyle())) as Record<string, unknown> & OfflineStyle;
  it('names what is wrong, in Chinese', () => {
    expect(checkOfflineStyle(null)).toEqual(['不是 JSON 对象']);
    expect(checkOfflineStyle([])).toEqual(['不是 JSON 对象']);
    expect(checkOfflineStyle({ ...good(), version: 7 })).toEqual(['version 应为 8']);
    expect(checkOfflineStyle({ ...good(), metadata: {} })[0]).toMatch(/不是本站的示意底图样式/);
    expect(checkOfflineStyle({ ...good(), layers: [] })).toEqual(['缺少 layers']);
    const s1 = good();
    s1.layers[1]!.source = 'elsewhere';
    expect(checkOfflineStyle(s1)).toEqual(['图层 district-fill 引用了不存在的数据源 elsewhere']);
    const s2 = good() as unknown as { sources: Record<string, unknown> };
    s2.sources['tiles'] = { type: 'raster', tiles: ['https://example.invalid/{z}/{x}/{y}.png'] };
    expect(checkOfflineStyle(s2)).toEqual(['数据源 tiles 应为 geojson 类型并给出数据地址']);
    const s3 = good();
    (s3.layers[2] as { type: string }).type = 'raster';
    expect(checkOfflineStyle(s3)[0]).toMatch(/类型 raster 不受支持/);
    const s4 = good();
    s4.layers.push({ ...s4.layers[1]! });
    expect(checkOfflineStyle(s4)).toEqual(['图层 district-fill 重复']);
  });
});
