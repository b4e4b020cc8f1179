/**
 * npm run gen:corpus -- --notices N [--enforcement M] [--out DIR] [--seed S] [--source DIR]
 *
 * Writes a deterministic synthetic data directory with N notices (公示公告)
 * for search and build benchmarks: default corpus/notices-N (git-ignored).
 * site.yaml and boundaries/ (and red/ and enforcement/ where present) are
 * copied from the source data directory (default ./data); the notices are
 * generated, one JSON file each under notices/<kind>/<id>.json, all marked
 * `sample: true`. Same N and seed → byte-identical files. With --enforcement M,
 * M 事后公开 decisions are added under enforcement/ (scripts/lib/gen-enforcement.ts).
 *
 * The directory is written to a temporary sibling and renamed into place, so
 * a reader never sees a half-written corpus.
 *
 * The generator is importable (generateNotices, generateCorpus); the CLI at
 * the bottom runs only when this file is the entry point.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bbox as turfBbox } from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { dayNumber, isoFromDay } from '../src/lib/dates.ts';
import type { z } from 'zod';
import type { landNotice, miningNotice, NoticeKind, noticeSchema, planningNotice, surveyingNotice } from '../src/schema/index.ts';
import { formatIssue, loadDataset } from '../src/data/load.ts';
import { copyPublishedFiles } from '../src/data/files.ts';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, isWorkingDay } from '../src/lib/workdays.ts';
import { CREDIT_CODE_CHARS, creditCodeCheckChar } from '../src/lib/identifiers.ts';
import { mulberry32 } from './lib/prng.ts';
import { generateDecisions } from './lib/gen-enforcement.ts';

export type GeneratedNotice = z.input<typeof noticeSchema>;
type PlanningOut = z.input<typeof planningNotice>;
type LandOut = z.input<typeof landNotice>;
type MiningOut = z.input<typeof miningNotice>;
type SurveyingOut = z.input<typeof surveyingNotice>;

/** The fixed “today” of the corpus: output must not depend on the clock. */
export const CORPUS_TODAY = '2026-11-23';
export const DEFAULT_SEED = 20261123;
export const MAX_NOTICES = 1_000_000;

const KINDS: readonly NoticeKind[] = ['planning', 'land', 'mining', 'surveying'];
const KIND_SHARE: Record<NoticeKind, number> = { planning: 0.35, land: 0.35, mining: 0.15, surveying: 0.15 };
const ID_PREFIX: Record<NoticeKind, string> = { planning: 'c-plan', land: 'c-land', mining: 'c-mine', surveying: 'c-surv' };
const CITY_BUREAU = '齐齐哈尔市自然资源和规划局';
const CITY_WIDE = '全市';

// ================================================================ random ===

