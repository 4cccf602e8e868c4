/**
 * How alike two texts at one URL are: whether a new text is a revision of an article already
 * ingested (the outlet corrected its story) or another story (a scraper that records one section
 * URL for many). The measure is the Jaccard similarity of the texts' word 3-shingles (every run
 * of three consecutive words), over the text folded as for the content fingerprint: word order
 * counts, so two stories written from one template (two weather reports, two telegrams of
 * congratulation) stay apart, while an edited sentence changes only the shingles it touches.
 */
import { splitFrontmatter, splitMdxHash } from './mdx.ts';
import { foldForFingerprint } from './text.ts';

/**
 * Texts at one URL at least this alike are one story, revised. Chosen on SaudiNewsNet
 * (`npm run count:revisions`, docs/ingest.md): of 473,492 pairs of different texts whose URLs
 * differ only in the query, different stories reach 0.51 (two rain and civil-defence stories),
 * and the same story corrected or re-issued starts at 0.83; no pair lies between. With a whole
 * day forced onto one URL, two outlets' stories drawn from one press release reach 0.60: the
 * threshold stays clear of them, since taking another story for a revision would replace it.
 */
export const REVISION_SIMILARITY = 0.7;

/** Words per shingle. */
const SHINGLE = 3;

/** A text's shingles as sorted, distinct 32-bit hashes (FNV-1a). */
export type Sketch = Uint32Array;

/** The sketch of text already folded (`foldForFingerprint`): its word 3-shingles, hashed. */
export function sketchOfFolded(folded: string): Sketch {
  const words = folded.split(' ').filter((w) => w !== '');
  const hashes: number[] = [];
  if (words.length < SHINGLE) {
    if (words.length > 0) hashes.push(fnv1a(words.join(' ')));
  } else {
    for (let i = 0; i + SHINGLE <= words.length; i++) hashes.push(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  }
  const sorted = Uint32Array.from(hashes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

/**
 * The sketch of an article file as ingest writes it: its title, standfirst and body (markup and
 * escapes fold away with the punctuation). Both sides of a comparison are sketched this way.
 */
export function sketchOfMdx(mdx: string): Sketch {
  const { data, body } = splitFrontmatter(splitMdxHash(mdx).mdx);
  const field = (key: string) => (typeof data?.[key] === 'string' ? data[key] : '');
  return sketchOfFolded(foldForFingerprint([field('title'), field('standfirst'), body].join('\n')));
}

/**
 * Whether two sketches can be `threshold` alike at all: Jaccard similarity is at most the smaller
 * size over the larger.
 */
export function canReach(a: Sketch, b: Sketch, threshold: number): boolean {
  return Math.min(a.length, b.length) >= threshold * Math.max(a.length, b.length);
}

/** Jaccard similarity of two sketches: shared shingles over all shingles (1 for two empty texts). */
export function similarity(a: Sketch, b: Sketch): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
