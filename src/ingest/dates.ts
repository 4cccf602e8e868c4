/**
 * Dates as news text writes them: ISO and numeric dates, day–month–year with Arabic (Egyptian and
 * Gulf, Levantine and Iraqi, Maghrebi) or English month names, Hijri dates ("25 شوال 1436 هـ",
 * "1436/10/30هـ") converted to Gregorian with the Umm al-Qura calendar, Arabic-Indic digits, and
 * the "Hijri الموافق Gregorian" pairs Saudi outlets print (the Gregorian date wins).
 */
import { asciiDigits } from './text.ts';

/** A date found in text. */
export interface FoundDate {
  /** Gregorian YYYY-MM-DD. */
  date: string;
  /** The date as written (both halves of a Hijri–Gregorian pair). */
  text: string;
  /** Offset of `text` in the searched string. */
  index: number;
  calendar: 'gregorian' | 'hijri';
}

/** Writes an Arabic word as a pattern that accepts its common spelling variants. */
function variants(word: string): string {
  return word
    .replace(/[اأإآ]/g, '[اأإآ]')
    .replace(/[يى]/g, '[يى]')
    .replace(/[هة]/g, '[هة]')
    .replace(/ /g, '\\s*');
}

/** Gregorian month names → month number. */
const GREGORIAN_MONTHS: Array<[string[], number]> = [
  [['كانون الثاني', 'يناير', 'جانفي', 'January', 'Jan'], 1],
  [['شباط', 'فبراير', 'فيفري', 'February', 'Feb'], 2],
  [['آذار', 'مارس', 'March', 'Mar'], 3],
  [['نيسان', 'أبريل', 'أفريل', 'April', 'Apr'], 4],
  [['أيار', 'مايو', 'ماي', 'May'], 5],
  [['حزيران', 'يونيو', 'يونيه', 'جوان', 'June', 'Jun'], 6],
  [['تموز', 'يوليو', 'يوليه', 'يوليوز', 'جويلية', 'July', 'Jul'], 7],
  [['آب', 'أغسطس', 'غشت', 'أوت', 'August', 'Aug'], 8],
  [['أيلول', 'سبتمبر', 'شتنبر', 'September', 'Sept', 'Sep'], 9],
  [['تشرين الأول', 'أكتوبر', 'October', 'Oct'], 10],
  [['تشرين الثاني', 'نوفمبر', 'نونبر', 'November', 'Nov'], 11],
  [['كانون الأول', 'ديسمبر', 'دجنبر', 'December', 'Dec'], 12],
];

/** Hijri month names → month number. */
const HIJRI_MONTHS: Array<[string[], number]> = [
  [['محرم', 'المحرم'], 1],
  [['صفر'], 2],
  [['ربيع الأول', 'ربيع أول'], 3],
  [['ربيع الآخر', 'ربيع الثاني', 'ربيع ثاني'], 4],
  [['جمادى الأولى', 'جمادى الأول', 'جمادى أولى'], 5],
  [['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر', 'جمادى الثاني'], 6],
  [['رجب'], 7],
  [['شعبان'], 8],
  [['رمضان'], 9],
  [['شوال'], 10],
  [['ذو القعدة', 'ذي القعدة', 'ذوالقعدة', 'ذيالقعدة'], 11],
  [['ذو الحجة', 'ذي الحجة', 'ذوالحجة', 'ذيالحجة'], 12],
];

function monthLookup(table: Array<[string[], number]>): { pattern: string; month: (name: string) => number } {
  const entries = table.flatMap(([names, month]) => names.map((name) => ({ name, month, re: new RegExp(`^(?:${variants(name)})$`, 'i') })));
  // Longest first, so "كانون الثاني" wins over a shorter name inside it.
  entries.sort((a, b) => b.name.length - a.name.length);
  return {
    pattern: entries.map((e) => variants(e.name)).join('|'),
    month: (name) => entries.find((e) => e.re.test(name))?.month ?? 0,
  };
}

const GREGORIAN = monthLookup(GREGORIAN_MONTHS);
const HIJRI = monthLookup(HIJRI_MONTHS);
/** Letters on either side of a month name must not continue a word ("مايو" inside "ماي…"). */
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';
/** "هـ", "ه", "هجري", "هجرية" after a year. */
const HIJRI_MARK = String.raw`\s*(?:هـ|ه(?![\p{L}])|هجري(?:ة|ه)?)`;

