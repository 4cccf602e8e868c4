/**
 * Every row of Apache Lucene's Arabic test vectors (fixtures/lucene-arabic-cases.tsv, Apache-2.0)
 * run against the matching function of src/arabic. No row is skipped: an unknown kind fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArabic, normalizeArabic, stemArabic } from '../../src/arabic/index.ts';

interface Row {
  kind: string;
  input: string;
  expected: string;
  test: string;
  line: number;
}

const FIXTURE = new URL('./fixtures/lucene-arabic-cases.tsv', import.meta.url);

function readRows(): Row[] {
  const lines = readFileSync(FIXTURE, 'utf8').split('\n');
  const rows: Row[] = [];
  let header = true;
  lines.forEach((line, index) => {
    if (line === '' || line.startsWith('#')) return;
    if (header) {
      expect(line).toBe('kind\tinput\texpected\ttest');
      header = false;
      return;
    }
    const fields = line.split('\t');
    expect(fields, `line ${index + 1} has 4 fields`).toHaveLength(4);
    const [kind, input, expected, test] = fields as [string, string, string, string];
    rows.push({ kind, input, expected, test, line: index + 1 });
  });
  return rows;
}

const rows = readRows();

/** Whitespace tokenizer, as in Lucene's TestArabicFilters. */
const whitespaceTokens = (text: string) => text.split(/\s+/).filter((t) => t.length > 0);

/**
 * Rows where a deliberate extension of ours gives another answer than Lucene, keyed by
 * `kind<TAB>input`, with our expected output and why. Currently none of Lucene's vectors conflict
 * with our extensions (hamza-seat folding, digits, presentation forms... never occur in them); the
 * departures are exercised separately below, against inputs outside the vectors.
 */
const OVERRIDES: ReadonlyMap<string, { expected: string; reason: string }> = new Map();

/** What our implementation answers for a row, joined with spaces for token lists. */
function actual(row: Row): string {
  switch (row.kind) {
    case 'normalize':
      return normalizeArabic(row.input);
    case 'stem':
      // Lucene's ArabicStemFilter alone, as the vector was recorded.
      return stemArabic(row.input);
    case 'analyzer':
      return analyzeArabic(row.input).join(' ');
    case 'normalize_ws':
      return whitespaceTokens(row.input)
        .map((t) => normalizeArabic(t))
        .join(' ');
    case 'normalize+stem_ws':
      return whitespaceTokens(row.input)
        .map((t) => stemArabic(normalizeArabic(t)))
        .join(' ');
    default:
      throw new Error(`unknown kind "${row.kind}" on line ${row.line}`);
  }
}

describe('Lucene Arabic test vectors', () => {
  it('has every row of the fixture (51 vectors, 5 kinds)', () => {
    expect(rows).toHaveLength(51);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['normalize', 'stem', 'analyzer', 'normalize_ws', 'normalize+stem_ws']));
  });

  it.each(rows.map((row) => [`${row.kind} ${row.test} «${row.input}»`, row] as const))('%s', (_, row) => {
    const override = OVERRIDES.get(`${row.kind}\t${row.input}`);
    if (override) {
      expect(override.expected, 'an override must really differ from Lucene').not.toBe(row.expected);
      expect(override.reason.length).toBeGreaterThan(0);
      expect(actual(row)).toBe(override.expected);
    } else {
      expect(actual(row)).toBe(row.expected);
    }
  });

  it.each(rows.filter((r) => r.kind === 'stem').map((row) => [row.input, row] as const))(
    'stem row «%s» also holds through the normalize → stem chain',
    (_, row) => {
      expect(stemArabic(normalizeArabic(row.input))).toBe(row.expected);
    },
  );
});

describe('documented departures from Lucene (outside the vectors)', () => {
  it('folds hamza seats, which Lucene keeps; foldHamzaSeats: false restores Lucene', () => {
    expect(normalizeArabic('مسؤول')).toBe('مسءول');
    expect(normalizeArabic('مسئول')).toBe('مسءول');
    expect(normalizeArabic('مسؤول', { foldHamzaSeats: false })).toBe('مسؤول');
    expect(normalizeArabic('مسئول', { foldHamzaSeats: false })).toBe('مسئول');
  });

  it('keeps letter-digit hyphenated names as one term, where StandardTokenizer splits them', () => {
    expect(analyzeArabic('F-16')).toEqual(['f-16']);
    expect(analyzeArabic('إس-400')).toEqual(['اس-400']);
  });

  it('matches stop words after normalization, so vocalized stop words are dropped too', () => {
    // Lucene would keep «مَا» (its stop filter sees the raw token) and emit «ما».
    expect(analyzeArabic('مَا ملكت')).toEqual(['ملكت']);
  });
});
