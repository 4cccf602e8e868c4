/**
 * Partitioned builds (docs/scale.md, "Partitioned builds"): the site built as several `astro build`
 * runs that each hold the bodies of a few articles only, against one archive index computed
 * beforehand, then merged into one `dist/`.
 *
 * - The **archive index** is every article's light record — its id, digest, frontmatter and its
 *   mention counts by entity and zone — written by `src/cli/build-partitioned.ts` with the loader's
 *   own preparer. Everything an article page derives from the whole archive (the mention index,
 *   related stories, neighbours by day and outlet) is computed from it; no build needs another
 *   article's body.
 * - Each article's HTML and its **prepared record** (everything the loader found in it: the
 *   sentences naming each entity, the hidden search fields, the start of its text) are files of
 *   their own beside the index, read by the partition that renders its page. The starts of the
 *   articles' texts are also written together (`leads.v8`, the search tables' word counts, read by
 *   the lists partition), and the sentences **per entity**
 *   (`snippets/<entity>.v8`), which the lists partition reads one entity at a time as it renders
 *   that entity's pages. So a partition's memory grows with the archive by one small record per
 *   article, whatever the archive's text.
 * - A **partition** is a JSON file (`MARSAD_PARTITION`) naming the index, the articles whose pages
 *   it writes, and whether it writes the lists (every page that is not an article's).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { settings } from '../settings.ts';
import type { Snippet } from '../entities/mentions.ts';
import type { ArticleRenderMetadata } from './article-prepare.ts';
import type { FileStamp } from './file-stamp.ts';

/** What the index keeps of one article (its prepared record, `readPrepared`, has the rest). */
export interface ArchiveRecord {
  id: string;
  /** Digest of the article's file, the registry and the code that prepares it: names its HTML file. */
  key: string;
  /** The file, relative to the project root (POSIX separators), as the content store records it. */
  filePath: string;
  frontmatter: Record<string, unknown>;
  /** Its mention counts (what it is about: related stories, the mention index) by entity and zone. */
  metadata: Pick<ArticleRenderMetadata, 'counts' | 'zones'>;
}

/**
 * An article's light record (its entry's `rendered.metadata` as pages see it, src/site/data.ts):
 * what pages about other articles read of it. A partition's content store holds it; a whole
 * build's loader keeps it in the records file (`StoredArticle`, below). Its HTML and prepared
 * record are files (`htmlFile`, `preparedFile`) in the body folder (`articleBodyDir`), read by its
 * own page as it renders: no store, which Astro writes, reads back and bundles into its build as
 * one module at every build, holds an article's text.
 */
export interface StoredArticleMetadata extends Pick<ArticleRenderMetadata, 'counts' | 'zones'> {
  /** The start of its text (`articleLead`): the site's word counts. Null in a partition that writes no lists. */
  lead: string | null;
  /** The key of its HTML and prepared record in the body folder; null in a partition that does not write its page. */
  body: string | null;
}

/** Everything the loader's preparer found in one article but its HTML (`<dir>/prepared/<key>.v8`). */
export interface PreparedRecord {
  frontmatter: Record<string, unknown>;
  metadata: ArticleRenderMetadata;
  /**
   * The start of its text (`articleLead`, src/site/search/lead.ts): all that any page but its own
   * reads of its body (the site's word counts), kept by the lists partition as its body.
   */
  lead: string;
}

export interface ArchiveIndex {
  version: typeof INDEX_VERSION;
  records: ArchiveRecord[];
}

export interface Partition {
  /** A name for logs and folders (`2015-07`, `lists`). */
  name: string;
  /** The archive index file (absolute). */
  index: string;
  /** The ids of the articles whose pages this partition writes (their HTML is loaded); empty for none. */
  articles: string[];
  /** Whether it writes every page that is not an article's (home, lists, entities, feeds, search tables, 404…). */
  lists: boolean;
}

const INDEX_VERSION = 3;

/** The file of the archive index in its folder, and the folder of the articles' HTML beside it. */
export const indexFile = (dir: string): string => path.join(dir, 'archive-index.v8');
export const htmlFile = (dir: string, key: string): string => path.join(dir, 'html', `${key}.html`);
export const preparedFile = (dir: string, key: string): string => path.join(dir, 'prepared', `${key}.v8`);

/** The file of an entity's sentences (article id → the sentences naming it), beside the index. */
export const snippetsFile = (dir: string, entityId: string): string => path.join(dir, 'snippets', `${encodeURIComponent(entityId)}.v8`);

/**
 * A file the plan step wrote with V8's serializer, or `missing` when there is none (without
 * `missing`, an error naming the file and what it should hold).
 */
function readSerialized<T>(file: string, what: string, missing?: () => T): T {
  try {
    return deserialize(readFileSync(file)) as T;
  } catch (error) {
    if (missing && (error as NodeJS.ErrnoException).code === 'ENOENT') return missing();
    throw new Error(
      `${file}: ${what} cannot be read (${(error as Error).message}); build the site again (npm run build, or npm run build:partitioned)`,
    );
  }
}

/** An entity's sentences by article, as the plan step wrote them (none when no article's text names it). */
export function readEntitySnippets(dir: string, entityId: string): Map<string, Snippet[]> {
  return readSerialized(snippetsFile(dir, entityId), "the entity's sentences", () => new Map());
}

