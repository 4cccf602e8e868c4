/**
 * Query processing in the browser: what Pagefind is asked for when a reader types a query.
 *
 * - an entity name (any registry name or alias, with proclitics: "وأردوغان", "بداعش"), found by the
 *   same matcher that links articles to entities, becomes that name's token (name-token.ts), which
 *   articles carry when they mention the entity under any name: "داعش" finds every article that
 *   names the Islamic State in any way the registry knows;
 * - every other word becomes its query form (`queryTermOf`); stop words are dropped;
 * - a query in double quotes is an exact phrase search and goes to Pagefind untouched.
 */
import { EntityMatcher } from '../entities/matcher.ts';
import { tokenize } from '../arabic/index.ts';
import { isStopword, queryTermOf, wordsOf } from './analyzer.ts';
import { nameToken } from './name-token.ts';

/** Entity names as served at `entityNamesUrl`: one row per entity, `[name, ...aliases]`. */
export type EntityNamesTable = readonly (readonly string[])[];

/** A reader's query, processed. */
export interface PreparedQuery {
  /** The query as typed. */
  text: string;
  /** What Pagefind is asked for. */
  pagefindQuery: string;
  /** Query forms of the words that are not part of an entity name (for highlighting). */
  terms: string[];
  /** Tokens of the entity names in the query. */
  entities: string[];
  /** A quoted, exact phrase search. */
  exact: boolean;
}

const QUOTED = /^\s*".+"\s*$/;

/** Turns queries into what the enriched index understands. */
export class QueryProcessor {
  readonly #matcher: EntityMatcher;
  /** Name token → every name of the entity (or entities) that go by that name. */
  readonly #names = new Map<string, string[]>();

  constructor(table: EntityNamesTable = []) {
    const byName = new Map<string, string>();
    const bare = new Map<string, string>();
    for (const names of table) {
      for (const name of names) {
        const token = nameToken(name);
        const all = this.#names.get(token) ?? [];
        this.#names.set(token, [...new Set([...all, ...names])]);
        byName.set(name, token);
        // Readers often type a one-word name without its article: "كرملين" for "الكرملين".
        const words = wordsOf(name);
        if (words.length === 1 && name.startsWith('ال') && name.length >= 5) bare.set(name.slice(2), token);
      }
    }
    for (const [name, token] of bare) if (!byName.has(name)) byName.set(name, token);
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
      return { text, pagefindQuery: text, terms, entities: [], exact: true };
    }
    const mentions = this.#matcher.findMentions(text);
    const parts: string[] = [];
    const terms: string[] = [];
    const entities: string[] = [];
    const stopwords: string[] = [];
    let m = 0;
    for (const token of tokenize(text)) {
      while (m < mentions.length && mentions[m]!.end <= token.start) m++;
      const mention = mentions[m];
      if (mention && token.start >= mention.start && token.end <= mention.end) {
        if (!entities.includes(mention.entityId)) {
          entities.push(mention.entityId);
          parts.push(mention.entityId);
        }
        continue;
      }
      if (isStopword(token.text)) {
        stopwords.push(token.text);
        continue;
      }
      const term = queryTermOf(token.text);
      if (!term) continue;
      terms.push(term);
      parts.push(term);
    }
    if (parts.length === 0) {
      // Only stop words: search them, as forms, rather than nothing.
      for (const word of stopwords) {
        const term = queryTermOf(word);
        if (!term) continue;
        terms.push(term);
        parts.push(term);
      }
    }
    return { text, pagefindQuery: parts.join(' '), terms, entities, exact: false };
  }
}
