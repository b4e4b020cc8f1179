/**
 * The plan on screen: the summary line, the start and end, the numbered
 * stops with their legs, times, visit length, reorder buttons and
 * warnings, and the 提醒 list. Every sentence comes from the planner's
 * itinerary and warnings (src/planner/itinerary.ts, warnings.ts), the same
 * words as the print view and the exports. Rendering replaces the list; the
 * caller says which control to focus afterwards, so a keyboard move keeps
 * the reader on the stop that moved.
 */
import type { ComputedPlan } from '../../planner/compute.ts';
import { formatClock, formatDuration } from '../../planner/format.ts';
import type { Itinerary, ItineraryLeg, ItineraryPoint } from '../../planner/itinerary.ts';
import { LIMITS, type Plan } from '../../planner/model.ts';
import type { PlanWarning, Severity } from '../../planner/warnings.ts';
import type { PlannerSite } from '../../planner/types.ts';
import { el } from './dom.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '问题', warning: '注意', info: '提示' };

export type StopControl = 'minutes' | 'up' | 'down' | 'remove' | 'link';
export interface FocusTarget {
  siteId: string;
  control: StopControl;
}

export interface ViewInput {
  plan: Plan;
  computed: ComputedPlan;
  it: Itinerary;
  sites: ReadonlyMap<string, PlannerSite>;
  info: ReadonlyMap<string, { url: string; district: string }>;
}

const lonLatText = (p: readonly number[]) => `东经 ${p[0]!.toFixed(5)}°，北纬 ${p[1]!.toFixed(5)}°`;

/** The leg that arrives at itinerary point `i` (points and legs are in the same order). */
const legInto = (it: Itinerary, i: number): ItineraryLeg | undefined => (i > 0 ? it.legs[i - 1] : undefined);

function warningItem(w: PlanWarning, prefix = ''): HTMLLIElement {
  return el('li', { class: `warning warning-${w.severity}`, 'data-code': w.code }, el('strong', { class: 'warning-label' }, SEVERITY_LABEL[w.severity]), ' ', `${prefix}${w.message}`);
}

export function renderSummary(target: HTMLElement, { plan, computed, it }: ViewInput): void {
  const t = computed.schedule.totals;
  const parts = [it.summary];
  if (plan.stops.length > 0) parts.push(`路上约 ${formatDuration(t.travelMinutes)}，参观 ${formatDuration(t.visitMinutes)}${t.waitMinutes ? `，等候 ${formatDuration(t.waitMinutes)}` : ''}`);
  if (t.estimatedLegs > 0) parts.push(t.roadLegs > 0 ? `其中 ${t.estimatedLegs} 段为直线估算` : '路程为直线估算');
  target.textContent = `${parts.join('；')}。`;
}

/** The start (or, without one, where the day begins) and the end. */
export function renderEnds(start: HTMLElement, end: HTMLElement, { plan, computed, it }: ViewInput): void {
  const first = it.points[0];
  if (first?.kind === 'start') {
    start.replaceChildren(el('strong', {}, '出发：'), `${first.name}，${first.description}`, el('span', { class: 'meta' }, `（${lonLatText(first.lonLat)}）`));
  } else {
    start.replaceChildren(el('strong', {}, '出发：'), `未设出发地，行程从第一个地点开始（${formatClock(computed.schedule.departure)} 到达）。`);
  }
  const lastIndex = it.points.length - 1;
  const last = it.points[lastIndex];
  if (last?.kind === 'end') {
    const leg = legInto(it, lastIndex);
    end.replaceChildren(el('strong', {}, plan.end === 'start' ? '返回：' : '终点：'), `${last.name}，${last.description}`, leg ? el('span', { class: 'plan-leg-inline' }, `（路程 ${leg.description}）`) : '');
  } else if (plan.stops.length > 0) {
    end.replaceChildren(el('strong', {}, '结束：'), `在最后一个地点结束，${formatClock(computed.schedule.finish)} 结束。`);
  } else end.replaceChildren();
}

