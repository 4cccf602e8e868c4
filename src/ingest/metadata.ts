/**
 * Article metadata stated in the text: outlet, dateline, publication date and author.
 * Nothing is guessed: a field stays null unless the text itself supports it.
 */
import { type Credit, parseCredit } from './credits.ts';
import { findOutlet, isCreditName, outletBySignature } from './outlets.ts';
import { isKnownPlace } from './places.ts';
import { countWords } from './text.ts';

export { parseArabicDate } from './dates.ts';

/** A credit prefix opening a paragraph: "اربيل (كوردستان24)- ", "سبق ـ أبها: ", "محمد البقمي- سبق: ". */
export interface Dateline {
  /** The place as written ("اربيل"), or null when the prefix names none ("محمد البقمي- سبق:"). */
  place: string | null;
  /** Who filed the story: outlet or agency as written ("كوردستان24", "رويترز", "سبق"). */
  by: string;
  /** The reporter the prefix names, if any. */
  author: string | null;
  /** Length of the prefix in the paragraph, separator and following space included. */
  length: number;
}

/** "اربيل (كوردستان24)- …", "الرياض (واس) - …", "موسكو (رويترز): …" */
const DATELINE_PAREN = /^([\p{Script=Arabic} ]{2,30}?) ?\(([^()]{2,30})\) ?[-–—:]+ */u;
/** "موسكو - الجزيرة نت: …" (the filer must be a known outlet or agency) */
const DATELINE_DASH = /^([\p{Script=Arabic} ]{2,30}?) [-–—] ([^:：()]{2,30}?) ?[:：] */u;
/** Any short prefix ending in a colon: "سبق ـ أبها: ", "عبدالله الراجحي- سبق- جدة: ". */
const CREDIT_PREFIX = /^([^:：.!؟?«»"“”\n]{2,70}?)\s*[:：]\s+/u;

/** Reads the dateline that opens a paragraph, if any. */
export function readDateline(paragraph: string): Dateline | null {
  for (const pattern of [DATELINE_PAREN, DATELINE_DASH]) {
    const m = pattern.exec(paragraph);
    if (!m) continue;
    const place = (m[1] ?? '').trim();
    const by = (m[2] ?? '').trim();
    if (countWords(place) > 3 || !isCreditName(by)) continue;
    return { place, by, author: null, length: m[0].length };
  }
  const m = CREDIT_PREFIX.exec(paragraph);
  // A credit prefix separates its parts with a dash or parentheses: "قال الوزير:" never does.
  if (m && /[-–—ـ(]/.test(m[1]!)) {
    const credit = parseCredit(m[1]!, true);
    if (credit && (credit.outlet || credit.agency)) {
      return { place: credit.place, by: (credit.outlet ?? credit.agency)!, author: credit.author, length: m[0].length };
    }
  }
  return null;
}

export interface OutletEvidence {
  /** Source line values ("الجزيرة + وكالات"). */
  sourceLines: string[];
  /** Who filed the story, from the dateline. */
  datelineBy: string | null;
  /** All raw lines, for page-furniture signatures. */
  rawLines: string[];
}

/**
 * The outlet the text names: a source line first ("المصدر : الجزيرة + وكالات" → الجزيرة),
 * then the dateline's filer when it is an outlet, then outlet-specific page furniture.
 */
export function detectOutlet(evidence: OutletEvidence): string | null {
  for (const value of evidence.sourceLines) {
    // "الجزيرة + وكالات", "الجزيرة نت - وكالات", "الجزيرة ووكالات"
    for (const part of [value, ...value.split(/\s*[+،,/&]\s*|\s+[-–]\s+|\s+و(?=وكالات)/)]) {
      const outlet = findOutlet(part);
      if (outlet) return outlet.name;
    }
  }
  if (evidence.datelineBy) {
    const outlet = findOutlet(evidence.datelineBy);
    if (outlet) return outlet.name;
  }
  return outletBySignature(evidence.rawLines)?.name ?? null;
}

/** The author named by a byline value, or null when it names only an outlet or agency. */
export function readAuthor(value: string): string | null {
  const author = value.replace(/[\s:：،,-]+$/, '').trim();
  if (author === '' || isCreditName(author)) return null;
  // "محمد أحمد - الرياض", "واس - محمد أحمد": the person, without place and agency.
  if (/[-–—ـ(:]/.test(author)) return parseCredit(author, false)?.author ?? null;
  return author;
}

/**
 * Reads a credit line standing alone among the first lines of an article: one naming an outlet
 * or agency ("عين اليوم – الرياض"), or, as the first line, a reporter and a known place joined by
 * a dash ("حامد القرشي – مكة المكرمة").
 */
export function readCreditLine(line: string, first = false): Credit | null {
  if (countWords(line) > 14) return null;
  const credit = parseCredit(line, true);
  if (credit || !first || countWords(line) > 7 || !/\s[-–—ـ]|[-–—ـ]\s/.test(line)) return credit;
  const loose = parseCredit(line, false);
  return loose?.author && loose.place && isKnownPlace(loose.place) && countWords(loose.author) <= 4 ? loose : null;
}
