/**
 * Line classification: tells page furniture (boilerplate.ts), photo credits, source lines, bylines
 * and publication lines from article text, one line at a time and without context. Context-
 * dependent decisions (title, repeated lines, headings, captions, credit lines) belong to
 * structure.ts. Text nothing recognises stays text, whatever its script.
 */
import {
  FURNITURE_LINES,
  FURNITURE_PREFIXES,
  FURNITURE_INLINE,
  FURNITURE_SUFFIXES,
  looksLikeHeadline,
  MAX_RELATED_LINES,
  RELATED_LABEL,
  type Removal,
} from './boilerplate.ts';
import { countWords } from './text.ts';

export type Line =
  /** Article text: title, standfirst, paragraph, heading or unlabelled caption, decided later. */
  | { kind: 'text'; text: string }
  /** A photo credit line ("مصدر الصورة EPA"); credits the caption that follows. */
  | { kind: 'credit'; credit: string; text: string }
  /** A labelled photo caption ("Image caption …"). */
  | { kind: 'caption'; text: string; credit: string | null }
  /** A source line ("المصدر : الجزيرة + وكالات"); `text` is the whole line. */
  | { kind: 'source'; value: string; text: string }
  /** A byline ("بقلم: …", "بواسطة : …"). */
  | { kind: 'byline'; value: string; text: string }
  /** A publication-date line ("نشر في: …"), possibly with its date scraped away. */
  | { kind: 'published'; value: string; text: string }
  /** Anything else that is not article text. */
  | { kind: 'leftover'; text: string; reason: string }
  /** The headline, marked as such by the input (a Markdown `# heading`). */
  | { kind: 'title'; text: string }
  /** A subheading marked as such by the input (Markdown `##`…). */
  | { kind: 'heading'; text: string }
  /** A quotation set apart from the text (Markdown `>`, or a pull quote found by structure.ts). */
  | { kind: 'quote'; text: string };

const CAPTION_LABEL = '(?:Image caption|Media caption|Photo caption|التعليق على الصورة|تعليق الصورة|تعليق على الصورة)';
const CREDIT = new RegExp(
  String.raw`^(?:مصدر الصورة|حقوق الصورة|Image copyright|Image source)\s+(.+?)(?:\s+${CAPTION_LABEL}\s*[:：]?\s+(.+))?$`,
  'i',
);
const CAPTION = new RegExp(String.raw`^(?:${CAPTION_LABEL}\s*[:：]?|(?:الصورة|صورة|في الصورة)\s*[:：])\s+(.+)$`, 'i');
const SOURCE = /^(?:المصدر|المصادر|مصدر الخبر)\s*[:：]\s*(.+)$/;
const BYLINE = /^(?:بقلم\s*[:：]?|(?:كتب|كتبت|بواسطة|إعداد|تحرير)\s*[:：])\s*(.+)$/;
const PUBLISHED = /^(?:نشر في|نُشر في|تاريخ النشر|نشر بتاريخ|تاريخ الخبر|Published(?: on)?)\s*[:：]\s*(.*)$/i;

/** Classifies one trimmed, non-empty line. */
export function classifyLine(line: string): Line {
  const credit = CREDIT.exec(line);
  if (credit) {
    const [, who = '', caption] = credit;
    return caption ? { kind: 'caption', text: caption, credit: who } : { kind: 'credit', credit: who, text: line };
  }
  const caption = CAPTION.exec(line);
  if (caption && countWords(caption[1] ?? '') <= 40) return { kind: 'caption', text: caption[1] ?? '', credit: null };

  const source = SOURCE.exec(line);
  if (source && countWords(source[1] ?? '') <= 8) return { kind: 'source', value: source[1] ?? '', text: line };
  const byline = BYLINE.exec(line);
  if (byline && countWords(byline[1] ?? '') <= 6) return { kind: 'byline', value: byline[1] ?? '', text: line };
  const published = PUBLISHED.exec(line);
  if (published && countWords(published[1] ?? '') <= 20) return { kind: 'published', value: published[1] ?? '', text: line };

  for (const [pattern, reason] of FURNITURE_LINES) if (pattern.test(line)) return { kind: 'leftover', text: line, reason };
  return { kind: 'text', text: line };
}

/**
 * Removes known boilerplate from normalized text and classifies what is left: furniture glued to
 * the start or end of lines, "read also" blocks (the label and the headlines under it), and whole
 * furniture lines. Every removal is reported.
 */
export function cleanLines(lines: string[]): { lines: Line[]; removed: Removal[] } {
  const removed: Removal[] = [];
  const kept: string[] = [];
  const texts = lines.filter((line) => line !== '');
  texts.forEach((original, i) => {
    let line = original;
    for (const { word, re, reason } of FURNITURE_INLINE) {
      if (!line.includes(word)) continue;
      const found = line.match(re) ?? [];
      if (found.length === 0) continue;
      for (const text of found) removed.push({ text: text.trim(), reason });
      line = line
        .replace(re, ' ')
        .replace(/\(\s*\)/g, ' ')
        .replace(/\s+([،,.:؛!؟?)])/g, '$1')
        .replace(/\s{2,}/g, ' ')
        .trim();
    }
    for (const [re, reason] of FURNITURE_PREFIXES) {
      const m = re.exec(line);
      if (m) {
        removed.push({ text: m[0].trim(), reason });
        line = line.slice(m[0].length).trim();
      }
    }
    for (const { word, re, reason, last } of FURNITURE_SUFFIXES) {
      if ((last && i !== texts.length - 1) || !line.includes(word)) continue;
      const m = re.exec(line);
      if (m) {
        removed.push({ text: m[0].trim(), reason });
        line = line.slice(0, m.index).trim();
      }
    }
    if (line !== '') kept.push(line);
  });

  const out: Line[] = [];
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i]!;
    if (RELATED_LABEL.test(line)) {
      removed.push({ text: line, reason: 'label of a list of links to other stories' });
      let n = 0;
      while (n < MAX_RELATED_LINES && i + 1 < kept.length && looksLikeHeadline(kept[i + 1]!)) {
        removed.push({ text: kept[++i]!, reason: 'headline of another story (under "اقرأ أيضا" or similar)' });
        n++;
      }
      continue;
    }
    const classified = classifyLine(line);
    if (classified.kind === 'leftover') removed.push({ text: classified.text, reason: classified.reason });
    else out.push(classified);
    if (classified.kind === 'caption' && line.endsWith(classified.text) && line !== classified.text) {
      removed.push({
        text: line.slice(0, line.length - classified.text.length).trim(),
        reason: 'photo caption label (the caption and its credit are kept)',
      });
    }
  }
  return { lines: out, removed };
}
