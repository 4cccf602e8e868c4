/**
 * Query processing in the browser: what Pagefind is asked for when a reader types a query.
 *
 * Pagefind finds the pages holding every word of a query. A reader's words mean more than one
 * Pagefind query can say, so a query becomes a small plan (`PreparedQuery`) the browser runs and
 * merges (src/search/plan.ts):
 * - the main query: each entity name (any registry name or alias, with proclitics: "وأردوغان",
 *   "بداعش"), found by the same matcher that links articles to entities, becomes that name's token
 *   (name-token.ts), which articles carry when the linker found the entity in their text; an
 *   honorific before a name («الأمير», «الملك», «الرئيس») is not required; a name is also known
 *   typed with a hamza's seat as its bare letter («الطايف» for «الطائف»); every other word becomes
 *   its query form (`queryTermOf`); stop words are dropped;
 * - alternatives, merged with it: the name's own words instead of its token (the word keeps its
 *   other forms: «الإمارات» also finds «الإماراتيين»); the words with a lone و ف ب ل ك kept, when
 *   the main query dropped it («بموسكو» is searched as «موسكو» and as written); other words for the
 *   same thing from the reviewed table (synonyms.ts); for a registry nickname («العميد»), the
 *   pages that use it and are about its entity, then the entity's other pages, the nickname
 *   staying a word with its own senses;
 * - a word the site writes whole more often than without its first و ف ب ل ك («كورونا», «بريطانيا»,
 *   `QueryData.whole`) keeps that letter in the main query too, and is not searched without it;
 * - the words one by one, for when every word together finds nothing (ranked by how much of the
 *   query a page covers);
 * - a one-word query whose form is three letters or fewer («الحج» → «حج») is searched as that
 *   exact word first: Pagefind matches query words as prefixes, and «حج» would find «حجم»,
 *   «حجز»…; the prefix search stays, weighted low;
 * - a query in double quotes is an exact phrase search and goes to Pagefind untouched.
 */
import { EntityMatcher } from '../entities/matcher.ts';
import { normalizeArabic, tokenize } from '../arabic/index.ts';
import { isStopword, queryTermAsWritten, queryTermOf, wordsOf } from './analyzer.ts';
import { nameToken } from './name-token.ts';
import { synonymsOf } from './synonyms.ts';

/** Entity names: one row per entity, `[name, ...aliases]`. */
export type EntityNamesTable = readonly (readonly string[])[];

/** What the browser loads from `entityNamesUrl` on the first search (src/site/search/entity-names-route.ts). */
export interface QueryData {
  names: EntityNamesTable;
  /** Forms (`queryTermAsWritten`) of words whose first و ف ب ل ك is no proclitic («كورونا»). */
  whole: readonly string[];
  /** Registry nicknames («العميد»), each with its entity's canonical name (`EntityData.nicknames`). */
  nicknames?: readonly (readonly [nickname: string, name: string])[];
}

/** One Pagefind query of a plan, and how much its matches count. */
export interface SubQuery {
  query: string;
  weight: number;
}

/** A reader's query, processed. */
export interface PreparedQuery {
  /** The query as typed. */
  text: string;
  /** The main query Pagefind is asked for. */
  pagefindQuery: string;
  /** Other queries whose results are merged with the main one's. */
  alternatives: SubQuery[];
  /** Each part of the query alone (a name's token or a word's form), for the any-word fallback. */
  parts: string[];
  /** Query forms of the words that are not part of an entity name (for highlighting). */
  terms: string[];
  /** Tokens of the entity names in the query. */
  entities: string[];
  /** The words that are no entity's name, as typed, with the form that keeps a lone proclitic (for typo checks). */
  words: { text: string; written: string }[];
  /** A quoted, exact phrase search. */
  exact: boolean;
}

const QUOTED = /^\s*".+"\s*$/;

/** Words of respect before a name, which a reader may type or leave out. */
const HONORIFICS = new Set(
  'الأمير الأميرة الملك الملكة الشيخ الشيخة الرئيس السلطان سمو جلالة فخامة معالي سماحة الدكتور الوزير العاهل'
    .split(' ')
    .map((w) => normalizeArabic(w)),
);

