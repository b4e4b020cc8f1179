/**
 * Opening hours of a venue, in a small subset of OpenStreetMap's
 * `opening_hours` syntax, so that a machine can tell whether a stop of a
 * study trip is open at the time the group arrives, and a person reads the
 * same rule in Chinese (describeOpeningHours). The full OSM library is
 * ~100 KB and carries its own, foreign holiday data; the trip planner needs
 * the State Council calendar with 调休 (./workdays.ts), and the spreadsheet
 * import needs errors a bureau clerk can act on.
 *
 * Grammar (docs/data-format.md §红色资源):
 *
 *   spec     = rule *( ";" rule )
 *   rule     = selector SP ( spans / "off" )
 *   selector = days / "PH"                      PH = 法定节假日
 *   days     = range *( "," range )             range = Day [ "-" Day ]
 *   Day      = "Mo" / "Tu" / "We" / "Th" / "Fr" / "Sa" / "Su"
 *   spans    = span *( "," span )               span = HH:MM "-" HH:MM
 *
 * e.g. 周二至周日 9:00–17:00，周一闭馆（法定节假日除外）:
 *   Tu-Su 09:00-17:00; Mo off; PH 09:00-17:00
 *
 * On a date, a PH rule applies when the date is a 法定节假日; otherwise the
 * last rule naming its weekday (later rules override earlier ones, as in
 * OSM). A weekday no rule names is closed. A 调休 working Saturday keeps
 * the Saturday rule: venues follow the weekday, not the office calendar.
 */

export const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const DAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** [open, close) in minutes after midnight; close may be 1440 (24:00). */
export type Span = readonly [number, number];

/** One rule: ISO weekdays 1–7 or PH, and its spans ([] = closed). */
export type HoursRule = { days: readonly number[] | 'PH'; spans: readonly Span[] };

export type OpeningHours = { spec: string; rules: readonly HoursRule[] };

export type ParseResult = { ok: true; hours: OpeningHours } | { ok: false; errors: string[] };

const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

function parseTime(text: string): number | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : undefined;
}

function parseDays(text: string, errors: string[], where: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to, extra] = part.split('-');
    const a = DAY_CODES.indexOf(from as (typeof DAY_CODES)[number]);
    const b = to === undefined ? a : DAY_CODES.indexOf(to as (typeof DAY_CODES)[number]);
    if (extra !== undefined || a < 0 || b < 0) {
      errors.push(`${where}：“${part}”不是星期（应为 Mo Tu We Th Fr Sa Su，或 Tu-Su 这样的范围）`);
      return undefined;
    }
    // Sa-Mo wraps over the weekend.
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d + 1);
      if (d === b) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

function parseSpans(text: string, errors: string[], where: string): Span[] | undefined {
  const spans: Span[] = [];
  for (const part of text.split(',')) {
    const [from = '', to = '', extra] = part.split('-');
    const open = parseTime(from);
    const close = parseTime(to);
    if (extra !== undefined || open === undefined || close === undefined) {
      errors.push(`${where}：“${part}”不是时段（应为 09:00-17:00 这样的开始-结束时间）`);
      return undefined;
    }
    if (close <= open) {
      errors.push(`${where}：时段“${part}”的结束时间不晚于开始时间`);
      return undefined;
    }
    spans.push([open, close]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < spans.length; i++)
    if (spans[i]![0] < spans[i - 1]![1]) {
      errors.push(`${where}：时段重叠`);
      return undefined;
    }
  return spans;
}

/** Parses a spec; every problem is reported, with the rule it is in. */
export function parseOpeningHours(spec: string): ParseResult {
  const errors: string[] = [];
  const rules: HoursRule[] = [];
  const text = spec.trim();
  if (text === '') return { ok: false, errors: ['开放时间为空'] };
  const parts = text.split(';').map((r) => r.trim());
  parts.forEach((rule, i) => {
    const where = `第 ${i + 1} 条“${rule}”`;
    if (rule === '') {
      errors.push(`第 ${i + 1} 条为空（多了一个分号？）`);
      return;
    }
    const [selector = '', value, ...rest] = rule.split(/\s+/);
    if (value === undefined || rest.length > 0) {
      errors.push(`${where}：应为“星期 时段”或“星期 off”，如 Tu-Su 09:00-17:00`);
      return;
    }
    const days = selector === 'PH' ? 'PH' : parseDays(selector, errors, where);
    const spans = value === 'off' ? [] : parseSpans(value, errors, where);
    if (days && spans) rules.push({ days, spans });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, hours: { spec: text, rules } };
}

/** The spans open on a date (ISO weekday 1–7; whether it is a 法定节假日); [] when closed. */
export function spansOn(hours: OpeningHours, weekday: number, publicHoliday: boolean): { spans: readonly Span[]; rule: 'PH' | 'weekly' | 'none' } {
  if (publicHoliday) {
    const ph = hours.rules.findLast((r) => r.days === 'PH');
    if (ph) return { spans: ph.spans, rule: 'PH' };
  }
  const rule = hours.rules.findLast((r) => r.days !== 'PH' && r.days.includes(weekday));
  return rule ? { spans: rule.spans, rule: 'weekly' } : { spans: [], rule: 'none' };
}

/** 9:00, 17:30, 24:00. */
export function formatMinutes(m: number): string {
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

function describeDays(days: readonly number[]): string {
  if (days.length === 7) return '每日';
  // Runs of consecutive days: 周二至周日, 周一、周三.
  const runs: [number, number][] = [];
  for (const d of days) {
    const last = runs.at(-1);
    if (last && last[1] === d - 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs.map(([a, b]) => (a === b ? DAY_NAMES[a - 1] : b === a + 1 ? `${DAY_NAMES[a - 1]}、${DAY_NAMES[b - 1]}` : `${DAY_NAMES[a - 1]}至${DAY_NAMES[b - 1]}`)).join('、');
}

const describeSpans = (spans: readonly Span[]) => spans.map(([a, b]) => `${formatMinutes(a)}–${formatMinutes(b)}`).join('、');

/** The rule in Chinese, e.g. 周二至周日 9:00–17:00；周一闭馆；法定节假日 9:00–17:00. */
export function describeOpeningHours(hours: OpeningHours): string {
  return hours.rules
    .map((r) => {
      const who = r.days === 'PH' ? '法定节假日' : describeDays(r.days);
      return r.spans.length === 0 ? `${who}闭馆` : `${who} ${describeSpans(r.spans)}`;
    })
    .join('；');
}
