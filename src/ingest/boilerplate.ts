/**
 * Known boilerplate: page furniture scrapers leave in article text (share and comment prompts,
 * navigation, newsletter and SMS-contact prompts, wire-service markers, "read also" link lists).
 * The only text ingest removes without recognising it as article structure or metadata; each rule
 * carries the reason `--explain` prints. Rules match whole lines, or the start or end of a line
 * where the furniture is glued to article text. A rule belongs here only if it cannot match a
 * sentence of news: keep patterns anchored and short.
 */

/** Something ingest took out of the text, and why (shown by `--explain`). */
export interface Removal {
  text: string;
  reason: string;
}

const SOCIAL = String.raw`(?:فيسبوك|فيس بوك|فيسبوك|تويتر|تويتير|واتساب|واتس اب|واتس آب|جوجل بلس|جوجل\+|لينكد ?إن|لينكدإن|تيليجرام|تلغرام|تليجرام|إنستغرام|انستغرام|انستقرام|يوتيوب|سناب ?شات|بريد إلكتروني|البريد الإلكتروني|طباعة|Facebook|Twitter|WhatsApp|Google\+?|LinkedIn|Telegram|Instagram|YouTube|Pinterest|Reddit|Email|E-mail|Print|X)`;

/** Whole lines that are furniture, tested in order. */
export const FURNITURE_LINES: Array<[RegExp, string]> = [
  [/^[\p{P}\p{S}\s]*$/u, 'punctuation-only line'],
  [/^\d{1,6}$/, 'number-only line (a share or comment counter)'],
  [/^آخر تحديث\s*[:：]?.{0,40}$/, 'update-time furniture'],
  [/^(?:اترك|أترك) (?:رد|ردا|ردًا|تعليقا|تعليقاً)$/, 'comment form'],
  [/^(?:أضف|اضف|اكتب|أكتب) (?:تعليق|تعليقا|تعليقاً|تعليقك|رأيك)$/, 'comment form'],
  [/^(?:التعليقات|تعليقات|لا توجد تعليقات|كن أول من يعلق|عدد التعليقات\s*[:：]?\s*\d*)$/, 'comment form'],
  [/^لن يتم نشر عنوان بريدك الإلكتروني/, 'comment form'],
  [/^الحقول (?:الإلزامية|المطلوبة) مشار إليها/, 'comment form'],
  [
    /^(?:شارك|شارك الخبر|شارك المقال|شارك هذا الخبر|شارك هذا المقال|مشاركة|طباعة|أرسل لصديق|ارسل لصديق|إرسال لصديق|حفظ|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|المزيد|\.{2,}\s*المزيد|عرض المزيد|تابعنا على|تابعونا على|تابعونا|الخبر التالي|الخبر السابق|التالي|السابق)\s*[:：]?$/,
    'share or navigation furniture',
  ],
  [
    new RegExp(
      String.raw`^(?:(?:شارك|شارك على|شارك عبر|شارك من خلال|تابعنا على|تابعونا على|Share on|Share via|Follow us on)\s+)?(?:${SOCIAL}\s*[,،|/•·-]?\s*)+$`,
      'iu',
    ),
    'share buttons',
  ],
  [/^(?:حجم الخط|تكبير الخط|تصغير الخط|(?:A[+-]?\s*){2,3})$/i, 'font-size buttons'],
  [
    /^(?:Next|Previous|Next Previous|Previous Next|Share|Share this|Share this:|Tweet|Print|Email|Comments?|Advertisement|Sponsored|Read more|Loading\.*|Click here|Related|Related (?:articles|stories|posts))\s*[:：]?$/i,
    'share or navigation furniture',
  ],
  [/^(?:إعلان|اعلان|مساحة إعلانية|جاري التحميل\.*)$/, 'advertising or loading placeholder'],
  [/^(?:اشترك|اشتركوا|سجل|سجّل|انضم|للاشتراك)(?=\s).{0,80}(?:النشرة|نشرتنا|القائمة البريدية|بريدك الإلكتروني|قناتنا)/, 'newsletter prompt'],
  [/^(?:subscribe|sign up)\b.{0,80}(?:newsletter|updates|channel)/i, 'newsletter prompt'],
  [/^(?:جميع الحقوق محفوظة|حقوق النشر محفوظة|©|Copyright\b|All rights reserved).{0,80}$/i, 'copyright notice'],
  [/^\/\/\s*(?:انتهى|يتبع)\s*\/\/.{0,20}$/, 'wire-service end marker (// انتهى //)'],
  [/^(?:\/\/\s*)?\d{1,2}:\d{2}\s*ت\s*م$/, 'wire-service time stamp (ت م: Mecca time)'],
  [/^للتواصل\s+(?:مع الكاتب\s+)?(?:ا|أ|إ)رسل(?=\s)/, 'reader SMS-contact instructions'],
  [
    /^(?:\d{4,6}\s*-\s*(?:stc|mobily|zain|موبايلي|زين)|ثم الرسالة|(?:\d+\s+)?مسافة ثم (?:نص )?الرسالة.{0,20}|تبدأ بالرمز(?=\s).{0,60}|الاتصالات\s*[,،]?\s*\d+.{0,60})$/i,
    'reader SMS-contact instructions',
  ],
  [/^(?:اقرأ|إقرأ|اقرا) (?:أيضا|أيضاً|ايضا|ايضاً)\s*[:：]\s*\S.{0,150}$/, 'link to another story ("اقرأ أيضا")'],
  [
    /^(?![\s\S]*[\u0600-\u06FF])(?:(?:epa\d+|afp_|EPA\/|AFP PHOTO|REUTERS\/)|[\s\S]*\b(?:HANDOUT|EDITORIAL USE ONLY|MANDATORY CREDIT|NO SALES|NO ARCHIVES)\b|[\s\S]*\b(?:handout (?:picture|photo|image)|(?:picture|photo|image) (?:released|taken|made available|provided|distributed) (?:by|on))\b)/i,
    'English photo-agency caption',
  ],
];

