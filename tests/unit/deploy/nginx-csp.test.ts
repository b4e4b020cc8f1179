import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspLine, rewriteCsp } from '../../../scripts/lib/nginx-csp.ts';

const SNIPPET = readFileSync(path.resolve(import.meta.dirname, '../../../deploy/nginx/snippets/geoportal-headers.conf'), 'utf8');

describe('npm run nginx:csp', () => {
  it('without a WMTS base map gives the shipped line; with one, adds its origins to img-src and connect-src only', () => {
    expect(SNIPPET).toContain(cspLine([]));
    expect(rewriteCsp(SNIPPET, [])).toBe(SNIPPET);
    const line = cspLine(['https://tdt.qqhr.example.gov.cn']);
    expect(line).toMatch(/img-src [^;]*https:\/\/tdt\.qqhr\.example\.gov\.cn/);
    expect(line).toMatch(/connect-src [^;]*https:\/\/tdt\.qqhr\.example\.gov\.cn/);
    expect(line).not.toMatch(/script-src [^;]*example/);
    const rewritten = rewriteCsp(SNIPPET, ['https://tdt.qqhr.example.gov.cn']);
    expect(rewritten.split('\n').filter((l) => l !== line)).toEqual(SNIPPET.split('\n').filter((l) => l !== cspLine([])));
  });
  it('refuses a file that is not the header snippet', () => {
    expect(() => rewriteCsp('server { listen 80; }\n', [])).toThrow(/没有找到 add_header Content-Security-Policy/);
  });
});
