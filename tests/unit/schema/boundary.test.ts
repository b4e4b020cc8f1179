import { describe, expect, it } from 'vitest';
import { boundaryCollection, boundaryFeature } from '../../../src/schema/boundary.ts';
import { expectIssue, expectIssueAt, FILES, fixture } from './helpers.ts';

const boundaries = fixture(FILES.boundaries);
const longsha = () => structuredClone(boundaries.features[0]);

describe('boundaryCollection', () => {
  it('parses the fixture districts: 16 区县 of 齐齐哈尔', () => {
    const parsed = boundaryCollection.parse(boundaries);
    expect(parsed.features).toHaveLength(16);
    expect(parsed.features.map((f) => f.properties.name)).toContain('龙沙区');
    expect(parsed.features.every((f) => f.properties.code.startsWith('2302'))).toBe(true);
  });
  it('rejects an empty collection and a foreign datum', () => {
    expectIssue(boundaryCollection, { ...boundaries, features: [] }, 'features', /至少需要一个行政区/);
    expectIssueAt(boundaryCollection, { ...boundaries, metadata: { ...boundaries.metadata, datum: 'GCJ-02' } }, 'metadata.datum');
  });
});

describe('boundaryFeature', () => {
  it('accepts a single district', () => {
    expect(boundaryFeature.safeParse(longsha()).success).toBe(true);
  });
  it('rejects a point as a district boundary', () => {
    const f = longsha();
    f.geometry = { type: 'Point', coordinates: [123.95, 47.31] };
    expectIssue(boundaryFeature, f, 'geometry', /行政区边界应为 Polygon 或 MultiPolygon/);
  });
  it('rejects a 5-digit code and an unknown level', () => {
    const f = longsha();
    f.properties.code = '23020';
    f.properties.level = '乡镇';
    expectIssue(boundaryFeature, f, 'properties.code', /应为 6 位行政区划代码/);
    expectIssueAt(boundaryFeature, f, 'properties.level');
  });
});
