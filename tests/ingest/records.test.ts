/** JSON records: field mapping, the streaming splitters, and SaudiNewsNet-style records (fixtures/records). */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Article, ingestRecord, readRecord } from '../../src/ingest/index.ts';
import { JsonLinesSplitter, JsonRecordSplitter, MAX_RECORD_BYTES, type RawRecord } from '../../src/ingest/io/records-stream.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'records', 'saudi-style.json');

describe('readRecord', () => {
  it('reads the usual field names, first present one wins', () => {
    expect(
      readRecord({
        headline: 'ع',
        body: 'نص',
        link: 'https://x.com/1',
        datePublished: '2015-07-21',
        byline: 'ك',
        publisher: { name: 'سبق' },
      }),
    ).toMatchObject({
      ok: true,
      text: 'نص',
      hints: { title: 'ع', url: 'https://x.com/1', published: '2015-07-21', author: 'ك', outlet: 'سبق' },
    });
    expect(readRecord({ content: 'نص', authors: ['أحمد', 'سارة'] })).toMatchObject({ ok: true, hints: { author: 'أحمد، سارة' } });
    // A scraper's collection time is no publication date: it is read apart, as the latest the article can be from.
    expect(readRecord({ content: 'نص', date_extracted: '2015-07-21 02:51:32' })).toMatchObject({
      ok: true,
      hints: { published: null, collected: '2015-07-21 02:51:32' },
      ignored: [],
    });
    expect(readRecord({ content: 'نص', scraped_at: '2015-07-21', date: '2015-07-20' })).toMatchObject({
      ok: true,
      hints: { published: '2015-07-20', collected: '2015-07-21' },
    });
    expect(readRecord({ text: '# عنوان', format: 'markdown' })).toMatchObject({ ok: true, markdown: true });
  });

  it('says why a record is not an article', () => {
    expect(readRecord([1, 2])).toEqual({ ok: false, reason: 'not an article record: a JSON array, expected an object' });
    expect(readRecord(null)).toEqual({ ok: false, reason: 'not an article record: a JSON null, expected an object' });
    expect(readRecord({ content: '  ' })).toEqual({ ok: false, reason: 'empty "content" field: no article text' });
    expect(readRecord({ title: 'ع' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^no article text/) });
  });
});

function split(splitter: JsonRecordSplitter | JsonLinesSplitter, chunks: Uint8Array[]): RawRecord[] {
  const out: RawRecord[] = [];
  for (const chunk of chunks) splitter.push(chunk, out);
  splitter.end(out);
  return out;
}
/** Records as `{index, value}`, values compared through JSON (so -0 and 0 are one). */
const decode = (records: RawRecord[]) =>
  records.map((r) => ('bytes' in r ? { index: r.index, value: JSON.stringify(JSON.parse(new TextDecoder().decode(r.bytes))) } : r));
const expected = (values: unknown[], index = (i: number) => i + 1) =>
  values.map((value, i) => ({ index: index(i), value: JSON.stringify(value) }));
/** Cuts bytes at the given positions. */
const cut = (bytes: Uint8Array, at: number[]) => {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((p, i, all) => bytes.subarray(p, all[i + 1] ?? bytes.length));
};

