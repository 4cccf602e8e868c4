/**
 * Article structure from classified lines: title, standfirst, paragraphs, subheadings, photo
 * captions and pull quotes, with repeated titles, captions and lead paragraphs removed and credit
 * lines taken out as metadata. Everything removed is reported with its reason.
 */
import type { Removal } from './boilerplate.ts';
import type { Line } from './clean.ts';
import type { Credit } from './credits.ts';
import { type Dateline, readCreditLine, readDateline } from './metadata.ts';
import { nameKey } from './names.ts';
import { findOutlet, isCreditName } from './outlets.ts';
import { isKnownPlace } from './places.ts';
import { countArabicLetters, countWords, foldForFingerprint, plainText } from './text.ts';

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'caption'; text: string; credit: string | null }
  /** A pull quote or a quotation the input set apart; rendered as a block quote. */
  | { type: 'quote'; text: string };

export interface ArticleStructure {
  title: string;
  standfirst: string | null;
  body: Block[];
  /** The dateline opening one of the first paragraphs, kept in the paragraph's text. */
  dateline: Dateline | null;
  /** Credit lines standing alone among the first lines ("عين اليوم – الرياض"), removed from the body. */
  credits: Array<{ text: string; credit: Credit }>;
  /** What structure removed (repeats, credit lines…), in text order. */
  removed: Removal[];
  /** `foldForFingerprint` of a text's plain form, memoized for this article. */
  fold: (text: string) => string;
}

