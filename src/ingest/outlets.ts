/**
 * Known Arabic news outlets and photo/wire agencies, and how to recognise them in article text.
 * Add a row to grow the table; names are matched whole (after folding), never as substrings,
 * because many outlet names are ordinary words or cities (الرياض، اليوم، الوطن، المدينة، الحياة).
 */
import { nameKey } from './names.ts';

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
  /** Short codes data sets use in a record's `source` field (SaudiNewsNet: "sabq", "okaz"…). */
  codes?: string[];
  /** Web hosts of the outlet; a record's URL on one of them names the outlet. */
  hosts?: string[];
  /**
   * A news agency: named as the outlet only by a record's source field or URL, never by article
   * text, because outlets republish wire copy under the agency's dateline.
   */
  wire?: boolean;
}

// biome-ignore format: a table, one outlet a line
export const OUTLETS: Outlet[] = [
  { name: 'الجزيرة', aliases: ['الجزيرة نت', 'الجزيرة.نت', 'قناة الجزيرة', 'Al Jazeera', 'aljazeera.net'], hosts: ['aljazeera.net'] },
  {
    name: 'العربية',
    aliases: ['العربية نت', 'العربية.نت', 'قناة العربية', 'Al Arabiya', 'alarabiya.net'],
    hosts: ['alarabiya.net'],
    // alarabiya.net prints "نشر في: <date> آخر تحديث: <date>" under every headline; scraped without
    // its dates it becomes "نشر في: آخر تحديث:". None of the 31,030 SaudiNewsNet articles (14 other
    // outlets) contains the two labels together.
    signatures: [/^نشر في\s*:.*آخر تحديث\s*:/],
  },
  {
    name: 'بي بي سي عربي',
    aliases: ['بي بي سي', 'بي بي سي العربية', 'BBC', 'BBC Arabic', 'BBC عربي', 'bbc.com/arabic'],
    hosts: ['bbc.com', 'bbc.co.uk'],
    // BBC article pages label every photo with a credit ("مصدر الصورة" / "Image copyright") and a
    // caption ("Image caption" / "التعليق على الصورة").
    signatures: [/^مصدر الصورة\s/, /^Image (?:caption|copyright)\s/, /^التعليق على الصورة\s/],
  },
  { name: 'كوردستان24', aliases: ['كوردستان 24', 'كردستان24', 'كردستان 24', 'Kurdistan24', 'Kurdistan 24'], hosts: ['kurdistan24.net'] },
  { name: 'سبق', aliases: ['صحيفة سبق', 'سبق الإلكترونية'], codes: ['sabq'], hosts: ['sabq.org'] },
  { name: 'عكاظ', aliases: ['صحيفة عكاظ'], codes: ['okaz'], hosts: ['okaz.com.sa'] },
  { name: 'الرياض', aliases: ['صحيفة الرياض', 'جريدة الرياض'], codes: ['alriyadh'], hosts: ['alriyadh.com'] },
  { name: 'الشرق الأوسط', aliases: ['صحيفة الشرق الأوسط', 'جريدة الشرق الأوسط', 'Asharq Al-Awsat'], codes: ['aawsat'], hosts: ['aawsat.com'] },
  { name: 'الوطن', aliases: ['صحيفة الوطن', 'جريدة الوطن'], codes: ['alwatan'], hosts: ['alwatan.com.sa'] },
  { name: 'اليوم', aliases: ['صحيفة اليوم', 'جريدة اليوم'], codes: ['alyaum'], hosts: ['alyaum.com'] },
  { name: 'المدينة', aliases: ['صحيفة المدينة', 'جريدة المدينة'], codes: ['almadina'], hosts: ['al-madina.com'] },
  { name: 'الحياة', aliases: ['صحيفة الحياة', 'جريدة الحياة'], hosts: ['alhayat.com'] },
  { name: 'الاقتصادية', aliases: ['صحيفة الاقتصادية'], codes: ['aleqtisadiya'], hosts: ['aleqt.com'] },
  { name: 'الوئام', aliases: ['صحيفة الوئام'], codes: ['alweeam'], hosts: ['alweeam.com.sa'] },
  // The Saudi daily al-Jazirah; "الجزيرة" alone names the Qatari channel above.
  { name: 'صحيفة الجزيرة', aliases: ['جريدة الجزيرة', 'الجزيرة السعودية', 'Al-Jazirah'], codes: ['aljazirah'], hosts: ['al-jazirah.com'] },
  { name: 'عين اليوم', aliases: ['صحيفة عين اليوم'], codes: ['3alyoum'], hosts: ['3alyoum.com'] },
  { name: 'الرياضي', aliases: ['صحيفة الرياضي'], codes: ['arreyadi'], hosts: ['arreyadi.com.sa'] },
  { name: 'الرياضية', aliases: ['صحيفة الرياضية'], codes: ['arriyadiyah'], hosts: ['arriyadiyah.com'] },
  { name: 'واس', aliases: ['وكالة الأنباء السعودية', 'SPA'], codes: ['was', 'spa'], hosts: ['spa.gov.sa'], wire: true },
  { name: 'سكاي نيوز عربية', aliases: ['سكاي نيوز', 'Sky News Arabia', 'Sky News Arabic'], hosts: ['skynewsarabia.com'] },
  { name: 'فرانس 24', aliases: ['فرانس24', 'France 24'], hosts: ['france24.com'] },
  { name: 'روسيا اليوم', aliases: ['آر تي', 'RT', 'RT Arabic', 'RT عربي'], hosts: ['rt.com'] },
  { name: 'الأناضول', aliases: ['وكالة الأناضول', 'Anadolu', 'Anadolu Agency'], hosts: ['aa.com.tr'] },
  { name: 'سي إن إن بالعربية', aliases: ['CNN بالعربية', 'CNN Arabic', 'سي ان ان'], hosts: ['arabic.cnn.com'] },
  { name: 'دويتشه فيله', aliases: ['DW', 'DW عربية', 'دويتشه فيله عربية'], hosts: ['dw.com'] },
];