describe('streaming splitters', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  const records = fc.array(fc.dictionary(fc.string(), json, { maxKeys: 4 }), { maxLength: 6 });

  it('property: a JSON array split at any byte boundaries gives back each record', () => {
    fc.assert(
      fc.property(records, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (values, at, pretty) => {
        const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(values, null, pretty ? 2 : 0)}`);
        expect(decode(split(new JsonRecordSplitter(), cut(bytes, at)))).toEqual(expected(values));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('property: JSON Lines and concatenated JSON split at any byte boundaries give back each record', () => {
    fc.assert(
      fc.property(records, fc.array(fc.nat(), { maxLength: 8 }), (values, at) => {
        const lines = new TextEncoder().encode(`\uFEFF${values.map((v) => JSON.stringify(v)).join('\n\n')}`);
        expect(decode(split(new JsonLinesSplitter(), cut(lines, at)))).toEqual(expected(values, (i) => 2 * i + 1));
        const concatenated = new TextEncoder().encode(values.map((v) => JSON.stringify(v, null, 1)).join('\n'));
        expect(decode(split(new JsonRecordSplitter(), cut(concatenated, at)))).toEqual(expected(values));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('reads the records of a wrapper object ({"articles": [...]}), and leaves other objects whole', () => {
    const wrapper = {
      status: 'ok',
      total: 2,
      articles: [
        { title: 'أ', content: 'نص أول' },
        { title: 'ب', content: 'نص ثان' },
      ],
    };
    const bytes = new TextEncoder().encode(JSON.stringify(wrapper, null, 2));
    expect(decode(split(new JsonRecordSplitter(), cut(bytes, [5, 40])))).toEqual(expected(wrapper.articles));
    // Two wrappers one after the other: the records are numbered on.
    const two = new TextEncoder().encode(
      `${JSON.stringify({ items: [{ content: 'أ' }] })}\n${JSON.stringify({ items: [{ content: 'ب' }, { content: 'ج' }] })}`,
    );
    expect(decode(split(new JsonRecordSplitter(), [two]))).toEqual(expected([{ content: 'أ' }, { content: 'ب' }, { content: 'ج' }]));
    // An article with a list of tags, a wrapper of strings, and an object inside an array stay as they are.
    for (const whole of [{ content: 'نص', items: [{ tag: 'x' }] }, { items: ['a', 'b'] }]) {
      expect(decode(split(new JsonRecordSplitter(), [new TextEncoder().encode(JSON.stringify(whole))]))).toEqual(expected([whole]));
    }
    const nested = [{ articles: [{ content: 'أ' }] }];
    expect(decode(split(new JsonRecordSplitter(), [new TextEncoder().encode(JSON.stringify(nested))]))).toEqual(expected(nested));
  });

  it('reports a record that lost its closing brace, and reads every record after it', () => {
    const records = Array.from({ length: 20 }, (_, i) => ({
      title: `عنوان ${i + 1}`,
      content: `نص الخبر رقم ${i + 1}، وفيه {قوس} و[معقوف] و"اقتباس".`,
      tags: [{ n: i }],
    }));
    const text = JSON.stringify(records, null, 2);
    // Record 10 loses its last "}" (the one just before record 11 starts); record 20 the one before "]".
    const at = (n: number) => text.indexOf(`"title": "عنوان ${n}"`);
    const close10 = text.lastIndexOf('}', text.lastIndexOf('{', at(11)));
    const close20 = text.lastIndexOf('}');
    const broken = text.slice(0, close10) + text.slice(close10 + 1, close20) + text.slice(close20 + 1);
    const bytes = new TextEncoder().encode(broken);
    for (const cuts of [[], [7, 500, 1234], Array.from({ length: 60 }, (_, k) => 37 * (k + 1))]) {
      const out = split(new JsonRecordSplitter(), cut(bytes, cuts));
      expect(out).toHaveLength(20);
      expect(out[9]).toEqual({ index: 10, error: 'invalid JSON: this record is not closed (a "}" is missing) before the next record' });
      expect(out[19]).toEqual({
        index: 20,
        error: 'invalid JSON: this record is not closed (a "}" is missing) before the end of the array',
      });
      const good = out.filter((r) => 'bytes' in r).map((r) => JSON.parse(new TextDecoder().decode((r as { bytes: Uint8Array }).bytes)));
      expect(good).toEqual(records.filter((_, i) => i !== 9 && i !== 19));
    }
  });

  it('reports a record that lost its closing brace before a record that is no object, counting each once', () => {
    // Found by tests/ingest/fuzz.test.ts: the number after the unclosed record was read into it.
    const text =
      '[\n{"title": "خبر", "content": "نص"\n,\n42\n,\n[1, 2]\n,\n{"title": "خبر", "content": "نص"\n,\nnull\n,\n{"content": "نص آخر"}\n]';
    const out = split(new JsonRecordSplitter(), [new TextEncoder().encode(text)]);
    const unclosed = 'invalid JSON: this record is not closed (a "}" is missing) before the next record';
    expect(out.map((r) => ('error' in r ? r.error : new TextDecoder().decode(r.bytes)))).toEqual([
      unclosed,
      '42',
      '[1, 2]',
      unclosed,
      'null',
      '{"content": "نص آخر"}',
    ]);
    expect(out.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reports a record cut off by the end of the file, and skips records over the size limit', () => {
    expect(split(new JsonRecordSplitter(), [new TextEncoder().encode('[{"a": 1}, {"b": "x')])).toEqual([
      { index: 1, bytes: new TextEncoder().encode('{"a": 1}') },
      { index: 2, error: 'invalid JSON: the file ends inside this record' },
    ]);
    const huge = new TextEncoder().encode(`[{"content": "${'ا'.repeat(MAX_RECORD_BYTES)}"}, {"ok": true}]`);
    const out = split(new JsonRecordSplitter(), cut(huge, [1000, 5_000_000, 12_000_000]));
    expect(out[0]).toMatchObject({ index: 1, error: expect.stringMatching(/^record too large/) });
    expect(decode(out.slice(1))).toEqual([{ index: 2, value: '{"ok":true}' }]);
  });
});

describe('a supplied date', () => {
  const published = (date: string) => {
    const result = ingestRecord({ title: 'عنوان الخبر', content: 'نص الخبر الكامل هنا.', date }, '{}', `dates.json#1`);
    if (!result.ok) throw new Error(result.reason);
    return { date: result.article.published, notes: result.article.notes };
  };

  it('reads ISO dates, epoch times, Arabic dates and English ones that name a day, a month and a year', () => {
    expect(published('2015-07-21').date).toBe('2015-07-21');
    expect(published('2015-07-21T23:10:00+03:00').date).toBe('2015-07-21');
    expect(published('1437436800').date).toBe('2015-07-21');
    expect(published('21 يوليو 2015').date).toBe('2015-07-21');
    expect(published('Tue, 21 Jul 2015 10:00:00 GMT').date).toBe('2015-07-21');
    expect(published('July 21, 2015').date).toBe('2015-07-21');
  });

  it('never turns what is not a date into one, and says so', () => {
    for (const value of ['1', 'Page 2', 'Route 66', '45', 'May', 'Jul 2015', 'version 2015', 'March 45, 2015']) {
      const { date, notes } = published(value);
      expect(date, value).toBeNull();
      expect(notes, value).toContain(`supplied date "${value}" not understood`);
    }
  });
});

describe('SaudiNewsNet-style records', () => {
  const records = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Array<Record<string, string>>;
  const results = records.map((record, i) => ingestRecord(record, JSON.stringify(record), `saudi-style.json#${i + 1}`));
  const article = (n: number): Article => {
    const result = results[n - 1]!;
    if (!result.ok) throw new Error(result.reason);
    return result.article;
  };
  const texts = (a: Article) => a.body.map((b) => b.text);

  it('sabq: outlet from the source code, reporter and place from the dateline, paragraphs glued with spaces split', () => {
    expect(article(1)).toMatchObject({ outlet: 'سبق', author: 'محمد العتيبي', dateline: 'أبها', byline: 'محمد العتيبي- سبق- أبها' });
    expect(texts(article(1))).toHaveLength(3);
    expect(texts(article(1))[0]).toMatch(/^محمد العتيبي- سبق- أبها: أطلقت/);
  });

  it('WAS: section label dropped from the headline, Hijri dateline line read as place and date, wire markers removed', () => {
    expect(article(2)).toMatchObject({
      title: 'مهرجان التمور يواصل فعالياته في بريدة',
      outlet: 'واس',
      dateline: 'بريدة',
      published: '2015-08-10',
    });
    expect(texts(article(2))).toEqual([
      'يواصل مهرجان التمور فعالياته اليومية وسط إقبال كبير من الزوار والمتسوقين.',
      'وأوضح رئيس اللجنة المنظمة أن المهرجان يشهد هذا العام تطوراً في الخدمات المقدمة.',
    ]);
  });

  it('footers, navigation, tag lists, share widgets and SMS prompts glued to the text are removed', () => {
    expect(texts(article(3)).at(-1)).toBe('وأوضح مدير الفرع أن المركز مجهز بأحدث المعدات الطبية.');
    expect(article(4)).toMatchObject({ outlet: 'عين اليوم', dateline: 'جدة' });
    expect(texts(article(4))).toEqual([
      'هطلت أمطار غزيرة على محافظة جدة صباح اليوم وسط تحذيرات من الدفاع المدني.',
      'ودعا الدفاع المدني السكان إلى البقاء بعيداً عن مجاري السيول والأودية.',
      'وأكد أن فرقه منتشرة في جميع الأحياء لمواجهة أي طارئ.',
    ]);
    expect(article(5)).toMatchObject({ author: 'سلمان الكاتب', published: '2015-07-22' });
    expect(texts(article(5))).toEqual([
      'القراءة ليست ترفاً بل حاجة يومية تبني العقل وتوسع الأفق.',
      'وعلى الأسرة أن تغرس هذه العادة في الأطفال منذ الصغر.',
      'salman@example.com',
    ]);
  });

  it('agency-only bylines give a dateline but no author; dates come from the URL or the byline', () => {
    expect(article(6)).toMatchObject({ author: null, dateline: 'جنيف', published: '2015-07-20', outlet: 'الاقتصادية' });
    expect(article(6).publishedFrom).toBe('url');
    // No date in the record, the text or the URL: the day it was collected, marked as such.
    expect(article(7)).toMatchObject({ author: 'نورة الحربي', dateline: 'لندن', published: '2015-07-21', publishedFrom: 'collected' });
    expect(article(7).notes).toContain('published 2015-07-21 or before: the record was collected "2015-07-21 02:51:32"');
    expect(texts(article(7))).not.toContain('...المزيد');
    expect(article(10)).toMatchObject({
      dateline: 'الرياض',
      published: '2015-08-11',
      publishedAs: '11 August 2015',
      outlet: 'الرياضية',
      publishedFrom: 'text',
    });
  });

  it('the same story from another outlet and URL, with other spacing and tashkeel, has the same content hash', () => {
    expect(article(9).contentHash).toBe(article(6).contentHash);
    expect(article(9).source.url).not.toBe(article(6).source.url);
  });

  it('subheadings and pull quotes are recognised; empty and English records are rejected with a reason', () => {
    expect(article(11).body.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'quote', 'paragraph']);
    expect(results[7]).toEqual({ ok: false, reason: 'empty "content" field: no article text' });
    expect(results[11]).toEqual({ ok: false, reason: 'no Arabic text' });
  });
});
