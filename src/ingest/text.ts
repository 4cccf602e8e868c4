/**
 * Character-level helpers shared by the ingest steps: cleaning decoded text, counting scripts
 * and words, and the frozen folding used for fingerprints and loose comparisons.
 */

/**
 * Zero-width characters, bidi controls, soft hyphen, BOM and other invisible format marks, and
 * Unicode noncharacters (never valid in interchange; ingest uses U+FDD0–U+FDD2 internally to mark
 * links, see `LINK`). The zero-width joiner is handled apart: it is kept inside emoji sequences.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
/** A zero-width joiner that does not join two emoji (👨‍👩‍👧 keeps its joiners). */
const JUNK_ZWJ = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
/** Paragraphs a scraper glued into one line with a run of 3+ spaces after a sentence. */
const GLUED_PARAGRAPHS = /([.!?؟…»"”])[ \t\u00A0]{3,}(?=\S)/g;
/** Space characters other than U+0020 (NBSP, en/em spaces, narrow NBSP, ideographic space…). */
const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** C0/C1 control characters except line feed. */
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
/** Arabic presentation forms (ligatures and positional glyphs from PDFs and old sites). */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]/g;
/** HTML character references that scrapers leave behind. */
const NAMED_ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** Decodes the few HTML character references scrapers leave in text (`&nbsp;`, `&#1575;`…). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(nbsp|amp|quot|apos|lt|gt));/gi, (whole, dec, hex, name) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Cleans decoded text without changing its wording: LF line endings, HTML entity leftovers
 * decoded, presentation forms mapped to plain letters, odd spaces turned into spaces,
 * invisible/bidi marks and control characters removed (a joiner inside an emoji sequence stays),
 * paragraphs glued with a run of spaces after a sentence split into lines, each line trimmed,
 * runs of spaces collapsed.
 */
export function normalizeText(text: string): string {
  return decodeHtmlEntities(text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n'))
    .replace(INVISIBLE, '')
    .replace(JUNK_ZWJ, '')
    .replace(GLUED_PARAGRAPHS, '$1\n')
    .replace(PRESENTATION_FORMS, (c) => c.normalize('NFKC'))
    .replace(ODD_SPACES, ' ')
    .replace(CONTROLS, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}

/** Number of Arabic letters (U+0621–U+064A, U+0671–U+06D3) in the text. */
export function countArabicLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3)) n++;
  }
  return n;
}

const LATIN = /\p{Script=Latin}/u;

/** Number of Latin letters in the text. */
export function countLatinLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) n++;
    else if (c < 0xaa || (c >= 0x0370 && c <= 0x1cff) || (c >= 0x2000 && c <= 0x206f) || (c >= 0xfb50 && c <= 0xfeff)) {
      // No Latin letters here: Greek to Arabic, Indic and other scripts, general punctuation,
      // Arabic presentation forms.
    } else if (c < 0xd800 && LATIN.test(text[i]!)) n++;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // Latin letters outside the BMP (mathematical alphanumerics are not Latin script).
      if (LATIN.test(text.slice(i, i + 2))) n++;
      i++;
    }
  }
  return n;
}

/** Number of whitespace-separated words. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space =
      c === 32 ||
      (c >= 9 && c <= 13) ||
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

/**
 * Text NFKC leaves as it is: ASCII, guillemets, curly quotes and dashes, and the Arabic block
 * without the three combining hamza/madda marks (which compose with the letter before them) and
 * the four high-hamza letters (which have compatibility decompositions). NFKC may still reorder
 * adjacent harakat, but the fold removes them all.
 */
const NFKC_STABLE = /^[\t\n\v\f\r\x20-\x7E\u00AB\u00BB\u0600-\u0652\u0656-\u0674\u0679-\u06FF\u2013\u2014\u2018\u2019\u201C\u201D]*$/;

/** Arabic tashkeel (harakat, tanween, shadda, sukun, dagger alef…) and tatweel. */
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/**
 * Folds text for comparison and fingerprinting: tashkeel and tatweel removed, alef variants → ا,
 * ى → ي, ة → ه, Arabic-Indic digits → ASCII, Latin lower-cased, every run of non-letters and
 * non-digits → one space.
 *
 * Deliberately frozen and separate from `src/arabic`: article ids derive from this fingerprint,
 * so changing it would make re-ingested files look new. Version it rather than edit it.
 */
export function foldForFingerprint(text: string): string {
  // Text NFKC cannot change is folded in one pass by a table built from the rules below; the
  // result is the same (tests/ingest/ids.test.ts checks it against the fold as first written).
  if (NFKC_STABLE.test(text)) return foldStable(text);
  return asciiDigits(text.normalize('NFKC'))
    .replace(TASHKEEL, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Per code unit below U+2020: what the fold makes of it. */
const DROP = -1;
const SEPARATOR = -2;
let foldTable: Int32Array | null = null;

/** The fold's rules, applied to each character of the NFKC-stable set on its own. */
function buildFoldTable(): Int32Array {
  const table = new Int32Array(0x2020).fill(SEPARATOR);
  for (let c = 0; c < table.length; c++) {
    const ch = String.fromCharCode(c);
    if (!NFKC_STABLE.test(ch)) continue;
    const folded = asciiDigits(ch)
      .replace(TASHKEEL, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه')
      .toLowerCase();
    if (folded === '') table[c] = DROP;
    else if (folded.length === 1 && /[\p{L}\p{N}]/u.test(folded)) table[c] = folded.charCodeAt(0);
  }
  return table;
}

let foldBuffer = new Uint16Array(4096);
const utf16 = new TextDecoder('utf-16le');

/** `foldForFingerprint` of NFKC-stable text, in one pass. */
function foldStable(text: string): string {
  const table = (foldTable ??= buildFoldTable());
  if (foldBuffer.length < text.length) foldBuffer = new Uint16Array(text.length * 2);
  const out = foldBuffer;
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const to = c < table.length ? table[c]! : SEPARATOR;
    if (to === DROP) continue;
    if (to === SEPARATOR) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) {
      out[n++] = 0x20;
      pendingSpace = false;
    }
    out[n++] = to;
  }
  return utf16.decode(out.subarray(0, n));
}

/** Converts Arabic-Indic and Extended Arabic-Indic digits to ASCII digits. */
export function asciiDigits(text: string): string {
  if (!/[٠-٩۰-۹]/.test(text)) return text;
  return text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/**
 * Inline links inside block text: `\uFDD0` anchor text `\uFDD1` href `\uFDD2`. Noncharacters never
 * survive `normalizeText`, so only ingest itself (the Markdown reader) can write these marks.
 */
export const LINK = /\uFDD0([^\uFDD0-\uFDD2]*)\uFDD1([^\uFDD0-\uFDD2\s]*)\uFDD2/g;

/** Wraps anchor text and an href in link marks (see `LINK`). */
export function linkMark(text: string, href: string): string {
  return `\uFDD0${text}\uFDD1${href}\uFDD2`;
}

/** Text without link marks: anchors kept, hrefs and stray marks dropped. */
export function plainText(text: string): string {
  return /[\uFDD0-\uFDEF]/.test(text) ? text.replace(LINK, '$1').replace(/[\uFDD0-\uFDEF]/g, '') : text;
}
