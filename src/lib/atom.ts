/**
 * An Atom 1.0 (RFC 4287) document from plain values. Two fixed shapes (feed,
 * entry) need no feed library; what can go wrong is escaping and the rules
 * readers enforce, so the writer takes care of both: every text escaped
 * (characters XML forbids dropped, src/planner/xml.ts), ids and dates
 * required by the types, dates as RFC 3339 in +08:00 (the bureau's civil
 * dates, docs: src/lib/dates.ts). The tests read the output back with a
 * maintained feed parser and check the RFC's MUSTs.
 */
import { escapeXml } from '../planner/xml.ts';

export type AtomEntry = {
  /** A permanent IRI: the same entry keeps it in every build. */
  id: string;
  title: string;
  /** YYYY-MM-DD or YYYY-MM-DD HH:MM (Asia/Shanghai). */
  updated: string;
  published?: string | undefined;
  /** The entry's page (rel=alternate). */
  link: string;
  summary: string;
  /** Atom categories: term and label. */
  categories?: readonly { term: string; label: string }[];
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string | undefined;
  /** The feed's own absolute URL (rel=self). */
  self: string;
  /** The HTML list it follows (rel=alternate). */
  alternate: string;
  author: string;
  rights?: string | undefined;
  /** When no entry gives a date (an empty feed): the build day. */
  fallbackUpdated: string;
  entries: readonly AtomEntry[];
};

/** A civil date (or date and minute) in Asia/Shanghai as an RFC 3339 date-time. */
export function rfc3339(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(value);
  if (!m) throw new Error(`不是日期：${value}`);
  return `${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:00+08:00`;
}

const text = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;

export function atomXml(feed: AtomFeed): string {
  // The feed's updated is its newest entry's: readers poll on it, and it must not move without a change.
  const newest = feed.entries.reduce<string | undefined>((max, e) => (!max || rfc3339(e.updated) > rfc3339(max) ? e.updated : max), undefined);
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    text('id', feed.id),
    text('title', feed.title),
    ...(feed.subtitle ? [text('subtitle', feed.subtitle)] : []),
    text('updated', rfc3339(newest ?? feed.fallbackUpdated)),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    `<author>${text('name', feed.author)}</author>`,
    ...(feed.rights ? [text('rights', feed.rights)] : []),
  ];
  for (const e of feed.entries) {
    out.push(
      '<entry>',
      text('id', e.id),
      text('title', e.title),
      text('updated', rfc3339(e.updated)),
      ...(e.published ? [text('published', rfc3339(e.published))] : []),
      `<link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      ...(e.categories ?? []).map((c) => `<category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}"/>`),
      `<summary type="text">${escapeXml(e.summary)}</summary>`,
      '</entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
