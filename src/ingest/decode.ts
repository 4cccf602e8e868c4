/**
 * Bytes → text. Recognises UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
 * windows-1256 (the legacy Arabic Windows code page), and refuses binary data.
 */
import { countArabicLetters, countLatinLetters } from './text.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };

/** Share of letters that must be Arabic before a non-UTF-8 file is accepted as windows-1256. */
const MIN_ARABIC_SHARE_1256 = 0.6;

/** Decodes raw file bytes, or says why they are not text. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs('utf-8', bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs('utf-16be', bytes.subarray(2));
  if (looksBinary(bytes)) return { ok: false, reason: 'binary file (contains NUL or control bytes), not text' };

  const utf8 = decodeAs('utf-8', bytes);
  if (utf8.ok) return utf8;

  const text = new TextDecoder('windows-1256').decode(bytes);
  const arabic = countArabicLetters(text);
  if (arabic > 0 && arabic / (arabic + countLatinLetters(text)) >= MIN_ARABIC_SHARE_1256) {
    return { ok: true, text, encoding: 'windows-1256' };
  }
  return { ok: false, reason: 'unknown text encoding (not UTF-8, UTF-16 with BOM, or Arabic windows-1256)' };
}

function decodeAs(encoding: Encoding, bytes: Uint8Array): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: `invalid ${encoding} byte sequence` };
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
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
