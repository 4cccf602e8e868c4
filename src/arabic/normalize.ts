/**
 * Arabic orthographic normalization: Lucene's `ArabicNormalizer` plus the foldings news text needs
 * (hamza seats, digits, presentation forms, Persian/Urdu letters, invisible controls).
 *
 * Folding rules (default options):
 *
 * | input                                             | output                 | source   |
 * | ------------------------------------------------- | ---------------------- | -------- |
 * | آ أ إ (and ٱ ٲ ٳ ٵ)                               | ا                      | Lucene (+ wasla etc.) |
 * | ى                                                 | ي                      | Lucene   |
 * | ة                                                 | ه                      | Lucene   |
 * | tatweel ـ, harakat U+064B–U+0652                  | removed                | Lucene   |
 * | other Arabic marks (U+0610–061A, 0653–065F, superscript alef U+0670, Quranic marks) | removed | ours |
 * | ؤ ئ, and ي/ى written before a bare ء ("شيء", "شاطىء") | ء                   | ours (`foldHamzaSeats`) |
 * | ٠–٩, ۰–۹ and every other decimal digit            | 0–9                    | ours (Lucene's DecimalDigitFilter) |
 * | ٫ ٬ ٪                                             | . , %                  | ours     |
 * | presentation forms U+FB50–FDFF, U+FE70–FEFF       | NFKC, then these rules | ours     |
 * | zero-width, bidi controls, soft hyphen, BOM       | removed                | ours     |
 * | ی ې ے ۍ ێ ؠ / ک ڪ ګ ػ ؼ / ہ ۃ ۀ ۂ ھ ە              | ي / ك / ه              | ours     |
 * | ڤ پ چ ژ گ (foreign sounds in Arabic transliteration) | ف ب ج ز ك           | ours     |
 *
 * Why hamza seats fold to a bare ء: the same word is spelled with its hamza on a waw, on a yeh or
 * on the line depending on the outlet and country (مسؤول / مسئول / مسءول, شؤون / شئون, شيء / شئ,
 * بطيء / بطئ, شاطئ / شاطىء). Lucene and Larkey's light stemmers leave ؤ and ئ alone, so those pairs
 * never meet; Snowball folds ؤ→و and ئ→ي (and a final one to ء), which still keeps مسؤول (مسوول)
 * and مسئول (مسيول) apart. Folding every seated hamza to the bare ء — the one form all spellings
 * share — and dropping a yeh that only carries a following ء makes all of these spellings equal,
 * while ء stays a letter so word lengths (and the stemmer's length checks) barely move.
 * Hamza on alef still folds to a plain ا as in Lucene, so أحمد = احمد.
 *
 * Latin text is left as is (optionally lower-cased); only the code units listed above change.
 */
import {
  ALEF,
  C_MARK,
  CHAR_CLASS,
  COMBINING_HAMZA_ABOVE,
  COMBINING_HAMZA_BELOW,
  DIGIT_VALUE,
  HAMZA,
  INVISIBLE_RANGES,
  WAW,
  WAW_HAMZA,
  YEH,
  YEH_HAMZA,
} from './chars.ts';

/** Options of {@link normalizeArabic}. */
export interface NormalizeOptions {
  /** Lower-case letters of bicameral scripts (Latin, Greek, Cyrillic...). Default `false`. */
  lowercase?: boolean;
  /**
   * Fold ؤ and ئ (and a yeh carrying a following ء) to ء so مسؤول = مسئول = مسءول. Default `true`;
   * `false` leaves them as Lucene does.
   */
  foldHamzaSeats?: boolean;
}

/** Table entry: delete the code unit. */
const DEL = -1;
/** Table entry: replace with a multi-unit string from the expansion map (presentation ligatures). */
const EXPAND = -2;
/** Table entry: combining hamza above/below, which merges with the letter before it. */
const COMBINING_HAMZA = -3;
/** Table entry: a hamza (bare or folded from a seat) that also drops the yeh seats written before it. */
const HAMZA_FOLD = -4;

