/**
 * Polygon rings as RFC 7946 wants them: simple (no edge crosses another) and
 * wound the right way (exterior counter-clockwise, holes clockwise). A
 * self-intersecting zone has no well-defined area or inside, so maps and
 * point-in-zone tests disagree about it; the winding is what GeoJSON readers
 * that follow the RFC rely on. Pure, planar on lon/lat: zones are small.
 */
type Pt = readonly [number, number] | readonly number[];

/** Twice the signed area (shoelace): positive for a counter-clockwise ring. */
export function signedArea2(ring: readonly Pt[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s;
}

const orient = (a: Pt, b: Pt, c: Pt) => Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
const onSegment = (a: Pt, b: Pt, p: Pt) =>
  Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);

function segmentsIntersect(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** The first pair of edges (1-based) of a closed ring that cross or touch other than at a shared vertex, if any. */
export function selfIntersection(ring: readonly Pt[]): [number, number] | undefined {
  const n = ring.length - 1; // edges of a closed ring
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a vertex; the first and last edges too.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsIntersect(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return [i + 1, j + 1];
    }
  return undefined;
}

/** What is wrong with a polygon's rings, in Chinese, each with the ring it is in; [] when it is fine. */
export function polygonProblems(rings: readonly (readonly Pt[])[]): string[] {
  const problems: string[] = [];
  rings.forEach((ring, r) => {
    const which = r === 0 ? '外环' : `第 ${r} 个内环`;
    const hit = selfIntersection(ring);
    if (hit) problems.push(`${which}自相交：第 ${hit[0]} 条边与第 ${hit[1]} 条边相交`);
    const area = signedArea2(ring);
    if (area === 0) problems.push(`${which}面积为零`);
    else if (r === 0 && area < 0) problems.push('外环应按逆时针方向排列顶点（RFC 7946），现为顺时针');
    else if (r > 0 && area > 0) problems.push(`${which}应按顺时针方向排列顶点（RFC 7946），现为逆时针`);
  });
  return problems;
}
