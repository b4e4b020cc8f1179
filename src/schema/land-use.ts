/**
 * 用地用海分类: the classes of the national 《国土空间调查、规划、用途管制用地用海
 * 分类指南》 (自然资源部, 2023) that a 控制性详细规划 zone may carry, with codes
 * and names exactly as the 指南 writes them. A zone states both code and name
 * (as the plan's 图则 does); the schema checks the pair against this table, so
 * a typo in either is caught, and pages show the 指南's wording, not the editor's.
 *
 * Every 一级类 is listed; 二级类 for the classes a 控规 of built-up land uses.
 * Add rows from the 指南 as plans need them (codes and names verbatim).
 *
 * Colours follow the customary hue of each 一级类 in planning maps (居住 yellow,
 * 公共管理与公共服务 magenta, 商业服务业 red, 工矿 brown, 仓储 purple, 交通 grey,
 * 公用设施 teal, 绿地 green…): a 二级类 takes its 一级类's colour. The fills are
 * pale on purpose (customary); the layer draws them with a dark outline, which
 * carries the 3:1 non-text contrast (WCAG 1.4.11), not the fill.
 */
import { z } from 'zod';

export type LandUseClass = { code: string; name: string };

/** 一级类: code → name and customary colour. */
export const landUseLevel1: Readonly<Record<string, { name: string; color: string }>> = {
  '01': { name: '耕地', color: '#f5f0a0' },
  '02': { name: '园地', color: '#bfe98c' },
  '03': { name: '林地', color: '#68b15f' },
  '04': { name: '草地', color: '#c8df8a' },
  '05': { name: '湿地', color: '#8fd0d8' },
  '06': { name: '农业设施建设用地', color: '#d8c98f' },
  '07': { name: '居住用地', color: '#ffff2d' },
  '08': { name: '公共管理与公共服务用地', color: '#ff7fbf' },
  '09': { name: '商业服务业用地', color: '#ff3f3f' },
  '10': { name: '工矿用地', color: '#bb9674' },
  '11': { name: '仓储用地', color: '#9f7fd8' },
  '12': { name: '交通运输用地', color: '#adadad' },
  '13': { name: '公用设施用地', color: '#1fa3b8' },
  '14': { name: '绿地与开敞空间用地', color: '#4fd25f' },
  '15': { name: '特殊用地', color: '#8aa37f' },
  '16': { name: '留白用地', color: '#f2f2f2' },
  '17': { name: '陆地水域', color: '#7fc6ff' },
  '18': { name: '渔业用海', color: '#80c0e0' },
  '19': { name: '工矿通信用海', color: '#7f9fc0' },
  '20': { name: '交通运输用海', color: '#a0b0c8' },
  '21': { name: '游憩用海', color: '#80d0c8' },
  '22': { name: '特殊用海', color: '#90a0b0' },
  '23': { name: '其他土地', color: '#d9d2c3' },
  '24': { name: '其他海域', color: '#b8d0e0' },
};

/** 二级类 (four-digit codes): code → name, as in the 指南. */
export const landUseLevel2: Readonly<Record<string, string>> = {
  '0701': '城镇住宅用地',
  '0702': '城镇社区服务设施用地',
  '0703': '农村宅基地',
  '0704': '农村社区服务设施用地',
  '0801': '机关团体用地',
  '0802': '科研用地',
  '0803': '文化用地',
  '0804': '教育用地',
  '0805': '体育用地',
  '0806': '医疗卫生用地',
  '0807': '社会福利用地',
  '0901': '商业用地',
  '0902': '商务金融用地',
  '0903': '娱乐用地',
  '0904': '其他商业服务业用地',
  '1001': '工业用地',
  '1002': '采矿用地',
  '1003': '盐田',
  '1101': '物流仓储用地',
  '1102': '储备库用地',
  '1201': '铁路用地',
  '1202': '公路用地',
  '1203': '机场用地',
  '1204': '港口码头用地',
  '1205': '管道运输用地',
  '1206': '城市轨道交通用地',
  '1207': '城镇道路用地',
  '1208': '交通场站用地',
  '1209': '其他交通设施用地',
  '1301': '供水用地',
  '1302': '排水用地',
  '1303': '供电用地',
  '1304': '供燃气用地',
  '1305': '供热用地',
  '1306': '通信用地',
  '1307': '邮政用地',
  '1308': '广播电视设施用地',
  '1309': '环卫用地',
  '1310': '消防用地',
  '1311': '水工设施用地',
  '1312': '其他公用设施用地',
  '1401': '公园绿地',
  '1402': '防护绿地',
  '1403': '广场用地',
};

/** The 指南's name of a class code (一级 or 二级), or undefined when the table lacks it. */
export function landUseName(code: string): string | undefined {
  return code.length === 2 ? landUseLevel1[code]?.name : landUseLevel2[code];
}

/** The 一级类 a code belongs to ('0701' → '07'). */
export const landUseLevel1Of = (code: string): string => code.slice(0, 2);

/** The map colour of a class: its 一级类's customary colour. */
export function landUseColor(code: string): string {
  return landUseLevel1[landUseLevel1Of(code)]?.color ?? '#cccccc';
}

/** Every class in the table, 一级 then its 二级, in code order. */
export function landUseClasses(): LandUseClass[] {
  const out: LandUseClass[] = [];
  for (const [code, { name }] of Object.entries(landUseLevel1)) {
    out.push({ code, name });
    for (const [c2, n2] of Object.entries(landUseLevel2)) if (c2.startsWith(code)) out.push({ code: c2, name: n2 });
  }
  return out;
}

/**
 * A land-use class as a zone states it: code and name, checked together
 * against the table (a right code with a wrong name is an error too, with
 * the 指南's name in the message).
 */
export const landUseClass = z
  .strictObject({
    code: z.string().regex(/^\d{2}(?:\d{2})?$/, '用地用海分类代码应为 2 位（一级类）或 4 位（二级类）数字，如 07、0701').meta({ privacy: 'code' }),
    name: z.string().trim().min(1, '不能为空'),
  })
  .superRefine((c, ctx) => {
    if (!/^\d{2}(?:\d{2})?$/.test(c.code)) return;
    const expected = landUseName(c.code);
    if (expected === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: `用地用海分类代码“${c.code}”不在《国土空间调查、规划、用途管制用地用海分类指南》的分类表中（src/schema/land-use.ts）` });
    else if (expected !== c.name) ctx.addIssue({ code: 'custom', path: ['name'], message: `代码 ${c.code} 在《用地用海分类指南》中的名称是“${expected}”，不是“${c.name}”` });
  });
