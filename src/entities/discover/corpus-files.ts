/**
 * Reads raw corpora for entity discovery (`entities:suggest --text`): plain text, JSON Lines, a
 * JSON array of articles, and ZIP archives of those (SaudiNewsNet ships one ZIP a day), walking
 * folders recursively. Each article becomes one document, each line of text one paragraph.
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

/** Documents of one file's contents, by its name. */
export function documentsOfFile(name: string, text: string): DiscoveryDocument[] {
  const lower = name.toLowerCase();
  text = text.replace(/^\uFEFF/, '');
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
    return text
      .split(/\r?\n/)
      .flatMap((line, n) => {
        if (!line.trim()) return [];
        const doc = documentOf(JSON.parse(line), `${name}:${n + 1}`);
        return doc ? [doc] : [];
      });
  }
  if (lower.endsWith('.json')) {
    const json: unknown = JSON.parse(text);
    const values = Array.isArray(json) ? json : [json];
    return values.flatMap((value, n) => {
      const doc = documentOf(value, `${name}#${n}`);
      return doc ? [doc] : [];
    });
  }
  return [{ id: name, paragraphs: paragraphsOf(text) }];
}

const READABLE = /\.(txt|text|md|jsonl|ndjson|json)$/i;

/** Documents of the given files and folders (recursively, hidden entries skipped). */
export function readCorpus(paths: readonly string[]): DiscoveryDocument[] {
  const documents: DiscoveryDocument[] = [];
  const visit = (file: string, top: boolean) => {
    const base = path.basename(file);
    if (!top && base.startsWith('.')) return;
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) visit(path.join(file, entry), false);
      return;
    }
    if (/\.zip$/i.test(file)) {
      const entries = unzipSync(readFileSync(file));
      for (const name of Object.keys(entries).sort()) {
        if (READABLE.test(name)) documents.push(...documentsOfFile(`${file}/${name}`, strFromU8(entries[name]!)));
      }
      return;
    }
    // Inside folders only text-like files are read; a file named on the command line always is.
    if (top || READABLE.test(file)) documents.push(...documentsOfFile(file, readFileSync(file, 'utf8')));
  };
  for (const p of paths) visit(p, true);
  return documents;
}
