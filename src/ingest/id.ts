/** Hashes and ids: provenance hash of the raw bytes, content fingerprint, stable article id. */
import { createHash } from 'node:crypto';
import type { Block } from './structure.ts';
import { foldForFingerprint, plainText } from './text.ts';

/** Length of an article id in hex characters (48 bits). */
export const ID_LENGTH = 12;

/** SHA-256 of bytes or a UTF-8 string, as lowercase hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The content fingerprint: SHA-256 of the folded text of title, standfirst and body (tashkeel,
 * letter variants, punctuation and whitespace differences ignored). Equal fingerprints mean the
 * same article, whatever file, encoding or page furniture it came with.
 */
export function contentHashOf(parts: { title: string; standfirst: string | null; body: Block[] }): string {
  const text = [parts.title, parts.standfirst ?? '', ...parts.body.map((b) => plainText(b.text))].join('\n');
  return sha256Hex(foldForFingerprint(text));
}

/**
 * `contentHashOf` from the folds of its parts, for callers that have folded every part already:
 * folding is per character except across a line break, which folds to the one space the join
 * puts back, so the result is the same (tests/ingest/ids.test.ts checks it).
 */
export function contentHashOfFolds(folds: string[]): string {
  return sha256Hex(folds.filter((f) => f !== '').join(' '));
}

/** The article id: the first `length` hex characters of its content hash. */
export function articleId(contentHash: string, length = ID_LENGTH): string {
  return contentHash.slice(0, length);
}
