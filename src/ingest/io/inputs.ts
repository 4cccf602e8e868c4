/**
 * Inputs: paths (files, folders walked recursively, `-` for stdin) → a stream of articles to
 * ingest. A file is plain text, Markdown, JSON (an array of records, or records one after
 * another), JSON Lines, or a ZIP archive holding any of these, told by its extension or, failing
 * that, by its first bytes. Everything is streamed: a 31,000-record ZIP is read with memory
 * bounded by its largest record.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { type AsyncFlateStreamHandler, Unzip, UnzipInflate } from 'fflate';
import { MAX_ARTICLE_BYTES } from '../index.ts';
import type { InputFormat } from '../types.ts';
import { shownName } from '../../core/shown-name.ts';
import { copy, JsonLinesSplitter, JsonRecordSplitter, type RawRecord } from './records-stream.ts';

/** One thing to ingest, or why an input could not be read. */
export type InputItem =
  /** A text or Markdown article. `name` is recorded as `source.file`; `display` is printed. */
  | { kind: 'text'; display: string; name: string; bytes: Uint8Array; format: InputFormat }
  /** One JSON record's bytes. */
  | { kind: 'record'; display: string; name: string; bytes: Uint8Array }
  | { kind: 'error'; display: string; reason: string };

/** How a file's content is read; `auto` decides by extension, then by content. */
export type FileFormat = 'auto' | 'text' | 'markdown' | 'json' | 'jsonl' | 'zip';

/** A path to read: a file with its size, stdin, or an error found while walking. */
export type PlannedInput =
  | { kind: 'file'; path: string; display: string; size: number }
  | { kind: 'stdin'; display: string }
  | { kind: 'error'; display: string; reason: string };

/** Files named on the command line and every non-hidden file under named folders, in order. */
export function planInputs(paths: string[]): { inputs: PlannedInput[]; totalBytes: number } {
  const inputs: PlannedInput[] = [];
  const folders = new Set<string>();
  const visit = (p: string) => {
    if (p === '-') {
      inputs.push({ kind: 'stdin', display: 'stdin' });
      return;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (error) {
      inputs.push({ kind: 'error', display: shownName(p), reason: `cannot read: ${describe(error)}` });
      return;
    }
    if (stat.isDirectory()) {
      // A symbolic link back to a folder being walked would never end.
      const real = fs.realpathSync(p);
      if (folders.has(real)) return;
      folders.add(real);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(p, { withFileTypes: true });
      } catch (error) {
        inputs.push({ kind: 'error', display: shownName(p), reason: `cannot read folder: ${describe(error)}` });
        return;
      }
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.name.startsWith('.')) continue;
        const child = path.join(p, entry.name);
        if (entry.isDirectory() || entry.isFile() || entry.isSymbolicLink()) visit(child);
      }
    } else if (stat.isFile()) {
      inputs.push({ kind: 'file', path: p, display: shownName(p), size: stat.size });
    } else {
      inputs.push({ kind: 'error', display: shownName(p), reason: 'not a regular file or folder' });
    }
  };
  for (const p of paths) visit(p);
  const totalBytes = inputs.reduce((sum, i) => sum + (i.kind === 'file' ? i.size : 0), 0);
  return { inputs, totalBytes };
}

export interface ReadOptions {
  /** Forces the format of every file (default: by extension, then content). */
  format?: FileFormat;
  /** Called with the number of input bytes read, for progress. */
  onBytes?: (bytes: number) => void;
  /** Where `-` reads from (default: process.stdin). */
  stdin?: AsyncIterable<Uint8Array>;
}

/** Reads planned inputs one after another, yielding articles and records as they are found. */
export async function* readInputs(planned: Iterable<PlannedInput>, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const input of planned) {
    if (input.kind === 'error') {
      yield input;
      continue;
    }
    const queue: InputItem[] = [];
    const name = input.kind === 'stdin' ? 'stdin' : path.basename(input.path);
    const format = options.format && options.format !== 'auto' ? options.format : input.kind === 'file' ? formatOfName(input.path) : 'auto';
    if (input.kind === 'file' && (format === 'text' || format === 'markdown') && input.size > MAX_ARTICLE_BYTES) {
      options.onBytes?.(input.size);
      yield { kind: 'error', display: input.display, reason: tooLargeReason(input.size) };
      continue;
    }
    const sink = sinkFor(format, input.display, name, queue);
    let read = 0;
    try {
      const stream =
        input.kind === 'stdin' ? (options.stdin ?? process.stdin) : fs.createReadStream(input.path, { highWaterMark: 256 * 1024 });
      for await (const chunk of stream as AsyncIterable<Uint8Array>) {
        read += chunk.length;
        options.onBytes?.(chunk.length);
        sink.push(chunk);
        yield* queue.splice(0);
        if (sink.done) break;
      }
      sink.end();
    } catch (error) {
      queue.push({ kind: 'error', display: input.display, reason: `cannot read: ${describe(error)}` });
    }
    if (input.kind === 'file' && read < input.size) options.onBytes?.(input.size - read);
    yield* queue.splice(0);
  }
}

