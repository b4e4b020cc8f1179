/**
 * The map collections: each becomes /geo/<name>.geojson and a layer in the
 * map's HTML list. One definition serves the GeoJSON endpoint, the list
 * alternative and (later) the map module's layer configs.
 */
import type { PublishedView } from '../data/published.ts';
import type { StatusRule } from '../data/status.ts';
import { decisionCategories, noticeKindNames, noticeKinds, noticeSubKinds, redSiteCategories, type EnforcementRecord, type NoticeKind, type RedSite } from '../schema/index.ts';
import type { LayerCategory, ThematicLayerConfig } from '../map/types.ts';
import type { Feature } from './geojson.ts';
import { routeLineFeature, routePlan } from './red-route.ts';
import { urls } from './urls.ts';
import { LAND_PRICE_LAYERS, ZONING_LAYER, landPriceFeature, zoneLayers, zoningFeature } from './zones.ts';

export type MapCollection = {
  name: string;
  title: string;
  features: Feature[];
  /** The paged HTML list of the collection's records (none for the districts). */
  listUrl?: string;
};

/** A red site as a GeoJSON Feature (its display point). */
export function redSiteFeature(s: RedSite): Feature {
  return {
    type: 'Feature',
    id: s.id,
    geometry: s.location,
    properties: { title: s.name, category: s.categories[0], categories: s.categories, district: s.district, url: urls.redSite(s), sample: s.sample },
  };
}

/** A published enforcement record at its generalised location, if it has one. */
export function enforcementFeature(r: EnforcementRecord, rule: StatusRule): Feature | undefined {
  if (!r.location) return undefined;
  return {
    type: 'Feature',
    id: r.id,
    geometry: r.location,
    properties: { title: r.title, stage: r.stage, category: r.category, district: r.district, state: rule.superseded ? 'superseded' : 'active', url: urls.enforcementRecord(r), sample: r.sample },
  };
}

/** Map layer ids (docs/permalink.md `l=` and `f=`): one per notice kind, the red sites and routes, enforcement. */
export const noticeCollectionName = (kind: NoticeKind) => `notices-${kind}`;
export const RED_SITES_LAYER = 'red-sites';
export const RED_ROUTES_LAYER = 'red-routes';
export const ENFORCEMENT_LAYER = 'enforcement';

/** The districts as map features (the `districts` collection, /geo/districts.geojson and the files drawn from it). */
export function districtFeatures(data: PublishedView): Feature[] {
  return data.boundaries.features.map((f) => ({
    type: 'Feature',
    id: f.properties.code,
    geometry: f.geometry,
    properties: { title: f.properties.name, code: f.properties.code, level: f.properties.level, labelPoint: f.properties.labelPoint },
  }));
}

/** The map collections of the published view. */
export function mapCollections(data: PublishedView): MapCollection[] {
  const redSites = data.redSites.map(redSiteFeature);
  const redRoutes = data.redRoutes.map((r) => routeLineFeature(routePlan(r, data.routeSites(r))));
  const notices = (kind: NoticeKind): Feature[] => data.noticesByKind[kind].flatMap((n) => data.noticeFeatureOf(n) ?? []);
  const enforcement = data.enforcementListed.flatMap((r) => enforcementFeature(r, data.statusRule(r)) ?? []);
  return [
    { name: RED_SITES_LAYER, title: '红色资源点', features: redSites, listUrl: urls.red },
    { name: RED_ROUTES_LAYER, title: '研学线路', features: redRoutes, listUrl: urls.red },
    ...noticeKinds.map((kind) => ({ name: noticeCollectionName(kind), title: noticeKindNames[kind], features: notices(kind), listUrl: urls.noticeKind(kind) })),
    { name: ENFORCEMENT_LAYER, title: '执法决定', features: enforcement, listUrl: urls.enforcementDecisions },
    ...(['国有建设用地', '集体建设用地'] as const).map((t) => ({ name: LAND_PRICE_LAYERS[t], title: `基准地价（${t}）`, features: data.landPriceZones.filter((z) => z.landType === t).map(landPriceFeature), listUrl: urls.landPrice })),
    { name: ZONING_LAYER, title: '控制性详细规划', features: data.zoningZones.map(zoningFeature), listUrl: urls.zoning },
    { name: 'districts', title: '行政区划（示意）', features: districtFeatures(data) },
  ];
}

/**
 * Colours of map categories: distinct at a glance, each with at least 3:1
 * contrast against the light base maps (WCAG 1.4.11), and readable as the
 * legend swatch next to its label.
 */
const PALETTE = ['#b3261e', '#1f5fae', '#2e7d32', '#8e44ad', '#c05a00', '#00796b', '#5d4037', '#ad1457'];

function categoriesOf(values: readonly string[]): LayerCategory[] {
  return values.map((value, i) => ({ value, label: value, color: PALETTE[i % PALETTE.length]! }));
}

const geo = (name: string) => `/geo/${name}.geojson`;

/** The red sites, clustered, coloured by their first category. */
export const redSitesLayer = (): ThematicLayerConfig => ({
  id: RED_SITES_LAYER, title: '红色资源点', url: geo(RED_SITES_LAYER), cluster: true,
  categoryProperty: 'category', categories: categoriesOf(redSiteCategories), defaultColor: '#b3261e', visible: true,
});

/** The study routes as lines, one colour (and legend entry) per route. */
export const redRoutesLayer = (routes: readonly { id: string; name: string }[], visible = true): ThematicLayerConfig => ({
  id: RED_ROUTES_LAYER, title: '研学线路', url: geo(RED_ROUTES_LAYER), cluster: false,
  categoryProperty: 'route', categories: routes.map((r, i) => ({ value: r.id, label: r.name, color: PALETTE[(i + 1) % PALETTE.length]! })), defaultColor: '#1f5fae', visible,
});

/** The thematic layers the map pages offer, in legend order. */
export function thematicLayers(routes: readonly { id: string; name: string }[] = [], zones?: Pick<PublishedView, 'landPriceZones' | 'zoningZones'>): ThematicLayerConfig[] {
  return [
    redSitesLayer(),
    ...(routes.length > 0 ? [redRoutesLayer(routes, false)] : []),
    ...noticeKinds.map((kind, i) => ({
      id: noticeCollectionName(kind), title: noticeKindNames[kind], url: geo(noticeCollectionName(kind)), cluster: false,
      categoryProperty: 'subKind', categories: categoriesOf(noticeSubKinds[kind]), defaultColor: PALETTE[i + 1]!, visible: kind === 'planning' || kind === 'land',
    })),
    {
      // The located 事后公开 decisions (事前公开 records rarely have a place), by category as the decision lists filter them.
      id: ENFORCEMENT_LAYER, title: '执法决定', url: geo(ENFORCEMENT_LAYER), cluster: true,
      categoryProperty: 'category', categories: categoriesOf(decisionCategories), defaultColor: '#5d4037', visible: false,
    },
    // Zone layers (src/lib/zones.ts), off by default: areas under the points.
    ...(zones ? zoneLayers(zones.landPriceZones, zones.zoningZones) : []),
  ];
}
