/**
 * The search code loaded on the first search (one chunk): query processing, highlighting and
 * excerpts, with the Arabic library they share. Page scripts never import these statically.
 */
export { QueryProcessor } from '../../search/query.ts';
export { Highlighter } from '../../search/highlight.ts';
export { buildExcerpt } from '../../search/excerpt.ts';
export { correctedQuery, readVocabulary } from '../../search/typos.ts';
