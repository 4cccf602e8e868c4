/** The article object the ingest library produces and serializes. */
import type { Removal } from './boilerplate.ts';
import type { Encoding } from './decode.ts';
import type { Block } from './structure.ts';

export type { Block, Removal };

/** Where an article came from. */
export interface ArticleSource {
  /** Original file name (or "stdin", or "archive.zip/day.json#3" for the third record). */
  file: string;
  /** SHA-256 (hex) of the raw input bytes (of the record, for a record in a JSON file). */
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
  /** The publication date as the text wrote it ("25 شوال 1436 هـ"), when it came from the text. */
  publishedAs: string | null;
  /**
   * Where `published` came from: a date field of the record, the text (a publication or credit
   * line), the URL, or the day the record was collected (then the article was published that day
   * or before, and readers are told so).
   */
  publishedFrom: PublishedFrom | null;
  author: string | null;
  dateline: string | null;
  /** The credit line as printed ("عبدالله الراجحي- سبق- جدة"), when it says more than `author`. */
  byline: string | null;
  body: Block[];
  source: ArticleSource;
  /** SHA-256 of the folded article text (see `fingerprint`). */
  contentHash: string;
  /** How the input bytes were decoded (not written to the MDX). */
  encoding: Encoding | 'text';
  /** What ingest removed from the text, and why (not written to the MDX; see `--explain`). */
  removed: Removal[];
  /** Where each metadata field came from (not written to the MDX; see `--explain`). */
  notes: string[];
}

/**
 * A text of an article that a revision replaced (see `earlierVersions` in src/schemas/article.ts):
 * kept so that ingesting it again is recognised, not taken for a new article or an update back.
 */
export interface EarlierVersion {
  /** The input it came from (`source.file` then). */
  file: string;
  /** SHA-256 of that input's raw bytes. */
  sha256: string;
  /** Its content hash. */
  contentHash: string;
}

/** Where an article's publication date came from (see `Article.publishedFrom`). */
export type PublishedFrom = 'record' | 'text' | 'url' | 'collected';

/** Facts supplied by the caller (e.g. a JSONL record) that win over what the text says. */
export interface ArticleHints {
  url?: string | null;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  /** When the record was collected (a scraper's `date_extracted`): the latest the article can be from. */
  collected?: string | null;
  author?: string | null;
  standfirst?: string | null;
}

/** How the text of an input is marked up. */
export type InputFormat = 'text' | 'markdown';

export type IngestResult = { ok: true; article: Article } | { ok: false; reason: string };
