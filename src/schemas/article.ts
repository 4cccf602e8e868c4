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
  /** Author / byline when stated. */
  author: z.string().nullable().default(null),
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
});

export type ArticleFrontmatter = z.infer<typeof articleSchema>;
