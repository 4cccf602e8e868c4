import { normalizeArabic, tokenize, type Token } from '../arabic/index.ts';
import type { Mention } from './mentions.ts';

/** The names one entity goes by: its canonical Arabic name and every alias. */
export interface EntityNames {
  id: string;
  names: readonly string[];
  /**
   * Names that alone may mean something else («الاتحاد»): matched, but flagged `short`, for the
   * linker to settle from the article. A name of another entity always wins over a short name.
   */
  shortNames?: readonly string[];
  /**
   * Forms derived from the names by a rule («الفيسبوك» from «فيسبوك»): matched like names, but
   * never in place of another entity's own name.
   */
  variants?: readonly string[];
}

/**
 * Proclitics a name's first word can carry in running text: the conjunctions و ف, the
 * prepositions ب ل ك, and their pairs. The article ال is part of the name itself: a definite name
 * (الكرملين) must keep it in the text (والكرملين، بالكرملين، للكرملين), so "فاسد" never reads as
 * ف + الأسد and "دولة" never as الدولة.
 */
const PROCLITICS = ['وب', 'فب', 'ول', 'فل', 'وك', 'فك', 'و', 'ف', 'ب', 'ل', 'ك'];

/** Shortest word left after removing a proclitic. */
const MIN_STEM = 2;

/*
 * The forms a text word may take as the first word of a name (see `scan`): as written, then without
 * each proclitic. After the preposition ل the article's alef drops (ل + الكرملين = للكرملين), so
 * "ل" + "لX" also yields "الX".
 */

interface TrieNode {
  next: Map<string, TrieNode>;
  entityId?: string;
  /** An entity whose short name ends here. */
  shortId?: string;
}

/** أبو, أبي, أبا: one word in three grammatical cases (أبو بكر، عن أبي بكر، إن أبا بكر). */
function foldKunya(key: string): string {
  return key === 'ابي' || key === 'ابا' ? 'ابو' : key;
}

/**
 * How a text word is compared with a name's word: normalized; a year or number written with the
 * era letter glued on ("2018م", "1436هـ") read as the number, as names write it; the kunya أبو in
 * any case.
 */
export function matchKey(word: string): string {
  const key = normalizeArabic(word);
  return /^\d+[مه]$/.test(key) ? key.slice(0, -1) : foldKunya(key);
}

/** One longest match in a text, in token positions: tokens `first`…`last`, with the proclitic the first word carried. */
export interface Candidate {
  entityId: string;
  first: number;
  last: number;
  /** The proclitic(s) in front of the first word ("" for none; "ل" also for لل + name with ال). */
  clitic: string;
  /** Matched by a short name (`EntityNames.shortNames`). */
  short: boolean;
}

/** A text read by the matcher: its tokens, their match keys and the longest matches. */
export interface ScannedText {
  tokens: Token[];
  keys: string[];
  candidates: Candidate[];
}

/**
 * Finds registry entities in Arabic text: whole words only, any spelling the normalizer folds
 * (hamza forms, ة/ه, ى/ي, tashkeel, tatweel), with proclitics attached to the first word
 * (وأردوغان، بموسكو، للكرملين، والناتو) and the article where the name has it, preferring the longest name at each position
 * (مجلس الأمن الدولي over الأمن).
 */
export class EntityMatcher {
  readonly #root: TrieNode = { next: new Map() };

  constructor(entities: readonly EntityNames[]) {
    // Every entity's own names first, so that a derived form or a short name never takes a name
    // another entity goes by.
    for (const entity of entities) {
      for (const name of entity.names) this.#add(name, entity.id, 'entityId', false);
    }
    for (const entity of entities) {
      for (const name of entity.names) this.#add(name, entity.id, 'entityId', true);
      for (const name of entity.variants ?? []) this.#add(name, entity.id, 'entityId', false);
    }
    for (const entity of entities) {
      for (const name of entity.shortNames ?? []) this.#add(name, entity.id, 'shortId', false);
    }
  }

