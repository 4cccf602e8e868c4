/**
 * The output folder of articles: what it already holds (indexed from frontmatter at start, one
 * small read per file, bodies never kept), and the rules for writing into it —
 *
 * - the same input again (same raw bytes, same file name) → `unchanged`, or rewritten when ingest
 *   now writes it differently and nobody edited the file since (`mdxHash` still matches);
 * - the same text from another input (equal `contentHash`, or the same bytes under another
 *   name) → `duplicate`, nothing written;
 * - a new text at the URL of an article already in the folder or written earlier in this run:
 *   a revision of that article when the texts are alike (`REVISION_SIMILARITY`; the most alike
 *   article at the URL), which is updated in place (same id) when nobody edited it, its replaced
 *   text recorded in `earlierVersions`; otherwise a new article — a section URL that a scraper
 *   records for many stories holds many articles;
 * - an input or a text that a revision replaced (in `earlierVersions`) → `unchanged` or
 *   `duplicate` of the article that holds the revision: an old text never updates it back;
 * - a file edited by hand (its `mdxHash` no longer matches, or it has none and differs from
 *   what ingest would write) → `kept`, unless `--force`;
 * - every write goes to a temporary file in the same folder, then is renamed over the target:
 *   an interrupted run leaves whole articles only. The folder exists before the first write
 *   (`prepareOutputFolder`).
 *
 * Writes run in the background (libuv's thread pool) while the next articles are parsed; `put`
 * returns a promise that settles when its article is on disk, and writes to one file keep their order.
 *
 * The outcome of an input depends on the inputs before it, never on how they were split into
 * runs: what a run indexes, a later run finds in the folder's frontmatter.
 *
 * The index holds only files that are on disk: found when the store opened, or whose write has
 * succeeded. An article whose write is still queued is known as `writing`; the same text again
 * meanwhile is its duplicate only if that write succeeds (its `done` says so). A failed write leaves
 * no trace: a later input with the same text is written again, never a duplicate of a missing file.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import {
  type Article,
  articleId,
  articleToMdx,
  type EarlierVersion,
  isUnedited,
  readFrontmatter,
  splitMdxHash,
  withEarlierVersions,
  withMdxHash,
} from '../index.ts';
import { canReach, REVISION_SIMILARITY, type Sketch, similarity, sketchOfMdx } from '../similarity.ts';
import { answering, type FolderOptions, Interrupted } from './folder.ts';
import { fsProblem, OutputFolderError, writeFailureScope } from './fs-errors.ts';

/** What the store knows of one article file. */
interface Entry {
  id: string;
  sourceFile: string;
  contentHash: string;
  sha256: string;
  url: string | null;
  /** Texts that revisions of this article replaced, oldest first. */
  earlier: EarlierVersion[];
}

/** An entry found by a hash: by its current text, or by one of its earlier versions. */
interface Match<T extends Entry> {
  entry: T;
  earlier: EarlierVersion | null;
}

/** The article a new text revises: its input, and how alike the two texts are. */
export interface Revision {
  of: string;
  similarity: number;
}

/**
 * What `put` did. `done` settles when the outcome holds: the article's file (or the file it is
 * the same as, when that one is still being written) is on disk; it rejects with a `WriteError`
 * when that write failed.
 */
export type PutResult =
  | { status: 'written'; id: string; updated: boolean; revision: Revision | null; done: Promise<void> }
  | { status: 'unchanged'; id: string; revisedBy: string | null; done: Promise<void> }
  | { status: 'duplicate'; id: string; of: string; revisedBy: string | null; done: Promise<void> }
  | { status: 'kept'; id: string; done: Promise<void> };

/** A write that failed: the message names the file; `problem` says what went wrong, in words. */
export class WriteError extends Error {
  readonly problem: string;
  readonly code: string | undefined;
  constructor(message: string, problem: string, code: string | undefined) {
    super(message);
    this.name = 'WriteError';
    this.problem = problem;
    this.code = code;
  }
}

/** Lookups by content hash and by input hash, of articles' current and earlier texts. */
class ArticleIndex<T extends Entry> {
  readonly byContent = new Map<string, Match<T>>();
  readonly byInput = new Map<string, Match<T>>();

  add(entry: T): void {
    for (const earlier of entry.earlier) {
      this.byContent.set(earlier.contentHash, { entry, earlier });
      this.byInput.set(earlier.sha256, { entry, earlier });
    }
    this.byContent.set(entry.contentHash, { entry, earlier: null });
    if (entry.sha256) this.byInput.set(entry.sha256, { entry, earlier: null });
  }

