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

/** foldForFingerprint as first written (ids derive from it): the fast version must equal it. */
function referenceFold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('foldForFingerprint', () => {
  it('property: equals the reference fold on any text, Arabic marks, presentation forms and compatibility characters included', () => {
    const char = fc.oneof(
      fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xfb50, max: 0xfeff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x2000, max: 0x206f }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('ا\u0653', 'و\u0654', 'ي\u0654', 'ا\u0655', 'e\u0301', 'ﷲ', 'ﻻ', '\u0675', 'ℌ', 'ﬁ', '①', 'Σ'),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 40 }).map((a) => a.join('')),
        (text) => {
          expect(foldForFingerprint(text)).toBe(referenceFold(text));
        },
      ),
      { numRuns: 5000 },
    );
  }, 120_000);
});
