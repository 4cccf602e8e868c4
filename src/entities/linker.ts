/**
 * The entity linker: which registry entity each name in an article designates, zone by zone.
 *
 * The matcher (`matcher.ts`) finds every registry name with its spelling variants and proclitics;
 * the linker decides, from the words around a match and from the whole article, which matches are
 * mentions. Its rules (docs/entities.md) are about how Arabic news writes names, never about one
 * name:
 * - **Outlets are newspapers.** An article's outlet field resolves through the outlet table to the
 *   outlet's registry entity, never through place names («الرياض», «المدينة»). A quoted or
 *   bracketed outlet name in the text («قال لـ"الرياض"», «(الشرق الأوسط)») is the newspaper too.
 * - **A name inside a longer name is not a mention** when the word before it heads the name of
 *   another thing: جامعة الملك سعود، مستشفى الملك فهد، أمانة جدة، كأس آسيا، سفارة خادم الحرمين،
 *   ولاية واشنطن. Heads that name the same kind of thing keep it: نادي الهلال، مدينة جدة.
 * - **Two place names side by side are one name** (كوبا أمريكا), not two places.
 * - **A nisba-shaped name after a definite noun is an adjective**: «السعودية» is the country in
 *   «زار السعودية» and an adjective in «الجامعات السعودية».
 * - **Another nationality is another referent**: when the registry qualifies a name by a nisba
 *   («وزارة الداخلية السعودية»), the same name with another nisba («وزارة الداخلية المغربية») is not it.
 * - **A surname after another given name is another person** («سعود الحقباني» is not «مفرج
 *   الحقباني»), and so is the bare surname elsewhere in that article.
 * - **A title followed by another person's name is that person** («ولي العهد الأمير سلمان بن حمد»).
 * - **A ه for ة after one or two letters is a possessive** (لجده "to his grandfather" is not
 *   Jeddah), unless the article names the entity otherwise.
 * - **Short names need the article's word**: a short name («الاتحاد») links when the article names
 *   the entity in full, or, for a sports entity, when it is a sports story.
 */
import { normalizeArabic } from '../arabic/index.ts';
import { EntityMatcher, type Candidate, type ScannedText } from './matcher.ts';
import type { FindMentions, Mention } from './mentions.ts';
import type { RegistryEntity } from './registry.ts';

export type LinkedEntity = Pick<RegistryEntity, 'id' | 'type' | 'kind' | 'name' | 'aliases' | 'sourceNames'> & {
  shortNames?: readonly string[];
};

export interface LinkerOptions {
  /**
   * The outlets an article's `outlet` field can name, each as its list of names (display name
   * first): `src/ingest/outlets.ts`'s table. Each resolves to the registry organization that goes
   * by one of those names.
   */
  outlets?: readonly (readonly string[])[];
}

/** The text of an article the linker reads before linking any part of it. */
export interface ArticleText {
  title: string;
  /** The body as plain text (approximately: it only decides which entities the article names). */
  body: string;
  /** The registry entity of the article's own outlet (`outletEntity`), which its text may name by a short name. */
  outlet?: string | undefined;
}

/** A name compared whole: normalized, spaces collapsed, dotted initials spaced (أ.ف.ب = أ ف ب). */
const fold = (s: string) =>
  normalizeArabic(s.trim())
    .replace(/(?<=^|[\s.])(\p{L})\.(?=\p{L}(?:\.|\s|$))/gu, '$1 ')
    .replace(/\.$/, '')
    .replace(/\s+/g, ' ');
const words = (list: string) =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => normalizeArabic(w));
const set = (list: string) => new Set(words(list));

/**
 * Words that head the proper name of a thing of their own (an institution, a building, a road, a
 * competition, a directorate): a registry name right after one is part of that thing's name, and
 * not a mention of it. Each head lists the entity kinds it may also introduce as themselves (نادي
 * الهلال is the club). Plurals are not heads: «مدارس الرياض» are the city's schools.
 */
