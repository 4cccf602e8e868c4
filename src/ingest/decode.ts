/**
 * Bytes → text. Recognises UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one
 * when the byte pattern is unmistakable), and windows-1256 (the legacy Arabic Windows code page),
 * refuses binary data, and repairs "mojibake": UTF-8 Arabic that a site once read as windows-1256
 * or windows-1252 and saved again ("ط§ظ„…", "Ø§Ù„…").
 */
import { countArabicLetters, countLatinLetters } from './text.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding /** What was repaired, if anything. */; note?: string }
  | { ok: false; reason: string };

/** Share of letters that must be Arabic before a non-UTF-8 file is accepted as windows-1256. */
const MIN_ARABIC_SHARE_1256 = 0.6;
/**
 * In Arabic text the eleven most frequent letters (ا ل ي م و ن ه ر ت ب ع) make up about 70% of
 * all letters; bytes of another code page (Cyrillic, Greek…) decoded as windows-1256 spread evenly
 * over the alphabet (≈ 30%). Checked when there are enough letters to count.
 */
const COMMON_ARABIC = /[اليمونهرتبعأإآةى]/g;
const MIN_COMMON_SHARE = 0.5;
const MIN_LETTERS_FOR_FREQUENCY = 40;

/** Decodes raw file bytes, or says why they are not text. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return withRepair(decodeAs('utf-8', bytes.subarray(3)));
  if (startsWith(bytes, [0xff, 0xfe])) return withRepair(decodeAs('utf-16le', bytes.subarray(2)));
  if (startsWith(bytes, [0xfe, 0xff])) return withRepair(decodeAs('utf-16be', bytes.subarray(2)));
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return withRepair(decodeAs(utf16, bytes));
  if (looksBinary(bytes)) return { ok: false, reason: 'binary file (contains NUL or control bytes), not text' };

  const utf8 = decodeAs('utf-8', bytes);
  if (utf8.ok) return withRepair(utf8);

  const text = new TextDecoder('windows-1256').decode(bytes);
  if (plausibleArabic(text)) return { ok: true, text, encoding: 'windows-1256' };
  return { ok: false, reason: 'unknown text encoding (not UTF-8, UTF-16, or Arabic windows-1256)' };
}

/** True when decoded text reads as Arabic: mostly Arabic letters, with Arabic letter frequencies. */
function plausibleArabic(text: string): boolean {
  const arabic = countArabicLetters(text);
  if (arabic === 0 || arabic / (arabic + countLatinLetters(text)) < MIN_ARABIC_SHARE_1256) return false;
  if (arabic < MIN_LETTERS_FOR_FREQUENCY) return true;
  return (text.match(COMMON_ARABIC)?.length ?? 0) / arabic >= MIN_COMMON_SHARE;
}

function decodeAs(encoding: Encoding, bytes: Uint8Array): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: `invalid ${encoding} byte sequence` };
  }
}

function withRepair(decoded: Decoded): Decoded {
  if (!decoded.ok) return decoded;
  const repaired = repairMojibake(decoded.text);
  return repaired ? { ...decoded, text: repaired.text, note: repaired.note } : decoded;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 without a BOM: in Arabic or Latin text every other byte is the high byte of the code
 * unit, 0x00 (Latin, digits, spaces) or 0x06 (Arabic), and the other bytes are almost never NUL.
 */
function bomlessUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 8) return null;
  let evenHigh = 0,
    oddHigh = 0,
    evenNul = 0,
    oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    const even = bytes[i]!,
      odd = bytes[i + 1]!;
    if (even === 0) evenNul++;
    if (odd === 0) oddNul++;
    if (even === 0 || even === 6) evenHigh++;
    if (odd === 0 || odd === 6) oddHigh++;
  }
  const units = n / 2;
  if (oddHigh / units >= 0.9 && evenNul / units < 0.02 && oddNul > 0) return 'utf-16le';
  if (evenHigh / units >= 0.9 && oddNul / units < 0.02 && evenNul > 0) return 'utf-16be';
  return null;
}

/** NUL bytes, or more than 5% control bytes (other than tab/LF/FF/CR) in the first 64 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) controls++;
  }
  return controls > sample.length * 0.05;
}

/** Reverse tables of the single-byte code pages mojibake comes from: character → byte. */
const reverseTables = new Map<string, Map<string, number>>();
function reverseTable(encoding: 'windows-1256' | 'windows-1252'): Map<string, number> {
  let table = reverseTables.get(encoding);
  if (!table) {
    const decoder = new TextDecoder(encoding);
    table = new Map();
    for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
    reverseTables.set(encoding, table);
  }
  return table;
}

/**
 * Marks of UTF-8 Arabic read in a single-byte code page: every Arabic letter's lead byte 0xD8 or
 * 0xD9 becomes "ط"/"ظ" (windows-1256) or "Ø"/"Ù" (windows-1252), so those make up a large share
 * of the letters, which they never do in real text.
 */
const MOJIBAKE: Array<{ encoding: 'windows-1256' | 'windows-1252'; leads: RegExp; letters: RegExp }> = [
  { encoding: 'windows-1256', leads: /[طظ]/g, letters: /\p{L}/gu },
  { encoding: 'windows-1252', leads: /[ØÙ]/g, letters: /\p{L}/gu },
];
const MIN_MOJIBAKE_LEADS = 10;

/**
 * Repairs UTF-8 text that was decoded in windows-1256 or windows-1252 and saved again, when the
 * whole text converts back without loss and the result is Arabic; otherwise returns null and the
 * text is used as it is.
 */
export function repairMojibake(text: string): { text: string; note: string } | null {
  // One cheap pass first: in real Arabic "ط" and "ظ" are about 2% of the letters, "Ø" "Ù" none.
  let arabicLeads = 0,
    latinLeads = 0,
    arabic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x06d3) {
      arabic++;
      if (c === 0x637 || c === 0x638) arabicLeads++;
    } else if (c === 0xd8 || c === 0xd9) latinLeads++;
  }
  const likely1256 = arabicLeads >= MIN_MOJIBAKE_LEADS && arabicLeads / arabic >= 0.25;
  if (!likely1256 && latinLeads < MIN_MOJIBAKE_LEADS) return null;
  for (const { encoding, leads, letters } of MOJIBAKE) {
    const leadCount = text.match(leads)?.length ?? 0;
    if (leadCount < MIN_MOJIBAKE_LEADS) continue;
    if (leadCount / (text.match(letters)?.length ?? 1) < 0.25) continue;
    const table = reverseTable(encoding);
    const bytes = new Uint8Array(text.length * 3);
    let n = 0;
    let lossless = true;
    for (const ch of text) {
      const b = table.get(ch);
      if (b !== undefined) bytes[n++] = b;
      else if (ch.charCodeAt(0) < 0x80) bytes[n++] = ch.charCodeAt(0);
      else {
        lossless = false;
        break;
      }
    }
    if (!lossless) continue;
    // Valid UTF-8 after the round trip, and Arabic without the telltale share of "ط"/"ظ".
    const decoded = decodeAs('utf-8', bytes.subarray(0, n));
    if (
      decoded.ok &&
      countArabicLetters(decoded.text) > 0 &&
      (decoded.text.match(/[طظ]/g)?.length ?? 0) < 0.1 * countArabicLetters(decoded.text)
    ) {
      return { text: decoded.text, note: `repaired mojibake: UTF-8 text that had been read as ${encoding}` };
    }
  }
  return null;
}