class Rng {
  next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  float(min: number, max: number, digits: number): number {
    return round(min + this.next() * (max - min), digits);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
  /** k distinct items, in list order. */
  some<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    return idx
      .slice(0, Math.min(k, items.length))
      .sort((a, b) => a - b)
      .map((i) => items[i] as T);
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// ================================================================= dates ===

const dayOf = dayNumber;
const isoCache = new Map<number, string>();
function isoOf(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = isoFromDay(day);
    isoCache.set(day, s);
  }
  return s;
}
const workCache = new Map<number, boolean>();
function isWork(day: number): boolean {
  let w = workCache.get(day);
  if (w === undefined) {
    const iso = isoOf(day);
    const year = Number(iso.slice(0, 4));
    // Beyond the official holiday calendar (listing dates run into next year): weekends and 元旦 only.
    if (year > CALENDAR_LAST_YEAR || year < CALENDAR_FIRST_YEAR) {
      const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
      w = weekday !== 0 && weekday !== 6 && iso.slice(5) !== '01-01';
    } else w = isWorkingDay(iso);
    workCache.set(day, w);
  }
  return w;
}
/** The day itself if it is a working day, else the next one. */
function workOnOrAfter(day: number): number {
  while (!isWork(day)) day += 1;
  return day;
}
function workOnOrBefore(day: number): number {
  while (!isWork(day)) day -= 1;
  return day;
}
/** The n-th working day after `day` (n = 0: `day` itself). */
function workAfter(day: number, n: number): number {
  let d = day;
  for (let k = 0; k < n; ) {
    d += 1;
    if (isWork(d)) k += 1;
  }
  return d;
}
/** The n-th working day counting `day` as the first if it is one (公示期 of n 工作日). */
function workPeriodEnd(start: number, n: number): number {
  return workAfter(start, isWork(start) ? n - 1 : n);
}
function cnDate(day: number): string {
  const s = isoOf(day);
  return `${s.slice(0, 4)}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
}
function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** "2026-11-20 09:00" → 2026年11月20日9时00分 */
function cnDateTime(dt: string): string {
  return `${cnDate(dayOf(dt))}${Number(dt.slice(11, 13))}时${dt.slice(14, 16)}分`;
}
function dateTime(day: number, hh: number, mm: number): string {
  return `${isoOf(day)} ${pad(hh, 2)}:${pad(mm, 2)}`;
}

// ============================================================ vocabulary ===

type DistrictInfo = {
  /** Short name used in compound names: 龙江, 富拉尔基. */
  short: string;
  /** Latin abbreviation for parcel codes and e-mail. */
  abbr: string;
  /** 文号 prefix of the issuing bureau: 齐 (city) or the county's. */
  doc: string;
  towns: readonly string[];
  roads: readonly string[];
  rivers: readonly string[];
  minerals: readonly string[];
  urban: boolean;
};

const COUNTY_ROAD_STEMS = [
  '人民', '建设', '胜利', '和平', '解放', '文化', '光明', '朝阳', '兴安', '团结', '友谊', '迎宾', '振兴', '富强', '民主', '工农',
  '长安', '幸福', '育才', '站前', '北环', '南环', '东环', '西环', '滨河', '新兴', '繁荣', '中央', '青年', '前进', '红旗', '新华',
  '康宁', '兴华', '永丰', '顺达', '建国', '丰收', '通达', '安康', '世纪', '学府', '城北', '城南', '商业', '公园', '开发', '工业',
] as const;
const ROAD_SUFFIX = [['路', 6], ['大街', 4], ['街', 2], ['大道', 1]] as const;
const countyRoads = COUNTY_ROAD_STEMS.flatMap((s) => ROAD_SUFFIX.map(([suf]) => `${s}${suf}`));

const DISTRICT_INFO: Record<string, DistrictInfo> = {
  龙沙区: {
    short: '龙沙', abbr: 'LS', doc: '齐', urban: true,
    towns: ['五龙街道', '湖滨街道', '江安街道', '正阳街道', '彩虹街道', '南航街道', '大民街道'],
    roads: ['卜奎大街', '龙华路', '中华西路', '公园路', '永安大街', '民航路', '大学街', '龙沙路', '湖滨路', '南苑路', '嫩江路', '三马路', '彩虹路', '新明大街', '江安路', '文化南街', '天衢路', '劳动湖南路', '仓前路', '明月路'],
    rivers: ['嫩江'], minerals: ['地热'],
  },
  建华区: {
    short: '建华', abbr: 'JH', doc: '齐', urban: true,
    towns: ['中华街道', '文化街道', '卜奎街道', '新华街道', '西大桥街道', '建华街道'],
    roads: ['新华东路', '建华路', '文化大街', '卜奎北大街', '光明路', '曙光大街', '西大桥路', '红旗路', '园丁路', '建设大街', '中华东路', '厂前路', '北苑路', '新江路', '富华路', '长青路'],
    rivers: ['嫩江'], minerals: ['地热'],
  },
  铁锋区: {
    short: '铁锋', abbr: 'TF', doc: '齐', urban: true,
    towns: ['站前街道', '北局宅街道', '通东街道', '光荣街道', '龙华街道', '南浦街道', '东湖街道', '扎龙镇'],
    roads: ['站前大街', '龙华东路', '东湖路', '光荣街', '齐扎路', '北局宅路', '通东路', '南浦路', '铁锋路', '合意大街', '南马路', '纬一路', '经二路', '东环路', '扎龙大道', '和平路', '车站街', '富裕路'],
    rivers: ['乌裕尔河'], minerals: ['地热', '泥炭', '砖瓦用黏土'],
  },
  昂昂溪区: {
    short: '昂昂溪', abbr: 'AAX', doc: '齐', urban: true,
    towns: ['新兴街道', '新建街道', '道北街道', '榆树屯镇', '水师营满族镇', '三间房乡'],
    roads: ['昂昂溪大街', '罗西路', '新兴大街', '道北路', '榆树屯路', '站前路', '三间房路', '水师路', '铁南路', '中东铁路街'],
    rivers: ['嫩江'], minerals: ['建筑用砂', '砖瓦用黏土'],
  },
  富拉尔基区: {
    short: '富拉尔基', abbr: 'FLEJ', doc: '齐', urban: true,
    towns: ['红岸街道', '电力街道', '幸福街道', '红宝石街道', '沿江街道', '和平街道', '长青乡', '杜尔门沁达斡尔族乡'],
    roads: ['向阳大街', '和平大街', '红岸大街', '幸福路', '电力路', '沿江路', '铁西路', '红宝石路', '长青路', '富拉尔基大街', '厂前一路', '厂前二路', '工业街', '华电路'],
    rivers: ['嫩江'], minerals: ['建筑用砂', '砖瓦用黏土'],
  },
  碾子山区: {
    short: '碾子山', abbr: 'NZS', doc: '齐', urban: true,
    towns: ['富强街道', '繁荣街道', '跃进街道', '东安街道'],
    roads: ['跃进大街', '富强路', '繁荣路', '东安路', '华安路', '正阳路', '雅鲁路', '站前街'],
    rivers: ['雅鲁河'], minerals: ['建筑用花岗岩', '饰面用花岗岩', '建筑用安山岩', '水泥用灰岩', '沸石'],
  },
  梅里斯达斡尔族区: {
    short: '梅里斯', abbr: 'MLS', doc: '齐', urban: true,
    towns: ['梅里斯镇', '雅尔塞镇', '卧牛吐达斡尔族镇', '达呼店镇', '共和镇', '莽格吐达斡尔族乡'],
    roads: ['梅里斯大街', '雅尔塞路', '达呼店路', '共和路', '民族路', '哈拉新村路', '前进路', '富民路'],
    rivers: ['嫩江', '雅鲁河'], minerals: ['建筑用砂', '砖瓦用黏土'],
  },
  龙江县: {
    short: '龙江', abbr: 'LJ', doc: '龙', urban: false,
    towns: ['龙江镇', '景星镇', '山泉镇', '七棵树镇', '杏山镇', '白山镇', '头站镇', '黑岗乡', '广厚乡', '华民乡', '哈拉海乡', '鲁河乡', '济沁河乡', '发达乡'],
    roads: countyRoads, rivers: ['雅鲁河', '济沁河', '罕达罕河'],
    minerals: ['建筑用花岗岩', '建筑用玄武岩', '建筑用砂', '饰面用花岗岩', '膨润土', '建筑用安山岩'],
  },
  依安县: {
    short: '依安', abbr: 'YA', doc: '依', urban: false,
    towns: ['依安镇', '依龙镇', '双阳镇', '三兴镇', '中心镇', '新兴镇', '富饶乡', '解放乡', '阳春乡', '红星乡', '上游乡', '先锋乡', '新屯乡', '太东乡', '向前乡'],
    roads: countyRoads, rivers: ['乌裕尔河', '双阳河'], minerals: ['砖瓦用黏土', '建筑用砂', '泥炭'],
  },
  泰来县: {
    short: '泰来', abbr: 'TL', doc: '泰', urban: false,
    towns: ['泰来镇', '平洋镇', '汤池镇', '江桥镇', '塔子城镇', '大兴镇', '和平镇', '克利镇', '胜利蒙古族乡', '宁姜蒙古族乡'],
    roads: countyRoads, rivers: ['嫩江', '绰尔河'], minerals: ['建筑用砂', '砖瓦用黏土', '地热'],
  },
  甘南县: {
    short: '甘南', abbr: 'GN', doc: '甘', urban: false,
    towns: ['甘南镇', '兴十四镇', '平阳镇', '东阳镇', '巨宝镇', '长山乡', '中兴乡', '兴隆乡', '宝山乡', '查哈阳乡'],
    roads: countyRoads, rivers: ['音河', '阿伦河', '诺敏河'],
    minerals: ['建筑用玄武岩', '建筑用花岗岩', '建筑用砂', '膨润土'],
  },
  富裕县: {
    short: '富裕', abbr: 'FY', doc: '富', urban: false,
    towns: ['富裕镇', '富路镇', '富海镇', '二道湾镇', '龙安桥镇', '塔哈镇', '繁荣乡', '绍文乡', '忠厚乡', '友谊达斡尔族满族柯尔克孜族乡'],
    roads: countyRoads, rivers: ['嫩江', '乌裕尔河'], minerals: ['建筑用砂', '泥炭', '砖瓦用黏土', '地热'],
  },
  克山县: {
    short: '克山', abbr: 'KS', doc: '克', urban: false,
    towns: ['克山镇', '北兴镇', '西城镇', '古城镇', '北联镇', '西河镇', '河南乡', '双河乡', '河北乡', '古北乡', '西联乡', '发展乡', '曙光乡', '向华乡', '西建乡'],
    roads: countyRoads, rivers: ['乌裕尔河', '讷谟尔河'], minerals: ['砖瓦用黏土', '建筑用砂'],
  },
  克东县: {
    short: '克东', abbr: 'KD', doc: '克东', urban: false,
    towns: ['克东镇', '宝泉镇', '乾丰镇', '玉岗镇', '蒲峪路镇', '润津乡', '昌盛乡'],
    roads: countyRoads, rivers: ['乌裕尔河', '讷谟尔河'], minerals: ['矿泉水', '建筑用玄武岩', '砖瓦用黏土'],
  },
  拜泉县: {
    short: '拜泉', abbr: 'BQ', doc: '拜', urban: false,
    towns: ['拜泉镇', '三道镇', '兴农镇', '长春镇', '龙泉镇', '国富镇', '富强镇', '新生乡', '兴国乡', '上升乡', '兴华乡', '大众乡', '永勤乡', '时中乡', '爱农乡', '丰产乡'],
    roads: countyRoads, rivers: ['双阳河', '通肯河'], minerals: ['砖瓦用黏土', '建筑用砂'],
  },
  讷河市: {
    short: '讷河', abbr: 'NH', doc: '讷', urban: false,
    towns: ['雨亭街道', '通江街道', '拉哈镇', '二克浅镇', '学田镇', '龙河镇', '讷南镇', '六合镇', '长发镇', '通南镇', '同义镇', '九井镇', '老莱镇', '孔国乡', '和盛乡', '同心乡', '兴旺鄂温克族乡'],
    roads: countyRoads, rivers: ['嫩江', '讷谟尔河', '诺敏河'],
    minerals: ['建筑用砂', '建筑用玄武岩', '泥炭', '矿泉水', '砖瓦用黏土'],
  },
};

/** How often each kind concerns each district (city core busier for planning and land, counties for mining). */
const DISTRICT_WEIGHT: Record<NoticeKind, Record<string, number>> = {
  planning: { 龙沙区: 13, 建华区: 11, 铁锋区: 13, 昂昂溪区: 4, 富拉尔基区: 8, 碾子山区: 3, 梅里斯达斡尔族区: 5, 龙江县: 6, 依安县: 4, 泰来县: 4, 甘南县: 4, 富裕县: 4, 克山县: 4, 克东县: 3, 拜泉县: 4, 讷河市: 6 },
  land: { 龙沙区: 11, 建华区: 10, 铁锋区: 13, 昂昂溪区: 4, 富拉尔基区: 8, 碾子山区: 3, 梅里斯达斡尔族区: 5, 龙江县: 6, 依安县: 4, 泰来县: 4, 甘南县: 4, 富裕县: 4, 克山县: 4, 克东县: 3, 拜泉县: 4, 讷河市: 6 },
  mining: { 龙沙区: 1, 建华区: 1, 铁锋区: 2, 昂昂溪区: 5, 富拉尔基区: 6, 碾子山区: 10, 梅里斯达斡尔族区: 5, 龙江县: 12, 依安县: 4, 泰来县: 8, 甘南县: 8, 富裕县: 6, 克山县: 3, 克东县: 4, 拜泉县: 3, 讷河市: 8 },
  surveying: { 龙沙区: 14, 建华区: 12, 铁锋区: 12, 昂昂溪区: 3, 富拉尔基区: 6, 碾子山区: 2, 梅里斯达斡尔族区: 3, 龙江县: 4, 依安县: 3, 泰来县: 3, 甘南县: 3, 富裕县: 3, 克山县: 3, 克东县: 2, 拜泉县: 3, 讷河市: 4 },
};

const TRADE_A = ['鑫', '恒', '宏', '龙', '鹤', '华', '中', '金', '瑞', '嘉', '润', '通', '天', '汇', '盛', '绿', '兴', '昌', '广', '博', '众', '合', '信', '永', '鼎', '银', '泰', '德', '富', '新', '宇', '正', '安', '东', '北', '嫩', '鸿', '诚', '凯', '晟', '祥', '益', '丰', '远', '佳', '万', '融', '卓', '亿', '海'] as const;
const TRADE_B = ['源', '泰', '达', '翔', '信', '齐', '丰', '禾', '泽', '通', '汇', '世', '洲', '隆', '盛', '厦', '远', '力', '业', '河', '江', '地', '康', '程', '邦', '成', '和', '科', '辉', '航', '瑞', '华', '发', '昌', '创', '鼎', '峰', '润', '宸', '润'] as const;
const REGION_EXTRA = ['鹤城', '卜奎', '嫩江', '北疆', '龙沙'] as const;

const ESTATE_BRAND = ['御景', '嘉园', '锦城', '华府', '福苑', '翰林', '丽水', '湖畔', '龙府', '鹤城', '春城', '学府', '阳光', '紫金', '怡景', '和谐', '金色', '盛世', '江南', '滨江', '绿洲', '明珠', '东方', '北国', '新城', '雅居', '星河', '碧水', '枫林', '铂悦', '悦澜', '云锦', '汇景', '天悦', '尚城', '馨园', '康城', '公园', '湖景', '书香', '泰和', '凯旋', '锦绣', '丹顶鹤', '劳动湖', '明月岛', '龙湖', '嫩水'] as const;
const ESTATE_SUFFIX = ['家园', '小区', '花园', '雅苑', '华庭', '名邸', '新城', '公馆', '嘉苑', '府', '里', '壹号', '时代', '城', '佳苑', '花园二区', '悦府'] as const;
const PHASE = [['', 5], ['一期', 2], ['二期', 2], ['三期', 1], ['（A区）', 1], ['（B区）', 1], ['（北区）', 1], ['（南区）', 1]] as const;
const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}
const VILLAGE_STEMS = ['红旗', '前进', '永兴', '兴隆', '太平', '东升', '新发', '长胜', '富民', '双合', '三合', '四合', '东风', '向阳', '胜利', '建国', '友好', '民主', '东兴', '西兴', '新立', '新民', '永安', '德胜', '丰收', '合心', '光明', '中心', '靠山', '万发', '庆丰', '永发', '治安', '兴旺', '新生', '保安', '双山', '五一', '七一', '平安', '立新', '跃进', '全胜', '共和', '福民', '裕民', '团结', '太和', '长青', '富裕'] as const;
const MOUNTAINS = ['北山', '东山', '西山', '南山', '大青山', '老龙岗', '石头山', '团山', '平顶山', '二道岭', '尖山', '大黑山', '卧牛山', '马鞍山', '砬子山', '黄花岭'] as const;
const DIR_EW = ['东', '西'] as const;
const DIR_NS = ['南', '北'] as const;
const DIR8 = ['东侧', '西侧', '南侧', '北侧', '东南侧', '东北侧', '西南侧', '西北侧'] as const;

type District = {
  name: string;
  code: string;
  info: DistrictInfo;
  bbox: [number, number, number, number];
  feature: { type: 'Feature'; bbox: [number, number, number, number]; properties: Record<string, never>; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } };
};

type Pos = [number, number];
type PolygonGeom = { type: 'Polygon'; coordinates: Pos[][] };
type Geom = PolygonGeom | { type: 'Point'; coordinates: Pos } | { type: 'LineString'; coordinates: Pos[] } | { type: 'MultiPolygon'; coordinates: Pos[][][] };

// ========================================================= text helpers ===

function tradeName(rng: Rng): string {
  const a = rng.pick(TRADE_A);
  let b = rng.pick(TRADE_B);
  while (b === a) b = rng.pick(TRADE_B);
  return a + b;
}
function company(rng: Rng, industries: readonly string[], d?: District): string {
  const region = rng.weighted<string>([
    ['齐齐哈尔', 5],
    ['齐齐哈尔市', 2],
    ['黑龙江', 2],
    ['黑龙江省', 1],
    [d ? d.info.short : '鹤城', 3],
    [rng.pick(REGION_EXTRA), 1],
  ]);
  const form = rng.weighted<string>([['有限公司', 14], ['有限责任公司', 4], ['股份有限公司', 1], ['集团有限公司', 1]]);
  return `${region}${tradeName(rng)}${rng.pick(industries)}${form}`;
}
const DEVELOPER = ['房地产开发', '置业', '房地产开发建设', '城市开发建设', '地产', '房地产综合开发'] as const;
const BUILDER = ['建筑工程', '建设工程', '城市建设投资', '市政工程', '建设投资', '城乡建设发展'] as const;
const INDUSTRY = ['农业发展', '粮食', '食品', '生物科技', '机械制造', '装备制造', '新型建材', '牧业', '米业', '新能源', '实业', '化工', '乳业', '玉米开发', '能源科技'] as const;
const LOGISTICS = ['物流', '商贸', '供应链管理', '冷链物流', '仓储服务'] as const;
const MINING_CO = ['矿业', '砂石', '建材', '石材', '矿产资源开发', '建筑材料'] as const;
const SURVEY_CO = ['测绘', '地理信息', '测绘地理信息', '勘察测绘', '空间信息技术', '勘测规划设计', '不动产测绘'] as const;
const MEDIA_CO = ['文化传媒', '地理信息', '出版', '印务', '旅游开发', '科技', '广告'] as const;

function road(rng: Rng, d: District): string {
  return rng.pick(d.info.roads);
}
function twoRoads(rng: Rng, d: District): [string, string] {
  const a = road(rng, d);
  let b = road(rng, d);
  for (let i = 0; b === a && i < 5; i++) b = road(rng, d);
  return [a, b];
}
function village(rng: Rng): string {
  return `${rng.pick(VILLAGE_STEMS)}${rng.chance(0.85) ? '村' : '屯'}`;
}
/** A location as notices write it: 龙沙区五龙街道卜奎大街以东、龙华路以北. */
function urbanLocation(rng: Rng, d: District, town: string): string {
  const [a, b] = twoRoads(rng, d);
  const form = rng.int(0, 3);
  if (form === 0) return `${d.name}${town}${a}与${b}交汇处${rng.pick(DIR8)}`;
  if (form === 1) return `${d.name}${a}以${rng.pick(DIR_EW)}、${b}以${rng.pick(DIR_NS)}`;
  return `${d.name}${town}${a}以${rng.pick(DIR_EW)}、${b}以${rng.pick(DIR_NS)}`;
}
function ruralLocation(rng: Rng, d: District, town: string): string {
  return `${d.name}${town}${village(rng)}${rng.pick(DIR8)}`;
}
function fmtArea(n: number): string {
  return n.toFixed(2);
}
function fmtWan(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
function phoneOf(d: District | undefined, dept: number): string {
  const base = d ? (Number(d.code) * 7919) % 700_000 : 412_300;
  return `0452-${2_000_000 + base * 10 + dept}`;
}
function emailOf(d: District | undefined): string {
  return d && !d.info.urban ? `${d.info.abbr.toLowerCase()}zrzyj@example.gov.cn` : 'zrzy@example.gov.cn';
}
function publisherOf(prefix: string, d: District | undefined): string {
  if (prefix === '齐' || !d) return CITY_BUREAU;
  return `${d.name}自然资源局`;
}
function addressOf(prefix: string, d: District | undefined): string {
  if (prefix === '齐' || !d) return '齐齐哈尔市龙沙区（示例地址）';
  return `${d.name}${d.info.towns[0]}（示例地址）`;
}

// ================================================================ geometry ===

const M_PER_DEG_LAT = 110_574;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
function mPerDegLon(lat: number): number {
  return 111_320 * Math.cos((lat * Math.PI) / 180);
}

function loadDistricts(boundaries: { features: { properties: { name: string; code: string }; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } }[] }): District[] {
  const out: District[] = [];
  for (const f of boundaries.features) {
    const info = DISTRICT_INFO[f.properties.name];
    if (!info) throw new Error(`gen-corpus: 行政区“${f.properties.name}”没有词表（scripts/gen-corpus.ts DISTRICT_INFO）`);
    const bbox = turfBbox(f.geometry as Parameters<typeof turfBbox>[0]) as [number, number, number, number];
    out.push({ name: f.properties.name, code: f.properties.code, info, bbox, feature: { type: 'Feature', bbox, properties: {}, geometry: f.geometry } });
  }
  return out;
}

function inside(d: District, p: Pos): boolean {
  return booleanPointInPolygon(p, d.feature as Parameters<typeof booleanPointInPolygon>[1]);
}
function randomPointIn(rng: Rng, d: District): Pos {
  const [w, s, e, n] = d.bbox;
  for (let i = 0; i < 100_000; i++) {
    const p: Pos = [r6(w + rng.next() * (e - w)), r6(s + rng.next() * (n - s))];
    if (inside(d, p)) return p;
  }
  throw new Error(`gen-corpus: 无法在${d.name}内取点`);
}

type Offsets = Pos[];
/** A rotated rectangle of w×h metres, sometimes with a corner cut off; counter-clockwise. */
function rectOffsets(rng: Rng, wMin: number, wMax: number, hMin: number, hMax: number): Offsets {
  const w = rng.float(wMin, wMax, 0);
  const h = rng.float(hMin, hMax, 0);
  let pts: Offsets = [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]];
  if (rng.chance(0.35)) {
    const i = rng.int(0, 3);
    const c = pts[i] as Pos;
    const prev = pts[(i + 3) % 4] as Pos;
    const next = pts[(i + 1) % 4] as Pos;
    const t = rng.float(0.15, 0.4, 3);
    const cut: Offsets = [[c[0] + (prev[0] - c[0]) * t, c[1] + (prev[1] - c[1]) * t], [c[0] + (next[0] - c[0]) * t, c[1] + (next[1] - c[1]) * t]];
    pts = [...pts.slice(0, i), ...cut, ...pts.slice(i + 1)];
  }
  const a = rng.next() * Math.PI;
  const [ca, sa] = [Math.cos(a), Math.sin(a)];
  return pts.map(([x, y]) => [x * ca - y * sa, x * sa + y * ca]);
}
/** A star-shaped polygon with k vertices between rMin and rMax metres from the centre; counter-clockwise. */
function blobOffsets(rng: Rng, rMin: number, rMax: number, k: number): Offsets {
  const phase = rng.next() * Math.PI * 2;
  const pts: Offsets = [];
  for (let i = 0; i < k; i++) {
    const a = phase + ((i + rng.float(-0.3, 0.3, 3)) * Math.PI * 2) / k;
    const r = rng.float(rMin, rMax, 0);
    pts.push([r * Math.cos(a), r * Math.sin(a)]);
  }
  return pts;
}
function lineOffsets(rng: Rng, len: number): Offsets {
  let heading = rng.next() * Math.PI;
  const n = rng.int(3, 5);
  const step = len / (n - 1);
  let x = (-Math.cos(heading) * len) / 2;
  let y = (-Math.sin(heading) * len) / 2;
  const pts: Offsets = [[x, y]];
  for (let i = 1; i < n; i++) {
    heading += rng.float(-0.25, 0.25, 3);
    x += Math.cos(heading) * step;
    y += Math.sin(heading) * step;
    pts.push([x, y]);
  }
  return pts;
}

/** Places offsets around a random point of the district (or near `near`) so that every vertex lies inside it. */
function place(rng: Rng, d: District, make: () => Offsets, near?: Pos, spreadM = 0): { center: Pos; pts: Pos[] } {
  for (let attempt = 0; attempt < 80; attempt++) {
    let center: Pos;
    if (near && attempt < 40) {
      const kx = mPerDegLon(near[1]);
      center = [r6(near[0] + (rng.float(-1, 1, 4) * spreadM) / kx), r6(near[1] + (rng.float(-1, 1, 4) * spreadM) / M_PER_DEG_LAT)];
      if (!inside(d, center)) continue;
    } else center = randomPointIn(rng, d);
    const scale = attempt < 60 ? 1 : 0.3;
    const kx = mPerDegLon(center[1]);
    const pts = make().map(([dx, dy]): Pos => [r6(center[0] + (dx * scale) / kx), r6(center[1] + (dy * scale) / M_PER_DEG_LAT)]);
    if (pts.every((p) => inside(d, p))) return { center, pts };
  }
  const c = randomPointIn(rng, d);
  return { center: c, pts: [c] };
}
function polygonOf(pts: Pos[]): PolygonGeom {
  return { type: 'Polygon', coordinates: [[...pts, pts[0] as Pos]] };
}
/** Area of a lon/lat ring in square metres (local equirectangular projection). */
function ringAreaM2(ring: Pos[]): number {
  const [lon0, lat0] = ring[0] as Pos;
  const kx = mPerDegLon(lat0);
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as Pos;
    const [x2, y2] = ring[i + 1] as Pos;
    sum += (x1 - lon0) * kx * ((y2 - lat0) * M_PER_DEG_LAT) - (x2 - lon0) * kx * ((y1 - lat0) * M_PER_DEG_LAT);
  }
  return Math.abs(sum) / 2;
}
function polygonShape(rng: Rng, d: District, make: () => Offsets, near?: Pos, spreadM = 0): { center: Pos; geometry: Geom; areaM2: number } {
  const { center, pts } = place(rng, d, make, near, spreadM);
  if (pts.length < 3) return { center, geometry: { type: 'Point', coordinates: center }, areaM2: 0 };
  const geometry = polygonOf(pts);
  return { center, geometry, areaM2: round(ringAreaM2(geometry.coordinates[0] as Pos[]), 2) };
}

// ============================================================ the records ===

type Period = { start: string; end: string; unit: 'calendar' | 'working' };
type Status =
  | { state: 'active' }
  | { state: 'withdrawn'; day: number; reason: string }
  | { state: 'superseded'; by: Rec };

type Indicators = NonNullable<PlanningOut['indicators']>;
type PlanContent = {
  t: 'plan';
  permitType: PlanningOut['permitType'];
  category: string;
  projectName: string;
  applicant: string;
  location: string;
  indicators: Indicators;
  desc: string;
  geometry: Geom | undefined;
  period?: Period;
  hearing: boolean;
  permitWord: string;
  permitNo?: string;
  issueDay?: number;
  pre?: Rec;
  change?: { fromRatio: number; toRatio: number; fromUse: string; toUse: string };
  opinions: number;
};

type ParcelFact = {
  codeKey: string;
  codePad: number;
  code: string;
  town: string;
  location: string;
  areaM2: number;
  use: string;
  termYears: number;
  plotRatio?: { min?: number; max: number };
  buildingDensityMax?: number;
  greenRatioMin?: number;
  heightLimitM?: number;
  startPriceWan: number;
  depositWan: number;
  incrementWan: number;
  geometry: PolygonGeom | undefined;
};
type Deal = { priceWan: number; winner: string; day: number; bids: number };
type LandContent = {
  t: 'land';
  parcels: ParcelFact[];
  method: '挂牌' | '拍卖' | '招标';
  listing?: { applyDeadline: string; start: string; end: string; tradingUrl: string };
  deals?: Deal[];
  pre?: Rec;
  auctionStart?: string;
  auctionEnd?: string;
  period?: Period;
  plan?: { year: number; scope: string; suffix: string; rows: { use: string; newHa: number; existingHa: number }[] };
  approver: string;
};

type RightFact = {
  name: string;
  type: '探矿权' | '采矿权';
  mineral: string;
  licenseNo?: string;
  holder?: string;
  areaKm2: number;
  location: string;
  validFrom?: string;
  validUntil?: string;
  scale?: string;
  geometry: Geom | undefined;
  corners?: { no: string; lon: number; lat: number }[];
  reservesNote: string;
};
type MineContent = {
  t: 'mine';
  rights: RightFact[];
  transfer?: { method: '挂牌' | '拍卖' | '招标' | '协议'; startPriceWan: number; depositWan: number; start: string; end: string; dealPriceWan?: number; winner?: string };
  action: string;
  abolition?: { reason: string; objectionDeadline: string };
  period?: Period;
  pre?: Rec;
  years: number;
};

type SurvContent = {
  t: 'surv';
  applicant: string;
  creditCode?: string;
  item: string;
  action: string;
  decisionForm: string;
  decisionNo: string;
  decisionDay: number;
  grade?: '甲级' | '乙级';
  categories: string[];
  validUntil?: string;
  mapName?: string;
  reviewNo?: string;
  authority: string;
  geometry: Geom | undefined;
  period?: Period;
  mark?: { name: string; pointNo: string; project: string; location: string; executor: string };
  scaleText?: string;
  purpose?: string;
};

type Content = PlanContent | LandContent | MineContent | SurvContent;

type Rec = {
  kind: NoticeKind;
  sub: string;
  seq: number;
  d: District | undefined;
  day: number;
  time: string | undefined;
  docForm: string | undefined;
  docPrefix: string;
  docNo: string | undefined;
  id: string;
  related: Rec[];
  status: Status;
  correctionOf: Rec | undefined;
  paired: boolean;
  c: Content;
};

// ============================================================== generator ===

type Ctx = {
  rng: Rng;
  districts: District[];
  byName: Map<string, District>;
  today: number;
  first: number;
  seq: number;
  counters: Map<string, number>;
  /** 批前公示 periods by project name and permit type: the check refuses two open at once for one matter. */
  openProjects: Map<string, Period[]>;
};

function pickDistrict(ctx: Ctx, kind: NoticeKind): District {
  const weights = DISTRICT_WEIGHT[kind];
  const items = ctx.districts.map((d) => [d, weights[d.name] ?? 3] as const);
  return ctx.rng.weighted(items);
}

const YEAR_WEIGHT: readonly (readonly [number, number])[] = [
  [2019, 0.75], [2020, 0.8], [2021, 0.9], [2022, 0.95], [2023, 1], [2024, 1.05], [2025, 1.1], [2026, 1.0],
];
/** A publication day: spread over 2019–today, busier in recent years; ~5% in the last weeks so that some periods are still running. */
function publishDay(ctx: Ctx): number {
  const { rng, today, first } = ctx;
  let day: number;
  if (rng.chance(0.05)) day = today - rng.int(0, 24);
  else {
    const y = rng.weighted(YEAR_WEIGHT);
    const start = Math.max(first, dayOf(`${y}-01-01`));
    const end = Math.min(today, dayOf(`${y}-12-31`));
    day = rng.int(start, end);
  }
  day = workOnOrAfter(day);
  if (day > today) day = workOnOrBefore(today);
  return day;
}
function publishTime(rng: Rng): string | undefined {
  if (rng.chance(0.15)) return undefined;
  const h = rng.int(8, 17);
  const m = h === 8 ? rng.pick([30, 40, 45, 50]) : rng.pick([0, 0, 0, 10, 15, 20, 30, 30, 40, 45, 50]);
  return `${pad(h, 2)}:${pad(m, 2)}`;
}

function newRec(ctx: Ctx, kind: NoticeKind, sub: string, d: District | undefined, day: number, c: Content, docForm: string | undefined, docPrefix: string): Rec {
  return {
    kind, sub, seq: ctx.seq++, d, day, time: publishTime(ctx.rng), docForm, docPrefix, docNo: undefined, id: '',
    related: [], status: { state: 'active' }, correctionOf: undefined, paired: false, c,
  };
}

function workingPeriod(start: number, n: number): Period {
  return { start: isoOf(start), end: isoOf(workPeriodEnd(start, n)), unit: 'working' };
}
function calendarPeriod(start: number, n: number): Period {
  return { start: isoOf(start), end: isoOf(start + n - 1), unit: 'calendar' };
}

// ---------------------------------------------------------------- planning

type ProjectSpec = {
  category: string;
  projectName: string;
  applicant: string;
  desc: string;
  shape: 'rect' | 'blob' | 'line' | 'point';
  size: [number, number];
  ratio: [number, number];
  density: [number, number];
  green: [number, number];
  height: [number, number];
  parkingPer100: number;
  rural: boolean;
};

function projectSpec(ctx: Ctx, d: District, town: string, permitType: PlanContent['permitType']): ProjectSpec {
  const { rng } = ctx;
  const cats: [string, number][] =
    permitType === '乡村建设规划许可'
      ? [['rural', 1]]
      : [
          ['residential', d.info.urban ? 30 : 16], ['commercial', d.info.urban ? 8 : 4], ['school', 8], ['kindergarten', 3], ['hospital', 4],
          ['community', 4], ['industrial', d.info.urban ? 9 : 13], ['logistics', 5], ['grain', d.info.urban ? 1 : 6], ['utility', 6],
          ['road', 6], ['renovation', d.info.urban ? 6 : 2], ['public', 5],
        ];
  const cat = rng.weighted(cats);
  const base = { category: cat, shape: 'rect' as ProjectSpec['shape'], size: [150, 320] as [number, number], ratio: [1, 2] as [number, number], density: [20, 35] as [number, number], green: [25, 35] as [number, number], height: [15, 40] as [number, number], parkingPer100: 0.5, rural: false };
  const floors = (lo: number, hi: number) => rng.int(lo, hi);
  switch (cat) {
    case 'residential': {
      const brand = rng.chance(0.3) ? `${tradeName(rng)}${rng.pick(ESTATE_BRAND)}` : rng.pick(ESTATE_BRAND);
      const name = `${brand}${rng.pick(ESTATE_SUFFIX)}${rng.weighted(PHASE)}`;
      const n = rng.int(4, 18);
      const f = floors(6, 26);
      return {
        ...base, projectName: `${d.info.urban ? '' : d.info.short}${name}项目`, applicant: company(rng, DEVELOPER, d),
        desc: `拟建${n}栋${f}层住宅楼及${rng.int(1, 4)}栋${floors(2, 3)}层商业网点，配套建设地下车库、物业服务用房、社区用房、垃圾收集站和换热站等设施`,
        size: [150, 380], ratio: [1.2, 2.8], density: [18, 30], green: [30, 40], height: [f * 3 + 1.5, f * 3 + 4], parkingPer100: 0.9,
      };
    }
    case 'commercial': {
      const t = rng.pick(['商业综合体', '购物中心', '商务中心', '商贸城', '酒店', '农贸市场', '汽车销售服务中心', '家居建材市场', '写字楼', '专业市场', '会展中心']);
      return {
        ...base, projectName: `${rng.pick(ESTATE_BRAND)}${t}项目`, applicant: company(rng, [...DEVELOPER, '商贸', '实业', '投资'], d),
        desc: `拟建${t}主体建筑${rng.int(1, 3)}栋，地上${floors(3, 22)}层、地下${rng.int(1, 2)}层，配套建设地下停车库及室外广场`,
        size: [80, 220], ratio: [1.5, 4], density: [35, 55], green: [15, 25], height: [18, 90], parkingPer100: 1,
      };
    }
    case 'school': {
      const part = rng.pick(['教学楼', '综合楼', '体育馆', '学生宿舍楼', '食堂', '实验楼', '图书馆']);
      const act = rng.pick(['新建', '扩建', '改扩建']);
      const school = d.info.urban
        ? rng.chance(0.6)
          ? `齐齐哈尔市第${cnNumber(rng.int(1, 60))}中学`
          : `${d.name}${rng.pick(d.info.roads).replace(/(大街|路|街|大道)$/, '')}小学`
        : rng.chance(0.5)
          ? `${d.name}第${cnNumber(rng.int(1, 9))}中学`
          : `${d.name}${rng.pick(d.info.towns)}中心学校`;
      return {
        ...base, projectName: `${school}${part}${act}工程`, applicant: rng.chance(0.6) ? school : `${d.name}教育局`,
        desc: `拟${act}${part}一栋，地上${floors(3, 5)}层，框架结构，同步建设室外运动场地、消防通道和连廊`,
        size: [120, 240], ratio: [0.6, 1.2], density: [20, 30], green: [35, 40], height: [14, 24], parkingPer100: 0.3,
      };
    }
    case 'kindergarten': {
      const k = d.info.urban ? `${d.name}第${cnNumber(rng.int(1, 12))}幼儿园` : `${d.name}${rng.pick(d.info.towns)}中心幼儿园`;
      return {
        ...base, projectName: `${k}新建工程`, applicant: rng.chance(0.5) ? k : `${d.name}教育局`,
        desc: `拟建${rng.pick([6, 9, 12, 15])}班幼儿园一所，主体${floors(2, 3)}层，配套室外活动场地`,
        size: [60, 120], ratio: [0.5, 0.9], density: [25, 32], green: [35, 40], height: [9, 13], parkingPer100: 0.3,
      };
    }
    case 'hospital': {
      const h = d.info.urban
        ? `齐齐哈尔市${rng.pick(['第一医院', '第二医院', '第七医院', '中医医院', '妇幼保健院', '精神卫生中心', '口腔医院', '眼科医院', '第一神经精神病医院', '传染病医院'])}`
        : rng.chance(0.6)
          ? `${d.name}人民医院`
          : `${d.name}${rng.pick(d.info.towns)}卫生院`;
      const part = rng.pick(['门诊楼', '住院综合楼', '医技楼', '感染性疾病科楼', '发热门诊', '康复楼', '急诊急救中心']);
      return {
        ...base, projectName: `${h}${part}${rng.pick(['新建', '扩建', '改扩建'])}工程`, applicant: h,
        desc: `拟建${part}一栋，地上${floors(4, 16)}层、地下${rng.int(1, 2)}层，配套建设医疗废物暂存间、污水处理站及地下停车场`,
        size: [100, 220], ratio: [1.2, 2.5], density: [25, 40], green: [30, 35], height: [20, 60], parkingPer100: 1.1,
      };
    }
    case 'community': {
      const t = rng.pick(['社区综合服务中心', '养老服务中心', '日间照料中心', '社区卫生服务中心', '党群服务中心', '便民服务中心', '老年活动中心']);
      return {
        ...base, projectName: `${d.name}${town}${t}建设项目`, applicant: rng.chance(0.5) ? `${d.name}民政局` : `${d.name}${town.endsWith('街道') ? town + '办事处' : town + '人民政府'}`,
        desc: `拟建${t}一处，主体${floors(2, 5)}层，包含服务大厅、活动用房、康复用房及配套设施`,
        size: [50, 110], ratio: [0.8, 1.6], density: [25, 40], green: [25, 35], height: [9, 20], parkingPer100: 0.5,
      };
    }
    case 'industrial': {
      const [product, unit] = rng.pick([
        ['玉米深加工', '万吨'], ['大豆蛋白', '万吨'], ['乳制品', '万吨'], ['饲料', '万吨'], ['生物质颗粒燃料', '万吨'], ['铸件', '万吨'],
        ['新型墙体材料', '万立方米'], ['有机肥', '万吨'], ['马铃薯淀粉', '万吨'], ['稻米加工', '万吨'], ['肉牛屠宰加工', '万头'],
        ['装配式建筑构件', '万立方米'], ['风电塔筒', '套'], ['光伏支架', '万吨'], ['汽车零部件', '万件'], ['重型机床零部件', '台套'],
        ['亚麻纺织', '万米'], ['中药饮片', '吨'], ['速冻食品', '万吨'], ['啤酒', '万千升'], ['轨道车辆配件', '万件'], ['燃料乙醇', '万吨'],
      ] as const);
      const qty = unit === '套' || unit === '台套' || unit === '吨' ? rng.int(2, 60) * 50 : rng.int(1, 60);
      const co = company(rng, INDUSTRY, d);
      return {
        ...base, projectName: `${co.replace(/(股份|集团)?有限(责任)?公司$/, '')}年产${qty}${unit}${product}项目`, applicant: co,
        desc: `拟建生产车间${rng.int(1, 4)}栋、原料及成品库房${rng.int(1, 3)}栋、综合办公楼1栋，配套建设变配电室、消防水池和污水预处理设施`,
        size: [200, 480], ratio: [0.8, 1.6], density: [35, 55], green: [8, 15], height: [12, 24], parkingPer100: 0.2,
      };
    }
    case 'logistics': {
      const t = rng.pick(['冷链物流园', '物流仓储中心', '电商物流园', '农产品仓储物流中心', '快递分拣中心', '建材物流园', '粮食物流中心']);
      const co = company(rng, LOGISTICS, d);
      return {
        ...base, projectName: `${co.replace(/(股份|集团)?有限(责任)?公司$/, '')}${t}项目`, applicant: co,
        desc: `拟建${rng.pick(['单层', '双层'])}仓库${rng.int(2, 8)}栋、综合楼1栋，配套建设装卸平台、停车场和道路`,
        size: [180, 450], ratio: [0.6, 1.2], density: [40, 55], green: [10, 15], height: [10, 24], parkingPer100: 0.3,
      };
    }
    case 'grain': {
      const t = rng.pick(['粮食仓储库', '粮食烘干塔', '粮库扩建', '浅圆仓', '平房仓']);
      return {
        ...base, projectName: `${d.name}${town}${t}建设项目`, applicant: rng.chance(0.5) ? `${d.info.short}${rng.pick(['中心粮库', '国家粮食储备库', '粮食储备库'])}` : company(rng, ['粮贸', '粮食', '米业'], d),
        desc: `拟建仓容${rng.int(2, 20)}万吨${t.includes('烘干') ? `烘干塔${rng.int(1, 3)}座，日处理能力${rng.int(3, 10) * 100}吨` : '仓房及配套罩棚、地磅房、晒场'}`,
        size: [150, 350], ratio: [0.5, 1.0], density: [35, 50], green: [8, 15], height: [12, 40], parkingPer100: 0.1,
      };
    }
    case 'utility': {
      const t = rng.pick(['供热站', '热源厂', '变电站', '污水处理厂', '再生水厂', '给水厂', '燃气门站', '垃圾转运站', '加油加气站', '充电站', '换热站']);
      const where = rng.pick(['第二', '第三', '东部', '西部', '北部', '南部', '城东', '城西', '第四']);
      return {
        ...base, projectName: `${d.name}${where}${t}${rng.pick(['新建', '扩建', '改造'])}工程`,
        applicant: t.includes('热') ? company(rng, ['热力', '热电', '供热'], d) : t.includes('水') ? company(rng, ['水务', '供排水'], d) : t.includes('电') ? `国网齐齐哈尔供电公司` : company(rng, ['燃气', '环卫', '能源'], d),
        desc: `拟建${t}一座，主要建设生产用房、综合管理用房及配套管线，设计规模${rng.int(2, 40) * 5}${t.includes('水') ? '万吨/日' : t.includes('热') ? '兆瓦' : t.includes('电') ? '兆伏安' : '吨/日'}`,
        size: [60, 200], ratio: [0.3, 1.0], density: [20, 40], green: [20, 30], height: [8, 30], parkingPer100: 0.1,
      };
    }
    case 'road': {
      const [a, b] = twoRoads(rng, d);
      let c = road(rng, d);
      for (let i = 0; i < 5 && (c === a || c === b); i++) c = road(rng, d);
      const work = rng.pick(['道路新建', '道路改造', '排水管网改造', '供热管网改造', '给水管网改造', '燃气管网敷设', '雨污分流改造', '道路拓宽']);
      return {
        ...base, shape: 'line', projectName: `${d.name}${a}（${b}至${c}段）${work}工程`,
        applicant: rng.chance(0.5) ? `${d.name}住房和城乡建设局` : company(rng, BUILDER, d),
        desc: `工程全长约${rng.int(4, 30) * 50}米，${work.includes('道路') ? `道路红线宽度${rng.pick([16, 20, 24, 30, 36, 40])}米，同步建设排水、照明、绿化及交通设施` : `管径DN${rng.pick([300, 400, 500, 600, 800, 1000])}，同步恢复路面`}`,
        size: [300, 1500],
      };
    }
    case 'renovation': {
      const t = rng.pick(['老旧小区改造', '棚户区改造', '既有建筑节能改造', '城中村改造', '背街小巷改造']);
      return {
        ...base, projectName: `${d.name}${town}${t}项目（${rng.chance(0.5) ? `第${cnNumber(rng.int(1, 8))}批` : `${rng.int(1, 30)}号地块`}）`,
        applicant: rng.chance(0.6) ? `${d.name}住房和城乡建设局` : company(rng, BUILDER, d),
        desc: `改造涉及住宅楼${rng.int(3, 40)}栋、${rng.int(200, 3000)}户，主要内容包括外墙保温、屋面防水、管网更新及小区道路、停车位和照明设施`,
        size: [150, 400], ratio: [1.2, 2.5], density: [25, 35], green: [25, 30], height: [12, 30], parkingPer100: 0.6,
      };
    }
    case 'public': {
      const t = rng.pick(['文化活动中心', '全民健身中心', '体育馆', '图书馆', '消防救援站', '公交首末站', '公共停车场', '应急避难场所', '城市书房', '游客服务中心', '青少年活动中心', '档案馆']);
      return {
        ...base, projectName: `${d.name}${t}建设项目`,
        applicant: t.includes('消防') ? `齐齐哈尔市消防救援支队` : t.includes('公交') ? `齐齐哈尔市公共交通集团有限公司` : `${d.name}${rng.pick(['文体广电和旅游局', '住房和城乡建设局', '机关事务服务中心', '人民政府'])}`,
        desc: `拟建${t}一处，主体${floors(1, 5)}层，配套室外场地、绿化和停车设施`,
        size: [80, 200], ratio: [0.4, 1.5], density: [20, 40], green: [25, 35], height: [8, 24], parkingPer100: 0.8,
      };
    }
    default: {
      const v = village(rng);
      const t = rng.pick(['村级活动场所', '粮食烘干塔', '农机合作社库房', '肉牛养殖场', '村卫生室', '文化广场', '蔬菜大棚', '农产品初加工车间', '村民住宅']);
      const applicant = rng.chance(0.5) ? `${town}${v}村民委员会` : `${d.info.short}${tradeName(rng)}${rng.pick(['种植', '农机', '养殖', '果蔬'])}专业合作社`;
      return {
        ...base, rural: true, shape: rng.chance(0.5) ? 'point' : 'rect', projectName: `${town}${v}${t}${rng.pick(['新建', '翻建', '扩建'])}项目`, applicant,
        desc: `拟在${town}${v}集体建设用地上建设${t}，建筑层数${rng.int(1, 2)}层`,
        size: [30, 90], ratio: [0.3, 0.8], density: [25, 45], green: [5, 15], height: [4, 9], parkingPer100: 0,
      };
    }
  }
}

function indicatorsFor(rng: Rng, spec: ProjectSpec, landAreaM2: number, permitType: PlanContent['permitType']): Indicators {
  if (landAreaM2 <= 0) landAreaM2 = rng.int(300, 3000);
  const ratio = rng.float(spec.ratio[0], spec.ratio[1], 2);
  const above = round(landAreaM2 * ratio, 2);
  if (permitType === '建设用地规划许可' || permitType === '规划条件变更')
    return { landAreaM2, plotRatio: ratio, buildingDensity: rng.float(spec.density[0], spec.density[1], 1), greenRatio: rng.float(spec.green[0], spec.green[1], 1) };
  const below = spec.rural ? 0 : round(above * rng.float(0, 0.3, 3), 2);
  const ind: Indicators = {
    landAreaM2,
    floorAreaM2: round(above + below, 2),
    aboveGroundM2: above,
    belowGroundM2: below,
    plotRatio: ratio,
    buildingDensity: rng.float(spec.density[0], spec.density[1], 1),
    greenRatio: rng.float(spec.green[0], spec.green[1], 1),
    heightM: Math.min(699, rng.float(spec.height[0], spec.height[1], 1)),
  };
  if (spec.parkingPer100 > 0) ind.parkingSpaces = Math.round(((above + below) / 100) * spec.parkingPer100 * rng.float(0.8, 1.2, 2));
  return ind;
}

const CHANNELS = [
  (addr: string, email: string, phone: string) => `书面意见请邮寄或送达${addr}，邮编161000，信封请注明“规划公示意见”；也可发送电子邮件至${email}；咨询电话${phone}`,
  (addr: string, email: string, phone: string) => `可在公示现场意见箱投递书面意见，或将意见发送至${email}，或邮寄至${addr}；联系电话${phone}`,
  (addr: string, _email: string, phone: string) => `请以书面形式实名（单位）提出意见，送达${addr}规划公示意见收集处；咨询电话${phone}`,
];

function makePlanPre(ctx: Ctx, d: District, day: number): Rec {
  const { rng } = ctx;
  const permitType = rng.weighted<PlanContent['permitType']>([['建设工程规划许可', 55], ['建设用地规划许可', 18], ['乡村建设规划许可', d.info.urban ? 3 : 12], ['控制性详细规划', 8], ['规划条件变更', 7]]);
  const town = rng.pick(d.info.towns);
  let c: PlanContent;
  if (permitType === '控制性详细规划') {
    const [a, b] = twoRoads(rng, d);
    const area = rng.pick([`${a}${rng.pick(['以东', '以西', '以南', '以北'])}`, `${town.replace(/(街道|镇|乡)$/, '')}${rng.pick(['东部', '西部', '南部', '北部', '中心'])}`, `${rng.pick(ESTATE_BRAND)}`, `${a}—${b}`]);
    const shape = polygonShape(rng, d, () => blobOffsets(rng, 350, 800, rng.int(6, 9)));
    const name = `${d.name}${area}片区控制性详细规划${rng.pick(['（修改）', '（局部调整）', '', '（修编）'])}`;
    c = {
      t: 'plan', permitType, category: 'plan', projectName: name, applicant: rng.chance(0.5) ? CITY_BUREAU : `${d.name}人民政府`,
      location: `${d.name}${a}以${rng.pick(DIR_EW)}、${b}以${rng.pick(DIR_NS)}围合区域`, indicators: { landAreaM2: shape.areaM2 || rng.int(100_000, 900_000) },
      desc: `规划范围总用地面积约${round((shape.areaM2 || 300_000) / 10_000, 2)}公顷，主要调整内容为${rng.pick(['部分地块用地性质由工业用地调整为居住用地', '增加中小学和社区服务设施用地', '优化路网结构，增设支路两条', '调整部分地块容积率和建筑限高', '增加公园绿地和广场用地', '落实供热、消防等市政设施用地'])}`,
      geometry: shape.geometry, hearing: true, permitWord: '控制性详细规划（修改）', opinions: 0,
      period: calendarPeriod(day, 30),
    };
  } else {
    const spec = projectSpec(ctx, d, town, permitType);
    const s = spec.size;
    let geometry: Geom | undefined;
    let areaM2 = 0;
    if (spec.shape === 'line') {
      const p = place(rng, d, () => lineOffsets(rng, rng.float(s[0], s[1], 0)));
      geometry = p.pts.length >= 2 ? { type: 'LineString', coordinates: p.pts } : { type: 'Point', coordinates: p.center };
    } else if (spec.shape === 'point') {
      geometry = { type: 'Point', coordinates: randomPointIn(rng, d) };
      areaM2 = rng.int(300, 4000);
    } else {
      const shape = polygonShape(rng, d, () => rectOffsets(rng, s[0], s[1], s[0] * 0.7, s[1]));
      geometry = shape.geometry;
      areaM2 = shape.areaM2;
    }
    if (rng.chance(0.04)) geometry = undefined;
    const location = spec.shape === 'line'
      ? `${d.name}${spec.projectName.slice(d.name.length).replace(/（(.+?)段）.*$/, '（$1段）')}`
      : spec.rural
        ? ruralLocation(rng, d, town)
        : urbanLocation(rng, d, town);
    const indicators = spec.shape === 'line' ? {} : indicatorsFor(rng, spec, areaM2, permitType);
    const permitWord = permitType === '建设工程规划许可' ? '建设工程规划许可' : permitType === '建设用地规划许可' ? '建设用地规划许可' : permitType === '乡村建设规划许可' ? '乡村建设规划许可' : '规划条件变更';
    c = {
      t: 'plan', permitType, category: spec.category, projectName: spec.projectName, applicant: spec.applicant, location, indicators, desc: spec.desc,
      geometry, hearing: rng.chance(0.9), permitWord, opinions: 0,
      period: workingPeriod(day, rng.weighted([[7, 2], [10, 6], [15, 1], [20, 1]])),
    };
    if (permitType === '规划条件变更') {
      const fromRatio = rng.float(0.8, 2.2, 1);
      c.change = {
        fromRatio, toRatio: round(fromRatio + rng.float(0.2, 0.8, 1), 1),
        fromUse: rng.pick(['工业用地', '仓储用地', '商业用地', '城镇住宅用地']), toUse: rng.pick(['城镇住宅用地', '商住混合用地', '商业用地', '教育用地']),
      };
      const [ra] = twoRoads(rng, d);
      c.projectName = rng.chance(0.5)
        ? `原${company(rng, [...INDUSTRY, ...LOGISTICS], d).replace(/(股份|集团)?有限(责任)?公司$/, '')}厂区地块规划条件变更`
        : `${d.name}${ra}以${rng.pick(DIR_EW)}${rng.pick(['', 'A', 'B', '一号', '二号'])}地块规划条件变更`;
      c.applicant = company(rng, DEVELOPER, d);
      c.desc = `原规划条件为${c.change.fromUse}、容积率不大于${c.change.fromRatio}，调整为${c.change.toUse}、容积率不大于${c.change.toRatio}`;
      c.indicators = { ...indicators, plotRatio: c.change.toRatio };
    }
  }
  return newRec(ctx, 'planning', '批前公示', d, day, c, rng.chance(0.9) ? '规公' : undefined, d.info.doc);
}

const PHASES = ['二期', '三期', '四期', '五期', '六期', '七期', '八期', '九期'];
/**
 * Names repeat across 50,000 notices (a 第四幼儿园 in each district, a brand
 * reused): a second 批前公示 of the same name and permit whose period overlaps
 * an open one becomes the project's next phase, as a real second filing would
 * be, so the corpus passes the check's one-公示-per-matter rule.
 */
function distinctProject(ctx: Ctx, c: PlanContent): void {
  const p = c.period;
  if (!p) return;
  const key = (name: string) => `${name.normalize('NFKC').replace(/\s+/g, '')}|${c.permitType}`;
  const clashes = (name: string) => (ctx.openProjects.get(key(name)) ?? []).some((o) => o.start <= p.end && p.start <= o.end);
  const base = c.projectName;
  for (let i = 0; clashes(c.projectName); i++) {
    const phase = PHASES[i] ?? `${i + 2}期`;
    c.projectName = /(项目|工程)$/.test(base) ? base.replace(/(项目|工程)$/, `（${phase}）$1`) : `${base}（${phase}）`;
  }
  ctx.openProjects.set(key(c.projectName), [...(ctx.openProjects.get(key(c.projectName)) ?? []), p]);
}

function makePlanPost(ctx: Ctx, d: District, day: number, pre: Rec | undefined): Rec {
  const { rng } = ctx;
  let c: PlanContent;
  let issueDay: number;
  if (pre) {
    const p = pre.c as PlanContent;
    c = { ...p, period: undefined, pre };
    issueDay = day;
    day = Math.min(ctx.today, workAfter(issueDay, rng.int(0, 5)));
    c.opinions = rng.chance(0.7) ? 0 : rng.int(1, 6);
  } else {
    const base = makePlanPre(ctx, d, day).c as PlanContent;
    ctx.seq--;
    c = { ...base, period: undefined };
    issueDay = Math.max(ctx.first, workOnOrBefore(day - rng.int(1, 12)));
  }
  c.issueDay = issueDay;
  const y = yearOf(issueDay);
  const seq = next(ctx, `permit|${c.permitType}|${d.code}|${y}`, 1, 3);
  c.permitNo =
    c.permitType === '建设工程规划许可'
      ? `建字第${d.code}${y}${pad(seq, 5)}号`
      : c.permitType === '建设用地规划许可'
        ? `地字第${d.code}${y}${pad(seq, 5)}号`
        : c.permitType === '乡村建设规划许可'
          ? `乡字第${d.code}${y}${pad(seq, 5)}号`
          : c.permitType === '控制性详细规划'
            ? `${d.info.urban ? '齐政函' : `${d.info.short}政函`}〔${y}〕${seq}号`
            : `${d.info.doc}自然资规函〔${y}〕${seq}号`;
  if (rng.chance(0.3)) c.period = calendarPeriod(day, 30);
  const r = newRec(ctx, 'planning', '批后公布', d, day, c, rng.chance(0.85) ? '规公' : undefined, d.info.doc);
  if (pre) linkPair(r, pre);
  return r;
}

/** Links a follow-up notice (批后公布, 成交公示) with the one it follows, both ways. */
function linkPair(r: Rec, pre: Rec): void {
  r.related.push(pre);
  pre.related.push(r);
  r.paired = true;
  pre.paired = true;
}

/** A strictly increasing counter per key, starting low and leaving small gaps (other documents share the series). */
function next(ctx: Ctx, key: string, minStep = 1, maxStep = 2): number {
  const prev = ctx.counters.get(key);
  const n = prev === undefined ? ctx.rng.int(1, 4) : prev + ctx.rng.int(minStep, maxStep);
  ctx.counters.set(key, n);
  return n;
}

// -------------------------------------------------------------------- land

type LandUse = { use: string; term: number; ratio: [number, number] | undefined; density?: number; green?: number; height?: [number, number]; price: [number, number]; countyPrice: [number, number]; size: [number, number]; weight: number };
const LAND_USES: readonly LandUse[] = [
  { use: '城镇住宅用地', term: 70, ratio: [1.2, 2.8], density: 30, green: 30, height: [36, 80], price: [900, 2600], countyPrice: [300, 900], size: [150, 380], weight: 34 },
  { use: '城镇住宅用地、零售商业用地', term: 70, ratio: [1.5, 3.0], density: 35, green: 30, height: [36, 80], price: [1000, 2800], countyPrice: [350, 950], size: [150, 350], weight: 8 },
  { use: '零售商业用地', term: 40, ratio: [1.0, 3.5], density: 50, green: 20, height: [24, 60], price: [700, 2000], countyPrice: [250, 700], size: [80, 220], weight: 8 },
  { use: '商务金融用地', term: 40, ratio: [2.0, 5.0], density: 45, green: 20, height: [50, 100], price: [900, 2400], countyPrice: [300, 800], size: [80, 180], weight: 3 },
  { use: '批发市场用地', term: 40, ratio: [1.0, 2.0], density: 50, green: 15, height: [15, 24], price: [500, 1200], countyPrice: [200, 500], size: [120, 300], weight: 2 },
  { use: '旅馆用地', term: 40, ratio: [1.5, 3.5], density: 40, green: 25, height: [24, 60], price: [800, 2000], countyPrice: [250, 700], size: [60, 150], weight: 1 },
  { use: '工业用地', term: 50, ratio: [0.8, 1.6], density: 60, height: [15, 30], price: [150, 320], countyPrice: [110, 220], size: [200, 500], weight: 30 },
  { use: '仓储用地', term: 50, ratio: [0.6, 1.2], density: 60, height: [12, 24], price: [160, 340], countyPrice: [120, 240], size: [180, 450], weight: 6 },
  { use: '物流仓储用地', term: 50, ratio: [0.6, 1.5], density: 60, height: [12, 24], price: [170, 360], countyPrice: [120, 250], size: [180, 450], weight: 4 },
  { use: '公用设施营业网点用地', term: 40, ratio: [0.2, 0.8], density: 40, green: 15, height: [8, 15], price: [600, 1800], countyPrice: [250, 700], size: [40, 90], weight: 2 },
  { use: '医疗卫生用地', term: 50, ratio: [1.0, 2.5], density: 35, green: 35, height: [24, 50], price: [400, 900], countyPrice: [150, 400], size: [100, 220], weight: 1 },
  { use: '社会福利用地', term: 50, ratio: [0.8, 1.8], density: 30, green: 35, height: [15, 36], price: [300, 800], countyPrice: [120, 350], size: [80, 200], weight: 1 },
];
const LAND_USE_WEIGHTS = LAND_USES.map((u) => [u, u.weight] as const);

/** Parcel code styles; the counter key makes every code unique across the corpus. */
function parcelCodeStyle(rng: Rng, d: District, year: number): { key: string; pad: number } {
  if (d.info.urban) {
    const style = rng.weighted([['G', 5], ['QQHR', 3], ['ABBR', 2]] as const);
    if (style === 'G') return { key: `${year}-G-`, pad: 3 };
    if (style === 'QQHR') return { key: `QQHR${year}-`, pad: 3 };
    return { key: `${d.info.abbr}${year}-`, pad: 2 };
  }
  return rng.chance(0.7) ? { key: `${d.info.abbr}${year}-`, pad: 2 } : { key: `${d.info.abbr}G${year}-`, pad: 2 };
}

function makeParcels(ctx: Ctx, d: District, year: number, count: number): ParcelFact[] {
  const { rng } = ctx;
  const parcels: ParcelFact[] = [];
  let anchor: Pos | undefined;
  const town = rng.pick(d.info.towns);
  const sameUse = rng.chance(0.6) ? rng.weighted(LAND_USE_WEIGHTS) : undefined;
  for (let i = 0; i < count; i++) {
    const u = sameUse ?? rng.weighted(LAND_USE_WEIGHTS);
    const shape = polygonShape(rng, d, () => rectOffsets(rng, u.size[0], u.size[1], u.size[0] * 0.7, u.size[1]), anchor, 1500);
    anchor ??= shape.center;
    const areaM2 = shape.areaM2 > 0 ? shape.areaM2 : rng.int(3000, 60_000);
    const unit = rng.int(...(d.info.urban ? u.price : u.countyPrice));
    const start = Math.max(1, Math.round((areaM2 * unit) / 10_000));
    const style = parcelCodeStyle(rng, d, year);
    const p: ParcelFact = {
      codeKey: style.key, codePad: style.pad, code: '', town,
      location: urbanLocation(rng, d, town),
      areaM2, use: u.use, termYears: u.term,
      startPriceWan: start,
      depositWan: Math.max(1, Math.round(start * rng.pick([0.2, 0.3, 0.5, 1]))),
      incrementWan: start < 300 ? rng.pick([1, 2, 5]) : start < 3000 ? rng.pick([5, 10, 20]) : rng.pick([20, 50, 100]),
      geometry: shape.geometry.type === 'Polygon' ? shape.geometry : undefined,
    };
    if (u.ratio) {
      const max = rng.float(u.ratio[0], u.ratio[1], 1);
      p.plotRatio = u.use.startsWith('城镇住宅') ? { min: round(Math.max(0.5, max - rng.pick([0.5, 0.8, 1])), 1), max } : u.use.includes('工业') || u.use.includes('仓储') ? { min: rng.pick([0.6, 0.8, 1]), max: Math.max(max, 1.2) } : { max };
    }
    if (u.density !== undefined) p.buildingDensityMax = u.density;
    if (u.green !== undefined) p.greenRatioMin = u.green;
    if (u.height) p.heightLimitM = rng.int(u.height[0], u.height[1]);
    parcels.push(p);
  }
  return parcels;
}

function landListing(rng: Rng, day: number, method: LandContent['method'], codeHint: string): NonNullable<LandContent['listing']> & { period: Period } {
  const startDay = workOnOrAfter(day + rng.int(21, 30));
  const endDay = method === '挂牌' ? workOnOrAfter(startDay + rng.int(10, 14)) : startDay;
  const applyDay = method === '挂牌' ? workOnOrBefore(endDay - rng.int(2, 4)) : workOnOrBefore(startDay - rng.int(2, 4));
  return {
    applyDeadline: dateTime(applyDay, 16, 0),
    start: dateTime(startDay, 9, 0),
    end: method === '挂牌' ? dateTime(endDay, rng.pick([10, 14, 15]), 0) : dateTime(endDay, 11, 0),
    tradingUrl: `https://ggzy.qqhr.example.gov.cn/tdjy/${encodeURIComponent(codeHint)}`,
    period: { start: isoOf(day), end: isoOf(startDay - 1), unit: 'calendar' },
  };
}