/**
 * A name as readers type it without the hamza's seat: ئ as ي, ؤ as و («الطائف» → «الطايف»,
 * «المؤتمر» → «الموتمر»). The normalizer folds seated hamzas to ء, so without this the query's
 * «الطايف» names nothing and is searched as a word, whose stem Pagefind's own stemmer shares with
 * «الطائفي» (sectarian).
 */
export function withoutHamzaSeats(name: string): string {
  return name.replace(/ئ/g, 'ي').replace(/ؤ/g, 'و');
}

/** How much an alternative's matches count beside the main query's. */
const WEIGHTS = { words: 0.8, written: 0.8, synonym: 0.6, prefix: 0.2, scattered: 0.2, nicknamed: 1, nicknameEntity: 0.3 };

/** Query forms this short are searched as exact words first. */
const SHORT_FORM = 3;

/** Turns queries into what the enriched index understands. */
export class QueryProcessor {
  readonly #matcher: EntityMatcher;
  /** Name token → every name of the entity (or entities) that go by that name. */
  readonly #names = new Map<string, string[]>();
  readonly #whole: ReadonlySet<string>;
  /** Finds registry nicknames; a match's id is its entity's name token. */
  readonly #nicknames: EntityMatcher;

  /**
   * `whole`: see `QueryData.whole`; a word not in it loses a lone و ف ب ل ك when four letters remain.
   * `nicknames`: see `QueryData.nicknames`.
   */
  constructor(table: EntityNamesTable = [], whole: Iterable<string> = [], nicknames: QueryData['nicknames'] = []) {
    this.#whole = new Set(whole);
    this.#nicknames = new EntityMatcher(nicknames.map(([nickname, name]) => ({ id: nameToken(name), names: [nickname] })));
    const byName = new Map<string, string>();
    const bare = new Map<string, string>();
    for (const names of table) {
      for (const name of names) {
        const token = nameToken(name);
        const all = this.#names.get(token) ?? [];
        this.#names.set(token, [...new Set([...all, ...names])]);
        byName.set(name, token);
        // Readers type a hamza's seat as its bare letter: «الطايف» for «الطائف», «اسراييل».
        const seatless = withoutHamzaSeats(name);
        if (seatless !== name) bare.set(seatless, token);
        // Readers often type a one-word name without its article: "كرملين" for "الكرملين".
        for (const written of new Set([name, seatless])) {
          const words = wordsOf(written);
          if (words.length === 1 && written.startsWith('ال') && written.length >= 5) bare.set(written.slice(2), token);
        }
      }
    }
    // A registry name always wins over a form derived from another one.
    const names = new Set([...byName.keys()].map((name) => normalizeArabic(name)));
    for (const [name, token] of bare) if (!names.has(normalizeArabic(name))) byName.set(name, token);
    // Each name is its own matcher entry, so a query's name maps to that name's token.
    this.#matcher = new EntityMatcher([...byName].map(([name, token]) => ({ id: token, names: [name] })));
  }

  /** Every name of the entity a name token stands for. */
  namesOf(token: string): readonly string[] {
    return this.#names.get(token) ?? [];
  }

