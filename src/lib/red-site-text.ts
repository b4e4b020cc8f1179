/**
 * What a red-site page, list and itinerary say about admission, booking,
 * capacity, designations and photo licences: every sentence derived from
 * the structured fields of src/schema/red.ts, so that the words and the
 * planner's warnings come from the same values. Pure and browser-safe.
 */
import type { Designation, DesignationLevel, PhotoLicence, RedSite, SiteBooking } from '../schema/red.ts';

/** 免费 / 免费（需领票或预约码入馆，免费不免票） / the price. */
export function admissionText(a: RedSite['admission']): string {
  const base = a.free ? (a.ticket ? '免费（需领取免费门票或出示预约码入馆，即“免费不免票”）' : '免费') : a.price!;
  return a.concessions ? `${base}；${a.concessions}` : base;
}

/** The group rule a group of `size` falls under: the last one whose minimum it reaches. */
export function groupRuleFor(booking: SiteBooking, size: number): SiteBooking['groups'][number] | undefined {
  return booking.groups.findLast((g) => size >= g.minSize);
}

/**
 * Working days ahead a visit of `size` people must be booked; undefined when
 * it need not be. A group (size > 1) below every group rule books as
 * individuals do.
 */
export function bookingLeadWorkingDays(booking: SiteBooking, size: number): number | undefined {
  const group = size > 1 ? groupRuleFor(booking, size) : undefined;
  if (group) return group.leadWorkingDays;
  return booking.individualsNeedBooking ? (booking.individualLeadWorkingDays ?? 0) : undefined;
}

const ahead = (days: number) => (days === 0 ? '当天预约即可' : `提前 ${days} 个工作日预约`);

/** The booking rules in sentences: 散客…; 20 人以上团队…; 200 人以上…. */
export function bookingLines(b: SiteBooking): string[] {
  const lines = [b.individualsNeedBooking ? `散客需预约${b.individualLeadWorkingDays !== undefined ? `，${ahead(b.individualLeadWorkingDays)}` : ''}` : '散客无需预约'];
  for (const g of b.groups) lines.push(`${g.minSize} 人及以上团队需${ahead(g.leadWorkingDays)}`);
  if (b.notes) lines.push(b.notes);
  return lines;
}

/** Whether anyone must book: individuals, or groups from some size. */
export const needsBooking = (b: SiteBooking): 'individuals' | 'groups' | 'none' => (b.individualsNeedBooking ? 'individuals' : b.groups.length > 0 ? 'groups' : 'none');

/** 单团最多 100 人；每日最多 3,000 人 — or undefined when the venue states no limit. */
export function capacityText(c: RedSite['capacity']): string | undefined {
  const parts = [c.group && `每批（团）最多接待 ${c.group} 人`, c.daily && `每日最多接待 ${c.daily.toLocaleString('zh-CN')} 人`].filter(Boolean);
  return parts.length ? parts.join('；') : undefined;
}

/** 全国 / 省级 / 市级 / 县级, as the list filter and the readers say it. */
export const LEVEL_SHORT: Record<DesignationLevel, string> = { 国家级: '全国', 省级: '省级', 市级: '市级', 县级: '县级' };

/** A designation as a line: 齐齐哈尔市爱国主义教育基地（市级，2020 年）. */
export function designationText(d: Designation): string {
  return `${d.title}（${d.level}${d.year ? `，${d.year} 年命名` : ''}）`;
}

/** The licence's name and where its terms are. */
export const LICENCES: Record<PhotoLicence, { name: string; url?: string }> = {
  'CC0-1.0': { name: 'CC0 1.0（公有领域贡献）', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.zh-hans' },
  'CC-BY-4.0': { name: '知识共享署名 4.0（CC BY 4.0）', url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans' },
  'CC-BY-SA-4.0': { name: '知识共享署名—相同方式共享 4.0（CC BY-SA 4.0）', url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.zh-hans' },
  授权使用: { name: '经著作权人授权使用，未经许可不得转载' },
};

/** 约 1 小时 30 分钟, 约 40 分钟. */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `约 ${h ? `${h} 小时` : ''}${m || !h ? `${h ? ' ' : ''}${m} 分钟` : ''}`;
}
