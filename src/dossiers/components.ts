/**
 * The components a dossier (`content/dossiers/<slug>.mdx`) may use, and the props each takes, as
 * zod schemas: the dossier check (src/dossiers/check.ts) reads every component of a dossier's
 * source against them before anything is rendered, and each component
 * (src/components/dossier/*.astro) parses its props with the same schema when it renders.
 * docs/editing.md documents them for editors; keep the two in step.
 */
import { z } from 'astro/zod';

/** A registry id: the entity's file name in content/entities without `.json`. */
const ENTITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const entityId = z.string().regex(ENTITY_ID, 'an entity id is the name of its registry file without .json, e.g. "vladimir-putin"');
const articleId = z.string().min(1, 'an article id is the name of its file in content/articles without .mdx, e.g. "2e329347f617"');

function isRealDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A day, YYYY-MM-DD. */
const day = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDay(s), 'a day is written YYYY-MM-DD, e.g. "2016-07-01"');

/** A year, a month or a day: "2015", "2015-11", "2015-11-24". */
const partialDate = z
  .string()
  .refine(
    (s) => /^\d{4}$/.test(s) || (/^\d{4}-\d{2}$/.test(s) && isRealDay(`${s}-01`)) || (/^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDay(s)),
    'a date is a year, a month or a day: "2015", "2015-11" or "2015-11-24"',
  );

const ids = (min: number, max: number) =>
  z
    .array(entityId)
    .min(min, `at least ${min} entit${min === 1 ? 'y' : 'ies'}`)
    .max(max, `at most ${max} entities`)
    .refine((list) => new Set(list).size === list.length, 'an entity is listed twice');

/** `all`: articles naming every entity listed; `any`: articles naming at least one. */
const match = z.enum(['all', 'any']);

export const dossierComponentProps = {
  /** An inline link to an entity's page: `<EntityLink id="vladimir-putin">الرئيس الروسي</EntityLink>`. */
  EntityLink: z.object({ id: entityId }).strict(),
  /** A card of one entity: type, name, description, how many articles name it, who is named with it most. */
  EntityCard: z.object({ id: entityId }).strict(),
  /**
   * A list of archive articles: those naming the `entities` (all of them, or any with
   * `match="any"`), between `from` and `to` when given, newest first (`order="oldest"`: oldest
   * first), at most `limit`; or the articles listed by id in `articles`, in that order.
   */
  ArticleList: z
    .object({
      entities: ids(1, 10).optional(),
      match: match.optional(),
      from: day.optional(),
      to: day.optional(),
      articles: z
        .array(articleId)
        .min(1, 'at least 1 article')
        .max(50, 'at most 50 articles')
        .refine((list) => new Set(list).size === list.length, 'an article is listed twice')
        .optional(),
      limit: z.number().int('a whole number').min(1).max(50).optional(),
      order: z.enum(['newest', 'oldest']).optional(),
    })
    .strict()
    .superRefine((p, ctx) => {
      if ((p.entities === undefined) === (p.articles === undefined)) {
        ctx.addIssue({
          code: 'custom',
          message: 'give either entities (the articles naming them) or articles (chosen by id), not both or neither',
        });
      }
      if (p.articles && (p.match || p.from || p.to || p.order)) {
        ctx.addIssue({
          code: 'custom',
          message: 'match, from, to and order select among the articles naming entities: they do not go with articles',
        });
      }
      if (p.from && p.to && p.from > p.to)
        ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${p.to}) is before from (${p.from})` });
    }),
  /** The articles naming the entities (all of them, or any), counted per period: the site's timeline picture. */
  Timeline: z.object({ entities: ids(1, 10), match: match.optional() }).strict(),
  /** The chosen entities and, between each two, a line as thick as the articles naming both. */
  RelationGraph: z.object({ entities: ids(2, 12) }).strict(),
  /** A map of the chosen places (registry places with coordinates); `focus`, one of them, drawn bold. */
  LocatorMap: z
    .object({ places: ids(1, 12), focus: entityId.optional() })
    .strict()
    .refine((p) => p.focus === undefined || p.places.includes(p.focus), { path: ['focus'], message: 'focus must be one of places' }),
  /** A dated list of events: holds <Event>s only, oldest first. */
  Chronology: z.object({}).strict(),
  /** One event of a <Chronology>: its date, what happened (the children), the entities involved and the articles reporting it. */
  Event: z
    .object({
      date: partialDate,
      entities: ids(1, 8).optional(),
      articles: z
        .array(articleId)
        .min(1, 'at least 1 article')
        .max(6, 'at most 6 articles')
        .refine((list) => new Set(list).size === list.length, 'an article is listed twice')
        .optional(),
    })
    .strict(),
} as const;

export type DossierComponentName = keyof typeof dossierComponentProps;
export type DossierProps<N extends DossierComponentName> = z.infer<(typeof dossierComponentProps)[N]>;

export const dossierComponentNames = Object.keys(dossierComponentProps) as DossierComponentName[];

/** Components that need children (text), and those that take none. */
export const NEEDS_CHILDREN: ReadonlySet<DossierComponentName> = new Set(['EntityLink', 'Event', 'Chronology']);
/** Components drawn as a picture: one of each set of props per dossier, so the ids in its SVG stay unique. */
export const PICTURES: ReadonlySet<DossierComponentName> = new Set(['Timeline', 'RelationGraph', 'LocatorMap']);

/** How a prop of each type is written, for the messages of a prop of the wrong type. */
const WRITTEN: Record<string, string> = {
  string: 'text in quotes, e.g. "2016-07-01"',
  number: 'a number in braces, e.g. {5}',
  int: 'a whole number in braces, e.g. {5}',
  array: 'a list in braces, e.g. {["russia", "turkey"]}',
  boolean: '{true} or {false}',
};

/** What a prop problem says: `<ArticleList> prop "limit": …`, or the whole component's problem. */
export function describeIssues(name: DossierComponentName, error: z.ZodError, input: Record<string, unknown>): string[] {
  const allowed = Object.keys(dossierComponentProps[name].shape);
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `<${name}> has no prop ${issue.keys.map((k) => `"${k}"`).join(', ')} (its props: ${allowed.join(', ') || 'none'})`;
    }
    const where = issue.path.length > 0 ? ` prop "${issue.path.map(String).join('.')}"` : '';
    if (issue.code === 'invalid_type' && issue.path.length === 1 && !(String(issue.path[0]) in input))
      return `<${name}> needs the prop "${String(issue.path[0])}"`;
    const message = issue.code === 'invalid_type' ? `expected ${WRITTEN[issue.expected] ?? issue.expected}` : issue.message;
    return `<${name}>${where}: ${message}`;
  });
}

/**
 * A component's props, parsed by its schema; throws naming the component and each problem (the
 * dossier check has already reported any problem with its file, line and column).
 */
export function dossierProps<N extends DossierComponentName>(name: N, props: Record<string, unknown>): DossierProps<N> {
  const own = Object.fromEntries(Object.entries(props).filter(([k]) => k !== 'children'));
  const parsed = dossierComponentProps[name].safeParse(own);
  if (!parsed.success) throw new Error(describeIssues(name, parsed.error, own).join('; '));
  return parsed.data as DossierProps<N>;
}
