import { describe, expect, it } from 'vitest';
import { partitionCopy } from '../../src/site/article-loader.ts';
import type { ArchiveRecord } from '../../src/site/partition.ts';

/**
 * What a partition keeps of an article whose page it does not write (src/site/article-loader.ts):
 * an article partition's memory must not grow with the archive's sentences and search fields,
 * which only the article's own page (search fields) and the entity pages (sentences) read.
 */
const record: ArchiveRecord = {
  id: 'a1',
  key: 'k1',
  filePath: 'content/articles/a1.mdx',
  frontmatter: { title: 'عنوان' },
  lead: 'بداية الخبر',
  metadata: {
    counts: new Map([['riyadh', 2]]),
    zones: new Map([['riyadh', { title: 1, body: 1, dateline: 0, credit: 0, outlet: 0 }]]),
    snippets: new Map([['riyadh', [{ text: 'زار الرياض', start: 4, end: 9 }]]]),
    search: '{"terms":["الرياض","رياض"]}',
  },
} as unknown as ArchiveRecord;

describe('partitionCopy', () => {
  it('keeps in an article partition the counts and zones only (related stories, mentions)', () => {
    const { html, metadata } = partitionCopy(record, false);
    expect(html).toBe('');
    expect(metadata.counts).toEqual(record.metadata.counts);
    expect(metadata.zones).toEqual(record.metadata.zones);
    expect(metadata.snippets.size).toBe(0);
    expect(metadata.search).toBeNull();
  });

  it('keeps in the lists partition the lead (word counts) and the sentences (entity pages), not the search fields', () => {
    const { html, metadata } = partitionCopy(record, true);
    expect(html).toBe(record.lead);
    expect(metadata.snippets).toEqual(record.metadata.snippets);
    expect(metadata.counts).toEqual(record.metadata.counts);
    expect(metadata.search).toBeNull();
  });
});
