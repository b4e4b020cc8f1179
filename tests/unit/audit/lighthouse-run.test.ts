import { describe, expect, it } from 'vitest';
import { CHROME_FLAGS, LIGHTHOUSE_SETTINGS, lighthouseProblems, medianRun, type LighthousePage } from '../../../scripts/lib/lighthouse-run.ts';

const run = (scores: Partial<LighthousePage['scores']>, extra: Partial<LighthousePage> = {}): LighthousePage => ({
  name: 'home',
  url: 'http://127.0.0.1:1/',
  scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100, ...scores },
  failing: {},
  offsite: [],
  reportHtml: 'home.html',
  runs: 1,
  ...extra,
});

describe('the Lighthouse gate', () => {
  it('passes performance and accessibility at 95 and above, whatever best practices and SEO say', () => {
    expect(lighthouseProblems([run({ performance: 95, accessibility: 95, 'best-practices': 70, seo: 80 })])).toEqual([]);
  });
  it('fails a score below 95, a missing score, an off-site request and a runtime error', () => {
    expect(lighthouseProblems([run({ performance: 94 })])).toEqual(['home: performance 94 < 95']);
    expect(lighthouseProblems([run({ accessibility: null })])).toEqual(['home: no accessibility score']);
    expect(lighthouseProblems([run({}, { offsite: ['https://t0.tianditu.gov.cn/x'] })])).toEqual(['home: off-site request https://t0.tianditu.gov.cn/x']);
    expect(lighthouseProblems([run({}, { runtimeError: 'NO_FCP: x' })])).toEqual(['home: Lighthouse error NO_FCP: x']);
  });
  it('scores repeated runs by their median, not their best', () => {
    const m = medianRun([run({ performance: 90 }), run({ performance: 99 }), run({ performance: 93 })]);
    expect(m.scores.performance).toBe(93);
    expect(m.runs).toBe(3);
    expect(lighthouseProblems([m])).toEqual(['home: performance 93 < 95']);
  });
});

describe('the Lighthouse settings', () => {
  it('are mobile emulation with simulated slow 4G, written out rather than left to defaults', () => {
    expect(LIGHTHOUSE_SETTINGS.formFactor).toBe('mobile');
    expect(LIGHTHOUSE_SETTINGS.screenEmulation).toEqual({ mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false });
    expect(LIGHTHOUSE_SETTINGS.throttlingMethod).toBe('simulate');
    expect(LIGHTHOUSE_SETTINGS.throttling).toMatchObject({ rttMs: 150, throughputKbps: 1638.4, cpuSlowdownMultiplier: 4 });
  });
  it('leave Chromium no host name to resolve but the server’s IP', () => {
    expect(CHROME_FLAGS).toContain('--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1');
  });
});
