/**
 * Ids for rows that have none, from the name in pinyin, in the style of the
 * ids already on file (jiangqiao-kangzhan-jiniandi, qiqihaer-dangshi-jiaoyuguan):
 * a leading district or city name is one word without its 区/县/市, the
 * rest is cut into words (hanWords).
 *
 * Stable: the id depends on the name alone, so importing the same sheet
 * twice gives the same ids; only a clash (two sites of one name in two
 * districts, or an id already taken) adds the district, then a number.
 */
import { pinyin } from 'pinyin-pro';
import { LOCAL_READINGS } from '../../search/pinyin-dict.ts';

/** Ids are at most 80 characters (recordId); long names are cut at a word and keep a hash, so two long names never collide. */
const MAX_ID = 80;

/** Syllables of a Han string, with the project's local readings (中国一重 zhong guo yi zhong). */
function syllables(text: string): string[] {
  const out = pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
  for (const [word, reading] of Object.entries(LOCAL_READINGS)) {
    const parts = reading.split(' ');
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) out.splice(i, parts.length, ...parts);
  }
  return out;
}

/** 梅里斯达斡尔族区 → 梅里斯, 齐齐哈尔市 → 齐齐哈尔. */
export function shortPlace(place: string): string {
  const short = place.replace(/(?:达斡尔|蒙古|满|回|朝鲜|鄂温克|鄂伦春|锡伯|柯尔克孜)族(?=[区县旗])/u, '').replace(/(?:自治县|自治旗|区|县|市|旗)$/u, '');
  return [...short].length >= 2 ? short : place;
}

/** A short FNV-1a hash, for names too long for an id. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h.toString(36).padStart(7, '0').slice(0, 6);
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * A Han run in words: ICU's dictionary words (嫩江|铁路|桥|抗战|遗址); a run of
 * characters it leaves single is one word (三|间|房 → sanjianfang), and a
 * lone single character joins the word before it (教育|馆 → jiaoyuguan,
 * 铁路|桥 → tieluqiao), or after it at the start (兴|十四 → xingshisi).
 */
function hanWords(run: string): string[] {
  const read = syllables(run);
  const pieces: { text: string; single: boolean }[] = [];
  let at = 0;
  for (const { segment } of WORDS.segment(run)) {
    const n = [...segment].length;
    pieces.push({ text: read.slice(at, at + n).join(''), single: n === 1 });
    at += n;
  }
  // Runs of single characters become one piece.
  const merged: { text: string; single: boolean; run: number }[] = [];
  for (const p of pieces) {
    const last = merged.at(-1);
    if (p.single && last && last.run > 0) {
      last.text += p.text;
      last.run++;
    } else merged.push({ ...p, run: p.single ? 1 : 0 });
  }
  const words: string[] = [];
  merged.forEach((p, i) => {
    if (p.run === 1 && words.length > 0) words[words.length - 1] += p.text;
    else if (p.run === 1 && merged[i + 1]) merged[i + 1]!.text = p.text + merged[i + 1]!.text;
    else words.push(p.text);
  });
  return words;
}

/**
 * The id for a name. `places` are the district and city names the name may
 * begin with (from the boundaries and site.yaml).
 */
export function idFromName(name: string, places: readonly string[] = []): string {
  let rest = name.normalize('NFKC').trim();
  const pieces: string[] = [];
  // The longest place the name starts with, in full or short form.
  const forms = places.flatMap((p) => [p, shortPlace(p)]).sort((a, b) => b.length - a.length);
  const lead = forms.find((f) => rest.startsWith(f));
  if (lead) {
    pieces.push(syllables(shortPlace(lead)).join(''));
    rest = rest.slice(lead.length);
  }
  for (const m of rest.matchAll(/(\p{Script=Han}+)|([A-Za-z0-9]+)/gu)) {
    if (m[1]) pieces.push(...hanWords(m[1]));
    else pieces.push(m[2]!.toLowerCase());
  }
  const words = pieces.map((p) => p.replace(/[^a-z0-9]/g, '')).filter(Boolean);
  let id = words.join('-');
  if (id.length > MAX_ID) {
    const tail = `-${hash(name)}`;
    while (words.length > 1 && words.join('-').length + tail.length > MAX_ID) words.pop();
    id = words.join('-').slice(0, MAX_ID - tail.length) + tail;
  }
  return id.length >= 2 ? id : `site-${hash(name)}`;
}

/**
 * An id for the name that is not taken: the name's id, else with the
 * district added, else numbered -2, -3… The chosen id is added to `taken`.
 */
export function uniqueId(name: string, district: string | undefined, taken: Set<string>, places: readonly string[] = []): string {
  const base = idFromName(name, places);
  const candidates = [base];
  if (district) {
    const d = idFromName(shortPlace(district));
    if (!base.startsWith(`${d}-`)) candidates.push(`${base}-${d}`.slice(0, MAX_ID));
  }
  let id = candidates.find((c) => !taken.has(c));
  for (let n = 2; id === undefined; n++) if (!taken.has(`${base}-${n}`)) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
