import { describe, expect, it } from 'vitest';
import { decodeBytes, foldForFingerprint, ingestBytes, normalizeText, repairMojibake } from '../../src/ingest/index.ts';

const ARABIC = 'الرئيس التركي رجب طيب أردوغان';
/** A paragraph long enough for letter-frequency checks. */
const PARAGRAPH = 'قال الرئيس إن المحادثات كانت مثمرة وإن البلدين سيواصلان التعاون في المجالات الاقتصادية والأمنية خلال الأشهر المقبلة.';

/** windows-1256 encoder built from the platform's decoder (Node has no windows-1256 encoder). */
function encode1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((c) => table.get(c) ?? 0x3f));
}

function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const offset = bom ? 2 : 0;
  const out = new Uint8Array(offset + text.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('decodeBytes', () => {
  const utf8 = new TextEncoder().encode(ARABIC);

  it('reads UTF-8 with and without BOM', () => {
    expect(decodeBytes(utf8)).toEqual({ ok: true, text: ARABIC, encoding: 'utf-8' });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ ok: true, text: ARABIC, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE, with a BOM or without one', () => {
    expect(decodeBytes(utf16(ARABIC, true))).toEqual({ ok: true, text: ARABIC, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(ARABIC, false))).toEqual({ ok: true, text: ARABIC, encoding: 'utf-16be' });
    const mixed = `${PARAGRAPH} (Reuters) 2015\n`;
    expect(decodeBytes(utf16(mixed, true, false))).toEqual({ ok: true, text: mixed, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(mixed, false, false))).toEqual({ ok: true, text: mixed, encoding: 'utf-16be' });
  });

  it('falls back to windows-1256 for Arabic text that is not UTF-8', () => {
    expect(decodeBytes(encode1256(`${ARABIC}، قال.`))).toEqual({ ok: true, text: `${ARABIC}، قال.`, encoding: 'windows-1256' });
    expect(decodeBytes(encode1256(PARAGRAPH))).toEqual({ ok: true, text: PARAGRAPH, encoding: 'windows-1256' });
  });

  it('does not take other code pages for windows-1256', () => {
    // Russian in windows-1251: its bytes fall in the range of Arabic letters in windows-1256,
    // but spread evenly over the alphabet, which Arabic text never does.
    const russian = 'Президент России заявил, что переговоры с Турцией прошли успешно и будут продолжены в ближайшие месяцы.';
    const encoder = new Map<string, number>();
    const decoder = new TextDecoder('windows-1251');
    for (let b = 0; b < 256; b++) encoder.set(decoder.decode(Uint8Array.of(b)), b);
    const bytes = Uint8Array.from([...russian].map((c) => encoder.get(c) ?? 0x3f));
    expect(decodeBytes(bytes)).toMatchObject({ ok: false, reason: expect.stringContaining('encoding') });
    const latin1 = Uint8Array.from([...'Caf\xe9 cr\xe8me br\xfbl\xe9e'].map((c) => c.charCodeAt(0)));
    expect(decodeBytes(latin1)).toMatchObject({ ok: false, reason: expect.stringContaining('encoding') });
  });

  it('refuses binary data and empty files', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty file' });
    expect(decodeBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('binary'),
    });
    expect(decodeBytes(Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('binary'),
    });
  });

  it('repairs UTF-8 that was read as windows-1256 or windows-1252 and saved again', () => {
    const bytes = new TextEncoder().encode(PARAGRAPH);
    const as1256 = new TextDecoder('windows-1256').decode(bytes); // "ظ‚ط§ظ„ …"
    const as1252 = new TextDecoder('windows-1252').decode(bytes); // "Ù‚Ø§Ù„ …"
    expect(repairMojibake(as1256)).toEqual({ text: PARAGRAPH, note: expect.stringContaining('windows-1256') });
    expect(repairMojibake(as1252)).toEqual({ text: PARAGRAPH, note: expect.stringContaining('windows-1252') });
    expect(decodeBytes(new TextEncoder().encode(as1256))).toMatchObject({
      ok: true,
      text: PARAGRAPH,
      note: expect.stringContaining('mojibake'),
    });
    // Real text with ط and ظ, and Latin text with Ø, stays as it is.
    expect(
      repairMojibake('ظل الطالب ينتظر ظهور النتائج في المحطة طويلاً وسط الطقس الحار ظهراً حتى ضاق به الانتظار بعد الظهر طويلاً'),
    ).toBeNull();
    expect(repairMojibake('Ø Ø Ø Ø Ø Ø Ø Ø Ø Ø Ø Ø København')).toBeNull();
  });
});

