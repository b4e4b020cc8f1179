/** Administrative boundaries (data/boundaries/districts.geojson). */
import { z } from 'zod';
import { outlineGeometry } from './common.ts';

export const districtLevels = ['市辖区', '县', '县级市', '自治县', '旗'] as const;

export const boundaryFeature = z.strictObject({
  type: z.literal('Feature'),
  id: z.string().regex(/^\d{6}$/).optional(),
  properties: z.strictObject({
    /** GB/T 2260 code, e.g. 230202. */
    code: z.string().regex(/^\d{6}$/, '应为 6 位行政区划代码'),
    name: z.string().min(2),
    level: z.enum(districtLevels),
    /** A point inside the district for its label. */
    labelPoint: z.tuple([z.number(), z.number()]),
  }),
  geometry: outlineGeometry,
});
export type BoundaryFeature = z.infer<typeof boundaryFeature>;

export const boundaryCollection = z.strictObject({
  type: z.literal('FeatureCollection'),
  /** Where the geometry came from, its licence and what was done to it. */
  metadata: z.strictObject({
    source: z.string().min(1),
    licence: z.string().min(1),
    datum: z.literal('CGCS2000/WGS84'),
    note: z.string().optional(),
    /** The credit the 示意底图 shows for these shapes, in Chinese for the public; absent: `source`. */
    attribution: z.string().min(1).optional(),
  }),
  features: z.array(boundaryFeature).min(1, '至少需要一个行政区'),
});
export type BoundaryCollection = z.infer<typeof boundaryCollection>;
