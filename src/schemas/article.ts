import { z } from 'astro/zod';

/**
 * Frontmatter of one article MDX file in `content/articles/<id>.mdx`.
 * Written by the ingest tool, editable by hand; the build validates it.
 */
export const articleSchema = z.object({
  /** Headline, as the outlet wrote it. */
  title: z.string().min(1),
  /** Standfirst / dek: the one- or two-sentence summary under the headline. */
  standfirst: z.string().optional(),
  /** Outlet display name in Arabic, e.g. "الجزيرة", or null when unknown. */
  outlet: z.string().nullable().default(null),
  /** Publication date (YYYY-MM-DD) when stated or supplied, else null. */
  published: z.coerce.date().nullable().default(null),
  /**
   * Where `published` came from: `record` (a date field of the input), `text` (a publication or
   * credit line), `url`, or `collected` — the day the record was collected, when nothing else gave
   * a date: the article is from that day or before, and pages say so.
   */
  publishedFrom: z.enum(['record', 'text', 'url', 'collected']).optional(),
  /** The publication date as the text wrote it ("25 شوال 1436 هـ الموافق 10 اغسطس 2015"), when read from the text. */
  publishedAs: z.string().optional(),
  /** Author / byline when stated. */
  author: z.string().nullable().default(null),
  /** The credit line as printed ("عبدالله الراجحي- سبق- جدة"), when it says more than `author`. */
  byline: z.string().optional(),
  /** Dateline place as written, e.g. "اربيل". */
  dateline: z.string().nullable().default(null),
  /** Where the text came from and how to recognise it again. */
  source: z.object({
    /** Original file name (or "stdin", or "archive.zip#3"). */
    file: z.string(),
    /** SHA-256 (hex) of the raw input bytes of this article. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Original URL when known. */
    url: z.string().url().nullable().default(null),
  }),
  /** SHA-256 of the normalized article text, used to detect duplicates. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * Texts of this article that later revisions replaced, oldest first: the input each came from,
   * its bytes' SHA-256 and its content hash. Ingest updates an article in place when a new text at
   * its URL is a revision of it (docs/ingest.md), and knows these texts again when they come back.
   */
  earlierVersions: z
    .array(
      z.object({
        file: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .optional(),
  /**
   * SHA-256 of this file as ingest wrote it, without this line. When the file no longer matches,
   * an editor changed it, and ingest leaves it alone unless run with --force (docs/ingest.md).
   */
  mdxHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