function stopItem(p: ItineraryPoint, index: number, count: number, leg: ItineraryLeg | undefined, input: ViewInput): HTMLLIElement {
  const { plan, computed, sites, info } = input;
  const stop = plan.stops[index]!;
  const site = sites.get(stop.siteId)!;
  const where = info.get(stop.siteId);
  const name = site.name;
  const minutesId = `stop-minutes-${stop.siteId}`;
  const warnings = computed.warnings.filter((w) => w.stopIndex === index);
  const move = (control: 'up' | 'down', label: string, edge: boolean) =>
    el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-control': control, 'aria-label': `${label}：${name}`, 'aria-disabled': edge ? 'true' : 'false' }, label);
  return el(
    'li',
    { class: 'plan-stop', draggable: 'true', 'data-index': String(index), 'data-site': stop.siteId },
    el(
      'div',
      { class: 'plan-stop-head' },
      el('span', { class: 'drag-handle', 'aria-hidden': 'true', title: '拖动以调整顺序' }),
      el('span', { class: 'stop-no', 'aria-hidden': 'true' }, String(index + 1)),
      el('h3', { class: 'plan-stop-name' }, el('span', { class: 'visually-hidden' }, `第 ${index + 1} 站：`), el('a', { href: where?.url ?? '#', 'data-control': 'link' }, name), where ? el('span', { class: 'meta' }, ` ${where.district}`) : ''),
    ),
    leg ? el('p', { class: 'plan-leg' }, `从${leg.fromName}前往：${leg.description}`) : null,
    el('p', { class: 'plan-times', 'data-stop-times': '' }, p.description),
    el(
      'div',
      { class: 'plan-stop-controls' },
      el('label', { for: minutesId }, '参观时长'),
      ' ',
      el('input', {
        id: minutesId,
        type: 'number',
        inputmode: 'numeric',
        min: String(LIMITS.stopMinutes.min),
        max: String(LIMITS.stopMinutes.max),
        step: '5',
        value: String(stop.minutes ?? site.visitMinutes),
        'data-control': 'minutes',
        'aria-describedby': `${minutesId}-hint`,
      }),
      ' 分钟 ',
      el('span', { class: 'meta', id: `${minutesId}-hint` }, `（建议 ${site.visitMinutes} 分钟）`),
      ' ',
      move('up', '上移', index === 0),
      ' ',
      move('down', '下移', index === count - 1),
      ' ',
      el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-control': 'remove', 'aria-label': `移除：${name}` }, '移除'),
    ),
    warnings.length ? el('ul', { class: 'plan-stop-warnings' }, ...warnings.map((w) => warningItem(w))) : null,
  );
}

export function renderStops(list: HTMLOListElement, empty: HTMLElement, input: ViewInput, focus?: FocusTarget): void {
  const { plan, it } = input;
  const items: HTMLLIElement[] = [];
  it.points.forEach((p, i) => {
    if (p.kind !== 'stop') return;
    const index = plan.stops.findIndex((s) => s.siteId === p.siteId);
    items.push(stopItem(p, index, plan.stops.length, legInto(it, i), input));
  });
  list.replaceChildren(...items);
  empty.hidden = plan.stops.length > 0;
  if (focus) list.querySelector<HTMLElement>(`li[data-site="${CSS.escape(focus.siteId)}"] [data-control="${focus.control}"]`)?.focus();
}

/** Every warning, the plan's own first, then each stop's with its number. */
export function renderWarnings(target: HTMLElement, { plan, computed }: ViewInput): void {
  const ws = computed.warnings;
  if (ws.length === 0) {
    target.replaceChildren(el('p', {}, plan.stops.length ? '没有发现问题。出发前仍请与各场馆确认开放和预约情况。' : '暂无。'));
    return;
  }
  const count = (s: Severity) => ws.filter((w) => w.severity === s).length;
  const counts = (['error', 'warning', 'info'] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} 条${SEVERITY_LABEL[s]}`);
  const name = (w: PlanWarning) => (w.stopIndex !== undefined ? `第 ${w.stopIndex + 1} 站：` : '');
  const order = [...ws.filter((w) => w.stopIndex === undefined), ...ws.filter((w) => w.stopIndex !== undefined).sort((a, b) => a.stopIndex! - b.stopIndex!)];
  target.replaceChildren(el('p', { 'data-warning-counts': '' }, `${counts.join('，')}。`), el('ul', { class: 'plan-warnings' }, ...order.map((w) => warningItem(w, name(w)))));
}
