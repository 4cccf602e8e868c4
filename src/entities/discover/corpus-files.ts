/**
 * Reads raw corpora for entity discovery (`entities:suggest --text`) with ingest's reader
 * (src/ingest/io/inputs.ts): the same files and folders (walked recursively, hidden entries
 * skipped), formats (plain text, Markdown, JSON, JSON Lines, ZIP archives of those — SaudiNewsNet
 * ships one ZIP a day — told by extension, else by content), text encodings, record fields
 * (src/ingest/records.ts) and reasons for an input that gives nothing, as `npm run ingest`. Each
 * text file or record becomes one document, each non-empty line of its text one paragraph. An
 * input that cannot be read costs only itself: it is reported, by name, with the reason.
 */
import { decodeBytes } from '../../ingest/decode.ts';
import { parseRecordBytes, type WorkItem } from '../../ingest/io/ingest-item.ts';
import { planInputs, readInputs } from '../../ingest/io/inputs.ts';
import { readRecord } from '../../ingest/records.ts';
import type { DiscoveryDocument } from '../discover.ts';

/** Non-empty lines of a text, as paragraphs. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * An input that gave no document: a file, a record (`day.json#3`, `day.jsonl#12`: the record's or
 * line's number from 1) or a ZIP entry (`day.zip/a.json`), and why, on one line.
 */
export interface CorpusProblem {
  input: string;
  reason: string;
}

/** The document of one text file or record that ingest's reader found, or why there is none. */
export function documentOfItem(item: WorkItem): DiscoveryDocument | CorpusProblem {
  if (item.kind === 'text') {
    const decoded = decodeBytes(item.bytes);
    return decoded.ok ? { id: item.name, paragraphs: paragraphsOf(decoded.text) } : { input: item.display, reason: decoded.reason };
  }
  const parsed = parseRecordBytes(item.bytes);
  if (!parsed.ok) return { input: item.display, reason: parsed.reason };
  const record = readRecord(parsed.value);
  if (!record.ok) return { input: item.display, reason: record.reason };
  const title = record.hints.title ?? '';
  return { id: item.name, paragraphs: [...paragraphsOf(title), ...paragraphsOf(record.text)] };
}

/**
 * Documents of the given files and folders. An input that cannot be read or holds no article — a
 * missing file, a broken ZIP, a JSON record that does not parse or has no text — is listed in
 * `problems` and skipped; the others are read.
 */
export async function readCorpus(paths: readonly string[]): Promise<{ documents: DiscoveryDocument[]; problems: CorpusProblem[] }> {
  const documents: DiscoveryDocument[] = [];
  const problems: CorpusProblem[] = [];
  for await (const item of readInputs(planInputs([...paths]).inputs)) {
    if (item.kind === 'error') {
      problems.push({ input: item.display, reason: item.reason });
      continue;
    }
    const document = documentOfItem(item);
    if ('reason' in document) problems.push(document);
    else documents.push(document);
  }
  return { documents, problems };
}
