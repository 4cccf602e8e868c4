import { z } from 'astro/zod';

/** Kinds of entity the registry knows. Extend here; pages and search pick new kinds up. */
export const entityTypes = ['person', 'place', 'organization', 'event'] as const;
export type EntityType = (typeof entityTypes)[number];

/**
 * One entity of the registry: `content/entities/<id>.json`, where `<id>` is a stable Latin slug
 * made from the curated English name (never from machine transliteration), e.g. `vladimir-putin`.
 */
export const entitySchema = z.object({
  type: z.enum(entityTypes),
  /** Finer kind for grouping and maps, e.g. "country", "city", "region", "news-agency", "alliance". */
  kind: z.string().optional(),
  /** Canonical Arabic name, as a careful editor would write it. */
  name: z.string().min(1),
  /** Curated English name; the id is derived from it. */
  nameEn: z.string().min(1),
  /**
   * Other ways Arabic text writes this entity: spelling variants, short forms, acronyms,
   * common misspellings. Proclitics (و ف ب ل ك ال) and hamza/ta marbuta/alef maqsura variants
   * are handled by the matcher and need not be listed.
   */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * Names that alone may also mean something else — a club's bare name («الاتحاد», «الأهلي»),
   * a competition's nickname («السوبر»). Linked only where the article settles them: it names the
   * entity by another name too, or, for sports entities, it is a sports story (docs/entities.md).
   */
  shortNames: z.array(z.string().min(1)).default([]),
  /**
   * Epithets readers and the sports pages use for the entity by custom, not as its name: «العميد»
   * for al-Ittihad, «الزعيم» for al-Hilal. Search only: a query holding one also looks for the
   * entity (src/search/query.ts); the linker never reads them as mentions, since in running text
   * they are mostly ordinary words («العميد» is a brigadier, «العالمي» global).
   */
  nicknames: z.array(z.string().min(1)).default([]),
  /**
   * Names under which this organization signs photo credits or appears as an article's outlet
   * ("الأوروبية", "الجزيرة"). Matched only against credits and outlets, never in running text,
   * where they are ordinary words.
   */
  sourceNames: z.array(z.string().min(1)).default([]),
  /** One-line Arabic description. */
  description: z.string().min(1),
  /** Wikidata item id, e.g. "Q7747". */
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
  /** For places: WGS84 coordinates. */
  coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
});

export type EntityData = z.infer<typeof entitySchema>;
