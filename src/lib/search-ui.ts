/**
 * Browser helpers shared by the search interfaces (the header suggestions,
 * src/client/search-suggest.ts, and the map search, src/map/search.ts):
 *
 * - one SearchClient per page, imported on first use, so the header box and
 *   the map panel share the index parts they have downloaded;
 * - highlighted titles built as DOM (text nodes and <mark>), never HTML.
 *
 * Nothing here runs at import time: importing this module loads neither the
 * search client nor any index file.
 */
import type { SearchClient } from '../search/client.ts';
import { highlightRanges } from '../search/tokenize.ts';
import { urls } from './urls.ts';

let client: Promise<SearchClient> | undefined;

/** The page's search client; the first call imports the client module. A failed import is retried on the next call. */
export function searchClient(): Promise<SearchClient> {
  client ??= import('../search/client.ts').then((m) => m.createSearchClient());
  client.catch(() => (client = undefined));
  return client;
}

/**
 * Appends `text` to `el`, with the parts that match `query` (src/search/tokenize.ts
 * highlightRanges: Chinese runs, latin and digit runs, matched on normalised
 * text) wrapped in <mark>. Text goes in as text nodes only.
 */
export function appendHighlighted(el: Element, text: string, query: string): void {
  let at = 0;
  for (const [start, end] of highlightRanges(text, query)) {
    if (start > at) el.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    el.append(mark);
    at = end;
  }
  if (at < text.length) el.append(text.slice(at));
}

/** The search page's address for a query: /search/?q=… (never throws, also on lone surrogates). */
export function searchPageUrl(query: string): string {
  return `${urls.search}?${new URLSearchParams({ q: query })}`;
}
