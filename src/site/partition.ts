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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { settings } from '../settings.ts';
import type { Snippet } from '../entities/mentions.ts';
import type { ArticleRenderMetadata } from './article-prepare.ts';

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
    throw new Error(`${file}: ${what} cannot be read (${(error as Error).message}); run npm run build:partitioned`);
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

/** An article's prepared record, written with the index (src/site/partitioned-build.ts). */
export function readPrepared(dir: string, key: string): PreparedRecord {
  return readSerialized(preparedFile(dir, key), "the article's prepared record");
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

let current: Partition | null | undefined;

/** This build's partition (`MARSAD_PARTITION`), or null for a whole build. */
export function currentPartition(): Partition | null {
  if (current === undefined) {
    const file = settings().partition;
    current = file ? readPartition(file) : null;
  }
  return current;
}
