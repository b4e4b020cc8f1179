/** The gzip-compressed parts of the search index, under /search/v-<version>/ (src/search/format.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { versionDir } from '../format.ts';
import { getSearchIndex } from '../site-index.ts';

export const getStaticPaths = (async () => {
  const { manifest, files } = await getSearchIndex();
  return files.map((f) => ({ params: { version: versionDir(manifest.version), file: f.name }, props: { bytes: f.bytes } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ bytes: Uint8Array }> = ({ props }) =>
  new Response(props.bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/gzip' } });
