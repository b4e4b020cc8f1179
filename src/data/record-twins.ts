/**
 * Every record's machine-readable twins: `<page>.json` (the record as
 * published, with its page URL) and `<page>.geojson` (its feature), for
 * notices, enforcement records, red sites and routes, 基准地价 and 控规
 * zones and parcels (URLs are a public API: docs/architecture.md).
 *
 * One list, two deliveries: a build writes these files itself, beside the
 * pages Astro renders, and compresses them while Astro is still rendering
 * (src/integrations/record-twins-writer.ts); `astro dev` serves them from
 * the same list. At 50,000 notices these are 100,000 files, and a route
 * through Astro costs each one about a millisecond of rendering machinery
 * for what is one JSON.stringify.
 */
import type { PublishedView } from './published.ts';
import { parcelDocument, parcelFeature } from './parcels.ts';
import { enforcementFeature, mapCollections, redSiteFeature } from '../lib/collections.ts';
import { ESTIMATE_LABEL, TRAVEL_MODES, clock } from '../lib/route-legs.ts';
import { routeFeatureCollection, routePlan } from '../lib/red-route.ts';
import { twinUrl, urls } from '../lib/urls.ts';
import { landPriceFeature, wanPerMu, zoningFeature } from '../lib/zones.ts';

export type TwinType = 'application/json' | 'application/geo+json';
export interface RecordTwin {
  /** URL path, e.g. /notices/land/td-2026-033.json */
  path: string;
  type: TwinType;
  /** A map collection (every map visitor downloads it, compressed hardest) rather than one record's twin. */
  shared?: boolean;
  /** For a record's twin: the record's own page (its URL path), which the build compresses as a record page. */
  page?: string;
  /** Made on demand: the writer serialises one twin at a time. */
  body: () => unknown;
}

const json = (page: string, body: () => unknown): RecordTwin => ({ path: twinUrl(page), type: 'application/json', page, body });
const geojson = (page: string, feature: unknown): RecordTwin[] => (feature ? [{ path: twinUrl(page, 'geojson'), type: 'application/geo+json', page, body: () => feature }] : []);

/**
 * The map collections, /geo/<name>.geojson (src/lib/collections.ts): written
 * first, because at brotli 11 one of 50,000 notices (10 MB) keeps a thread
 * busy for seconds, which then overlaps Astro's rendering instead of
 * trailing after it.
 */
export function* collectionFiles(view: PublishedView): Generator<RecordTwin> {
  for (const c of mapCollections(view))
    yield { path: `/geo/${c.name}.geojson`, type: 'application/geo+json', shared: true, body: () => ({ type: 'FeatureCollection', name: c.name, title: c.title, features: c.features }) };
}

/** The twins of every published record, in a stable order. */
export function* recordTwins(view: PublishedView): Generator<RecordTwin> {
  for (const n of view.notices) {
    const page = urls.notice(n);
    // The record as validated, plus its page URL; attachments with their format and size as published.
    yield json(page, () => ({ ...n, attachments: view.attachmentsOf(n.attachments), url: page }));
    yield* geojson(page, view.noticeFeatureOf(n));
  }
  for (const r of view.enforcement) {
    const page = urls.enforcementRecord(r);
    // Its display window as the page states it: 已过公示期 (expired) on the build day, when it has left the lists.
    const { window, expired } = view.enforcementDisplay(r);
    yield json(page, () => ({ ...r, attachments: view.attachmentsOf(r.attachments), url: page, ...(window ? { display: { until: window.until, basis: window.basis, expired } } : {}) }));
    yield* geojson(page, enforcementFeature(r, view.statusRule(r)));
  }
  for (const site of view.redSites) {
    const page = urls.redSite(site);
    yield json(page, () => ({ ...site, url: page }));
    yield* geojson(page, redSiteFeature(site));
  }
  for (const route of view.redRoutes) {
    const page = urls.redRoute(route);
    const plan = routePlan(route, view.routeSites(route));
    // The route record as published, with its estimated timetable (直线估算) beside it.
    yield json(page, () => {
      const t = plan.timetable;
      return {
        ...route,
        url: page,
        geojson: twinUrl(page, 'geojson'),
        estimate: {
          method: ESTIMATE_LABEL,
          roadFactor: TRAVEL_MODES[route.mode].roadFactor,
          speedKmh: TRAVEL_MODES[route.mode].kmh,
          totalMetres: Math.round(t.totalMetres),
          travelMinutes: t.travelMinutes,
          visitMinutes: t.visitMinutes,
          stops: t.stops.map((s, i) => ({ site: route.stops[i]!.site, day: s.day, arrive: clock(s.arrive), depart: clock(s.depart), legMetres: t.legs[i] ? Math.round(t.legs[i]!.metres) : null, legMinutes: t.legs[i]?.minutes ?? null })),
        },
      };
    });
    // The route's line and its stops as points, in visiting order (RFC 7946, CGCS2000 ≈ WGS84).
    yield* geojson(page, routeFeatureCollection(plan));
  }
  for (const zone of view.landPriceZones) {
    const page = urls.landPriceZone(zone);
    // 万元/亩 is always present in the twin (as printed, else converted), so readers need not convert.
    yield json(page, () => ({ ...zone, prices: zone.prices.map((p) => ({ ...p, wanPerMu: wanPerMu(p) })), url: page }));
    yield* geojson(page, landPriceFeature(zone));
  }
  for (const zone of view.zoningZones) {
    const page = urls.zoningZone(zone);
    // The 批前公示 are resolved to their pages, so a reader of the twin can follow them.
    yield json(page, () => ({ ...zone, preApprovalNoticeLinks: view.preApprovalNoticesOf(zone).map((n) => ({ id: n.id, title: n.title, url: urls.notice(n) })), url: page }));
    yield* geojson(page, zoningFeature(zone));
  }
  for (const p of view.parcels) {
    const page = urls.parcel(p);
    yield json(page, () => parcelDocument(p, view.statusRule));
    yield* geojson(page, parcelFeature(p));
  }
}

/** The bytes of a twin, exactly as served. */
export function twinBytes(twin: RecordTwin): Buffer {
  return Buffer.from(JSON.stringify(twin.body()), 'utf8');
}
