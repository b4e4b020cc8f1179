/** GeoJSON twins of records (RFC 7946: lon/lat, CGCS2000 ≈ WGS84). */
import type { Geometry, Notice } from '../schema/index.ts';
import { urls } from './urls.ts';

export type Feature = { type: 'Feature'; id: string; geometry: Geometry; properties: Record<string, unknown> };

export function noticeFeature(n: Notice & { geometry: Geometry }): Feature {
  return {
    type: 'Feature',
    id: n.id,
    geometry: n.geometry,
    properties: {
      title: n.title,
      kind: n.kind,
      subKind: n.subKind,
      docNo: n.docNo ?? null,
      district: n.district,
      publishDate: n.publishDate,
      periodStart: n.period?.start ?? null,
      periodEnd: n.period?.end ?? null,
      state: n.status.state,
      url: urls.notice(n),
      sample: n.sample,
    },
  };
}

export function jsonResponse(body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': `${contentType}; charset=utf-8` } });
}
