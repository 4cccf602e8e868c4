/**
 * What the search index learns about a page beyond its visible text: hidden, searchable Pagefind
 * metadata (`data-pagefind-meta`, searchable since Pagefind 1.5) that readers never see in
 * excerpts. Pure functions; `pages.ts` feeds them the site's data.
 *
 * - `terms`: the forms the page's words can be found by (`indexTermsOf`), minus those Pagefind
 *   already indexes from the visible text word for word;
 * - `entities` (articles): the tokens of every name of every registry entity the article mentions
 *   (so a query naming an entity by any alias finds every article the linker found it in; a name
 *   the linker reads as something else — a newspaper's, an adjective, a name inside another —
 *   gives none); `entitiesLead` the same for the entities its headline, standfirst or first paragraph names,
 *   `entitiesMany` for those it mentions three times or more: Pagefind scores a metadata match by
 *   its field, not by how often, so these fields say how much the article is about the entity;
 * - `names` (entity pages): the tokens of the entity's names, weighted so the entity page ranks
 *   first when a query names the entity whole (the words of its names are ordinary `terms`).
 */
import { indexTermsOf, isStopword, wordsOf } from './analyzer.ts';
import { nameToken } from './name-token.ts';

/** The hidden search fields of one page; empty fields are left out of the page. */
export interface PageEnrichment {
  terms: string[];
  entities: string[];
  entitiesLead: string[];
  entitiesMany: string[];
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

/** What enrichment needs of one word as written: its fold, and its search forms with theirs (none for a stop word). */
interface WordTerms {
  fold: string;
  forms: readonly { form: string; fold: string }[];
}

/**
 * `WordTerms` by word, remembered per thread: a site's pages share most of their words, and the
 * build computes the forms of every page's words. Starts again once it holds `WORD_MEMO_LIMIT` words.
 */
const wordTerms = new Map<string, WordTerms>();
const WORD_MEMO_LIMIT = 200_000;

function termsOfWord(word: string): WordTerms {
  let terms = wordTerms.get(word);
  if (terms === undefined) {
    const forms = isStopword(word) ? [] : [...indexTermsOf(word)].map((form) => ({ form, fold: pagefindFold(form) }));
    terms = { fold: pagefindFold(word), forms };
    if (wordTerms.size >= WORD_MEMO_LIMIT) wordTerms.clear();
    wordTerms.set(word, terms);
  }
  return terms;
}

/**
 * The forms the words of `texts` can be found by that Pagefind does not already index from the
 * visible text: a form equal to a visible word (as Pagefind folds it) adds nothing. In first-seen
 * order, stop words left out (the forms of `indexTermsOfTexts`).
 */
export function enrichmentTerms(texts: readonly string[]): string[] {
  const visible = new Set<string>();
  const seen = new Set<string>();
  const forms = new Map<string, string>();
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      if (seen.has(word)) continue;
      seen.add(word);
      const terms = termsOfWord(word);
      visible.add(terms.fold);
      for (const { form, fold } of terms.forms) if (!forms.has(form)) forms.set(form, fold);
    }
  }
  const out: string[] = [];
  for (const [form, fold] of forms) if (!visible.has(fold)) out.push(form);
  return out;
}

/** What an article's enrichment is computed from, besides its texts. */
export interface ArticleNames {
  /** The names of each entity the article mentions (the linker's mention index). */
  mentioned: Iterable<EntityNameList>;
  /** The names of each entity its headline, standfirst or first paragraph names. */
  lead?: Iterable<EntityNameList>;
  /** The names of each entity it mentions three times or more. */
  many?: Iterable<EntityNameList>;
}

const tokensOf = (lists: Iterable<EntityNameList>): string[] => {
  const tokens = new Set<string>();
  for (const names of lists) for (const name of names) tokens.add(tokenOfName(name));
  return [...tokens].sort();
};

/** `nameToken` of a registry name, remembered per thread: every page naming an entity asks for its names' tokens. */
const nameTokens = new Map<string, string>();

function tokenOfName(name: string): string {
  let token = nameTokens.get(name);
  if (token === undefined) {
    token = nameToken(name);
    if (nameTokens.size >= WORD_MEMO_LIMIT) nameTokens.clear();
    nameTokens.set(name, token);
  }
  return token;
}

/** An article's hidden search fields, from its texts (title, standfirst, body blocks...). */
export function articleEnrichment(texts: readonly string[], { mentioned, lead = [], many = [] }: ArticleNames): PageEnrichment {
  return {
    terms: enrichmentTerms(texts),
    entities: tokensOf(mentioned),
    entitiesLead: tokensOf(lead),
    entitiesMany: tokensOf(many),
    names: [],
  };
}

/**
 * An entity page's hidden search fields: its names' tokens (the query that names it whole finds it
 * first), and the forms of its names' and other text's words as ordinary terms (a query naming
 * only part of it, «كرة القدم», is no reason to put the page first).
 */
export function entityEnrichment(names: EntityNameList, texts: readonly string[]): PageEnrichment {
  return {
    terms: enrichmentTerms([...names, ...texts]),
    entities: [],
    entitiesLead: [],
    entitiesMany: [],
    names: [...new Set(names.map(nameToken))],
  };
}
