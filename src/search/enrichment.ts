/**
 * What the search index learns about a page beyond its visible text: hidden, searchable Pagefind
 * metadata (`data-pagefind-meta`, searchable since Pagefind 1.5) that readers never see in
 * excerpts. Pure functions; `pages.ts` feeds them the site's data.
 *
 * - `terms`: the forms the page's words can be found by (`indexTermsOf`), minus those Pagefind
 *   already indexes from the visible text word for word; and the tokens of multi-word entity
 *   names whose every word the page contains, in any order (what a word search for the name
 *   would find);
 * - `entities` (articles): the tokens of every name of every registry entity the article mentions
 *   (so a query naming an entity by any alias finds every article the linker found it in), and of
 *   names written inside longer names ("البحر الأسود" in "منظمة التعاون الاقتصادي للبحر الأسود");
 * - `names` (entity pages): the tokens of the entity's names and the forms of their words,
 *   weighted so the entity page ranks first for its names.
 */
import { tokenize } from '../arabic/index.ts';
import type { Mention } from '../entities/mentions.ts';
import { indexTermsOf, indexTermsOfTexts, queryTerms, wordsOf } from './analyzer.ts';
import { nameToken } from './name-token.ts';

/** The hidden search fields of one page; empty fields are left out of the page. */
export interface PageEnrichment {
  terms: string[];
  entities: string[];
  names: string[];
}

/** An entity's names: its canonical name first, then its aliases. */
export type EntityNameList = readonly string[];

/**
 * A word as Pagefind indexes it before stemming: lower-cased, combining marks removed (its
 * diacritic folding), letters and digits only.
 */
export function pagefindFold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The forms the words of `texts` can be found by that Pagefind does not already index from the
 * visible text: a form equal to a visible word (as Pagefind folds it) adds nothing.
 */
export function enrichmentTerms(texts: readonly string[], forms = indexTermsOfTexts(texts)): string[] {
  const visible = new Set<string>();
  for (const text of texts) for (const word of wordsOf(text)) visible.add(pagefindFold(word));
  return [...forms].filter((form) => !visible.has(pagefindFold(form)));
}

/** A multi-word name, prepared for {@link namesContainedIn}. */
export interface WordedName {
  token: string;
  terms: string[];
}

/** The multi-word names among `names`, with their query forms. */
export function multiWordNames(names: Iterable<EntityNameList>): WordedName[] {
  const result = new Map<string, WordedName>();
  for (const list of names) {
    for (const name of list) {
      const terms = queryTerms(name);
      if (terms.length > 1) result.set(nameToken(name), { token: nameToken(name), terms });
    }
  }
  return [...result.values()];
}

/** Tokens of the names whose every word's query form is among `forms`. */
export function namesContainedIn(forms: ReadonlySet<string>, names: readonly WordedName[]): string[] {
  return names.filter((n) => n.terms.every((t) => forms.has(t))).map((n) => n.token);
}

/** Finds names in text; mention ids are name tokens (an `EntityMatcher` with one entry per name). */
export type FindNames = (text: string) => Mention[];

/**
 * Tokens of every name written in `text`, including names inside longer ones: the matcher finds
 * the longest name at each place; each one is searched again without its first word.
 */
export function namesWrittenIn(text: string, findNames: FindNames, into = new Set<string>()): Set<string> {
  for (const mention of findNames(text)) {
    into.add(mention.entityId);
    const inner = text.slice(mention.start, mention.end);
    const words = tokenize(inner);
    if (words.length > 1) namesWrittenIn(inner.slice(words[1]!.start), findNames, into);
  }
  return into;
}

/** What an article's enrichment is computed from, besides its texts. */
export interface ArticleNames {
  /** The names of each entity the article mentions (the linker's mention index). */
  mentioned: Iterable<EntityNameList>;
  /** The site's multi-word names (`multiWordNames`). */
  wordedNames?: readonly WordedName[];
  /** Finds names in text, by token (for names inside longer names). */
  findNames?: FindNames;
}

/** An article's hidden search fields, from its texts (title, standfirst, body blocks...). */
export function articleEnrichment(texts: readonly string[], { mentioned, wordedNames = [], findNames }: ArticleNames): PageEnrichment {
  const forms = indexTermsOfTexts(texts);
  const entities = new Set<string>();
  for (const names of mentioned) for (const name of names) entities.add(nameToken(name));
  if (findNames) for (const text of texts) namesWrittenIn(text, findNames, entities);
  const contained = namesContainedIn(forms, wordedNames).filter((token) => !entities.has(token));
  return {
    terms: [...enrichmentTerms(texts, forms), ...contained.sort()],
    entities: [...entities].sort(),
    names: [],
  };
}

/** An entity page's hidden search fields: its names' tokens and forms, and its other text's forms. */
export function entityEnrichment(names: EntityNameList, texts: readonly string[]): PageEnrichment {
  const own = new Set<string>();
  for (const name of names) {
    own.add(nameToken(name));
    for (const word of wordsOf(name)) for (const form of indexTermsOf(word)) own.add(form);
  }
  return {
    terms: enrichmentTerms(texts).filter((form) => !own.has(form)),
    entities: [],
    names: [...own],
  };
}
