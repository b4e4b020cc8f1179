/** The site identity (data/site.yaml): who runs the site and how it is labelled. */
import { z } from 'zod';
import { nonEmptyText, orgContact } from './common.ts';

const lonLatBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()], {
    error: '应为 [最小经度, 最小纬度, 最大经度, 最大纬度]',
  })
  .refine(([w, s, e, n]) => w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90, '范围无效：应满足 最小经度 < 最大经度、最小纬度 < 最大纬度');

/** An https origin tiles may come from, e.g. https://tdt.example.gov.cn (no path). */
const httpsOrigin = z.url({ protocol: /^https$/, error: '应为 https 开头的地址' }).refine((u) => new URL(u).origin === u.replace(/\/$/, ''), '只写协议和主机（如 https://tdt.example.gov.cn），不含路径');

/** A 审图号 of a local map, e.g. 黑S(2024)015号 or GS(2024)0568号. */
const reviewNo = z.string().regex(/^[\p{Script=Han}A-Z]{1,3}[（(]\d{4}[)）]\d+号$/u, '审图号格式应如 黑S(2024)015号');

/**
 * The city's own 天地图 node, or any WMTS (issue 11 §2b): read from its
 * GetCapabilities document through the server route
 * /config/basemap/capabilities.xml, which fetches only this URL.
 */
const wmtsBasemap = z.strictObject({
  /** The GetCapabilities URL (https). */
  capabilities: z.url({ protocol: /^https$/, error: 'GetCapabilities 地址应为 https' }).meta({ privacy: 'url' }),
  /** The layer's ows:Identifier in that document. */
  layer: z.string().regex(/^[\w.:-]{1,100}$/, '图层标识只能含字母、数字和 . _ : -'),
  /** The TileMatrixSet to use; default: the first the layer links. */
  matrixSet: z.string().regex(/^[\w.:-]{1,100}$/).optional(),
  /** Other origins the capabilities send tiles from (the capabilities' own origin is always allowed). */
  tileOrigins: z.array(httpsOrigin).max(8).default([]),
  /** Who made the map, shown in the attribution, e.g. 齐齐哈尔市自然资源和规划局（天地图·齐齐哈尔）. */
  attribution: nonEmptyText,
  /** The map's 审图号 when it has one, e.g. 黑S(2024)015号. */
  reviewNo: reviewNo.optional(),
});

/** A file under data/basemap/ (the bureau supplies it; the build copies it to /basemap/). */
const basemapFile = (ext: string) =>
  z
    .string()
    .regex(new RegExp(`^[\\w.-]{1,100}\\.${ext}$`), `应为 data/basemap/ 下的文件名（扩展名 .${ext}），如 city.${ext}`)
    .meta({ privacy: 'url' });

/**
 * A vector base map from a PMTiles archive the bureau supplies (issue 11 §2c),
 * drawn by ol-pmtiles and styled by a MapLibre/Mapbox style document whose one
 * vector source is the archive.
 */
const pmtilesBasemap = z.strictObject({
  /** The archive (PMTiles v3, vector tiles in Web Mercator), e.g. qqhr.pmtiles. */
  archive: basemapFile('pmtiles'),
  /** The style document, e.g. qqhr-style.json. */
  style: basemapFile('json'),
  /** Who made the map, shown in the attribution, e.g. 齐齐哈尔市自然资源和规划局. */
  attribution: nonEmptyText,
  /** The map's 审图号 when it has one; without one the attribution says it is not a 标准地图. */
  reviewNo: reviewNo.optional(),
});

/** Where the base map comes from (issue 11 §2). */
export const BASEMAP_SOURCES = ['tianditu', 'wmts', 'pmtiles', 'offline'] as const;
export type BaseMapSourceKind = (typeof BASEMAP_SOURCES)[number];