  /** Forgets `entry` where it is still the one indexed. */
  remove(entry: T): void {
    for (const map of [this.byContent, this.byInput]) {
      for (const key of [entry.contentHash, entry.sha256, ...entry.earlier.flatMap((e) => [e.contentHash, e.sha256])]) {
        if (map.get(key)?.entry === entry) map.delete(key);
      }
    }
  }
}

/** An article whose write is queued; `done` settles when it is on disk (or failed). */
interface Writing extends Entry {
  done: Promise<void>;
}

const ON_DISK: Promise<void> = Promise.resolve();

/** Temporary files this module writes: `.<id>.mdx.<pid>.<n>.tmp`. */
const TEMP = /^\.(.+\.mdx)\.(\d+)(?:\.\d+)?\.tmp$/;

export class ArticleStore {
  /** Articles on disk. */
  private onDisk = new ArticleIndex<Entry>();
  /** Articles whose write is queued, not yet on disk. */
  private writing = new ArticleIndex<Writing>();
  /** Articles by URL, each by id (see `put`). */
  private byUrl = new Map<string, Map<string, Entry>>();
  /** Sketches of articles' current texts, made when a new text at their URL is compared with them. */
  private sketches = new Map<string, Sketch>();
  /** Ids of the files in the folder (with or without an index entry). */
  private ids = new Set<string>();
  /** Per target file: the last write queued and the content it writes. */
  private pending = new Map<string, { done: Promise<void>; content: string }>();
  private temps = 0;
  private folderFailure: WriteError | null = null;

  readonly dir: string;
  private readonly dryRun: boolean;

  private constructor(dir: string, dryRun: boolean) {
    this.dir = dir;
    this.dryRun = dryRun;
  }

