/**
 * The notice feeds (src/lib/atom.ts, src/lib/notice-feed.ts), read back with
 * a maintained feed parser (@rowanmanning/feed-parser) and checked against
 * Atom 1.0 (RFC 4287): well-formed XML (saxes, a conformant parser), one
 * id, title, updated and author on the feed, links rel=self and
 * rel=alternate, each entry with a unique id, title, updated and link, and
 * ids that stay the same from one build to the next.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load.ts';
import { publishedView } from '../../../src/data/published.ts';
import { atomXml, rfc3339 } from '../../../src/lib/atom.ts';
import { noticeFeed } from '../../../src/lib/notice-feed.ts';

const ORIGIN = 'https://zrzy.example.gov.cn';

async function feedXml(today = '2026-11-23', mutate = false) {
  const { dataset } = await loadDataset('tests/fixtures/minimal');
  const d = dataset!;
  const v = publishedView(mutate ? { ...d, notices: d.notices.map((n, i) => (i === 0 ? { ...n, title: `${n.title} <&> "更正"` } : n)) } : d);
  const feed = noticeFeed({ title: '公示公告', self: '/notices/feed.xml', alternate: '/notices/' }, v.notices, (n) => v.statusRule(n), { origin: ORIGIN, today, author: v.site.bureauName, sample: true });
  return { xml: atomXml(feed), view: v };
}

/** Element paths of a document, with a strict XML 1.0 parser: throws on anything not well-formed. */
function elements(xml: string): { name: string; depth: number; attributes: Record<string, string> }[] {
  const out: { name: string; depth: number; attributes: Record<string, string> }[] = [];
  const p = new SaxesParser({ xmlns: true });
  let depth = 0;
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => {
    out.push({ name: t.local, depth: depth++, attributes: Object.fromEntries(Object.entries(t.attributes).map(([k, a]) => [k, typeof a === 'string' ? a : a.value])) });
  });
  p.on('closetag', () => depth--);
  p.write(xml).close();
  return out;
}

describe('notice feeds', () => {
  it('is Atom 1.0 a feed parser reads, with the period and status in every entry', async () => {
    const { xml, view } = await feedXml();
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toContain('公示公告');
    expect(feed.self).toBe(`${ORIGIN}/notices/feed.xml`);
    expect(feed.url).toBe(`${ORIGIN}/notices/`);
    expect(feed.updated).toBeInstanceOf(Date);
    expect(feed.items).toHaveLength(Math.min(50, view.notices.length));
    for (const item of feed.items) {
      expect(item.id).toMatch(/^https:\/\/zrzy\.example\.gov\.cn\/notices\/[a-z]+\/[^/]+\/$/);
      expect(item.url).toBe(item.id);
      expect(item.title).toBeTruthy();
      expect(item.updated).toBeInstanceOf(Date);
      expect(item.description).toMatch(/状态（截至2026年11月23日）：/);
      expect(item.description).toMatch(/公示期：|无公示期/);
      expect(item.categories.some((c) => c.term?.startsWith('status:'))).toBe(true);
    }
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
  });
  it('follows RFC 4287: one id, title, updated, author on the feed; self and alternate links; id, title, updated, link per entry', async () => {
    const { xml } = await feedXml();
    const els = elements(xml);
    const top = els.filter((e) => e.depth === 1);
    for (const name of ['id', 'title', 'updated', 'author']) expect(top.filter((e) => e.name === name), name).toHaveLength(1);
    expect(top.filter((e) => e.name === 'link').map((e) => e.attributes['rel']).sort()).toEqual(['alternate', 'self']);
    const entryStarts = els.map((e, i) => [e, i] as const).filter(([e]) => e.name === 'entry');
    for (const [, i] of entryStarts) {
      const children: string[] = [];
      for (let j = i + 1; j < els.length && els[j]!.depth > 1; j++) if (els[j]!.depth === 2) children.push(els[j]!.name);
      for (const name of ['id', 'title', 'updated']) expect(children.filter((c) => c === name), name).toHaveLength(1);
      expect(children).toContain('link');
    }
  });
  it('keeps entry ids from one build to the next, while the status in the text follows the day', async () => {
    const a = parseFeed((await feedXml('2026-11-23')).xml);
    const b = parseFeed((await feedXml('2027-06-01')).xml);
    expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
    expect(b.items[0]!.description).toMatch(/截至2027年6月1日/);
  });
  it('escapes markup in titles: the parser reads the text back, not tags', async () => {
    const { xml } = await feedXml('2026-11-23', true);
    expect(() => elements(xml)).not.toThrow();
    expect(parseFeed(xml).items.some((i) => i.title?.includes('<&> "更正"'))).toBe(true);
  });
  it('keeps a withdrawn notice as an update of its entry, with the day and the reason; only in the feeds it belonged to', async () => {
    const { dataset } = await loadDataset('tests/fixtures/minimal');
    const d = dataset!;
    const target = d.notices[0]!;
    const v = publishedView({ ...d, notices: d.notices.map((n) => (n === target ? { ...n, status: { state: 'withdrawn' as const, date: '2026-11-30', reason: '项目单位撤回申请' } } : n)) });
    const gone = v.gone.filter((g) => g.notice);
    expect(gone).toHaveLength(1);
    const feed = (withdrawn: typeof gone) => parseFeed(atomXml(noticeFeed({ title: '公示公告', self: '/notices/feed.xml', alternate: '/notices/' }, v.notices, (n) => v.statusRule(n), { origin: ORIGIN, today: '2026-12-01', author: v.site.bureauName, sample: true, withdrawn })));
    const item = feed(gone).items[0]!;
    expect(item.id).toBe(`${ORIGIN}${gone[0]!.page}`);
    expect(item.title).toBe(`（已撤回）${target.title}`);
    expect(item.description).toContain('本公告已于2026年11月30日撤回');
    expect(item.description).toContain('理由：项目单位撤回申请');
    expect(item.categories.map((c) => c.term)).toContain('status:revoked');
    // Out of scope (another kind's feed): not there.
    expect(feed([]).items.some((i) => i.id === item.id)).toBe(false);
  });
  it('refuses a date it cannot write as RFC 3339', () => {
    expect(rfc3339('2026-11-02 09:30')).toBe('2026-11-02T09:30:00+08:00');
    expect(() => rfc3339('2026/11/02')).toThrow();
  });
});