/** Format by file extension; `auto` when the extension says nothing. */
export function formatOfName(name: string): FileFormat {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.zip') return 'zip';
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.md' || ext === '.markdown' || ext === '.mdown' || ext === '.mkd') return 'markdown';
  if (ext === '.txt' || ext === '.text') return 'text';
  return 'auto';
}

/** Receives a file's bytes chunk by chunk and queues what it finds. */
interface Sink {
  push(chunk: Uint8Array): void;
  end(): void;
  /** True when the rest of the input need not be read. */
  readonly done: boolean;
}

function sinkFor(format: FileFormat, display: string, name: string, queue: InputItem[]): Sink {
  switch (format) {
    case 'text':
    case 'markdown':
      return new ArticleSink(format, display, name, queue);
    case 'json':
      return new RecordSink(new JsonRecordSplitter(), display, name, queue, true);
    case 'jsonl':
      return new RecordSink(new JsonLinesSplitter(), display, name, queue, false);
    case 'zip':
      return new ZipSink(display, name, queue);
    case 'auto':
      return new SniffSink(display, name, queue);
  }
}

/** One article: the whole file, up to the size limit. */
class ArticleSink implements Sink {
  private parts: Uint8Array[] = [];
  private size = 0;
  done = false;
  private readonly format: InputFormat;
  private readonly display: string;
  private readonly name: string;
  private readonly queue: InputItem[];
  constructor(format: InputFormat, display: string, name: string, queue: InputItem[]) {
    this.format = format;
    this.display = display;
    this.name = name;
    this.queue = queue;
  }
  push(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > MAX_ARTICLE_BYTES) this.done = true;
    else this.parts.push(chunk);
  }
  end(): void {
    if (this.size > MAX_ARTICLE_BYTES) {
      this.queue.push({ kind: 'error', display: this.display, reason: tooLargeReason(this.size, true) });
      return;
    }
    // In a buffer of its own: a stream's chunk is often a view into a larger one.
    const bytes = this.parts.length === 1 ? copy(this.parts[0]!) : new Uint8Array(Buffer.concat(this.parts));
    this.queue.push({ kind: 'text', display: this.display, name: this.name, bytes, format: this.format });
  }
}

/** Records of a JSON or JSON Lines file. */
class RecordSink implements Sink {
  private out: RawRecord[] = [];
  private started = false;
  done = false;
  private readonly splitter: JsonRecordSplitter | JsonLinesSplitter;
  private readonly display: string;
  private readonly name: string;
  private readonly queue: InputItem[];
  private readonly json: boolean;
  constructor(splitter: JsonRecordSplitter | JsonLinesSplitter, display: string, name: string, queue: InputItem[], json: boolean) {
    this.splitter = splitter;
    this.display = display;
    this.name = name;
    this.queue = queue;
    this.json = json;
  }
  push(chunk: Uint8Array): void {
    if (!this.started) {
      if (chunk.subarray(0, 65536).includes(0)) {
        this.fail('binary file (contains NUL bytes), not JSON');
        return;
      }
      const first = chunk.find(
        (b, i) => !(b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || (i < 3 && (b === 0xef || b === 0xbb || b === 0xbf))),
      );
      if (first === undefined) return;
      this.started = true;
      if (this.json && first !== 0x5b && first !== 0x7b) {
        this.fail(`not JSON: it starts with "${String.fromCharCode(first)}", not "[" or "{"`);
        return;
      }
    }
    this.splitter.push(chunk, this.out);
    this.flush();
  }
  end(): void {
    if (this.done) return;
    if (!this.started) {
      this.queue.push({ kind: 'error', display: this.display, reason: 'empty file' });
      return;
    }
    this.splitter.end(this.out);
    this.flush();
  }
  private fail(reason: string): void {
    this.queue.push({ kind: 'error', display: this.display, reason });
    this.done = true;
  }
  private flush(): void {
    for (const record of this.out) {
      const display = `${this.display}#${record.index}`;
      if ('error' in record) this.queue.push({ kind: 'error', display, reason: record.error });
      else this.queue.push({ kind: 'record', display, name: `${this.name}#${record.index}`, bytes: record.bytes });
    }
    this.out = [];
  }
}

