/// <reference types="astro/client" />

declare module 'virtual:geoportal/build-data' {
  import type { Site } from './schema/index.ts';
  import type { GoneRecord } from './data/published.ts';
  import type { MapSiteSettings } from './map/runtime-config.ts';
  /** The site identity, validated at build time. */
  export const site: Site;
  /** Withdrawn records: their paths answer 410 with the reason. */
  export const gone: GoneRecord[];
  /** What /config/map.json takes from site.yaml (map extent and matrix set, Tianditu attribution). */
  export const mapSite: MapSiteSettings;
  /** Published notices that take opinions, by id, with their window (POST /submit/opinion). */
  export const opinionNotices: Record<string, import('./submissions/handle.ts').OpinionNotice>;
  /** Years data/holidays.yaml adds to the holiday calendar (the reply date of an application). */
  export const holidayYears: import('./lib/workdays.ts').HolidayYear[];
  /** A preview build (GEOPORTAL_PREVIEW=1, src/lib/preview-build.ts): every page carries the 预览 banner. */
  export const preview: boolean;
}

/**
 * FlexSearch's `compact` build (10.7 KB gzip against 17.5 KB for the full
 * bundle): Index, Document and import, no workers or persistence. The
 * package's exports map hides it, so astro.config.mjs and vitest.config.ts
 * alias this name to the file.
 */
declare module 'flexsearch-compact' {
  export { Index } from 'flexsearch';
}
