/**
 * /config/basemap/capabilities.xml: the configured WMTS GetCapabilities
 * document (site.yaml map.wmts), fetched by the server from that one URL,
 * checked (src/server/wmts-capabilities.ts) and cached. A checked document
 * is kept for ten minutes, and served up to a day past that while the
 * upstream fails. With none to serve, the answer is 502 with the reason,
 * and the map falls back to the 示意底图 and says why.
 */
import { fetchConfigured } from './upstream.ts';
import { checkCapabilities } from './wmts-capabilities.ts';

export interface WmtsSource {
  capabilities: string;
  layer: string;
  tileOrigins: readonly string[];
}

/** The origins a WMTS base map may load tiles from: its capabilities' own and those listed. */
export const wmtsOrigins = (cfg: WmtsSource): string[] => [...new Set([new URL(cfg.capabilities).origin, ...cfg.tileOrigins])];

export interface CapabilitiesAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface CapabilitiesOptions {
  fetcher?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  freshMs?: number;
  staleMs?: number;
  failMs?: number;
}

export function capabilitiesSource(cfg: WmtsSource, o: CapabilitiesOptions = {}): () => Promise<CapabilitiesAnswer> {
  const now = o.now ?? Date.now;
  const { freshMs = 10 * 60_000, staleMs = 24 * 3600_000, failMs = 60_000 } = o;
  let good: { xml: string; at: number } | undefined;
  let failed: { reason: string; at: number } | undefined;
  let pending: Promise<void> | undefined;

  const refresh = async (): Promise<void> => {
    const got = await fetchConfigured(cfg.capabilities, { timeoutMs: o.timeoutMs ?? 5_000, maxBytes: o.maxBytes ?? 2 * 1024 * 1024 }, o.fetcher);
    const checked = got.ok ? checkCapabilities(got.text, cfg.layer, wmtsOrigins(cfg)) : got;
    if (got.ok && checked.ok) {
      good = { xml: got.text, at: now() };
      failed = undefined;
    } else {
      failed = { reason: checked.ok ? '' : checked.reason, at: now() };
      console.error(`[geoportal] 底图 GetCapabilities 不可用：${failed.reason}`);
    }
  };

  return async () => {
    const t = now();
    const fresh = good && t - good.at < freshMs;
    const recentlyFailed = failed && t - failed.at < failMs;
    if (!fresh && !recentlyFailed) {
      pending ??= refresh().finally(() => (pending = undefined));
      await pending;
    }
    if (good && now() - good.at < freshMs + staleMs) return { status: 200, contentType: 'application/xml; charset=utf-8', body: good.xml };
    return { status: 502, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ status: 502, fallback: 'offline', reason: failed?.reason ?? '底图服务不可用' }) };
  };
}
