/**
 * Streaming splitters for files of many records: a JSON array (or JSON values one after another,
 * or one object, or an object wrapping an array of records), and JSON Lines. Bytes go in chunk by
 * chunk; each record comes out as its own bytes, so a file of any size is read with memory bounded
 * by its largest record.
 */
import { Buffer as NodeBuffer } from 'node:buffer';
import { RECORD_FIELDS } from '../records.ts';

/** One record's raw bytes, its 1-based position in the file, or why it was skipped. */
export type RawRecord = { index: number; bytes: Uint8Array } | { index: number; error: string };

/** Largest record kept; larger ones are skipped (and reported) without being buffered. */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

const QUOTE = 0x22,
  BACKSLASH = 0x5c,
  OPEN_BRACE = 0x7b,
  CLOSE_BRACE = 0x7d,
  OPEN_BRACKET = 0x5b,
  CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c,
  NEWLINE = 0x0a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Collects the bytes of one record across chunks. */
class Buffer {
  private parts: Uint8Array[] = [];
  size = 0;
  overflow = false;
  add(part: Uint8Array): void {
    if (this.overflow || part.length === 0) return;
    this.size += part.length;
    if (this.size > MAX_RECORD_BYTES) {
      this.overflow = true;
      this.parts = [];
    } else this.parts.push(copy(part));
  }
  take(): Uint8Array {
    const out = this.parts.length === 1 ? this.parts[0]! : concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.overflow = false;
    return out;
  }
}

/**
 * The bytes in a buffer of their own. (`slice` would not do: on a Node `Buffer` it returns a view,
 * and a view keeps — and, posted to a worker, copies — the whole buffer it looks into.)
 */
export function copy(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function tooLarge(index: number, size: number): RawRecord {
  return { index, error: `record too large (over ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_RECORD_BYTES / 1048576} MB)` };
}

/**
 * Splits JSON text into top-level records: the elements of a top-level array, or each top-level
 * value when there is no array (one object, concatenated objects, JSON Lines saved as .json).
 */
export class JsonRecordSplitter {
  private depth = 0;
  private inString = false;
  private escape = false;
  /** Depth of the record being read, or -1 between records. */
  private recordDepth = -1;
  /** A scalar record (number, true, null…) ends at the next separator. */
  private scalar = false;
  /** The record being read is an object, and at its own level a key must come next. */
  private recordObject = false;
  private expectKey = false;
  private index = 0;
  private buffer = new Buffer();

  push(chunk: Uint8Array, out: RawRecord[]): void {
    let start = this.recordDepth >= 0 ? 0 : -1;
    // Positions of the next quote and backslash at or after i (-1: none), found by native search.
    let quote = -2;
    let backslash = -2;
    for (let i = 0; i < chunk.length; i++) {
      if (this.inString && !this.escape) {
        // Jump to the next quote or backslash: most bytes are inside strings.
        if (quote !== -1 && quote < i) quote = chunk.indexOf(QUOTE, i);
        if (backslash !== -1 && backslash < i) backslash = chunk.indexOf(BACKSLASH, i);
        const next = backslash >= 0 && (quote < 0 || backslash < quote) ? backslash : quote;
        if (next < 0) break;
        i = next;
      }
      const b = chunk[i]!;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (b === BACKSLASH) this.escape = true;
        else if (b === QUOTE) {
          this.inString = false;
          if (this.recordDepth === this.depth && !this.scalar) {
            // A string record ends with its closing quote.
            this.finish(chunk, start, i + 1, out);
            start = -1;
          }
        }
        continue;
      }
      if (this.scalar) {
        if (isSpace(b) || b === COMMA || b === CLOSE_BRACKET || b === CLOSE_BRACE) {
          this.finish(chunk, start, i, out);
          start = -1;
        } else continue;
      }
      if (b === COMMA && this.recordObject && this.depth === this.recordDepth + 1) {
        this.expectKey = true;
        continue;
      }
      if (isSpace(b) || b === COMMA) continue;
      if (this.recordObject && this.recordDepth === 1 && this.depth === 2) {
        // At a record's own level in the top-level array, only a key (or the "}" of an empty
        // object) may follow "{" or ",". Anything else there — a "{", a "[", a number, true, null —
        // is the next record, and a "]" the array's end: this record lost its closing brace.
        // Report it and go on, rather than read every later record into it.
        if (this.expectKey && b !== QUOTE && b !== CLOSE_BRACE && b !== CLOSE_BRACKET) {
          this.unclosed(out, 'before the next record');
          // This byte starts the next record, at the array's level.
          this.depth = 1;
          this.recordDepth = 1;
          this.recordObject = b === OPEN_BRACE;
          this.expectKey = this.recordObject;
          if (b === OPEN_BRACE || b === OPEN_BRACKET) this.depth++;
          else this.scalar = true;
          start = i;
          continue;
        }
        if (b === CLOSE_BRACKET) {
          this.unclosed(out, 'before the end of the array');
          this.depth = 0;
          start = -1;
          continue;
        }
      }
      if (this.recordObject && this.depth === this.recordDepth + 1) this.expectKey = false;
      if (this.recordDepth < 0) {
        // A byte order mark before the first value.
        if (this.depth === 0 && this.index === 0 && (b === 0xef || b === 0xbb || b === 0xbf)) continue;
        // Between records: the top-level array's brackets, or the start of a record.
        if (b === OPEN_BRACKET && this.depth === 0) {
          this.depth = 1;
          continue;
        }
        if (b === CLOSE_BRACKET && this.depth === 1) {
          this.depth = 0;
          continue;
        }
        this.recordDepth = this.depth;
        start = i;
        this.recordObject = b === OPEN_BRACE;
        this.expectKey = this.recordObject;
        if (b === QUOTE) this.inString = true;
        else if (b === OPEN_BRACE || b === OPEN_BRACKET) this.depth++;
        else this.scalar = true;
        continue;
      }
      if (b === QUOTE) this.inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) this.depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === this.recordDepth) {
          this.finish(chunk, start, i + 1, out);
          start = -1;
        }
      }
    }
    if (this.recordDepth >= 0 && start >= 0) this.buffer.add(chunk.subarray(start));
  }

  /** Ends the input: a record cut off by the end of the file is reported. */
  end(out: RawRecord[]): void {
    if (this.scalar) {
      this.finish(new Uint8Array(0), 0, 0, out);
    } else if (this.recordDepth >= 0) {
      this.index++;
      out.push({ index: this.index, error: 'invalid JSON: the file ends inside this record' });
      this.buffer.take();
      this.recordDepth = -1;
    }
  }

  /** The record being read never closed before the next one (or the array's end): reported, dropped. */
  private unclosed(out: RawRecord[], where: string): void {
    this.buffer.take();
    this.recordDepth = -1;
    this.recordObject = false;
    this.expectKey = true;
    out.push({ index: ++this.index, error: `invalid JSON: this record is not closed (a "}" is missing) ${where}` });
  }

  private finish(chunk: Uint8Array, start: number, end: number, out: RawRecord[]): void {
    this.buffer.add(chunk.subarray(Math.max(0, start), end));
    const { size, overflow } = this.buffer;
    const bytes = this.buffer.take();
    const topLevel = this.recordDepth === 0;
    this.recordDepth = -1;
    this.scalar = false;
    this.recordObject = false;
    if (overflow) {
      out.push(tooLarge(++this.index, size));
      return;
    }
    // A top-level object that only wraps the records (`{"articles": [...]}`): its records.
    const wrapped = topLevel && bytes[0] === OPEN_BRACE ? unwrap(bytes) : null;
    if (wrapped) {
      for (const record of wrapped) out.push({ index: ++this.index, bytes: encoder.encode(JSON.stringify(record)) });
      return;
    }
    out.push({ index: ++this.index, bytes });
  }
}

