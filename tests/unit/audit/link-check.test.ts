import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, scanHtml, sitemapLocs } from '../../../scripts/lib/link-check.ts';
import { fixtureSite, ORIGIN, page, sitemap, type FixtureSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(() => site?.cleanup());

const pages = ['index.html', 'notices/index.html', 'notices/a/index.html'];
const good = {
  ...sitemap(['/', '/notices/', '/notices/a/']),
  'index.html': page(
    `<a href="/notices/">公示</a><a href="notices/a/#facts">事实</a><a href="#main">跳到主要内容</a><a href="https://www.gov.cn/">中国政府网</a><a href="mailto:x@example.gov.cn">信箱</a>`,
    `<link rel="canonical" href="${ORIGIN}/"><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script>`,
  ),
  'notices/index.html': page(`<a href="/notices/a/">A</a><a href="/notices/a.json">JSON</a><a href="/files/a.pdf#page=2">附件</a><form action="/search/"><input name="q"></form>`),
  'notices/a/index.html': page(`<h2 id="facts">基本信息</h2><img src="../../img/a.png" srcset="/img/a.png 1x, /img/a@2x.png 2x" alt="">`),
  'search/index.html': page(''),
  'notices/a.json': '{}',
  'files/a.pdf': '%PDF-1.4',
  'img/a.png': 'png',
  'img/a@2x.png': 'png',
  '_astro/site.css': 'body{}',
  '_astro/page.js': '',
};

describe('the link check', () => {
  it('passes a site whose links, anchors, twins, attachments and sitemap all resolve', () => {
    site = fixtureSite(good);
    const r = checkLinks({ clientDir: site.dir, pages: [...pages, 'search/index.html'], gone: new Set() });
    expect(r.problems).toEqual([]);
    expect(r.sitemapUrls).toBe(3);
    expect(r.anchors).toBe(2);
    expect(r.external).toEqual(new Map([['www.gov.cn', 1]]));
    expect(r.other).toBe(1);
    expect(r.notInSitemap).toEqual(['/search/']);
  });

  it('finds a broken href, a missing anchor, a missing asset and a sitemap URL without a page', () => {
    site = fixtureSite({
      ...good,
      ...sitemap(['/', '/notices/', '/notices/a/', '/notices/b/']),
      'index.html': page(`<a href="/notices/c/">C</a><a href="/notices/a/#nowhere">锚点</a><img src="/img/missing.png" alt="">`),
    });
    const r = checkLinks({ clientDir: site.dir, pages, gone: new Set() });
    expect(r.problems.map((p) => [p.kind, p.from, p.link])).toEqual([
      ['missing', '/sitemap-0.xml', `${ORIGIN}/notices/b/`],
      ['missing', '/', '/notices/c/'],
      ['missing', '/', '/img/missing.png'],
      ['anchor', '/', '/notices/a/#nowhere'],
    ]);
  });

  it('takes a link or form to a request-time route as answered, and only those', () => {
    site = fixtureSite({ ...good, 'notices/index.html': page(`<a href="/submit/opinion?notice=a">在线意见表</a><form method="post" action="/submit/opinion"></form><a href="/submit/other">其他</a>`) });
    const r = checkLinks({ clientDir: site.dir, pages, gone: new Set(), requestTime: new Set(['/submit/opinion']) });
    expect(r.problems.map((p) => [p.kind, p.link])).toEqual([['missing', '/submit/other']]);
  });

  it('counts a link to a withdrawn record (410 on the server) as broken, page and twin alike', () => {
    site = fixtureSite({ ...good, 'notices/index.html': page(`<a href="/notices/gone/">撤回的公告</a><a href="/notices/gone.json">JSON</a>`) });
    const r = checkLinks({ clientDir: site.dir, pages, gone: new Set(['/notices/gone/', '/notices/gone.json']) });
    expect(r.problems.map((p) => [p.kind, p.link])).toEqual([
      ['gone', '/notices/gone/'],
      ['gone', '/notices/gone.json'],
    ]);
  });

  it('counts a canonical link to a page that does not exist as broken', () => {
    site = fixtureSite({ ...good, '404.html': page('', `<link rel="canonical" href="${ORIGIN}/404/">`) });
    const r = checkLinks({ clientDir: site.dir, pages: [...pages, '404.html'], gone: new Set() });
    expect(r.problems.map((p) => [p.kind, p.from, p.link])).toEqual([['missing', '/404.html', `${ORIGIN}/404/`]]);
  });
});

describe('scanHtml', () => {
  it('reads ids, a[name] and URLs, decoding entities and splitting srcset', () => {
    const s = scanHtml(`<p id="a"><a name="b" href="/x/?q=1&amp;p=2">x</a><img srcset="/s.png 1x, /l.png 2x" src='/s.png' alt=""></p>`);
    expect([...s.ids]).toEqual(['a', 'b']);
    expect(s.links.map((l) => `${l.tag}[${l.attr}]=${l.value}`)).toEqual(['a[href]=/x/?q=1&p=2', 'img[srcset]=/s.png', 'img[srcset]=/l.png', 'img[src]=/s.png']);
  });
  it('ignores what is not markup: comments, script and style text, but keeps a script src', () => {
    const s = scanHtml(`<!-- <a href="/commented/"> --><script>const a = '<a href="/in-script/">';</script><style>a[href="/in-style/"]{}</style><script src="/real.js"></script>`);
    expect(s.links.map((l) => l.value)).toEqual(['/real.js']);
  });
  it('reads the locs of a sitemap', () => {
    expect(sitemapLocs('<urlset><url><loc> https://a.example/x/?a=1&amp;b=2 </loc></url></urlset>')).toEqual(['https://a.example/x/?a=1&b=2']);
  });
});