const THING_HEADS = new Map<string, Head>();
interface Head {
  /** Entity kinds the head introduces as themselves. */
  same: ReadonlySet<string>;
  /** Only people are swallowed: a facility named after a person, located in a place (مطار الملك خالد, but مطار اسطنبول is in Istanbul). */
  peopleOnly: boolean;
}
const heads = (list: string, kinds: string[] = [], peopleOnly = false) => {
  for (const w of words(list)) THING_HEADS.set(w, { same: new Set(kinds), peopleOnly });
};
// Bodies and competitions: the place or person is part of their name (أمانة جدة، جامعة تبوك، كأس آسيا).
heads('جامعة', ['university']);
heads('كلية معهد مدرسة ثانوية متوسطة ابتدائية أكاديمية روضة تعليم');
heads('صحة مدني أدبي شرطة مرور جوازات أمانة بلدية محكمة غرفة');
heads('نادي فريق', ['football-club']);
heads('منتخب', ['national-team']);
heads('كأس بطولة دوري', ['competition']);
heads('سفارة قنصلية');
heads('جائزة برنامج كرسي منحة مهرجان مسابقة معرض مشروع مبادرة توسعة مؤسسة دارة صندوق قاعدة');
// Prayers are named after the time of day: «صلاة المغرب» is not Morocco.
heads('صلاة أذان');
heads('شركة', ['company']);
heads('بنك مصرف', ['bank', 'central-bank']);
heads('مستشفى مستوصف', ['hospital']);
heads('ملعب استاد ستاد شارع طريق ميدان دوار جسر نفق برج فندق قاعة مجمع مكتبة حديقة منتزه متنزه قصر مسجد جامع باب مخطط');
// A plural before a person's name is a named thing too (حدائق الملك عبدالله، مدارس الملك فيصل),
// while before a place it describes (مدارس الرياض are the city's schools).
heads('حدائق متنزهات مدارس مستشفيات جامعات كليات مراكز', [], true);
// Ports of entry are named after people, but a place's name says where they are (مطار الملك خالد
// is no mention of the king; «الهجوم على مطار اسطنبول» is one of Istanbul).
heads('مطار ميناء محطة', ['site'], true);

/**
 * Words that name a place by its kind before its name («مدينة جدة», «ولاية تكساس»): the place
 * itself when its kind fits, part of another name otherwise (مدينة الملك عبدالله الاقتصادية،
 * ولاية واشنطن، بلاد المغرب).
 */
const PLACE_HEADS = new Map<string, ReadonlySet<string>>();
const placeHeads = (list: string, kinds: string[]) => {
  for (const w of words(list)) PLACE_HEADS.set(w, new Set(kinds));
};
// «العاصمة الرياض» is the city; «عاصمة نيوزيلندا» (the capital of …) names the country, so is no head.
placeHeads('مدينة العاصمة', ['city', 'town']);
placeHeads('قرية بلدة مركز', ['village', 'town', 'city']);
placeHeads('محافظة', ['city', 'town', 'governorate', 'region']);
placeHeads('منطقة', ['region', 'city', 'governorate']);
placeHeads('ولاية', ['region']);
placeHeads('بلاد', ['region']);
placeHeads('دولة جمهورية مملكة سلطنة', ['country']);

/**
 * Words that may stand between a head and the name it heads: honorifics and titles (مستشفى الملك
 * فهد، كأس ملك إسبانيا) and the points of the compass (بطولة غرب آسيا).
 */
const HEAD_GAP = set('الملك الأمير الأميرة الشيخ الشيخة الإمام الرئيس السلطان الدكتور سمو ملك أمير سلطان شمال جنوب شرق غرب وسط');

/** Honorifics before a person's name, after which a name is that person's («ولي العهد الأمير …»). */
const NAME_HONORIFICS = set('الأمير الأميرة الشيخ الشيخة الملك الرئيس السلطان');

/**
 * Common first names: a word before a surname that is one of these (or any عبد… name, or a word
 * after بن) is a given name, and says whose surname it is.
 */
const GIVEN_NAMES = set(`
  محمد أحمد محمود مصطفى حسن حسين عمر عثمان علي خالد سعد سعود فهد فيصل عبدالله عبدالرحمن عبدالعزيز
  إبراهيم إسماعيل يوسف يعقوب موسى عيسى سليمان داود طارق زياد ياسر ياسين وليد رامي سامي هاني نبيل
  جمال كمال نادر ماجد منصور ناصر حمد جاسم خليفة سلمان نايف بندر مشعل أيمن أسامة هشام وائل عماد
  فؤاد فاروق حازم حسام شريف أشرف مجدي حمدي رشيد مراد نجيب فتحي صلاح بشار عادل تركي متعب مساعد
  سلطان مشاري عبدالمجيد عبدالملك عبداللطيف صالح سامر غازي حامد حمود مفرج إياد جلال مروان سمير
  غسان عصام حيدر جعفر قاسم عمرو زكريا يحيى فاطمة عائشة مريم خديجة زينب نورة نوف سارة هند منيرة
`);

