import { z } from 'astro/zod';

/**
 * Front matter of a dossier, `content/dossiers/<slug>.mdx`: a page an editor writes to tell a
 * story across the archive with the site's components (docs/editing.md). Unknown keys are
 * errors, so a misspelt key never goes unnoticed.
 */
export const dossierSchema = z
  .object({
    /** The dossier's title, as its page shows it. */
    title: z.string().trim().min(1),
    /** One or two sentences under the title: the standfirst, the index's summary, the page's description. */
    description: z.string().trim().min(1),
    /** The day the dossier was first published (YYYY-MM-DD). */
    published: z.coerce.date(),
    /** The day it was last brought up to date, if it was. */
    updated: z.coerce.date().optional(),
    /**
     * The entities it is about (registry ids): shown at its top, and the dossier is listed on
     * their pages. The build checks each one (src/dossiers/check.ts).
     */
    entities: z.array(z.string().min(1)).min(1).max(12),
    /** A draft is checked but not published: no page, no listing, no feed entry (with `MARSAD_DRAFTS=1` it shows, marked). */
    draft: z.boolean().default(false),
  })
  .strict()
  .refine((d) => d.updated === undefined || d.updated >= d.published, { path: ['updated'], message: 'updated is before published' });

export type DossierFrontmatter = z.infer<typeof dossierSchema>;
