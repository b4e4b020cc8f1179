import { describe, expect, it } from 'vitest';
import { formatArea, formatLength, geodesicArea, geodesicLength, GRS80 } from '../../../src/map/geodesy.ts';
import { SQUARE_METRES_PER_MU } from '../../../src/lib/format.ts';

// Independent references, written here from the textbook formulas.
const A = 6378137;
const F = 1 / 298.257222101; // GRS80
const B = A * (1 - F);
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** Vincenty (1975) inverse formula: geodesic distance in metres (±0.5 mm, not near-antipodal). */
function vincenty(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const L = (lon2 - lon1) * RAD;
  const U1 = Math.atan((1 - F) * Math.tan(lat1 * RAD));
  const U2 = Math.atan((1 - F) * Math.tan(lat2 * RAD));
  const sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
  let lambda = L;
  let prev: number;
  let sinSigma = 0, cosSigma = 0, sigma = 0, cos2Alpha = 0, cos2SigmaM = 0;
  let iterations = 0;
  do {
    const sinLambda = Math.sin(lambda), cosLambda = Math.cos(lambda);
    sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    cos2Alpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (F / 16) * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
    prev = lambda;
    lambda = L + (1 - C) * F * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)));
  } while (Math.abs(lambda - prev) > 1e-12 && ++iterations < 200);
  const u2 = (cos2Alpha * (A * A - B * B)) / (B * B);
  const AA = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const BB = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const dSigma = BB * sinSigma * (cos2SigmaM + (BB / 4) * (cosSigma * (-1 + 2 * cos2SigmaM ** 2) - (BB / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)));
  return B * AA * (sigma - dSigma);
}

/** Meridian arc between two latitudes: ∫ M(φ) dφ with M = a(1−e²)/(1−e² sin²φ)^{3/2}, by Simpson's rule. */
function meridianArc(lat1: number, lat2: number): number {
  const n = 1000;
  const h = ((lat2 - lat1) * RAD) / n;
  const M = (phi: number) => (A * (1 - E2)) / (1 - E2 * Math.sin(phi) ** 2) ** 1.5;
  let sum = M(lat1 * RAD) + M(lat2 * RAD);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * M(lat1 * RAD + i * h);
  return (sum * h) / 3;
}

/**
 * Area of the ellipsoidal quadrangle between two meridians and two parallels:
 * b² Δλ [ sinφ / (2(1 − e² sin²φ)) + atanh(e sinφ) / (2e) ] from φ1 to φ2.
 */
function quadrangleArea(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const q = (lat: number) => {
    const s = Math.sin(lat * RAD);
    return s / (2 * (1 - E2 * s * s)) + Math.atanh(E * s) / (2 * E);
  };
  return B * B * (lon2 - lon1) * RAD * (q(lat2) - q(lat1));
}

const QIQIHAR: [number, number] = [123.918, 47.354];
const HARBIN: [number, number] = [126.535, 45.803];

