/**
 * The planner page's script (/planner/): the plan is the one state; every
 * change (the form, the lists, the map, a reorder) makes a new Plan, writes
 * it to the URL (docs/planner-url.md), and renders everything from
 * computePlan() — the timetable, the warnings, the map's overlay, the share
 * link and QR code, the print view. Road legs come afterwards from the
 * server's routing route when it has a key (src/planner/routing-client.ts);
 * until then, and without one, legs are 直线估算 and say so.
 *
 * Ordering without timers: the holiday document is awaited before the first
 * computation (a plan is never shown with holidays it has not read), and a
 * road-leg answer re-renders whatever plan is current when it arrives.
 * `data-state` on the page root says `loading`, `routing` or `ready`.
 */
import { todayInShanghai } from '../../lib/dates.ts';
import { calendarFromDocument, checkHolidayDocument, type PlannerCalendar } from '../../planner/calendar.ts';
import { computePlan, type ComputedPlan } from '../../planner/compute.ts';
import { exportFileName, GEOJSON_MIME, GPX_MIME, KML_MIME, toGeoJson, toGpx, toKml } from '../../planner/export.ts';
import { insideExtent } from '../../planner/extent.ts';
import { formatDateWithWeekday, formatDistance } from '../../planner/format.ts';
import { itinerary, type Itinerary } from '../../planner/itinerary.ts';
import { planWaypoints } from '../../planner/legs.ts';
import { addStop, MAX_STOPS, moveStop, removeStop, type Plan, type PlanStop } from '../../planner/model.ts';
import { optimiseOrder } from '../../planner/optimise.ts';
import { fetchRoadLegs, newRoadLegCache } from '../../planner/routing-client.ts';
import { describeUrlWarnings, formatPlanQuery, parsePlanQuery, planHref } from '../../planner/url.ts';
import type { LonLat } from '../../planner/types.ts';
import type { PickDetail } from '../../map/plan-map.ts';
import { catalogueOf, type PlannerPageData } from './data.ts';
import { el, q } from './dom.ts';
import { applyForm, formValues, stopMinutes, type FieldError, type FormValues } from './form.ts';
import { overlayOf } from './overlay.ts';
import type { Place } from './places.ts';
import { renderPrint } from './print-view.ts';
import { buttonMove, dropIndex, edgeMessage, keyboardMove, moveMessage } from './reorder.ts';
import { mergeOffer, readLast, writeLast } from './session.ts';
import { copyText, createQr, download } from './share.ts';
import { bindStartSearch } from './start-search.ts';
import { renderEnds, renderStops, renderSummary, renderWarnings, type FocusTarget, type StopControl, type ViewInput } from './view.ts';

const root = document.querySelector<HTMLElement>('[data-planner]');
const dataEl = root?.querySelector('script[data-planner-data]');
if (root && dataEl) void start(root, JSON.parse(dataEl.textContent ?? '{}') as PlannerPageData);

/** The calendar from the published document; a missing or broken one covers no year, and the page says so. */
async function loadCalendar(url: string): Promise<{ calendar: PlannerCalendar; note?: string }> {
  const none = () => calendarFromDocument({ kind: 'holiday-calendar', version: 1, timeZone: 'Asia/Shanghai', years: [] });
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const checked = checkHolidayDocument(await res.json());
    if (checked.ok) return { calendar: calendarFromDocument(checked.doc) };
    return { calendar: none(), note: checked.reason };
  } catch (e) {
    return { calendar: none(), note: `节假日安排未能载入（${(e as Error).message}）` };
  }
}

