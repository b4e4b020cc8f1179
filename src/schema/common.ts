/**
 * Building blocks shared by every data type: ids, dates, GeoJSON geometry,
 * attachments, withdrawal state. Messages are Chinese because bureau staff
 * read them.
 */
import { z } from 'zod';
import { isIsoDate, isIsoDateTime } from '../lib/dates.ts';
import { checkRings } from './polygons.ts';

// zod's own messages (unknown keys, wrong types) in Chinese, like ours.
z.config(z.locales.zhCN());

/** A stable, URL-safe record id: it is part of the record's public URL. */
export const recordId = z
  .string({ error: '缺少 id' })
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'id 只能用小写字母、数字和连字符（2–80 个字符），它是页面地址的一部分')
  .meta({ privacy: 'code' });

/**
 * A cross-field rule runs only when the fields it reads parsed cleanly, so a
 * bad date gives one clear error, not a second, misleading one (“结束日期早于
 * 开始日期” for a start date written 2026年11月26日). A problem elsewhere in the
 * record does not stop it: every problem shows in one run.
 */
export function whenValid(...fields: string[]): { when: (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) => boolean } {
  return { when: (payload) => !payload.issues.some((i) => fields.includes(String(i.path?.[0] ?? ''))) };
}

/** Dates as people write them in Chinese documents: 2026年11月26日, 2026年11月26日 9:00, 2026.11.26, 2026/11/26. */
const CHINESE_DATE = /^(\d{4})\s*[年./]\s*(\d{1,2})\s*[月./]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：时](\d{2})分?)?$/;

/** One message for a date that is not YYYY-MM-DD, with the value rewritten the way it should be. */
function dateMessage(withTime: boolean) {
  return (issue: { input?: unknown }): string => {
    const input = typeof issue.input === 'string' ? issue.input.trim() : '';
    const m = CHINESE_DATE.exec(input);
    const format = withTime ? 'YYYY-MM-DD 或 YYYY-MM-DD HH:MM' : 'YYYY-MM-DD';
    if (!m) return `不是有效日期${withTime ? '时间' : ''}，格式应为 ${format}`;
    const pad = (s: string | undefined) => (s ?? '').padStart(2, '0');
    const date = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
    const time = m[4] !== undefined && withTime ? ` ${pad(m[4])}:${m[5]}` : '';
    return `日期应写作 ${format}，如“${date}${time}”，不能写成“${input}”`;
  };
}

export const isoDate = z
  .string({ error: '应为日期，格式 YYYY-MM-DD' })
  .refine(isIsoDate, { error: dateMessage(false) });

/** A date with an optional time, for publication stamps (PubDate). */
export const isoDateTime = z
  .string({ error: '应为日期时间，格式 YYYY-MM-DD 或 YYYY-MM-DD HH:MM' })
  .refine(isIsoDateTime, { error: dateMessage(true) });

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
const outlineCoords = z.array(ringCoords).min(1, '多边形至少需要一个环');
// Records' polygons are drawn by hand or copied from tables: their winding and
// self-intersection (./polygons.ts) are checked once every ring is a closed ring of valid positions.
const polygonCoords = outlineCoords.superRefine((rings, ctx) => checkRings(rings, ctx), { when: (payload) => payload.issues.length === 0 });

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
 * District outlines (data/boundaries/, generated by npm run import:boundaries):
 * snapped to a 1/1024° grid, they touch themselves at pinch points, which a
 * record's polygon may not; and a self-intersection test of thousands of
 * vertices per district would cost seconds per check.
 */
export const outlineGeometry = z.union(
  [
    z.strictObject({ type: z.literal('Polygon'), coordinates: outlineCoords }),
    z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(outlineCoords).min(1) }),
  ],
  { error: '行政区边界应为 Polygon 或 MultiPolygon' },
).meta({ privacy: 'none' });

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

/** Formats an attachment may have, by file extension. */
export const attachmentFormats = ['PDF', 'OFD', 'JPG', 'PNG', 'DOCX', 'XLSX', 'ZIP'] as const;
export type AttachmentFormat = (typeof attachmentFormats)[number];

/**
 * A local attachment: /files/<path> is the file data/files/<path>, copied to
 * the site when a published record links it. Path segments are letters
 * (Han included), digits, . _ - and never “..”; the file must exist, and its
 * format and size are read from the file itself, not typed in.
 */
export const LOCAL_FILE = /^\/files\/(?:(?!\.\.?\/)[\p{L}\p{N}._-]+\/)*(?!\.\.?$)[\p{L}\p{N}._-]+\.[A-Za-z0-9]+$/u;

export const attachment = z.strictObject({
  title: nonEmptyText,
  /**
   * /files/<path under data/files/>, or an absolute https address (shown as an
   * external link). Scanned like a code: a file name must not carry an ID or phone number.
   */
  href: z
    .string()
    .refine((h) => LOCAL_FILE.test(h) || /^https:\/\/[^\s]+$/.test(h), {
      error: '附件地址应为 /files/ 下的文件（对应 data/files/ 中的文件，路径只含字母、汉字、数字和 . _ -），或 https:// 开头的外部地址',
    })
    .meta({ privacy: 'code' }),
  /** For an external link: the format of the document it points to, if known. Local files are read. */
  format: z.enum(attachmentFormats).optional(),
});
export type Attachment = z.infer<typeof attachment>;

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
      // The label forms and sheets show (src/import/columns.ts reads title and description).
      supersededBy: recordId.meta({ title: '替代记录 id', description: '被替代时填写新记录的 id' }),
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
  .refine((p) => p.end >= p.start, { message: '结束日期早于开始日期', path: ['end'], ...whenValid('start', 'end') });
export type Period = z.infer<typeof period>;
