import { describe, expect, it } from 'vitest';
import { decodeBytes, foldForFingerprint, ingestBytes, normalizeText } from '../../src/ingest/index.ts';

const ARABIC = 'الرئيس التركي رجب طيب أردوغان';

/** windows-1256 encoder built from the platform's decoder (Node has no windows-1256 encoder). */
function encode1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((c) => table.get(c) ?? 0x3f));
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('decodeBytes', () => {
  const utf8 = new TextEncoder().encode(ARABIC);

  it('reads UTF-8 with and without BOM', () => {
    expect(decodeBytes(utf8)).toEqual({ ok: true, text: ARABIC, encoding: 'utf-8' });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ ok: true, text: ARABIC, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    expect(decodeBytes(utf16(ARABIC, true))).toEqual({ ok: true, text: ARABIC, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(ARABIC, false))).toEqual({ ok: true, text: ARABIC, encoding: 'utf-16be' });
  });

  it('falls back to windows-1256 for Arabic text that is not UTF-8', () => {
    expect(decodeBytes(encode1256(`${ARABIC}، قال.`))).toEqual({ ok: true, text: `${ARABIC}، قال.`, encoding: 'windows-1256' });
  });

  it('refuses binary data, empty files and undecodable non-Arabic bytes', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty file' });
    expect(decodeBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('binary'),
    });
    const latin1 = Uint8Array.from([...'Caf\xe9 cr\xe8me br\xfbl\xe9e'].map((c) => c.charCodeAt(0)));
    expect(decodeBytes(latin1)).toMatchObject({ ok: false, reason: expect.stringContaining('encoding') });
  });
});

describe('normalizeText', () => {
  it('normalises line endings, odd spaces and invisible characters, keeping the wording', () => {
    const raw = `\uFEFFسطر\u00A0أول\r\nسطر\u200F ثانٍ\u200B\rثالث\u202B مع\u2066عزل\u2069\t\tهنا &nbsp;&amp;  `;
    expect(normalizeText(raw)).toBe('سطر أول\nسطر ثانٍ\nثالث مععزل هنا &');
  });

  it('maps Arabic presentation forms to letters', () => {
    expect(normalizeText('\uFEDF\uFEE0\uFEEA')).toBe('لله');
  });
});

describe('foldForFingerprint', () => {
  it('ignores tashkeel, tatweel, letter variants, digits, punctuation and spacing', () => {
    expect(foldForFingerprint('وفقاً لـِلاتفاقية، «إس-٤٠٠»  في  المدينة؟')).toBe(
      foldForFingerprint('وفقا للاتفاقيه "اس 400" في المدينه'),
    );
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
    expect(reject(text('عنوان وحيد\n. . .'))).toMatch(/only a title/);
    expect(reject(Uint8Array.from([0, 1, 2, 3]))).toMatch(/binary/);
  });

  it('gives the same fingerprint to the same article in another encoding', () => {
    const article = `${ARABIC} في موسكو\n\nقال الرئيس إن العلاقات "تحسنت".\n`;
    const a = ingestBytes(text(article), 'a.txt');
    const b = ingestBytes(utf16(article.replace(/\n/g, '\r\n'), true), 'b.txt');
    const c = ingestBytes(encode1256(article), 'c.txt');
    if (!a.ok || !b.ok || !c.ok) throw new Error('rejected');
    expect(b.article.contentHash).toBe(a.article.contentHash);
    expect(c.article.contentHash).toBe(a.article.contentHash);
    expect(c.article.encoding).toBe('windows-1256');
    expect(new Set([a, b, c].map((r) => r.article.source.sha256)).size).toBe(3);
  });
});