/** «لل…» words that follow a country's name without naming a company (زار السعودية للمرة الأولى). */
const NOT_COMPANY_WORDS = set('للمرة للعام للسنة لليوم للأسبوع للشهر للموسم للحظة للحد للغاية للحصول للمشاركة للقاء');

/** Particles and pronouns that take the article without being nouns an adjective could follow. */
const DEFINITE_PARTICLES = set('الذي التي الذين اللذان اللتان اللاتي اللواتي الآن اليوم إلى إلا ألا');

/** Words of sports stories: three of them make an article one. */
const SPORTS_WORDS = set(`
  مباراة المباراة مباراته مباريات الدوري لاعب اللاعب لاعبي اللاعبين لاعبا المدرب مدرب هدف هدفا
  أهداف الأهداف المنتخب البطولة الموسم النادي الفريق الملعب التعاقد صفقة الجولة المحترف
  المهاجم الحارس الجماهير الكرة القدم التعادل الفوز الانتصار الانتقالات الودية
`);
/** Entity kinds of the sports world: naming one beyond doubt makes an article a sports story. */
const SPORTS_KINDS = new Set(['football-club', 'sports-body', 'competition', 'national-team', 'athlete', 'coach']);

const PROCLITICS = ['وب', 'فب', 'ول', 'فل', 'وك', 'فك', 'و', 'ف', 'ب', 'ل', 'ك'];

/**
 * The word as written if the list has it, else the first of its forms without a proclitic that
 * the list has: بلاد is not ب + لاد, وكأس is و + كأس (not وك + أس).
 */
function inList<T>(list: ReadonlyMap<string, T> | ReadonlySet<string>, key: string): string | undefined {
  if (list.has(key)) return key;
  for (const p of PROCLITICS) {
    if (key.startsWith(p) && key.length - p.length >= 2 && list.has(key.slice(p.length))) return key.slice(p.length);
  }
  return undefined;
}

/** Shaped like a nisba adjective: the article, and ي or ية at the end (السعودية، الأهلي، المغربية). */
function nisbaShaped(key: string): boolean {
  return /^ال\S{2,}(?:يه|ي)$/.test(key);
}

/** A definite word: the article, after the proclitics if any (والجامعات، بالمدن، للأسهم). */
const DEFINITE = /^(?:[وف]?[بك]?ال|[وف]?لل)/;

/** The words of a nasab: «محمد بن سلمان». */
const NASAB = set('بن ابن بنت');