function makeLandSale(ctx: Ctx, d: District, day: number): Rec {
  const { rng } = ctx;
  const method = rng.weighted<LandContent['method']>([['挂牌', 86], ['拍卖', 11], ['招标', 3]]);
  const parcels = makeParcels(ctx, d, yearOf(day), rng.weighted([[1, 60], [2, 22], [3, 12], [4, 6]]));
  const { period, ...listing } = landListing(rng, day, method, `${d.info.abbr}${isoOf(day).replaceAll('-', '')}`);
  const c: LandContent = { t: 'land', parcels, method, listing, period, approver: d.info.urban ? '齐齐哈尔市人民政府' : `${d.name}人民政府` };
  return newRec(ctx, 'land', '出让公告', d, day, c, '告字', d.info.doc);
}

function dealFor(rng: Rng, p: ParcelFact, day: number, d: District): Deal {
  const industrial = /工业|仓储/.test(p.use);
  const bids = industrial ? (rng.chance(0.8) ? 0 : rng.int(1, 6)) : rng.chance(0.45) ? 0 : rng.int(1, 40);
  return {
    priceWan: round(p.startPriceWan + bids * p.incrementWan, 1),
    winner: company(rng, industrial ? [...INDUSTRY, ...LOGISTICS] : DEVELOPER, d),
    day, bids,
  };
}

