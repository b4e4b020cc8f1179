import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientInfo, parseTrustedProxies } from '../../../src/server/client-info.ts';

const req = (peer: string, headers: Record<string, string> = {}, encrypted = false) => ({ socket: { remoteAddress: peer, encrypted }, headers }) as unknown as IncomingMessage;
const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.2');

describe('client address and scheme', () => {
  it('believe X-Forwarded-For and -Proto from a configured proxy', () => {
    expect(clientInfo(req('::ffff:127.0.0.1', { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' }), proxies)).toEqual({ address: '203.0.113.7', https: true });
    // Through two proxies: the rightmost address that is not a proxy.
    expect(clientInfo(req('127.0.0.1', { 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.0.0.2' }), proxies)).toEqual({ address: '203.0.113.7', https: false });
  });

  it('ignore them from anyone else', () => {
    expect(clientInfo(req('203.0.113.9', { 'x-forwarded-for': '1.2.3.4', 'x-forwarded-proto': 'https' }), proxies)).toEqual({ address: '203.0.113.9', https: false });
    expect(clientInfo(req('127.0.0.1', { 'x-forwarded-proto': 'https' }), parseTrustedProxies(undefined))).toEqual({ address: '127.0.0.1', https: false });
    expect(clientInfo(req('203.0.113.9', {}, true), proxies).https).toBe(true);
  });
});