/**
 * News and photo agencies whose names appear as credits ("(الأوروبية)", "مصدر الصورة EPA") or
 * wire datelines. An agency is not the article's outlet: outlets republish wire copy.
 */
// biome-ignore format: one agency's names a line
export const AGENCIES: string[] = [
  'الأوروبية', 'وكالة الصحافة الأوروبية', 'EPA',
  'فرانس برس', 'فرانس بريس', 'أ ف ب', 'الفرنسية', 'AFP',
  'رويترز', 'Reuters',
  'أسوشيتد برس', 'أسوشيتدبرس', 'أ ب', 'AP',
  'غيتي', 'غيتي إيميجز', 'Getty', 'Getty Images',
  'الأناضول', 'واس', 'بترا', 'سانا', 'قنا', 'وام', 'كونا', 'أ ش أ', 'د ب أ', 'شينخوا', 'سبوتنيك', 'إرنا',
  'وكالات', 'الوكالات', 'مواقع التواصل', 'مواقع التواصل الاجتماعي', 'أرشيف', 'أرشيفية',
  'يو بي آي', 'يو بي اي', 'UPI', 'متابعات',
];

const byName = new Map<string, Outlet>();
const byCode = new Map<string, Outlet>();
for (const outlet of OUTLETS) {
  for (const name of [outlet.name, ...outlet.aliases]) {
    if (!outlet.wire) byName.set(nameKey(name), outlet);
    byCode.set(nameKey(name), outlet);
  }
  for (const code of outlet.codes ?? []) byCode.set(nameKey(code), outlet);
}
const agencies = new Set(AGENCIES.map(nameKey));
for (const outlet of OUTLETS) if (outlet.wire) for (const name of [outlet.name, ...outlet.aliases]) agencies.add(nameKey(name));

/** The outlet a source line or dateline names exactly (e.g. "الجزيرة نت" → الجزيرة), if any. */
export function findOutlet(name: string): Outlet | null {
  return byName.get(nameKey(name)) ?? null;
}

/**
 * The outlet a record's `source` field names: a display name, an alias or a data-set code
 * ("sabq", "was"); agencies included.
 */
export function findOutletByCode(value: string): Outlet | null {
  return byCode.get(nameKey(value)) ?? null;
}

/** The outlet whose web host serves the URL ("https://www.okaz.com.sa/…" → عكاظ), if any. */
export function findOutletByUrl(url: string): Outlet | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
  return OUTLETS.find((o) => o.hosts?.some((h) => host === h || host.endsWith(`.${h}`))) ?? null;
}

/** True when the name is a known news or photo agency ("رويترز", "واس", "Getty Images"). */
export function isAgencyName(name: string): boolean {
  return agencies.has(nameKey(name));
}

/** True when the name is a known agency or outlet, i.e. can credit a photo or a wire story. */
export function isCreditName(name: string): boolean {
  const key = nameKey(name);
  return key !== '' && (agencies.has(key) || byName.has(key));
}

/** The outlet whose page furniture appears on one of the lines, if any. */
export function outletBySignature(lines: string[]): Outlet | null {
  return OUTLETS.find((o) => o.signatures?.some((re) => lines.some((line) => re.test(line)))) ?? null;
}