  /** Adds a name as written, or (`derived`) the forms the text may also write it in. */
  #add(name: string, entityId: string, slot: 'entityId' | 'shortId', derived: boolean): void {
    const words = tokenize(name).map((t) => matchKey(t.text));
    if (words.length === 0) return;
    if (!derived) {
      this.#insert(words, entityId, slot);
      return;
    }
    // «عبدالله» and «عبد الله» are one name written two ways: add the other way(s).
    if (words.some((w) => /^عبد\S/.test(w) || w === 'عبد')) {
      const joined = words
        .join(' ')
        .replace(/(^| )عبد (?=\S)/g, '$1عبد')
        .split(' ');
      const split = joined.flatMap((w) => (/^عبد\S{2,}/.test(w) ? ['عبد', w.slice(3)] : [w]));
      for (const variant of [joined, split]) if (variant.join(' ') !== words.join(' ')) this.#insert(variant, entityId, slot);
    }
    // A construct name (حلف الأطلسي، مجلس التعاون) is also written as noun + adjective with the
    // article on both words (الحلف الأطلسي): the first word may take the article the second has.
    if (words.length > 1 && !words[0]!.startsWith('ال') && words[1]!.startsWith('ال') && /^\p{L}/u.test(words[0]!)) {
      this.#insert(['ال' + words[0]!, ...words.slice(1)], entityId, slot);
    }
  }

  #insert(words: string[], entityId: string, slot: 'entityId' | 'shortId'): void {
    let node = this.#root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    node[slot] ??= entityId;
  }

  /** Every mention in `text`, in order, non-overlapping. */
  findMentions(text: string): Mention[] {
    const { tokens, candidates } = this.scan(text);
    return candidates.map((c) => ({ entityId: c.entityId, start: tokens[c.first]!.start, end: tokens[c.last]!.end }));
  }

  /** The longest match at each position of `text`, left to right, non-overlapping, with the tokens. */
  scan(text: string): ScannedText {
    const tokens = tokenize(text);
    const keys = tokens.map((t) => matchKey(t.text));
    const candidates: Candidate[] = [];
    /** Only spaces between tokens j and j + 1 (the words of one name). */
    const spaced = (j: number): boolean => {
      const next = tokens[j + 1];
      if (!next) return false;
      for (let k = tokens[j]!.end; k < next.start; k++) {
        const c = text.charCodeAt(k);
        if (c !== 32 && c !== 0xa0 && c !== 9 && c !== 10 && c !== 13) return false;
      }
      return true;
    };
    let i = 0;
    while (i < tokens.length) {
      let best: Candidate | undefined;
      const tryFrom = (key: string, clitic: string) => {
        let node = this.#root.next.get(key);
        let j = i;
        while (node) {
          const id = node.entityId ?? node.shortId;
          if (id && (!best || j > best.last)) best = { entityId: id, first: i, last: j, clitic, short: node.entityId === undefined };
          if (node.next.size === 0 || !spaced(j)) break;
          node = node.next.get(keys[j + 1]!);
          j += 1;
        }
      };
      const word = keys[i]!;
      tryFrom(word, '');
      for (const prefix of PROCLITICS) {
        if (word.length - prefix.length < MIN_STEM || !word.startsWith(prefix)) continue;
        const rest = foldKunya(word.slice(prefix.length));
        tryFrom(rest, prefix);
        if (prefix.endsWith('ل') && rest.startsWith('ل') && rest.length > MIN_STEM) tryFrom('ا' + rest, prefix);
      }
      if (best) {
        candidates.push(best);
        i = best.last + 1;
      } else {
        i += 1;
      }
    }
    return { tokens, keys, candidates };
  }
}

/**
 * Recognises who a photo credit or an outlet line names: the entity's source names
 * ("الأوروبية") or any of its ordinary names, compared whole after normalization.
 */
export class SourceNameMatcher {
  readonly #byName = new Map<string, string>();

  constructor(entities: readonly { id: string; names: readonly string[]; sourceNames: readonly string[] }[]) {
    for (const e of entities) {
      for (const name of [...e.sourceNames, ...e.names]) {
        const key = normalizeArabic(name.trim());
        if (!this.#byName.has(key)) this.#byName.set(key, e.id);
      }
    }
  }

  /** The entity a whole credit or outlet string names, if any. */
  entityOf(text: string): string | undefined {
    return this.#byName.get(normalizeArabic(text.trim()));
  }
}
