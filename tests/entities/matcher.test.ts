import { describe, expect, it } from 'vitest';
import { EntityMatcher } from '../../src/entities/matcher.ts';

const matcher = new EntityMatcher([
  { id: 'erdogan', names: ['رجب طيب أردوغان', 'أردوغان', 'اردوغان'] },
  { id: 'cavusoglu', names: ['مولود جاويش أوغلو', 'جاويش أوغلو', 'تشاويش أوغلو'] },
  { id: 'peskov', names: ['دميتري بيسكوف', 'ديميتري بيسكوف', 'بيسكوف'] },
  { id: 'kremlin', names: ['الكرملين', 'الكريلمن'] },
  { id: 'moscow', names: ['موسكو'] },
  { id: 'nato', names: ['حلف شمال الأطلسي', 'الناتو', 'حلف الناتو'] },
  { id: 'unsc', names: ['مجلس الأمن الدولي', 'مجلس الأمن'] },
  { id: 'isis', names: ['تنظيم الدولة الإسلامية', 'تنظيم الدولة', 'داعش'] },
  { id: 'idlib', names: ['إدلب'] },
  { id: 'libya', names: ['ليبيا'] },
  { id: 'assad', names: ['بشار الأسد', 'الأسد'] },
  { id: 'aleppo', names: ['حلب'] },
  { id: 'g20', names: ['مجموعة العشرين', 'قمة العشرين'] },
]);

/** [entity id, matched text] pairs found in `text`. */
const found = (text: string) => matcher.findMentions(text).map((m) => [m.entityId, text.slice(m.start, m.end)]);

describe('EntityMatcher', () => {
  it.each([
    // spelling variants: hamza, ta marbuta, alef maqsura, tashkeel, tatweel
    ['قال اردوغان', [['erdogan', 'اردوغان']]],
    ['قال أَرْدُوغَان', [['erdogan', 'أَرْدُوغَان']]],
    ['قال أردوغـــان', [['erdogan', 'أردوغـــان']]],
    ['في ادلب', [['idlib', 'ادلب']]],
    ['الرئيس رجب طيب أردوغان', [['erdogan', 'رجب طيب أردوغان']]],
    ['الوزير تشاويش أوغلو', [['cavusoglu', 'تشاويش أوغلو']]],
    ['الوزير جاويش اوغلو', [['cavusoglu', 'جاويش اوغلو']]],
    ['المتحدث ديميتري بيسكوف', [['peskov', 'ديميتري بيسكوف']]],
    [
      'باسم الكريلمن، دميتري بيسكوف',
      [
        ['kremlin', 'الكريلمن'],
        ['peskov', 'دميتري بيسكوف'],
      ],
    ],
    // proclitics
    ['التقى بوتين وأردوغان', [['erdogan', 'وأردوغان']]],
    ['وصل بموسكو', [['moscow', 'بموسكو']]],
    ['أكد للكرملين', [['kremlin', 'للكرملين']]],
    ['تركيا والناتو', [['nato', 'والناتو']]],
    ['فالكرملين يرى', [['kremlin', 'فالكرملين']]],
    ['ولليبيا', [['libya', 'ولليبيا']]],
    ['وتنظيم الدولة الإسلامية', [['isis', 'وتنظيم الدولة الإسلامية']]],
    ['تنظيم "داعش"', [['isis', 'داعش']]],
    ['نظام الأسد', [['assad', 'الأسد']]],
    ['وبالأسد', [['assad', 'وبالأسد']]],
    ['في حلب', [['aleppo', 'حلب']]],
    // longest match
    ['قرار مجلس الأمن الدولي', [['unsc', 'مجلس الأمن الدولي']]],
    ['قرار مجلس الأمن', [['unsc', 'مجلس الأمن']]],
    ['قمة مجموعة العشرين', [['g20', 'مجموعة العشرين']]],
  ])('finds %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['الأمن والاستقرار'], // a common word, not the Security Council
    ['الدولة الإسلامية في التاريخ'], // not "تنظيم الدولة"
    ['موسكوفيتش'], // a name inside a longer word
    ['بادلبيات'], // idlib inside another word
    ['فاسد'], // corrupt: not ف + الأسد
    ['الحلب'], // milking: not Aleppo
    ['دولة إسلامية'], // an Islamic state, not the organization
    ['مجلس، الأمن'], // punctuation breaks a multi-word name
  ])('does not match in %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reports offsets into the original text', () => {
    const text = 'قال الرئيس التركي رجب طيب أردوغان إن موسكو';
    const [erdogan, moscow] = matcher.findMentions(text);
    expect(text.slice(erdogan!.start, erdogan!.end)).toBe('رجب طيب أردوغان');
    expect(text.slice(moscow!.start, moscow!.end)).toBe('موسكو');
  });
});