const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => { y: number; m: number; d: number; hijri: boolean } }> = [
  {
    // 25 شوال 1436 هـ
    re: new RegExp(
      `${NOT_LETTER_BEFORE}(\\d{1,2})\\s*(?:من\\s+)?(${HIJRI.pattern})${NOT_LETTER_AFTER}\\s*[,،]?\\s*(\\d{4})(?:${HIJRI_MARK})?`,
      'giu',
    ),
    read: (m) => ({ d: Number(m[1]), m: HIJRI.month(m[2]!), y: Number(m[3]), hijri: true }),
  },
  {
    // 10 أغسطس 2015, 10 آب/أغسطس 2015, Tuesday, 11 August 2015
    re: new RegExp(
      `${NOT_LETTER_BEFORE}(\\d{1,2})\\s*(?:من\\s+)?(${GREGORIAN.pattern})${NOT_LETTER_AFTER}(?:\\s*[/(-]?\\s*(?:${GREGORIAN.pattern})${NOT_LETTER_AFTER}\\)?)?\\.?\\s*[,،]?\\s*(\\d{4})`,
      'giu',
    ),
    read: (m) => ({ d: Number(m[1]), m: GREGORIAN.month(m[2]!), y: Number(m[3]), hijri: false }),
  },
  {
    // August 11, 2015
    re: new RegExp(
      `${NOT_LETTER_BEFORE}(${GREGORIAN.pattern})${NOT_LETTER_AFTER}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,\\s*(\\d{4})`,
      'giu',
    ),
    read: (m) => ({ d: Number(m[2]), m: GREGORIAN.month(m[1]!), y: Number(m[3]), hijri: false }),
  },
  {
    // 2015-08-10, 1436/10/30هـ
    re: new RegExp(`(?<!\\d)(\\d{4})\\s?[-/.]\\s?(\\d{1,2})\\s?[-/.]\\s?(\\d{1,2})(?!\\d)(${HIJRI_MARK})?`, 'gu'),
    read: (m) => ({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), hijri: Boolean(m[4]) || isHijriYear(Number(m[1])) }),
  },
  {
    // 10/8/2015, 10/4/ 1436هـ
    re: new RegExp(`(?<!\\d)(\\d{1,2})\\s?[-/.]\\s?(\\d{1,2})\\s?[-/.]\\s?(\\d{4})(?!\\d)(${HIJRI_MARK})?`, 'gu'),
    read: (m) => ({ d: Number(m[1]), m: Number(m[2]), y: Number(m[3]), hijri: Boolean(m[4]) || isHijriYear(Number(m[3])) }),
  },
];

function isHijriYear(year: number): boolean {
  return year >= 1300 && year <= 1520;
}

/** Every date in the text, in order of position (overlapping matches dropped). */
export function findDates(text: string): FoundDate[] {
  const s = asciiDigits(text);
  const found: FoundDate[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const { y, m: month, d, hijri } = read(m);
      const date = hijri ? hijriToGregorian(y, month, d) : gregorian(y, month, d);
      if (!date) continue;
      const end = m.index + m[0].length;
      if (found.some((f) => m!.index < f.index + f.text.length && end > f.index)) continue;
      found.push({ date, text: text.slice(m.index, end).trim(), index: m.index, calendar: hijri ? 'hijri' : 'gregorian' });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The first date in the text. A Hijri date followed by its Gregorian equivalent ("… هـ الموافق
 * 10 أغسطس 2015 م") gives the Gregorian date as printed, and `text` covers both.
 */
export function findDate(text: string): FoundDate | null {
  const dates = findDates(text);
  const first = dates[0];
  if (!first) return null;
  const next = dates[1];
  if (first.calendar === 'hijri' && next?.calendar === 'gregorian') {
    const between = text.slice(first.index + first.text.length, next.index);
    if (/^\s*(?:الموافق\s*(?:ل|لـ)?|[/(،,-]|م)?\s*$/.test(between)) {
      return { ...next, text: text.slice(first.index, next.index + next.text.length), index: first.index };
    }
  }
  return first;
}

/**
 * Parses the first date in a publication line: "2021-09-30", "30/9/2021", "30 سبتمبر ,2021",
 * "30 أيلول 2021", "25 شوال 1436 هـ" (Arabic-Indic digits too). Returns YYYY-MM-DD, or null.
 */
export function parseArabicDate(text: string): string | null {
  return findDate(text)?.date ?? null;
}

function gregorian(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;
let hijriFormat: Intl.DateTimeFormat | null = null;

/** The Umm al-Qura date of a UTC day. */
function hijriOf(ms: number): [number, number, number] {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const parts = hijriFormat.formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [part('year'), part('month'), part('day')];
}

/** Converts an Umm al-Qura (Saudi official) Hijri date to Gregorian YYYY-MM-DD, or null if invalid. */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  if (!isHijriYear(year) || month < 1 || month > 12 || day < 1 || day > 30) return null;
  const position = (y: number, m: number, d: number) => (y - 1) * 354.36667 + (m - 1) * 29.530589 + d;
  let ms = Date.UTC(622, 6, 18) + Math.round(position(year, month, day)) * DAY_MS;
  for (let i = 0; i < 10; i++) {
    const [y, m, d] = hijriOf(ms);
    if (y === year && m === month && d === day) return new Date(ms).toISOString().slice(0, 10);
    const diff = position(year, month, day) - position(y, m, d);
    ms += (Math.round(diff) || Math.sign(diff)) * DAY_MS;
  }
  return null;
}
