import { describe, expect, it } from 'vitest';
import { buildMentionIndex, collectArticleMentions, sentenceRanges, type Mention } from '../../src/entities/mentions.ts';

/** Finds the literal names given, as a stand-in matcher. */
function literal(names: Record<string, string>) {
  return (text: string): Mention[] => {
    const out: Mention[] = [];
    for (const [id, name] of Object.entries(names)) {
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push({ entityId: id, start: i, end: i + name.length });
    }
    return out.sort((a, b) => a.start - b.start);
  };
}

const find = literal({ putin: 'بوتين', erdogan: 'أردوغان', moscow: 'موسكو' });
const blocks = (...paragraphs: string[]) => paragraphs.map((text) => ({ text, mentions: find(text) }));

describe('sentenceRanges', () => {
  it('splits on Arabic and Latin sentence ends', () => {
    const text = 'قال بوتين شيئًا. ورد أردوغان؟ نعم';
    expect(sentenceRanges(text).map(([s, e]) => text.slice(s, e))).toEqual(['قال بوتين شيئًا.', 'ورد أردوغان؟', 'نعم']);
  });
});

describe('collectArticleMentions', () => {
  it('counts mentions and keeps the sentence with the mention marked', () => {
    const a = collectArticleMentions('a1', blocks('التقى بوتين أردوغان. ثم عاد بوتين إلى موسكو.', 'وقال أردوغان كلمة.'));
    expect(Object.fromEntries(a.counts)).toEqual({ putin: 2, erdogan: 2, moscow: 1 });
    const [s1, s2] = a.snippets.get('putin')!;
    expect(s1!.text).toBe('التقى بوتين أردوغان.');
    expect(s1!.text.slice(...s1!.highlights[0]!)).toBe('بوتين');
    expect(s2!.text).toBe('ثم عاد بوتين إلى موسكو.');
  });
});

describe('buildMentionIndex', () => {
  const index = buildMentionIndex([
    collectArticleMentions('new', blocks('بوتين وأردوغان في موسكو')),
    collectArticleMentions('mid', blocks('بوتين وأردوغان')),
    collectArticleMentions('old', blocks('بوتين في موسكو، بوتين')),
  ]);

  it('lists the articles of an entity in the given (newest first) order with counts', () => {
    expect(index.byEntity.get('putin')!.map((a) => [a.articleId, a.count])).toEqual([
      ['new', 1],
      ['mid', 1],
      ['old', 2],
    ]);
    expect(index.byEntity.get('moscow')!.map((a) => a.articleId)).toEqual(['new', 'old']);
  });

  it('ranks related entities by shared articles', () => {
    expect(index.related('putin').map((r) => [r.entityId, r.sharedArticles])).toEqual([
      ['erdogan', 2],
      ['moscow', 2],
    ]);
    expect(index.related('erdogan').map((r) => r.entityId)).toEqual(['putin', 'moscow']);
    expect(index.related('putin', 1)).toHaveLength(1);
  });
});
