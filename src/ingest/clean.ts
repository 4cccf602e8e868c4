/**
 * Line classification: tells scraping leftovers and page furniture (photo credits, source lines,
 * bylines, comment forms, dot runs…) from article text, one line at a time and without context.
 * Context-dependent decisions (repeated title, repeated captions, headings) belong to structure.ts.
 */
import { countArabicLetters, countWords } from './text.ts';

export type Line =
  /** Article text: title, standfirst, paragraph, heading or unlabelled caption, decided later. */
  | { kind: 'text'; text: string }
  /** A photo credit line ("مصدر الصورة EPA"); credits the caption that follows. */
  | { kind: 'credit'; credit: string }
  /** A labelled photo caption ("Image caption …"). */
  | { kind: 'caption'; text: string; credit: string | null }
  /** A source line ("المصدر : الجزيرة + وكالات"). */
  | { kind: 'source'; value: string }
  /** A byline ("بقلم: …", "بواسطة : …"). */
  | { kind: 'byline'; value: string }
  /** A publication-date line ("نشر في: …"), possibly with its date scraped away. */
  | { kind: 'published'; value: string }
  /** Anything else that is not article text. */
  | { kind: 'leftover'; text: string; reason: string };

const CAPTION_LABEL = String.raw`(?:Image caption|Media caption|التعليق على الصورة|تعليق الصورة)`;
const CREDIT = new RegExp(String.raw`^(?:مصدر الصورة|حقوق الصورة|Image copyright)\s+(.+?)(?:\s+${CAPTION_LABEL}\s+(.+))?$`, 'i');
const CAPTION = new RegExp(String.raw`^${CAPTION_LABEL}\s+(.+)$`, 'i');
const SOURCE = /^(?:المصدر|المصادر|مصدر الخبر)\s*[:：]\s*(.+)$/;
const BYLINE = /^(?:بقلم\s*[:：]?|(?:كتب|كتبت|بواسطة|إعداد|تحرير)\s*[:：])\s*(.+)$/;
const PUBLISHED = /^(?:نشر في|نُشر في|تاريخ النشر|نشر بتاريخ)\s*[:：]\s*(.*)$/;

/** Whole-line leftovers, tested in order; the reason says what the line was. */
const LEFTOVERS: Array<[RegExp, string]> = [
  [/^[\p{P}\p{S}\s]*$/u, 'punctuation-only line'],
  [/^آخر تحديث\s*[:：]?.{0,40}$/, 'update-time furniture'],
  [/^(?:اترك|أترك) (?:رد|ردا|ردًا|تعليقا|تعليقاً)$/, 'comment form'],
  [/^أضف تعليق(?:ا|اً|ك)?$/, 'comment form'],
  [/^لن يتم نشر عنوان بريدك الإلكتروني/, 'comment form'],
  [/^الحقول (?:الإلزامية|المطلوبة) مشار إليها/, 'comment form'],
  [/^(?:شارك|شارك الخبر|شارك المقال|مشاركة|طباعة|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|تابعنا على|تابعونا على)\s*[:：]?$/, 'share or navigation furniture'],
];

/** Classifies one trimmed, non-empty line. */
export function classifyLine(line: string): Line {
  const credit = CREDIT.exec(line);
  if (credit) {
    const [, who = '', caption] = credit;
    return caption ? captionLine(caption, who) : { kind: 'credit', credit: who };
  }
  const caption = CAPTION.exec(line);
  if (caption) return captionLine(caption[1] ?? '', null);

  const source = SOURCE.exec(line);
  if (source && countWords(source[1] ?? '') <= 8) return { kind: 'source', value: source[1] ?? '' };
  const byline = BYLINE.exec(line);
  if (byline && countWords(byline[1] ?? '') <= 6) return { kind: 'byline', value: byline[1] ?? '' };
  const published = PUBLISHED.exec(line);
  if (published && countWords(published[1] ?? '') <= 20) return { kind: 'published', value: published[1] ?? '' };

  for (const [pattern, reason] of LEFTOVERS) if (pattern.test(line)) return { kind: 'leftover', text: line, reason };
  if (countArabicLetters(line) === 0) return { kind: 'leftover', text: line, reason: 'line without Arabic text' };
  return { kind: 'text', text: line };
}

function captionLine(text: string, credit: string | null): Line {
  return countArabicLetters(text) === 0
    ? { kind: 'leftover', text, reason: 'caption without Arabic text' }
    : { kind: 'caption', text, credit };
}

/** Classifies every non-empty line of normalized text. */
export function classifyLines(text: string): Line[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map(classifyLine);
}
