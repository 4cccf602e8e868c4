/**
 * Arabic-aware word tokenizer with offsets into the original string.
 *
 * A word is a run of letters (any script) and digits, with the combining marks (tashkeel), tatweel
 * and invisible controls (ZWNJ, RLM...) written inside it. Besides that, a word continues across:
 * - a hyphen between a letter and a digit, either way: "F-16", "إس-400", "كوفيد-19", "MH-17"
 *   (but "2020-2021" and "ما-بعد" split, as word-word and number-number hyphens are ranges/compounds);
 * - "." "," "٫" "٬" between two digits: "3.5", "1,000", "٣٫٥";
 * - an apostrophe between two non-Arabic letters: "don't", "O’Brien".
 * Tatweel and invisible controls at the edges of a word are left out of it ("القاهرة ـ رويترز" has
 * no "ـ" token), as are marks before its first letter.
 */
import {
  C_APOSTROPHE,
  C_ARABIC,
  C_DIGIT,
  C_HYPHEN,
  C_INVISIBLE,
  C_LETTER,
  C_MARK,
  C_MIDNUM,
  C_OTHER,
  C_TATWEEL,
  CHAR_CLASS,
} from './chars.ts';

/** What a token is made of. */
export type TokenKind =
  /** Arabic letters only (with their marks). */
  | 'arabic'
  /** Letters of non-Arabic scripts only (Latin, and also Cyrillic, Greek...). */
  | 'latin'
  /** Digits only, possibly with decimal/thousands separators. */
  | 'number'
  /** Letters and digits, or Arabic and non-Arabic letters: "F-16", "إس-400", "الـCNN". */
  | 'mixed';

/** A word of the source text. */
export interface Token {
  /** The token exactly as written: `source.slice(start, end)`. */
  text: string;
  /** Index in the source of the token's first code unit. */
  start: number;
  /** Index in the source just after the token's last code unit. */
  end: number;
  kind: TokenKind;
}

const HAS_ARABIC = 1;
const HAS_LETTER = 2;
const HAS_DIGIT = 4;

/**
 * Tokenizer class of the code point at `i`: astral letters and digits (surrogate pairs) are
 * classified with a regex, which is rare enough not to matter.
 */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return CHAR_CLASS[code]!;
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return C_OTHER;
  const ch = String.fromCodePoint(cp);
  if (/\p{L}/u.test(ch)) return C_LETTER;
  if (/\p{Nd}/u.test(ch)) return C_DIGIT;
  if (/\p{M}/u.test(ch)) return C_MARK;
  return C_OTHER;
}

/** Number of code units of the code point at `i`. */
function unitsAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

function isWordStart(cls: number): boolean {
  return cls === C_ARABIC || cls === C_LETTER || cls === C_DIGIT;
}

function kindOf(flags: number): TokenKind {
  if (flags === HAS_DIGIT) return 'number';
  if (flags === HAS_ARABIC) return 'arabic';
  if (flags === HAS_LETTER) return 'latin';
  return 'mixed';
}

/**
 * Splits `text` into words with their offsets in `text` (see the rules at the top of this file).
 * Tokens are returned in order and never overlap; `text.slice(t.start, t.end) === t.text`.
 * Normalize a token with `normalizeArabic(token.text)`.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const startClass = classAt(text, i);
    if (!isWordStart(startClass)) {
      i += unitsAt(text, i);
      continue;
    }
    const start = i;
    let end = i;
    let flags = 0;
    // Class of the last letter/digit seen: the side a hyphen or separator joins from.
    let last = C_OTHER;
    let j = i;
    while (j < n) {
      const cls = classAt(text, j);
      const width = cls === C_LETTER || cls === C_DIGIT || cls === C_MARK ? unitsAt(text, j) : 1;
      if (cls === C_ARABIC) {
        flags |= HAS_ARABIC;
      } else if (cls === C_LETTER) {
        flags |= HAS_LETTER;
      } else if (cls === C_DIGIT) {
        flags |= HAS_DIGIT;
      } else if (cls === C_MARK) {
        j += width;
        end = j;
        continue;
      } else if (cls === C_TATWEEL || cls === C_INVISIBLE) {
        j += 1; // inside the word only if a word character follows; `end` stays put
        continue;
      } else if (j === end && j + 1 < n && joins(cls, last, classAt(text, j + 1))) {
        j += 1; // the joiner itself; the next iteration takes the character after it
        continue;
      } else {
        break;
      }
      last = cls;
      j += width;
      end = j;
    }
    tokens.push({ text: text.slice(start, end), start, end, kind: kindOf(flags) });
    i = j;
  }
  return tokens;
}

/** Whether a hyphen/separator/apostrophe of class `cls` joins `before` and `after` into one word. */
function joins(cls: number, before: number, after: number): boolean {
  if (cls === C_HYPHEN) {
    const letterBefore = before === C_ARABIC || before === C_LETTER;
    const letterAfter = after === C_ARABIC || after === C_LETTER;
    return (letterBefore && after === C_DIGIT) || (before === C_DIGIT && letterAfter);
  }
  if (cls === C_MIDNUM) return before === C_DIGIT && after === C_DIGIT;
  if (cls === C_APOSTROPHE) return before === C_LETTER && after === C_LETTER;
  return false;
}
