/**
 * Map tools: back to the city, locate me, geodesic measurement, share
 * (permalink + QR code), print and PNG export. Loaded after the map is up;
 * the measuring code (./measure.ts) on first use.
 */
import type { MapHandle } from './map.ts';
import type { Measure } from './measure.ts';
import type { Say } from './types.ts';

export function bindTools(root: HTMLElement, map: MapHandle, say: Say): void {
  const on = (action: string, fn: (button: HTMLButtonElement) => void) => {
    for (const b of root.querySelectorAll<HTMLButtonElement>(`[data-action="${action}"]`)) b.addEventListener('click', () => fn(b));
  };

  on('home', () => map.goHome());

  on('locate', () => {
    if (!('geolocation' in navigator)) {
      say('此浏览器不支持定位。', 'warning');
      return;
    }
    say('正在定位……', 'info');
    navigator.geolocation.getCurrentPosition(
      // Browser positions are WGS84, the same as CGCS2000 at map scale: no conversion.
      (pos) => {
        map.zoomToLonLat(pos.coords.longitude, pos.coords.latitude, 15);
        say(`已定位到您的位置（精度约 ${Math.round(pos.coords.accuracy)} 米）。`, 'info');
      },
      (err) => say(err.code === err.PERMISSION_DENIED ? '您未允许定位。' : '暂时无法获取您的位置。', 'warning'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  });

  bindMeasure(root, map, say);
  bindShare(root, map, say);
  on('print', () => window.print());
  on('export', () => void exportPng(root, map).catch((e: Error) => say(`导出失败：${e.message}`, 'error')));
}

/** The measure buttons; the measuring code (./measure.ts) is fetched on the first press. */
function bindMeasure(root: HTMLElement, map: MapHandle, say: Say): void {
  let measure: Promise<Measure> | undefined;
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-action^="measure-"]')) {
    button.addEventListener('click', () => {
      measure ??= import('./measure.ts').then(({ createMeasure }) => createMeasure(root, map, say));
      measure.then(
        (m) => m.toggle(button),
        (e: Error) => {
          measure = undefined;
          say(`测量工具无法加载：${e.message}`, 'error');
        },
      );
    });
  }
}

function bindShare(root: HTMLElement, map: MapHandle, say: Say): void {
  const dialog = root.querySelector<HTMLDialogElement>('dialog.map-share');
  if (!dialog) return;
  const input = dialog.querySelector<HTMLInputElement>('input[name="permalink"]')!;
  const qrBox = dialog.querySelector<HTMLElement>('[data-map-qr]')!;
  for (const b of root.querySelectorAll<HTMLButtonElement>('[data-action="share"]')) {
    b.addEventListener('click', async () => {
      const url = map.permalink();
      input.value = url;
      try {
        const QRCode = (await import('qrcode')).default;
        const src = await QRCode.toDataURL(url, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
        const qr = qrBox.querySelector('img') ?? qrBox.appendChild(Object.assign(new Image(220, 220), { className: 'map-qr', alt: '当前地图链接的二维码，可用微信扫描' }));
        qr.src = src;
        qrBox.hidden = false;
      } catch {
        qrBox.hidden = true;
      }
      dialog.showModal();
      input.select();
    });
  }
  dialog.querySelector<HTMLButtonElement>('[data-action="copy-link"]')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      say('链接已复制。', 'info');
    } catch {
      input.select();
      say('请按 Ctrl+C 复制链接。', 'info');
    }
  });
  dialog.querySelector<HTMLButtonElement>('[data-action="close-share"]')?.addEventListener('click', () => dialog.close());
}

