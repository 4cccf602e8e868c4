/**
 * One ingest run, as the CLI (src/cli/ingest.ts) and the benchmark (scripts/bench-ingest.ts) do
 * it: read inputs as a stream, ingest them in batches (on worker threads for large runs), write
 * each article into the folder by the store's rules, and report one line per input, in input
 * order, once its file is on disk.
 */
import { shownName } from '../../core/shown-name.ts';
import { plainText } from '../text.ts';
import type { Article } from '../types.ts';
import { processItems, type WorkItem, type WorkResult } from './ingest-item.ts';
import { type FileFormat, type InputItem, planInputs, readInputs } from './inputs.ts';
import { answering, Interrupted, prepareOutputFolder } from './folder.ts';
import { FolderLock } from './lock.ts';
import { WorkerPool } from './pool.ts';
import { writeFailureScope } from './fs-errors.ts';
import { ArticleStore, type PutResult, type WriteError } from './store.ts';

export { ingestItem } from './ingest-item.ts';

export interface RunOptions {
  /** Files, folders and `-` (stdin). */
  paths: string[];
  /** The article folder. */
  outDir: string;
  /** Overwrite articles edited by hand. */
  force?: boolean;
  /** Report, write nothing. */
  dryRun?: boolean;
  /** After each line, what was removed from the text and where each metadata field came from. */
  explain?: boolean;
  /** Forces the format of every input. */
  format?: FileFormat;
  /** Where `-` reads from. */
  stdin?: AsyncIterable<Uint8Array>;
  /** Stops the run after the inputs already read (or while it waits for the output folder). */
  signal?: AbortSignal;
  /** How long the output folder may take to answer (default `FOLDER_TIMEOUT_MS`). */
  folderTimeoutMs?: number;
  /** Worker threads (default: by the size of the input, see `ingestWorkers`). */
  jobs?: number;
  /**
   * Only the first `limit` inputs, in input order, that the days below keep (rejected inputs
   * count: they are reported); nothing after them is read, or, with days, handled.
   */
  limit?: number;
  /**
   * Only articles published from `since` to `until` (YYYY-MM-DD, both included), by the date ingest
   * resolves for them (`published`: the record's date field, else the text's, the URL's or the day
   * the record was collected); an undated article is left out when either is given. Articles left
   * out are counted (`skipped`), not reported one by one; rejected inputs are still reported.
   */
  since?: string;
  until?: string;
}

/** Where a run reports to. */
export interface Reporter {
  /** One output line (an input's outcome, or an `--explain` detail). */
  line(text: string, outcome: Outcome | 'detail'): void;
  /** Progress after each input. */
  progress?(progress: Progress): void;
  /** A warning about the run itself (a stale lock taken over). */
  warn?(message: string): void;
}

export type Outcome = 'written' | 'unchanged' | 'duplicate' | 'kept' | 'rejected';

export interface Progress {
  /** Inputs handled so far (articles, records and rejected inputs). */
  inputs: number;
  /** Bytes of input files read so far, and in all. */
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
  /** The input just handled. */
  current: string;
}

export interface Summary extends Record<Outcome, number> {
  inputs: number;
  /** Of `written`: articles rewritten in place. */
  updated: number;
  elapsedMs: number;
  interrupted: boolean;
  /**
   * Why the run stopped early because nothing more could be written to the output folder (full,
   * read-only, refused: "cannot write to output folder X: no space left on device (ENOSPC)").
   */
  stopped: string | null;
  /** Inputs handled whose file could not be written because of that (not otherwise reported). */
  notWritten: number;
  /** Articles left out because they are dated outside `since`…`until`, or undated (not in `inputs`). */
  skipped: number;
  /** Worker threads used. */
  jobs: number;
}

/** Items per batch, and batches in flight per worker. */
const BATCH = 32;
const BATCHES_PER_WORKER = 3;
/** How many written articles may wait for their file to reach the disk. */
const WRITE_WINDOW = 256;

/**
 * Worker threads worth starting for a run reading this many bytes: none for small runs (under
 * 2 MB), else one per CPU but one (the main thread reads, unpacks and writes), from one to four.
 */
export const ingestWorkers = (totalBytes: number): number => WorkerPool.sizeFor(totalBytes, { minimum: 2 * 1024 * 1024, spare: 1 });

/**
 * Runs ingest over the inputs; resolves with the counts once every input is handled, or once
 * the output folder failed (`stopped`: full, read-only…; the inputs handled before are reported,
 * the rest are not read). Throws an `OutputFolderError` when the output folder cannot be created,
 * locked or read (`FolderInUseError`: another ingest is writing to it).
 */
