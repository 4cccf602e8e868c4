import { describe, expect, it } from 'vitest';
import { parseCredit, readDateline } from '../../src/ingest/index.ts';

const credit = (text: string, strict = false) => {
  const c = parseCredit(text, strict);
  return c && { author: c.author, place: c.place, outlet: c.outlet, agency: c.agency, date: c.date?.date ?? null };
};
const of = (
  author: string | null,
  place: string | null,
  outlet: string | null = null,
  agency: string | null = null,
  date: string | null = null,
) => ({
  author,
  place,
  outlet,
  agency,
  date,
});

describe('credit lines', () => {
  it('reads the shapes Arabic outlets print', () => {
    expect(credit('لندن: رنيم حنوش')).toEqual(of('رنيم حنوش', 'لندن'));
    expect(credit('عبدالرحيم الحدادي - المدينة المنورة')).toEqual(of('عبدالرحيم الحدادي', 'المدينة المنورة'));
    expect(credit('محمد البقمي- سبق:')).toEqual(of('محمد البقمي', null, 'سبق'));
    expect(credit('سبق ـ أبها:')).toEqual(of(null, 'أبها', 'سبق'));
    expect(credit('عبدالله الراجحي- سبق- جدة:')).toEqual(of('عبدالله الراجحي', 'جدة', 'سبق'));
    expect(credit('واس (جدة)')).toEqual(of(null, 'جدة', null, 'واس'));
    expect(credit('العرياني (واشنطن)')).toEqual(of('العرياني', 'واشنطن'));
    expect(credit('اربيل (كوردستان24)')).toEqual(of(null, 'اربيل', 'كوردستان24'));
    expect(credit('مشاري الفهد من الرياض')).toEqual(of('مشاري الفهد', 'الرياض'));
    expect(credit('عدن، صنعاء: محمد عبدالعظيم، الوكالات')).toEqual(of('محمد عبدالعظيم', 'عدن، صنعاء', null, 'الوكالات'));
    expect(credit('جنيف : (رويترز)')).toEqual(of(null, 'جنيف', null, 'رويترز'));
    expect(credit('الجزائر - د ب أ:')).toEqual(of(null, 'الجزائر', null, 'د ب أ'));
    expect(credit('الرياض - الرياضية | Tuesday, 11 August 2015 - 16:10 pm')).toEqual(of(null, 'الرياض', 'الرياضية', null, '2015-08-11'));
    expect(credit('بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس')).toEqual(of(null, 'بريدة', null, 'واس', '2015-08-10'));
    expect(credit('القسم السياسي- الرقة - خاص')).toEqual(of(null, 'الرقة'));
    expect(credit('بواسطة : عمرو عاطف')).toEqual(of('عمرو عاطف', null));
    expect(credit('وليد محمد النقيثان')).toEqual(of('وليد محمد النقيثان', null));
  });

  it('in article text, accepts only lines that name a known outlet or agency and nothing else', () => {
    expect(credit('عين اليوم – نيويورك', true)).toEqual(of(null, 'نيويورك', 'عين اليوم'));
    expect(credit('فايز الحسيكي – عين اليوم', true)).toEqual(of('فايز الحسيكي', null, 'عين اليوم'));
    for (const line of [
      'قال الرئيس إن المحادثات',
      'المتحدث باسم الخارجية الروسية',
      'قال رويترز',
      'تطبيع العلاقات',
      'لندن: رنيم حنوش',
      'أبو عبيدة المصري «قلب داعش»',
    ]) {
      expect(credit(line, true)).toBeNull();
    }
  });
});

describe('datelines', () => {
  it('reads datelines naming a known outlet or agency', () => {
    expect(readDateline('اربيل (كوردستان24)- قال الرئيس')).toMatchObject({ place: 'اربيل', by: 'كوردستان24' });
    expect(readDateline('الرياض (واس) - أعلنت الوزارة')).toMatchObject({ place: 'الرياض', by: 'واس' });
    expect(readDateline('موسكو - الجزيرة نت: قال')).toMatchObject({ place: 'موسكو', by: 'الجزيرة نت' });
    expect(readDateline('سبق ـ أبها: أطلقت البلدية')).toMatchObject({ place: 'أبها', by: 'سبق', author: null });
    expect(readDateline('محمد البقمي- سبق: أكدت مصادر')).toMatchObject({ place: null, by: 'سبق', author: 'محمد البقمي' });
    expect(readDateline('عبدالله الراجحي- سبق- جدة: أكد المدير')).toMatchObject({
      place: 'جدة',
      by: 'سبق',
      author: 'عبدالله الراجحي',
      length: 'عبدالله الراجحي- سبق- جدة: '.length,
    });
  });

  it('does not read ordinary sentences as datelines', () => {
    expect(readDateline('لافروف (يمين) - قال')).toBeNull();
    expect(readDateline('وقال المتحدث باسم الوزارة: إن الخطة جاهزة')).toBeNull();
    expect(readDateline('الرئيس - في كلمته: شكراً')).toBeNull();
  });
});
