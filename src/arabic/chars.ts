/**
 * Character classes and code points shared by the Arabic normalizer, tokenizer and proclitic
 * splitter. Everything here is computed once, at module load, into flat typed arrays so the hot
 * loops do one array read per UTF-16 code unit and never allocate.
 */

/** Arabic code points the other modules refer to by name. */
export const ALEF = 0x0627;
export const HAMZA = 0x0621;
export const WAW_HAMZA = 0x0624;
export const YEH_HAMZA = 0x0626;
export const BEH = 0x0628;
export const TEH_MARBUTA = 0x0629;
export const TEH = 0x062a;
export const TATWEEL = 0x0640;
export const FEH = 0x0641;
export const KAF = 0x0643;
export const LAM = 0x0644;
export const NOON = 0x0646;
export const HEH = 0x0647;
export const WAW = 0x0648;
export const YEH = 0x064a;
export const COMBINING_HAMZA_ABOVE = 0x0654;
export const COMBINING_HAMZA_BELOW = 0x0655;

/** Tokenizer character classes (values of {@link CHAR_CLASS}). */
export const C_OTHER = 0;
/** A letter of the Arabic script (Arabic, Arabic Supplement/Extended, presentation forms). */
export const C_ARABIC = 1;
/** A letter of any other script (Latin, Cyrillic, Greek, ...). */
export const C_LETTER = 2;
/** A decimal digit of any script (ASCII, Arabic-Indic, Persian, ...). */
export const C_DIGIT = 3;
/** A combining mark (tashkeel, Latin accents): belongs to the word it follows. */
export const C_MARK = 4;
/** The tatweel/kashida: inside a word only. */
export const C_TATWEEL = 5;
/** Zero-width and bidi control characters: invisible, ignored inside a word. */
export const C_INVISIBLE = 6;
/** Hyphens that may join a letter run and a digit run ("F-16", "إس-400"). */
export const C_HYPHEN = 7;
/** Separators inside a number: "3.5", "1,000", "٣٫٥", "١٬٠٠٠". */
export const C_MIDNUM = 8;
/** Apostrophes inside a Latin word: "don't", "O’Brien". */
export const C_APOSTROPHE = 9;

/**
 * Zero-width and bidi control characters that scraped Arabic text is full of and that carry no
 * meaning for matching: soft hyphen, Arabic letter mark, Mongolian vowel separator, ZWSP, ZWNJ,
 * ZWJ, LRM, RLM, LRE/RLE/PDF/LRO/RLO, word joiner and invisible operators, isolates
 * (LRI/RLI/FSI/PDI), deprecated format characters, BOM/ZWNBSP.
 */
export const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
];

/** True for code points in the Arabic-script blocks (letters, marks, digits, presentation forms). */
export function isArabicBlock(cp: number): boolean {
  return (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x0870 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  );
}

/** Every BMP code point in order, as one string (surrogates replaced by spaces), for bulk regex scans. */
function allBmpChars(): string {
  const units = new Uint16Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) units[cp] = cp >= 0xd800 && cp <= 0xdfff ? 0x20 : cp;
  let s = '';
  for (let i = 0; i < 0x10000; i += 4096) {
    s += String.fromCharCode.apply(null, units.subarray(i, i + 4096) as unknown as number[]);
  }
  return s;
}

/** Calls `fn` for every BMP code point matched by the (global, unicode) regex `re`. */
function forEachMatch(all: string, re: RegExp, fn: (cp: number) => void): void {
  for (const m of all.matchAll(re)) {
    const from = m.index;
    for (let i = 0; i < m[0].length; i++) fn(from + i);
  }
}

let bmp: string | undefined;
/** The BMP string, built lazily and shared by the table builders. */
export function bmpChars(): string {
  bmp ??= allBmpChars();
  return bmp;
}

/**
 * Value 0–9 of every BMP decimal digit (`\p{Nd}`), or -1. Decimal digits come in contiguous runs
 * of ten starting at zero, so the value is the offset inside the run.
 */
export const DIGIT_VALUE: Int8Array = (() => {
  const values = new Int8Array(0x10000).fill(-1);
  const all = bmpChars();
  for (const m of all.matchAll(/\p{Nd}+/gu)) {
    for (let i = 0; i < m[0].length; i++) values[m.index + i] = i % 10;
  }
  return values;
})();

/** Tokenizer class (`C_*`) of every BMP code unit. Surrogates are `C_OTHER`; see `tokenize`. */
export const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  const all = bmpChars();
  forEachMatch(all, /\p{L}+/gu, (cp) => {
    table[cp] = isArabicBlock(cp) ? C_ARABIC : C_LETTER;
  });
  forEachMatch(all, /\p{M}+/gu, (cp) => {
    table[cp] = C_MARK;
  });
  for (let cp = 0; cp < 0x10000; cp++) if (DIGIT_VALUE[cp]! >= 0) table[cp] = C_DIGIT;
  table[TATWEEL] = C_TATWEEL;
  for (const [from, to] of INVISIBLE_RANGES) for (let cp = from; cp <= to; cp++) table[cp] = C_INVISIBLE;
  for (const cp of [0x002d, 0x2010, 0x2011]) table[cp] = C_HYPHEN;
  for (const cp of [0x002e, 0x002c, 0x066b, 0x066c]) table[cp] = C_MIDNUM;
  for (const cp of [0x0027, 0x2019]) table[cp] = C_APOSTROPHE;
  return table;
})();

/** True if the code unit is a combining mark, tatweel or invisible control (skipped when counting letters). */
export function isIgnorable(code: number): boolean {
  const c = CHAR_CLASS[code]!;
  return c === C_MARK || c === C_TATWEEL || c === C_INVISIBLE;
}
