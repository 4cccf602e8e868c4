/**
 * `npm run ingest -- [options] PATH...`
 *
 * Reads raw articles (text, Markdown, JSON, JSON Lines, ZIP archives of them; folders walked
 * recursively, hidden entries skipped; `-` is stdin), turns each into `<out>/<id>.mdx` with the
 * ingest library, and prints one line per input:
 *   written <id> <input> | unchanged <id> <input> | duplicate <id> <input> (same as <other>) |
 *   kept <id> <input>: edited by hand … | rejected <input>: <reason>
 * then a summary line. On a terminal, a progress bar runs on stderr; problems with the run itself
 * go to stderr.
 * Exits 0 when every input was handled without a rejection; 1 when any input was rejected, after
 * handling all the others; 2 on a usage error, or when the output folder cannot be used (the run
 * stops); 130 / 143 when stopped by SIGINT / SIGTERM (after the articles in flight; a second
 * signal exits at once).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FileFormat } from '../ingest/io/inputs.ts';
import { type Progress, runIngest, summaryLine } from '../ingest/io/run.ts';
import { settingsOrExit } from '../settings.ts';

const USAGE = `usage: npm run ingest -- [options] PATH...
  PATH            article files or folders (walked recursively); - reads stdin
                  .txt text, .md Markdown, .json records, .jsonl JSON Lines, .zip of any of these
  --out DIR       where to write <id>.mdx (default: $MARSAD_CONTENT_DIR/articles or content/articles)
  --force         overwrite articles edited by hand since they were ingested
  --dry-run       report what would happen, write nothing
  --explain       after each article, list what was removed from its text and why,
                  and where each metadata field came from
  --format F      read every input as F: text, markdown, json, jsonl or zip (default: by extension)
  --quiet         print only problems (rejected, kept) and the summary
  --jobs N        worker threads that parse articles (default: one per CPU but one, 1 to 4, for
                  inputs of 2 MB or more; 0 parses on the main thread)
  --limit N       only the first N inputs (records and files, in input order; with --since or
                  --until, the first N of those days); nothing after them is written
  --since DAY     only articles published on DAY (YYYY-MM-DD) or later, and
  --until DAY     only those published on DAY or earlier, by the date ingest gives each article
                  (the record's date, else the text's, the URL's or the day it was collected);
                  undated articles are left out, and counted in the summary
  -h, --help      print this help

Exit codes: 0 done, 1 some input rejected (after all others were handled), 2 usage error or an
output folder that cannot be used, 130/143 stopped by SIGINT/SIGTERM (docs/ingest.md).`;

const FORMATS = ['auto', 'text', 'markdown', 'json', 'jsonl', 'zip'];

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        format: { type: 'string', default: 'auto' },
        quiet: { type: 'boolean', short: 'q', default: false },
        jobs: { type: 'string' },
        limit: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`no input given\n${USAGE}`);
    return 2;
  }
  if (!FORMATS.includes(values.format)) {
    console.error(`unknown --format ${values.format}\n${USAGE}`);
    return 2;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0 && jobs <= 64)) {
    console.error(`--jobs takes a whole number from 0 to 64\n${USAGE}`);
    return 2;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    console.error(`--limit takes a whole number of inputs, 1 or more, not "${values.limit}"\n${USAGE}`);
    return 2;
  }
  for (const option of ['since', 'until'] as const) {
    const day = values[option];
    if (day !== undefined && !isDay(day)) {
      console.error(`--${option} takes a day as YYYY-MM-DD, not "${day}"\n${USAGE}`);
      return 2;
    }
  }
  if (values.since && values.until && values.since > values.until) {
    console.error(`--since ${values.since} is after --until ${values.until}: no day is left\n${USAGE}`);
    return 2;
  }
  const outDir = path.resolve(values.out ?? path.join(settingsOrExit().contentDir, 'articles'));

  const output = new Output(values.quiet);
  // The first signal stops the run after the articles in flight; a second one exits at once
  // (files stay whole: each is renamed into place; the next run removes temporary files).
  const controller = new AbortController();
  let stopping: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      output.note(`ingest: stopped at once by a second ${signal}; articles in flight were not written (run ingest again to write them)`);
      process.exit(signalExitCode(stopping));
    }
    stopping = signal;
    output.note(`ingest: ${signal}: stopping after the articles in flight (${signal} again stops at once)`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let summary;
  try {
    const options = {
      paths: positionals,
      outDir,
      force: values.force,
      dryRun: values['dry-run'],
      explain: values.explain,
      format: values.format as FileFormat,
      signal: controller.signal,
      jobs,
      limit,
      since: values.since,
      until: values.until,
    };
    summary = await runIngest(options, output);
  } catch (error) {
    // Not one input's fault: the output folder cannot be used, or a worker thread failed.
    output.note(`ingest stopped: ${(error as Error).message}`);
    return 2;
  }
  output.finish(summaryLine(summary));
  if (summary.stopped) {
    // The folder is full or read-only: one line for it, not one per remaining input.
    output.note(`ingest stopped: ${summary.stopped}`);
    return 2;
  }
  if (summary.interrupted) return signalExitCode(stopping ?? 'SIGINT');
  return summary.rejected > 0 ? 1 : 0;
}

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
function isDay(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d\d-\d\d$/.test(text) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** 128 + the signal's number, as shells report a process a signal ended: 130 SIGINT, 143 SIGTERM. */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 2);
}

