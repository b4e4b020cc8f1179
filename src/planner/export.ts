/**
 * Exports of an itinerary (./itinerary.ts): GPX 1.1 for navigation apps and
 * GPS units, KML 2.2 for 奥维互动地图 and Google Earth, GeoJSON (RFC 7946)
 * for GIS. Each carries the points with their times and Chinese names, and
 * the legs' lines (the road geometry where routing gave one). Coordinates
 * are CGCS2000 degrees, which these formats take as WGS84 (they differ by
 * centimetres; Tianditu has no GCJ-02 offset).
 */
import { element, escapeXml } from './xml.ts';
import { planInstant, type Itinerary, type ItineraryPoint } from './itinerary.ts';
import type { LonLat } from './types.ts';

export interface ExportOptions {
  /** Who made the file (GPX creator, KML author): the bureau's name. */
  creator?: string;
}

const deg = (v: number): string => String(Math.round(v * 1e6) / 1e6 || 0);
const pointLabel = (p: ItineraryPoint): string => (p.kind === 'stop' ? `${p.number}. ${p.name}` : p.kind === 'start' ? `出发：${p.name}` : `终点：${p.name}`);
const pointTime = (it: Itinerary, p: ItineraryPoint): string | undefined => {
  const minutes = p.arrival ?? p.departure;
  return it.date && minutes !== undefined ? planInstant(it.date, minutes) : undefined;
};

export const GPX_MIME = 'application/gpx+xml';
export const KML_MIME = 'application/vnd.google-earth.kml+xml';
export const GEOJSON_MIME = 'application/geo+json';

export function toGpx(it: Itinerary, o: ExportOptions = {}): string {
  const at = (p: LonLat) => `lat="${deg(p[1])}" lon="${deg(p[0])}"`;
  const wpts = it.points.map((p) => `  <wpt ${at(p.lonLat)}>${element('time', pointTime(it, p))}${element('name', pointLabel(p))}${element('desc', p.description)}${element('type', p.kind)}</wpt>`);
  const rte = it.points.map((p) => `    <rtept ${at(p.lonLat)}>${element('name', pointLabel(p))}</rtept>`);
  const segs = it.legs.map((l) => `    <trkseg>\n${l.line.map((c) => `      <trkpt ${at(c)}/>`).join('\n')}\n    </trkseg>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx version="1.1" creator="${escapeXml(o.creator ?? '研学行程规划')}" xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">`,
    `  <metadata>${element('name', it.title)}${element('desc', it.summary)}</metadata>`,
    ...wpts,
    `  <rte>${element('name', it.title)}`,
    ...rte,
    '  </rte>',
    `  <trk>${element('name', it.title)}${element('desc', it.legs.map((l) => `第 ${l.number} 段 ${l.fromName} → ${l.toName}：${l.description}`).join('；'))}`,
    ...segs,
    '  </trk>',
    '</gpx>',
    '',
  ].join('\n');
}

export function toKml(it: Itinerary, o: ExportOptions = {}): string {
  const coords = (line: readonly LonLat[]) => line.map((c) => `${deg(c[0])},${deg(c[1])}`).join(' ');
  const points = it.points.map((p) => {
    const when = pointTime(it, p);
    return `    <Placemark>${element('name', pointLabel(p))}${element('description', p.description)}${when ? `<TimeStamp><when>${when}</when></TimeStamp>` : ''}<Point><coordinates>${coords([p.lonLat])}</coordinates></Point></Placemark>`;
  });
  const legs = it.legs.map(
    (l) => `    <Placemark>${element('name', `第 ${l.number} 段：${l.fromName} → ${l.toName}`)}${element('description', l.description)}<LineString><tessellate>1</tessellate><coordinates>${coords(l.line)}</coordinates></LineString></Placemark>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">',
    `  <Document>${element('name', it.title)}<atom:author>${element('atom:name', o.creator ?? '研学行程规划')}</atom:author>${element('description', it.summary)}`,
    ...points,
    ...legs,
    '  </Document>',
    '</kml>',
    '',
  ].join('\n');
}

export function toGeoJson(it: Itinerary): string {
  const pos = (c: LonLat): [number, number] => [Number(deg(c[0])), Number(deg(c[1]))];
  const features = [
    ...it.points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: pos(p.lonLat) },
      properties: {
        kind: p.kind,
        number: p.number,
        name: p.name,
        ...(p.siteId ? { siteId: p.siteId } : {}),
        ...(p.arrival !== undefined ? { arrival: pointClock(p.arrival) } : {}),
        ...(p.departure !== undefined ? { departure: pointClock(p.departure) } : {}),
        description: p.description,
      },
    })),
    ...it.legs.map((l) => ({
      type: 'Feature' as const,
      geometry: { type: 'LineString' as const, coordinates: l.line.map(pos) },
      properties: { kind: 'leg', number: l.number, from: l.fromName, to: l.toName, distanceM: Math.round(l.distanceM), minutes: l.minutes, source: l.source, label: l.label, description: l.description },
    })),
  ];
  return `${JSON.stringify({ type: 'FeatureCollection', name: it.title, description: it.summary, features }, null, 1)}\n`;
}

/** HH:MM for the GeoJSON properties (machine-readable; past midnight as 24:30). */
const pointClock = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A file name for the downloads: 研学行程-2026-06-15.gpx. */
export const exportFileName = (it: Itinerary, ext: 'gpx' | 'kml' | 'geojson'): string => `研学行程${it.date ? `-${it.date}` : ''}.${ext}`;
