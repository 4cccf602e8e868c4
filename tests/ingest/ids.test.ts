/** Ids and content hashes: stable, and computed the same way however they are computed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHashOf, contentHashOfFolds, foldForFingerprint } from '../../src/ingest/index.ts';
import type { Block } from '../../src/ingest/index.ts';

describe('content hash', () => {
  it('property: hashing the parts’ folds equals hashing the folded whole (ingest uses the first, ids were defined by the second)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('ΟΔΟΣ', 'Σ', 'وفقاً لـِلاتفاقية', 'و\u0654', 'ا\u0653', '\u0675', 'ﻟﻠﻪ', '٣٠', '', ' ', '...', 'İ', 'ß', 'ǅ'),
    );
    fc.assert(
      fc.property(text, fc.option(text, { nil: null }), fc.array(text, { maxLength: 6 }), (title, standfirst, texts) => {
        const body: Block[] = texts.map((t) => ({ type: 'paragraph', text: t }));
        const folds = [title, standfirst ?? '', ...texts].map(foldForFingerprint);
        expect(contentHashOfFolds(folds)).toBe(contentHashOf({ title, standfirst, body }));
      }),
      { numRuns: 2000 },
    );
  }, 120_000);
});
