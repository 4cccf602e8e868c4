/**
 * Article structure from classified lines: title, standfirst, paragraphs, subheadings and photo
 * captions, with repeated titles, repeated captions and repeated lead paragraphs removed.
 */
import type { Line } from './clean.ts';
import { type Dateline, readDateline } from './metadata.ts';
import { isCreditName } from './outlets.ts';
import { countWords, foldForFingerprint } from './text.ts';

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'caption'; text: string; credit: string | null };

export interface ArticleStructure {
  title: string;
  standfirst: string | null;
  body: Block[];
  /** The dateline opening one of the first paragraphs, kept in the paragraph's text. */
  dateline: Dateline | null;
}

/** Longest line read as a subheading. */
const MAX_HEADING_WORDS = 7;
/** Longest line read as an unlabelled photo caption. */
const MAX_CAPTION_WORDS = 25;
/** Standfirst length bounds. */
const MIN_STANDFIRST_WORDS = 4;
const MAX_STANDFIRST_WORDS = 45;
/** How many leading paragraphs may carry the dateline. */
const DATELINE_WITHIN = 3;

/** Builds the structure, or null when there is no text line to use as a title. */
export function buildStructure(lines: Line[]): ArticleStructure | null {
  const titleIndex = lines.findIndex((line) => line.kind === 'text');
  const titleLine = lines[titleIndex];
  if (!titleLine || titleLine.kind !== 'text') return null;
  const title = titleLine.text;

  const blocks = dropRepeats(readBlocks(lines.filter((_, i) => i !== titleIndex), title));
  const standfirst = takeStandfirst(blocks);
  markHeadings(blocks);
  const dateline =
    blocks
      .filter((b) => b.type === 'paragraph')
      .slice(0, DATELINE_WITHIN)
      .map((b) => readDateline(b.text))
      .find((d) => d !== null) ?? null;
  return { title, standfirst, body: blocks, dateline };
}

/** Turns lines into paragraphs and captions; a credit line credits the next caption. */
function readBlocks(lines: Line[], title: string): Block[] {
  const blocks: Block[] = [];
  const foldedTitle = foldForFingerprint(title);
  let pendingCredit: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'credit') {
      pendingCredit = line.credit;
    } else if (line.kind === 'caption') {
      const { text, credit } = splitCredit(line.text);
      blocks.push({ type: 'caption', text, credit: line.credit ?? credit ?? pendingCredit });
      pendingCredit = null;
    } else if (line.kind === 'text') {
      const folded = foldForFingerprint(line.text);
      if (folded === foldedTitle) continue;
      const next = lines[i + 1];
      const repeated = next?.kind === 'text' && foldForFingerprint(next.text) === folded;
      const { text, credit } = splitCredit(line.text);
      if ((repeated || credit) && countWords(text) <= MAX_CAPTION_WORDS && !(credit && endsSentence(text))) {
        blocks.push({ type: 'caption', text, credit: credit ?? pendingCredit });
        pendingCredit = null;
        if (repeated) i++;
      } else {
        blocks.push({ type: 'paragraph', text: line.text });
        pendingCredit = null;
      }
    }
  }
  return blocks;
}

/** Splits a trailing agency credit: "موالون لتركيا (فرانس برس)" → text + credit "فرانس برس". */
function splitCredit(line: string): { text: string; credit: string | null } {
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(line);
  return m && isCreditName(m[2]!) ? { text: m[1]!, credit: m[2]!.trim() } : { text: line, credit: null };
}

/**
 * Keeps one copy of each paragraph and caption. Paragraphs compare without their dateline, and
 * the copy with the dateline wins ("قال …" then "اربيل (كوردستان24)- قال …" keeps the second).
 */
function dropRepeats(blocks: Block[]): Block[] {
  const keep = new Map<string, number>();
  const keyOf = (b: Block) => {
    const dateline = b.type === 'paragraph' ? readDateline(b.text) : null;
    return { key: `${b.type}:${foldForFingerprint(b.text.slice(dateline?.length ?? 0))}`, dated: dateline !== null };
  };
  const keys = blocks.map(keyOf);
  keys.forEach(({ key, dated }, i) => {
    const kept = keep.get(key);
    if (kept === undefined || (dated && !keys[kept]!.dated)) keep.set(key, i);
  });
  return blocks.filter((_, i) => keep.get(keys[i]!.key) === i);
}

/**
 * Removes and returns the standfirst: the first paragraph (only captions before it) when it is a
 * short summary without sentence-final punctuation and more paragraphs follow.
 */
function takeStandfirst(blocks: Block[]): string | null {
  const i = blocks.findIndex((b) => b.type !== 'caption');
  const first = blocks[i];
  if (!first || first.type !== 'paragraph') return null;
  const words = countWords(first.text);
  const more = blocks.slice(i + 1).some((b) => b.type === 'paragraph');
  if (!more || endsSentence(first.text) || words < MIN_STANDFIRST_WORDS || words > MAX_STANDFIRST_WORDS) return null;
  blocks.splice(i, 1);
  return first.text;
}

/** Turns short unpunctuated lines between body blocks and before a paragraph into headings. */
function markHeadings(blocks: Block[]): void {
  blocks.forEach((block, i) => {
    const before = blocks[i - 1];
    const after = blocks[i + 1];
    if (
      block.type === 'paragraph' &&
      before && before.type !== 'heading' &&
      after?.type === 'paragraph' &&
      countWords(block.text) <= MAX_HEADING_WORDS &&
      !endsSentence(block.text) &&
      !/^["'«“]/.test(block.text)
    ) {
      blocks[i] = { type: 'heading', text: block.text };
    }
  });
}

/** True when the text ends like a sentence or a clause (closing quotes and brackets ignored). */
function endsSentence(text: string): boolean {
  return /[.!…:;؛،,]$/.test(text.replace(/["'»”’)\]]+$/, ''));
}
