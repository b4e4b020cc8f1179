/**
 * The blocks the pre-check tests against, written at build time from the
 * published view (src/pages/overlay/blocks.geojson.ts): every published
 * mining notice's block (its 拐点 table as a polygon, else its polygon
 * geometry) and every land parcel with a polygon. A superseded notice is
 * left out: its replacement carries the block. A block published by several
 * notices (出让公告, then 成交公示) is listed once, from the newest notice.
 */
import type { PublishedView } from '../data/published.ts';
import { cornersPolygon } from '../lib/mining-corners.ts';
import { urls } from '../lib/urls.ts';
import type { AreaGeometry, BlockCollection, BlockFeature } from './types.ts';

const areaOf = (g: PublishedView['notices'][number]['geometry']): AreaGeometry | undefined => (g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? (g as AreaGeometry) : undefined);

/** From the published view's notices (newest first); its status rule says which are superseded. */
export function overlayBlocks(view: Pick<PublishedView, 'notices' | 'statusRule'>): BlockCollection {
  const features: BlockFeature[] = [];
  const seen = new Set<string>();
  for (const n of view.notices) {
    if (view.statusRule(n).superseded) continue;
    const base = { title: n.title, ...(n.docNo ? { docNo: n.docNo } : {}), url: urls.notice(n) };
    if (n.kind === 'mining') {
      const geometry = (n.corners && cornersPolygon(n.corners)) || areaOf(n.geometry);
      const right = n.rights[0];
      if (!geometry || !right) continue;
      const key = `mining:${right.licenseNo ?? right.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = n.rights.map((r) => r.name).join('、');
      features.push({
        type: 'Feature', id: `${n.id}`, geometry,
        properties: { kind: 'mining', name, detail: n.rights.map((r) => `${r.type}（${r.mineral}）`).join('、'), ...base, ...(right.licenseNo ? { code: right.licenseNo } : {}) },
      });
    } else if (n.kind === 'land') {
      n.parcels.forEach((p, i) => {
        const geometry = areaOf(p.geometry);
        const key = `parcel:${p.code}`;
        if (!geometry || seen.has(key)) return;
        seen.add(key);
        features.push({
          type: 'Feature', id: `${n.id}-${i + 1}`, geometry,
          properties: { kind: 'parcel', name: p.code, detail: p.use, ...base, ...(p.cadastralCode ? { code: p.cadastralCode } : {}) },
        });
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