/** A compiled normalization table for one combination of options. */
interface Table {
  /** Per BMP code unit: the replacement code unit (>= 0) or one of the negative sentinels above. */
  map: Int32Array;
  /** Replacement text of the `EXPAND` entries, itself run through `map` when emitted. */
  expansions: Map<number, string>;
  foldHamza: boolean;
}

/** Letter foldings that don't depend on options: code unit → replacement code unit. */
const LETTER_FOLDS: ReadonlyArray<readonly [number[], number]> = [
  // Alef with hamza above/below/madda, wasla, wavy hamza, high hamza alef → bare alef.
  [[0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675], ALEF],
  // Alef maksura and the Persian/Urdu/Kashmiri yeh forms → Arabic yeh.
  [[0x0649, 0x0620, 0x063d, 0x063e, 0x063f, 0x06cc, 0x06cd, 0x06ce, 0x06d0, 0x06d1, 0x06d2], YEH],
  // Teh marbuta (also Urdu's), heh goal, heh doachashmee, ae, heh with yeh/hamza above → heh.
  [[0x0629, 0x06c3, 0x06c0, 0x06c1, 0x06c2, 0x06be, 0x06d5], 0x0647],
  // Keheh, swash kaf, kaf with ring, Farsi kaf variants, gaf → kaf.
  [[0x06a9, 0x06aa, 0x06ab, 0x063b, 0x063c, 0x06af], 0x0643],
  // Veh (ڤ, with its variants) → feh; peh → beh; tcheh → jeem; jeh → zain.
  [[0x06a4, 0x06a5, 0x06a2], 0x0641],
  [[0x067e], 0x0628],
  [[0x0686], 0x062c],
  [[0x0698], 0x0632],
  // Arabic decimal separator, thousands separator, percent sign.
  [[0x066b], 0x002e],
  [[0x066c], 0x002c],
  [[0x066a], 0x0025],
];

/** Arabic combining marks removed besides Lucene's harakat (U+064B–0652). */
const MARK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0610, 0x061a], // honorifics and small high letters
  [0x064b, 0x065f], // harakat, madda, hamza marks, other vowel signs (0654/0655 handled apart)
  [0x0670, 0x0670], // superscript (dagger) alef
  [0x06d6, 0x06dc], // Quranic annotation signs
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
  [0x0898, 0x089f],
  [0x08ca, 0x08ff], // Arabic Extended-A marks
];

/** Builds the table for one combination of options. */
function buildTable(lowercase: boolean, foldHamza: boolean): Table {
  const map = new Int32Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) map[cp] = cp;
  if (lowercase) {
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const lower = String.fromCharCode(cp).toLowerCase();
      if (lower.length === 1) map[cp] = lower.charCodeAt(0);
      else if (cp === 0x0130) map[cp] = 0x0069; // İ → i, as Java's Character.toLowerCase
    }
  }
  for (let cp = 0; cp < 0x10000; cp++) {
    const digit = DIGIT_VALUE[cp]!;
    if (digit >= 0) map[cp] = 0x30 + digit;
  }
  for (const [codes, to] of LETTER_FOLDS) for (const cp of codes) map[cp] = to;
  for (const [from, to] of MARK_RANGES) for (let cp = from; cp <= to; cp++) map[cp] = DEL;
  map[0x0640] = DEL; // tatweel
  for (const [from, to] of INVISIBLE_RANGES) for (let cp = from; cp <= to; cp++) map[cp] = DEL;
  map[COMBINING_HAMZA_ABOVE] = COMBINING_HAMZA;
  map[COMBINING_HAMZA_BELOW] = COMBINING_HAMZA;
  if (foldHamza) {
    // Bare hamza, seated hamzas, high hamza and the hamza-carrying letters of Extended Arabic.
    for (const cp of [HAMZA, WAW_HAMZA, YEH_HAMZA, 0x0674, 0x0676, 0x0677, 0x0678, 0x06d3]) {
      map[cp] = HAMZA_FOLD;
    }
  }

  // Presentation forms: their NFKC decomposition, normalized by the entries above at emit time.
  const expansions = new Map<number, string>();
  const presentation = (from: number, to: number) => {
    for (let cp = from; cp <= to; cp++) {
      if (map[cp] !== cp) continue; // already handled (BOM)
      const ch = String.fromCharCode(cp);
      const nfkc = ch.normalize('NFKC');
      if (nfkc === ch) continue; // e.g. ornate parentheses, which have no decomposition
      // Isolated forms of harakat decompose to SPACE + marks: they are marks, drop them whole.
      if (nfkc.charCodeAt(0) === 0x20 && isAllMarks(nfkc.slice(1))) {
        map[cp] = DEL;
      } else if (nfkc.length === 1) {
        map[cp] = map[nfkc.charCodeAt(0)]!;
      } else {
        map[cp] = EXPAND;
        expansions.set(cp, nfkc);
      }
    }
  };
  presentation(0xfb50, 0xfdff);
  presentation(0xfe70, 0xfefe);
  return { map, expansions, foldHamza };
}

