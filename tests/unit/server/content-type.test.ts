import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../src/server/static-files.ts';

describe('contentTypeOf', () => {
  it('types an Atom feed as a feed, other XML as XML', () => {
    expect(contentTypeOf('notices/land/feed.xml')).toBe('application/atom+xml; charset=utf-8');
    expect(contentTypeOf('sitemap.xml')).toBe('application/xml; charset=utf-8');
    expect(contentTypeOf('basemap/city.pmtiles')).toBe('application/vnd.pmtiles');
  });
  it('an unknown extension is binary, never guessed', () => {
    expect(contentTypeOf('files/a.exe')).toBe('application/octet-stream');
    expect(contentTypeOf('feed.xml.bak')).toBe('application/octet-stream');
  });
});