/**
 * Output lines go to stdout in batches; on a terminal, a progress bar is redrawn on stderr at most
 * ten times a second (erased while lines are printed). Off a terminal, a plain progress line goes
 * to stderr every ten seconds of a long run.
 */
class Output {
  private lines: string[] = [];
  private lastFlush = 0;
  private lastBar = 0;
  private lastPlain = 0;
  private barShown = false;
  private readonly tty = process.stderr.isTTY === true;
  private readonly quiet: boolean;

  constructor(quiet: boolean) {
    this.quiet = quiet;
  }

  line(text: string, outcome: string): void {
    if (this.quiet && outcome !== 'rejected' && outcome !== 'kept') return;
    this.lines.push(text);
    if (this.lines.length >= 500) this.flush();
  }

  progress(p: Progress): void {
    const now = performance.now();
    if (now - this.lastFlush > 100) this.flush();
    if (this.tty) {
      if (now - this.lastBar < 100) return;
      this.lastBar = now;
      process.stderr.write(`\r${bar(p, process.stderr.columns ?? 80)}\x1b[K`);
      this.barShown = true;
    } else if (now - this.lastPlain > 10_000 && p.elapsedMs > 10_000) {
      this.lastPlain = now;
      this.flush();
      process.stderr.write(`ingest: ${plainProgress(p)}\n`);
    }
  }

  finish(summary: string): void {
    this.lines.push(summary);
    this.flush();
  }

  warn(message: string): void {
    this.note(`ingest: ${message}`);
  }

  /** A message on stderr, after the report lines so far (which it flushes). */
  note(message: string): void {
    this.flush();
    if (this.barShown) {
      process.stderr.write('\r\x1b[K');
      this.barShown = false;
    }
    process.stderr.write(`${message}\n`);
  }

  private flush(): void {
    this.lastFlush = performance.now();
    if (this.lines.length === 0) return;
    if (this.barShown) {
      process.stderr.write('\r\x1b[K');
      this.barShown = false;
    }
    process.stdout.write(`${this.lines.join('\n')}\n`);
    this.lines = [];
  }
}

function plainProgress(p: Progress): string {
  const rate = p.elapsedMs > 0 ? Math.round((p.inputs * 1000) / p.elapsedMs) : 0;
  const share = p.totalBytes > 0 ? ` (${Math.floor((100 * p.bytesRead) / p.totalBytes)}% of the input bytes)` : '';
  return `${p.inputs.toLocaleString('en')} inputs${share}, ${rate.toLocaleString('en')}/s`;
}

/** "ingest [██████░░░░] 52% 16,123 inputs 2,310/s 2015-08-01.zip" fitted to the terminal width. */
function bar(p: Progress, columns: number): string {
  const rate = p.elapsedMs > 0 ? Math.round((p.inputs * 1000) / p.elapsedMs) : 0;
  const share = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const stats = ` ${String(Math.floor(share * 100)).padStart(3)}% ${p.inputs.toLocaleString('en')} inputs ${rate.toLocaleString('en')}/s `;
  const width = Math.max(10, Math.min(30, columns - stats.length - 20));
  const filled = Math.round(share * width);
  const text = `ingest [${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${stats}${p.current}`;
  return text.length > columns - 1 ? text.slice(0, columns - 2) : text;
}

process.exitCode = await main(process.argv.slice(2));
// A call to a folder that never answered may still hold the event loop (the run gave up on it):
// exit anyway, once stdout has had time to drain.
setTimeout(() => process.exit(), 2000).unref();
