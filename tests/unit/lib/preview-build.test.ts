/**
 * The preview flag (src/lib/preview-build.ts) and the build environments that
 * set it (scripts/lib/publishing.ts buildEnv): a preview build is marked, a
 * publication never, even when the flag is left in the caller's environment.
 * The banner itself is checked on a real preview build (tests/e2e/editor.test.ts)
 * and its absence on a real publication (tests/build/publish.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildEnv } from '../../../scripts/lib/publishing.ts';
import { isPreviewBuild, PREVIEW_VARIABLE } from '../../../src/lib/preview-build.ts';

describe('the preview build flag', () => {
  it('is set by GEOPORTAL_PREVIEW=1 only', () => {
    expect(PREVIEW_VARIABLE).toBe('GEOPORTAL_PREVIEW');
    expect(isPreviewBuild({ GEOPORTAL_PREVIEW: '1' })).toBe(true);
    expect(isPreviewBuild({ GEOPORTAL_PREVIEW: ' 1\n' })).toBe(true);
    for (const value of [undefined, '', '0', 'true', 'yes']) expect(isPreviewBuild({ GEOPORTAL_PREVIEW: value })).toBe(false);
    expect(isPreviewBuild({})).toBe(false);
  });

  it('is set for a preview build and removed for a publication, whatever the caller’s environment says', () => {
    const preview = buildEnv('preview', '/data', '/out', { PATH: '/bin' });
    expect(preview).toMatchObject({ GEOPORTAL_PREVIEW: '1', GEOPORTAL_DATA_DIR: '/data', GEOPORTAL_OUT_DIR: '/out', PATH: '/bin' });
    expect(isPreviewBuild(preview)).toBe(true);
    const publish = buildEnv('publish', '/data', '/out', { PATH: '/bin', GEOPORTAL_PREVIEW: '1' });
    expect(Object.hasOwn(publish, 'GEOPORTAL_PREVIEW')).toBe(false);
    expect(isPreviewBuild(publish)).toBe(false);
    expect(publish).toMatchObject({ GEOPORTAL_DATA_DIR: '/data', GEOPORTAL_OUT_DIR: '/out', PATH: '/bin' });
  });
});
