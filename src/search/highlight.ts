/**
 * Finds what to highlight for a processed query in a text: the words whose index forms meet the
 * query's forms (the way the index matched them: "الوزير" for "وزير", "مسؤول" for "مسئول"), and
 * the names of the entities the query named ("تنظيم الدولة الإسلامية" for "داعش").
 * Used for result excerpts and on the article page after a click.
 */
import { tokenize } from '../arabic/index.ts';
import { EntityMatcher } from '../entities/matcher.ts';
import { indexTermsOf } from './analyzer.ts';
import type { PreparedQuery, QueryProcessor } from './query.ts';

/** A highlighted range of a text: [start, end) offsets. */
export interface MatchRange {
  start: number;
  end: number;
}

/** Shortest query form that also matches longer words starting with it (Pagefind's prefix match). */
const MIN_PREFIX = 3;

export class Highlighter {
  readonly #terms: readonly string[];
  readonly #entities: EntityMatcher | null;
  readonly #seen = new Map<string, boolean>();

  constructor(query: PreparedQuery, processor?: QueryProcessor) {
    this.#terms = query.terms.filter((t) => t.length > 0);
    const names = query.entities.map((id) => ({ id, names: processor?.namesOf(id) ?? [] }));
    this.#entities = names.some((n) => n.names.length > 0) ? new EntityMatcher(names) : null;
  }

  /** Whether the query asks for anything to highlight. */
  get empty(): boolean {
    return this.#terms.length === 0 && this.#entities === null;
  }

  /** Whether one word of a text matches a query word. */
  matchesWord(word: string): boolean {
    let hit = this.#seen.get(word);
    if (hit === undefined) {
      hit = false;
      for (const form of indexTermsOf(word)) {
        if (this.#terms.some((t) => form === t || (t.length >= MIN_PREFIX && form.startsWith(t)))) {
          hit = true;
          break;
        }
      }
      this.#seen.set(word, hit);
    }
    return hit;
  }

  /** The ranges of `text` to highlight, in order, not overlapping. */
  ranges(text: string): MatchRange[] {
    const ranges: MatchRange[] = [];
    if (this.#entities) for (const m of this.#entities.findMentions(text)) ranges.push({ start: m.start, end: m.end });
    if (this.#terms.length > 0) {
      for (const token of tokenize(text)) {
        if (this.matchesWord(token.text)) ranges.push({ start: token.start, end: token.end });
      }
    }
    ranges.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: MatchRange[] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
      else merged.push({ ...r });
    }
    return merged;
  }
}
