/**
 * The submission routes' context in a running server: the process's store
 * (src/store/index.ts), the form-token key from the environment, the site's
 * origins, and from the build's published data (virtual:geoportal/build-data,
 * passed in by the pages) the notices that take opinions, the holiday
 * calendar and the retention. Made once per build.
 */
import { WorkingDayCalendar, type HolidayYear } from '../lib/workdays.ts';
import type { Site } from '../schema/index.ts';
import { REQUEST_TIME_ROUTES } from '../server/routes.ts';
import { submissionStore } from '../store/index.ts';
import { formKey } from './form-token.ts';
import type { OpinionNotice, SubmissionContext } from './handle.ts';

export const SUBMIT_PATHS = { opinion: '/submit/opinion', application: '/submit/application', token: '/submit/token.json' } as const;

export interface BuildData {
  site: Site;
  opinionNotices: Record<string, OpinionNotice>;
  holidayYears: readonly HolidayYear[];
}

/** The origins a form post may come from: the request's own, the canonical site, SITE_URL. */
export function siteOrigins(site: Pick<Site, 'domain'>, requestUrl: URL, env: Record<string, string | undefined>): string[] {
  const origins = new Set([requestUrl.origin.toLowerCase(), `https://${site.domain}`.toLowerCase()]);
  const siteUrl = env['SITE_URL']?.trim();
  if (siteUrl && URL.canParse(siteUrl)) origins.add(new URL(siteUrl).origin.toLowerCase());
  return [...origins];
}

const contexts = new WeakMap<BuildData['opinionNotices'], Omit<SubmissionContext, 'origins' | 'maxBodyBytes'>>();

export function submissionContext(build: BuildData, kind: 'opinion' | 'application', requestUrl: URL, env: Record<string, string | undefined> = process.env): SubmissionContext {
  let base = contexts.get(build.opinionNotices);
  if (!base) {
    base = {
      store: submissionStore,
      key: formKey(env),
      opinionNotices: build.opinionNotices,
      calendar: new WorkingDayCalendar(build.holidayYears),
      retention: build.site.submissions.retention,
    };
    contexts.set(build.opinionNotices, base);
  }
  return { ...base, origins: siteOrigins(build.site, requestUrl, env), maxBodyBytes: REQUEST_TIME_ROUTES[SUBMIT_PATHS[kind]]!.limits.maxBodyBytes };
}
