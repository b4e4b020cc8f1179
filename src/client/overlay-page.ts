/**
 * The 压覆查询 pre-check page (/overlay/): the project area from a drawing on
 * the map or a chosen file, tested in the browser against the published
 * blocks; nothing leaves the browser. This script is small and eager; the
 * parsers (../overlay/upload.ts), the clipping and ellipsoidal areas
 * (../overlay/intersect.ts), the blocks file and the drawing code load only
 * when they are needed.
 */
import { whenMapReady } from './map-handles.ts';
import type { AreaGeometry, BlockCollection, OverlapRow } from '../overlay/types.ts';
import type { AreaDrawer } from '../map/draw-area.ts';

const page = document.querySelector<HTMLElement>('[data-overlay]');
if (page) bind(page);

function bind(page: HTMLElement): void {
  const mapRoot = page.querySelector<HTMLElement>('[data-map]');
  const drawButton = page.querySelector<HTMLButtonElement>('[data-overlay-draw]')!;
  const fileInput = page.querySelector<HTMLInputElement>('[data-overlay-file]')!;
  const status = page.querySelector<HTMLElement>('[data-overlay-status]')!;
  const problem = page.querySelector<HTMLElement>('[data-overlay-error]')!;
  const results = page.querySelector<HTMLElement>('[data-overlay-results]')!;
  const summary = results.querySelector<HTMLElement>('[data-overlay-summary]')!;
  const list = results.querySelector<HTMLOListElement>('[data-overlay-list]')!;
  const csvButton = results.querySelector<HTMLButtonElement>('[data-overlay-csv]')!;
  const printButton = results.querySelector<HTMLButtonElement>('[data-overlay-print]')!;
  const homeExtent = JSON.parse(mapRoot?.dataset['homeExtent'] ?? '[]') as number[];
  const blocksUrl = page.dataset['blocks'] ?? '/overlay/blocks.geojson';

  let rows: OverlapRow[] = [];
  let blocks: Promise<BlockCollection> | undefined;
  let drawer: Promise<AreaDrawer> | undefined;
  const loadBlocks = () =>
    (blocks ??= fetch(blocksUrl).then((r) => {
      if (!r.ok) throw new Error(`查询数据加载失败（${r.status}）`);
      return r.json() as Promise<BlockCollection>;
    }));
  const say = (message: string) => {
    problem.hidden = true;
    status.textContent = message;
  };
  const fail = (message: string) => {
    status.textContent = '';
    problem.textContent = message;
    problem.hidden = false;
    results.hidden = true;
  };
  const getDrawer = () => {
    if (!mapRoot) return undefined;
    drawer ??= whenMapReady(mapRoot).then(async (map) => {
      const { createAreaDrawer } = await import('../map/draw-area.ts');
      return createAreaDrawer(mapRoot, map, (m, kind) => (kind === 'error' ? fail(m) : say(m)));
    });
    return drawer;
  };

  drawButton.addEventListener('click', async () => {
    const d = getDrawer();
    if (!d) return;
    say('地图加载中……');
    const area = await d;
    area.start((drawn) => {
      drawButton.setAttribute('aria-pressed', 'false');
      void run(drawn, '已绘制项目范围');
    });
    drawButton.setAttribute('aria-pressed', 'true');
    say('在地图上依次点击项目范围的顶点，双击闭合；按 Esc 取消。用键盘：聚焦地图后用方向键移动，Enter 在十字中心加顶点，Backspace 撤销，Shift+Enter 闭合。');
    mapRoot?.querySelector<HTMLElement>('.map-canvas')?.focus();
  });

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    say(`正在读取“${file.name}”……`);
    try {
      const { readAreaFile, UploadError } = await import('../overlay/upload.ts');
      try {
        const read = await readAreaFile(file);
        await run(read.area, `已读取 ${read.format} 文件“${file.name}”（${read.polygons} 个面）`);
      } catch (e) {
        fail(e instanceof UploadError ? e.message : `无法读取“${file.name}”：${(e as Error).message}`);
      }
    } catch (e) {
      fail(`读取程序加载失败：${(e as Error).message}`);
    }
  });

  csvButton.addEventListener('click', async () => {
    const { overlapCsv } = await import('../overlay/csv.ts');
    const blob = new Blob([overlapCsv(rows, location.origin)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `压覆查询结果-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  printButton.addEventListener('click', () => window.print());

  async function run(area: AreaGeometry, source: string): Promise<void> {
    if (!meetsCity(area)) {
      fail('项目范围不在本市范围内。请确认坐标为 CGCS2000 或 WGS84 经纬度（经度在前）；GCJ-02（高德、腾讯）或 BD-09（百度）坐标须先换算。');
      return;
    }
    say(`${source}，正在查询……`);
    try {
      const [{ overlaps, ellipsoidalArea }, { formatArea }, collection] = await Promise.all([import('../overlay/intersect.ts'), import('../map/geodesy.ts'), loadBlocks()]);
      rows = overlaps(area, collection.features);
      render(rows, ellipsoidalArea(area), formatArea);
      say(`${source}。${summary.textContent ?? ''}`);
      void getDrawer()?.then((d) => {
        d.showBlocks(collection, new Set(rows.map((r) => r.id)));
        d.showArea(area);
      });
    } catch (e) {
      fail(`查询失败：${(e as Error).message}。项目范围的边不能相互交叉，请检查后重试。`);
    }
  }

  function meetsCity(area: AreaGeometry): boolean {
    if (homeExtent.length !== 4) return true;
    const [w, s, e, n] = homeExtent as [number, number, number, number];
    const points = (area.type === 'Polygon' ? area.coordinates : area.coordinates.flat()).flat();
    // The city's home extent with a margin: a project at the city's edge still counts.
    return points.some(([lon, lat]) => lon! >= w - 0.5 && lon! <= e + 0.5 && lat! >= s - 0.5 && lat! <= n + 0.5);
  }

  function render(found: OverlapRow[], areaM2: number, formatArea: (m2: number) => string): void {
    const mining = found.filter((r) => r.properties.kind === 'mining').length;
    summary.textContent =
      found.length === 0
        ? `项目范围面积 ${formatArea(areaM2)}，未发现与已公开的矿业权范围或地块重叠。`
        : `项目范围面积 ${formatArea(areaM2)}，与 ${mining} 个矿业权范围、${found.length - mining} 个已公开地块重叠。`;
    list.replaceChildren(
      ...found.map((r) => {
        const li = document.createElement('li');
        const h = document.createElement('h3');
        const a = document.createElement('a');
        a.href = r.properties.url;
        a.textContent = r.properties.name;
        h.append(r.properties.kind === 'mining' ? '矿业权：' : '地块：', a);
        const dl = document.createElement('dl');
        dl.className = 'facts';
        const fact = (term: string, value: string) => {
          const dt = document.createElement('dt');
          dt.textContent = term;
          const dd = document.createElement('dd');
          dd.textContent = value;
          dl.append(dt, dd);
        };
        fact('重叠面积', formatArea(r.overlapM2));
        fact('占该范围', `${r.blockM2 > 0 ? ((100 * r.overlapM2) / r.blockM2).toFixed(1) : '—'}%（该范围 ${formatArea(r.blockM2)}）`);
        fact(r.properties.kind === 'mining' ? '类型' : '用途', r.properties.detail);
        if (r.properties.code) fact(r.properties.kind === 'mining' ? '许可证号' : '宗地代码', r.properties.code);
        fact('公告', `${r.properties.title}${r.properties.docNo ? `（${r.properties.docNo}）` : ''}`);
        li.append(h, dl);
        return li;
      }),
    );
    csvButton.disabled = false;
    results.hidden = false;
  }
}
