/// <reference types="astro/client" />

declare module 'virtual:geoportal/build-data' {
  import type { Site } from './schema/index.ts';
  import type { GoneRecord } from './integrations/geoportal.ts';
  import type { MapSiteSettings } from './map/runtime-config.ts';
  /** The site identity, validated at build time. */
  export const site: Site;
  /** Withdrawn records: their paths answer 410 with the reason. */
  export const gone: GoneRecord[];
  /** What /config/map.json takes from site.yaml (map extent and matrix set, Tianditu attribution). */
  export const mapSite: MapSiteSettings;
}
