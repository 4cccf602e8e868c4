/**
 * Known Arabic news outlets and photo/wire agencies, and how to recognise them in article text.
 * Add a row to grow the table; names are matched whole (after folding), never as substrings,
 * because many outlet names are ordinary words or cities (الرياض، اليوم، الوطن، المدينة، الحياة).
 */
import { foldForFingerprint } from './text.ts';

export interface Outlet {
  /** Display name in Arabic, written to the article's `outlet` field. */
  name: string;
  /** Other ways the text may name the outlet in a source line or dateline ("المصدر : …", "(…)"). */
  aliases: string[];
  /**
   * Page furniture only this outlet's pages carry, tested against each line of the raw text.
   * Evidence of last resort: used only when no source line or dateline names an outlet.
   */
  signatures?: RegExp[];
}

export const OUTLETS: Outlet[] = [
  { name: 'الجزيرة', aliases: ['الجزيرة نت', 'الجزيرة.نت', 'قناة الجزيرة', 'Al Jazeera', 'aljazeera.net'] },
  {
    name: 'العربية',
    aliases: ['العربية نت', 'العربية.نت', 'قناة العربية', 'Al Arabiya', 'alarabiya.net'],
    // alarabiya.net prints "نشر في: <date> آخر تحديث: <date>" under every headline; scraped without
    // its dates it becomes "نشر في: آخر تحديث:". None of the 31,030 SaudiNewsNet articles (14 other
    // outlets) contains the two labels together.
    signatures: [/^نشر في\s*:.*آخر تحديث\s*:/],
  },
  {
    name: 'بي بي سي عربي',
    aliases: ['بي بي سي', 'بي بي سي العربية', 'BBC', 'BBC Arabic', 'BBC عربي', 'bbc.com/arabic'],
    // BBC article pages label every photo with a credit ("مصدر الصورة" / "Image copyright") and a
    // caption ("Image caption" / "التعليق على الصورة").
    signatures: [/^مصدر الصورة\s/, /^Image (?:caption|copyright)\s/, /^التعليق على الصورة\s/],
  },
  { name: 'كوردستان24', aliases: ['كوردستان 24', 'كردستان24', 'كردستان 24', 'Kurdistan24', 'Kurdistan 24'] },
  { name: 'سبق', aliases: ['صحيفة سبق', 'سبق الإلكترونية'] },
  { name: 'عكاظ', aliases: ['صحيفة عكاظ'] },
  { name: 'الرياض', aliases: ['صحيفة الرياض', 'جريدة الرياض'] },
  { name: 'الشرق الأوسط', aliases: ['صحيفة الشرق الأوسط', 'جريدة الشرق الأوسط', 'Asharq Al-Awsat'] },
  { name: 'الوطن', aliases: ['صحيفة الوطن', 'جريدة الوطن'] },
  { name: 'اليوم', aliases: ['صحيفة اليوم', 'جريدة اليوم'] },
  { name: 'المدينة', aliases: ['صحيفة المدينة', 'جريدة المدينة'] },
  { name: 'الحياة', aliases: ['صحيفة الحياة', 'جريدة الحياة'] },
  { name: 'الاقتصادية', aliases: ['صحيفة الاقتصادية'] },
  { name: 'الوئام', aliases: ['صحيفة الوئام'] },
  { name: 'سكاي نيوز عربية', aliases: ['سكاي نيوز', 'Sky News Arabia', 'Sky News Arabic'] },
  { name: 'فرانس 24', aliases: ['فرانس24', 'France 24'] },
  { name: 'روسيا اليوم', aliases: ['آر تي', 'RT', 'RT Arabic', 'RT عربي'] },
  { name: 'الأناضول', aliases: ['وكالة الأناضول', 'Anadolu', 'Anadolu Agency'] },
  { name: 'سي إن إن بالعربية', aliases: ['CNN بالعربية', 'CNN Arabic', 'سي ان ان'] },
  { name: 'دويتشه فيله', aliases: ['DW', 'DW عربية', 'دويتشه فيله عربية'] },
];

/**
 * News and photo agencies whose names appear as credits ("(الأوروبية)", "مصدر الصورة EPA") or
 * wire datelines. An agency is not the article's outlet: outlets republish wire copy.
 */
export const AGENCIES: string[] = [
  'الأوروبية', 'وكالة الصحافة الأوروبية', 'EPA',
  'فرانس برس', 'فرانس بريس', 'أ ف ب', 'الفرنسية', 'AFP',
  'رويترز', 'Reuters',
  'أسوشيتد برس', 'أسوشيتدبرس', 'أ ب', 'AP',
  'غيتي', 'غيتي إيميجز', 'Getty', 'Getty Images',
  'الأناضول', 'واس', 'بترا', 'سانا', 'قنا', 'وام', 'كونا', 'أ ش أ', 'د ب أ', 'شينخوا', 'سبوتنيك', 'إرنا',
  'وكالات', 'مواقع التواصل', 'مواقع التواصل الاجتماعي', 'أرشيف', 'أرشيفية',
];

const byFoldedName = new Map<string, Outlet>();
for (const outlet of OUTLETS) {
  for (const name of [outlet.name, ...outlet.aliases]) byFoldedName.set(foldForFingerprint(name), outlet);
}
const foldedAgencies = new Set(AGENCIES.map(foldForFingerprint));

/** The outlet a source line or dateline names exactly (e.g. "الجزيرة نت" → الجزيرة), if any. */
export function findOutlet(name: string): Outlet | null {
  return byFoldedName.get(foldForFingerprint(name)) ?? null;
}

/** True when the name is a known agency or outlet, i.e. can credit a photo or a wire story. */
export function isCreditName(name: string): boolean {
  const folded = foldForFingerprint(name);
  return folded !== '' && (foldedAgencies.has(folded) || byFoldedName.has(folded));
}

/** The outlet whose page furniture appears on one of the lines, if any. */
export function outletBySignature(lines: string[]): Outlet | null {
  return OUTLETS.find((o) => o.signatures?.some((re) => lines.some((line) => re.test(line)))) ?? null;
}
