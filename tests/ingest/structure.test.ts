/** Structure and metadata rules on small synthetic articles (the seeds are in seeds.test.ts). */
import { describe, expect, it } from 'vitest';
import { classifyLine, cleanLines } from '../../src/ingest/clean.ts';
import { type Article, detectOutlet, findOutlet, parseArabicDate, parseArticle, readDateline } from '../../src/ingest/index.ts';

const P1 = 'قال الرئيس إن المحادثات كانت مثمرة وإن البلدين سيواصلان التعاون.';
const P2 = 'وأضاف أن الاجتماع المقبل سيعقد في العاصمة خلال الشهر المقبل.';
const P3 = 'وختم بالقول إن الطرفين متفقان على أهمية الحل السياسي.';

function parse(text: string): Article {
  const result = parseArticle(text, { source: { file: 't.txt', sha256: '0'.repeat(64), url: null } });
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

describe('classifyLine', () => {
  it('recognises page furniture and labelled photo lines', () => {
    expect(classifyLine('. . . .')).toMatchObject({ kind: 'leftover' });
    expect(classifyLine('0')).toMatchObject({ kind: 'leftover' });
    expect(classifyLine('اترك رد')).toMatchObject({ kind: 'leftover', reason: 'comment form' });
    expect(classifyLine('A handout picture released by the ministry shows the meeting')).toMatchObject({ kind: 'leftover' });
    expect(classifyLine('مصدر الصورة Getty Images')).toEqual({ kind: 'credit', credit: 'Getty Images', text: 'مصدر الصورة Getty Images' });
    expect(classifyLine('مصدر الصورة EPA Image caption لقاء الوزيرين')).toEqual({ kind: 'caption', text: 'لقاء الوزيرين', credit: 'EPA' });
    expect(classifyLine('Image caption لقاء الوزيرين')).toEqual({ kind: 'caption', text: 'لقاء الوزيرين', credit: null });
    expect(classifyLine('المصدر : الجزيرة + وكالات')).toEqual({
      kind: 'source',
      value: 'الجزيرة + وكالات',
      text: 'المصدر : الجزيرة + وكالات',
    });
    expect(classifyLine('بواسطة : عمرو عاطف')).toEqual({ kind: 'byline', value: 'عمرو عاطف', text: 'بواسطة : عمرو عاطف' });
    expect(classifyLine('نشر في: آخر تحديث:')).toMatchObject({ kind: 'published' });
  });

  it('does not mistake sentences that start like furniture for furniture', () => {
    expect(classifyLine('نشر في وقت سابق تقرير عن المحادثات.')).toMatchObject({ kind: 'text' });
    expect(classifyLine('المصدر الذي تحدث للصحيفة طلب عدم ذكر اسمه لأنه غير مخول بالحديث.')).toMatchObject({ kind: 'text' });
    expect(classifyLine('الصورة التي نشرتها الوزارة تظهر الوزيرين.')).toMatchObject({ kind: 'text' });
    expect(classifyLine('شارك في الاجتماع وزراء الخارجية العرب.')).toMatchObject({ kind: 'text' });
    expect(classifyLine('للتواصل مع الأهالي أطلقت البلدية رقماً موحداً.')).toMatchObject({ kind: 'text' });
  });

  it('keeps text it does not recognise, whatever its script', () => {
    expect(classifyLine('The minister said talks were "constructive".')).toMatchObject({ kind: 'text' });
    expect(classifyLine('https://example.com/report')).toMatchObject({ kind: 'text' });
    expect(classifyLine('salman@example.com')).toMatchObject({ kind: 'text' });
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

describe('boilerplate', () => {
  const cleaned = (text: string) => {
    const { lines, removed } = cleanLines(text.split('\n'));
    return { kept: lines.map((l) => ('text' in l ? l.text : '')), removed };
  };

  it('removes share, comment, navigation, newsletter and wire-service furniture, with reasons', () => {
    const { kept, removed } = cleaned(
      [
        P1,
        'شارك',
        'فيسبوك تويتر واتساب',
        'Share this:',
        'Next Previous',
        'أضف تعليقك',
        'اشترك في النشرة البريدية ليصلك كل جديد',
        '// انتهى //',
        '20:26 ت م',
        '...المزيد',
        'جميع الحقوق محفوظة © 2015',
        P2,
      ].join('\n'),
    );
    expect(kept).toEqual([P1, P2]);
    expect(removed.map((r) => r.reason)).toEqual([
      'share or navigation furniture',
      'share buttons',
      'share or navigation furniture',
      'share or navigation furniture',
      'comment form',
      'newsletter prompt',
      'wire-service end marker (// انتهى //)',
      'wire-service time stamp (ت م: Mecca time)',
      'share or navigation furniture',
      'copyright notice',
    ]);
  });

  it('removes furniture glued to the start or end of a line, keeping the text', () => {
    const { kept, removed } = cleaned(
      [
        `Next Previous ${P1}`,
        `شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك ${P2}`,
        `${P3} رابط الخبر بصحيفة الوئام: عنوان الخبر`,
        'وختم بالقول إن الوفد عاد. سمات الرياض وزارة الخارجية',
      ].join('\n'),
    );
    expect(kept).toEqual([P1, P2, P3, 'وختم بالقول إن الوفد عاد.']);
    expect(removed.map((r) => r.text)).toEqual([
      'Next Previous',
      'شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك',
      'رابط الخبر بصحيفة الوئام: عنوان الخبر',
      'سمات الرياض وزارة الخارجية',
    ]);
  });

  it("removes the author's other headlines glued to the end of a column, keeping the column", () => {
    const { kept, removed } = cleaned(
      [
        P1,
        'ومن أقنعهم أن الإرهاب هو الجهاد؟! مقالات أخرى للكاتبهل فشل الشقيري أم نحن الفاشلون؟الضمان الاجتماعي والاحتجاج !!المباني السكنية',
      ].join('\n'),
    );
    expect(kept).toEqual([P1, 'ومن أقنعهم أن الإرهاب هو الجهاد؟!']);
    expect(removed.map((r) => r.reason)).toEqual(["the author's other articles (a list of headlines)"]);
  });

  it('removes the placeholder of an e-mail address the source page hid, tidying what it leaves', () => {
    const { kept, removed } = cleaned(
      [
        P1,
        'ترسل السيرة الذاتية إلى البريد الإلكتروني ( [email\u00a0protected] /* */ )، لمدة شهر، والأفضلية للسعوديين.',
        'أو على البريد الالكتروني mailto:[email protected] /* */ وذلك اعتبارا من تاريخ 10 /8 /1436هـ.',
        'أو البريد الإلكتروني [email protected] /* <![CDATA[ */ /* ]]> */ . وتبدأ المقابلات الأحد.',
      ].join('\n'),
    );
    expect(kept).toEqual([
      P1,
      'ترسل السيرة الذاتية إلى البريد الإلكتروني، لمدة شهر، والأفضلية للسعوديين.',
      'أو على البريد الالكتروني وذلك اعتبارا من تاريخ 10 /8 /1436هـ.',
      'أو البريد الإلكتروني. وتبدأ المقابلات الأحد.',
    ]);
    expect(removed.map((r) => r.text)).toEqual([
      '[email\u00a0protected] /* */',
      'mailto:[email protected] /* */',
      '[email protected] /* <![CDATA[ */ /* ]]> */',
    ]);
    expect(new Set(removed.map((r) => r.reason)).size).toBe(1);
  });

  it("removes a reader poll's style sheet, script, question and answers glued after the text", () => {
    const poll =
      "#vote_area2 ul { padding: 0; margin: 0; } .box_vote { zbackground: #FFFFFF; } jQuery.noConflict(); jQuery(document).ready(function(){ jQuery('#vote_area2').html('انتظر لحظات…'); }); كيف تتناول إفطارك في رمضان؟ تناول جميع الأطعمة مع وقت أذان المغرب لا أكترث";
    const { kept, removed } = cleaned([P1, `${P2} ما النوع الذي تفضله وإلى أي جانب أنت؟ ${poll}`].join('\n'));
    expect(kept).toEqual([P1, `${P2} ما النوع الذي تفضله وإلى أي جانب أنت؟`]);
    expect(removed).toEqual([{ text: poll, reason: 'reader poll: its style sheet, script, question and answers' }]);
    // A brace in news text with no script after it stays.
    expect(cleaned(`${P1} {المنطقة المحايدة} ${P2}`).kept).toEqual([`${P1} {المنطقة المحايدة} ${P2}`]);
  });

  it('removes a "read also" block: the label and the headlines under it, not the text after', () => {
    const { kept, removed } = cleaned([P1, 'اقرأ أيضا:', 'الوزير يلتقي نظيره الروسي', 'افتتاح معرض الكتاب', P2].join('\n'));
    expect(kept).toEqual([P1, P2]);
    expect(removed.map((r) => r.text)).toEqual(['اقرأ أيضا:', 'الوزير يلتقي نظيره الروسي', 'افتتاح معرض الكتاب']);
    expect(cleaned(`${P1}\nاقرأ أيضاً: الوزير يلتقي نظيره الروسي\n${P2}`).kept).toEqual([P1, P2]);
  });

  it('removes reader SMS-contact instructions', () => {
    const { kept } = cleaned(
      [
        P1,
        'للتواصل أرسل sms إلى 88548 الاتصالات، 636250 موبايلي، 738303 زين تبدأ بالرمز 153 مسافة ثم الرسالة',
        `${P2} للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3) ثم مسافة ثم نص الرسالة إلى 88591 - Stc`,
      ].join('\n'),
    );
    expect(kept).toEqual([P1, P2]);
  });
});

describe('structure of real-world articles', () => {
  it('takes credit lines under the title out of the body into metadata', () => {
    const a = parse(`أمطار غزيرة على جدة\nعين اليوم – جدة\n${P1}\n${P2}`);
    expect(a.body.map((b) => b.text)).toEqual([P1, P2]);
    expect(a).toMatchObject({ outlet: 'عين اليوم', dateline: 'جدة', byline: 'عين اليوم – جدة', author: null });
    const was = parse(`عام / مهرجان التمور يواصل فعالياته\nبريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n${P1}\n${P2}\n// انتهى //`);
    expect(was).toMatchObject({
      title: 'مهرجان التمور يواصل فعالياته',
      dateline: 'بريدة',
      published: '2015-08-10',
      publishedAs: '25 شوال 1436 هـ الموافق 10 اغسطس 2015',
    });
    expect(was.body.map((b) => b.text)).toEqual([P1, P2]);
  });

  it('reads the dateline and reporter a first paragraph opens with, and keeps it in the text', () => {
    const a = parse(`عنوان الخبر\nعبدالله الراجحي- سبق- جدة: ${P1}\n${P2}`);
    expect(a).toMatchObject({ dateline: 'جدة', author: 'عبدالله الراجحي', outlet: 'سبق' });
    expect(a.body[0]).toEqual({ type: 'paragraph', text: `عبدالله الراجحي- سبق- جدة: ${P1}` });
  });

  it('reads a publication date stated in the text, Hijri included', () => {
    expect(parse(`عنوان\nنشر في: ١٤٣٦/١٠/٥ هـ\n${P1}\n${P2}`)).toMatchObject({ published: '2015-07-21', publishedAs: '١٤٣٦/١٠/٥ هـ' });
    expect(parse(`عنوان\nتاريخ النشر: 2015-07-21\n${P1}\n${P2}`)).toMatchObject({ published: '2015-07-21', publishedAs: null });
  });

  it('turns a quotation the article repeats into a pull quote, once', () => {
    const a = parse(`عنوان\n\n${P1}\n\n«الطرفين متفقان على أهمية الحل السياسي»\n\n${P3}`);
    expect(a.body).toEqual([
      { type: 'paragraph', text: P1 },
      { type: 'quote', text: '«الطرفين متفقان على أهمية الحل السياسي»' },
      { type: 'paragraph', text: P3 },
    ]);
    // A quoted paragraph the article does not repeat stays a paragraph.
    expect(parse(`عنوان\n\n${P1}\n\n«هذه جملة لا تتكرر في النص أبداً»\n\n${P3}`).body[1]).toEqual({
      type: 'paragraph',
      text: '«هذه جملة لا تتكرر في النص أبداً»',
    });
  });

  it('never duplicates a caption: a caption repeated anywhere is kept once, where it first appears', () => {
    const a = parse(`عنوان\n${P1}\nالوزيران خلال اللقاء (رويترز)\n${P2}\nالوزيران خلال اللقاء (رويترز)\n${P3}`);
    expect(a.body.filter((b) => b.type === 'caption')).toEqual([{ type: 'caption', text: 'الوزيران خلال اللقاء', credit: 'رويترز' }]);
    expect(a.removed.map((r) => r.reason)).toContain('repeated photo caption');
  });

  it('keeps web addresses in paragraphs (they render as links)', () => {
    const a = parse(`عنوان\n${P1}\nللمزيد زوروا الموقع (www.gdp.gov.sa).\n${P2}`);
    expect(a.body[1]).toEqual({ type: 'paragraph', text: 'للمزيد زوروا الموقع (www.gdp.gov.sa).' });
  });

  it('uses supplied metadata over the text, and a supplied title over the first line', () => {
    const result = parseArticle(`${P1}\n${P2}`, {
      source: { file: 'r.json#1', sha256: '0'.repeat(64), url: null },
      hints: {
        title: 'عنوان من السجل',
        author: 'لندن: نورة الحربي',
        outlet: 'aawsat',
        published: '2015-07-21 02:51:32',
        url: 'http://aawsat.com/home/article/1',
      },
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article).toMatchObject({
      title: 'عنوان من السجل',
      author: 'نورة الحربي',
      byline: 'لندن: نورة الحربي',
      dateline: 'لندن',
      outlet: 'الشرق الأوسط',
      published: '2015-07-21',
      source: { url: 'http://aawsat.com/home/article/1' },
    });
    expect(result.article.body.map((b) => b.text)).toEqual([P1, P2]);
  });
});