function makeLandDeal(ctx: Ctx, d: District, day: number, pre: Rec | undefined): Rec {
  const { rng } = ctx;
  let c: LandContent;
  if (pre) {
    const p = pre.c as LandContent;
    const endDay = dayOf((p.listing as NonNullable<LandContent['listing']>).end);
    day = Math.min(ctx.today, workAfter(endDay, rng.int(1, 8)));
    c = { t: 'land', parcels: p.parcels, method: p.method, deals: p.parcels.map((x) => dealFor(rng, x, endDay, d)), pre, approver: p.approver, auctionStart: p.listing?.start, auctionEnd: p.listing?.end };
  } else {
    const method = rng.weighted<LandContent['method']>([['挂牌', 88], ['拍卖', 12]]);
    const dealDay = Math.max(ctx.first, workOnOrBefore(day - rng.int(1, 7)));
    const parcels = makeParcels(ctx, d, yearOf(dealDay), rng.weighted([[1, 70], [2, 20], [3, 10]]));
    c = { t: 'land', parcels, method, deals: parcels.map((x) => dealFor(rng, x, dealDay, d)), approver: d.info.urban ? '齐齐哈尔市人民政府' : `${d.name}人民政府` };
  }
  c.period = workingPeriod(day, rng.pick([5, 10, 10]));
  const r = newRec(ctx, 'land', '成交公示', d, day, c, rng.chance(0.6) ? '告字' : undefined, d.info.doc);
  if (pre) linkPair(r, pre);
  return r;
}

const PLAN_USES = ['商服用地', '工矿仓储用地', '住宅用地', '公共管理与公共服务用地', '交通运输用地', '水域及水利设施用地', '特殊用地'] as const;
function makeSupplyPlan(ctx: Ctx, d: District | undefined, day: number): Rec {
  const { rng } = ctx;
  const year = yearOf(day);
  const planYear = isoOf(day).slice(5) < '04-01' || rng.chance(0.5) ? year : Math.min(year + 1, 2027);
  const scale = d ? (d.info.urban ? 0.25 : 0.35) : 1;
  const rows = PLAN_USES.filter((u, i) => i < 3 || rng.chance(0.75) || u === '公共管理与公共服务用地').map((use) => {
    const big = use === '住宅用地' || use === '工矿仓储用地' || use === '交通运输用地';
    return { use, newHa: round(rng.float(big ? 20 : 3, big ? 180 : 40, 2) * scale, 2), existingHa: round(rng.float(big ? 5 : 1, big ? 60 : 15, 2) * scale, 2) };
  });
  const scope = d ? d.name : '齐齐哈尔市';
  const suffix = rng.weighted([['', 6], ['（调整）', 2], ['（第二次调整）', 1], ['（住宅用地专项）', 1]]);
  const c: LandContent = { t: 'land', parcels: [], method: '挂牌', plan: { year: planYear, scope, suffix, rows }, approver: d && !d.info.urban ? `${d.name}人民政府` : '齐齐哈尔市人民政府' };
  const prefix = d && !d.info.urban ? d.info.doc : '齐';
  return newRec(ctx, 'land', '供地计划', d && !d.info.urban ? d : undefined, day, c, '发', prefix);
}

