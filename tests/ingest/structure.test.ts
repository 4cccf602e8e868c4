/** Structure and metadata rules on small synthetic articles (the seeds are in seeds.test.ts). */
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/ingest/clean.ts';
import { type Article, detectOutlet, findOutlet, parseArabicDate, parseArticle, readDateline } from '../../src/ingest/index.ts';

const P1 = 'قال الرئيس إن المحادثات كانت مثمرة وإن البلدين سيواصلان التعاون.';
const P2 = 'وأضاف أن الاجتماع المقبل سيعقد في العاصمة خلال الشهر المقبل.';
const P3 = 'وختم بالقول إن الطرفين متفقان على أهمية الحل السياسي.';

function parse(text: string): Article {
  const result = parseArticle(text, { file: 't.txt', sha256: '0'.repeat(64), url: null });
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

describe('classifyLine', () => {
  it('recognises page furniture and labelled photo lines', () => {
    expect(classifyLine('. . . .')).toMatchObject({ kind: 'leftover' });
    expect(classifyLine('0')).toMatchObject({ kind: 'leftover' });
    expect(classifyLine('اترك رد')).toMatchObject({ kind: 'leftover', reason: 'comment form' });
    expect(classifyLine('A handout picture released by the ministry shows the meeting')).toMatchObject({ kind: 'leftover' });
    expect(classifyLine('مصدر الصورة Getty Images')).toEqual({ kind: 'credit', credit: 'Getty Images' });
    expect(classifyLine('مصدر الصورة EPA Image caption لقاء الوزيرين')).toEqual({ kind: 'caption', text: 'لقاء الوزيرين', credit: 'EPA' });
    expect(classifyLine('Image caption لقاء الوزيرين')).toEqual({ kind: 'caption', text: 'لقاء الوزيرين', credit: null });
    expect(classifyLine('المصدر : الجزيرة + وكالات')).toEqual({ kind: 'source', value: 'الجزيرة + وكالات' });
    expect(classifyLine('بواسطة : عمرو عاطف')).toEqual({ kind: 'byline', value: 'عمرو عاطف' });
    expect(classifyLine('نشر في: آخر تحديث:')).toMatchObject({ kind: 'published' });
  });

  it('does not mistake sentences that start like furniture for furniture', () => {
    expect(classifyLine('نشر في وقت سابق تقرير عن المحادثات.')).toMatchObject({ kind: 'text' });
    expect(classifyLine('المصدر الذي تحدث للصحيفة طلب عدم ذكر اسمه لأنه غير مخول بالحديث.')).toMatchObject({ kind: 'text' });
  });
});

describe('structure', () => {
  it('takes the title from the first meaningful line and drops its repeats', () => {
    const a = parse(`.\n. . .\n\nالعنوان الرئيسي للخبر\nالعنوان الرئيسي للخبر\n0\n${P1}\n${P2}`);
    expect(a.title).toBe('العنوان الرئيسي للخبر');
    expect(a.body.map((b) => b.text)).toEqual([P1, P2]);
  });

  it('turns short unpunctuated lines between paragraphs into headings, but not the last line', () => {
    const a = parse(`عنوان\n\n${P1}\n\nخلفية الأزمة\n\n${P2}\n\nسطر قصير أخير`);
    expect(a.body).toEqual([
      { type: 'paragraph', text: P1 },
      { type: 'heading', text: 'خلفية الأزمة' },
      { type: 'paragraph', text: P2 },
      { type: 'paragraph', text: 'سطر قصير أخير' },
    ]);
  });

  it('reads a standfirst under the title only when it is a summary line', () => {
    expect(parse(`عنوان\n\nالرئيسان اتفقا على مواصلة العمل المشترك\n\n${P1}\n\n${P2}`).standfirst).toBe(
      'الرئيسان اتفقا على مواصلة العمل المشترك',
    );
    expect(parse(`عنوان\n\n${P1}\n\n${P2}`).standfirst).toBeNull();
  });

  it('keeps repeated or credited short lines as one caption, with the credit apart', () => {
    const a = parse(`عنوان\n\n${P1}\nالوزيران خلال اللقاء\nالوزيران خلال اللقاء\n${P2}\nجنود أتراك قرب الحدود (رويترز)\n${P3}`);
    expect(a.body).toEqual([
      { type: 'paragraph', text: P1 },
      { type: 'caption', text: 'الوزيران خلال اللقاء', credit: null },
      { type: 'paragraph', text: P2 },
      { type: 'caption', text: 'جنود أتراك قرب الحدود', credit: 'رويترز' },
      { type: 'paragraph', text: P3 },
    ]);
  });

  it('does not read a sentence ending in a parenthesis as a caption', () => {
    const line = 'وقالت الوكالة إن الجيش انسحب من المنطقة (رويترز).';
    expect(parse(`عنوان\n\n${P1}\n${line}\n${P2}`).body[1]).toEqual({ type: 'paragraph', text: line });
  });

  it('drops a lead paragraph repeated after its dateline, keeping the dateline copy', () => {
    const a = parse(`عنوان\n\n${P1}\n\nموسكو (رويترز)- ${P1}\n\n${P2}`);
    expect(a.body.map((b) => b.text)).toEqual([`موسكو (رويترز)- ${P1}`, P2]);
    expect(a.dateline).toBe('موسكو');
    expect(a.outlet).toBeNull();
  });

  it('reads author and publication date from furniture lines and removes them', () => {
    const a = parse(`عنوان\nبقلم: سارة أحمد\nنشر في: 22 سبتمبر ,2021: 03:50 م GST آخر تحديث: 22 سبتمبر ,2021\n${P1}\n${P2}`);
    expect(a.author).toBe('سارة أحمد');
    expect(a.published).toBe('2021-09-22');
    expect(a.outlet).toBe('العربية');
    expect(a.body.map((b) => b.text)).toEqual([P1, P2]);
  });
});

describe('metadata', () => {
  it('finds outlets by whole name only', () => {
    expect(findOutlet('الجزيرة نت')?.name).toBe('الجزيرة');
    expect(findOutlet('RT')?.name).toBe('روسيا اليوم');
    expect(findOutlet('الرياض')?.name).toBe('الرياض');
    expect(findOutlet('مدينة الرياض')).toBeNull();
  });

  it('prefers a source line, then a dateline, then page furniture', () => {
    const rawLines = ['مصدر الصورة EPA'];
    expect(detectOutlet({ sourceLines: ['الجزيرة + وكالات'], datelineBy: 'كوردستان24', rawLines })).toBe('الجزيرة');
    expect(detectOutlet({ sourceLines: [], datelineBy: 'كوردستان24', rawLines })).toBe('كوردستان24');
    expect(detectOutlet({ sourceLines: [], datelineBy: 'رويترز', rawLines })).toBe('بي بي سي عربي');
    expect(detectOutlet({ sourceLines: ['وكالات'], datelineBy: null, rawLines: [] })).toBeNull();
  });

  it('reads datelines naming a known outlet or agency', () => {
    expect(readDateline('اربيل (كوردستان24)- قال الرئيس')).toMatchObject({ place: 'اربيل', by: 'كوردستان24' });
    expect(readDateline('الرياض (واس) - أعلنت الوزارة')).toMatchObject({ place: 'الرياض', by: 'واس' });
    expect(readDateline('موسكو - الجزيرة نت: قال')).toMatchObject({ place: 'موسكو', by: 'الجزيرة نت' });
    expect(readDateline('لافروف (يمين) - قال')).toBeNull();
  });

  it('parses Arabic publication dates', () => {
    expect(parseArabicDate('2020-03-05')).toBe('2020-03-05');
    expect(parseArabicDate('٥/٣/٢٠٢٠')).toBe('2020-03-05');
    expect(parseArabicDate('30 أيلول 2021')).toBe('2021-09-30');
    expect(parseArabicDate('1 كانون الثاني 2019')).toBe('2019-01-01');
    expect(parseArabicDate('31 فبراير 2021')).toBeNull();
    expect(parseArabicDate('آخر تحديث:')).toBeNull();
  });
});