/** The file of every article's lead (article id → `articleLead` of its HTML), beside the index. */
export const leadsFile = (dir: string): string => path.join(dir, 'leads.v8');

/** Every article's lead, as the plan step wrote them with the index. */
export function readLeads(dir: string): Map<string, string> {
  return readSerialized(leadsFile(dir), "the articles' leads");
}

/** An article's prepared record, written with the index (src/site/partitioned-build.ts) or by the loader. */
export function readPrepared(dir: string, key: string): PreparedRecord {
  return readSerialized(preparedFile(dir, key), "the article's prepared record");
}

/** Writes an article's HTML and prepared record into a body folder (the HTML last: its file marks the pair complete). */
export function writeArticleBody(dir: string, key: string, html: string, record: PreparedRecord): void {
  writeFileSync(preparedFile(dir, key), serialize(record));
  writeFileSync(htmlFile(dir, key), html);
}

/** Writes an index (V8's serializer keeps the metadata's Maps as they are). */
export function serializeIndex(records: ArchiveRecord[]): Buffer {
  const index: ArchiveIndex = { version: INDEX_VERSION, records };
  return serialize(index);
}

export function readArchiveIndex(file: string): ArchiveIndex {
  const index = readSerialized<ArchiveIndex>(file, 'the archive index');
  if (index?.version !== INDEX_VERSION || !Array.isArray(index.records)) {
    throw new Error(`${file}: not an archive index of this version (${INDEX_VERSION}); run npm run build:partitioned again`);
  }
  return index;
}

/** Reads and checks a partition file, naming the file and the problem. */
export function readPartition(file: string): Partition {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: the partition file cannot be read (${(error as Error).message})`);
  }
  const p = raw as Partial<Partition>;
  const problems: string[] = [];
  if (typeof p?.name !== 'string' || p.name === '') problems.push('"name" must be a non-empty string');
  if (typeof p?.index !== 'string' || !path.isAbsolute(p.index)) problems.push('"index" must be the absolute path of an archive index');
  if (!Array.isArray(p?.articles) || p.articles.some((id) => typeof id !== 'string'))
    problems.push('"articles" must be a list of article ids');
  if (typeof p?.lists !== 'boolean') problems.push('"lists" must be true or false');
  if (problems.length > 0) throw new Error(`${file}: not a partition file: ${problems.join('; ')}`);
  return p as Partition;
}

/**
 * Where this build's articles' HTML and prepared records are: beside the archive index in a
 * partitioned build, in the build cache (`<cacheDir>/marsad-articles/`) in a whole one.
 */
export function articleBodyDir(): string {
  const partition = currentPartition();
  return partition ? path.dirname(partition.index) : wholeBuildBodyDir(settings().cacheDir);
}

/**
 * What a whole build's loader keeps of one article beside its body files: everything pages about
 * other articles read of it (its frontmatter as the collection's schema parsed it, and its light
 * record). Astro's content store holds only its id and digest: Astro writes the store, reads it
 * back and compiles it into the build as one JavaScript module at every build, which cost seconds
 * per build at 31,000 articles with the frontmatter and light records in it (docs/scale.md).
 */
export interface StoredArticle {
  digest: string;
  /**
   * The file's time and size when `digest` was taken (`settledStamp`, src/site/file-stamp.ts),
   * with the digest of the registry and code it was taken with: a file with the same stamp and
   * context is not read again.
   */
  source?: FileStamp & { context: string };
  filePath: string;
  data: Record<string, unknown>;
  metadata: StoredArticleMetadata;
}

const RECORDS_VERSION = 1;

/** The file of a whole build's article records (`StoredArticle` by id) in its body folder. */
export const articleRecordsFile = (dir: string): string => path.join(dir, 'articles.v8');

/**
 * A whole build's article records as its loader last wrote them; with `orEmpty`, none when there
 * is no such file (the loader's first build), else an error naming the file.
 */
export function readArticleRecords(dir: string, { orEmpty = false } = {}): Map<string, StoredArticle> {
  const file = articleRecordsFile(dir);
  const none = () => ({ version: RECORDS_VERSION, records: new Map<string, StoredArticle>() });
  const stored = readSerialized<{ version: number; records: Map<string, StoredArticle> }>(
    file,
    "the articles' records",
    orEmpty ? none : undefined,
  );
  if (stored?.version !== RECORDS_VERSION || !(stored.records instanceof Map))
    throw new Error(`${file}: not a file of article records of this version (${RECORDS_VERSION}); build the site again`);
  return stored.records;
}

/** Writes a whole build's article records (to a temporary file first: a build that stops half way leaves the last one). */
export function writeArticleRecords(dir: string, records: Map<string, StoredArticle>): void {
  const file = articleRecordsFile(dir);
  writeFileSync(`${file}.tmp`, serialize({ version: RECORDS_VERSION, records }));
  renameSync(`${file}.tmp`, file);
}

/** The body folder of a whole build inside its cache folder (`MARSAD_CACHE_DIR`, Astro's `cacheDir`). */
export const wholeBuildBodyDir = (cacheDir: string): string => path.resolve(cacheDir, 'marsad-articles');

let current: Partition | null | undefined;

/** This build's partition (`MARSAD_PARTITION`), or null for a whole build. */
export function currentPartition(): Partition | null {
  if (current === undefined) {
    const file = settings().partition;
    current = file ? readPartition(file) : null;
  }
  return current;
}