/** Keys under which exports and APIs list their articles. */
const WRAPPER_KEYS = [
  'articles',
  'items',
  'records',
  'data',
  'results',
  'posts',
  'entries',
  'documents',
  'docs',
  'news',
  'stories',
  'المقالات',
  'الأخبار',
];
const encoder = new TextEncoder();
/** The keys as they appear in JSON, to skip parsing objects that name none of them. */
const WRAPPER_NEEDLES = WRAPPER_KEYS.map((key) => NodeBuffer.from(JSON.stringify(key)));

/**
 * The records of a wrapper object — one with no article text of its own and, under one of
 * WRAPPER_KEYS, an array of objects (`{"status": "ok", "articles": [{…}, {…}]}`) — or null. A
 * wrapper is read whole, so it is subject to the record size limit; larger files should hold the
 * array itself (or JSON Lines), which is streamed.
 */
function unwrap(bytes: Uint8Array): Record<string, unknown>[] | null {
  // Each record is parsed where it is read; a file of objects one after another should not pay
  // for a second parse here, so only objects that name a wrapper key are parsed.
  const haystack = NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!WRAPPER_NEEDLES.some((needle) => haystack.includes(needle))) return null;
  let value: unknown;
  try {
    value = JSON.parse(haystack.toString('utf8'));
  } catch {
    return null; // reported as invalid JSON where the record is read
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const object = value as Record<string, unknown>;
  if (RECORD_FIELDS.content.some((key) => key in object)) return null;
  for (const key of WRAPPER_KEYS) {
    const list = object[key];
    if (Array.isArray(list) && list.length > 0 && list.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      return list as Record<string, unknown>[];
    }
  }
  return null;
}

/** Splits JSON Lines: one record per non-blank line; a record's index is its line number. */
export class JsonLinesSplitter {
  private lineNumber = 0;
  private buffer = new Buffer();

  push(chunk: Uint8Array, out: RawRecord[]): void {
    let start = 0;
    for (let i = start; i < chunk.length; i++) {
      if (chunk[i] !== NEWLINE) continue;
      this.buffer.add(chunk.subarray(start, i));
      this.line(out);
      start = i + 1;
    }
    this.buffer.add(chunk.subarray(start));
  }

  end(out: RawRecord[]): void {
    this.line(out);
  }

  private line(out: RawRecord[]): void {
    this.lineNumber++;
    const { size, overflow } = this.buffer;
    let bytes = this.buffer.take();
    if (this.lineNumber === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (!overflow && bytes.every((b) => isSpace(b))) return;
    out.push(overflow ? tooLarge(this.lineNumber, size) : { index: this.lineNumber, bytes });
  }
}
