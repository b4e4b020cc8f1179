/**
 * Fetching from a server the bureau configured (never a URL a request chose):
 * https only, no redirects, a time-out for the whole answer and a size cap
 * counted as bytes arrive. Part of the request limits (src/server/limits.ts).
 */
export interface UpstreamLimits {
  timeoutMs: number;
  maxBytes: number;
}

export type UpstreamResult = { ok: true; text: string; contentType: string } | { ok: false; reason: string };

export async function fetchConfigured(url: string, limits: UpstreamLimits, fetcher: typeof fetch = fetch): Promise<UpstreamResult> {
  if (!/^https:\/\//.test(url)) return { ok: false, reason: '只允许 https 地址' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const res = await fetcher(url, { redirect: 'error', signal: controller.signal, headers: { accept: 'application/xml, text/xml' } });
    if (!res.ok) return { ok: false, reason: `上游服务返回 ${res.status}` };
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > limits.maxBytes) return { ok: false, reason: `上游文档超过 ${limits.maxBytes} 字节` };
    const reader = res.body?.getReader();
    if (!reader) return { ok: false, reason: '上游服务没有返回内容' };
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limits.maxBytes) {
        await reader.cancel();
        return { ok: false, reason: `上游文档超过 ${limits.maxBytes} 字节` };
      }
      chunks.push(value);
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)), contentType: res.headers.get('content-type') ?? '' };
  } catch (e) {
    if (controller.signal.aborted) return { ok: false, reason: `上游服务 ${limits.timeoutMs} 毫秒内没有应答` };
    return { ok: false, reason: e instanceof TypeError && /utf-8|decode/i.test(e.message) ? '上游文档不是 UTF-8' : '无法连接上游服务' };
  } finally {
    clearTimeout(timer);
  }
}
