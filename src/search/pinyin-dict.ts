/**
 * Build-time pinyin keyword dictionary (search-notes.md §5, “keyword
 * dictionary”). Place and proper names are collected from every
 * SearchDocument into a gazetteer, converted to pinyin once here with
 * pinyin-pro, and shipped to the browser as small JSON shards keyed by first
 * letter. The browser never sees pinyin-pro (143 KB gzip): it only runs the
 * dependency-free matcher in pinyin-match.ts, which expands a latin query
 * (`jiangqiao`, `jq`, `jiangq`) to ≤ 5 Chinese keywords that are then searched
 * with the ordinary bigram index.
 *
 * Alias: a name that ends in an administrative or road suffix (区 省 县 市 镇
 * 乡 村 屯 街道 社区 路 街 大街 大道, with any ethnic designation in front of it:
 * 梅里斯达斡尔族区, 水师营满族镇) also carries the pinyin of the name without
 * it, so `jiangqiao` and `jq` are an exact match for 江桥镇 and `meilisi` for
 * 梅里斯达斡尔族区. Feature words (纪念馆, 陵园, 公园…) are not stripped: 江桥抗战
 * is not a place; nor is the 区 of 园区, 片区, 开发区. An alias is at least two
 * characters. The keyword returned is always the whole name. With trailing
 * suffixes the alias is a prefix of the name, so it only changes ranking
 * (exact match) — 江桥镇 comes first for `jq`.
 */
import { customPinyin, pinyin } from 'pinyin-pro';
import type { SearchDocument } from './documents.ts';

/**
 * [Chinese keyword, full pinyin (no tones, no separators, ü → v), initials,
 * document frequency, full pinyin and initials of the alias (absent when the
 * name has no alias)].
 */
export type PinyinEntry = [zh: string, full: string, initials: string, df: number, aliasFull?: string, aliasInitials?: string];

/**
 * Local readings pinyin-pro gets wrong, checked against every place and
 * proper name in data/ and in the corpus vocabulary (scripts/gen-corpus.ts):
 * district, town, road, river and red-site names come out right on their own
 * (齐齐哈尔 qiqihaer, 昂昂溪 angangxi, 讷河 nehe, 卜奎 bukui, 扎龙 zhalong,
 * 查哈阳 chahayang, 雅尔塞 yaersai, 长青 changqing, 达斡尔 dawoer…). The one
 * word error: 中国一重 (China First Heavy Industries, 富拉尔基) is read yi chong.
 * The other error is positional, 县长/区长/镇长 (zhang, “head of”) read across a
 * place boundary in 甘南县长山乡, 富拉尔基区长青路, 镇长胜村: `syllables` reads
 * each place of a compound name separately instead (READING_BREAK).
 */
export const LOCAL_READINGS: Readonly<Record<string, string>> = {
  中国一重: 'zhong guo yi zhong',
};

/** Longest names kept, in Han characters. */
export const MAX_NAME_LENGTH = 16;

const HAN = /^\p{Script=Han}+$/u;

// Bracketed asides （示例地址）（2026版）（B区） are not names; they, punctuation and spaces separate.
const BRACKETED = /[(（［\[〔【][^)）］\]〕】]*[)）］\]〕】]/gu;
const PUNCT = /[\s\p{P}\p{S}]+/gu;
// Positional and connective phrases also separate place names.
const CONNECTIVE =
  /围合区域|以[东西南北内外]|[东西南北]至|交叉口|交汇处|交会处|附近|周边|一带|辖区内|境内|范围内|(?:东南|东北|西南|西北|[东西南北])侧|[东西南北左右]岸/gu;
// A road name ends and the next begins: 长青路与沿江路 → 长青路 | 沿江路.
const ROAD_JOIN = /(?<=路|街|道|巷)[与和及至](?=\p{Script=Han})/gu;
// Trailing words that are not part of the name.
const TRAILING = /(?:辖区内|范围内|境内|内|处|段|附近|一带|周边|区域|(?:东南|东北|西南|西北|[东西南北])[侧坡]|[东西南北左右]岸|以[东西南北])$/u;