describe('normalizeText', () => {
  it('normalises line endings, odd spaces and invisible characters, keeping the wording', () => {
    const raw = `\uFEFFسطر\u00A0أول\r\nسطر\u200F ثانٍ\u200B\rثالث\u202B مع\u2066عزل\u2069\t\tهنا &nbsp;&amp;  `;
    expect(normalizeText(raw)).toBe('سطر أول\nسطر ثانٍ\nثالث مععزل هنا &');
  });

  it('keeps a zero-width joiner inside an emoji sequence, removes it elsewhere', () => {
    const family = '👨\u200D👩\u200D👧';
    expect(normalizeText(`عائلة ${family} سعيدة`)).toBe(`عائلة ${family} سعيدة`);
    expect(normalizeText('كلمة\u200Dأخرى \u200Dهنا')).toBe('كلمةأخرى هنا');
  });

  it('removes noncharacters, so input can never forge ingest’s internal link marks', () => {
    expect(normalizeText('نص\uFDD0رابط\uFDD1https://x.com\uFDD2 آخر\uFFFE')).toBe('نصرابطhttps://x.com آخر');
  });

  it('splits paragraphs a scraper glued with a run of spaces after a sentence', () => {
    expect(normalizeText('الجملة الأولى.   الجملة الثانية؟    الثالثة')).toBe('الجملة الأولى.\nالجملة الثانية؟\nالثالثة');
    expect(normalizeText('كلمة   كلمة')).toBe('كلمة كلمة');
  });

  it('maps Arabic presentation forms to letters', () => {
    expect(normalizeText('\uFEDF\uFEE0\uFEEA')).toBe('لله');
  });
});

describe('foldForFingerprint', () => {
  it('ignores tashkeel, tatweel, letter variants, digits, punctuation and spacing', () => {
    expect(foldForFingerprint('وفقاً لـِلاتفاقية، «إس-٤٠٠»  في  المدينة؟')).toBe(foldForFingerprint('وفقا للاتفاقيه "اس 400" في المدينه'));
  });
});

describe('ingestBytes rejections', () => {
  const reject = (bytes: Uint8Array) => {
    const result = ingestBytes(bytes, 'x.txt');
    return result.ok ? 'accepted' : result.reason;
  };
  const text = (s: string) => new TextEncoder().encode(s);

  it('says why a file is not an article', () => {
    expect(reject(text(' \n\t\u00A0\n'))).toMatch(/whitespace/);
    expect(reject(text('Only English here.\nSecond line.'))).toBe('no Arabic text');
    expect(reject(text('A long English article with one word عربي in it.'))).toMatch(/Latin/);
    expect(reject(text('عنوان وحيد\n. . .'))).toMatch(/one line/);
    expect(reject(text('عنوان\nImage caption لقاء الوزيرين'))).toMatch(/only a title/);
    expect(reject(Uint8Array.from([0, 1, 2, 3]))).toMatch(/binary/);
    expect(reject(new Uint8Array(3 * 1024 * 1024).fill(0x41))).toMatch(/too large for one article \(3\.0 MB/);
  });

  it('gives the same fingerprint to the same article in another encoding', () => {
    const article = `${ARABIC} في موسكو\n\nقال الرئيس إن العلاقات "تحسنت".\n`;
    const a = ingestBytes(text(article), 'a.txt');
    const b = ingestBytes(utf16(article.replace(/\n/g, '\r\n'), true), 'b.txt');
    const c = ingestBytes(encode1256(article), 'c.txt');
    const d = ingestBytes(utf16(article.replace(/\n/g, '\r'), false, false), 'd.txt');
    if (!a.ok || !b.ok || !c.ok || !d.ok) throw new Error('rejected');
    expect(b.article.contentHash).toBe(a.article.contentHash);
    expect(c.article.contentHash).toBe(a.article.contentHash);
    expect(d.article.contentHash).toBe(a.article.contentHash);
    expect(c.article.encoding).toBe('windows-1256');
    expect(new Set([a, b, c, d].map((r) => r.article.source.sha256)).size).toBe(4);
  });
});
