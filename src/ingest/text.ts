/**
 * Character-level helpers shared by the ingest steps: cleaning decoded text, counting scripts
 * and words, and the frozen folding used for fingerprints and loose comparisons.
 */

/** Zero-width characters, bidi controls, soft hyphen, BOM and other invisible format marks. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
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
 * invisible/bidi marks and control characters removed, each line trimmed, runs of spaces collapsed.
 */
export function normalizeText(text: string): string {
  return decodeHtmlEntities(text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n'))
    .replace(INVISIBLE, '')
    .replace(PRESENTATION_FORMS, (c) => c.normalize('NFKC'))
    .replace(ODD_SPACES, ' ')
    .replace(CONTROLS, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}

/** Number of Arabic letters (U+0621–U+064A, U+0671–U+06D3) in the text. */
export function countArabicLetters(text: string): number {
  return text.match(/[\u0621-\u064A\u0671-\u06D3]/g)?.length ?? 0;
}

/** Number of Latin letters in the text. */
export function countLatinLetters(text: string): number {
  return text.match(/\p{Script=Latin}/gu)?.length ?? 0;
}

/** Number of whitespace-separated words. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

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
  return asciiDigits(text.normalize('NFKC'))
    .replace(TASHKEEL, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Converts Arabic-Indic and Extended Arabic-Indic digits to ASCII digits. */
export function asciiDigits(text: string): string {
  return text
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}