type PieceKind = 'admin' | 'road' | 'tail';
/** Suffixes that end a place-name piece, longest first. */
const PIECE_SUFFIXES: ReadonlyArray<readonly [string, PieceKind]> = [
  ['街道', 'admin'], ['社区', 'admin'], ['大街', 'road'], ['大道', 'road'], ['胡同', 'road'],
  ['区', 'admin'], ['省', 'admin'], ['县', 'admin'], ['市', 'admin'], ['镇', 'admin'], ['乡', 'admin'], ['村', 'admin'], ['屯', 'admin'],
  ['路', 'road'], ['街', 'road'], ['巷', 'road'], ['号', 'road'],
];
const PIECE_SUFFIX_CHARS = new Set(PIECE_SUFFIXES.map(([s]) => s[0]!));
/** A name opens with a place (区 县 市 镇 乡 街道) only if that 区 is not a 军区, 园区, 城区…. */
const NOT_PLACE_QU = '军园城片辖校院矿景小营战灾禁林牧郊商学社发';
const OPENING = new RegExp(`^(?:.+[^${NOT_PLACE_QU}]区|.+(?:省|县|市|镇|乡|街道))$`, 'u');
// Never part of a proper name: such a string is an address, not a name to keep whole.
const ADDRESS_ONLY = /境内|辖区内|范围内/u;
const NUMERAL_ONLY = /^[一二三四五六七八九十]+(?:路|街|大街|大道|巷|号)$/u;

/** Suffixes stripped to make the alias, longest first. */
const ALIAS_SUFFIXES = ['街道', '社区', '大街', '大道', '区', '省', '县', '市', '镇', '乡', '村', '屯', '路', '街'];
const ETHNIC = /(?:达斡尔|蒙古|满|鄂温克|柯尔克孜|朝鲜|回|锡伯|鄂伦春|赫哲)族$/u;

/** Generic words and placeholders that are pieces of addresses but not names. */
const STOP = new Set([
  '某村', '示例地址', '示例位置', '示意范围', '具体位置不予公开', '现状', '项目', '工程', '地块', '道路', '辖区',
  '园区', '城区', '片区', '社区', '小区', '校区', '院区', '矿区', '开发区', '街道', '大街', '大道', '背街', '小巷',
  '改造工程', '新建工程', '扩建工程', '建设项目', '服务用地',
]);

/** Collections whose title is itself a proper name. */
const NAMED_TITLES: ReadonlySet<string> = new Set(['page', 'red-site', 'red-route']);

const chars = (s: string): string[] => Array.from(s);
const hanLength = (s: string): number => chars(s).length;

/** Is `s` a keepable name: 2–16 Han characters only, not a stop word or placeholder? */
function keepable(s: string): boolean {
  if (!HAN.test(s) || STOP.has(s) || s.startsWith('现状') || NUMERAL_ONLY.test(s)) return false;
  const n = hanLength(s);
  return n >= 2 && n <= MAX_NAME_LENGTH;
}

function stripTrailing(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(TRAILING, '');
  }
  return out;
}

/**
 * Cuts a separator-free segment after every place suffix:
 * 铁锋区北局宅街道铁锋路 → 铁锋区 | 北局宅街道 | 铁锋路. A lone suffix ending
 * the segment joins the piece before it (中东铁路街 stays whole).
 */
function cutAtSuffixes(segment: string): Array<[text: string, kind: PieceKind]> {
  const cs = chars(segment);
  const pieces: Array<[string, PieceKind]> = [];
  let start = 0;
  for (let i = 0; i < cs.length; i++) {
    if (!PIECE_SUFFIX_CHARS.has(cs[i]!)) continue;
    const suffixAt = (at: number) => PIECE_SUFFIXES.find(([s]) => cs.slice(at, at + s.length).join('') === s);
    let hit = suffixAt(i);
    if (!hit) continue;
    let end = i + hanLength(hit[0]);
    // 蒲峪路镇, 中东铁路街: a suffix right after a suffix belongs to the same name.
    for (let next = suffixAt(end); next && next[0] !== hit[0] && i > start; next = suffixAt(end)) {
      hit = next;
      end += hanLength(next[0]);
    }
    if (i === start) {
      if (pieces.length > 0 && end === cs.length) {
        const last = pieces[pieces.length - 1]!;
        pieces[pieces.length - 1] = [last[0] + cs.slice(start, end).join(''), hit[1]];
        start = end;
      }
      continue;
    }
    pieces.push([cs.slice(start, end).join(''), hit[1]]);
    start = end;
    i = end - 1;
  }
  if (start < cs.length) pieces.push([cs.slice(start).join(''), 'tail']);
  return pieces;
}

