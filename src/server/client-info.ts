/**
 * Who sent a request and how: the client address (for rate limits) and
 * whether it came over HTTPS (for HSTS). X-Forwarded-For and
 * X-Forwarded-Proto are believed only from the proxies named in
 * GEOPORTAL_TRUSTED_PROXIES (comma-separated addresses, e.g. the nginx
 * in front on 127.0.0.1); from anyone else they are ignored, because any
 * client can send them.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export interface ClientInfo {
  address: string;
  https: boolean;
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, so one proxy address matches both forms. */
export const plainAddress = (a: string | undefined): string => (a ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

export function parseTrustedProxies(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((s) => plainAddress(s.trim())).filter(Boolean));
}

const first = (h: string | string[] | undefined): string | undefined => (Array.isArray(h) ? h[0] : h);

export function clientInfo(req: IncomingMessage, trusted: ReadonlySet<string>): ClientInfo {
  const peer = plainAddress(req.socket.remoteAddress);
  const tls = Boolean((req.socket as TLSSocket).encrypted);
  if (!trusted.has(peer)) return { address: peer, https: tls };
  // Walk X-Forwarded-For from the right: the first address that is not a trusted proxy is the client.
  const hops = (first(req.headers['x-forwarded-for']) ?? '').split(',').map((s) => plainAddress(s.trim())).filter(Boolean);
  let address = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i]!;
    if (!trusted.has(address)) break;
  }
  const proto = first(req.headers['x-forwarded-proto'])?.split(',')[0]?.trim().toLowerCase();
  return { address, https: proto ? proto === 'https' : tls };
}