/** Draws the map with title, legend, scale bar, north arrow and attribution into a PNG. */
async function exportPng(root: HTMLElement, map: MapHandle): Promise<void> {
  const olMap = map.olMap;
  await new Promise<void>((resolve) => {
    olMap.once('rendercomplete', () => resolve());
    olMap.renderSync();
  });
  const size = olMap.getSize();
  if (!size) throw new Error('地图尚未显示');
  const [w, h] = size as [number, number];
  const ratio = window.devicePixelRatio || 1;
  const header = 56;
  const footer = 96;
  const out = document.createElement('canvas');
  out.width = Math.round(w * ratio);
  out.height = Math.round((h + header + footer) * ratio);
  const ctx = out.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h + header + footer);
  const font = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

  // Title.
  ctx.fillStyle = '#1f2328';
  ctx.font = `bold 20px ${font}`;
  ctx.fillText(root.dataset['title'] ?? document.title, 16, 34);

  // Map layers, as OpenLayers' own export example composes them.
  ctx.save();
  ctx.translate(0, header);
  const viewport = olMap.getViewport();
  if (!viewport) throw new Error('地图尚未显示');
  for (const canvas of viewport.querySelectorAll<HTMLCanvasElement>('.ol-layer canvas, canvas.ol-layer')) {
    if (canvas.width === 0) continue;
    const opacity = (canvas.parentNode as HTMLElement | null)?.style.opacity || canvas.style.opacity;
    ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
    const m = canvas.style.transform.match(/^matrix\(([^(]*)\)$/);
    const matrix = m ? m[1]!.split(',').map(Number) : [1, 0, 0, 1, 0, 0];
    ctx.save();
    ctx.scale(1 / ratio, 1 / ratio);
    ctx.setTransform(matrix[0]! * ratio, matrix[1]!, matrix[2]!, matrix[3]! * ratio, matrix[4]! * ratio, (matrix[5]! + header) * ratio);
    ctx.drawImage(canvas, 0, 0);
    ctx.restore();
  }
  ctx.restore();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = '#5a5a5a';
  ctx.strokeRect(0.5, header + 0.5, w - 1, h - 1);

  // North arrow, top right of the map.
  const nx = w - 32;
  const ny = header + 20;
  ctx.fillStyle = '#1f2328';
  ctx.beginPath();
  ctx.moveTo(nx, ny);
  ctx.lineTo(nx - 9, ny + 26);
  ctx.lineTo(nx, ny + 20);
  ctx.lineTo(nx + 9, ny + 26);
  ctx.closePath();
  ctx.fill();
  ctx.font = `bold 13px ${font}`;
  ctx.fillText('北', nx - 6, ny + 42);

  // Scale bar, as the ScaleLine control shows it.
  const scale = viewport.querySelector<HTMLElement>('.ol-scale-line-inner');
  let y = header + h + 24;
  if (scale) {
    const sw = scale.offsetWidth;
    ctx.strokeStyle = '#1f2328';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(16, y - 6);
    ctx.lineTo(16, y);
    ctx.lineTo(16 + sw, y);
    ctx.lineTo(16 + sw, y - 6);
    ctx.stroke();
    ctx.font = `12px ${font}`;
    ctx.fillText(scale.textContent ?? '', 20 + sw, y);
  }

  // Legend: visible layers and their categories.
  let x = 160;
  ctx.font = `12px ${font}`;
  for (const item of root.querySelectorAll<HTMLElement>('.map-legend-item')) {
    const layer = item.closest<HTMLElement>('[data-layer-id]');
    const box = layer?.querySelector<HTMLInputElement>('input[name="layer"]');
    if (box && !box.checked) continue;
    const label = item.textContent?.trim() ?? '';
    const width = ctx.measureText(label).width + 26;
    if (x + width > w - 8) {
      x = 160;
      y += 18;
    }
    ctx.fillStyle = item.dataset['color'] ?? '#666';
    ctx.beginPath();
    ctx.arc(x + 6, y - 4, 5, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#1f2328';
    ctx.fillText(label, x + 15, y);
    x += width;
  }

  // The attribution shown on the map (src/map/ui.ts keeps the one of the source drawn), lower left.
  const credit = [...root.querySelectorAll<HTMLElement>('[data-attribution]')].find((el) => !el.hidden);
  ctx.font = `12px ${font}`;
  ctx.fillStyle = '#1f2328';
  ctx.fillText((credit?.textContent ?? '').replace(/\s+/g, ' ').trim(), 16, header + h + footer - 14);

  const link = document.createElement('a');
  link.download = `${(root.dataset['title'] ?? '地图').replace(/[\\/:*?"<>|]/g, '')}.png`;
  link.href = out.toDataURL('image/png');
  link.click();
}
