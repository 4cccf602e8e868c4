/**
 * One input item → its article and MDX: the work the ingest pool spreads over threads (pool.ts),
 * or does inline for small runs.
 */
import { type Article, articleToMdx, type IngestResult, ingestBytes, ingestRecord, withMdxHash } from '../index.ts';
import type { InputItem } from './inputs.ts';

/** An input item that can be ingested (not a read error). */
export type WorkItem = Exclude<InputItem, { kind: 'error' }>;

/**
 * An ingested item: the article (without its body, which only the MDX needs) and its MDX with
 * `mdxHash`, or why it was rejected.
 */
export type WorkResult = { ok: true; article: Article; mdx: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One JSON record's bytes, parsed, or why they are not JSON (ingest and `entities:suggest --text`). */
export function parseRecordBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; reason: string } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'invalid UTF-8 in the record (JSON must be UTF-8)' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // On one line, without the copy of the record V8 puts in its message.
    const message = (error as Error).message.replace(/,? ".*" is not valid JSON$/s, '').replace(/\s+/g, ' ');
    return { ok: false, reason: `invalid JSON (${message})` };
  }
}

/** Ingests one input item (a text file or a JSON record). */
export function ingestItem(item: WorkItem): IngestResult {
  if (item.kind === 'text') return ingestBytes(item.bytes, item.name, {}, item.format);
  const parsed = parseRecordBytes(item.bytes);
  return parsed.ok ? ingestRecord(parsed.value, item.bytes, item.name) : parsed;
}

/** Ingests items and renders their MDX; `explain` keeps what `--explain` prints. */
export function processItems(items: WorkItem[], explain: boolean): WorkResult[] {
  return items.map((item) => {
    const result = ingestItem(item);
    if (!result.ok) return { ok: false, reason: result.reason };
    const { article } = result;
    return {
      ok: true,
      article: { ...article, body: [], removed: explain ? article.removed : [], notes: explain ? article.notes : [] },
      mdx: withMdxHash(articleToMdx(article)),
    };
  });
}