// ------------------------------------------------------------------ mining

type Mineral = { name: string; unit: string; scale: [number, number]; explore: boolean; pricePerKm2: [number, number] };
const MINERALS: Record<string, Mineral> = {
  建筑用砂: { name: '建筑用砂', unit: '万立方米/年', scale: [5, 60], explore: false, pricePerKm2: [200, 1500] },
  砖瓦用黏土: { name: '砖瓦用黏土', unit: '万立方米/年', scale: [3, 12], explore: false, pricePerKm2: [60, 300] },
  建筑用花岗岩: { name: '建筑用花岗岩', unit: '万立方米/年', scale: [5, 40], explore: false, pricePerKm2: [400, 3000] },
  饰面用花岗岩: { name: '饰面用花岗岩', unit: '万立方米/年', scale: [1, 8], explore: false, pricePerKm2: [300, 2000] },
  建筑用玄武岩: { name: '建筑用玄武岩', unit: '万立方米/年', scale: [5, 40], explore: false, pricePerKm2: [400, 2500] },
  建筑用安山岩: { name: '建筑用安山岩', unit: '万立方米/年', scale: [5, 30], explore: false, pricePerKm2: [300, 2000] },
  水泥用灰岩: { name: '水泥用灰岩', unit: '万吨/年', scale: [20, 120], explore: false, pricePerKm2: [800, 5000] },
  膨润土: { name: '膨润土', unit: '万吨/年', scale: [2, 20], explore: true, pricePerKm2: [300, 1800] },
  沸石: { name: '沸石', unit: '万吨/年', scale: [2, 15], explore: true, pricePerKm2: [200, 1200] },
  泥炭: { name: '泥炭', unit: '万吨/年', scale: [1, 10], explore: false, pricePerKm2: [50, 400] },
  矿泉水: { name: '矿泉水', unit: '万立方米/年', scale: [1, 10], explore: false, pricePerKm2: [100, 800] },
  地热: { name: '地热', unit: '万立方米/年', scale: [3, 30], explore: true, pricePerKm2: [100, 900] },
  金: { name: '金', unit: '万吨/年', scale: [3, 30], explore: true, pricePerKm2: [50, 300] },
  钼: { name: '钼', unit: '万吨/年', scale: [10, 60], explore: true, pricePerKm2: [40, 200] },
  铜: { name: '铜', unit: '万吨/年', scale: [5, 30], explore: true, pricePerKm2: [40, 200] },
  萤石: { name: '萤石', unit: '万吨/年', scale: [1, 10], explore: true, pricePerKm2: [60, 300] },
};
const EXPLORE_MINERALS: Record<string, readonly string[]> = {
  龙江县: ['金', '钼', '铜', '萤石'], 甘南县: ['金', '钼', '萤石'], 讷河市: ['金', '铜'], 碾子山区: ['萤石', '钼'],
};

/**
 * 许可证号 in the formats src/lib/identifiers.ts accepts: 23 characters
 * (自然资办发〔2020〕32号) for 采矿权 and for 探矿权 issued from July 2020,
 * the 18-character 勘查许可证号 (国土资发〔2007〕294号) before that. The random
 * draws are the same as before, so the rest of the corpus does not change.
 */
function licenseNo(rng: Rng, type: RightFact['type'], d: District, day: number): string {
  const s = isoOf(day);
  if (type === '采矿权') return `C${d.code}${s.slice(0, 4)}${s.slice(5, 7)}${rng.pick(['7110', '7120', '7130', '7140', '7150'])}${pad(rng.int(1, 999_999), 6)}`;
  const mineralClass = rng.int(2, 4);
  const serial = rng.int(1, 99_999);
  return s >= '2020-07'
    ? `T${d.code}${s.slice(0, 4)}${s.slice(5, 7)}0${mineralClass}00${pad(serial, 6)}`
    : `T${d.code.slice(0, 2)}${(Number(d.code) % 5) + 1}${s.slice(0, 4)}${s.slice(5, 7)}0${mineralClass}${pad(serial, 6)}`;
}

function makeRight(ctx: Ctx, d: District, wantExplore: boolean): RightFact {
  const { rng } = ctx;
  const explorable = EXPLORE_MINERALS[d.name] ?? [];
  const explore = wantExplore && explorable.length > 0;
  const mineral = MINERALS[explore ? rng.pick(explorable) : rng.pick(d.info.minerals)] as Mineral;
  const town = rng.pick(d.info.towns);
  let name: string;
  let location: string;
  if (explore) {
    const place = `${rng.pick(MOUNTAINS)}${rng.chance(0.5) ? '' : rng.pick(['东', '西', '南', '北'])}`;
    name = `黑龙江省${d.name}${place}${mineral.name}矿${rng.pick(['普查', '详查', '勘探'])}`;
    location = `${d.name}${town}${place}一带`;
  } else if (mineral.name === '建筑用砂') {
    const river = rng.pick(d.info.rivers);
    const v = village(rng);
    name = `${d.name}${town}${v}${river}${rng.pick(['河道', '河段', '江心洲', '滩地'])}建筑用砂矿`;
    location = `${d.name}${town}${v}${rng.pick(DIR8)}${river}${rng.pick(['右岸', '左岸', '河道内'])}`;
  } else if (/岩|灰岩|沸石|膨润土/.test(mineral.name)) {
    const m = rng.pick(MOUNTAINS);
    name = `${d.name}${town}${m}${mineral.name}矿`;
    location = `${d.name}${town}${m}${rng.pick(['东坡', '西坡', '南坡', '北坡', '一带'])}`;
  } else {
    const v = village(rng);
    name = `${d.name}${town}${v}${mineral.name === '地热' ? '地热田' : mineral.name === '矿泉水' ? '矿泉水水源地' : `${mineral.name}矿`}`;
    location = `${d.name}${town}${v}${rng.pick(DIR8)}`;
  }
  const sizeM: [number, number] = explore ? [900, 1800] : mineral.name === '地热' || mineral.name === '矿泉水' ? [80, 200] : [150, 500];
  const shape = polygonShape(rng, d, () => blobOffsets(rng, sizeM[0] * 0.7, sizeM[1], rng.int(4, 8)));
  const areaKm2 = shape.areaM2 > 0 ? round(shape.areaM2 / 1e6, 4) : round(rng.float(0.02, 0.5, 4), 4);
  const corners =
    shape.geometry.type === 'Polygon'
      ? (shape.geometry.coordinates[0] as Pos[]).slice(0, -1).map(([lon, lat], i) => ({ no: String(i + 1), lon, lat }))
      : undefined;
  const r: RightFact = {
    name, type: explore ? '探矿权' : '采矿权', mineral: mineral.name, areaKm2, location, geometry: shape.geometry,
    reservesNote: explore ? `勘查面积${areaKm2}平方千米` : `估算资源量${rng.int(5, 500) * (mineral.unit.startsWith('万吨') ? 10 : 1)}${mineral.unit.replace('/年', '')}`,
  };
  if (corners) r.corners = corners;
  if (!explore) r.scale = `${rng.int(mineral.scale[0], mineral.scale[1])}${mineral.unit}`;
  return r;
}

function makeMineSale(ctx: Ctx, d: District, day: number): Rec {
  const { rng } = ctx;
  const right = makeRight(ctx, d, rng.chance(0.2));
  const m = MINERALS[right.mineral] as Mineral;
  const startPriceWan = Math.max(5, Math.round(right.areaKm2 * rng.int(m.pricePerKm2[0], m.pricePerKm2[1]) * (right.type === '探矿权' ? 1 : 10)) / 10);
  const method = rng.weighted<'挂牌' | '拍卖'>([['挂牌', 80], ['拍卖', 20]]);
  const startDay = workOnOrAfter(day + rng.int(21, 32));
  const endDay = method === '挂牌' ? workOnOrAfter(startDay + rng.int(10, 12)) : startDay;
  const c: MineContent = {
    t: 'mine', rights: [right], action: '出让', years: right.type === '探矿权' ? 5 : rng.int(3, 12),
    transfer: { method, startPriceWan, depositWan: round(Math.max(1, startPriceWan * rng.pick([0.2, 0.3])), 1), start: dateTime(startDay, 9, 0), end: dateTime(endDay, method === '挂牌' ? 15 : 11, 0) },
    period: { start: isoOf(day), end: isoOf(startDay - 1), unit: 'calendar' },
  };
  const prefix = rng.chance(0.7) ? '齐' : d.info.doc;
  return newRec(ctx, 'mining', '出让公告', d, day, c, rng.chance(0.9) ? '矿告' : undefined, prefix);
}

function makeMineDeal(ctx: Ctx, d: District, day: number, pre: Rec | undefined): Rec {
  const { rng } = ctx;
  let c: MineContent;
  let prefix: string;
  if (pre) {
    const p = pre.c as MineContent;
    const t = p.transfer as NonNullable<MineContent['transfer']>;
    const endDay = dayOf(t.end);
    day = Math.min(ctx.today, workAfter(endDay, rng.int(1, 10)));
    const winner = company(rng, MINING_CO, d);
    const raise = rng.chance(0.4) ? 0 : rng.int(1, 30);
    c = {
      ...p, pre, rights: p.rights.map((r) => ({ ...r, holder: winner })),
      transfer: { ...t, dealPriceWan: round(t.startPriceWan * (1 + raise / 20), 1), winner },
    };
    prefix = pre.docPrefix;
  } else {
    const base = makeMineSale(ctx, d, Math.max(ctx.first, day - rng.int(40, 60))).c as MineContent;
    ctx.seq--;
    const t = base.transfer as NonNullable<MineContent['transfer']>;
    const winner = company(rng, MINING_CO, d);
    const startDay = workOnOrBefore(day - rng.int(15, 20));
    const endDay = workOnOrBefore(day - rng.int(2, 6));
    c = {
      ...base, rights: base.rights.map((r) => ({ ...r, holder: winner })),
      transfer: { ...t, start: dateTime(Math.min(startDay, endDay), 9, 0), end: dateTime(endDay, 15, 0), dealPriceWan: round(t.startPriceWan * (1 + rng.int(0, 20) / 20), 1), winner },
    };
    prefix = rng.chance(0.7) ? '齐' : d.info.doc;
  }
  c.action = '出让结果';
  c.period = workingPeriod(day, 10);
  const r = newRec(ctx, 'mining', '成交公示', d, day, c, rng.chance(0.6) ? '矿告' : undefined, prefix);
  if (pre) linkPair(r, pre);
  return r;
}

function makeMineInfo(ctx: Ctx, d: District, day: number): Rec {
  const { rng } = ctx;
  const right = makeRight(ctx, d, rng.chance(0.25));
  const explore = right.type === '探矿权';
  const action = explore
    ? rng.pick(['探矿权新立登记', '探矿权延续登记', '探矿权保留登记', '探矿权变更登记（缩减勘查面积）', '探矿权注销登记'])
    : rng.pick(['采矿权新立登记', '采矿权延续登记', '采矿权变更登记（变更矿区范围）', '采矿权变更登记（变更采矿权人名称）', '采矿权注销登记', '采矿权转让变更登记']);
  right.holder = company(rng, MINING_CO, d);
  right.licenseNo = licenseNo(rng, right.type, d, day - rng.int(0, 2000));
  const from = action.includes('注销') ? day - rng.int(365, 365 * 6) : day + rng.int(5, 30);
  const years = explore ? 5 : rng.int(3, 10);
  right.validFrom = isoOf(from);
  right.validUntil = isoOf(from + years * 365);
  const c: MineContent = { t: 'mine', rights: [right], action, years, period: workingPeriod(day, rng.pick([7, 10, 10])) };
  const prefix = rng.chance(0.7) ? '齐' : d.info.doc;
  return newRec(ctx, 'mining', '勘查开采信息公示', d, day, c, rng.chance(0.85) ? '矿告' : undefined, prefix);
}

function makeMineAbolish(ctx: Ctx, d: District, day: number): Rec {
  const { rng } = ctx;
  const right = makeRight(ctx, d, rng.chance(0.1));
  right.holder = company(rng, MINING_CO, d);
  const until = day - rng.int(40, 900);
  const years = right.type === '探矿权' ? 5 : rng.int(3, 10);
  right.validFrom = isoOf(until - years * 365);
  right.validUntil = isoOf(until);
  right.licenseNo = licenseNo(rng, right.type, d, until - years * 365);
  const reason = rng.pick([
    `${right.type === '探矿权' ? '勘查许可证' : '采矿许可证'}有效期届满，矿业权人未在有效期届满30日前申请办理延续登记手续`,
    '矿业权人逾期未申请办理延续登记，经书面催告后仍未办理',
    '矿区范围与生态保护红线重叠，矿业权人未申请延续登记',
    '矿业权人已停止开采且未申请办理延续或注销登记',
  ]);
  const c: MineContent = {
    t: 'mine', rights: [right], action: '自行废止', years,
    abolition: { reason, objectionDeadline: isoOf(workAfter(day, rng.pick([10, 15, 20]))) },
  };
  const prefix = rng.chance(0.7) ? '齐' : d.info.doc;
  return newRec(ctx, 'mining', '自行废止公告', d, day, c, rng.chance(0.9) ? '矿告' : undefined, prefix);
}

// --------------------------------------------------------------- surveying