function isAllMarks(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (CHAR_CLASS[s.charCodeAt(i)] !== C_MARK) return false;
  return s.length > 0;
}

const tables = new Map<number, Table>();

/** The cached table for `options`, built on first use. */
function tableFor(options: NormalizeOptions | undefined): Table {
  const lowercase = options?.lowercase === true;
  const foldHamza = options?.foldHamzaSeats !== false;
  const key = (lowercase ? 1 : 0) | (foldHamza ? 2 : 0);
  let table = tables.get(key);
  if (!table) {
    table = buildTable(lowercase, foldHamza);
    tables.set(key, table);
  }
  return table;
}

/** Shared output buffers (normalization is synchronous, so one pair serves every call). */
let out = new Uint16Array(1 << 16);
let outOffsets = new Uint32Array(1 << 16);

function ensureCapacity(needed: number, withOffsets: boolean): void {
  if (needed <= out.length) return;
  let size = out.length;
  while (size < needed) size *= 2;
  const grown = new Uint16Array(size);
  grown.set(out);
  out = grown;
  if (withOffsets) {
    const grownOffsets = new Uint32Array(size);
    grownOffsets.set(outOffsets);
    outOffsets = grownOffsets;
  }
}

/** Decodes `out[0..length)` into a string without going through a decoder (lone surrogates survive). */
function decode(length: number): string {
  const CHUNK = 8192;
  if (length <= CHUNK) {
    return String.fromCharCode.apply(null, out.subarray(0, length) as unknown as number[]);
  }
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    const end = Math.min(length, i + CHUNK);
    parts.push(String.fromCharCode.apply(null, out.subarray(i, end) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * Core loop: normalizes `text` starting at `from` (everything before it is unchanged and copied),
 * writing code units to `out` and, when `withOffsets`, their source indexes to `outOffsets`.
 * Returns the output length.
 */
function run(text: string, table: Table, from: number, withOffsets: boolean): number {
  const n = text.length;
  const map = table.map;
  ensureCapacity(n + 16, withOffsets);
  let o = 0;
  for (let i = 0; i < from; i++) {
    out[o] = text.charCodeAt(i);
    if (withOffsets) outOffsets[o] = i;
    o++;
  }
  for (let i = from; i < n; i++) {
    const m = map[text.charCodeAt(i)]!;
    if (m >= 0) {
      if (withOffsets) outOffsets[o] = i;
      out[o++] = m;
    } else if (m === DEL) {
      // Dropped: nothing is written.
    } else if (m === HAMZA_FOLD) {
      while (o > 0 && out[o - 1] === YEH) o--;
      if (withOffsets) outOffsets[o] = i;
      out[o++] = HAMZA;
    } else if (m === COMBINING_HAMZA) {
      // A decomposed hamza: fold it like its precomposed letter (ا+ٔ = أ → ا, و+ٔ = ؤ, ي+ٔ = ئ).
      const prev = o > 0 ? out[o - 1] : -1;
      if (prev === WAW || prev === YEH) {
        if (table.foldHamza) {
          const at = withOffsets ? outOffsets[o - 1]! : 0;
          o--;
          while (o > 0 && out[o - 1] === YEH) o--;
          if (withOffsets) outOffsets[o] = at;
          out[o++] = HAMZA;
        } else {
          out[o - 1] = prev === WAW ? WAW_HAMZA : YEH_HAMZA;
        }
      }
      // After alef or anything else the mark is just dropped.
    } else {
      // EXPAND: emit the decomposition, folding each unit (one level: decompositions are base text).
      const expansion = table.expansions.get(text.charCodeAt(i))!;
      ensureCapacity(o + expansion.length + (n - i) + 16, withOffsets);
      for (let k = 0; k < expansion.length; k++) {
        const e = map[expansion.charCodeAt(k)]!;
        if (e >= 0) {
          if (withOffsets) outOffsets[o] = i;
          out[o++] = e;
        } else if (e === HAMZA_FOLD) {
          while (o > 0 && out[o - 1] === YEH) o--;
          if (withOffsets) outOffsets[o] = i;
          out[o++] = HAMZA;
        }
        // DEL and combining hamza inside a decomposition: dropped.
      }
    }
  }
  return o;
}

/** Index of the first code unit that normalization would change, or -1 if none does. */
function firstChange(text: string, map: Int32Array): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (map[c] !== c) return i;
  }
  return -1;
}

/**
 * Normalizes Arabic text for matching and search: Lucene's ArabicNormalizer (آ أ إ → ا, ى → ي,
 * ة → ه, no tatweel or harakat) plus hamza-seat folding, ASCII digits, presentation forms,
 * Persian/Urdu letters and removal of invisible controls (see the table at the top of this file).
 * Returns the input string itself when nothing changes. Idempotent.
 */
export function normalizeArabic(text: string, options?: NormalizeOptions): string {
  const table = tableFor(options);
  const from = firstChange(text, table.map);
  if (from < 0) return text;
  return decode(run(text, table, from, false));
}

/** Result of {@link normalizeArabicWithOffsets}. */
export interface NormalizedText {
  /** The normalized text, identical to `normalizeArabic(source, options)`. */
  text: string;
  /**
   * `offsets[i]` is the index in the source of the code unit that produced `text[i]`;
   * `offsets[text.length]` is the source length. A normalized range `[s, e)` comes from the source
   * range `[offsets[s], offsets[e])`, which also covers marks and controls removed at its end.
   */
  offsets: Uint32Array;
}

/**
 * Normalizes like {@link normalizeArabic} and also maps every output code unit back to the source,
 * so a match found in normalized text can be placed (e.g. as a link) in the original string.
 */
export function normalizeArabicWithOffsets(text: string, options?: NormalizeOptions): NormalizedText {
  const table = tableFor(options);
  const from = firstChange(text, table.map);
  if (from < 0) {
    const offsets = new Uint32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) offsets[i] = i;
    return { text, offsets };
  }
  const length = run(text, table, from, true);
  const offsets = new Uint32Array(length + 1);
  offsets.set(outOffsets.subarray(0, length));
  offsets[length] = text.length;
  return { text: decode(length), offsets };
}

/**
 * Normalizes one UTF-16 code unit (the first of `ch`) without context: returns '' for a removed
 * character, several characters for a ligature. Unlike {@link normalizeArabic} it cannot drop a
 * yeh written before a hamza (شيء stays شيء); use it for per-character mapping such as highlighting.
 */
export function normalizeArabicChar(ch: string, options?: NormalizeOptions): string {
  if (ch.length === 0) return '';
  const table = tableFor(options);
  const code = ch.charCodeAt(0);
  const m = table.map[code]!;
  if (m >= 0) return m === code ? ch.charAt(0) : String.fromCharCode(m);
  if (m === HAMZA_FOLD) return String.fromCharCode(HAMZA);
  if (m === EXPAND) return normalizeArabic(table.expansions.get(code)!, options);
  return '';
}