export interface StructureHints {
  /** The headline supplied by the input (a record's title); wins over the text's first line. */
  title?: string | null;
  /** The author supplied by the input: a first line naming only them is a byline. */
  author?: string | null;
  /** A standfirst supplied by the input (a record's summary). */
  standfirst?: string | null;
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
/** How many lines after the title may be standalone credit lines. */
const CREDIT_LINES_WITHIN = 3;
/** Shortest paragraph or heading dropped as a repeat. */
const MIN_REPEAT_WORDS = 8;
/** A subheading introduces a real paragraph, and follows one (verse lines are not headings). */
const MIN_PARAGRAPH_AROUND_HEADING = 10;
/** Longest pull quote. */
const MAX_QUOTE_WORDS = 45;
/** Wire-service section labels opening a headline ("عام / …", "سياسي / …"). */
const SECTION_LABEL = /^(?:عام|سياسي|اقتصادي|رياضي|ثقافي|اجتماعي|دولي|محلي|صحي|تقني|علمي|عسكري|أمني|إقليمي|عربي)\s*\/\s+/;

/** `foldForFingerprint` of a block's plain text, computed once per text (structure compares often). */
type Fold = (text: string) => string;
function memoFold(): Fold {
  const cache = new Map<string, string>();
  return (text) => {
    let folded = cache.get(text);
    if (folded === undefined) {
      folded = foldForFingerprint(plainText(text));
      cache.set(text, folded);
    }
    return folded;
  };
}

/** Builds the structure, or null when there is no text line to use as a title. */
export function buildStructure(lines: Line[], hints: StructureHints = {}): ArticleStructure | null {
  const removed: Removal[] = [];
  const fold = memoFold();
  let rest = lines;
  let title: string | null = hints.title?.trim() || null;
  if (!title) {
    const marked = lines.findIndex((line) => line.kind === 'title');
    const arabic = lines.findIndex((line) => line.kind === 'text' && countArabicLetters(line.text) > 0);
    const index = marked >= 0 ? marked : arabic >= 0 ? arabic : lines.findIndex((line) => line.kind === 'text');
    const line = lines[index];
    if (!line || (line.kind !== 'text' && line.kind !== 'title')) return null;
    title = plainText(line.text);
    rest = lines.filter((_, i) => i !== index);
  }
  const label = SECTION_LABEL.exec(title);
  if (label && countWords(title) > 3) {
    removed.push({ text: label[0].trim(), reason: 'section label in the headline' });
    title = title.slice(label[0].length);
  }
  const suffix = /\s+[-|–—]\s+([^-|–—]{2,40})$/.exec(title);
  if (suffix && findOutlet(suffix[1]!) && !isKnownPlace(suffix[1]!)) {
    removed.push({ text: suffix[0].trim(), reason: 'outlet name after the headline' });
    title = title.slice(0, suffix.index);
  }

  rest = [...rest];
  const credits = takeCreditLines(rest, title, hints.author ?? null, removed);
  const blocks = dropRepeats(readBlocks(rest, title, removed, fold), removed, fold);
  const standfirst = suppliedStandfirst(hints.standfirst ?? null, blocks, removed, fold) ?? takeStandfirst(blocks);
  markHeadings(blocks);
  markPullQuotes(blocks, fold);
  const dateline =
    blocks
      .filter((b) => b.type === 'paragraph')
      .slice(0, DATELINE_WITHIN)
      .map((b) => readDateline(b.text))
      .find((d) => d !== null) ?? null;
  return { title, standfirst, body: blocks, dateline, credits, removed, fold };
}

/**
 * Removes credit lines among the first lines after the title ("عين اليوم – الرياض", "بريدة 25
 * شوال 1436 هـ … واس") and bylines naming only the supplied author or the author a column's
 * headline names ("فوزية الحربي" under "فوزية الحربي: هيكل …").
 */
function takeCreditLines(lines: Line[], title: string, author: string | null, removed: Removal[]): Array<{ text: string; credit: Credit }> {
  const credits: Array<{ text: string; credit: Credit }> = [];
  const bylineKeys = new Set([author, /^([^:：]{3,40})[:：]/.exec(title)?.[1]].filter((s): s is string => Boolean(s)).map(nameKey));
  let seen = 0;
  for (let i = 0; i < lines.length && seen < CREDIT_LINES_WITHIN; i++) {
    const line = lines[i]!;
    if (line.kind !== 'text') continue;
    seen++;
    const credit = readCreditLine(line.text, seen === 1);
    if (credit) {
      credits.push({ text: line.text, credit });
      removed.push({ text: line.text, reason: 'credit line (moved to the byline, author, dateline and date fields)' });
      lines.splice(i--, 1);
    } else if (countWords(line.text) <= 5 && bylineKeys.has(nameKey(line.text))) {
      credits.push({ text: line.text, credit: { author: line.text, place: null, outlet: null, agency: null, date: null } });
      removed.push({ text: line.text, reason: 'byline (moved to the author field)' });
      lines.splice(i--, 1);
    }
  }
  return credits;
}

/** Turns lines into blocks; a credit line credits the next caption. */
function readBlocks(lines: Line[], title: string, removed: Removal[], fold: Fold): Block[] {
  const blocks: Block[] = [];
  const foldedTitle = fold(title);
  let pendingCredit: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'credit') {
      pendingCredit = line.credit;
    } else if (line.kind === 'caption') {
      const { text, credit } = splitCredit(line.text);
      blocks.push({ type: 'caption', text, credit: line.credit ?? credit ?? pendingCredit });
      pendingCredit = null;
    } else if (line.kind === 'heading' || line.kind === 'title') {
      if (fold(line.text) === foldedTitle) removed.push({ text: line.text, reason: 'repeats the title' });
      else blocks.push({ type: 'heading', text: line.text });
    } else if (line.kind === 'quote') {
      blocks.push({ type: 'quote', text: line.text });
    } else if (line.kind === 'text') {
      const folded = fold(line.text);
      if (folded === foldedTitle) {
        removed.push({ text: line.text, reason: 'repeats the title' });
        continue;
      }
      const next = lines[i + 1];
      const repeated = next?.kind === 'text' && fold(next.text) === folded;
      const { text, credit } = splitCredit(line.text);
      if (
        (repeated || credit) &&
        countWords(text) <= MAX_CAPTION_WORDS &&
        countArabicLetters(text) > 0 &&
        !(credit && endsSentence(text))
      ) {
        blocks.push({ type: 'caption', text, credit: credit ?? pendingCredit });
        pendingCredit = null;
        if (repeated) {
          removed.push({ text: next.text, reason: 'repeated photo caption' });
          i++;
        }
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
  if (!line.endsWith(')')) return { text: line, credit: null };
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(line);
  return m && isCreditName(m[2]!) ? { text: m[1]!, credit: m[2]!.trim() } : { text: line, credit: null };
}

/**
 * Keeps one copy of each paragraph and caption. Paragraphs compare without their dateline, and
 * the copy with the dateline wins ("قال …" then "اربيل (كوردستان24)- قال …" keeps the second).
 */
function dropRepeats(blocks: Block[], removed: Removal[], fold: Fold): Block[] {
  const keep = new Map<string, number>();
  const keyOf = (b: Block) => {
    const dateline = b.type === 'paragraph' ? readDateline(b.text) : null;
    return { key: `${b.type}:${fold(dateline ? b.text.slice(dateline.length) : b.text)}`, dated: dateline !== null };
  };
  const keys = blocks.map(keyOf);
  keys.forEach(({ key, dated }, i) => {
    const kept = keep.get(key);
    if (kept === undefined || (dated && !keys[kept]!.dated)) keep.set(key, i);
  });
  return blocks.filter((b, i) => {
    if (keep.get(keys[i]!.key) === i) return true;
    // Short lines repeat on purpose (a recipe's "المقادير:", a poem's refrain); scraped repeats are
    // whole paragraphs.
    if (b.type !== 'caption' && countWords(b.text) < MIN_REPEAT_WORDS) return true;
    removed.push({ text: b.text, reason: b.type === 'caption' ? 'repeated photo caption' : `repeats an earlier ${b.type}` });
    return false;
  });
}

/**
 * Removes and returns the standfirst: the first paragraph (only captions before it) when it is a
 * short summary without sentence-final punctuation and more paragraphs follow.
 */
function takeStandfirst(blocks: Block[]): string | null {
  const i = blocks.findIndex((b) => b.type !== 'caption');
  const first = blocks[i];
  if (first?.type !== 'paragraph') return null;
  const words = countWords(first.text);
  const more = blocks.slice(i + 1).some((b) => b.type === 'paragraph');
  if (!more || endsSentence(first.text) || words < MIN_STANDFIRST_WORDS || words > MAX_STANDFIRST_WORDS) return null;
  blocks.splice(i, 1);
  return plainText(first.text);
}

/** Turns short unpunctuated lines between body blocks and before a paragraph into headings. */
function markHeadings(blocks: Block[]): void {
  blocks.forEach((block, i) => {
    const before = blocks[i - 1];
    const after = blocks[i + 1];
    if (
      block.type === 'paragraph' &&
      before &&
      before.type !== 'heading' &&
      !(before.type === 'paragraph' && countWords(before.text) < MIN_PARAGRAPH_AROUND_HEADING) &&
      after?.type === 'paragraph' &&
      countWords(after.text) >= MIN_PARAGRAPH_AROUND_HEADING &&
      countWords(block.text) <= MAX_HEADING_WORDS &&
      countArabicLetters(block.text) > 0 &&
      !block.text.includes(' | ') &&
      !endsSentence(block.text) &&
      !/^["'«“]/.test(block.text)
    ) {
      blocks[i] = { type: 'heading', text: block.text };
    }
  });
}

/** A paragraph that is one quotation: «…», "…" or “…” around the whole text. */
const QUOTED = /^(?:«([^«»]+)»|"([^"]+)"|“([^“”]+)”)[.!؟?]?$/;

/**
 * Turns pull quotes into quote blocks: a paragraph that is one short quotation repeating words
 * the article says elsewhere (page designs repeat a striking sentence in large type).
 */
function markPullQuotes(blocks: Block[], fold: Fold): void {
  blocks.forEach((block, i) => {
    if (block.type !== 'paragraph') return;
    const m = QUOTED.exec(block.text);
    const inner = m && (m[1] ?? m[2] ?? m[3])!;
    if (!inner || countWords(inner) > MAX_QUOTE_WORDS || countWords(inner) < 3) return;
    const needle = ` ${fold(inner)} `;
    const elsewhere = blocks.some((b, j) => j !== i && b.type === 'paragraph' && ` ${fold(b.text)} `.includes(needle));
    if (elsewhere) blocks[i] = { type: 'quote', text: block.text };
  });
}

/**
 * A standfirst the input supplied (a record's summary), unless the article's first paragraphs
 * already say it: then it would be printed twice.
 */
function suppliedStandfirst(standfirst: string | null, blocks: Block[], removed: Removal[], fold: Fold): string | null {
  if (!standfirst) return null;
  const folded = fold(standfirst);
  const lead = blocks.filter((b) => b.type === 'paragraph').slice(0, 2);
  if (folded === '' || lead.some((b) => fold(b.text).includes(folded))) {
    removed.push({ text: standfirst, reason: 'supplied summary repeats the first paragraph (not used as standfirst)' });
    return null;
  }
  return standfirst;
}

/** True when the text ends like a sentence or a clause (closing quotes and brackets ignored). */
function endsSentence(text: string): boolean {
  return /[.!…:;؛،,]$/.test(text.replace(/["'»”’)\]]+$/, ''));
}
