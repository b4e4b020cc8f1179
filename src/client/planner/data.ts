/**
 * What the planner page hands its script: the red sites as planner fields
 * (src/planner/site.ts plannerSiteFromRedSite, at build time) with their page
 * URL and district, the city's box for start and end points, and where the
 * holiday document is. Written by src/pages/planner/index.astro into a JSON
 * script element; the browser checks every site again through plannerSite,
 * so a bad record is skipped and named rather than breaking the page.
 */
import type { Extent } from '../../planner/extent.ts';
import { plannerSites, type PlannerSiteFields } from '../../planner/site.ts';
import type { PlannerSite } from '../../planner/types.ts';

export interface CatalogueSite extends PlannerSiteFields {
  url: string;
  district: string;
}

export interface PlannerPageData {
  sites: CatalogueSite[];
  /** site.yaml map.homeExtent: start and end points must lie inside it. */
  extent: Extent;
  /** The bureau's name, as the exports' creator. */
  creator: string;
  holidaysUrl: string;
}

export interface Catalogue {
  sites: Map<string, PlannerSite>;
  /** Page URL and district per site id, for links and lists. */
  info: Map<string, { url: string; district: string }>;
  problems: { id: string; errors: string[] }[];
}

export function catalogueOf(data: PlannerPageData): Catalogue {
  const { sites, problems } = plannerSites(data.sites);
  const info = new Map(data.sites.filter((s) => sites.has(s.id)).map((s) => [s.id, { url: s.url, district: s.district }]));
  return { sites, info, problems };
}
