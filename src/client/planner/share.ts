/**
 * Sharing the plan: its link (copy), a QR code of it for phones (qrcode,
 * imported on first use, as the map's share dialog does), and the
 * downloads (GPX, KML, GeoJSON from the one itinerary). The QR image is a
 * data: URL, which the CSP's img-src allows; files are Blob URLs handed to
 * a download link, so nothing is sent anywhere.
 */
import { el } from './dom.ts';

type QRModule = { toDataURL(text: string, options: object): Promise<string> };
let qrModule: Promise<QRModule> | undefined;
const loadQr = (): Promise<QRModule> => {
  qrModule ??= import('qrcode').then((m) => (m.default ?? m) as unknown as QRModule);
  qrModule.catch(() => (qrModule = undefined));
  return qrModule;
};

export interface QrTarget {
  /** Where the image goes; shown once it is there. */
  box: HTMLElement;
  alt: string;
}

/**
 * Keeps a QR image of `url` in each target: each call draws the latest
 * link; an older drawing that finishes late is dropped. The <img> is made
 * with its first picture (an <img> without a src is not valid HTML).
 * Resolves when the images show this url, or when the QR code could not be
 * made (the link's text still stands).
 */
export function createQr(targets: readonly QrTarget[]): { show(url: string): Promise<void> } {
  let latest = '';
  return {
    async show(url) {
      latest = url;
      try {
        const qr = await loadQr();
        const src = await qr.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
        if (latest !== url) return;
        for (const t of targets) {
          const img = t.box.querySelector('img') ?? t.box.insertBefore(el('img', { alt: t.alt, width: '180', height: '180', 'data-qr': '' }), t.box.firstChild);
          img.src = src;
          img.dataset['for'] = url;
          t.box.hidden = false;
        }
      } catch (e) {
        console.warn('[研学行程] 二维码无法生成：', e);
      }
    },
  };
}

/** Copies text; resolves to false when the browser refuses (the field stays selected for Ctrl+C). */
export async function copyText(input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    input.select();
    return false;
  }
}

let lastObjectUrl: string | undefined;
/** Offers `text` as a file download. The previous file's Blob URL is released now, not on a timer. */
export function download(fileName: string, mime: string, text: string): void {
  if (lastObjectUrl) URL.revokeObjectURL(lastObjectUrl);
  lastObjectUrl = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = el('a', { href: lastObjectUrl, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
}
