import { normalizeArabic, tokenize } from '../arabic/index.ts';
import type { Mention } from './mentions.ts';

/** The names one entity goes by: its canonical Arabic name and every alias. */
export interface EntityNames {
  id: string;
  names: readonly string[];
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

/**
 * Forms a text word may take as the first word of a name: as written, then without each
 * proclitic. After the preposition ل the article's alef drops (ل + الكرملين = للكرملين), so
 * "ل" + "لX" also yields "الX".
 */
function firstWordForms(normalized: string): string[] {
  const forms = [normalized];
  for (const prefix of PROCLITICS) {
    if (!normalized.startsWith(prefix) || normalized.length - prefix.length < MIN_STEM) continue;
    const rest = normalized.slice(prefix.length);
    forms.push(rest);
    if (prefix.endsWith('ل') && rest.startsWith('ل') && rest.length > MIN_STEM) forms.push('ا' + rest);
  }
  return forms;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entityId?: string;
}

/** Only spaces (no punctuation) may separate the words of one name in the text. */
const NAME_GAP = /^[\s\u00A0]+$/;

/**
 * Finds registry entities in Arabic text: whole words only, any spelling the normalizer folds
 * (hamza forms, ة/ه, ى/ي, tashkeel, tatweel), with proclitics attached to the first word
 * (وأردوغان، بموسكو، للكرملين، والناتو) and the article where the name has it, preferring the longest name at each position
 * (مجلس الأمن الدولي over الأمن).
 */
export class EntityMatcher {
  readonly #root: TrieNode = { next: new Map() };

  constructor(entities: readonly EntityNames[]) {
    for (const entity of entities) {
      for (const name of entity.names) this.#add(name, entity.id);
    }
  }

  #add(name: string, entityId: string): void {
    const words = tokenize(name).map((t) => normalizeArabic(t.text));
    if (words.length === 0) return;
    let node = this.#root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    node.entityId ??= entityId;
  }

  /** Every mention in `text`, in order, non-overlapping. */
  findMentions(text: string): Mention[] {
    const tokens = tokenize(text);
    const keys = tokens.map((t) => normalizeArabic(t.text));
    const mentions: Mention[] = [];
    let i = 0;
    while (i < tokens.length) {
      let best: { end: number; entityId: string } | undefined;
      for (const key of firstWordForms(keys[i]!)) {
        let node = this.#root.next.get(key);
        let j = i;
        while (node) {
          if (node.entityId && (!best || j > best.end)) best = { end: j, entityId: node.entityId };
          const nextToken = tokens[j + 1];
          if (!nextToken || !NAME_GAP.test(text.slice(tokens[j]!.end, nextToken.start))) break;
          node = node.next.get(keys[j + 1]!);
          j += 1;
        }
      }
      if (best) {
        mentions.push({ entityId: best.entityId, start: tokens[i]!.start, end: tokens[best.end]!.end });
        i = best.end + 1;
      } else {
        i += 1;
      }
    }
    return mentions;
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