  /**
   * Opens (without creating) the folder and indexes the articles in it. Only regular files are
   * read (a FIFO named `x.mdx` would block the read forever); the listing is bounded by the
   * folder's timeout, and the event loop is given a turn every few hundred files so that signals
   * are heard while a large folder is indexed (an abort stops the indexing).
   */
  static async open(dir: string, options: { dryRun?: boolean } & FolderOptions = {}): Promise<ArticleStore> {
    const store = new ArticleStore(dir, options.dryRun ?? false);
    let entries: fs.Dirent[] = [];
    try {
      entries = await answering(fsp.readdir(dir, { withFileTypes: true }), dir, options);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (error instanceof OutputFolderError || error instanceof Interrupted) throw error;
      if (e.code !== 'ENOENT') throw new OutputFolderError(`cannot read output folder ${dir}: ${fsProblem(e)}`, e.code);
    }
    for (const [i, dirent] of entries.entries()) {
      if (i % 500 === 499) {
        await new Promise((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) break;
      }
      const { name } = dirent;
      const temp = TEMP.exec(name);
      if (temp) {
        if (!options.dryRun && !isRunning(Number(temp[2]))) fs.rmSync(path.join(dir, name), { force: true });
        continue;
      }
      if (!name.endsWith('.mdx') || name.startsWith('.')) continue;
      const id = name.slice(0, -'.mdx'.length);
      // The name is taken whatever it is; only a regular file (or a link to one) is read.
      store.ids.add(id);
      const file = path.join(dir, name);
      if (!(dirent.isFile() || (dirent.isSymbolicLink() && isFile(file)))) continue;
      let entry: Entry | null;
      try {
        entry = readEntry(file, id);
      } catch (error) {
        throw new OutputFolderError(
          `cannot read output folder ${dir}: ${name}: ${fsProblem(error as NodeJS.ErrnoException)}`,
          (error as NodeJS.ErrnoException).code,
        );
      }
      if (entry) {
        store.onDisk.add(entry);
        store.indexUrl(entry, null);
      }
    }
    return store;
  }

  /** Number of articles indexed. */
  get size(): number {
    return this.ids.size;
  }

  /**
   * Writes (or not) one ingested article, by the rules above. `mdx` is the file to write, when
   * already rendered (`withMdxHash(articleToMdx(article))`; the file does not depend on the id).
   */
  put(article: Article, force = false, mdx = withMdxHash(articleToMdx(article))): PutResult {
    // A write still queued is newer than what is on disk: it is looked up first.
    const sameInput = this.writing.byInput.get(article.source.sha256) ?? this.onDisk.byInput.get(article.source.sha256);
    if (sameInput) {
      const { entry, earlier } = sameInput;
      if ((earlier?.file ?? entry.sourceFile) !== article.source.file) return this.duplicateOf(entry, earlier);
      // The same input as a text a revision replaced: the article holds the revision.
      if (earlier)
        return { status: 'unchanged', id: entry.id, revisedBy: entry.sourceFile, done: this.afterEntry(entry, 'the same input') };
      return this.update(entry, article, force, withEarlierVersions(mdx, entry.earlier), entry.earlier, null);
    }
    const sameContent = this.writing.byContent.get(article.contentHash) ?? this.onDisk.byContent.get(article.contentHash);
    if (sameContent) return this.duplicateOf(sameContent.entry, sameContent.earlier);
    // A new text at the URL of a known article: the outlet revised its story when the texts are
    // alike; else another story at that URL (a section page), a new article.
    const revised = this.revisedArticle(article, mdx);
    if (revised) {
      const { entry, similarity: alike } = revised;
      const earlier = [...entry.earlier, { file: entry.sourceFile, sha256: entry.sha256, contentHash: entry.contentHash }];
      return this.update(entry, article, force, withEarlierVersions(mdx, earlier), earlier, { of: entry.sourceFile, similarity: alike });
    }

    const id = this.newId(article);
    return { status: 'written', id, updated: false, revision: null, done: this.write(entryOf(id, article, []), mdx, null) };
  }

  /** The article at the new text's URL that it revises: the most alike, if alike enough. */
  private revisedArticle(article: Article, mdx: string): { entry: Entry; similarity: number } | null {
    const candidates = article.source.url ? this.byUrl.get(article.source.url) : undefined;
    if (!candidates || candidates.size === 0) return null;
    const sketch = sketchOfMdx(mdx);
    let best: { entry: Entry; similarity: number } | null = null;
    for (const entry of candidates.values()) {
      const other = this.sketchOf(entry);
      if (!other || !canReach(sketch, other, REVISION_SIMILARITY)) continue;
      const alike = similarity(sketch, other);
      if (alike < REVISION_SIMILARITY) continue;
      if (!best || alike > best.similarity || (alike === best.similarity && entry.id < best.entry.id)) best = { entry, similarity: alike };
    }
    return best;
  }

  /** The sketch of an article's current text: from the write queued for it, else its file. */
  private sketchOf(entry: Entry): Sketch | null {
    const known = this.sketches.get(entry.id);
    if (known) return known;
    let content = this.pending.get(this.pathOf(entry.id))?.content;
    if (content === undefined) {
      try {
        content = fs.readFileSync(this.pathOf(entry.id), 'utf8');
      } catch {
        return null; // deleted since it was indexed
      }
    }
    const sketch = sketchOfMdx(content);
    this.sketches.set(entry.id, sketch);
    return sketch;
  }

  /** Indexes `entry` under its URL (one that can name an article), in place of `previous`. */
  private indexUrl(entry: Entry, previous: Entry | null): void {
    if (previous?.url) this.byUrl.get(previous.url)?.delete(previous.id);
    if (!entry.url || !articleUrl(entry.url)) return;
    let atUrl = this.byUrl.get(entry.url);
    if (!atUrl) this.byUrl.set(entry.url, (atUrl = new Map()));
    atUrl.set(entry.id, entry);
  }

  /**
   * The first failed write after which nothing more can be written to the folder (full,
   * read-only, refused, gone: see `writeFailureScope`); every later write fails with it at once.
   */
  get failure(): WriteError | null {
    return this.folderFailure;
  }

  /** Settles when every queued write is on disk. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending.values()].map((p) => p.done));
  }

  /**
   * `duplicate` of an article on disk, or of one being written (then only if that write
   * succeeds); `earlier` when the input is the same as a text of it that a revision replaced.
   */
  private duplicateOf(entry: Entry | Writing, earlier: EarlierVersion | null): PutResult {
    const done = this.afterEntry(entry, 'the same text');
    if (earlier) return { status: 'duplicate', id: entry.id, of: earlier.file, revisedBy: entry.sourceFile, done };
    return { status: 'duplicate', id: entry.id, of: entry.sourceFile, revisedBy: null, done };
  }

  /** Settles once `entry`'s file is on disk (at once, unless its write is still queued). */
  private afterEntry(entry: Entry | Writing, what: string): Promise<void> {
    return 'done' in entry
      ? this.after(entry.done, `${what} as ${entry.sourceFile}, whose file ${entry.id}.mdx could not be written`)
      : ON_DISK;
  }

  /** Settles with `write`; its failure is reported as `reason` ("…: <problem>"). */
  private after(write: Promise<void>, reason: string): Promise<void> {
    const done = write.catch((error: WriteError) => {
      throw new WriteError(`${reason}: ${error.problem}`, error.problem, error.code);
    });
    done.catch(() => {}); // reported by whoever awaits it; never an unhandled rejection
    return done;
  }

  /**
   * Rewrites `entry`'s file with `article` (whose file is `mdx`, with `earlier` in it) unless it
   * is unchanged or was edited by hand; `revision` when the article is a revision of it.
   */
  private update(
    entry: Entry | Writing,
    article: Article,
    force: boolean,
    mdx: string,
    earlier: EarlierVersion[],
    revision: Revision | null,
  ): PutResult {
    const bare = splitMdxHash(mdx).mdx;
    const file = this.pathOf(entry.id);
    const queued = this.pending.get(file);
    let current: string | null = queued?.content ?? null;
    if (current === null) {
      try {
        current = fs.readFileSync(file, 'utf8');
      } catch {
        // Deleted since it was indexed (or written in this dry run): write it again.
      }
    }
    if (current === mdx || current === bare) {
      // Unchanged from the file on disk, or from the write still queued for it (if that succeeds).
      const done = queued
        ? this.after(queued.done, `the same input as ${entry.sourceFile}, whose file ${entry.id}.mdx could not be written`)
        : ON_DISK;
      return { status: 'unchanged', id: entry.id, revisedBy: null, done };
    }
    if (current !== null && isUnedited(current) !== true && !force) return { status: 'kept', id: entry.id, done: ON_DISK };
    return { status: 'written', id: entry.id, updated: true, revision, done: this.write(entryOf(entry.id, article, earlier), mdx, entry) };
  }

  /** `<id>` for a new article: a longer prefix of its content hash when that one is taken. */
  private newId(article: Article): string {
    for (const length of [article.id.length, 16, 24, 64]) {
      const id = articleId(article.contentHash, length);
      if (!this.ids.has(id) && !this.pending.has(this.pathOf(id))) return id;
    }
    throw new Error(`cannot name ${article.contentHash}: every candidate file exists`);
  }

  private pathOf(id: string): string {
    return path.join(this.dir, `${id}.mdx`);
  }

  /**
   * Writes `entry`'s file via a temporary file in the same folder and a rename, so readers never
   * see half a file; after any earlier write to the same file. The entry is indexed as on disk
   * once the rename has succeeded; until then it is `writing`, and a failure removes it.
   * `previous` is the entry of the file it replaces.
   */
  private write(entry: Entry, content: string, previous: Entry | null): Promise<void> {
    this.sketches.delete(entry.id);
    this.indexUrl(entry, previous);
    if (this.dryRun) {
      this.ids.add(entry.id);
      this.onDisk.add(entry);
      // Nothing reaches the disk: a later text at the same URL is compared with this sketch.
      if (entry.url && articleUrl(entry.url)) this.sketches.set(entry.id, sketchOfMdx(content));
      return ON_DISK;
    }
    const file = this.pathOf(entry.id);
    const temp = path.join(this.dir, `.${entry.id}.mdx.${process.pid}.${++this.temps}.tmp`);
    const before = this.pending.get(file)?.done ?? ON_DISK;
    const done = before
      .catch(() => {})
      .then(async () => {
        if (this.folderFailure) throw this.folderFailure;
        try {
          await fsp.writeFile(temp, content);
          await fsp.rename(temp, file);
        } catch (error) {
          await fsp.rm(temp, { force: true }).catch(() => {});
          const { code } = error as NodeJS.ErrnoException;
          const problem = fsProblem(error as NodeJS.ErrnoException);
          const failure = new WriteError(`cannot write ${entry.id}.mdx: ${problem}`, problem, code);
          if (writeFailureScope(code) === 'folder') this.folderFailure ??= failure;
          throw failure;
        }
      });
    const writing: Writing = { ...entry, done };
    this.writing.add(writing);
    const queued = { done, content };
    this.pending.set(file, queued);
    const settle = (ok: boolean) => {
      this.writing.remove(writing);
      if (ok) {
        this.ids.add(entry.id);
        this.onDisk.add(entry);
      } else if (entry.url && this.byUrl.get(entry.url)?.get(entry.id) === entry) {
        // The file holds what it held before, if anything.
        this.byUrl.get(entry.url)!.delete(entry.id);
        if (previous) this.indexUrl(previous, null);
        this.sketches.delete(entry.id);
      }
      if (this.pending.get(file) === queued) this.pending.delete(file);
    };
    done.then(
      () => settle(true),
      () => settle(false),
    );
    return done;
  }
}

/** A URL that can name one article: it has a path or a query, not just a host. */
function articleUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.pathname.length > 1 || u.search.length > 1;
  } catch {
    return false;
  }
}