/**
 * Place-name pieces of one entry of `names`, deduplicated, in order.
 *
 * - Addresses and locations are split at punctuation, brackets, positional
 *   and connective words (以东, 交汇处, 东侧, 境内, 长青路与沿江路…) and then
 *   after every administrative or road suffix: 铁锋区北局宅街道铁锋路以东、东湖路以南
 *   → 铁锋区, 北局宅街道, 铁锋路, 东湖路.
 * - A segment is only cut when it opens with a place (区 县 市 镇 乡 街道) or
 *   follows a separator, so proper names keep their inner 路 and 区:
 *   嫩江铁路桥抗战遗址 and 西满军区司令部旧址 are not split.
 * - A name of ≤ 16 Han characters (trailing brackets and positional words
 *   removed) is kept whole when it is more than a chain of places — a red
 *   site, project or mining-right name: 龙江县人民医院门诊综合楼 → 龙江县 and the
 *   whole name; 泰来县江桥镇 → 泰来县江桥镇, 泰来县, 江桥镇 (two administrative
 *   places in a row are also kept joined). What follows the places of a
 *   longer name is kept as a piece (齐齐哈尔市碾子山区红旗建筑用花岗岩矿采矿权 →
 *   齐齐哈尔市, 碾子山区, 红旗建筑用花岗岩矿采矿权).
 * - Pieces must be 2–16 Han characters; anything with latin letters, digits or
 *   other symbols, generic words (项目, 园区, 全市…) and numbered roads (三路) go.
 */
export function namePieces(raw: string): string[] {
  const name = String(raw ?? '').normalize('NFKC');
  const whole = stripTrailing(name.replace(/(?:\s*[(（［\[〔【][^)）］\]〕】]*[)）］\]〕】])+\s*$/u, '').trim());
  const wholeOk = keepable(whole) && !ADDRESS_ONLY.test(whole);
  const places: string[] = [];
  const tails: string[] = [];
  let chainOnly = true;
  const segments = name.replace(BRACKETED, ' ').replace(ROAD_JOIN, ' ').replace(CONNECTIVE, ' ').split(PUNCT).filter(Boolean);
  segments.forEach((segment, k) => {
    let address = k > 0;
    const cut = cutAtSuffixes(stripTrailing(segment));
    for (const [i, [text, kind]] of cut.entries()) {
      const piece = stripTrailing(text);
      if (!address) {
        if (kind === 'admin' && OPENING.test(piece)) address = true;
        else {
          // Not a place: the rest of the segment is one proper name (明月岛名邸).
          chainOnly = false;
          tails.push(stripTrailing(cut.slice(i).map(([t]) => t).join('')));
          break;
        }
      }
      if (kind === 'tail') {
        chainOnly = false;
        tails.push(piece);
      } else {
        // Two administrative places in a row are also a name people type whole (泰来县江桥镇).
        const prev = cut[i - 1];
        if (i > 0 && kind === 'admin' && prev?.[1] === 'admin' && address) places.push(stripTrailing(prev[0]) + piece);
        places.push(piece);
      }
    }
  });
  const out = [...places];
  if (wholeOk && !chainOnly) out.unshift(whole);
  else if (!wholeOk) out.push(...tails);
  return [...new Set(out.filter(keepable))];
}

/**
 * The gazetteer: every place or proper name of the documents → the number of
 * documents that name it. Names come from `names` (districts, addresses and
 * locations split into pieces, project, red-site and mining-right names kept
 * whole when ≤ 16 characters) and from the titles of pages, red sites and
 * red routes. Ordered by document frequency (descending), then by name.
 */