/** Entries of a ZIP archive, each read by its own sink. */
class ZipSink implements Sink {
  private unzip: Unzip;
  private entries = 0;
  done = false;
  private readonly display: string;
  private readonly queue: InputItem[];
  constructor(display: string, name: string, queue: InputItem[]) {
    this.display = display;
    this.queue = queue;
    this.unzip = new Unzip((file) => {
      if (file.name.endsWith('/')) return;
      const parts = file.name.split(/[/\\]/);
      const entryDisplay = `${display}/${shownName(file.name)}`;
      // Nothing is written where an entry says, but a path that climbs out of the archive is a
      // broken or hostile one: said, not passed over like the hidden files archivers add.
      if (parts.includes('..') || file.name.startsWith('/')) {
        this.entries++;
        queue.push({ kind: 'error', display: entryDisplay, reason: 'its path leaves the archive ("/" or "..") and is not read' });
        return;
      }
      if (parts.some((part) => part.startsWith('.') || part === '__MACOSX')) return;
      this.entries++;
      const format = formatOfName(file.name);
      if (format === 'zip') {
        queue.push({ kind: 'error', display: entryDisplay, reason: 'a ZIP inside a ZIP is not read: unpack it first' });
        return;
      }
      const sink = sinkFor(format, entryDisplay, `${name}/${file.name}`, queue);
      file.ondata = (error, data, final) => {
        if (error) {
          queue.push({ kind: 'error', display: entryDisplay, reason: `cannot unpack: ${error.message}` });
          return;
        }
        if (!sink.done) sink.push(data);
        if (final) sink.end();
      };
      file.start();
    });
    this.unzip.register(NativeInflate);
  }
  push(chunk: Uint8Array): void {
    try {
      this.unzip.push(chunk);
    } catch (error) {
      this.fail(error);
    }
  }
  end(): void {
    if (this.done) return;
    try {
      this.unzip.push(new Uint8Array(0), true);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.entries === 0)
      this.queue.push({ kind: 'error', display: this.display, reason: 'not a readable ZIP archive (no files found in it)' });
  }
  private fail(error: unknown): void {
    this.queue.push({ kind: 'error', display: this.display, reason: `not a readable ZIP archive (${(error as Error).message})` });
    this.done = true;
  }
}

/** ZIP entries up to this size (unpacked) are inflated by Node's zlib in one go, larger ones streamed. */
const NATIVE_INFLATE_MAX = 32 * 1024 * 1024;
/** Unpacked data goes to the entry's reader in slices of this size. */
const SLICE = 1024 * 1024;

/**
 * Deflate for fflate's `Unzip` by Node's zlib (several times faster than fflate's JavaScript
 * inflate) for entries of known size up to `NATIVE_INFLATE_MAX`; larger or unsized entries are
 * streamed through fflate's own inflate, so memory stays bounded.
 */
class NativeInflate {
  static compression = 8;
  ondata: AsyncFlateStreamHandler = () => {};
  private parts: Uint8Array[] = [];
  private readonly streaming: UnzipInflate | null;
  constructor(_name: string, size?: number, originalSize?: number) {
    const known = size !== undefined && size > 0 && originalSize !== undefined && originalSize <= NATIVE_INFLATE_MAX;
    this.streaming = known ? null : new UnzipInflate();
    if (this.streaming) this.streaming.ondata = (error, data, final) => this.ondata(error, data, final);
  }
  push(chunk: Uint8Array, final: boolean): void {
    if (this.streaming) {
      this.streaming.push(chunk, final);
      return;
    }
    this.parts.push(chunk.slice());
    if (!final) return;
    let out: Uint8Array<ArrayBuffer>;
    try {
      out = zlib.inflateRawSync(Buffer.concat(this.parts)) as Uint8Array<ArrayBuffer>;
    } catch (error) {
      this.ondata(error as Parameters<AsyncFlateStreamHandler>[0], new Uint8Array(0), true);
      return;
    } finally {
      this.parts = [];
    }
    if (out.length === 0) this.ondata(null, out, true);
    for (let i = 0; i < out.length; i += SLICE) this.ondata(null, out.subarray(i, i + SLICE), i + SLICE >= out.length);
  }
  terminate(): void {}
}

/** Decides the format from the first bytes: ZIP signature, "[" or "{", else text. */
class SniffSink implements Sink {
  private head: Uint8Array[] = [];
  private headSize = 0;
  private sink: Sink | null = null;
  private readonly display: string;
  private readonly name: string;
  private readonly queue: InputItem[];
  constructor(display: string, name: string, queue: InputItem[]) {
    this.display = display;
    this.name = name;
    this.queue = queue;
  }
  get done(): boolean {
    return this.sink?.done ?? false;
  }
  push(chunk: Uint8Array): void {
    if (this.sink) {
      this.sink.push(chunk);
      return;
    }
    this.head.push(chunk);
    this.headSize += chunk.length;
    if (this.headSize >= 512) this.decide();
  }
  end(): void {
    if (!this.sink) this.decide();
    this.sink!.end();
  }
  private decide(): void {
    const head = Buffer.concat(this.head);
    this.sink = sinkFor(sniff(head), this.display, this.name, this.queue);
    this.sink.push(head);
    this.head = [];
  }
}

/** The format the first bytes of a file announce. */
function sniff(head: Uint8Array): FileFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head.subarray(0, 512).includes(0)) return 'text';
  const text = new TextDecoder()
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^\[\s*(?:\{|\]|$)/.test(text) || /^\{\s*"/.test(text)) return 'json';
  return 'text';
}

function tooLargeReason(bytes: number, atLeast = false): string {
  const size = atLeast ? `over ${(MAX_ARTICLE_BYTES / 1048576).toFixed(0)} MB` : `${(bytes / 1048576).toFixed(1)} MB`;
  return `too large for one article (${size}; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB): give several articles as JSON Lines records`;
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or folder';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EISDIR') return 'is a folder';
  if (e.code === 'ELOOP') return 'too many symbolic links';
  return e.message;
}
