/**
 * The browser's request for the runtime map configuration (/config/map.json,
 * src/map/runtime-config.ts). It imports nothing, so the map loader
 * (src/client/map-loader.ts) starts it next to the map chunk instead of
 * after it, and createMap() takes the promise: the map starts without
 * waiting for the answer and adds the base map when it comes.
 */
import type { RuntimeMapConfig } from './types.ts';

/** How long the configuration may take before the map goes on with the 示意底图. */
export const CONFIG_TIMEOUT_MS = 8000;

const pending = new Map<string, Promise<RuntimeMapConfig | undefined>>();

/**
 * The configuration at `url`, fetched once per page (every map of the page
 * shares the answer); undefined when it cannot be had (network, HTTP error,
 * not JSON, timeout): the caller says so and uses the 示意底图.
 */
export function fetchRuntimeConfig(url: string): Promise<RuntimeMapConfig | undefined> {
  let p = pending.get(url);
  if (!p) {
    p = fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS) })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        return (await res.json()) as RuntimeMapConfig;
      })
      .catch(() => undefined);
    pending.set(url, p);
  }
  return p;
}
