/**
 * The printed itinerary (one A4 page): title and summary, a to-scale
 * sketch of the plan (src/lib/route-sketch.ts, as the route pages print
 * theirs: a lazily loaded canvas may not be there when the page prints), the
 * timetable with each leg and each venue's booking phone, the warnings, and
 * the link with its QR code; the 安全须知 are static text in the page. It is
 * redrawn with every change, so printing by the browser's menu (Ctrl+P)
 * prints the plan as it stands.
 */
import { routeSketch } from '../../lib/route-sketch.ts';
import { bookingDeadline, bookingNeeded } from '../../planner/booking.ts';
import type { PlannerCalendar } from '../../planner/calendar.ts';
import { formatDateWithWeekday } from '../../planner/format.ts';
import type { Itinerary } from '../../planner/itinerary.ts';
import type { Plan } from '../../planner/model.ts';
import type { PlannerSite } from '../../planner/types.ts';
import { el, q, svg } from './dom.ts';
import { SEVERITY_LABEL, type ViewInput } from './view.ts';

/**
 * The booking column: whether this group books and by when (the same rules
 * as the booking warning, src/planner/booking.ts, so the sheet need not
 * repeat the warning), then the venue's phone and booking page.
 */
function bookingCell(site: PlannerSite | undefined, plan: Plan, calendar: PlannerCalendar, today: string): string {
  if (!site) return '';
  const b = site.booking;
  const need = bookingNeeded(b, plan.groupSize);
  let rule = '';
  if (need.kind === 'yes') {
    const deadline = need.lead && plan.date ? bookingDeadline(calendar, plan.date, need.lead, today) : undefined;
    const by = deadline?.kind === 'date' ? `，最晚 ${formatDateWithWeekday(deadline.latest)}` : '';
    rule = need.lead === undefined ? '须预约（场馆未注明提前天数）' : need.lead === 0 ? '须预约，当天即可' : `须提前 ${need.lead} 个工作日预约${by}`;
  } else if (need.kind === 'unknown-size') rule = `${b.groups![0]!.minSize} 人以上团队须预约`;
  else rule = '本团无需预约';
  const contact = [b.phone && `电话 ${b.phone}`, b.url && `网上预约 ${b.url}`].filter(Boolean).join('；');
  return [rule, contact || (need.kind === 'no' ? '' : '场馆未公布预约电话')].filter(Boolean).join('；');
}

function sketchOf(it: Itinerary): SVGSVGElement | null {
  if (it.points.length === 0) return null;
  const labels = it.points.map((p) => (p.kind === 'start' ? '起' : p.kind === 'end' ? '终' : String(p.number)));
  const s = routeSketch(
    it.points.map((p) => [p.lonLat[0], p.lonLat[1]]),
    it.points.map((p) => p.name),
    640,
    300,
  );
  const start = it.points[0]!;
  const root = svg('svg', { viewBox: `0 0 ${s.width} ${s.height}`, role: 'img', 'aria-label': `行程示意图：${it.points.map((p, i) => `${labels[i]} ${p.name}`).join('，')}` });
  root.append(svg('rect', { width: s.width, height: s.height, fill: '#fff', stroke: '#777' }), svg('path', { d: s.path, fill: 'none', stroke: '#b3261e', 'stroke-width': 3 }));
  s.stops.forEach((p, i) => {
    const point = it.points[i]!;
    // A round trip's end is its start: one marker.
    if (point.kind === 'end' && start.kind === 'start' && point.lonLat[0] === start.lonLat[0] && point.lonLat[1] === start.lonLat[1]) return;
    const dark = point.kind !== 'stop';
    root.append(
      svg(
        'g',
        { class: 'marker' },
        svg('circle', { cx: p.x, cy: p.y, r: 11, fill: dark ? '#1f2328' : '#b3261e', stroke: '#fff', 'stroke-width': 2 }),
        svg('text', { x: p.x, y: p.y + 4.5, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 'bold', fill: '#fff' }, labels[i]!),
        svg('text', { x: p.x + 15, y: p.y + 4.5 + p.dy, 'font-size': 12, fill: '#000', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, point.name),
      ),
    );
  });
  const bar = svg('g', { transform: `translate(16 ${s.height - 18})` });
  bar.append(
    svg('line', { x1: 0, y1: 0, x2: s.scale.px, y2: 0, stroke: '#000', 'stroke-width': 2 }),
    svg('line', { x1: 0, y1: -5, x2: 0, y2: 0, stroke: '#000' }),
    svg('line', { x1: s.scale.px, y1: -5, x2: s.scale.px, y2: 0, stroke: '#000' }),
    svg('text', { x: s.scale.px + 6, y: 4, 'font-size': 11 }, s.scale.label),
  );
  root.append(bar, svg('text', { x: s.width - 20, y: 24, 'text-anchor': 'middle', 'font-size': 12 }, '▲北'));
  return root;
}

export function renderPrint(root: HTMLElement, input: ViewInput, link: string, calendar: PlannerCalendar, today: string): void {
  const { plan, computed, it, sites } = input;
  q(root, '[data-print-title]').textContent = it.title;
  q(root, '[data-print-summary]').textContent = `${it.summary}。`;
  const sketch = sketchOf(it);
  q(root, '[data-print-sketch]').replaceChildren(...(sketch ? [sketch, el('figcaption', {}, '示意图：按坐标（CGCS2000）等比例绘制，直线连接各点，不代表实际道路，非标准地图。')] : []));
  q(root, '[data-print-link]').textContent = link;
  const rows = it.points.map((p, i) => {
    const leg = i > 0 ? it.legs[i - 1] : undefined;
    const no = p.kind === 'start' ? '出发' : p.kind === 'end' ? '终点' : String(p.number);
    return el('tr', {}, el('td', {}, no), el('td', {}, p.name), el('td', {}, p.description), el('td', {}, leg?.description ?? '—'), el('td', {}, p.kind === 'stop' ? bookingCell(sites.get(p.siteId!), plan, calendar, today) : ''));
  });
  q(root, '[data-print-rows]').replaceChildren(...rows);
  // The sheet keeps what needs doing (problems and cautions); waits are in the timetable, booking deadlines in their column.
  const shown = computed.warnings.filter((w) => w.severity !== 'info' && w.code !== 'booking');
  q(root, '[data-print-warnings]').replaceChildren(
    ...(shown.length
      ? [el('h3', {}, '需要注意'), el('ul', {}, ...shown.map((w) => el('li', {}, `${SEVERITY_LABEL[w.severity]}：${w.stopIndex !== undefined ? `第 ${w.stopIndex + 1} 站：` : ''}${w.message}`)))]
      : []),
  );
}
