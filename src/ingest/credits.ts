/**
 * Credit lines: who wrote or filed a story, from where, and sometimes when, in the many shapes
 * Arabic outlets print them —
 *
 *   "لندن: رنيم حنوش"                        place: author
 *   "عبدالرحيم الحدادي - المدينة المنورة"     author - place
 *   "محمد البقمي- سبق:" "سبق ـ أبها:"          author/outlet/place joined by dashes
 *   "عبدالله الراجحي- سبق- جدة:"
 *   "واس (جدة)" "اربيل (كوردستان24)"          agency (place), place (outlet)
 *   "مشاري الفهد من الرياض"                   author from place
 *   "عدن، صنعاء: محمد عبدالعظيم، الوكالات"     places: author, agencies
 *   "الرياض - الرياضية | Tuesday, 11 August 2015 - 16:10 pm"
 *   "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"
 *
 * Parts are told apart by the outlet and agency tables, the place list, and the line's shape.
 */
import { type FoundDate, findDate } from './dates.ts';
import { findOutlet, findOutletByCode, isAgencyName } from './outlets.ts';
import { isKnownPlace } from './places.ts';
import { countWords } from './text.ts';

export interface Credit {
  /** The reporter(s), "، "-joined, or null. */
  author: string | null;
  /** The dateline place(s) as written, "، "-joined, or null. */
  place: string | null;
  /** Display name of a known outlet the credit names. */
  outlet: string | null;
  /** A news agency the credit names, as written (the first, when it names several). */
  agency: string | null;
  /** Every news agency the credit names, as written ("واس - أ ف ب"). */
  agencies?: string[];
  /** A date in the credit. */
  date: FoundDate | null;
}

/** Byline labels: "بقلم:", "بواسطة :", "كتب -", "By". */
const BYLINE_LABEL = /^(?:بقلم|بواسطة|كتب|كتبت|إعداد|اعداد|تحرير|تقرير|حوار|By)\s*[:：-]?\s+/i;
/** Desk and section labels that are neither a person nor a place ("القسم السياسي", "خاص"). */
const DESK =
  /^(?:ال)?(?:قسم|محرر|محررو|مكتب|فريق|متابعة|متابعات|خاص|خاصة|ثقافة|محليات|اقتصاد|رياضة|شؤون|تحرير|مراسل|مراسلو|مندوب)(?:\s|$)|^(?:ال)?(?:قسم|محرر)\S*\s/;
/** Separators between parts; a tatweel counts only with a space beside it ("سبق ـ أبها"). */
const SEPARATOR = /\s*[-–—|]\s*|\s+ـ+\s*|\s*ـ+\s+|\s*[،,]\s*/;
/** Characters that never appear in a credit line but end or punctuate sentences. */
const SENTENCE = /[.؟?!؛;…]|\s(?:أن|إن|التي|الذي|قال|قالت)\s/;
const MAX_PART_WORDS = 5;
const MAX_CREDIT_WORDS = 12;

type Kind = 'outlet' | 'agency' | 'place' | 'desk' | 'unknown';
interface Part {
  text: string;
  kind: Kind;
  /** Written in parentheses: "واس (جدة)". */
  paren?: boolean;
}

/**
 * Reads a credit. `strict` (for lines inside article text) accepts only lines that name a known
 * outlet or agency and look like nothing but a credit; otherwise (a record's author field) any
 * short text is read, an unknown name becoming the author.
 */