const GIVEN = (key: string) => GIVEN_NAMES.has(key) || /^عبد\S{3,}/.test(key);
const SPACE = /^[ \u00A0]+$/;
const URL = /(?:https?:\/\/|www\.)\S+|\b[\w.-]+\.(?:com|net|org|sa|gov)(?:\.\w{2})?\/\S*/gu;
/** A short quoted or bracketed run: «…», "…", “…”, (…) and {…} (Asharq al-Awsat prints quotes as braces). */
const QUOTED = /[«"“({]\s*([^«»"“”(){}\n]{2,40}?)\s*[»"”)}]/g;

/** Adjectives of a place's points of the compass: «أفريقيا الوسطى», «أمريكا الشمالية» are other places. */
const COMPASS_ADJECTIVES = set('الوسطى الشمالية الجنوبية الشرقية الغربية اللاتينية الشمالي الجنوبي الشرقي الغربي');

/** What the linker knows of one registry entity beyond its names. */
interface EntityFacts {
  entity: LinkedEntity;
  /** Nisbas the registry qualifies the entity's names with («السعودية» in «وزارة الداخلية السعودية»). */
  nisbas: Set<string>;
  /** Surname → the first names of its multi-word names («الحقباني» → {مفرج}). */
  surnames: Map<string, Set<string>>;
  /** Every word of every name. */
  nameWords: Set<string>;
}

/** One article's context: what it names beyond doubt, whether it is a sports story, whose surnames it gives others. */
interface ArticleContext {
  named: Set<string>;
  /** Entities any name of which (short names included) the article carries. */
  matched: Set<string>;
  sports: boolean;
  /** Sports words the article uses (`SPORTS_WORDS`), gathered while reading it. */
  sportsWords: Set<string>;
  /** Entities whose surname or short name the article gives someone or something else («سعود الحقباني», «القادسية الكويتي»). */
  otherSenses: Set<string>;
  outlet: string | undefined;
}

export class Linker {
  readonly #matcher: EntityMatcher;
  readonly #facts = new Map<string, EntityFacts>();
  /** Folded outlet name → its registry entity. */
  readonly #outletByName = new Map<string, string>();
  /** Folded credit name (organizations' names and every source name) → entity. */
  readonly #creditByName = new Map<string, string>();
  /** Entity with short names → the entities whose names begin with one of them («الاتحاد» → الاتحاد الآسيوي…). */
  readonly #shortRivals = new Map<string, Set<string>>();
  /** One-word names of countries and regions without the article («مصر», «عراق», «امريكا»), to tell a nationality. */
  readonly #countryWords = new Set<string>();

  constructor(registry: readonly LinkedEntity[], options: LinkerOptions = {}) {
    this.#matcher = new EntityMatcher(
      registry.map((e) => ({
        id: e.id,
        names: [e.name, ...e.aliases],
        shortNames: e.shortNames ?? [],
        // A foreign brand written with the article (الفيسبوك، اليوتيوب، الواتس آب): organization
        // names in Arabic letters none of whose words has the article.
        variants:
          e.type === 'organization'
            ? [e.name, ...e.aliases].filter((n) => /^[\p{Script=Arabic} ]+$/u.test(n) && !/(?:^| )ال/.test(n)).map((n) => `ال${n}`)
            : [],
      })),
    );
    for (const e of registry) this.#facts.set(e.id, factsOf(e));
    for (const e of registry) {
      if (e.type !== 'place' || !['country', 'region'].includes(e.kind ?? '')) continue;
      for (const n of [e.name, ...e.aliases]) {
        const w = words(n);
        if (w.length === 1) this.#countryWords.add(w[0]!.replace(/^ال/, ''));
      }
    }
    const shortKeys = registry.flatMap((e) => (e.shortNames ?? []).map((n) => [e.id, `${fold(n)} `] as const));
    for (const e of registry) {
      for (const name of [e.name, ...e.aliases].map(fold)) {
        for (const [owner, key] of shortKeys) {
          if (owner === e.id || !name.startsWith(key)) continue;
          this.#shortRivals.set(owner, (this.#shortRivals.get(owner) ?? new Set()).add(e.id));
        }
      }
    }
    // Credits name organizations (agencies, outlets, channels), never places or people.
    for (const e of registry) {
      for (const name of [...e.sourceNames, ...(e.type === 'organization' ? [e.name, ...e.aliases] : [])]) {
        if (!this.#creditByName.has(fold(name))) this.#creditByName.set(fold(name), e.id);
      }
    }
    const organizations = registry.filter((e) => e.type === 'organization');
    for (const names of options.outlets ?? []) {
      const keys = new Set(names.map(fold));
      const entity = organizations.find((e) => [e.name, ...e.aliases, ...e.sourceNames].some((n) => keys.has(fold(n))));
      if (!entity) continue;
      for (const key of keys) this.#outletByName.set(key, entity.id);
    }
    // An outlet's names credit the outlet, before any place or word of the same letters.
    for (const [key, id] of this.#outletByName) this.#creditByName.set(key, id);
  }

  /** The registry entity of the newspaper or channel an article's outlet field names, if any. */
  outletEntity(outlet: string): string | undefined {
    return this.#outletByName.get(fold(outlet));
  }

  /**
   * The agency or outlet a credit names as a whole («واس», «الأوروبية», «الرياض الإلكتروني»), if
   * any. `ownOutlet` (the article's outlet entity) also answers to its name without «صحيفة»: an
   * al-Jazirah story signed «الجزيرة - وكالات» credits the paper, not the Qatari channel.
   */
  creditEntity(name: string, ownOutlet?: string): string | undefined {
    const key = fold(name);
    if (ownOutlet && this.#shortNamesOf(ownOutlet).has(key)) return ownOutlet;
    return this.#creditByName.get(key);
  }

  readonly #ownNames = new Map<string, Set<string>>();

  /** An outlet's names, and each without «صحيفة/جريدة/قناة/وكالة» (what its own pages call it). */
  #shortNamesOf(id: string): Set<string> {
    let names = this.#ownNames.get(id);
    if (!names) {
      const e = this.#facts.get(id)?.entity;
      const folded = e ? [e.name, ...e.aliases, ...e.sourceNames].map(fold) : [];
      names = new Set([...folded, ...folded.map((n) => n.replace(/^(?:صحيفه|جريده|قناه|وكاله) /, ''))]);
      this.#ownNames.set(id, names);
    }
    return names;
  }

  /** The places a dateline names («جدة», «عدن، صنعاء», «مكة المكرمة»): places only, never a newspaper. */
  datelineMentions(dateline: string): Mention[] {
    const { tokens, candidates } = this.#matcher.scan(dateline);
    return candidates
      .filter((c) => !c.short && this.#facts.get(c.entityId)?.entity.type === 'place')
      .map((c) => ({ entityId: c.entityId, start: tokens[c.first]!.start, end: tokens[c.last]!.end }));
  }

  /**
   * The mention finder for one article's title and body: reads the whole article first (which
   * entities it names beyond doubt, whether it is a sports story), then judges each match in its
   * context.
   */
  finder(article: ArticleText): FindMentions {
    const context: ArticleContext = {
      named: new Set(),
      matched: new Set(),
      sports: false,
      sportsWords: new Set(),
      otherSenses: new Set(),
      outlet: article.outlet,
    };
    const found: Mention[] = [];
    for (const text of [article.title, article.body]) found.push(...this.#find(text, context, 'read'));
    for (const m of found) context.named.add(m.entityId);
    context.sports =
      context.sportsWords.size >= 3 || [...context.named].some((id) => SPORTS_KINDS.has(this.#facts.get(id)?.entity.kind ?? ''));
    return (text) => this.#find(text, context, 'link');
  }

  /**
   * Mentions in running text. In the `read` pass only matches beyond doubt count, and surnames
   * given to someone else are noted; in the `link` pass the article's context settles the rest.
   */
  #find(text: string, context: ArticleContext, pass: 'read' | 'link'): Mention[] {
    const quoted = this.#quotedOutlets(text, context.outlet);
    const urls = [...text.matchAll(URL)].map((m) => [m.index, m.index + m[0].length] as const);
    const scanned = this.#matcher.scan(text);
    const { tokens, candidates } = scanned;
    if (pass === 'read') {
      for (const key of scanned.keys) {
        const word = context.sportsWords.size < 3 ? inList(SPORTS_WORDS, key) : undefined;
        if (word) context.sportsWords.add(word);
      }
    }
    const mentions: Mention[] = [...quoted];
    for (const [n, c] of candidates.entries()) {
      const start = tokens[c.first]!.start;
      const end = tokens[c.last]!.end;
      if (quoted.some((q) => start < q.end && end > q.start)) continue;
      // Words of a web address are not names in the text (…/a/الأسهم-السعودية-تغلق).
      if (urls.some(([s, e]) => start < e && end > s)) continue;
      if (pass === 'read') context.matched.add(c.entityId);
      const verdict = this.#judge(c, scanned, text, candidates[n - 1], candidates[n + 1], context);
      if (verdict === 'other-sense') {
        if (pass === 'read') context.otherSenses.add(c.entityId);
        continue;
      }
      if (verdict === 'no') continue;
      if (verdict === 'doubtful' && (pass === 'read' || !context.named.has(c.entityId))) continue;
      if (verdict === 'short' && (pass === 'read' || !this.#settled(c.entityId, context))) continue;
      mentions.push({ entityId: c.entityId, start, end });
    }
    return mentions.sort((a, b) => a.start - b.start);
  }

  /**
   * Whether a word is a nationality: the nisba of a registered country or region («المصرية»,
   * «العراقي», «الأمريكية», «الكويتي»), not any adjective of that shape («الرامية», «الجديدة»).
   */
  #nationality(key: string): boolean {
    const m = /^ال(\S{2,}?)(?:يين|يون|يه|ي)$/.exec(key);
    if (!m) return false;
    const stem = m[1]!;
    return [stem, `${stem}ا`, `${stem}يا`, `${stem}ه`].some((w) => this.#countryWords.has(w));
  }

  /**
   * Whether the article settles a short name: it names the entity otherwise; or the entity is a
   * sports one in a sports story, and the article names no entity whose name the short name begins
   * («الاتحاد» in a story that also names «الاتحاد السعودي لكرة القدم» stays unsettled).
   */
  #settled(id: string, context: ArticleContext): boolean {
    if (context.named.has(id)) return true;
    if (!context.sports || !SPORTS_KINDS.has(this.#facts.get(id)?.entity.kind ?? '')) return false;
    return ![...(this.#shortRivals.get(id) ?? [])].some((rival) => context.matched.has(rival));
  }

  /** Quoted or bracketed outlet names: «قال لـ"الرياض"», «(الشرق الأوسط)», «و(الجزيرة) التي آلمها». */
  #quotedOutlets(text: string, ownOutlet: string | undefined): Mention[] {
    if (this.#outletByName.size === 0) return [];
    const own = ownOutlet ? this.#shortNamesOf(ownOutlet) : new Set<string>();
    const out: Mention[] = [];
    for (const m of text.matchAll(QUOTED)) {
      const key = fold(m[1]!);
      const id = own.has(key) ? ownOutlet : this.#outletByName.get(key);
      if (!id) continue;
      const start = m.index + m[0].indexOf(m[1]!);
      out.push({ entityId: id, start, end: start + m[1]!.length });
    }
    return out;
  }

  /** Whether a match is a mention, not one, or one only if the article settles it. */
  #judge(
    c: Candidate,
    { tokens, keys }: ScannedText,
    text: string,
    before: Candidate | undefined,
    after: Candidate | undefined,
    context: ArticleContext,
  ): 'yes' | 'no' | 'doubtful' | 'short' | 'other-sense' {
    const facts = this.#facts.get(c.entityId)!;
    const { entity } = facts;
    const oneWord = c.first === c.last;
    const spaced = (a: number, b: number) => a >= 0 && b < tokens.length && SPACE.test(text.slice(tokens[a]!.end, tokens[b]!.start));
    const attached = c.clitic === '' && spaced(c.first - 1, c.first);
    const next = c.last + 1 < tokens.length && spaced(c.last, c.last + 1) ? keys[c.last + 1]! : undefined;

    // A name inside a longer name headed by another thing: جامعة الملك سعود، أمانة جدة، كأس ملك إسبانيا;
    // and the names coordinated with it (كأس الخليج والعرب وآسيا).
    let first = c.first;
    if (c.clitic === 'و') {
      while (first > 1 && spaced(first - 1, first) && keys[first - 1]!.startsWith('و') && keys[first - 1]!.length > 3) first -= 1;
      // The first conjunct is one word, not the end of a longer name: «الخليج» in «كأس الخليج
      // والعرب وآسيا», not «سعود» in «جامعة الملك سعود وجدة».
      const insideName = before !== undefined && before.last === first - 1 && before.first < first - 1;
      if (first > 1 && spaced(first - 1, first) && !insideName) first -= 1;
      else first = c.first;
    }
    if (first !== c.first || attached) {
      let h = first - 1;
      for (let skipped = 0; skipped < 2 && h > 0 && inList(HEAD_GAP, keys[h]!) && spaced(h - 1, h); skipped++) h -= 1;
      const thingHead = inList(THING_HEADS, keys[h]!);
      const head = thingHead ? THING_HEADS.get(thingHead)! : undefined;
      if (head && !head.same.has(entity.kind ?? '') && (!head.peopleOnly || entity.type === 'person')) return 'no';
      const placeHead = inList(PLACE_HEADS, keys[h]!);
      if (placeHead && !(entity.type === 'place' && PLACE_HEADS.get(placeHead)!.has(entity.kind ?? ''))) return 'no';
    }

    // Two place names side by side are one name (كوبا أمريكا).
    if (entity.type === 'place') {
      const touching = (a: Candidate | undefined, b: Candidate | undefined) =>
        a !== undefined && b !== undefined && b.first === a.last + 1 && b.clitic === '' && spaced(a.last, b.first);
      const isPlace = (x: Candidate | undefined) => x !== undefined && this.#facts.get(x.entityId)?.entity.type === 'place';
      if ((touching(before, c) && isPlace(before)) || (touching(c, after) && isPlace(after))) return 'no';
    }

    // A nisba-shaped name right after a definite noun is its adjective (الجامعات السعودية، للأسهم
    // السعودية); before «لل…» it begins a company's name (السعودية للكهرباء، والسعودية للتموين).
    if (oneWord && nisbaShaped(keys[c.first]!.slice(c.clitic.length))) {
      const previous = attached ? keys[c.first - 1]! : '';
      if (previous && DEFINITE.test(previous) && !inList(DEFINITE_PARTICLES, previous)) return 'no';
      if (next?.startsWith('لل') && !NOT_COMPANY_WORDS.has(next)) return 'no';
    }

    // The same name with another nationality (وزارة الداخلية المغربية); a short name with any
    // (القادسية الكويتي), and then that short name anywhere in the article.
    if (next && this.#nationality(next) && !facts.nisbas.has(next)) {
      if (c.short) return 'other-sense';
      if (facts.nisbas.size > 0) return 'no';
    }
    // A continent or country with a point of the compass is another place (أفريقيا الوسطى، أمريكا الشمالية).
    if (entity.type === 'place' && next && COMPASS_ADJECTIVES.has(next) && ['country', 'region'].includes(entity.kind ?? '')) return 'no';
    if (c.short && context.otherSenses.has(c.entityId)) return 'no';
    // A short name followed by «لـ…» begins a longer name (الاتحاد السعودي للتنس).
    if (c.short && next && /^(?:لل|لكره|لالعاب)/.test(next)) return 'no';

    if (entity.type === 'person') {
      // A name after بن is a father's name in someone else's (عبدالرحمن بن عبدالله المقبل، فيصل بن سلمان).
      if (attached && NASAB.has(keys[c.first - 1]!)) return 'no';
      // A title followed by another person's name (ولي العهد الأمير سلمان بن حمد).
      if (next && NAME_HONORIFICS.has(next) && c.last + 2 < tokens.length && spaced(c.last + 1, c.last + 2)) {
        const name = keys[c.last + 2]!;
        if (!facts.nameWords.has(name) && !NAME_HONORIFICS.has(name)) return 'no';
      }
      // A surname after another person's given name (سعود الحقباني، عبدالرحمن بن عبدالله المقبل),
      // and then that surname anywhere in the article.
      const firstNames = facts.surnames.get(keys[c.first]!.slice(c.clitic.length));
      if (oneWord && firstNames) {
        let k = c.first;
        while (k > 0 && spaced(k - 1, k) && (GIVEN(keys[k - 1]!) || NASAB.has(keys[k - 1]!))) k -= 1;
        while (k < c.first && NASAB.has(keys[k]!)) k += 1;
        if (c.clitic === '' && k < c.first && !firstNames.has(keys[k]!)) return 'other-sense';
        if (context.otherSenses.has(c.entityId)) return 'no';
      }
    }

    // ه written for ة after one or two letters: a possessive (جده "his grandfather").
    if (oneWord) {
      const written = tokens[c.first]!.text;
      if (/ه$/.test(written) && !/ة$/.test(written)) {
        const stem = keys[c.first]!.slice(c.clitic.length).replace(/^ال/, '');
        if (stem.length <= 3 && [entity.name, ...entity.aliases].some((n) => /ة$/.test(n.trim()) && !/\s/.test(n.trim())))
          return 'doubtful';
      }
    }
    return c.short ? 'short' : 'yes';
  }
}

/** Nisbas, surnames and name words of one entity, from its names. */
function factsOf(entity: LinkedEntity): EntityFacts {
  const names = [entity.name, ...entity.aliases].map((n) => words(n));
  const keys = new Set(names.map((n) => n.join(' ')));
  const nisbas = new Set<string>();
  const surnames = new Map<string, Set<string>>();
  const nameWords = new Set<string>();
  for (const n of names) {
    for (const w of n) nameWords.add(w);
    const last = n.at(-1)!;
    if (n.length > 1 && nisbaShaped(last) && keys.has(n.slice(0, -1).join(' '))) nisbas.add(last);
  }
  if (entity.type === 'person') {
    for (const n of names) {
      if (n.length !== 1) continue;
      const before = new Set(names.filter((m) => m.length > 1 && m.at(-1) === n[0]).map((m) => m[0]!));
      if (before.size > 0) surnames.set(n[0]!, before);
    }
  }
  return { entity, nisbas, surnames, nameWords };
}
