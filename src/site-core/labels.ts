import type { EntityType } from '../schemas/entity.ts';

/** Reader-facing Arabic names of entity types, singular and plural, and their URL segment. */
export const entityTypeInfo: Record<EntityType, { one: string; many: string; slug: string }> = {
  person: { one: 'شخص', many: 'الأشخاص', slug: 'people' },
  place: { one: 'مكان', many: 'الأماكن', slug: 'places' },
  organization: { one: 'منظمة', many: 'المنظمات', slug: 'organizations' },
  event: { one: 'حدث', many: 'الأحداث', slug: 'events' },
};

/** Arabic count phrases with the right plural form: "مقالة واحدة", "مقالتان", "٣ مقالات", "١١ مقالة". */
const arabicPlurals = new Intl.PluralRules('ar');

export function countPhrase(n: number, forms: { one: string; two: string; few: string; many: string }): string {
  const rule = arabicPlurals.select(n);
  const num = n.toLocaleString('ar');
  switch (rule) {
    case 'zero':
      return `${num} ${forms.many}`;
    case 'one':
      return forms.one;
    case 'two':
      return forms.two;
    case 'few':
      return `${num} ${forms.few}`;
    default:
      return `${num} ${forms.many}`;
  }
}

export const articleCount = (n: number) => countPhrase(n, { one: 'مقالة واحدة', two: 'مقالتان', few: 'مقالات', many: 'مقالة' });
export const outletCount = (n: number) => countPhrase(n, { one: 'مصدر واحد', two: 'مصدرين', few: 'مصادر', many: 'مصدرًا' });
export const mentionCount = (n: number) => countPhrase(n, { one: 'إشارة واحدة', two: 'إشارتان', few: 'إشارات', many: 'إشارة' });

/** After a date taken from the day an article was collected: it was published that day or before. */
export const approximateDateSuffix = 'أو قبله';
/** What such a date is, for the reader who asks (the date's tooltip). */
export const approximateDateNote = 'تاريخ جمع الخبر: لم يذكر المصدر تاريخ نشره، فقد نُشر في هذا اليوم أو قبله';

/** Headings of an entity page's lists of articles that name it only as their source. */
export function attributionHeading(zone: 'dateline' | 'credit' | 'outlet', name: string): string {
  switch (zone) {
    case 'dateline':
      return `أخبار كُتبت من ${name}`;
    case 'credit':
      return `أخبار بإسناد ${name}`;
    case 'outlet':
      return `أخبار نشرتها ${name}`;
  }
}

/** How an article names an entity it does not write about: the place it was filed from, its credit, its newspaper. */
export const sourceZoneLabel: Record<'dateline' | 'credit' | 'outlet', string> = {
  dateline: 'مكان الخبر',
  credit: 'الإسناد',
  outlet: 'الناشر',
};

/** «نتيجة واحدة»، «نتيجتان»، «3 نتائج»، «11 نتيجة». */
export const resultCount = (n: number) => countPhrase(n, { one: 'نتيجة واحدة', two: 'نتيجتان', few: 'نتائج', many: 'نتيجة' });
