/**
 * Article metadata stated in the text: outlet, dateline, publication date and author.
 * Nothing is guessed: a field stays null unless the text itself supports it.
 */
import { findOutlet, isCreditName, outletBySignature } from './outlets.ts';
import { asciiDigits, countWords } from './text.ts';

/** A place-and-source prefix opening a paragraph, e.g. "اربيل (كوردستان24)- ". */
export interface Dateline {
  /** The place as written ("اربيل"). */
  place: string;
  /** Who filed the story: outlet or agency as written ("كوردستان24", "رويترز"). */
  by: string;
  /** Length of the prefix in the paragraph, separator and following space included. */
  length: number;
}

/** "اربيل (كوردستان24)- …", "الرياض (واس) - …", "موسكو (رويترز): …" */
const DATELINE_PAREN = /^([\p{Script=Arabic} ]{2,30}?) ?\(([^()]{2,30})\) ?[-–—:]+ */u;
/** "موسكو - الجزيرة نت: …" (the filer must be a known outlet or agency) */
const DATELINE_DASH = /^([\p{Script=Arabic} ]{2,30}?) [-–—] ([^:：()]{2,30}?) ?[:：] */u;

/** Reads the dateline that opens a paragraph, if any. */
export function readDateline(paragraph: string): Dateline | null {
  for (const pattern of [DATELINE_PAREN, DATELINE_DASH]) {
    const m = pattern.exec(paragraph);
    if (!m) continue;
    const place = (m[1] ?? '').trim();
    const by = (m[2] ?? '').trim();
    if (countWords(place) > 3 || !isCreditName(by)) continue;
    return { place, by, length: m[0].length };
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

/** Month names: Egyptian/Gulf (يناير…) and Levantine/Iraqi (كانون الثاني…) calendars. */
const MONTHS: Array<[RegExp, number]> = [
  [/كانون الثاني/, 1], [/كانون الأول|كانون الاول/, 12], [/تشرين الثاني/, 11], [/تشرين الأول|تشرين الاول/, 10],
  [/يناير/, 1], [/فبراير|شباط/, 2], [/مارس|آذار|اذار/, 3], [/أبريل|إبريل|ابريل|نيسان/, 4], [/مايو|أيار|ايار/, 5],
  [/يونيو|يونيه|حزيران/, 6], [/يوليو|يوليه|تموز/, 7], [/أغسطس|اغسطس|آب/, 8], [/سبتمبر|أيلول|ايلول/, 9],
  [/أكتوبر|اكتوبر/, 10], [/نوفمبر/, 11], [/ديسمبر/, 12],
];

/**
 * Parses the first date in a publication line: "2021-09-30", "30/9/2021", "30 سبتمبر ,2021",
 * "30 أيلول 2021" (Arabic-Indic digits too). Returns YYYY-MM-DD, or null.
 */
export function parseArabicDate(text: string): string | null {
  const s = asciiDigits(text);
  const iso = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(s);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/.exec(s);
  if (dmy) return ymd(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  for (const [name, month] of MONTHS) {
    const m = new RegExp(String.raw`(\d{1,2})\s*(?:${name.source})\s*[,،]?\s*(\d{4})`).exec(s);
    if (m) return ymd(Number(m[2]), month, Number(m[1]));
  }
  return null;
}

function ymd(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The author named by a byline value, or null when it names only an outlet or agency. */
export function readAuthor(value: string): string | null {
  const author = value.replace(/[\s:：،,-]+$/, '').trim();
  return author === '' || isCreditName(author) ? null : author;
}
