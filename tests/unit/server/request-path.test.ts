import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, parseRequestPath } from '../../../src/server/request-path.ts';

describe('request paths', () => {
  it('decode once and keep the query as it came', () => {
    expect(parseRequestPath('/notices/%E5%9C%9F%E5%9C%B0/?q=%E4%B8#x')).toEqual({ ok: true, pathname: '/notices/土地/', search: '?q=%E4%B8' });
    expect(parseRequestPath('//a///b')).toMatchObject({ ok: true, pathname: '/a/b' });
    expect(parseRequestPath('/map/?z=%ZZ')).toMatchObject({ ok: true, pathname: '/map/', search: '?z=%ZZ' });
  });

  it('refuse what does not decode, climbs out, holds NUL or is too long', () => {
    expect(parseRequestPath('/%E4%B8')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestPath('/a/%2e%2e/etc/passwd')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestPath('/../x')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestPath('/a%00.html')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestPath('/a%5Cb')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestPath('*')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestPath(`/${'a'.repeat(MAX_URL_LENGTH)}`)).toMatchObject({ ok: false, status: 414 });
  });
});
