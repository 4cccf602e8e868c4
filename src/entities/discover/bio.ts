/**
 * Reading BIO-tagged corpora (ANERcorp's `token TAG` lines) and scoring predicted entity spans
 * against them: entity-level precision, recall and F1, exact span match and partial overlap.
 */

/** One sentence of a BIO corpus. */
export interface BioSentence {
  tokens: string[];
  tags: string[];
}

/** An entity span over tokens: [start, end) token indices, with its label (PERS, LOC, ORG ...). */
export interface LabeledSpan {
  start: number;
  end: number;
  label: string;
}

/**
 * Parses `token TAG` lines, one token per line, a blank line between sentences. The tag is the
 * last whitespace-separated field, so tokens are never split; lines without a tag are skipped.
 */
export function parseBio(text: string): BioSentence[] {
  const sentences: BioSentence[] = [];
  let current: BioSentence = { tokens: [], tags: [] };
  const flush = () => {
    if (current.tokens.length > 0) sentences.push(current);
    current = { tokens: [], tags: [] };
  };
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') {
      flush();
      continue;
    }
    const cut = line.search(/\s\S+$/);
    if (cut < 0) continue;
    current.tokens.push(line.slice(0, cut).trim());
    current.tags.push(line.slice(cut).trim());
  }
  flush();
  return sentences;
}

/**
 * The entity spans of a BIO tag sequence. As in conlleval, an I- tag that does not continue an
 * entity of the same label starts a new one.
 */
export function bioSpans(tags: readonly string[]): LabeledSpan[] {
  const spans: LabeledSpan[] = [];
  let open: LabeledSpan | undefined;
  tags.forEach((tag, i) => {
    const m = /^([BI])-(.+)$/.exec(tag);
    if (!m) {
      open = undefined;
      return;
    }
    const [, prefix, label] = m;
    if (prefix === 'I' && open && open.label === label && open.end === i) {
      open.end = i + 1;
      return;
    }
    open = { start: i, end: i + 1, label: label! };
    spans.push(open);
  });
  return spans;
}

/** Counts and figures for one label (or the micro-average). */
export interface Score {
  label: string;
  gold: number;
  predicted: number;
  /** Predicted spans equal to a gold span (same tokens, same label). */
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  /** Partial overlap: a prediction is right if it shares a token with a gold span of its label. */
  partialPrecision: number;
  /** Partial overlap: a gold span is found if a prediction of its label shares a token with it. */
  partialRecall: number;
  partialF1: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const harmonic = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const overlaps = (a: LabeledSpan, b: LabeledSpan) => a.start < b.end && b.start < a.end;

/**
 * Scores predicted spans against gold spans, sentence by sentence (`gold[i]` and `predicted[i]`
 * belong to sentence i), for each of `labels` and micro-averaged over them. Spans with other
 * labels (MISC, or an unknown type) are ignored on both sides.
 */
export function scoreSpans(
  gold: readonly (readonly LabeledSpan[])[],
  predicted: readonly (readonly LabeledSpan[])[],
  labels: readonly string[],
): { byLabel: Score[]; micro: Score } {
  const counts = new Map(labels.map((l) => [l, { gold: 0, predicted: 0, correct: 0, partialPredicted: 0, partialGold: 0 }]));
  gold.forEach((goldSpans, i) => {
    const predictedSpans = predicted[i] ?? [];
    for (const [label, c] of counts) {
      const g = goldSpans.filter((s) => s.label === label);
      const p = predictedSpans.filter((s) => s.label === label);
      c.gold += g.length;
      c.predicted += p.length;
      c.correct += p.filter((s) => g.some((t) => t.start === s.start && t.end === s.end)).length;
      c.partialPredicted += p.filter((s) => g.some((t) => overlaps(s, t))).length;
      c.partialGold += g.filter((t) => p.some((s) => overlaps(s, t))).length;
    }
  });
  const score = (
    label: string,
    c: { gold: number; predicted: number; correct: number; partialPredicted: number; partialGold: number },
  ): Score => {
    const precision = ratio(c.correct, c.predicted);
    const recall = ratio(c.correct, c.gold);
    const partialPrecision = ratio(c.partialPredicted, c.predicted);
    const partialRecall = ratio(c.partialGold, c.gold);
    return {
      label,
      gold: c.gold,
      predicted: c.predicted,
      correct: c.correct,
      precision,
      recall,
      f1: harmonic(precision, recall),
      partialPrecision,
      partialRecall,
      partialF1: harmonic(partialPrecision, partialRecall),
    };
  };
  const total = { gold: 0, predicted: 0, correct: 0, partialPredicted: 0, partialGold: 0 };
  for (const c of counts.values()) {
    total.gold += c.gold;
    total.predicted += c.predicted;
    total.correct += c.correct;
    total.partialPredicted += c.partialPredicted;
    total.partialGold += c.partialGold;
  }
  return { byLabel: [...counts].map(([label, c]) => score(label, c)), micro: score('micro', total) };
}
