/**
 * Building blocks shared by every data type: ids, dates, GeoJSON geometry,
 * attachments, withdrawal state. Messages are Chinese because bureau staff
 * read them.
 */
import { z } from 'zod';
import { isIsoDate, isIsoDateTime } from '../lib/dates.ts';

// zod's own messages (unknown keys, wrong types) in Chinese, like ours.
z.config(z.locales.zhCN());

/** A stable, URL-safe record id: it is part of the record's public URL. */
export const recordId = z
  .string({ error: '缺少 id' })
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'id 只能用小写字母、数字和连字符（2–80 个字符），它是页面地址的一部分')
  .meta({ privacy: 'code' });

export const isoDate = z
  .string({ error: '应为日期，格式 YYYY-MM-DD' })
  .refine(isIsoDate, '不是有效日期，格式应为 YYYY-MM-DD');

/** A date with an optional time, for publication stamps (PubDate). */
export const isoDateTime = z
  .string({ error: '应为日期时间，格式 YYYY-MM-DD 或 YYYY-MM-DD HH:MM' })
  .refine(isIsoDateTime, '不是有效日期时间，格式应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM');

/**
 * Free text. Personal data in any published string is caught by the privacy
 * guard (privacy.ts), which the loader runs on every file's raw value; fields
 * that are not free text declare their class with `.meta({ privacy })`.
 */
export const nonEmptyText = z.string({ error: '应为文字' }).trim().min(1, '不能为空');

/**
 * An organisation's published contact: phone numbers here are office lines.
 * Declared public (privacy class public-contact): a landline written here may
 * also appear in the record's text.
 */
export const orgContact = z.strictObject({
  unit: z.string().min(1),
  phone: z
    .string()
    .regex(/^(?:0\d{2,3}-\d{7,8}(?:-\d{1,4})?|12345|400-?\d{3}-?\d{4})$/, '应为单位座机，如 0452-2345678（不得填写个人手机号）')
    .meta({ privacy: 'public-contact' })
    .optional(),
  email: z.email('邮箱格式不正确').meta({ privacy: 'public-contact' }).optional(),
  address: z.string().meta({ privacy: 'public-contact' }).optional(),
});

// ---------------------------------------------------------------- GeoJSON ---

const lon = z.number().gte(-180, '经度应在 −180 到 180 之间').lte(180, '经度应在 −180 到 180 之间');
const lat = z.number().gte(-90, '纬度应在 −90 到 90 之间').lte(90, '纬度应在 −90 到 90 之间');
export const position = z.tuple([lon, lat], { error: '坐标应为 [经度, 纬度]' }).rest(z.number());

const lineCoords = z.array(position).min(2, '线至少需要 2 个点');
const ringCoords = z
  .array(position)
  .min(4, '多边形的环至少需要 4 个点（首尾相同）')
  .refine((ring) => {
    const a = ring[0];
    const b = ring[ring.length - 1];
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  }, '多边形的环未闭合：首尾坐标必须相同');
const polygonCoords = z.array(ringCoords).min(1, '多边形至少需要一个环');

// Geometry is not text: the privacy guard skips it (privacy class none).
export const pointGeometry = z.strictObject({ type: z.literal('Point'), coordinates: position }).meta({ privacy: 'none' });
export const lineStringGeometry = z.strictObject({ type: z.literal('LineString'), coordinates: lineCoords }).meta({ privacy: 'none' });
export const polygonGeometry = z.strictObject({ type: z.literal('Polygon'), coordinates: polygonCoords }).meta({ privacy: 'none' });
export const multiPolygonGeometry = z
  .strictObject({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(polygonCoords).min(1),
  })
  .meta({ privacy: 'none' });

/**
 * GeoJSON geometry (RFC 7946) in CGCS2000/WGS84 longitude–latitude. Sources
 * in GCJ-02 or BD-09 must be converted before they are written to data/.
 */
export const geometry = z.discriminatedUnion(
  'type',
  [
    pointGeometry,
    z.strictObject({ type: z.literal('MultiPoint'), coordinates: z.array(position).min(1) }),
    lineStringGeometry,
    z.strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(lineCoords).min(1) }),
    polygonGeometry,
    multiPolygonGeometry,
  ],
  { error: '不是有效的 GeoJSON 几何：type 应为 Point、MultiPoint、LineString、MultiLineString、Polygon 或 MultiPolygon' },
).meta({ privacy: 'none' });
export type Geometry = z.infer<typeof geometry>;

// ------------------------------------------------------------ attachments ---

export const attachment = z.strictObject({
  title: z.string().min(1),
  /** Site-relative path under /files/ or an absolute https URL. */
  href: z
    .string()
    .regex(/^(?:\/files\/[^\s?#]+|https:\/\/[^\s]+)$/, '附件地址应为 /files/ 下的路径或 https 地址')
    .meta({ privacy: 'url' }),
  format: z.enum(['PDF', 'JPG', 'PNG', 'DOCX', 'XLSX', 'ZIP', 'OFD']).optional(),
  sizeKb: z.number().int().positive().optional(),
});

// ----------------------------------------------------- publication state ---

/**
 * A record is normally in force. A withdrawn record (撤回/撤销) answers 410
 * with its reason; a superseded one points to the record that replaced it.
 */
export const publicationState = z.discriminatedUnion(
  'state',
  [
    z.strictObject({ state: z.literal('active') }),
    z.strictObject({
      state: z.literal('withdrawn'),
      date: isoDate,
      reason: nonEmptyText,
    }),
    z.strictObject({
      state: z.literal('superseded'),
      date: isoDate,
      reason: nonEmptyText,
      supersededBy: recordId,
    }),
  ],
  { error: 'state 应为 active、withdrawn 或 superseded' },
);
export type PublicationState = z.infer<typeof publicationState>;

/** A period with inclusive start and end, counted in calendar or working days. */
export const period = z
  .strictObject({
    start: isoDate,
    end: isoDate,
    /** The length the notice states (“共7个工作日”); checked against the dates. */
    days: z.number().int().positive().optional(),
    unit: z.enum(['calendar', 'working']).default('calendar'),
  })
  .refine((p) => p.end >= p.start, { message: '结束日期早于开始日期', path: ['end'] });
export type Period = z.infer<typeof period>;