function entryOf(id: string, article: Article, earlier: EarlierVersion[]): Entry {
  return {
    id,
    sourceFile: article.source.file,
    contentHash: article.contentHash,
    sha256: article.source.sha256,
    url: article.source.url,
    earlier,
  };
}

/** The index entry of one article file, from its frontmatter (null when it has no content hash). */
function readEntry(file: string, id: string): Entry | null {
  const head = readHead(file);
  const entry = fastEntry(head, id) ?? slowEntry(head, id);
  // Copies, so that the index does not keep each file's head alive (V8 substrings share it).
  return (
    entry && {
      id: entry.id,
      contentHash: detach(entry.contentHash),
      sha256: detach(entry.sha256),
      sourceFile: detach(entry.sourceFile),
      url: entry.url === null ? null : detach(entry.url),
      earlier: entry.earlier.map((e) => ({ file: detach(e.file), sha256: detach(e.sha256), contentHash: detach(e.contentHash) })),
    }
  );
}

function slowEntry(head: string, id: string): Entry | null {
  const data = readFrontmatter(head);
  const source = data?.source as { file?: unknown; sha256?: unknown; url?: unknown } | undefined;
  if (typeof data?.contentHash !== 'string') return null;
  return {
    id,
    contentHash: data.contentHash,
    sha256: typeof source?.sha256 === 'string' ? source.sha256 : '',
    sourceFile: typeof source?.file === 'string' ? source.file : `${id}.mdx`,
    url: typeof source?.url === 'string' ? source.url : null,
    earlier: earlierVersions(data.earlierVersions),
  };
}

