import { describe, expect, it } from 'vitest';
import { partitionCopy } from '../../src/site/article-loader.ts';
import type { ArchiveRecord } from '../../src/site/partition.ts';

/**
 * What a partition keeps of an article whose page it does not write (src/site/article-loader.ts):
 * an article partition's memory must not grow with the archive's sentences, search fields and
 * text, which only the article's own page (search fields) and the lists partition (sentences for
 * entity pages, leads for word counts) read.
 */
const counts = new Map([['riyadh', 2]]);
const zones = new Map([['riyadh', { title: 1, body: 1, dateline: 0, credit: 0, outlet: 0 }]]);
const record = { id: 'a1', key: 'k1', filePath: 'content/articles/a1.mdx', frontmatter: { title: 'عنوان' }, metadata: { counts, zones } };
const lead = 'بداية الخبر';

describe('partitionCopy', () => {
  it('keeps in an article partition the counts and zones of the archive index only (related stories, mentions)', () => {
    const { html, metadata } = partitionCopy(record as unknown as ArchiveRecord, null);
    expect(html).toBe('');
    expect(metadata.counts).toEqual(counts);
    expect(metadata.zones).toEqual(zones);
    expect(metadata.snippets.size).toBe(0);
    expect(metadata.search).toBeNull();
  });

  it('keeps in the lists partition the lead (word counts), not the sentences (read per entity) nor the search fields', () => {
    const { html, metadata } = partitionCopy(record as unknown as ArchiveRecord, lead);
    expect(html).toBe(lead);
    expect(metadata.snippets.size).toBe(0);
    expect(metadata.counts).toEqual(counts);
    expect(metadata.search).toBeNull();
  });
});