export async function runIngest(options: RunOptions, reporter: Reporter): Promise<Summary> {
  const started = performance.now();
  const summary: Summary = {
    inputs: 0,
    written: 0,
    updated: 0,
    unchanged: 0,
    duplicate: 0,
    kept: 0,
    rejected: 0,
    elapsedMs: 0,
    interrupted: false,
    stopped: null,
    notWritten: 0,
    skipped: 0,
    jobs: 0,
  };
  const opened = await openStore(options, reporter);
  if (!opened) {
    summary.interrupted = true;
    summary.elapsedMs = performance.now() - started;
    return summary;
  }
  const { store, lock } = opened;
  const { inputs, totalBytes } = planInputs(options.paths);
  const explaining = options.explain ?? false;
  const pool = new WorkerPool<WorkItem[], WorkResult[]>(new URL('./worker.ts', import.meta.url), {
    size: options.jobs ?? ingestWorkers(totalBytes),
    inline: (items) => processItems(items, explaining),
    workerData: { explain: explaining },
    // A small young generation keeps each worker's memory low; its work is many short-lived strings.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  summary.jobs = pool.size;
  const suffix = options.dryRun ? ' (dry run)' : '';
  let bytesRead = 0;

  // Outcomes are reported in input order, each once its file (if any) is on disk.
  const waiting: Array<{ display: string; put: PutResult | null; lines: string[]; outcome: Outcome }> = [];
  const report = async (all: boolean) => {
    while (waiting.length > (all ? 0 : WRITE_WINDOW)) {
      const next = waiting.shift()!;
      if (next.put) {
        // The outcome holds once its file is on disk: a write that failed rejects the input.
        try {
          await next.put.done;
        } catch (error) {
          summary[next.put.status]--;
          if (next.put.status === 'written' && next.put.updated) summary.updated--;
          if (writeFailureScope((error as WriteError).code) === 'folder') {
            // The run stops on the folder's failure (one line for it, not one per input).
            summary.notWritten++;
            continue;
          }
          summary.rejected++;
          reporter.line(`rejected ${next.display}: ${(error as Error).message}`, 'rejected');
          continue;
        }
      }
      for (const [i, line] of next.lines.entries()) reporter.line(line, i === 0 ? next.outcome : 'detail');
    }
  };

  const dated = options.since !== undefined || options.until !== undefined;
  const inDays = (published: string | null) =>
    published !== null &&
    (options.since === undefined || published >= options.since) &&
    (options.until === undefined || published <= options.until);
  /** Whether `limit` inputs were handled: later ones (read while it filled) are not. */
  const full = () => options.limit !== undefined && summary.inputs >= options.limit;

  const handle = (item: InputItem, result: WorkResult | null) => {
    if (full()) return;
    if (dated && result?.ok && !inDays(result.article.published)) {
      summary.skipped++;
      reporter.progress?.({ inputs: summary.inputs, bytesRead, totalBytes, elapsedMs: performance.now() - started, current: item.display });
      return;
    }
    summary.inputs++;
    const reject = (reason: string) => {
      summary.rejected++;
      waiting.push({ display: item.display, put: null, lines: [`rejected ${item.display}: ${reason}`], outcome: 'rejected' });
    };
    if (item.kind === 'error') reject(item.reason);
    else if (!result?.ok) reject(result?.reason ?? 'not ingested');
    else {
      const put = store.put(result.article, options.force, result.mdx);
      summary[put.status]++;
      if (put.status === 'written' && put.updated) summary.updated++;
      const lines = [describe(put, item.display, suffix), ...(options.explain ? explain(result.article) : [])];
      waiting.push({ display: item.display, put, lines, outcome: put.status });
    }
    reporter.progress?.({ inputs: summary.inputs, bytesRead, totalBytes, elapsedMs: performance.now() - started, current: item.display });
  };

  // Batches go to the pool as they fill; their results are handled strictly in input order.
  const inFlight: Array<{ items: InputItem[]; results: Promise<WorkResult[]> }> = [];
  const submit = (items: InputItem[]) => {
    if (items.length === 0) return;
    const work = items.filter((i): i is WorkItem => i.kind !== 'error');
    inFlight.push({ items, results: work.length > 0 ? pool.run(work) : Promise.resolve([]) });
  };
  const settleOldest = async () => {
    const { items, results } = inFlight.shift()!;
    const done = await results;
    let k = 0;
    for (const item of items) handle(item, item.kind === 'error' ? null : done[k++]!);
    await report(false);
  };

  try {
    let batch: InputItem[] = [];
    let read = 0;
    const items = readInputs(inputs, { format: options.format, stdin: options.stdin, onBytes: (n) => (bytesRead += n) });
    for await (const item of items) {
      batch.push(item);
      read++;
      // Without days, the first `limit` inputs are all there is to read.
      if (!dated && options.limit !== undefined && read >= options.limit) break;
      if (batch.length >= BATCH || pool.size === 0) {
        submit(batch);
        batch = [];
        while (inFlight.length > Math.max(1, pool.size * BATCHES_PER_WORKER)) await settleOldest();
      }
      if (store.failure || full()) break;
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
    }
    if (!store.failure) {
      if (!full()) submit(batch);
      while (inFlight.length > 0 && !store.failure) await settleOldest();
    }
    await report(true);
    await store.flush();
    // Inputs read but not handled when the folder failed are not counted: the run stopped before them.
    if (store.failure) summary.stopped = `cannot write to output folder ${options.outDir}: ${store.failure.problem}`;
  } finally {
    await pool.close();
    lock?.release();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/**
 * The output folder made ready, locked for this run (unless a dry run) and indexed; null when the
 * run was interrupted meanwhile.
 */
async function openStore(options: RunOptions, reporter: Reporter): Promise<{ store: ArticleStore; lock: FolderLock | null } | null> {
  const folder = { signal: options.signal, timeoutMs: options.folderTimeoutMs };
  let lock: FolderLock | null = null;
  try {
    await prepareOutputFolder(options.outDir, { ...folder, create: !options.dryRun });
    if (!options.dryRun)
      lock = await answering(
        FolderLock.acquire(options.outDir, (message) => reporter.warn?.(message)),
        options.outDir,
        folder,
      );
    const store = await ArticleStore.open(options.outDir, { ...folder, dryRun: options.dryRun });
    if (!options.signal?.aborted) return { store, lock };
    lock?.release();
    return null;
  } catch (error) {
    lock?.release();
    if (error instanceof Interrupted) return null;
    throw error;
  }
}

function describe(put: PutResult, display: string, suffix: string): string {
  switch (put.status) {
    case 'written': {
      const revision = put.revision
        ? `: a revision of ${shownName(put.revision.of)}, similarity ${put.revision.similarity.toFixed(2)}`
        : '';
      return `written ${put.id} ${display}${put.updated ? ` (updated${revision})` : ''}${suffix}`;
    }
    case 'unchanged':
      return `unchanged ${put.id} ${display}${put.revisedBy ? ` (an earlier version, since revised by ${shownName(put.revisedBy)})` : ''}`;
    case 'duplicate':
      return `duplicate ${put.id} ${display} (same as ${shownName(put.of)}${put.revisedBy ? `, an earlier version, since revised by ${shownName(put.revisedBy)}` : ''})`;
    case 'kept':
      return `kept ${put.id} ${display}: edited by hand since it was ingested (--force overwrites)`;
  }
}

/** `--explain` lines: every removal with its reason, then where metadata came from. */
function explain(article: Article): string[] {
  const clip = (raw: string) => {
    const text = plainText(raw);
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  };
  return [...article.removed.map((r) => `  removed (${r.reason}): ${clip(r.text)}`), ...article.notes.map((n) => `  note: ${n}`)];
}

/** The summary line printed after a run. */
export function summaryLine(summary: Summary): string {
  const seconds = summary.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(summary.inputs / seconds) : summary.inputs;
  const counts = [
    `${summary.written} written${summary.updated > 0 ? ` (${summary.updated} updated)` : ''}`,
    `${summary.unchanged} unchanged`,
    `${summary.duplicate} duplicate`,
    `${summary.kept} kept`,
    `${summary.rejected} rejected`,
  ].join(', ');
  const state = summary.stopped ? 'stopped' : summary.interrupted ? 'interrupted' : 'done';
  const unwritten = summary.notWritten > 0 ? `; ${summary.notWritten} not written (the run stopped)` : '';
  const skipped = summary.skipped > 0 ? `; ${summary.skipped} left out (dated outside the days asked for, or undated)` : '';
  return `${state}: ${summary.inputs} inputs in ${seconds.toFixed(1)} s (${rate} articles/s): ${counts}${unwritten}${skipped}`;
}
