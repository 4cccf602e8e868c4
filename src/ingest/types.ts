/** The article object the ingest library produces and serializes. */
import type { Block } from './structure.ts';
import type { Encoding } from './decode.ts';

export type { Block };

/** Where an article came from. */
export interface ArticleSource {
  /** Original file name (or "stdin", or "archive.zip#3"). */
  file: string;
  /** SHA-256 (hex) of the raw input bytes. */
  sha256: string;
  /** Original URL when known. */
  url: string | null;
}

/** One ingested article: frontmatter fields of `src/schemas/article.ts` plus the body blocks. */
export interface Article {
  /** Stable id and file name (`<id>.mdx`): the start of `contentHash`. */
  id: string;
  title: string;
  standfirst: string | null;
  outlet: string | null;
  /** YYYY-MM-DD. */
  published: string | null;
  author: string | null;
  dateline: string | null;
  body: Block[];
  source: ArticleSource;
  /** SHA-256 of the folded article text (see `fingerprint`). */
  contentHash: string;
  /** How the input bytes were decoded (not written to the MDX). */
  encoding: Encoding | 'text';
}

/** Facts supplied by the caller (e.g. a JSONL record) that win over what the text says. */
export interface ArticleHints {
  url?: string | null;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  author?: string | null;
}

export type IngestResult = { ok: true; article: Article } | { ok: false; reason: string };