/** The `earlierVersions` a file records (the well-formed ones). */
function earlierVersions(value: unknown): EarlierVersion[] {
  if (!Array.isArray(value)) return [];
  const hex = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
  return value.flatMap((v: unknown): EarlierVersion[] => {
    const { file, sha256, contentHash } = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
    return typeof file === 'string' && hex(sha256) && hex(contentHash) ? [{ file, sha256, contentHash }] : [];
  });
}

function detach(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The file up to the end of its frontmatter (it usually fits in 2 KB), or all of it. */
const HEAD_BUFFER = Buffer.alloc(2048);
function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = HEAD_BUFFER;
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const head = buffer.toString('utf8', 0, n);
    if (n < buffer.length || /\n---[ \t]*\r?\n/.test(head.slice(3))) return head;
  } finally {
    fs.closeSync(fd);
  }
  return fs.readFileSync(file, 'utf8');
}

/** Reads the fields ingest writes, as ingest writes them; null sends the file to the YAML parser. */
function fastEntry(head: string, id: string): Entry | null {
  const end = head.startsWith('---\n') ? head.indexOf('\n---\n', 3) : -1;
  if (end < 0) return null;
  const yaml = head.slice(4, end + 1);
  const contentHash = /^contentHash: ([0-9a-f]{64})$/m.exec(yaml)?.[1];
  const sha256 = /^ {2}sha256: ([0-9a-f]{64})$/m.exec(yaml)?.[1];
  const file = /^ {2}file: (.+)$/m.exec(yaml)?.[1];
  const url = /^ {2}url: (.+)$/m.exec(yaml)?.[1];
  if (!contentHash || !sha256 || !file || !url || !/^source:$/m.test(yaml) || /^earlierVersions:/m.test(yaml)) return null;
  const scalar = (value: string): unknown => (/^[\w\u0600-\u06FF][^#:]*$/.test(value) && !/\s$/.test(value) ? value : parse(value));
  const sourceFile = scalar(file);
  const sourceUrl = url === 'null' ? null : scalar(url);
  if (typeof sourceFile !== 'string' || (sourceUrl !== null && typeof sourceUrl !== 'string')) return null;
  return { id, contentHash, sha256, sourceFile, url: sourceUrl, earlier: [] };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
