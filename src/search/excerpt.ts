/**
 * Result excerpts: the stretch of a page's text (about `length` words) with the most highlighted
 * words in it, cut at word boundaries, as plain-text parts to render safely (no HTML strings).
 */
import { tokenize } from '../arabic/index.ts';
import type { MatchRange } from './highlight.ts';

/** One piece of an excerpt: text, highlighted or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ELLIPSIS = '…';

/**
 * The excerpt of `content` around `ranges`, or null when nothing in `content` is highlighted.
 * Window: the `length` consecutive words holding the most range starts (earliest on ties).
 */
export function buildExcerpt(content: string, ranges: readonly MatchRange[], length = 30): ExcerptPart[] | null {
  if (ranges.length === 0) return null;
  const words = tokenize(content);
  if (words.length === 0) return null;
  // Index of the word each range starts in.
  const starts = ranges.map((r) => {
    let i = words.findIndex((w) => w.end > r.start);
    if (i < 0) i = words.length - 1;
    return i;
  });
  let best = 0;
  let bestCount = -1;
  for (const first of starts) {
    const from = Math.max(0, Math.min(first - Math.floor(length / 4), words.length - length));
    const count = starts.filter((s) => s >= from && s < from + length).length;
    if (count > bestCount) {
      best = from;
      bestCount = count;
    }
  }
  const lastWord = Math.min(words.length, best + length) - 1;
  const start = best === 0 ? 0 : words[best]!.start;
  const end = lastWord === words.length - 1 ? content.length : words[lastWord]!.end;

  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: ELLIPSIS + ' ', mark: false });
  let at = start;
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    const s = Math.max(r.start, start);
    const e = Math.min(r.end, end);
    if (s > at) parts.push({ text: content.slice(at, s), mark: false });
    parts.push({ text: content.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) parts.push({ text: content.slice(at, end), mark: false });
  if (end < content.length) parts.push({ text: ' ' + ELLIPSIS, mark: false });
  return parts;
}