const SURVEY_CATEGORIES = ['大地测量', '测绘航空摄影', '摄影测量与遥感', '工程测量', '界线与不动产测绘', '地理信息系统工程', '地图编制', '互联网地图服务'] as const;
/** A 统一社会信用代码 with its GB 32100 check character (the 8th draw is kept so the random stream is unchanged). */
function creditCode(rng: Rng, d: District): string {
  let s = `91${d.code}MA`;
  for (let i = 0; i < 8; i++) s += CREDIT_CODE_CHARS[rng.int(0, CREDIT_CODE_CHARS.length - 1)];
  const first17 = s.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

function makeSurvey(ctx: Ctx, sub: string, d: District, day: number): Rec {
  const { rng } = ctx;
  const decisionDay = Math.max(ctx.first, workOnOrBefore(day - rng.int(0, 7)));
  const y = yearOf(decisionDay);
  let c: SurvContent;
  let district: District | undefined = d;
  if (sub === '测绘资质审批') {
    const grade = rng.chance(0.85) ? '乙级' : '甲级';
    const action = rng.pick(['首次申请', '延续', '变更（增加专业类别）', '升级', '变更（单位名称）', '变更（注册地址）']);
    const applicant = company(rng, SURVEY_CO, d);
    const authority = grade === '甲级' ? '自然资源部' : '黑龙江省自然资源厅';
    const form = grade === '甲级' ? '自然资测资' : '黑自然资测资';
    c = {
      t: 'surv', applicant, creditCode: creditCode(rng, d), item: `${grade}测绘资质${action}`, action, decisionForm: form, decisionNo: '', decisionDay, grade,
      categories: rng.some(SURVEY_CATEGORIES, rng.int(1, 3)), validUntil: isoOf(decisionDay + 5 * 365 - 1), authority,
      geometry: rng.chance(0.3) ? { type: 'Point', coordinates: randomPointIn(rng, d) } : undefined,
      period: workingPeriod(day, rng.pick([5, 7])),
    };
  } else if (sub === '地图审核') {
    const county = !d.info.urban && rng.chance(0.5);
    const mapName = county
      ? `${d.name}${rng.pick(['政区图', '交通图', '旅游图', '乡镇行政区划图', '地名图', '农业产业布局图'])}（${y}版）`
      : rng.chance(0.75)
        ? `齐齐哈尔市${rng.pick(['交通旅游图', '城区图', '政区图', '中心城区地图', '公交线路图', '标准地图', '影像地图', '防汛抗旱工作图', '文化旅游导览图', '红色旅游地图', '鹤城骑行地图', '扎龙湿地导览图', '冰雪旅游地图'])}（${y}版）`
        : `${tradeName(rng)}${rng.pick(['楼盘区位示意图', '产业园区位图', '物流网点分布图', '门店分布图'])}`;
    const city = rng.chance(0.6);
    const applicant = rng.chance(0.7) ? company(rng, MEDIA_CO, d) : `${county ? d.name : '齐齐哈尔市'}${rng.pick(['文化广电和旅游局', '交通运输局', '应急管理局', '水务局', '农业农村局'])}`;
    c = {
      t: 'surv', applicant, item: '地图审核', action: '批准', decisionForm: city ? '齐自然资审' : '黑自然资审', decisionNo: '', decisionDay,
      categories: [], mapName, reviewNo: `${city ? '齐S' : '黑S'}（${y}）${pad(next(ctx, `review|${city}|${y}`, 1, 3), 3)}号`,
      authority: city ? CITY_BUREAU : '黑龙江省自然资源厅', geometry: undefined,
      scaleText: `1:${rng.pick(['5000', '10000', '25000', '50000', '100000', '250000'])}`, purpose: rng.pick(['公开出版', '展示', '互联网登载', '印刷品附图', '宣传册附图']),
    };
    district = county ? d : undefined;
  } else {
    const town = rng.pick(d.info.towns);
    const spec = projectSpec(ctx, d, town, '建设工程规划许可');
    const markType = rng.pick(['三等水准点', '二等水准点', '四等水准点', 'GNSS C级控制点', 'GNSS B级控制点', '城市一级导线点', '国家三角点', 'GNSS D级控制点']);
    const pointNo = markType.includes('水准') ? `Ⅲ齐${d.info.short.slice(0, 1)}${rng.int(1, 120)}` : `${d.info.abbr}${markType.includes('GNSS') ? 'G' : 'D'}${pad(rng.int(1, 300), 3)}`;
    const item = rng.pick(['永久性测量标志拆迁审批', '永久性测量标志迁建审批', '使永久性测量标志失去使用效能审批']);
    c = {
      t: 'surv', applicant: spec.applicant, item, action: item.replace(/审批$/, ''), decisionForm: rng.chance(0.5) ? '齐自然资测标' : '黑自然资测标', decisionNo: '', decisionDay,
      categories: [], authority: '', geometry: { type: 'Point', coordinates: randomPointIn(rng, d) },
      period: workingPeriod(day, 5),
      mark: { name: markType, pointNo, project: spec.projectName, location: spec.rural ? ruralLocation(rng, d, town) : urbanLocation(rng, d, town), executor: company(rng, SURVEY_CO, d) },
    };
    c.authority = c.decisionForm.startsWith('齐') ? CITY_BUREAU : '黑龙江省自然资源厅';
  }
  c.decisionNo = `${c.decisionForm}〔${y}〕${next(ctx, `decision|${c.decisionForm}|${y}`, 1, 3)}号`;
  if (rng.chance(0.04)) c.geometry = undefined;
  return newRec(ctx, 'surveying', sub, district, day, c, rng.chance(0.7) ? '测' : undefined, '齐');
}

// ---------------------------------------------------------- corrections ---

/** Re-issues a notice later with corrected content; the original becomes superseded. */
function makeCorrection(ctx: Ctx, a: Rec): Rec | undefined {
  const { rng } = ctx;
  const day = Math.min(ctx.today, workAfter(a.day, rng.int(2, 15)));
  if (day <= a.day) return undefined;
  const d = a.d;
  let c: Content;
  if (a.c.t === 'plan') {
    const p = a.c;
    const ind = { ...p.indicators };
    if (ind.heightM !== undefined) ind.heightM = round(Math.min(699, ind.heightM + rng.pick([-3, -1.5, 1.5, 3])), 1);
    if (ind.greenRatio !== undefined) ind.greenRatio = round(Math.min(100, ind.greenRatio + rng.pick([1, 2, 5])), 1);
    c = { ...p, indicators: ind, period: p.permitType === '控制性详细规划' ? calendarPeriod(day, 30) : workingPeriod(day, 10) };
  } else if (a.c.t === 'land') {
    const p = a.c;
    if (p.plan) c = { ...p, plan: { ...p.plan, rows: p.plan.rows.map((r) => ({ ...r, newHa: round(r.newHa * rng.float(0.9, 1.1, 2), 2) })) } };
    else {
      const { period, ...listing } = landListing(rng, day, p.method, p.listing?.tradingUrl.split('/').pop() ?? 'x');
      c = { ...p, listing, period };
    }
  } else if (a.c.t === 'mine') {
    const p = a.c;
    if (p.transfer) {
      const startDay = workOnOrAfter(day + rng.int(21, 32));
      const endDay = p.transfer.method === '挂牌' ? workOnOrAfter(startDay + rng.int(10, 12)) : startDay;
      c = { ...p, transfer: { ...p.transfer, start: dateTime(startDay, 9, 0), end: dateTime(endDay, 15, 0) }, period: { start: isoOf(day), end: isoOf(startDay - 1), unit: 'calendar' } };
    } else if (p.abolition) c = { ...p, abolition: { ...p.abolition, objectionDeadline: isoOf(workAfter(day, 15)) } };
    else c = { ...p, period: workingPeriod(day, 10) };
  } else {
    const p = a.c;
    c = { ...p, period: p.period ? workingPeriod(day, 7) : undefined };
  }
  const b = newRec(ctx, a.kind, a.sub, d, day, c, a.docForm ?? (rng.chance(0.5) ? undefined : defaultForm(a.kind, a.sub)), a.docPrefix);
  b.correctionOf = a;
  b.related.push(a);
  a.status = { state: 'superseded', by: b };
  return b;
}
function defaultForm(kind: NoticeKind, sub: string): string {
  if (kind === 'planning') return '规公';
  if (kind === 'land') return sub === '供地计划' ? '发' : '告字';
  if (kind === 'mining') return '矿告';
  return '测';
}

// ===================================================================== text ===

type Text = { title: string; summary: string; body: string };

function sign(rec: Rec): string {
  return `${publisherOf(rec.docPrefix, rec.d)}\n${cnDate(rec.day)}`;
}
function periodText(p: Period): string {
  return `${cnDate(dayOf(p.start))}至${cnDate(dayOf(p.end))}`;
}
function correctionLine(rec: Rec): string | undefined {
  const a = rec.correctionOf;
  if (!a) return undefined;
  return `${cnDate(a.day)}发布的${a.docNo ? `《${titleCore(a)}》（${a.docNo}）` : `《${titleCore(a)}》`}部分内容有误，现予更正并重新发布，原公告同时废止。`;
}
const titleCache = new WeakMap<Rec, string>();
function titleCore(rec: Rec): string {
  const t = titleCache.get(rec);
  if (t !== undefined) return t;
  return rec.sub;
}

function indicatorSentence(ind: Indicators): string {
  const parts: string[] = [];
  if (ind.landAreaM2 !== undefined) parts.push(`总用地面积${fmtArea(ind.landAreaM2)}平方米`);
  if (ind.floorAreaM2 !== undefined) parts.push(`总建筑面积${fmtArea(ind.floorAreaM2)}平方米`);
  if (ind.aboveGroundM2 !== undefined && ind.belowGroundM2 !== undefined && ind.belowGroundM2 > 0)
    parts.push(`其中地上建筑面积${fmtArea(ind.aboveGroundM2)}平方米、地下建筑面积${fmtArea(ind.belowGroundM2)}平方米`);
  if (ind.plotRatio !== undefined) parts.push(`容积率${ind.plotRatio}`);
  if (ind.buildingDensity !== undefined) parts.push(`建筑密度${ind.buildingDensity}%`);
  if (ind.greenRatio !== undefined) parts.push(`绿地率${ind.greenRatio}%`);
  if (ind.heightM !== undefined) parts.push(`建筑高度${ind.heightM}米`);
  if (ind.parkingSpaces !== undefined && ind.parkingSpaces > 0) parts.push(`机动车停车位${ind.parkingSpaces}个`);
  return parts.length ? `${parts.join('，')}。` : '';
}

const PLAN_BASIS: Record<string, string> = {
  建设工程规划许可: '《中华人民共和国城乡规划法》第四十条',
  建设用地规划许可: '《中华人民共和国城乡规划法》第三十八条',
  乡村建设规划许可: '《中华人民共和国城乡规划法》第四十一条',
  控制性详细规划: '《中华人民共和国城乡规划法》第二十六条、第四十八条和《城市、镇控制性详细规划编制审批办法》',
  规划条件变更: '《中华人民共和国城乡规划法》第四十三条',
};

function planText(rng: Rng, rec: Rec, c: PlanContent): Text {
  const corr = correctionLine(rec);
  const suffix = rec.correctionOf ? '（更正）' : '';
  if (rec.sub === '批前公示') {
    const period = c.period as Period;
    const title =
      c.permitType === '控制性详细规划'
        ? rng.pick([`《${c.projectName}》批前公示`, `关于《${c.projectName}》的批前公示`])
        : c.permitType === '规划条件变更'
          ? `关于${c.projectName}的批前公示`
          : rng.pick([`关于${c.projectName}${c.permitWord}的批前公示`, `${c.projectName}${c.permitWord}批前公示`, `${c.projectName}规划设计方案批前公示`]);
    titleCache.set(rec, title);
    const workNote = period.unit === 'working' ? '' : '（不少于三十日）';
    const paras = [
      corr,
      `根据${PLAN_BASIS[c.permitType]}、《中华人民共和国行政许可法》第三十六条和《黑龙江省城乡规划条例》有关规定，为保障利害关系人的知情权、参与权和监督权，现将${c.applicant}申报的${c.projectName}${c.permitType === '控制性详细规划' ? '草案' : c.permitType === '规划条件变更' ? '有关情况' : '规划设计方案'}予以批前公示。`,
      c.permitType === '规划条件变更' && c.change
        ? `该地块位于${c.location}，原规划条件为${c.change.fromUse}、容积率不大于${c.change.fromRatio}。建设单位申请将用地性质调整为${c.change.toUse}、容积率调整为不大于${c.change.toRatio}。${indicatorSentence(c.indicators)}`
        : `项目位于${c.location}。${c.desc}。${indicatorSentence(c.indicators)}`,
      `公示期为${periodText(period)}${workNote}。公示期间，利害关系人可通过以下方式提出意见和建议：${feedbackChannels(rec)}。逾期未提出的，视为无意见。`,
      c.hearing ? '根据《中华人民共和国行政许可法》第四十七条规定，利害关系人有权在公示之日起五日内提出听证申请，逾期未提出的，视为放弃听证权利。' : undefined,
      rng.pick(['公示内容以现场公示牌及本网站公布的总平面图为准。', '意见反馈请注明联系单位及联系方式，以便及时反馈处理情况。', '本公示同时在项目现场张贴，请相关单位和群众予以监督。', '我局将对公示期间收到的意见进行研究，并在作出行政许可决定时予以说明。']),
      sign(rec),
    ];
    return {
      title: title + suffix,
      summary: `${c.applicant}申报的${c.projectName}位于${c.location}${c.indicators.landAreaM2 ? `，总用地面积${fmtArea(c.indicators.landAreaM2)}平方米` : ''}${c.indicators.floorAreaM2 ? `，总建筑面积${fmtArea(c.indicators.floorAreaM2)}平方米` : ''}。公示期${periodText(period)}，欢迎提出意见和建议。`,
      body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
    };
  }
  // 批后公布
  const issue = cnDate(c.issueDay as number);
  const word = c.permitType === '控制性详细规划' ? '批复' : c.permitType === '规划条件变更' ? '规划条件变更批复' : `${c.permitWord}证`;
  const title = c.permitType === '控制性详细规划'
    ? `《${c.projectName}》批后公布`
    : c.permitType === '规划条件变更'
      ? rng.pick([`${c.projectName}批后公布`, `关于${c.projectName}的批后公布`])
      : rng.pick([`${c.projectName}${c.permitWord}批后公布`, `关于核发${c.projectName}${word}的批后公布`, `${c.projectName}规划许可批后公告`]);
  titleCache.set(rec, title);
  const pre = c.pre;
  const preLine = pre
    ? `该项目已于${pre.docNo ? `${cnDate(pre.day)}进行批前公示（${pre.docNo}）` : `${cnDate(pre.day)}进行批前公示`}，公示期间${c.opinions === 0 ? '未收到利害关系人提出的意见' : `共收到意见${c.opinions}件，我局已依法进行研究处理并予以答复`}。`
    : rng.chance(0.5) ? '该项目已依法履行批前公示程序。' : undefined;
  const paras = [
    corr,
    c.permitType === '控制性详细规划'
      ? `根据${PLAN_BASIS[c.permitType]}，《${c.projectName}》已经批准（${c.permitNo}），批准日期为${issue}，现予公布。`
      : c.permitType === '规划条件变更'
        ? `根据${PLAN_BASIS[c.permitType]}和《黑龙江省城乡规划条例》有关规定，我局已于${issue}批复同意${c.applicant}提出的${c.projectName}申请（${c.permitNo}），现予公布。`
        : `根据${PLAN_BASIS[c.permitType]}和《黑龙江省城乡规划条例》有关规定，我局已于${issue}向${c.applicant}核发${c.projectName}${word}（${c.permitNo}），现予公布。`,
    c.permitType === '控制性详细规划' ? `规划范围位于${c.location}。${c.desc}。` : `${c.permitType === '规划条件变更' ? '该地块' : '项目'}位于${c.location}。${c.desc}。${indicatorSentence(c.indicators)}`,
    preLine,
    c.period ? `公布期为${periodText(c.period)}。` : undefined,
    '公民、法人或者其他组织认为该行政许可侵犯其合法权益的，可以自知道之日起六十日内向齐齐哈尔市人民政府申请行政复议，或者自知道之日起六个月内依法向人民法院提起行政诉讼。',
    sign(rec),
  ];
  return {
    title: title + suffix,
    summary: c.permitType === '规划条件变更' ? `${c.projectName}已于${issue}获批（${c.permitNo}），现予批后公布。` : `${c.applicant}的${c.projectName}已于${issue}取得${word}（${c.permitNo}），现予批后公布。`,
    body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
  };
}

function feedbackChannels(rec: Rec): string {
  const f = CHANNELS[rec.seq % CHANNELS.length] as (typeof CHANNELS)[number];
  return f(addressOf(rec.docPrefix, rec.d), emailOf(rec.d), phoneOf(rec.d, 1));
}

function parcelLine(p: ParcelFact, withPrice: boolean): string {
  const parts = [`${p.code}地块位于${p.location}，出让面积${fmtArea(p.areaM2)}平方米，土地用途为${p.use}，出让年限${p.termYears}年`];
  if (p.plotRatio) parts.push(p.plotRatio.min !== undefined ? `容积率${p.plotRatio.min}—${p.plotRatio.max}` : `容积率不大于${p.plotRatio.max}`);
  if (p.buildingDensityMax !== undefined) parts.push(`建筑密度不大于${p.buildingDensityMax}%`);
  if (p.greenRatioMin !== undefined) parts.push(`绿地率不小于${p.greenRatioMin}%`);
  if (p.heightLimitM !== undefined) parts.push(`建筑限高${p.heightLimitM}米`);
  if (withPrice) parts.push(`起始价${fmtWan(p.startPriceWan)}万元，竞买保证金${fmtWan(p.depositWan)}万元，增价幅度${fmtWan(p.incrementWan)}万元`);
  return `${parts.join('，')}。`;
}

function landText(rng: Rng, rec: Rec, c: LandContent): Text {
  const publisher = publisherOf(rec.docPrefix, rec.d);
  const corr = correctionLine(rec);
  const suffix = rec.correctionOf ? '（更正）' : '';
  const dname = rec.d ? rec.d.name : '齐齐哈尔市';
  if (rec.sub === '供地计划') {
    const plan = c.plan as NonNullable<LandContent['plan']>;
    const total = round(plan.rows.reduce((s, r) => s + r.newHa + r.existingHa, 0), 2);
    const newTotal = round(plan.rows.reduce((s, r) => s + r.newHa, 0), 2);
    const title = `${plan.scope}${plan.year}年度国有建设用地供应计划${plan.suffix}`;
    titleCache.set(rec, title);
    const rows = plan.rows.map((r) => `${r.use}${round(r.newHa + r.existingHa, 2)}公顷（新增${r.newHa}公顷、存量${r.existingHa}公顷）`).join('；');
    const paras = [
      corr,
      `为加强土地市场宏观调控，合理安排国有建设用地供应规模、结构、布局和时序，根据《中华人民共和国土地管理法实施条例》和《国有建设用地供应计划编制规范（试行）》有关规定，结合${plan.scope}国民经济和社会发展规划、国土空间规划及年度土地利用计划，编制了《${title}》，经${c.approver}同意，现予公布。`,
      `${plan.year}年度计划供应国有建设用地${total}公顷，其中新增建设用地${newTotal}公顷、存量建设用地${round(total - newTotal, 2)}公顷。按用途分：${rows}。`,
      rng.pick([
        '计划执行中坚持节约集约用地，优先保障民生工程、重点项目和保障性住房用地需求，严格执行工业用地出让最低价标准。',
        '供应计划将根据土地市场运行情况和重点项目建设需要适时调整，调整后的计划将另行公布。',
        '各类经营性用地一律以招标、拍卖或者挂牌方式公开出让，工业用地鼓励采取长期租赁、先租后让、弹性年期等方式供应。',
      ]),
      sign(rec),
    ];
    return {
      title: title + suffix,
      summary: `${plan.scope}${plan.year}年度计划供应国有建设用地${total}公顷，其中新增${newTotal}公顷，住宅、工矿仓储、商服等用途分项见正文。`,
      body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
    };
  }
  const codes = c.parcels.map((p) => p.code);
  const first = codes[0] as string;
  const n = c.parcels.length;
  const codesText = n === 1 ? `${first}号地块` : `${first}等${n}宗地块`;
  if (rec.sub === '出让公告') {
    const l = c.listing as NonNullable<LandContent['listing']>;
    const title = rng.pick([
      `${publisher}国有建设用地使用权${c.method}出让公告${rec.docNo ? `（${rec.docNo}）` : ''}`,
      `${dname}${codesText}国有建设用地使用权${c.method}出让公告`,
      `${codesText}国有建设用地使用权${c.method}出让公告`,
    ]);
    titleCache.set(rec, title);
    const place = rng.pick(['齐齐哈尔市公共资源交易中心', '黑龙江省国有建设用地使用权网上交易系统', `${dname}公共资源交易中心`]);
    const paras = [
      corr,
      `经${c.approver}批准，${publisher}决定以${c.method}方式出让${n}宗国有建设用地使用权。根据《中华人民共和国土地管理法》《中华人民共和国城市房地产管理法》和《招标拍卖挂牌出让国有建设用地使用权规定》（国土资源部令第39号）等有关规定，现将有关事项公告如下：`,
      `一、出让地块的基本情况和规划指标要求\n${c.parcels.map((p) => parcelLine(p, true)).join('\n')}`,
      `二、中华人民共和国境内外的法人和其他组织，除法律、法规另有规定外，均可申请参加，申请人可以单独申请，也可以联合申请。本次国有建设用地使用权${c.method}出让${c.method === '招标' ? '按照综合评标结果确定中标人' : '按照价高者得原则确定竞得人'}，${rng.pick(['不设保留价', '设有保留价', '不接受电话及邮寄竞买申请'])}。`,
      `三、本次${c.method}出让的详细资料和具体要求，见${c.method}出让文件。申请人可于${cnDate(rec.day)}起登录${place}获取出让文件。`,
      `四、申请人可于${cnDateTime(l.applyDeadline)}前向我局提交书面申请，交纳竞买保证金的截止时间为${cnDateTime(l.applyDeadline)}。经审核，申请人按规定交纳竞买保证金，具备申请条件的，我局将在报名截止后两个工作日内确认其竞买资格。`,
      c.method === '挂牌'
        ? `五、本次国有建设用地使用权挂牌活动在${place}进行。挂牌时间为${cnDateTime(l.start)}至${cnDateTime(l.end)}。挂牌时间截止时，有竞买人表示愿意继续竞价的，转入现场竞价，通过现场竞价确定竞得人。`
        : `五、本次国有建设用地使用权${c.method}活动定于${cnDateTime(l.start)}在${place}举行。`,
      `六、其他需要公告的事项：（一）竞得人须在成交后${rng.pick(['五', '十'])}个工作日内与出让人签订《国有建设用地使用权出让合同》；（二）出让地块按${rng.pick(['现状', '净地'])}条件交付，${rng.pick(['已完成土地征收和补偿安置', '地上无建筑物及其他附着物', '不存在权属争议'])}；（三）竞买保证金账户及交纳方式详见${c.method}出让文件。`,
      `七、联系方式\n联系地址：${addressOf(rec.docPrefix, rec.d)}\n联系电话：${phoneOf(rec.d, 2)}`,
      sign(rec),
    ];
    const total = round(c.parcels.reduce((s, p) => s + p.startPriceWan, 0), 1);
    return {
      title: title + suffix,
      summary: `${publisher}以${c.method}方式出让${codesText}国有建设用地使用权，总面积${fmtArea(c.parcels.reduce((s, p) => s + p.areaM2, 0))}平方米，起始价合计${fmtWan(total)}万元，${c.method === '挂牌' ? '挂牌' : c.method}时间${cnDateTime(l.start)}起。`,
      body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
    };
  }
  // 成交公示
  const deals = c.deals as Deal[];
  const title = rng.pick([
    `${codesText}国有建设用地使用权${c.method}出让结果公示`,
    `关于${dname}${codesText}国有建设用地使用权出让成交的公示`,
    `${dname}国有建设用地使用权${c.method}出让成交公示${rec.docNo ? `（${rec.docNo}）` : ''}`,
  ]);
  titleCache.set(rec, title);
  const lines = c.parcels.map((p, i) => {
    const deal = deals[i] as Deal;
    return `${p.code}地块，位于${p.location}，面积${fmtArea(p.areaM2)}平方米，用途为${p.use}，出让年限${p.termYears}年，起始价${fmtWan(p.startPriceWan)}万元，成交价${fmtWan(deal.priceWan)}万元，竞得人为${deal.winner}，成交日期${cnDate(deal.day)}。`;
  });
  const pre = c.pre;
  const paras = [
    corr,
    `根据《招标拍卖挂牌出让国有建设用地使用权规定》（国土资源部令第39号）第二十一条规定，现将${publisher}${c.auctionStart && c.auctionEnd ? `于${cnDateTime(c.auctionStart)}至${cnDateTime(c.auctionEnd)}` : ''}以${c.method}方式出让的${n}宗国有建设用地使用权${pre?.docNo ? `（出让公告${pre.docNo}）` : ''}成交结果公示如下：`,
    lines.join('\n'),
    `公示期为${periodText(c.period as Period)}。如对公示结果有异议，请于公示期内以书面形式向${publisher}反映。`,
    `联系电话：${phoneOf(rec.d, 2)}`,
    sign(rec),
  ];
  const d0 = deals[0] as Deal;
  return {
    title: title + suffix,
    summary: `${codesText}国有建设用地使用权已${c.method}出让成交，${n === 1 ? `成交价${fmtWan(d0.priceWan)}万元，竞得人为${d0.winner}` : `竞得人包括${d0.winner}等`}。`,
    body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
  };
}

function mineText(rng: Rng, rec: Rec, c: MineContent): Text {
  const publisher = publisherOf(rec.docPrefix, rec.d);
  const corr = correctionLine(rec);
  const suffix = rec.correctionOf ? '（更正）' : '';
  const r = c.rights[0] as RightFact;
  const contact = `联系电话：${phoneOf(rec.d, 3)}；联系地址：${addressOf(rec.docPrefix, rec.d)}`;
  const rightDesc = `矿区位于${r.location}，${r.type === '探矿权' ? '勘查' : '矿区'}面积${r.areaKm2}平方千米${r.corners ? `，由${r.corners.length}个拐点圈定（2000国家大地坐标系）` : ''}，${r.type === '探矿权' ? '勘查矿种' : '开采矿种'}为${r.mineral}${r.scale ? `，生产规模${r.scale}` : ''}，${r.reservesNote}`;
  if (rec.sub === '出让公告') {
    const t = c.transfer as NonNullable<MineContent['transfer']>;
    const title = rng.pick([`${r.name}${r.type}${t.method}出让公告`, `${r.name}${r.type}出让公告${rec.docNo ? `（${rec.docNo}）` : ''}`, `关于${t.method}出让${r.name}${r.type}的公告`]);
    titleCache.set(rec, title);
    const paras = [
      corr,
      `根据《中华人民共和国矿产资源法》《矿业权出让交易规则》和《自然资源部关于深化矿产资源管理改革若干事项的意见》等有关规定，经研究决定，以${t.method}方式出让${r.name}${r.type}。现将有关事项公告如下：`,
      `一、出让矿业权基本情况：${rightDesc}，出让年限${c.years}年。`,
      `二、出让起始价${fmtWan(t.startPriceWan)}万元，竞买保证金${fmtWan(t.depositWan)}万元。矿业权出让收益按照《矿业权出让收益征收办法》有关规定缴纳。`,
      `三、竞买人资格：中华人民共和国境内注册的企业法人，具备相应的资金能力和开发利用能力，${rng.pick(['不接受联合竞买', '可以联合竞买'])}。`,
      `四、${t.method}时间：${cnDateTime(t.start)}至${cnDateTime(t.end)}，地点为齐齐哈尔市公共资源交易中心。`,
      `五、竞得人应在成交后按规定签订出让合同，并依法办理${r.type === '探矿权' ? '勘查许可证' : '采矿许可证'}登记手续；开采活动应当符合生态保护红线、永久基本农田和河道管理等有关要求。`,
      contact,
      sign(rec),
    ];
    return {
      title: title + suffix,
      summary: `${publisher}以${t.method}方式出让${r.name}${r.type}，${r.type === '探矿权' ? '勘查' : '矿区'}面积${r.areaKm2}平方千米，起始价${fmtWan(t.startPriceWan)}万元。`,
      body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
    };
  }
  if (rec.sub === '成交公示') {
    const t = c.transfer as NonNullable<MineContent['transfer']>;
    const title = rng.pick([`${r.name}${r.type}出让结果公示`, `${r.name}${r.type}${t.method}出让成交公示`]);
    titleCache.set(rec, title);
    const paras = [
      corr,
      `根据《矿业权出让交易规则》有关规定，现将${r.name}${r.type}${t.method}出让结果公示如下：`,
      `${rightDesc}。本次出让于${cnDateTime(t.start)}至${cnDateTime(t.end)}${t.method}，起始价${fmtWan(t.startPriceWan)}万元，成交价${fmtWan(t.dealPriceWan as number)}万元，竞得人为${t.winner}。${c.pre?.docNo ? `出让公告文号为${c.pre.docNo}。` : ''}`,
      `公示期为${periodText(c.period as Period)}。对公示结果有异议的，请于公示期内以书面形式向${publisher}提出。`,
      contact,
      sign(rec),
    ];
    return {
      title: title + suffix,
      summary: `${r.name}${r.type}已${t.method}出让成交，竞得人为${t.winner}，成交价${fmtWan(t.dealPriceWan as number)}万元。`,
      body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
    };
  }
  if (rec.sub === '勘查开采信息公示') {
    const title = rng.pick([`${r.name}${c.action}信息公示`, `关于${r.holder}${r.name}${c.action}的公示`, `${r.name}${r.type}${c.action.replace(/^(探矿权|采矿权)/, '')}公示`]);
    titleCache.set(rec, title);
    const basis = r.type === '探矿权' ? '《矿产资源勘查区块登记管理办法》' : '《矿产资源开采登记管理办法》';
    const paras = [
      corr,
      `根据《中华人民共和国矿产资源法》、${basis}和《自然资源部关于推进矿产资源管理改革若干事项的意见（试行）》有关规定，现将${r.holder}申请的${r.name}${c.action}有关信息予以公示。`,
      `矿业权人：${r.holder}；矿业权名称：${r.name}；许可证号：${r.licenseNo}；${rightDesc}；有效期限：${cnDate(dayOf(r.validFrom as string))}至${cnDate(dayOf(r.validUntil as string))}。`,
      `公示期为${periodText(c.period as Period)}。公示期间，有关单位和个人对公示内容有异议的，可以书面形式向${publisher}反映，并提供相关证明材料。`,
      contact,
      sign(rec),
    ];
    return {
      title: title + suffix,
      summary: `${r.holder}申请${r.name}${c.action}，${r.type === '探矿权' ? '勘查' : '矿区'}面积${r.areaKm2}平方千米，现予公示。`,
      body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
    };
  }
  const ab = c.abolition as NonNullable<MineContent['abolition']>;
  const title = rng.pick([`关于${r.name}${r.type}自行废止的公告`, `${r.name}${r.type === '探矿权' ? '勘查许可证' : '采矿许可证'}自行废止公告`]);
  titleCache.set(rec, title);
  const paras = [
    corr,
    `${r.holder}持有的${r.name}${r.type === '探矿权' ? '勘查许可证' : '采矿许可证'}（证号：${r.licenseNo}），有效期至${cnDate(dayOf(r.validUntil as string))}。因${ab.reason}，根据${r.type === '探矿权' ? '《矿产资源勘查区块登记管理办法》' : '《矿产资源开采登记管理办法》第七条'}规定，该${r.type === '探矿权' ? '勘查许可证' : '采矿许可证'}自行废止。`,
    `自本公告发布之日起，该矿业权人不得在原矿区范围内从事${r.type === '探矿权' ? '勘查' : '开采'}活动，并应依法履行矿山地质环境保护与土地复垦义务。`,
    `如有异议，请于${cnDate(dayOf(ab.objectionDeadline))}前以书面形式向${publisher}提出。`,
    contact,
    sign(rec),
  ];
  return {
    title: title + suffix,
    summary: `${r.holder}持有的${r.name}${r.type}有效期已届满且未办理延续登记，依法自行废止。`,
    body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
  };
}

function survText(rng: Rng, rec: Rec, c: SurvContent): Text {
  const publisher = publisherOf(rec.docPrefix, rec.d);
  const corr = correctionLine(rec);
  const suffix = rec.correctionOf ? '（更正）' : '';
  // The number of the record's contact: a landline in text must be a declared public one.
  const contact = `联系电话：${phoneOf(rec.d, 4)}`;
  const periodLine = c.period ? `公示期为${periodText(c.period)}。如有异议，请于公示期内以书面形式向${publisher}反映。` : undefined;
  if (rec.sub === '测绘资质审批') {
    const title = rng.pick([`关于${c.applicant}${c.item}审批结果的公示`, `${c.grade}测绘资质审批结果公示（${c.applicant}）`, `${c.applicant}测绘资质${c.action}审批结果公告`]);
    titleCache.set(rec, title);
    const paras = [
      corr,
      `根据《中华人民共和国测绘法》第二十七条和《测绘资质管理办法》《测绘资质分类分级标准》有关规定，经审查，${c.applicant}符合${c.grade}测绘资质条件，${c.authority}准予${c.action}。现将审批结果公示如下：`,
      `单位名称：${c.applicant}；资质等级：${c.grade}；专业类别：${c.categories.join('、')}；决定文号：${c.decisionNo}；决定日期：${cnDate(c.decisionDay)}；资质证书有效期至${cnDate(dayOf(c.validUntil as string))}。`,
      periodLine,
      contact,
      sign(rec),
    ];
    return {
      title: title + suffix,
      summary: `${c.applicant}${c.item}已获准（${c.decisionNo}），专业类别为${c.categories.join('、')}。`,
      body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
    };
  }
  if (rec.sub === '地图审核') {
    const title = rng.pick([`${c.mapName}地图审核批准公告`, `关于${c.mapName}审图号的公告`, `地图审核批准结果公告（${c.reviewNo}）`]);
    titleCache.set(rec, title);
    const paras = [
      corr,
      `根据《中华人民共和国测绘法》第三十八条和《地图管理条例》第十五条、第二十一条有关规定，经审查，${c.authority}批准${c.applicant}送审的《${c.mapName}》，审图号为${c.reviewNo}。`,
      `地图名称：${c.mapName}；比例尺：${c.scaleText}；用途：${c.purpose}；申请单位：${c.applicant}；审批文号：${c.decisionNo}；批准日期：${cnDate(c.decisionDay)}。`,
      '经审核批准的地图，申请人应当在地图或者附着地图图形的产品的适当位置显著标注审图号，属于出版物的，应当在版权页标注审图号。',
      contact,
      sign(rec),
    ];
    return {
      title: title + suffix,
      summary: `《${c.mapName}》通过地图审核，审图号${c.reviewNo}。`,
      body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
    };
  }
  const m = c.mark as NonNullable<SurvContent['mark']>;
  const lapse = c.action.startsWith('使');
  const verbing = (what: string) => (lapse ? `使${what}失去使用效能` : `${c.action.replace('永久性测量标志', '')}${what}`);
  const title = rng.pick([`关于${m.project}${c.item}结果的公示`, `${m.project}${c.action}审批公告`, `${m.name}（${m.pointNo}）${lapse ? '失去使用效能' : c.action.replace('永久性测量标志', '')}审批结果公示`]);
  titleCache.set(rec, title);
  const paras = [
    corr,
    `根据《中华人民共和国测绘法》第四十二条和《中华人民共和国测量标志保护条例》有关规定，因${m.project}建设需要，${c.applicant}申请${verbing(`位于${m.location}的永久性测量标志${m.name}（点号${m.pointNo}）`)}。经审查，${c.authority}予以批准（${c.decisionNo}）。`,
    `${c.action.includes('迁建') || c.action.includes('拆迁') ? `迁建工作由${m.executor}实施，迁建费用由建设单位承担，新点成果经检查验收后提交测绘地理信息主管部门。` : `建设单位应当承担相应的迁建费用，并委托${m.executor}在附近选址补建同等级测量标志。`}`,
    periodLine,
    contact,
    sign(rec),
  ];
  return {
    title: title + suffix,
    summary: `经批准，${verbing(`${m.project}涉及的${m.name}（${m.pointNo}）`)}，决定文号${c.decisionNo}。`,
    body: paras.filter((p): p is string => p !== undefined).join('\n\n'),
  };
}

// ============================================================== assembly ===

const WITHDRAW_REASONS: Record<NoticeKind, readonly string[]> = {
  planning: ['建设单位申请撤回规划许可申请', '项目设计方案需进一步优化调整，撤回本次公示', '项目用地权属需进一步核实，暂停办理并撤回公示'],
  land: ['因规划条件调整，终止本次出让活动', '地块存在权属争议，依据《招标拍卖挂牌出让国有建设用地使用权规定》终止出让', '因不可抗力原因，终止本次出让', '经市政府研究，该地块暂缓出让'],
  mining: ['出让范围与生态保护红线存在重叠，终止出让', '矿业权人申请撤回登记申请', '出让范围涉及河道管理范围，需重新论证'],
  surveying: ['申请单位主动撤回申请', '申请材料与实际情况不符，撤回审批结果公示', '审批事项发生变化，另行公告'],
};

function render(rec: Rec, rng: Rng): GeneratedNotice {
  const c = rec.c;
  const text = c.t === 'plan' ? planText(rng, rec, c) : c.t === 'land' ? landText(rng, rec, c) : c.t === 'mine' ? mineText(rng, rec, c) : survText(rng, rec, c);
  const status =
    rec.status.state === 'active'
      ? undefined
      : rec.status.state === 'withdrawn'
        ? { state: 'withdrawn' as const, date: isoOf(rec.status.day), reason: rec.status.reason }
        : {
            state: 'superseded' as const,
            date: isoOf(rec.status.by.day),
            reason: `原公告内容有误，已发布更正公告${rec.status.by.docNo ? `（${rec.status.by.docNo}）` : ''}，以更正后的公告为准`,
            supersededBy: rec.status.by.id,
          };
  const publisher = publisherOf(rec.docPrefix, rec.d);
  const common = {
    title: text.title,
    docNo: rec.docNo,
    district: rec.d ? rec.d.name : CITY_WIDE,
    publisher,
    publishDate: rec.time ? `${isoOf(rec.day)} ${rec.time}` : isoOf(rec.day),
    status,
    summary: text.summary,
  };
  const tail = (geometry: Geom | undefined, dept: number, dname: string) => ({
    geometry,
    related: rec.related.length ? rec.related.map((r) => r.id) : undefined,
    contact: { unit: `${publisher}${dname}`, phone: phoneOf(rec.d, dept), email: emailOf(rec.d), address: addressOf(rec.docPrefix, rec.d) },
    body: text.body,
    sample: true,
  });
  if (c.t === 'plan') {
    const out: PlanningOut = {
      id: rec.id,
      kind: 'planning',
      subKind: rec.sub as PlanningOut['subKind'],
      ...common,
      period: c.period,
      permitType: c.permitType,
      projectName: c.projectName,
      applicant: c.applicant,
      location: c.location,
      indicators: c.indicators,
      permitNo: rec.sub === '批后公布' ? c.permitNo : undefined,
      issueDate: rec.sub === '批后公布' && c.issueDay !== undefined ? isoOf(c.issueDay) : undefined,
      feedback: rec.sub === '批前公示' ? { channels: feedbackChannels(rec), deadline: (c.period as Period).end, hearing: c.hearing } : undefined,
      ...tail(c.geometry, 1, rec.docPrefix === '齐' ? '详细规划科' : '国土空间规划股'),
    };
    return out;
  }
  if (c.t === 'land') {
    const deals = c.deals;
    const parcels = c.parcels.map((p, i) => {
      const deal = deals?.[i];
      return {
        code: p.code, location: p.location, areaM2: p.areaM2, use: p.use, termYears: p.termYears, plotRatio: p.plotRatio,
        buildingDensityMax: p.buildingDensityMax, greenRatioMin: p.greenRatioMin, heightLimitM: p.heightLimitM,
        startPriceWan: p.startPriceWan, depositWan: rec.sub === '出让公告' ? p.depositWan : undefined, incrementWan: rec.sub === '出让公告' ? p.incrementWan : undefined,
        dealPriceWan: deal?.priceWan, winner: deal?.winner, dealDate: deal ? isoOf(deal.day) : undefined,
        geometry: p.geometry,
      };
    });
    const polys = c.parcels.flatMap((p) => (p.geometry ? [p.geometry] : []));
    const geometry: Geom | undefined =
      polys.length === 0 ? undefined : polys.length === 1 ? polys[0] : { type: 'MultiPolygon', coordinates: polys.map((p) => p.coordinates) };
    const out: LandOut = {
      id: rec.id,
      kind: 'land',
      subKind: rec.sub as LandOut['subKind'],
      ...common,
      period: c.period,
      parcels: parcels.length ? parcels : undefined,
      listing: rec.sub === '出让公告' && c.listing ? { method: c.method, ...c.listing } : undefined,
      supplyPlan: c.plan ? { year: c.plan.year, rows: c.plan.rows } : undefined,
      ...tail(geometry, 2, rec.docPrefix === '齐' ? '土地市场科' : '土地利用股'),
    };
    return out;
  }
  if (c.t === 'mine') {
    const out: MiningOut = {
      id: rec.id,
      kind: 'mining',
      subKind: rec.sub as MiningOut['subKind'],
      ...common,
      period: c.period,
      rights: c.rights.map((r) => ({
        name: r.name, type: r.type, mineral: r.mineral, licenseNo: r.licenseNo, holder: r.holder, areaKm2: r.areaKm2, location: r.location,
        validFrom: r.validFrom, validUntil: r.validUntil, scale: r.scale,
      })),
      transfer: c.transfer
        ? rec.sub === '成交公示'
          ? { method: c.transfer.method, startPriceWan: c.transfer.startPriceWan, dealPriceWan: c.transfer.dealPriceWan, winner: c.transfer.winner, start: c.transfer.start, end: c.transfer.end }
          : { method: c.transfer.method, startPriceWan: c.transfer.startPriceWan, depositWan: c.transfer.depositWan, start: c.transfer.start, end: c.transfer.end }
        : undefined,
      corners: c.rights[0]?.corners,
      abolition: c.abolition,
      ...tail(c.rights[0]?.geometry, 3, rec.docPrefix === '齐' ? '矿业权管理科' : '矿产资源管理股'),
    };
    return out;
  }
  const out: SurveyingOut = {
    id: rec.id,
    kind: 'surveying',
    subKind: rec.sub as SurveyingOut['subKind'],
    ...common,
    period: c.period,
    approval: {
      applicant: c.applicant, creditCode: c.creditCode, item: c.item, decisionNo: c.decisionNo, decisionDate: isoOf(c.decisionDay),
      grade: c.grade, categories: c.categories.length ? c.categories : undefined, validUntil: c.validUntil, mapName: c.mapName, reviewNo: c.reviewNo, authority: c.authority,
    },
    ...tail(c.geometry, 4, '测绘地理信息科'),
  };
  return out;
}

export type GenerateNoticesOptions = {
  /** Number of notices, ≥ 1. */
  notices: number;
  seed?: number;
  /** The corpus's “today” (YYYY-MM-DD); periods and statuses are laid out around it. */
  today?: string;
  /** 文号 already used elsewhere in the data directory (enforcement records): never issued again. */
  reservedDocNos?: Iterable<string>;
};

const normDocNo = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * Generates N notices in memory. Pure: the result depends only on the
 * options and the boundaries.
 */
export function generateNotices(boundaries: unknown, options: GenerateNoticesOptions): GeneratedNotice[] {
  const n = options.notices;
  if (!Number.isInteger(n) || n < 1) throw new RangeError('notices 必须是正整数');
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const rng = new Rng(seed);
  const districts = loadDistricts(boundaries as Parameters<typeof loadDistricts>[0]);
  const ctx: Ctx = {
    rng, districts, byName: new Map(districts.map((d) => [d.name, d])), today: dayOf(options.today ?? CORPUS_TODAY), first: dayOf('2019-01-01'),
    seq: 0, counters: new Map(), openProjects: new Map(),
  };

  // How many of each kind: planning and land ~35%, mining and surveying ~15%.
  const counts = {} as Record<NoticeKind, number>;
  let assigned = 0;
  for (const kind of KINDS) {
    counts[kind] = kind === 'surveying' ? n - assigned : Math.round(n * KIND_SHARE[kind]);
    assigned += counts[kind];
  }

  const all: Rec[] = [];
  const subCounts = (weights: readonly (readonly [string, number])[], total: number) => {
    const m = new Map<string, number>(weights.map(([s]) => [s, 0]));
    for (let i = 0; i < total; i++) {
      const s = rng.weighted(weights);
      m.set(s, (m.get(s) ?? 0) + 1);
    }
    return m;
  };
  /** Generates `count` records of a primary sub-kind, ~2% of them corrections of earlier ones. */
  const primaries = (count: number, make: () => Rec): Rec[] => {
    const out: Rec[] = [];
    const corrections = count >= 10 ? Math.round(count * 0.02) : 0;
    for (let i = 0; i < count - corrections; i++) out.push(make());
    let made = 0;
    for (let tries = 0; made < corrections && tries < corrections * 20; tries++) {
      const a = rng.pick(out);
      if (a.status.state !== 'active' || a.correctionOf) continue;
      const b = makeCorrection(ctx, a);
      if (!b) continue;
      out.push(b);
      made++;
    }
    while (made < corrections) {
      out.push(make());
      made++;
    }
    return out;
  };
  /** Secondary notices (批后公布, 成交公示) pair with an earlier primary whose dates allow it. */
  const secondaries = (count: number, pool: Rec[], ready: (r: Rec) => boolean, make: (pre: Rec | undefined) => Rec): Rec[] => {
    const eligible = pool.filter((r) => r.status.state === 'active' && !r.paired && ready(r));
    const out: Rec[] = [];
    for (let i = 0; i < count; i++) {
      let pre: Rec | undefined;
      if (eligible.length > 0 && rng.chance(0.8)) {
        const j = rng.int(0, eligible.length - 1);
        pre = eligible[j];
        eligible[j] = eligible[eligible.length - 1] as Rec;
        eligible.pop();
      }
      out.push(make(pre));
    }
    return out;
  };

  // planning
  {
    const sc = subCounts([['批前公示', 55], ['批后公布', 45]], counts.planning);
    const pre = primaries(sc.get('批前公示') ?? 0, () => {
      const r = makePlanPre(ctx, pickDistrict(ctx, 'planning'), publishDay(ctx));
      distinctProject(ctx, r.c as PlanContent);
      return r;
    });
    const post = secondaries(
      sc.get('批后公布') ?? 0,
      pre,
      (r) => r.c.t === 'plan' && !!r.c.period && dayOf(r.c.period.end) <= ctx.today - 30,
      (p) => {
        if (!p) {
          const d = pickDistrict(ctx, 'planning');
          return makePlanPost(ctx, d, publishDay(ctx), undefined);
        }
        const period = (p.c as PlanContent).period as Period;
        const issue = Math.min(ctx.today, workAfter(dayOf(period.end), rng.int(2, 15)));
        return makePlanPost(ctx, p.d as District, issue, p);
      },
    );
    all.push(...pre, ...post);
  }
  // land
  {
    const sc = subCounts([['出让公告', 50], ['成交公示', 43], ['供地计划', 7]], counts.land);
    const sale = primaries(sc.get('出让公告') ?? 0, () => makeLandSale(ctx, pickDistrict(ctx, 'land'), publishDay(ctx)));
    const plans = primaries(sc.get('供地计划') ?? 0, () => {
      const d = rng.chance(0.4) ? undefined : pickDistrict(ctx, 'land');
      const day = publishDay(ctx);
      return makeSupplyPlan(ctx, d, rng.chance(0.6) ? Math.max(ctx.first, workOnOrAfter(dayOf(`${yearOf(day)}-0${rng.int(1, 3)}-${pad(rng.int(1, 28), 2)}`))) : day);
    });
    const deals = secondaries(
      sc.get('成交公示') ?? 0,
      sale,
      (r) => r.c.t === 'land' && !!r.c.listing && dayOf(r.c.listing.end) <= ctx.today - 15,
      (p) => makeLandDeal(ctx, p ? (p.d as District) : pickDistrict(ctx, 'land'), publishDay(ctx), p),
    );
    all.push(...sale, ...plans, ...deals);
  }
  // mining
  {
    const sc = subCounts([['出让公告', 28], ['成交公示', 22], ['勘查开采信息公示', 38], ['自行废止公告', 12]], counts.mining);
    const sale = primaries(sc.get('出让公告') ?? 0, () => makeMineSale(ctx, pickDistrict(ctx, 'mining'), publishDay(ctx)));
    const info = primaries(sc.get('勘查开采信息公示') ?? 0, () => makeMineInfo(ctx, pickDistrict(ctx, 'mining'), publishDay(ctx)));
    const abolish = primaries(sc.get('自行废止公告') ?? 0, () => makeMineAbolish(ctx, pickDistrict(ctx, 'mining'), publishDay(ctx)));
    const deals = secondaries(
      sc.get('成交公示') ?? 0,
      sale,
      (r) => r.c.t === 'mine' && !!r.c.transfer && dayOf(r.c.transfer.end) <= ctx.today - 20,
      (p) => makeMineDeal(ctx, p ? (p.d as District) : pickDistrict(ctx, 'mining'), Math.max(ctx.first + 70, publishDay(ctx)), p),
    );
    all.push(...sale, ...info, ...abolish, ...deals);
  }
  // surveying
  {
    const sc = subCounts([['测绘资质审批', 45], ['地图审核', 25], ['测量标志审批', 30]], counts.surveying);
    for (const [sub, count] of sc) all.push(...primaries(count, () => makeSurvey(ctx, sub, pickDistrict(ctx, 'surveying'), publishDay(ctx))));
  }

  // Withdrawn: ~1.5% of the notices nothing else refers to.
  for (const r of all) {
    if (r.status.state !== 'active' || r.paired || r.correctionOf || r.related.length > 0) continue;
    if (!rng.chance(0.015)) continue;
    r.status = { state: 'withdrawn', day: Math.min(ctx.today, Math.max(r.day, workAfter(r.day, rng.int(1, 10)))), reason: rng.pick(WITHDRAW_REASONS[r.kind]) };
  }

  // Ids follow publication order within each kind.
  const byTime = (a: Rec, b: Rec) => a.day - b.day || (a.time ?? '').localeCompare(b.time ?? '') || a.seq - b.seq;
  all.sort(byTime);
  const perKind = new Map<NoticeKind, number>();
  for (const r of all) {
    const k = (perKind.get(r.kind) ?? 0) + 1;
    perKind.set(r.kind, k);
    r.id = `${ID_PREFIX[r.kind]}-${pad(k, 6)}`;
  }

  // 文号 and parcel codes are issued in publication order, per series and year.
  const reserved = new Set([...(options.reservedDocNos ?? [])].map(normDocNo));
  const issuedParcels = new Set<ParcelFact>();
  for (const r of all) {
    if (r.docForm) {
      const y = yearOf(r.day);
      let docNo: string;
      do docNo = `${r.docPrefix}自然资${r.docForm}〔${y}〕${next(ctx, `doc|${r.docPrefix}|${r.docForm}|${y}`)}号`;
      while (reserved.has(normDocNo(docNo)));
      r.docNo = docNo;
    }
    if (r.c.t === 'land')
      for (const p of r.c.parcels) {
        if (issuedParcels.has(p)) continue;
        issuedParcels.add(p);
        p.code = `${p.codeKey}${pad(next(ctx, `parcel|${p.codeKey}`, 1, 2), p.codePad)}`;
      }
  }

  // Text last: it quotes ids, 文号 and codes. Corrections quote the original's title, so render in time order.
  return all.map((r) => render(r, rng));
}

// ============================================================ the corpus ===

export type GenerateCorpusOptions = GenerateNoticesOptions & {
  /** Output directory; default corpus/notices-N. */
  out?: string;
  /** Data directory to copy site.yaml, boundaries, red/ and enforcement/ from; default ./data. */
  source?: string;
  /** 事后公开 decisions to generate besides the source's (the column's check and build benchmarks). */
  enforcement?: number;
};
export type GenerateCorpusResult = { out: string; counts: Record<NoticeKind, number>; enforcement: number; ms: number };

/**
 * Writes the corpus directory (atomically replacing any previous one) and
 * returns a summary. The source is read through the loader, so it must
 * validate; its site.yaml, boundaries, red/ and enforcement/ (with their
 * attachments) are copied as they are.
 */
export async function generateCorpus(options: GenerateCorpusOptions): Promise<GenerateCorpusResult> {
  const started = performance.now();
  const n = options.notices;
  if (!Number.isInteger(n) || n < 1 || n > MAX_NOTICES) throw new RangeError(`--notices 必须是 1 到 ${MAX_NOTICES} 之间的整数`);
  const source = path.resolve(options.source ?? 'data');
  const out = path.resolve(options.out ?? path.join('corpus', `notices-${n}`));
  if (out === source || source.startsWith(out + path.sep)) throw new Error(`输出目录 ${out} 不能是数据源目录或其上级`);
  const { dataset, issues } = await loadDataset(source);
  const errors = issues.filter((i) => i.severity === 'error');
  if (!dataset || errors.length > 0)
    throw new Error(`数据源 ${source} 未通过校验（应为含 site.yaml 和 boundaries/ 的数据目录）：\n${errors.slice(0, 20).map(formatIssue).join('\n')}`);
  // 文号 are unique across the site: generated notices avoid the source's enforcement 文号.
  const reservedDocNos = dataset.enforcement.flatMap((r) => r.docNo ?? []);
  const notices = generateNotices(dataset.boundaries, { ...options, reservedDocNos });
  const copiedHrefs = new Set([...dataset.enforcement.flatMap((r) => r.attachments), ...dataset.redSites.flatMap((s) => s.photos)].map((a) => a.href));

  const parent = path.dirname(out);
  mkdirSync(parent, { recursive: true });
  const base = path.basename(out);
  const tmp = path.join(parent, `.${base}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const counts: Record<NoticeKind, number> = { planning: 0, land: 0, mining: 0, surveying: 0 };
  try {
    mkdirSync(tmp, { recursive: true });
    for (const sub of ['site.yaml', 'boundaries', 'red', 'enforcement', 'holidays.yaml']) {
      try {
        cpSync(path.join(source, sub), path.join(tmp, sub), { recursive: true });
      } catch (e) {
        // red/, enforcement/ and holidays.yaml are optional; the loader has checked the rest.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    // The attachments of the copied red sites and enforcement records (generated notices have none).
    await copyPublishedFiles(new Map([...dataset.files].filter(([href]) => copiedHrefs.has(href))), tmp);
    for (const kind of KINDS) mkdirSync(path.join(tmp, 'notices', kind), { recursive: true });
    for (const notice of notices) {
      counts[notice.kind] += 1;
      writeFileSync(path.join(tmp, 'notices', notice.kind, `${notice.id}.json`), `${JSON.stringify(notice)}\n`);
    }
    if (options.enforcement) {
      const used = new Set([...reservedDocNos, ...notices.flatMap((n) => n.docNo ?? [])]);
      mkdirSync(path.join(tmp, 'enforcement'), { recursive: true });
      for (const d of generateDecisions(dataset.boundaries.features.map((f) => f.properties), options.enforcement, options.seed ?? DEFAULT_SEED, used))
        writeFileSync(path.join(tmp, 'enforcement', `${d.id}.json`), `${JSON.stringify(d)}\n`);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  // Swap into place: the old corpus is moved aside first (rename cannot replace a non-empty directory).
  if (existsSync(out)) {
    const old = path.join(parent, `.${base}.old-${process.pid}`);
    rmSync(old, { recursive: true, force: true });
    renameSync(out, old);
    try {
      renameSync(tmp, out);
    } catch (e) {
      renameSync(old, out);
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } else renameSync(tmp, out);
  return { out, counts, enforcement: options.enforcement ?? 0, ms: Math.round(performance.now() - started) };
}

// =================================================================== CLI ===

export const USAGE = '用法：npm run gen:corpus -- --notices N [--enforcement M] [--out 目录] [--seed 整数] [--source 数据目录]';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses the command line; throws UsageError with a message fit for the terminal. */
export function parseArgs(argv: readonly string[]): GenerateCorpusOptions & { help?: boolean } {
  const opts: GenerateCorpusOptions & { help?: boolean } = { notices: 0 };
  let sawNotices = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') {
      opts.help = true;
      continue;
    }
    const m = /^--(notices|enforcement|out|seed|source)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`未知参数“${arg}”`);
    const name = m[1] as 'notices' | 'enforcement' | 'out' | 'seed' | 'source';
    let value = m[2];
    if (value === undefined) {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('--'))) throw new UsageError(`--${name} 缺少取值`);
    if (name === 'notices') {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_NOTICES)
        throw new UsageError(`--notices 应为 1 到 ${MAX_NOTICES} 之间的正整数，收到“${value}”`);
      opts.notices = Number(value);
      sawNotices = true;
    } else if (name === 'enforcement') {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_NOTICES)
        throw new UsageError(`--enforcement 应为 1 到 ${MAX_NOTICES} 之间的正整数，收到“${value}”`);
      opts.enforcement = Number(value);
    } else if (name === 'seed') {
      if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) throw new UsageError(`--seed 应为 0 到 4294967295 之间的整数，收到“${value}”`);
      opts.seed = Number(value);
    } else if (name === 'out') opts.out = value;
    else opts.source = value;
  }
  if (!sawNotices && !opts.help) throw new UsageError('缺少 --notices N（要生成的公告条数）');
  return opts;
}

async function main(argv: readonly string[]): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`gen-corpus：${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const r = await generateCorpus(opts);
    const total = KINDS.reduce((s, k) => s + r.counts[k], 0);
    console.log(
      `gen-corpus：${total} 条公告（planning ${r.counts.planning}，land ${r.counts.land}，mining ${r.counts.mining}，surveying ${r.counts.surveying}）${r.enforcement ? `，${r.enforcement} 条执法决定` : ''}→ ${path.relative(process.cwd(), r.out) || '.'}（seed ${opts.seed ?? DEFAULT_SEED}，${r.ms} ms）`,
    );
    return 0;
  } catch (e) {
    console.error(`gen-corpus：${(e as Error).message}`);
    return 1;
  }
}

const isEntry = import.meta.main ?? (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url));
if (isEntry) process.exitCode = await main(process.argv.slice(2));
