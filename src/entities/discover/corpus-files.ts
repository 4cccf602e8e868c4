/**
 * Reads raw corpora for entity discovery (`entities:suggest --text`): plain text, JSON Lines, a
 * JSON array of articles, and ZIP archives of those (SaudiNewsNet ships one ZIP a day), walking
 * folders recursively. Each article becomes one document, each line of text one paragraph. An
 * input that cannot be read costs only itself: it is reported, by name, with the reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { DiscoveryDocument } from '../discover.ts';

/** Fields that hold an article's text in JSON corpora, in the order they are read. */
const TITLE_FIELDS = ['title', 'headline'];
const TEXT_FIELDS = ['content', 'text', 'body', 'article'];
const ID_FIELDS = ['id', 'url', 'link'];

/** Non-empty lines of a text, as paragraphs. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The document in one JSON value: an object with a text field, or a plain string. */
function documentOf(value: unknown, fallbackId: string): DiscoveryDocument | undefined {
  if (typeof value === 'string') return { id: fallbackId, paragraphs: paragraphsOf(value) };
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const pick = (fields: string[]) => fields.map((f) => record[f]).find((v) => typeof v === 'string') as string | undefined;
  const text = pick(TEXT_FIELDS);
  if (text === undefined) return undefined;
  const title = pick(TITLE_FIELDS);
  const id = pick(ID_FIELDS) ?? fallbackId;
  return { id, paragraphs: [...(title ? paragraphsOf(title) : []), ...paragraphsOf(text)] };
}

/**
 * An input that gave no document: a file, a record (`day.json#3`, `day.jsonl#12`: the record's or
 * line's number from 1) or a ZIP entry (`day.zip/a.json`), and why, on one line.
 */
export interface CorpusProblem {
  input: string;
  reason: string;
}

/**
 * Why JSON.parse failed, without the text it quotes (V8 puts the start of the input in its
 * message) and on one line.
 */
function jsonError(error: unknown): string {
  const message = (error as Error).message.replace(/,? ".*" is not valid JSON$/s, '').replace(/\s+/g, ' ');
  return `invalid JSON: ${message}`;
}

const NO_TEXT = `no article text (a string in ${TEXT_FIELDS.join(', ')})`;

/**
 * Documents of one file's contents, by its name. A JSON Lines line or a JSON record that is no
 * article, and a JSON file that does not parse, go to `problems` (one each) and are skipped.
 */
export function documentsOfFile(name: string, text: string, problems: CorpusProblem[] = []): DiscoveryDocument[] {
  const lower = name.toLowerCase();
  text = text.replace(/^\uFEFF/, '');
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
    return text.split(/\r?\n/).flatMap((line, n) => {
      if (!line.trim()) return [];
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        problems.push({ input: `${name}#${n + 1}`, reason: jsonError(error) });
        return [];
      }
      const doc = documentOf(value, `${name}:${n + 1}`);
      if (!doc) problems.push({ input: `${name}#${n + 1}`, reason: NO_TEXT });
      return doc ? [doc] : [];
    });
  }
  if (lower.endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push({ input: name, reason: jsonError(error) });
      return [];
    }
    const values = Array.isArray(json) ? json : [json];
    return values.flatMap((value, n) => {
      const doc = documentOf(value, `${name}#${n}`);
      if (!doc) problems.push({ input: Array.isArray(json) ? `${name}#${n + 1}` : name, reason: NO_TEXT });
      return doc ? [doc] : [];
    });
  }
  return [{ id: name, paragraphs: paragraphsOf(text) }];
}

const READABLE = /\.(txt|text|md|jsonl|ndjson|json)$/i;

/** A file system error in words, without the path it repeats (as ingest words it). */
function fsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or folder';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ELOOP') return 'too many symbolic links';
  return e.message.replace(/\s+/g, ' ');
}

/**
 * Documents of the given files and folders (recursively, hidden entries skipped). An input that
 * cannot be read or holds no article — a missing file, a broken ZIP, a JSON file that does not
 * parse, a record without text — is listed in `problems` and skipped; the others are read.
 */
export function readCorpus(paths: readonly string[]): { documents: DiscoveryDocument[]; problems: CorpusProblem[] } {
  const documents: DiscoveryDocument[] = [];
  const problems: CorpusProblem[] = [];
  const visit = (file: string, top: boolean) => {
    const base = path.basename(file);
    if (!top && base.startsWith('.')) return;
    let folder: boolean;
    try {
      folder = statSync(file).isDirectory();
    } catch (error) {
      problems.push({ input: file, reason: `cannot read: ${fsError(error)}` });
      return;
    }
    if (folder) {
      let entries: string[];
      try {
        entries = readdirSync(file).sort();
      } catch (error) {
        problems.push({ input: file, reason: `cannot read folder: ${fsError(error)}` });
        return;
      }
      for (const entry of entries) visit(path.join(file, entry), false);
      return;
    }
    // Inside folders only ZIPs and text-like files are read; a file named on the command line always is.
    const zip = /\.zip$/i.test(file);
    if (!top && !zip && !READABLE.test(file)) return;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      problems.push({ input: file, reason: `cannot read: ${fsError(error)}` });
      return;
    }
    if (!zip) {
      documents.push(...documentsOfFile(file, bytes.toString('utf8'), problems));
      return;
    }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch (error) {
      problems.push({ input: file, reason: `not a readable ZIP archive: ${(error as Error).message.replace(/\s+/g, ' ')}` });
      return;
    }
    for (const name of Object.keys(entries).sort()) {
      if (READABLE.test(name)) documents.push(...documentsOfFile(`${file}/${name}`, strFromU8(entries[name]!), problems));
    }
  };
  for (const p of paths) visit(p, true);
  return { documents, problems };
}
