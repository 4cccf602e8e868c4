/**
 * The search code loaded on the first search (one chunk): query processing, highlighting and
 * excerpts, with the Arabic library they share. Page scripts never import these statically.
 */
export { QueryProcessor } from '../query.ts';
export { Highlighter } from '../highlight.ts';
export { buildExcerpt } from '../excerpt.ts';
export { correction, vocabularyKey } from '../typos.ts';
