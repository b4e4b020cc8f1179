/**
 * The day the sample data in data/ is written around: its 批前公示 is still
 * taking opinions, its land notices are in their periods, its reports are due.
 * The test suite runs the build, the server, the scripts and the browser on
 * this day (GEOPORTAL_TODAY, src/lib/dates.ts), so the tests say the same thing
 * next month. Move it, and the sample dates, together.
 */
export const SAMPLE_DAY = '2026-12-01';

/** GEOPORTAL_TODAY as the tests use it: the caller's own, else the sample day. */
export const testDay = (): string => process.env['GEOPORTAL_TODAY'] || SAMPLE_DAY;