async function start(page: HTMLElement, data: PlannerPageData): Promise<void> {
  page.dataset['state'] = 'loading';
  const cat = catalogueOf(data);
  const { sites } = cat;
  const parseOptions = { knownSite: (id: string) => sites.has(id), extent: data.extent };
  const messages = q(page, '[data-planner-messages]');
  const announcer = q(page, '[data-planner-announce]');
  const form = q<HTMLFormElement>(page, 'form[data-planner-form]');
  const list = q<HTMLOListElement>(page, 'ol[data-plan-stops]');
  const mapWrap = q(page, '[data-plan-map]');
  const mapRoot = q(mapWrap, '[data-map]');
  const linkInput = q<HTMLInputElement>(page, '#plan-link');
  const printRoot = q(page, '[data-plan-print]');
  const qr = createQr([
    { box: q(page, '[data-plan-qr-box]'), alt: '本行程链接的二维码，可用微信扫描打开' },
    { box: q(printRoot, '[data-print-qr]'), alt: '本行程链接的二维码' },
  ]);

  const say = (text: string) => {
    // A changed text node is announced; the same sentence twice in a row is made new by replacing the node.
    announcer.replaceChildren(document.createTextNode(text));
  };
  const note = (text: string, kind: 'warning' | 'info' = 'warning', actions: HTMLElement[] = []) => {
    const p = el('p', { class: `planner-message planner-message-${kind}` }, text, ...actions.flatMap((a) => [' ', a]));
    messages.append(p);
    return p;
  };

  // The link first: what it could not load is said at once, before anything else.
  const parsed = parsePlanQuery(location.search, parseOptions);
  if (parsed.warnings.length) note(describeUrlWarnings(parsed.warnings)).dataset['urlWarnings'] = String(parsed.warnings.length);
  if (cat.problems.length) note(`${cat.problems.length} 个红色资源点的开放或预约信息无法读取，暂不能加入行程：${cat.problems.map((p) => p.id).join('、')}。`);

  // The tab's earlier plan (a site or route page's link opened this one): offered, never merged by itself.
  const lastQuery = readLast(window.sessionStorage);
  const offer = lastQuery ? mergeOffer(parsed.plan, parsePlanQuery(lastQuery, parseOptions).plan) : null;

  const { calendar, note: calendarNote } = await loadCalendar(data.holidaysUrl);
  if (calendarNote) note(`${calendarNote}：无法判断法定节假日和预约期限，行程按平日规则检查。`);
  const today = todayInShanghai();
  const roadCache = newRoadLegCache();
  let routingNote: string | undefined;
  let plan: Plan = parsed.plan;
  let computed: ComputedPlan;
  let it: Itinerary;
  let fit = 1;
  // The QR code (and the qrcode module) only once someone looks for it: the share section in view, or 打印行程单.
  let qrWanted = false;

  const nameOf = (id: string) => sites.get(id)?.name ?? id;
  const title = (p: Plan) => (p.start?.name ? `${p.start.name}研学行程 ${p.date ? formatDateWithWeekday(p.date) : '日期未定'}` : undefined);
  const absoluteLink = () => `${location.origin}${planHref(plan, location.pathname)}`;

  // ---- the form ----
  const field = <T extends Element = HTMLInputElement>(name: string) => q<T>(form, `[name="${name}"]`);
  const radio = (name: string) => (form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '');
  const readForm = (): FormValues => ({
    sn: field('sn').value,
    end: radio('end') as FormValues['end'],
    en: field('en').value,
    d: field('d').value,
    t: field('t').value,
    m: radio('m'),
    lunch: field('lunch').checked,
    lunchFrom: field('lunchFrom').value,
    lunchMinutes: field('lunchMinutes').value,
    g: field('g').value,
    r: field('r').value,
  });
  const writeForm = (p: Plan) => {
    const v = formValues(p);
    for (const k of ['sn', 'en', 'd', 't', 'lunchFrom', 'lunchMinutes', 'g', 'r'] as const) field(k).value = v[k];
    field('lunch').checked = v.lunch;
    for (const r of form.querySelectorAll<HTMLInputElement>('input[name="end"], input[name="m"]')) r.checked = r.value === (r.name === 'end' ? v.end : v.m);
    showErrors([]);
  };
  const errorsBox = q(form, '[data-form-errors]');
  const showErrors = (errors: FieldError[]) => {
    const names: Record<string, string> = { lunchFrom: 'lunchFrom', lunchMinutes: 'lunchMinutes' };
    for (const input of form.querySelectorAll<HTMLInputElement>('input')) input.removeAttribute('aria-invalid');
    for (const e of errors) form.querySelector(`[name="${names[e.field] ?? e.field}"]`)?.setAttribute('aria-invalid', 'true');
    errorsBox.replaceChildren(...errors.map((e) => el('p', {}, e.message)));
  };

  // ---- rendering ----
  const startWhere = q(form, '[data-start-where]');
  const endBox = q(form, '[data-end-point]');
  const endWhere = q(form, '[data-end-where]');
  const addButtons = [...page.querySelectorAll<HTMLButtonElement>('button[data-add-site]')];
  const selectedBox = q(page, '[data-map-selected]');
  let selectedSite: string | undefined;

  const renderSelected = () => {
    const s = selectedSite ? sites.get(selectedSite) : undefined;
    if (!s) {
      selectedBox.replaceChildren('在地图上点选红色资源点（聚焦地图后可按 ] 和 [ 逐个选择），可在这里把它加入行程。');
      return;
    }
    const at = plan.stops.findIndex((x) => x.siteId === s.id);
    const button = el('button', { type: 'button', class: 'btn btn-small', 'data-map-add': s.id }, at >= 0 ? `从行程中移除：${s.name}` : `加入行程：${s.name}`);
    button.addEventListener('click', () => toggleSite(s.id));
    selectedBox.replaceChildren(`地图上选中：${s.name}${at >= 0 ? `（行程第 ${at + 1} 站）` : ''}。`, ' ', button);
  };

  /** The stop control that has the focus, so a redraw of the list gives it back. */
  const focusInList = (): FocusTarget | undefined => {
    const active = document.activeElement as HTMLElement | null;
    const li = active?.closest<HTMLElement>('li[data-site]');
    const control = active?.dataset['control'] as StopControl | undefined;
    return li && control && list.contains(li) ? { siteId: li.dataset['site']!, control } : undefined;
  };

  const render = (focus: FocusTarget | undefined = focusInList()) => {
    computed = computePlan(plan, { sites, calendar, today, roadLegs: roadCache.legs, ...(routingNote ? { routingNote } : {}) });
    it = itinerary(plan, computed, title(plan));
    const input: ViewInput = { plan, computed, it, sites, info: cat.info };
    renderSummary(q(page, '[data-plan-summary]'), input);
    renderEnds(q(page, '[data-plan-start]'), q(page, '[data-plan-end]'), input);
    renderStops(list, q(page, '[data-plan-empty]'), input, focus);
    renderWarnings(q(page, '[data-plan-warnings]'), input);
    const link = absoluteLink();
    linkInput.value = link;
    renderPrint(printRoot, input, link, calendar, today);
    if (qrWanted) void qr.show(link);
    startWhere.textContent = plan.start ? `出发地：${plan.start.name ?? '（未命名）'}，东经 ${plan.start.lonLat[0].toFixed(5)}°，北纬 ${plan.start.lonLat[1].toFixed(5)}°。` : '尚未设置出发地：行程从第一个地点开始。';
    endBox.hidden = typeof plan.end !== 'object' && radio('end') !== 'point';
    endWhere.textContent = typeof plan.end === 'object' ? `终点：东经 ${plan.end.lonLat[0].toFixed(5)}°，北纬 ${plan.end.lonLat[1].toFixed(5)}°。` : '请在地图上选择终点。';
    for (const b of addButtons) {
      const id = b.dataset['addSite']!;
      const at = plan.stops.findIndex((s) => s.siteId === id);
      b.firstChild!.textContent = at >= 0 ? `移出行程（第 ${at + 1} 站）` : '加入行程';
      b.setAttribute('aria-pressed', String(at >= 0));
      b.disabled = !sites.has(id);
    }
    renderSelected();
    mapWrap.dataset['planOverlay'] = JSON.stringify(overlayOf(computed, fit));
    page.dataset['stops'] = String(plan.stops.length);
  };

  /** The one way the plan changes: URL (replace: an edit; push: a step back can undo it), the tab's memory, the view, then road legs. */
  const setPlan = (next: Plan, how: 'replace' | 'push' = 'replace', opts: { focus?: FocusTarget; syncForm?: boolean; refit?: boolean } = {}) => {
    plan = next;
    const href = `${planHref(plan, location.pathname)}${location.hash}`;
    if (how === 'push') history.pushState(null, '', href);
    else history.replaceState(null, '', href);
    writeLast(window.sessionStorage, formatPlanQuery(plan));
    if (opts.syncForm) writeForm(plan);
    if (opts.refit) fit += 1;
    render(opts.focus);
    void roadLegs();
  };

  let roadRequest = 0;
  const roadLegs = async () => {
    const mine = ++roadRequest;
    const points = planWaypoints(plan, sites);
    if (points.length < 2) {
      page.dataset['state'] = 'ready';
      return;
    }
    page.dataset['state'] = 'routing';
    const before = roadCache.legs.size;
    const why = await fetchRoadLegs(points, plan.mode, roadCache);
    if (mine !== roadRequest) return;
    const changed = roadCache.legs.size !== before || why !== routingNote;
    routingNote = why;
    // Redrawn only when something arrived; render() gives the focus back to the control that had it.
    if (changed) render();
    page.dataset['state'] = 'ready';
  };

  // ---- stops: add, remove, minutes, reorder ----
  const toggleSite = (id: string) => {
    const at = plan.stops.findIndex((s) => s.siteId === id);
    if (at >= 0) {
      setPlan(removeStop(plan, at));
      say(`已从行程中移除“${nameOf(id)}”，还有 ${plan.stops.length} 个地点。`);
      return;
    }
    const r = addStop(plan, { siteId: id });
    if (!r.ok) {
      say(`无法加入“${nameOf(id)}”：${r.reason}。`);
      return;
    }
    setPlan(r.plan, 'replace', { refit: plan.stops.length === 0 });
    say(`已把“${nameOf(id)}”加入行程，第 ${plan.stops.length} 站。`);
  };
  for (const b of addButtons) b.addEventListener('click', () => toggleSite(b.dataset['addSite']!));

  const move = (from: number, to: number | 'edge', control: StopControl) => {
    const stop = plan.stops[from];
    if (!stop) return;
    if (to === 'edge') {
      say(edgeMessage(nameOf(stop.siteId), from));
      return;
    }
    setPlan(moveStop(plan, from, to), 'replace', { focus: { siteId: stop.siteId, control } });
    say(moveMessage(nameOf(stop.siteId), to, plan.stops.length));
  };
  const indexOf = (node: EventTarget | null) => {
    const li = (node as HTMLElement | null)?.closest<HTMLElement>('li[data-site]');
    return li ? Number(li.dataset['index']) : -1;
  };
  list.addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-control]');
    const i = indexOf(button);
    if (!button || i < 0) return;
    const control = button.dataset['control'] as StopControl;
    if (control === 'remove') {
      const id = plan.stops[i]!.siteId;
      const next = plan.stops[i + 1] ?? plan.stops[i - 1];
      setPlan(removeStop(plan, i), 'replace', next ? { focus: { siteId: next.siteId, control: 'remove' } } : {});
      if (!next) q<HTMLButtonElement>(page, '[data-action="optimise"]').focus();
      say(`已从行程中移除“${nameOf(id)}”，还有 ${plan.stops.length} 个地点。`);
    } else if (control === 'up' || control === 'down') move(i, buttonMove(control, i, plan.stops.length), control);
  });
  list.addEventListener('keydown', (e) => {
    const i = indexOf(e.target);
    const to = i < 0 ? undefined : keyboardMove(e, i, plan.stops.length);
    if (to === undefined) return;
    e.preventDefault();
    const control = ((e.target as HTMLElement).dataset['control'] as StopControl | undefined) ?? 'link';
    move(i, to, control);
  });
  list.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    if (input.dataset['control'] !== 'minutes') return;
    const i = indexOf(input);
    const stop = plan.stops[i];
    if (!stop) return;
    const r = stopMinutes(input.value);
    if (!r.ok) {
      input.setAttribute('aria-invalid', 'true');
      say(`${nameOf(stop.siteId)}：${r.message}。`);
      return;
    }
    // The site's own suggestion is no override: the link stays short.
    const minutes = r.minutes === sites.get(stop.siteId)?.visitMinutes ? undefined : r.minutes;
    const stops: PlanStop[] = plan.stops.map((s, k) => (k === i ? (minutes === undefined ? { siteId: s.siteId } : { siteId: s.siteId, minutes }) : s));
    setPlan({ ...plan, stops });
  });

  // Drag and drop (pointer users); the buttons and Alt+↑/↓ do the same by keyboard.
  let dragFrom = -1;
  const clearDrop = () => list.querySelectorAll('.drop-before, .drop-after').forEach((n) => n.classList.remove('drop-before', 'drop-after'));
  list.addEventListener('dragstart', (e) => {
    dragFrom = indexOf(e.target);
    if (dragFrom < 0 || !e.dataTransfer) return;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', plan.stops[dragFrom]!.siteId);
    (e.target as HTMLElement).classList.add('is-dragging');
  });
  const dropSide = (e: DragEvent) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-site]');
    if (!li) return undefined;
    const r = li.getBoundingClientRect();
    return { li, over: Number(li.dataset['index']), after: e.clientY > r.top + r.height / 2 };
  };
  list.addEventListener('dragover', (e) => {
    if (dragFrom < 0) return;
    const side = dropSide(e);
    if (!side) return;
    e.preventDefault();
    clearDrop();
    side.li.classList.add(side.after ? 'drop-after' : 'drop-before');
  });
  list.addEventListener('drop', (e) => {
    const side = dropSide(e);
    if (dragFrom < 0 || !side) return;
    e.preventDefault();
    clearDrop();
    const to = dropIndex(dragFrom, side.over, side.after);
    if (to !== dragFrom) move(dragFrom, to, 'link');
    dragFrom = -1;
  });
  list.addEventListener('dragend', () => {
    clearDrop();
    list.querySelector('.is-dragging')?.classList.remove('is-dragging');
    dragFrom = -1;
  });

  // ---- the form ----
  const applySettings = (target: HTMLInputElement | null) => {
    const v = readForm();
    if (target?.name === 'end' && v.end === 'point' && typeof plan.end !== 'object') {
      endBox.hidden = false;
      pickMode('end');
      return;
    }
    const { plan: next, errors } = applyForm(plan, v);
    showErrors(errors);
    setPlan(next);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    applySettings(null);
    say('行程已按出行安排更新。');
  });
  form.addEventListener('change', (e) => {
    const target = e.target as HTMLInputElement;
    if (target.id !== 'start-q') applySettings(target);
  });

  // ---- start and end points: the map, the search ----
  const pickButtons = { start: q<HTMLButtonElement>(form, '[data-action="pick-start"]'), end: q<HTMLButtonElement>(form, '[data-action="pick-end"]') };
  const pickHint = q(page, '[data-pick-hint]');
  const pickMode = (target: 'start' | 'end' | null) => {
    if (target) mapWrap.dataset['pickPoint'] = target;
    else delete mapWrap.dataset['pickPoint'];
    for (const [k, b] of Object.entries(pickButtons)) b.setAttribute('aria-pressed', String(k === target));
    pickHint.hidden = !target;
    if (target) {
      mapRoot.scrollIntoView({ block: 'nearest' });
      say(`请在地图上选择${target === 'start' ? '出发地' : '终点'}：点击地图，或聚焦地图用方向键移动十字后按回车；按 Esc 取消。`);
    }
  };
  const setPoint = (target: 'start' | 'end', lonLat: LonLat, name?: string) => {
    if (!insideExtent(lonLat, data.extent)) {
      say('这个位置不在本市范围内，请重新选择。');
      return;
    }
    const p = { lonLat: [Math.round(lonLat[0] * 1e5) / 1e5, Math.round(lonLat[1] * 1e5) / 1e5] as LonLat };
    if (target === 'start') {
      // A name typed before there was a point is kept (the form's cleaning applies to it).
      const next = name ? { ...plan, start: { ...p, name } } : applyForm({ ...plan, start: p }, readForm()).plan;
      setPlan(next, 'replace', { syncForm: true, refit: true });
    } else {
      const keep = name ?? (typeof plan.end === 'object' ? plan.end.name : undefined);
      setPlan({ ...plan, end: { ...p, ...(keep ? { name: keep } : {}) } }, 'replace', { syncForm: true, refit: true });
    }
    say(`${target === 'start' ? '出发地' : '终点'}已设为${name ? `“${name}”` : ''}东经 ${p.lonLat[0]}°，北纬 ${p.lonLat[1]}°。`);
  };
  pickButtons.start.addEventListener('click', () => pickMode(mapWrap.dataset['pickPoint'] === 'start' ? null : 'start'));
  pickButtons.end.addEventListener('click', () => pickMode(mapWrap.dataset['pickPoint'] === 'end' ? null : 'end'));
  mapWrap.addEventListener('geoportal:pick', (e) => {
    const d = (e as CustomEvent<PickDetail>).detail;
    pickMode(null);
    if ('cancelled' in d) {
      say('已取消选点。');
      if (typeof plan.end !== 'object' && d.target === 'end') writeForm(plan);
    } else setPoint(d.target, [d.lon, d.lat]);
    pickButtons[d.target].focus();
  });
  q(form, '[data-action="clear-start"]').addEventListener('click', () => {
    setPlan({ ...plan, start: null }, 'replace', { syncForm: true });
    say('已取消出发地：行程从第一个地点开始。');
  });
  bindStartSearch({
    input: q<HTMLInputElement>(form, '#start-q'),
    button: q<HTMLButtonElement>(form, '[data-action="start-search"]'),
    results: q<HTMLUListElement>(form, '[data-start-results]'),
    status: q(form, '[data-start-status]'),
    extent: data.extent,
    sites: [...sites.values()].map((s): Place => {
      const district = cat.info.get(s.id)?.district;
      return { name: s.name, kind: '红色资源点', ...(district ? { district } : {}), lonLat: s.lonLat };
    }),
    choose: (p) => {
      setPoint('start', p.lonLat, p.kind === '坐标' ? undefined : p.name);
      field('sn').focus();
    },
  });

  // ---- the map's selection: add the selected site ----
  const readSelected = () => {
    const [layer, id] = (mapRoot.dataset['selected'] ?? '').split(':');
    selectedSite = layer === 'red-sites' && id && sites.has(id) ? id : undefined;
    renderSelected();
  };
  new MutationObserver(readSelected).observe(mapRoot, { attributes: true, attributeFilter: ['data-selected'] });

  // ---- whole-plan actions ----
  q(page, '[data-action="optimise"]').addEventListener('click', () => {
    const r = optimiseOrder(plan, sites);
    if (r.plan === plan) {
      say(plan.stops.length < 2 || (!plan.start && plan.stops.length < 3) ? '地点太少，无需优化顺序。' : '当前顺序已是最短路线。');
      return;
    }
    setPlan(r.plan, 'push');
    say(`已优化顺序：直线距离由 ${formatDistance(r.before)}缩短为 ${formatDistance(r.after)}。按浏览器的“后退”可以恢复原来的顺序。`);
  });
  q(page, '[data-action="clear"]').addEventListener('click', () => {
    if (plan.stops.length === 0) return;
    setPlan({ ...plan, stops: [] }, 'push');
    say('已清空行程中的地点，出行安排保留。按浏览器的“后退”可以恢复。');
  });
  q(page, '[data-action="copy-link"]').addEventListener('click', async () => {
    say((await copyText(linkInput)) ? '已复制行程链接。' : '浏览器不允许自动复制：链接已选中，请按 Ctrl+C 复制。');
  });
  const shareSection = q(page, '[data-action="copy-link"]').closest('section')!;
  new IntersectionObserver((entries, observer) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    qrWanted = true;
    void qr.show(absoluteLink());
  }).observe(shareSection);
  q(page, '[data-action="print"]').addEventListener('click', async () => {
    // The QR code comes with the print when the browser can make it; the link text is printed either way.
    qrWanted = true;
    await qr.show(absoluteLink());
    window.print();
  });
  const exporters = { gpx: [toGpx, GPX_MIME], kml: [toKml, KML_MIME], geojson: [(i: Itinerary) => toGeoJson(i), GEOJSON_MIME] } as const;
  for (const [ext, [make, mime]] of Object.entries(exporters) as [keyof typeof exporters, (typeof exporters)[keyof typeof exporters]][]) {
    q(page, `[data-action="export-${ext}"]`).addEventListener('click', () => {
      if (it.points.length === 0) {
        say('行程中还没有地点，没有可导出的内容。');
        return;
      }
      download(exportFileName(it, ext), mime, make(it, { creator: data.creator }));
      say(`已生成 ${exportFileName(it, ext)}。`);
    });
  }

  // ---- the site list's filter ----
  const filter = q<HTMLInputElement>(page, '#site-filter');
  const filterCount = q(page, '[data-site-filter-count]');
  const siteItems = [...page.querySelectorAll<HTMLElement>('li[data-site-search]')];
  filter.addEventListener('input', () => {
    const words = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const li of siteItems) {
      li.hidden = words !== '' && !li.dataset['siteSearch']!.toLowerCase().includes(words);
      if (!li.hidden) shown += 1;
    }
    for (const s of page.querySelectorAll<HTMLElement>('[data-site-district]')) s.hidden = !s.querySelector('li[data-site-search]:not([hidden])');
    filterCount.textContent = words ? `找到 ${shown} 个地点` : '';
  });

  // Back and forward between pushed steps (optimise, clear, a merge) restore that plan.
  window.addEventListener('popstate', () => {
    const r = parsePlanQuery(location.search, parseOptions);
    plan = r.plan;
    writeLast(window.sessionStorage, formatPlanQuery(plan));
    writeForm(plan);
    fit += 1;
    render();
    void roadLegs();
    say(`已恢复：${plan.stops.length} 个地点。`);
  });

  if (offer) {
    const lastStops = offer.plan.stops.length - offer.added.length;
    const merge = el('button', { type: 'button', class: 'btn btn-small' }, offer.added.length ? `加入之前的行程（共 ${lastStops} 个地点）` : `回到之前的行程（${lastStops} 个地点）`);
    const dismiss = el('button', { type: 'button', class: 'btn btn-secondary btn-small' }, '不用了');
    const added = offer.added.map((id) => `“${nameOf(id)}”`).join('、');
    const box = note(
      offer.added.length ? `本标签页中还有一份之前的行程（${offer.plan.stops.slice(0, lastStops).map((s) => nameOf(s.siteId)).join('、')}）。要把${added}加到那份行程的后面吗？` : `本标签页中还有一份之前的行程（${lastStops} 个地点）。`,
      'info',
      [merge, dismiss],
    );
    box.dataset['mergeOffer'] = '';
    merge.addEventListener('click', () => {
      box.remove();
      setPlan(offer.plan, 'push', { syncForm: true, refit: true });
      say(`已合并：行程共 ${plan.stops.length} 个地点。${offer.plan.stops.length >= MAX_STOPS ? `行程最多 ${MAX_STOPS} 个地点。` : ''}`);
      q<HTMLElement>(page, '#plan-heading').scrollIntoView({ block: 'start' });
    });
    dismiss.addEventListener('click', () => {
      box.remove();
      say('保留当前行程。');
    });
  }

  for (const n of page.querySelectorAll<HTMLElement>('[data-needs-js]')) n.hidden = false;
  writeForm(plan);
  // The link as read, in its canonical form (dropped parts gone): reloading it gives the same plan.
  setPlan(plan, 'replace', { refit: true });
  readSelected();
}