export function parseCredit(raw: string, strict: boolean): Credit | null {
  let text = raw.replace(/\s+/g, ' ').trim();
  const labelled = BYLINE_LABEL.exec(text);
  if (labelled) text = text.slice(labelled[0].length);

  const date = findDate(text);
  if (date) {
    text = `${text.slice(0, date.index)} ${text.slice(date.index + date.text.length)}`
      // What surrounds a date in a credit: weekday, time, era marks.
      .replace(/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b,?/gi, ' ')
      .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?/gi, ' ')
      .replace(/(?<![\p{L}])(?:م|هـ)(?![\p{L}])/gu, ' ');
  }
  text = text.replace(/^[\s:：\-–—ـ|،,]+|[\s:：\-–—ـ|،,]+$/g, '').replace(/\s+/g, ' ');
  if (text === '' && !date) return null;
  if (strict && (SENTENCE.test(` ${text} `) || countWords(text) > MAX_CREDIT_WORDS)) return null;

  const credit: Credit = { author: null, place: null, outlet: null, agency: null, date };
  const authors: string[] = [];
  const places: string[] = [];
  const take = (part: Part) => {
    if (part.kind === 'outlet') credit.outlet ??= findOutletByCode(part.text)?.name ?? part.text;
    else if (part.kind === 'agency') {
      credit.agency ??= part.text;
      (credit.agencies ??= []).push(part.text);
    } else if (part.kind === 'place') places.push(part.text);
  };

  const colon = /^([^:：]+?)\s*[:：]\s*(.+)$/.exec(text);
  const fromPlace = /^(.+?) من (\S+(?: \S+)?)$/.exec(text);
  if (colon && !labelled) {
    // "لندن: رنيم حنوش", "عدن، صنعاء: محمد عبدالعظيم، الوكالات", "صنعاء: أ - الرياض: ب"
    for (const group of text.split(/\s+-\s+(?=[^:：]+[:：])/)) {
      const m = /^([^:：]+?)\s*[:：]\s*(.*)$/.exec(group);
      const [left, right] = m ? [m[1]!, m[2]!] : ['', group];
      for (const part of splitParts(left)) take(part.kind === 'unknown' ? { ...part, kind: 'place' } : part);
      for (const part of splitParts(right)) {
        if (part.kind === 'unknown') authors.push(part.text);
        else take(part);
      }
    }
  } else if (fromPlace && !SEPARATOR.test(text)) {
    // "مشاري الفهد من الرياض"
    const [who] = splitParts(fromPlace[1]!);
    if (who?.kind === 'unknown') authors.push(who.text);
    else if (who) take(who);
    places.push(fromPlace[2]!);
  } else {
    const parts = splitParts(text);
    if (parts.length === 1 && parts[0]!.kind === 'unknown') {
      // "بريدة واس": place then agency, written without a separator.
      const spaced = splitTrailingName(parts[0]!.text);
      if (spaced) parts.splice(0, 1, ...spaced);
    }
    // "الرياض (واس)" in text is a dateline; "الوزيران خلال اللقاء (رويترز)" is a captioned photo.
    if (strict && !SEPARATOR.test(text) && parts.some((p) => p.kind === 'unknown' && countWords(p.text) > 2)) return null;
    // "العرياني (واشنطن)": a place in parentheses follows the reporter's name, however short.
    const placeInParens = parts.some((p) => p.paren && p.kind === 'place');
    for (const part of parts) {
      if (part.kind !== 'unknown') take(part);
      else if (placeInParens && !part.paren) authors.push(part.text);
      else if (authors.length === 0 && countWords(part.text) >= 2 && !(parts.length === 1 && strict)) authors.push(part.text);
      else if (places.length === 0 && countWords(part.text) <= 2) places.push(part.text);
      else authors.push(part.text);
    }
  }

  if (labelled && authors.length === 0 && places.length > 0 && !credit.outlet && !credit.agency) authors.push(...places.splice(0));
  credit.author = authors.length > 0 ? authors.join('، ') : null;
  credit.place = places.length > 0 ? places.join('، ') : null;
  if (strict && !credit.outlet && !credit.agency) return null;
  if (strict && authors.some((a) => countWords(a) > 4)) return null;
  return credit.author || credit.place || credit.outlet || credit.agency || credit.date ? credit : null;
}

/** Splits on separators and parentheses ("واس (جدة)"), classifying each part. */
function splitParts(text: string): Part[] {
  const parts: Part[] = [];
  for (const piece of text.split(SEPARATOR)) {
    const paren = /^(.*?)\s*\(([^()]+)\)\s*(.*)$/.exec(piece);
    const pieces = paren ? [paren[1]!, paren[2]!, paren[3]!] : [piece];
    pieces.forEach((p, i) => {
      const clean = p.replace(/^[\s«»"“”'()]+|[\s«»"“”'()]+$/g, '').trim();
      if (clean !== '' && /\p{L}/u.test(clean)) parts.push({ text: clean, kind: kindOf(clean), paren: paren !== null && i === 1 });
    });
  }
  return parts;
}

function kindOf(part: string): Kind {
  // "الرياض" and "المدينة" are newspapers and cities; in a credit line they are nearly always the city.
  if (isKnownPlace(part)) return 'place';
  const outlet = findOutletByCode(part);
  if (outlet && !outlet.wire && findOutlet(part)) return 'outlet';
  if (isAgencyName(part) || outlet?.wire) return 'agency';
  if (outlet) return 'outlet';
  if (DESK.test(part)) return 'desk';
  if (/\d/.test(part) || countWords(part) > MAX_PART_WORDS) return 'desk';
  return 'unknown';
}

/** "بريدة واس" → place "بريدة" + agency "واس": the last one to three words name an agency or outlet. */
function splitTrailingName(text: string): Part[] | null {
  const words = text.split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const tail = words.slice(-n).join(' ');
    const kind = kindOf(tail);
    if (kind === 'agency' || kind === 'outlet') {
      const head = words.slice(0, -n).join(' ');
      return [
        { text: head, kind: kindOf(head) === 'unknown' ? 'place' : kindOf(head) },
        { text: tail, kind },
      ];
    }
  }
  return null;
}
