/** The site identity (data/site.yaml): who runs the site and how it is labelled. */
import { z } from 'zod';
import { nonEmptyText, orgContact } from './common.ts';

const lonLatBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()], {
    error: '应为 [最小经度, 最小纬度, 最大经度, 最大纬度]',
  })
  .refine(([w, s, e, n]) => w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90, '范围无效：应满足 最小经度 < 最大经度、最小纬度 < 最大纬度');

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
  timeZone: z.literal('Asia/Shanghai', { error: '时区只能是 Asia/Shanghai' }),
  /** True while the site runs on sample data: every page then says 示例数据. */
  sample: z.boolean().default(false),
});
export type Site = z.infer<typeof siteSchema>;