/** Furniture glued to the start of a line of text. */
export const FURNITURE_PREFIXES: Array<[RegExp, string]> = [
  [/^(?:Next\s+Previous|Previous\s+Next)\s+/i, 'previous/next navigation'],
  [new RegExp(String.raw`^(?:شارك من خلال|شارك عبر|شارك على)\s+(?:(?:${SOCIAL}|اكتب رأيك)\s+)+`, 'iu'), 'share buttons'],
];

/**
 * Furniture glued to the end of a line; `last` rules only apply to the last line of the text.
 * `word` is a literal the line must contain before the pattern is tried.
 */
export const FURNITURE_SUFFIXES: Array<{ word: string; re: RegExp; reason: string; last?: boolean }> = [
  { word: 'رابط الخبر', re: /\s*رابط الخبر بصحيفة [^:：]{2,25}[:：].{0,200}$/, reason: 'link-to-this-story footer' },
  { word: 'للتواصل', re: /\s*للتواصل مع الكاتب\s+(?:ا|أ|إ)رسل(?=\s).*$/, reason: 'reader SMS-contact instructions' },
  // al-Jazirah glues the author's other headlines to the end of a column, with no space between
  // them: "… إلى اللقاء،،، مقالات أخرى للكاتببين العامي والفصيحالوطن العربي …" (389 SaudiNewsNet
  // columns, always at the very end).
  { word: 'مقالات أخرى للكاتب', re: /\s*مقالات أخرى للكاتب.*$/, reason: "the author's other articles (a list of headlines)", last: true },
  // A tag list ("سمات تبوك جامعة …") after the last sentence: WordPress themes label tags "سمات".
  { word: 'سمات', re: /(?<=[.!؟?»"”)])\s+سمات\s+[^.!؟?،,:؛]{2,200}$/, reason: 'tag list', last: true },
  // Al-Riyadh's reader polls: the poll's style sheet and jQuery script glued after the text that
  // asks the question, then the question and its answers: "…؟ #vote_area2 ul { padding: 0; … }
  // jQuery.noConflict(); … }); كيف تتناول إفطارك في رمضان؟ تناول جميع الأطعمة …" (8 SaudiNewsNet
  // articles). A rule and a script call are never news text.
  {
    word: 'jQuery',
    re: /\s*[#.][\w-]+[^{}]{0,80}\{[^{}]*\}[\s\S]*?\bjQuery\b[\s\S]*$/,
    reason: 'reader poll: its style sheet, script, question and answers',
  },
];

/**
 * Furniture inside a line, removed wherever it is, with the spaces and brackets it leaves tidied.
 * `word` is a literal the line must contain before the pattern is tried.
 */
export const FURNITURE_INLINE: Array<{ word: string; re: RegExp; reason: string }> = [
  // Cloudflare's e-mail protection replaces an address with "[email protected]" and a script the
  // scraper kept as "/* */": the address is not in the text, only the placeholder (30
  // SaudiNewsNet articles of الوئام and سبق).
  {
    word: 'protected]',
    re: /(?:mailto:\s*)?\[email\s?protected\](?:\s*\/\*\s*(?:<!\[CDATA\[|\]\]>)?\s*\*\/)*/g,
    reason: 'e-mail address hidden by the source page (Cloudflare placeholder; the address is not in the text)',
  },
];

/** A line introducing a list of links to other stories; the headlines under it go with it. */
export const RELATED_LABEL =
  /^(?:(?:اقرأ|إقرأ|اقرا) (?:أيضا|أيضاً|ايضا|ايضاً|كذلك)|(?:أخبار|اخبار|مواضيع|مقالات|موضوعات|قصص) (?:ذات صلة|متعلقة|مشابهة|مقترحة|أخرى)|الأكثر (?:قراءة|مشاهدة|تداولا)|Related(?: articles| stories| posts)?|Read (?:also|more)|See also|More stories)\s*[:：]?$/i;
/** How many headline lines a "read also" block may hold. */
export const MAX_RELATED_LINES = 8;
/** A headline under a "read also" label: short, not ending like a sentence. */
export function looksLikeHeadline(line: string): boolean {
  return line.split(/\s+/).length <= 20 && !/[.!…:؛،,]$/.test(line.replace(/["'»”’)\]]+$/, ''));
}