  /** Processes a query: "جاويش أوغلو" → that name's token; "العلاقات الروسية" → "علاق روس". */
  prepare(text: string): PreparedQuery {
    if (QUOTED.test(text)) {
      const terms = wordsOf(text).map(queryTermOf);
      return { text, pagefindQuery: text, alternatives: [], parts: [], terms, entities: [], words: [], exact: true };
    }
    const mentions = this.#matcher.findMentions(text);
    const tokens = tokenize(text);
    /** One part per name or word, with the forms each alternative searches it by. */
    const parts: { main: string; words: string[]; written: string; synonyms: string[]; entity: boolean; name?: string; start?: number }[] =
      [];
    const terms: string[] = [];
    const entities: string[] = [];
    const words: { text: string; written: string }[] = [];
    const stopwords: string[] = [];
    let m = 0;
    for (const [i, token] of tokens.entries()) {
      while (m < mentions.length && mentions[m]!.end <= token.start) m++;
      const mention = mentions[m];
      if (mention && token.start >= mention.start && token.end <= mention.end) {
        if (token.start === mention.start && !entities.includes(mention.entityId)) {
          entities.push(mention.entityId);
          const name = text.slice(mention.start, mention.end);
          const nameWords = tokenize(name)
            .map((t) => t.text)
            .filter((w) => !isStopword(w));
          parts.push({
            main: mention.entityId,
            words: nameWords.map(queryTermOf),
            written: mention.entityId,
            synonyms: [],
            entity: true,
            name,
          });
        }
        continue;
      }
      // An honorific right before a name is the reader's courtesy, not a word the page must hold.
      const next = tokens[i + 1];
      if (HONORIFICS.has(normalizeArabic(token.text)) && next && mentions.some((x) => x.start === next.start)) continue;
      if (isStopword(token.text)) {
        stopwords.push(token.text);
        continue;
      }
      const written = queryTermAsWritten(token.text);
      // «كورونا» is no ك + «ورونا»: the site writes the whole word more often than the rest.
      const term = this.#whole.has(written) ? written : queryTermOf(token.text);
      if (!term) continue;
      terms.push(term);
      words.push({ text: token.text, written });
      parts.push({
        main: term,
        words: [term],
        written,
        synonyms: synonymsOf(token.text).map(queryTermOf),
        entity: false,
        start: token.start,
      });
    }
    if (parts.length === 0) {
      // Only stop words: search them, as forms, rather than nothing.
      for (const word of stopwords) {
        const term = queryTermOf(word);
        if (!term) continue;
        terms.push(term);
        parts.push({ main: term, words: [term], written: term, synonyms: [], entity: false });
      }
    }
    const forms = parts.map((p) => p.main).join(' ');
    let pagefindQuery = forms;
    const alternatives: SubQuery[] = [];
    const add = (query: string, weight: number) => {
      if (query && query !== pagefindQuery && !alternatives.some((a) => a.query === query)) alternatives.push({ query, weight });
    };
    const only = parts.length === 1 ? parts[0]! : undefined;
    if (only && !only.entity && only.main.length <= SHORT_FORM && /^\p{L}+$/u.test(only.main)) {
      pagefindQuery = `"${only.main}"`;
      add(only.main, WEIGHTS.prefix);
    }
    if (only?.entity && only.name && only.words.length > 1) {
      // A name of several words, searched by its words, must find them together: a squad list
      // holding «محمد» and «نايف» apart is no mention of «محمد بن نايف». The words apart only
      // trail (a story on «المعارضة» in Syria that never writes «المعارضة السورية»).
      add(`"${only.name}"`, WEIGHTS.words);
      add(only.words.join(' '), WEIGHTS.scattered);
    } else if (parts.some((p) => p.entity)) {
      add(parts.flatMap((p) => p.words).join(' '), WEIGHTS.words);
    }
    const written = parts.map((p) => p.written).join(' ');
    if (written !== forms) add(written, WEIGHTS.written);
    parts.forEach((p, i) => {
      for (const synonym of p.synonyms) add(parts.map((q, j) => (j === i ? synonym : q.main)).join(' '), WEIGHTS.synonym);
    });
    // A nickname («العميد») stays a word, which has its own senses (a brigadier); the pages that
    // use it and are about the entity it nicknames come first, then the entity's other pages.
    for (const nick of this.#nicknames.findMentions(text)) {
      if (mentions.some((x) => x.start < nick.end && nick.start < x.end)) continue;
      const token = nick.entityId;
      const inside = (p: (typeof parts)[number]) => p.start !== undefined && p.start >= nick.start && p.start < nick.end;
      add(`${forms} ${token}`, WEIGHTS.nicknamed);
      add([...parts.filter((p) => !inside(p)).map((p) => p.main), token].join(' '), WEIGHTS.nicknameEntity);
    }
    return {
      text,
      pagefindQuery,
      alternatives,
      parts: parts.length > 1 ? parts.map((p) => p.main) : [],
      terms,
      entities,
      words,
      exact: false,
    };
  }
}
