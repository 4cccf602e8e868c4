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
  it('keeps of another partition’s article the counts and zones of the archive index only (related stories, mentions)', () => {
    const metadata = partitionCopy(record as unknown as ArchiveRecord, null, false);
    expect(metadata).toEqual({ counts, zones, lead: null, body: null });
    // Nothing of its text: no sentences, no search fields, no HTML.
    expect(Object.keys(metadata).sort()).toEqual(['body', 'counts', 'lead', 'zones']);
  });

  it('keeps of its own article the key of the body files its page reads, not the text itself', () => {
    expect(partitionCopy(record as unknown as ArchiveRecord, null, true)).toEqual({ counts, zones, lead: null, body: 'k1' });
  });

  it('keeps in the lists partition the lead (word counts), not the sentences (read per entity) nor the search fields', () => {
    expect(partitionCopy(record as unknown as ArchiveRecord, lead, false)).toEqual({ counts, zones, lead, body: null });
  });
});