export function extractNames(docs: readonly Pick<SearchDocument, 'names' | 'title' | 'collection'>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) {
    const seen = new Set<string>();
    const names = Array.isArray(doc.names) ? doc.names : [];
    const sources = NAMED_TITLES.has(doc.collection) ? [doc.title, ...names] : names;
    for (const source of sources) for (const piece of namePieces(source)) seen.add(piece);
    for (const name of seen) df.set(name, (df.get(name) ?? 0) + 1);
  }
  const sorted = [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(sorted);
}

/** How many trailing characters of `zh` form its alias suffix (0: none). */
function aliasCut(zh: string): number {
  const suffix = ALIAS_SUFFIXES.find((s) => zh.endsWith(s));
  if (!suffix) return 0;
  if (suffix === '区' && NOT_PLACE_QU.includes(zh.at(-2) ?? '')) return 0;
  let stem = zh.slice(0, zh.length - suffix.length);
  while (ETHNIC.test(stem)) {
    const next = stem.replace(ETHNIC, '');
    if (hanLength(next) < 2) break;
    stem = next;
  }
  return hanLength(stem) >= 2 ? hanLength(zh) - hanLength(stem) : 0;
}

let readingsInstalled = false;

// Read each place of a compound name on its own: pinyin-pro takes 县长 (county
// head, xian zhang) across the boundary in 甘南县长山乡, 富拉尔基区长青路, 讷河市长发镇.
const READING_BREAK = /(?<=街道|[区省县市镇乡村屯])(?=\p{Script=Han})/u;

/**
 * Syllables of a Han-only name: lower case, no tones, ü → v; each place of a
 * compound name read separately; undefined if pinyin-pro does not know a
 * character.
 */
export function syllables(zh: string): string[] | undefined {
  if (!readingsInstalled) {
    customPinyin({ ...LOCAL_READINGS });
    readingsInstalled = true;
  }
  const out = zh
    .split(READING_BREAK)
    .flatMap((part) => pinyin(part, { toneType: 'none', type: 'array' }))
    .map((s) => s.toLowerCase().replaceAll('ü', 'v'));
  return out.length === hanLength(zh) && out.every((s) => /^[a-z]+$/.test(s)) ? out : undefined;
}

const byFullThenZh = (a: PinyinEntry, b: PinyinEntry): number =>
  a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/** One entry per gazetteer name (Han-only names; those with latin or digits are left out), sorted by full pinyin, then name. */
export function buildPinyinDictionary(docs: readonly Pick<SearchDocument, 'names' | 'title' | 'collection'>[]): PinyinEntry[] {
  const entries: PinyinEntry[] = [];
  for (const [zh, df] of extractNames(docs)) {
    if (!HAN.test(zh)) continue;
    const syl = syllables(zh);
    if (!syl) continue;
    const entry: PinyinEntry = [zh, syl.join(''), syl.map((s) => s[0]).join(''), df];
    const cut = aliasCut(zh);
    if (cut > 0) {
      const stem = syl.slice(0, syl.length - cut);
      entry.push(stem.join(''), stem.map((s) => s[0]).join(''));
    }
    entries.push(entry);
  }
  return entries.sort(byFullThenZh);
}

/**
 * Shards keyed by first letter a–z: every entry sits in the shard of its
 * full pinyin, and also in its alias's shard if that differs (it cannot with
 * trailing-suffix aliases, but the client relies only on this rule). Keys are
 * in alphabetical order; each shard is sorted by full pinyin, then name.
 */
export function shardPinyinDictionary(entries: readonly PinyinEntry[]): Record<string, PinyinEntry[]> {
  const shards: Record<string, PinyinEntry[]> = {};
  const put = (key: string | undefined, e: PinyinEntry): void => {
    if (!key || !/^[a-z]$/.test(key)) return;
    const shard = (shards[key] ??= []);
    if (shard[shard.length - 1] !== e) shard.push(e);
  };
  for (const e of entries) {
    put(e[1][0], e);
    if (e[4] && e[4][0] !== e[1][0]) put(e[4][0], e);
  }
  const out: Record<string, PinyinEntry[]> = {};
  for (const key of Object.keys(shards).sort()) out[key] = shards[key]!.slice().sort(byFullThenZh);
  return out;
}