export const siteSchema = z.strictObject({
  /** 齐齐哈尔市自然资源和规划局 */
  bureauName: nonEmptyText,
  /** Short name used in the header, e.g. 齐齐哈尔市自然资源和规划局 → 市自然资源和规划局. */
  shortName: nonEmptyText,
  city: nonEmptyText,
  /** 6-digit administrative division code of the city (GB/T 2260). */
  cityCode: z.string().regex(/^\d{6}$/, '应为 6 位行政区划代码'),
  /** Public domain without scheme, e.g. zrzy.qqhr.gov.cn. */
  domain: z.string().regex(/^[a-z0-9.-]+$/, '应为域名，如 zrzy.example.gov.cn（不含 https://）'),
  /** 主办单位 / 承办单位 */
  sponsor: nonEmptyText,
  organizer: nonEmptyText,
  /** 政府网站标识码: 10 digits, issued by the 全国政府网站信息报送系统. */
  siteIdCode: z.string().regex(/^\d{10}$/, '政府网站标识码应为 10 位数字'),
  /** ICP备案号, e.g. 黑ICP备05001234号-1 */
  icp: z.string().regex(/^\p{Script=Han}ICP备\d{6,10}号(?:-\d+)?$/u, 'ICP备案号格式应如 黑ICP备05001234号-1'),
  /** 公安机关备案: number and the beian.gov.cn link. */
  psb: z.strictObject({
    number: z.string().regex(/^\p{Script=Han}公网安备\s?\d{14}号$/u, '公安备案号格式应如 黑公网安备 23020202000123号'),
    url: z.url({ protocol: /^https$/, error: '公安备案链接应为 https 地址' }).meta({ privacy: 'url' }),
  }),
  /** 党政机关网站标识 image (site-relative) and its verification link; empty until issued. */
  partyGovMark: z
    .strictObject({ image: z.string().regex(/^\/[^\s]+$/).meta({ privacy: 'url' }), url: z.url().meta({ privacy: 'url' }) })
    .optional(),
  /** 我为政府网站找错 entry. */
  errorReportUrl: z.url().meta({ privacy: 'url' }),
  contact: orgContact.extend({
    postcode: z.string().regex(/^\d{6}$/, '邮政编码应为 6 位数字').optional(),
    hours: z.string().optional(),
  }),
  /**
   * Other office lines the bureau publishes in text (监督电话, 举报电话, 交易中心):
   * a landline in any record's text must be one of these or its own contact.phone.
   */
  publicContacts: z.array(orgContact).default([]),
  map: z.strictObject({
    /** The extent the map opens on and returns to (“回到全市”). */
    homeExtent: lonLatBox,
    /** Tianditu tile matrix set: w (EPSG:3857, default) or c (CGCS2000). */
    matrixSet: z.enum(['w', 'c']).default('w'),
    /**
     * The base map: tianditu (national 天地图, needs TIANDITU_KEY), wmts (the
     * city's own node or any WMTS: map.wmts), pmtiles (an archive the bureau
     * supplies: map.pmtiles) or offline (the bundled 示意底图). A source whose
     * settings are missing is not an error that stops publishing: the map
     * shows the 示意底图 and says why, and the check reports it
     * (src/data/basemap.ts).
     */
    basemap: z.enum(BASEMAP_SOURCES, { error: `应为 ${BASEMAP_SOURCES.join('、')} 之一` }).default('tianditu'),
    /** The city's own node, or any WMTS (basemap: wmts). */
    wmts: wmtsBasemap.optional(),
    /** A PMTiles vector base map (basemap: pmtiles). */
    pmtiles: pmtilesBasemap.optional(),
  }),
  tianditu: z.strictObject({
    /** Shown in every map's attribution, lower left. */
    attribution: nonEmptyText,
    /** 审图号 of the Tianditu base map, e.g. GS(2024)0568号. */
    reviewNo: z.string().regex(/^GS[（(]\d{4}[)）]\d+号$/, '审图号格式应如 GS(2024)0568号'),
    /** Tianditu's 测绘资质 number, e.g. 甲测资字1100471. */
    qualificationNo: z.string().regex(/^甲测资字\d+$/, '格式应如 甲测资字1100471'),
    termsUrl: z.url().meta({ privacy: 'url' }),
  }),
  /**
   * What the public sends in (issue 14): how long the personal data of an
   * opinion or an application is kept before `npm run submissions:purge`
   * removes it (src/lib/retention.ts; why these defaults: docs/submissions.md §Retention).
   */
  submissions: z
    .strictObject({
      retention: z
        .strictObject({
          /** Opinions on a 批前公示: months after the notice's feedback deadline (the end of its 公示期 when it states none). */
          opinionMonthsAfterDeadline: z.int('应为整数（月）').min(1, '至少 1 个月').max(120, '至多 120 个月').default(12),
          /** 依申请公开 applications: months after the statutory reply date (20 working days). */
          applicationMonthsAfterReplyDate: z.int('应为整数（月）').min(1, '至少 1 个月').max(120, '至多 120 个月').default(12),
        })
        .prefault({}),
    })
    .prefault({}),
  timeZone: z.literal('Asia/Shanghai', { error: '时区只能是 Asia/Shanghai' }),
  /** True while the site runs on sample data: every page then says 示例数据. */
  sample: z.boolean().default(false),
});
export type Site = z.infer<typeof siteSchema>;
