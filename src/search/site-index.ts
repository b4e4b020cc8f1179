/**
 * The site's search index, built once per build from the same Dataset the
 * pages come from (the published view), so index and pages cannot drift.
 */
import { getPublishedView } from '../data/index.ts';
import { searchDocuments, type SearchDocument } from './documents.ts';
import { buildSearchIndex, type SearchIndex } from './index-writer.ts';

let documents: Promise<SearchDocument[]> | undefined;
let index: Promise<SearchIndex> | undefined;

export function getSearchDocuments(): Promise<SearchDocument[]> {
  documents ??= getPublishedView().then(searchDocuments);
  return documents;
}

export function getSearchIndex(): Promise<SearchIndex> {
  index ??= getSearchDocuments().then((docs) => buildSearchIndex(docs));
  return index;
}