describe('geodesicLength', () => {
  it('uses GRS80 (CGCS2000), not WGS84 or a sphere', () => {
    expect(GRS80.a).toBe(6378137);
    expect(GRS80.f).toBe(1 / 298.257222101);
  });

  it('gives 1° of latitude at 45° as ≈ 111 132 m, matching the integrated meridian arc', () => {
    const s = geodesicLength([[123, 44.5], [123, 45.5]]);
    expect(Math.abs(s - 111132)).toBeLessThan(1);
    expect(Math.abs(s - meridianArc(44.5, 45.5))).toBeLessThan(0.001);
  });

  it('matches Vincenty for 齐齐哈尔 → 哈尔滨 (≈ 264 km) within a millimetre', () => {
    const s = geodesicLength([QIQIHAR, HARBIN]);
    const ref = vincenty(...QIQIHAR, ...HARBIN);
    expect(ref).toBeGreaterThan(260_000);
    expect(ref).toBeLessThan(270_000);
    expect(Math.abs(s - ref)).toBeLessThan(0.001);
  });

  it('matches Vincenty for long lines in every quadrant', () => {
    const pairs: Array<[number, number, number, number]> = [
      [123.918, 47.354, 116.391, 39.907], // 北京
      [123.918, 47.354, -73.985, 40.748],
      [-58.38, -34.6, 151.21, -33.87],
      [0.5, 0.5, -0.5, -0.5],
      [10, 80, 170, 60],
    ];
    for (const [lon1, lat1, lon2, lat2] of pairs)
      expect(Math.abs(geodesicLength([[lon1, lat1], [lon2, lat2]]) - vincenty(lon1, lat1, lon2, lat2))).toBeLessThan(0.001);
  });

  it("reproduces GeographicLib's documented Wellington → Salamanca example (near-antipodal, where Vincenty fails)", () => {
    // README of geographiclib-geodesic: WGS84 Inverse(-41.32, 174.81, 40.96, -5.50) → 19959679.267 m.
    // GRS80's flattening differs from WGS84's by 1.6e-11, i.e. well under a millimetre here.
    expect(geodesicLength([[174.81, -41.32], [-5.5, 40.96]])).toBeCloseTo(19959679.267, 2);
  });

  it('sums the segments of a polyline, and closes a ring when asked', () => {
    const line: Array<[number, number]> = [QIQIHAR, [124.5, 47.0], HARBIN];
    const segments = vincenty(...QIQIHAR, 124.5, 47.0) + vincenty(124.5, 47.0, ...HARBIN);
    expect(Math.abs(geodesicLength(line) - segments)).toBeLessThan(0.002);
    const closed = geodesicLength(line, true);
    expect(Math.abs(closed - segments - vincenty(...HARBIN, ...QIQIHAR))).toBeLessThan(0.003);
    // An explicitly closed ring is not counted twice.
    expect(geodesicLength([...line, QIQIHAR], true)).toBeCloseTo(closed, 6);
  });

  it('is 0 for fewer than two points', () => {
    expect(geodesicLength([])).toBe(0);
    expect(geodesicLength([QIQIHAR])).toBe(0);
  });
});

describe('geodesicArea', () => {
  const square: Array<[number, number]> = [[123.9, 47.3], [123.91, 47.3], [123.91, 47.31], [123.9, 47.31]];

  it('gives a 0.01° × 0.01° square near 47°N within 0.1 % of the ellipsoidal quadrangle', () => {
    const ref = quadrangleArea(123.9, 47.3, 123.91, 47.31);
    expect(ref).toBeGreaterThan(830_000); // ≈ 1112 m × 755 m
    expect(ref).toBeLessThan(850_000);
    expect(Math.abs(geodesicArea(square) / ref - 1)).toBeLessThan(0.001);
  });

  it('does not depend on orientation or on a repeated closing vertex', () => {
    const a = geodesicArea(square);
    expect(geodesicArea([...square].reverse())).toBeCloseTo(a, 6);
    expect(geodesicArea([...square, square[0]!])).toBeCloseTo(a, 6);
  });

  it('is 0 for fewer than three distinct points', () => {
    expect(geodesicArea([])).toBe(0);
    expect(geodesicArea([QIQIHAR, HARBIN])).toBe(0);
    expect(geodesicArea([QIQIHAR, HARBIN, QIQIHAR])).toBe(0);
  });
});

describe('formatLength', () => {
  it.each([
    [0, '0 米'], [0.4, '0 米'], [12.6, '13 米'], [850, '850 米'], [999.4, '999 米'],
    [999.6, '1.00 公里'], [1000, '1.00 公里'], [1234, '1.23 公里'], [1235.1, '1.24 公里'],
    [254_321, '254.32 公里'], [1_234_567, '1,234.57 公里'],
  ])('%f m → %s', (m, text) => expect(formatLength(m)).toBe(text));

  it('prints a dash for impossible values', () => {
    for (const v of [NaN, -1, Infinity]) expect(formatLength(v)).toBe('—');
  });
});

describe('formatArea', () => {
  it.each([
    [0, '0 平方米（0.00 亩）'],
    [3500, '3,500 平方米（5.25 亩）'],
    [666.6667, '667 平方米（1.00 亩）'],
    [999_999.4, '999,999 平方米（1,500.00 亩）'],
    [999_999.6, '1.00 平方公里'],
    [2_345_678, '2.35 平方公里'],
    [4_365_000_000, '4,365.00 平方公里'],
  ])('%f m² → %s', (m2, text) => expect(formatArea(m2)).toBe(text));

  it('leaves out 亩 on request', () => {
    expect(formatArea(3500, { mu: false })).toBe('3,500 平方米');
  });

  it('uses the 市亩 of 10 000 / 15 m²', () => {
    expect(SQUARE_METRES_PER_MU * 15).toBe(10000);
  });

  it('prints a dash for impossible values', () => {
    for (const v of [NaN, -1, -Infinity]) expect(formatArea(v)).toBe('—');
  });
});
