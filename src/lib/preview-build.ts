/**
 * A preview build: the site built from the data staff are editing, served on
 * 127.0.0.1 by `npm run preview` and the editor's 预览 button, never
 * published. Its every page carries the 预览 banner (src/layouts/BaseLayout.astro),
 * so nobody takes it for the live site.
 *
 * The preview sets GEOPORTAL_PREVIEW=1 for its build (scripts/lib/publishing.ts
 * runBuild); publishing removes it, so a value left in a shell never reaches
 * the live site. The build reads it here, once (src/integrations/geoportal.ts,
 * into virtual:geoportal/build-data `preview`), for its static and its
 * request-time pages alike.
 */
export const PREVIEW_VARIABLE = 'GEOPORTAL_PREVIEW';

/** Whether this build is a preview: GEOPORTAL_PREVIEW=1 exactly (any other value, or none, is a normal build). */
export function isPreviewBuild(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env[PREVIEW_VARIABLE]?.trim() === '1';
}
