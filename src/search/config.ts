/**
 * Search constants shared by the build (pages, integration) and the browser. Whether a build
 * enriches the index at all is a setting (`searchEnrich` in src/settings.ts, `MARSAD_SEARCH_ENRICH=0`
 * for plain Pagefind): this module is bundled for the browser, so it reads no environment.
 */

/** Names of the hidden, searchable `data-pagefind-meta` fields the enrichment adds. */
export const searchFields = {
  /** Articles and entity pages: normalized, proclitic-split, stemmed forms of the page's words. */
  terms: 'terms',
  /** Articles: the tokens of every registry entity the article mentions. */
  entities: 'entities',
  /** Articles: the tokens of the entities its headline, standfirst or first paragraph names. */
  entitiesLead: 'entities_lead',
  /** Articles: the tokens of the entities it mentions three times or more. */
  entitiesMany: 'entities_many',
  /** Entity pages: the tokens of the entity's name and aliases. */
  names: 'names',
} as const;

/**
 * Pagefind ranking for the enriched index. Pagefind scores a page by BM25 over its text plus, for
 * each metadata field the query matches, `weight × idf × coverage²` — a field counts once, however
 * often the word is in it. So an article that names the entity in its lead, or often, carries its
 * token in more fields and ranks before one that names it once in passing; an entity page outranks
 * the articles when the query names it whole; hidden terms count like ordinary words.
 */
export const searchRanking = {
  metaWeights: {
    title: 5,
    [searchFields.terms]: 1,
    [searchFields.entities]: 2,
    [searchFields.entitiesLead]: 3,
    [searchFields.entitiesMany]: 2,
    [searchFields.names]: 20,
  },
};

/** Pagefind filters of article pages (`data-pagefind-filter`): shown to readers, not searched. */
export const searchFilters = {
  /** The outlet that published the article. */
  outlet: 'المصدر',
} as const;

/** URL of the entity names the browser needs to recognise entity names in a query. */
export const entityNamesUrl = '/search/entities.json';

/** URL of the site's vocabulary, for correcting a word the index does not know (src/search/typos.ts). */
export const vocabularyUrl = '/search/vocabulary.json';

/** Sort keys tagged on article pages (`data-pagefind-sort`); entity pages have none. */
export const sortKeys = {
  /** Publication date; undated articles get the lowest value so they come last when newest first. */
  newest: 'date',
  /** Publication date; undated articles get the highest value so they come last when oldest first. */
  oldest: 'date_oldest',
} as const;

/** Sort values of an undated article for each key. */
export const undatedSortValue = { newest: '0000-00-00', oldest: '9999-12-31' } as const;

/** The query parameter that carries the searched words to an article page (Pagefind's convention). */
export const highlightParam = 'pagefind-highlight';
