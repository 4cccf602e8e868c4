import { statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';

/**
 * Every setting of the project, in one place: the environment variables that point a build, a
 * command, a benchmark or the tests at other folders or options without editing files. Each is
 * defined once below with its type, default and description, parsed and checked with zod, and
 * read by everything else through `settings()` (the build's config, the content loader, the
 * search integration and indexer, the CLIs, the scripts and the tests; a test keeps any other
 * module from reading these variables itself). `docs/settings.md` is written from these
 * definitions (`npm run docs:settings`), and a test fails when the two disagree.
 *
 * An unset or empty variable takes its default; the default goes through the same parsing as a
 * value would. A bad value stops the command with an error naming the variable, the value and
 * what it expects: every bad variable at once, not the first.
 */

/** Where a setting belongs: the headings of the reference table. */
export const settingGroups = {
  site: 'Build and site',
  search: 'Search',
  tools: 'Tools',
  tests: 'Tests',
} as const;

interface Definition<T> {
  /** The environment variable. */
  env: string;
  group: keyof typeof settingGroups;
  /** What a value must be, as the docs and errors say it ("a whole number ≥ 1"). */
  expected: string;
  /** The value an unset or empty variable takes, as it would be written in the environment. */
  default: string;
  description: string;
  /** Parses a non-empty value (or the default); fails with a `custom` issue for a specific reason. */
  schema: z.ZodType<T, string>;
}

const FLAG = 'on (1, true, yes, on) or off (0, false, no, off)';

/** A folder, resolved against the current folder; it need not exist yet, but cannot be a file. */
const folder = z
  .string()
  .refine((value) => !value.includes('\0'), 'a path cannot contain a NUL character')
  .transform((value) => path.resolve(value))
  .refine((full) => statSync(full, { throwIfNoEntry: false })?.isDirectory() ?? true, 'it is a file, not a folder');

/** A file, resolved against the current folder; it need not exist, but cannot be a folder. */
const file = z
  .string()
  .refine((value) => !value.includes('\0'), 'a path cannot contain a NUL character')
  .transform((value) => path.resolve(value))
  .refine((full) => !statSync(full, { throwIfNoEntry: false })?.isDirectory(), 'it is a folder, not a file');

/** On or off, in the words of `FLAG`, in any case (zod's `stringbool`, after trimming). */
const flag = z
  .string()
  .trim()
  .pipe(z.stringbool({ truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off'] }));

const wholeNumber = z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1));

const positiveNumber = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number)
  .pipe(z.number().positive());

/** Text shown to readers: any non-blank text, trimmed. */
const text = z.string().trim().min(1);

function define<T>(definition: Definition<T>): Definition<T> {
  return definition;
}

export const settingDefinitions = {
  contentDir: define({
    env: 'MARSAD_CONTENT_DIR',
    group: 'site',
    expected: 'a folder',
    default: 'content',
    description:
      'Folder holding `articles/*.mdx` and `entities/*.json`: what the build renders, where `npm run ingest` writes and what `npm run entities:suggest` reads.',
    schema: folder,
  }),
  outDir: define({
    env: 'MARSAD_OUT_DIR',
    group: 'site',
    expected: 'a folder',
    default: 'dist',
    description: 'Where `astro build` writes the site, and the folder `npm run search:index` indexes when given none.',
    schema: folder,
  }),
  cacheDir: define({
    env: 'MARSAD_CACHE_DIR',
    group: 'site',
    expected: 'a folder',
    default: 'node_modules/.astro',
    description:
      "Astro's cache and the project's (the content store, each rendered article's HTML and search fields, the previous build's pages, the search bundles): give a build its own so that it neither reuses nor disturbs the project's.",
    schema: folder,
  }),
  partition: define({
    env: 'MARSAD_PARTITION',
    group: 'site',
    expected: 'a partition file, or empty for a whole build',
    default: '',
    description:
      'Makes `astro build` one partition of a partitioned build: the JSON file names the archive index, the articles whose pages it writes and whether it writes the lists. Written by `npm run build:partitioned` ([scale.md](scale.md), "Partitioned builds").',
    schema: z
      .string()
      .refine((value) => !value.includes('\0'), 'a path cannot contain a NUL character')
      .transform((value) => (value.trim() === '' ? null : path.resolve(value))),
  }),
  siteUrl: define({
    env: 'MARSAD_SITE',
    group: 'site',
    expected: 'an http(s) URL',
    default: 'https://marsad.example',
    description: 'Public origin of the site: canonical URLs, feeds, the sitemap and structured data.',
    schema: z
      .string()
      .trim()
      .pipe(z.url({ protocol: /^https?$/ })),
  }),
  siteName: define({
    env: 'MARSAD_SITE_NAME',
    group: 'site',
    expected: 'non-blank text',
    default: 'مرصد',
    description: 'Name of the site shown to readers: header, page titles, footer, feeds, structured data.',
    schema: text,
  }),
  siteTagline: define({
    env: 'MARSAD_SITE_TAGLINE',
    group: 'site',
    expected: 'non-blank text',
    default: 'أرشيف الأخبار العربية وأعلامها وأماكنها',
    description: "Line under the site's name in the header; the home page's description and the feed's.",
    schema: text,
  }),
  drafts: define({
    env: 'MARSAD_DRAFTS',
    group: 'site',
    expected: FLAG,
    default: 'off',
    description:
      'On publishes draft dossiers too (`draft: true`), marked «مسودة لا تُنشر», for an editor previewing with `npm run dev`; off, a draft is checked but gets no page ([editing.md](editing.md#dossiers-contentdossiersslugmdx)).',
    schema: flag,
  }),
  searchEnrich: define({
    env: 'MARSAD_SEARCH_ENRICH',
    group: 'search',
    expected: FLAG,
    default: 'on',
    description:
      'Off builds the site with plain Pagefind: no hidden search terms, no entity tokens, no ranking weights, no query processing in the browser ([search.md](search.md)).',
    schema: flag,
  }),
  searchShardArticles: define({
    env: 'MARSAD_SEARCH_SHARD_ARTICLES',
    group: 'search',
    expected: 'a whole number ≥ 1',
    default: '2500',
    description: 'Articles per search index shard: a site with more is indexed in shards by date, newest first ([search.md](search.md)).',
    schema: wholeNumber,
  }),
  searchEntityBundle: define({
    env: 'MARSAD_SEARCH_ENTITY_BUNDLE',
    group: 'search',
    expected: FLAG,
    default: 'off',
    description:
      'In a site of several search shards, index the entity pages and dossiers as a bundle of their own, merged before the first search: publishing an article then re-indexes only the newest articles, but a cold search downloads 45–85 KB more ([scale.md](scale.md)). Off: they are in the primary bundle.',
    schema: flag,
  }),
  chromium: define({
    env: 'MARSAD_CHROMIUM',
    group: 'tools',
    expected: 'a file',
    default: '/usr/bin/chromium',
    description: 'The Chromium the browser tests, benchmarks and `npm run budget` drive (Debian: `apt-get install chromium`).',
    schema: file,
  }),
  testContentDir: define({
    env: 'MARSAD_TEST_CONTENT_DIR',
    group: 'tests',
    expected: 'a folder',
    default: 'content',
    description: 'Content folder of the site the site and browser tests build (the committed seed content by default).',
    schema: folder,
  }),
  keepTestDist: define({
    env: 'MARSAD_KEEP_TEST_DIST',
    group: 'tests',
    expected: FLAG,
    default: 'off',
    description: 'On keeps the sites the tests built (their folders are printed) for inspection.',
    schema: flag,
  }),
  fuzzRuns: define({
    env: 'MARSAD_FUZZ_RUNS',
    group: 'tests',
    expected: 'a whole number ≥ 1',
    default: '12',
    description:
      'Runs of the ingest fuzz test (random mixes of good and broken inputs through the real CLI, twice over one folder); raise it for a long hunt.',
    schema: wholeNumber,
  }),
  propertyScale: define({
    env: 'FC_SCALE',
    group: 'tests',
    expected: 'a number > 0',
    default: '1',
    description: 'Multiplies the runs of the ingest property tests (fast-check), e.g. `FC_SCALE=20` for a long hunt.',
    schema: positiveNumber,
  }),
  ci: define({
    env: 'CI',
    group: 'tests',
    expected: 'any text (off when empty, 0, false, no or off)',
    default: 'off',
    description: 'Set by CI services: a missing Chromium fails the browser tests instead of skipping them.',
    schema: z.string().transform((value) => !['0', 'false', 'no', 'off'].includes(value.trim().toLowerCase())),
  }),
} satisfies Record<string, Definition<unknown>>;

type Definitions = typeof settingDefinitions;
export type SettingName = keyof Definitions;
export type Settings = { readonly [K in SettingName]: z.output<Definitions[K]['schema']> };

/** A bad value of one or more settings; the message has one line per bad variable. */
export class SettingsError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

const names = Object.keys(settingDefinitions) as SettingName[];

/** One zod object over the environment: each variable, empty or unset as its default, then parsed. */
const environmentSchema = z.object(
  Object.fromEntries(
    names.map((name) => {
      const { env, default: fallback, schema } = settingDefinitions[name] as Definition<unknown>;
      const raw = z
        .string()
        .optional()
        .transform((value) => (value === undefined || value.trim() === '' ? fallback : value));
      return [env, raw.pipe(schema)];
    }),
  ),
);

/**
 * Reads every setting from `env` (default: this process's environment), each unset or empty one
 * as its default. Relative paths are resolved against the current folder. Throws a
 * `SettingsError` naming every bad variable, its value and what it expects.
 */
export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const problems = new Map<string, string>();
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0]);
      if (problems.has(variable)) continue;
      const definition = Object.values(settingDefinitions).find((d) => d.env === variable) as Definition<unknown>;
      const value = env[variable] ?? '';
      const why = issue.code === 'custom' ? ` (${issue.message})` : '';
      problems.set(variable, `${variable}=${JSON.stringify(value)} is not valid: expected ${definition.expected}${why}`);
    }
    throw new SettingsError([...problems.values()]);
  }
  return Object.fromEntries(names.map((name) => [name, result.data[settingDefinitions[name].env]])) as unknown as Settings;
}

/** Whether the environment sets `name` (to a non-blank value), rather than leaving it to its default. */
export function isSet(name: SettingName, env: Record<string, string | undefined> = process.env): boolean {
  return (env[settingDefinitions[name].env] ?? '').trim() !== '';
}

let current: Settings | undefined;

/** This process's settings, read from its environment once, on first use. */
export function settings(): Settings {
  current ??= readSettings(process.env);
  return current;
}

/**
 * `settings()` for a command line tool: a bad value is printed to stderr, one line per variable,
 * and the process exits with code 2 (a usage error, as for a bad option).
 */
export function settingsOrExit(): Settings {
  try {
    return settings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
