/**
 * Entity discovery: finds likely names of persons, places and organizations in Arabic text that
 * the registry does not have yet, so an editor can grow it (`npm run entities:suggest`).
 *
 * Rule-based, with no dictionary of names. A name is announced by a cue in its sentence (a title or
 * role, a place or organization word, a dateline, a common first name, a verb of saying — see
 * `discover/tagger.ts`), or recurs as the same multi-word sequence, or is a place whose adjective
 * the corpus uses ("الإيراني" → "إيران"). The corpus itself teaches which words are common (see
 * `discover/vocabulary.ts`). Occurrences are grouped by normalized name (proclitics و ف ب ل ك ال
 * folded by the shared Arabic library and the matcher), counted over the whole corpus, and given a
 * type guess with the cues that support it.
 */
import { normalizeArabic, splitProclitics } from '../arabic/index.ts';
import {
  COMMON_WORDS,
  ORGANIZATION_CUES,
  PERSON_CUES,
  PLACE_CUES,
  PLACE_NAMED_ORGANIZATION_CUES,
  REGNAL_ORDINALS,
  STOPWORDS,
} from './discover/lexicon.ts';
import { isNameWord, tagWords, type CueRule, type CueSpan, type GuessType } from './discover/tagger.ts';
import { Vocabulary } from './discover/vocabulary.ts';
import {
  hasPronounEnding,
  isConnector,
  isNisba,
  isPrepositionalMasdar,
  isPrepositionalNoun,
  isVerbalNoun,
  joined,
  lookup,
  readWords,
  type Word,
} from './discover/words.ts';
import { EntityMatcher } from './matcher.ts';
import { sentenceRanges } from './mentions.ts';

export type { CueRule, CueSpan, GuessType } from './discover/tagger.ts';
export { tagSentence } from './discover/tagger.ts';
export { Vocabulary } from './discover/vocabulary.ts';
export { bioSpans, parseBio, scoreSpans, type BioSentence, type LabeledSpan, type Score } from './discover/bio.ts';

/** A text to discover names in: an article (its paragraphs) or any other document. */
export interface DiscoveryDocument {
  id: string;
  paragraphs: readonly string[];
}

/** Evidence that is not a cue in the sentence. */
export type CorpusRule =
  /** The same multi-word sequence recurs. */
  | 'repeated'
  /** The corpus uses the place's adjective of origin ("الإيراني" for إيران). */
  | 'adjective';

/** One kind of evidence for a candidate: a cue (or a rule) and how often it was seen. */
export interface Evidence {
  rule: CueRule | CorpusRule;
  /** The cue word as written in the cue list ("الرئيس", "مدينة"), the adjective, or the rule name. */
  cue: string;
  type: GuessType;
  count: number;
}

/** A likely name that the registry does not have yet. */
export interface Candidate {
  /** The name as most often written (proclitics left out). */
  name: string;
  /** The name normalized with `normalizeArabic`, words joined by one space. */
  normalizedKey: string;
  type: GuessType;
  /** The cues behind the type guess, strongest first. */
  evidence: Evidence[];
  /** Occurrences of the name in the corpus (with or without a cue). */
  count: number;
  /** Documents (articles) the name occurs in. */
  articles: number;
  /** A sentence with the name, preferably one with its strongest cue. */
  example: string;
  /** Offsets of the name in `example`. */
  exampleSpan: [start: number, end: number];
}

/** Where a sentence names entities the registry already has (e.g. `EntityMatcher#findMentions`). */
export type FindKnown = (sentence: string) => readonly { start: number; end: number }[];

export interface DiscoverOptions {
  /**
   * The registry's names in a sentence. A candidate with an occurrence inside a known name is left
   * out, and a repeated sequence that runs into one ("سوريا وليبيا" when سوريا is known) is no
   * candidate.
   */
  findKnown?: FindKnown;
  /** Fewest occurrences a candidate needs. Default 1 (a cue once is enough). */
  minCount?: number;
  /** Fewest occurrences of a multi-word sequence with no cue. Default 2. */
  minRepeats?: number;
  /** Fewest uses of an adjective of origin to suggest its place. Default 2. */
  minAdjectiveUses?: number;
  /**
   * Word statistics to start from, e.g. of a larger background corpus: the input's words are added
   * to it. More text makes the common-word tests stricter: fewer common words pass for names, and
   * some names that are also common words are lost.
   */
  vocabulary?: Vocabulary;
}

/** How much one occurrence of each rule weighs in the type guess. */
const RULE_WEIGHT: Record<Evidence['rule'], number> = {
  title: 3,
  'given-name': 2,
  'place-word': 3,
  'org-word': 3,
  'org-name': 3,
  dateline: 3,
  adjective: 2,
  speech: 1,
  latin: 1,
  lexicon: 0,
  repeated: 0.5,
};

const MAX_NGRAM = 4;

/**
 * Least share of a frequent candidate's occurrences that must carry evidence (a cue, a repeat,
 * its adjective): a common word that once followed a title is seen a hundred times without one.
 */
const MIN_SUPPORT = 0.05;

/** One place a candidate name is seen, and the evidence there. */
export interface Occurrence {
  key: string;
  surface: string;
  rule: Evidence['rule'];
  cue: string;
  type: GuessType;
  sentence: string;
  start: number;
  end: number;
  doc: number;
}

/** Normalized key of words [first, end), the first word read from `from` (after proclitics). */
function keyOf(words: readonly Word[], first: number, end: number, sentence: string, from: number): string {
  const parts = [normalizeArabic(sentence.slice(from, words[first]!.end))];
  for (let k = first + 1; k < end; k++) parts.push(words[k]!.norm);
  return parts.join(' ');
}

function isCueWord(word: Word): boolean {
  return !!(lookup(word, PERSON_CUES) ?? lookup(word, PLACE_CUES) ?? lookup(word, ORGANIZATION_CUES));
}

/**
 * Repeated-name candidates of one sentence: runs of 2–4 name words that are a whole cue span or
 * lie outside every cue span. The first word must pass the vocabulary's tests.
 */
function ngramsOf(
  words: readonly Word[],
  spans: readonly CueSpan[],
  vocabulary: Vocabulary,
  emit: (first: number, end: number) => void,
): void {
  const inSpan = new Int32Array(words.length).fill(-1);
  spans.forEach((s, n) => {
    for (let k = s.firstWord; k < s.endWord; k++) inSpan[k] = n;
  });
  // After the first word: no verb, no pronoun suffix, no "و" ("بوتين وأردوغان", "سوريا وليبيا").
  const continues = (w: Word) =>
    joined(w) &&
    w.kind === 'arabic' &&
    !w.norm.startsWith('و') &&
    isNameWord(w) &&
    !isCueWord(w) &&
    !hasPronounEnding(w) &&
    !isPrepositionalMasdar(w) &&
    !vocabulary.isInflectedForm(w) &&
    !vocabulary.hasCommonProclitic(w);
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (first.kind !== 'arabic' || !isNameWord(first, vocabulary) || isVerbalNoun(first) || isPrepositionalNoun(first)) continue;
    // "بن نايف" inside "محمد بن نايف": the middle of a longer name.
    if (/^(بن|ابن|بنت)$/.test(first.norm) && i > 0 && joined(first) && isNameWord(words[i - 1]!)) continue;
    if (first.definite && vocabulary.isInflected(first)) continue;
    for (let end = i + 2; end <= Math.min(words.length, i + MAX_NGRAM); end++) {
      const last = words[end - 1]!;
      if (!continues(last)) break;
      const a = inSpan[i]!;
      const b = inSpan[end - 1]!;
      if ((a >= 0 || b >= 0) && !(a === b && spans[a]!.firstWord === i && spans[a]!.endWord === end)) continue;
      if (a < 0 && b < 0 && inSpan.subarray(i, end).some((n) => n >= 0)) continue;
      if (isConnector(last)) continue;
      // "القوات الأمريكية", "الدول العربية", "سوتشي الروسي": a noun and its adjective, not a name.
      if (first.definite && (isNisba(last) || vocabulary.isInflected(last))) continue;
      if (last.definite && isNisba(last) && vocabulary.isInflected(last)) continue;
      emit(i, end);
    }
  }
}

/**
 * A repeated sequence shaped like a person's name: words without the article, none of them an
 * adjective the corpus inflects ("دا سيلفا", "سلفادور دالي", "أبو أيوب") — unlike "أسعار
 * النفط" or "مؤتمر صحفي" (صحفية).
 */
function looksLikePersonName(words: readonly Word[], vocabulary: Vocabulary): boolean {
  return words.every((w, k) => {
    const afterConnector = k > 0 && isConnector(words[k - 1]!);
    if (w.definite) return afterConnector;
    if (k > 0 && !afterConnector && /ة$/.test(w.text)) return false;
    return w.kind === 'arabic' && !/..يه$/.test(w.norm) && !vocabulary.isInflected(w);
  });
}

/** The document list for plain strings: each string is its own document. */
function asDocuments(input: readonly (string | DiscoveryDocument)[]): DiscoveryDocument[] {
  return input.map((d, i) => (typeof d === 'string' ? { id: String(i), paragraphs: [d] } : d));
}

/** Removes proclitics from the first word of `surface` so that it reads as `firstNorm`. */
function stripTo(surface: string, firstNorm: string): string {
  const space = surface.search(/\s/);
  const first = space < 0 ? surface : surface.slice(0, space);
  const rest = space < 0 ? '' : surface.slice(space);
  for (const split of splitProclitics(first)) {
    if (normalizeArabic(split.stem) === firstNorm) return split.stem + rest;
  }
  return surface;
}

/**
 * A name the matcher cannot count safely: a stop word or common word once normalized ("علي" is
 * "على"), which would be found all over the text.
 */
function isUncountable(key: string): boolean {
  return !key.includes(' ') && (STOPWORDS.has(key) || COMMON_WORDS.has(key));
}

/**
 * Matcher mentions, without the ones that read a short name inside a longer word through a
 * proclitic ("بيان" is not ب + "يان").
 */
function safeMentions(matcher: EntityMatcher, sentence: string): { entityId: string; start: number; end: number }[] {
  return matcher.findMentions(sentence).filter((m) => {
    const firstKeyWord = m.entityId.split(' ')[0]!.replace(/^ال/, '');
    if (firstKeyWord.length > 3) return true;
    const written = normalizeArabic(sentence.slice(m.start, m.end).split(/\s/)[0]!);
    return written === firstKeyWord || written === `ال${firstKeyWord}`;
  });
}

/** Splits documents into sentences: what discovery reads. */
function sentencesOf(documents: readonly DiscoveryDocument[]): { text: string; doc: number }[] {
  const sentences: { text: string; doc: number }[] = [];
  documents.forEach((document, doc) => {
    for (const paragraph of document.paragraphs) {
      for (const [from, to] of sentenceRanges(paragraph)) sentences.push({ text: paragraph.slice(from, to), doc });
    }
  });
  return sentences;
}

/** Adds a corpus of sentences to a vocabulary (a new one by default) and returns it. */
export function vocabularyOf(sentences: Iterable<string>, vocabulary = new Vocabulary()): Vocabulary {
  for (const sentence of sentences) vocabulary.add(readWords(sentence));
  return vocabulary;
}

/**
 * Finds likely names in `input` (articles, or paragraph strings), groups them by normalized name
 * and returns them most frequent first, without the names `findKnown` says the registry has.
 */
export function discoverNames(input: readonly (string | DiscoveryDocument)[], options: DiscoverOptions = {}): Candidate[] {
  const sentences = sentencesOf(asDocuments(input));
  const vocabulary = options.vocabulary ?? new Vocabulary();
  for (const s of sentences) vocabulary.add(readWords(s.text));

  const { occurrences, ngrams, known, knownBySentence } = collectOccurrences(sentences, vocabulary, options.findKnown);
  for (const o of repeatedSequences(ngrams, options.minRepeats ?? 2)) {
    const cued = occurrences.get(o.key)?.some((c) => c.sentence === o.sentence && c.start === o.start);
    if (!cued) pushOccurrence(occurrences, o);
  }
  mergeProcliticVariants(occurrences);
  const adjectives = adjectivePlaces(vocabulary, options.minAdjectiveUses ?? 2);
  for (const place of adjectives.keys()) if (!occurrences.has(place)) occurrences.set(place, []);
  const counts = countOccurrences(sentences, [...occurrences.keys()], knownBySentence, known);

  const minCount = options.minCount ?? 1;
  const candidates: Candidate[] = [];
  for (const [key, list] of occurrences) {
    if (known.has(key)) continue;
    const candidate = candidateOf(key, list, counts.get(key), adjectives.get(key), minCount);
    if (candidate) candidates.push(candidate);
  }
  return candidates.sort((a, b) => b.count - a.count || typeRank(a) - typeRank(b) || a.normalizedKey.localeCompare(b.normalizedKey, 'ar'));
}

type Span = { start: number; end: number };

/** A span wholly inside one of `spans`. */
const covered = (spans: readonly Span[], start: number, end: number) => spans.some((k) => k.start <= start && k.end >= end);
/** A span that overlaps one of `spans`. */
const touches = (spans: readonly Span[], start: number, end: number) => spans.some((k) => k.start < end && start < k.end);

function pushOccurrence(map: Map<string, Occurrence[]>, o: Occurrence): void {
  const list = map.get(o.key);
  if (list) list.push(o);
  else map.set(o.key, [o]);
}

/**
 * One pass over the sentences: every cue span (`occurrences`, by key), every repeated-name
 * candidate n-gram (`ngrams`), the keys of names the registry has (`known`) and, per sentence that
 * has some, where the registry's names are (`knownBySentence`, for the counting pass).
 */
function collectOccurrences(sentences: readonly { text: string; doc: number }[], vocabulary: Vocabulary, findKnown: FindKnown | undefined) {
  const occurrences = new Map<string, Occurrence[]>();
  const ngrams = new Map<string, Occurrence[]>();
  const known = new Set<string>();
  const knownBySentence = new Map<number, readonly Span[]>();
  sentences.forEach(({ text: sentence, doc }, index) => {
    const words = readWords(sentence);
    const spans = tagWords(words, { vocabulary });
    const knownHere = findKnown?.(sentence) ?? [];
    if (knownHere.length > 0) knownBySentence.set(index, knownHere);
    for (const s of spans) {
      const key = keyOf(words, s.firstWord, s.endWord, sentence, s.start);
      if (covered(knownHere, s.start, s.end)) known.add(key);
      pushOccurrence(occurrences, {
        key,
        surface: sentence.slice(s.start, s.end),
        rule: s.rule,
        cue: s.cue,
        type: s.type,
        sentence,
        start: s.start,
        end: s.end,
        doc,
      });
    }
    ngramsOf(words, spans, vocabulary, (first, end) => {
      const start = words[first]!.start;
      const stop = words[end - 1]!.end;
      const key = keyOf(words, first, end, sentence, start);
      if (covered(knownHere, start, stop)) known.add(key);
      else if (touches(knownHere, start, stop)) return;
      const person = looksLikePersonName(words.slice(first, end), vocabulary);
      // "دوريات مشتركة", "وحدة وطنية": a noun and its adjective.
      const last = words[end - 1]!;
      if (!person && !last.definite && /ة$/.test(last.text)) return;
      pushOccurrence(ngrams, {
        key,
        surface: sentence.slice(start, stop),
        rule: 'repeated',
        cue: 'repeated',
        type: person ? 'person' : 'unknown',
        sentence,
        start,
        end: stop,
        doc,
      });
    });
  });
  return { occurrences, ngrams, known, knownBySentence };
}

/**
 * The occurrences of the repeated sequences worth a candidate: seen at least `minRepeats` times,
 * and not just a part of a longer sequence seen as often ("دا سيلفا" in "لولا دا سيلفا").
 */
export function repeatedSequences(ngrams: ReadonlyMap<string, readonly Occurrence[]>, minRepeats: number): Occurrence[] {
  const repeated = [...ngrams].filter(([, list]) => list.length >= minRepeats);
  return repeated.flatMap(([key, list]) => {
    const inLonger = repeated.some(([other, l]) => other !== key && l.length >= list.length && ` ${other} `.includes(` ${key} `));
    return inLonger ? [] : list;
  });
}

/**
 * Proclitic variants ("ولافروف", "للأمم المتحدة") join the candidate without them when there is
 * one: their occurrences move to it (the surface stripped to match) and their key goes.
 */
export function mergeProcliticVariants(occurrences: Map<string, Occurrence[]>): void {
  for (const key of [...occurrences.keys()]) {
    const [first, ...rest] = key.split(' ');
    for (const split of splitProclitics(first!)) {
      if (split.prefix === '') continue;
      const target = [split.stem, ...rest].join(' ');
      const list = occurrences.get(target);
      if (!list || target === key) continue;
      for (const o of occurrences.get(key)!) list.push({ ...o, key: target, surface: stripTo(o.surface, split.stem) });
      occurrences.delete(key);
      break;
    }
  }
}

/** Places the corpus names through their adjective of origin, with that evidence. */
function adjectivePlaces(vocabulary: Vocabulary, minUses: number): Map<string, Evidence> {
  const evidence = new Map<string, Evidence>();
  for (const { place, adjective, uses } of vocabulary.adjectivePlaces(minUses)) {
    if (STOPWORDS.has(place) || COMMON_WORDS.has(place) || PERSON_CUES.has(place) || PLACE_CUES.has(place)) continue;
    if (ORGANIZATION_CUES.has(place)) continue;
    evidence.set(place, { rule: 'adjective', cue: adjective, type: 'place', count: uses });
  }
  return evidence;
}

/** How often, where and as what a key occurs in the whole text. */
interface Counted {
  count: number;
  docs: Set<number>;
  first?: Occurrence;
  surfaces: string[];
}

/**
 * Counts every occurrence of `keys`, with or without a cue, with the matcher's proclitic
 * handling; a key found inside a name the registry has joins `known`.
 */
function countOccurrences(
  sentences: readonly { text: string; doc: number }[],
  keys: readonly string[],
  knownBySentence: ReadonlyMap<number, readonly Span[]>,
  known: Set<string>,
): Map<string, Counted> {
  const countable = keys.filter((key) => !isUncountable(key));
  const matcher = new EntityMatcher(countable.map((key) => ({ id: key, names: [key] })));
  const counts = new Map<string, Counted>();
  sentences.forEach(({ text, doc }, index) => {
    const knownHere = knownBySentence.get(index) ?? [];
    for (const m of safeMentions(matcher, text)) {
      const c = counts.get(m.entityId) ?? { count: 0, docs: new Set<number>(), surfaces: [] };
      c.count++;
      c.docs.add(doc);
      const surface = text.slice(m.start, m.end);
      c.surfaces.push(stripTo(surface, m.entityId.split(' ')[0]!));
      c.first ??= { key: m.entityId, surface, rule: 'lexicon', cue: '', type: 'unknown', sentence: text, start: m.start, end: m.end, doc };
      counts.set(m.entityId, c);
      if (covered(knownHere, m.start, m.end)) known.add(m.entityId);
    }
  });
  return counts;
}

/** The candidate a key makes from its occurrences and counts, or null when it is too rare or unsupported. */
function candidateOf(
  key: string,
  list: readonly Occurrence[],
  counted: Counted | undefined,
  adjective: Evidence | undefined,
  minCount: number,
): Candidate | null {
  const count = Math.max(counted?.count ?? 0, list.length);
  if (count < minCount || count === 0) return null;
  const evidence = evidenceOf(list);
  if (adjective) evidence.push(adjective);
  // A frequent word that followed a cue once or twice ("نفسه", "أمام") is not a name.
  const support = evidence.reduce((n, e) => n + e.count, 0);
  if (count >= 10 && support < count * MIN_SUPPORT) return null;
  evidence.sort((a, b) => b.count * RULE_WEIGHT[b.rule] - a.count * RULE_WEIGHT[a.rule] || b.count - a.count);
  const best = [...list].sort((a, b) => RULE_WEIGHT[b.rule] - RULE_WEIGHT[a.rule])[0] ?? counted?.first;
  if (!best) return null;
  const surfaces = list.length > 0 ? list.map((o) => o.surface) : (counted?.surfaces ?? []);
  return {
    name: mostCommon(surfaces),
    normalizedKey: key,
    type: guessType(evidence),
    evidence,
    count,
    articles: counted?.docs.size ?? new Set(list.map((o) => o.doc)).size,
    example: best.sentence,
    exampleSpan: [best.start, best.end],
  };
}

const typeRank = (c: Candidate) => (c.type === 'unknown' ? 1 : 0);

function evidenceOf(list: readonly Occurrence[]): Evidence[] {
  const byCue = new Map<string, Evidence>();
  for (const o of list) {
    const id = `${o.rule}\u0000${o.cue}\u0000${o.type}`;
    const e = byCue.get(id);
    if (e) e.count++;
    else byCue.set(id, { rule: o.rule, cue: o.cue, type: o.type, count: 1 });
  }
  return [...byCue.values()];
}

/** The type with the most weighted evidence; unknown without any (or on a tie). */
function guessType(evidence: readonly Evidence[]): GuessType {
  const votes = new Map<GuessType, number>();
  for (const e of evidence) {
    if (e.type === 'unknown') continue;
    // "جامعة لندن", "منتخب فرنسا": the name after these words is often a place.
    const weight = e.rule === 'org-word' && PLACE_NAMED_ORGANIZATION_CUES.has(normalizeArabic(e.cue)) ? 1 : RULE_WEIGHT[e.rule];
    votes.set(e.type, (votes.get(e.type) ?? 0) + e.count * weight);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked[1] && ranked[1][1] === ranked[0]![1])) return 'unknown';
  return ranked[0]![0];
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Names found with a cue somewhere in a corpus, to tag them where they appear without one
 * (`tagText(sentence, { lexicon })`): what a discovery run over the corpus knows. A person's
 * last name, when it has no article and is no common word, is taken as a short form ("جورج بوش"
 * → "بوش").
 */
export class NameLexicon {
  readonly #matcher: EntityMatcher;
  readonly #types = new Map<string, { type: GuessType; name: string }>();
  readonly vocabulary?: Vocabulary;

  /** Keeps the candidates with a type guess (a cue, not only repetition). */
  constructor(candidates: readonly Candidate[], vocabulary?: Vocabulary) {
    this.vocabulary = vocabulary;
    const typed = candidates.filter((c) => c.type !== 'unknown' && !isUncountable(c.normalizedKey));
    for (const c of typed) this.#types.set(c.normalizedKey, { type: c.type, name: c.name });
    for (const c of typed) {
      if (c.type !== 'person') continue;
      const words = readWords(c.name);
      const last = words[words.length - 1];
      if (!last || words.length < 2 || last.definite || last.norm.length < 3) continue;
      const short = last.norm;
      if (this.#types.has(short) || isUncountable(short) || !isNameWord(last)) continue;
      if (isConnector(last) || lookup(last, REGNAL_ORDINALS) || isConnector(words[words.length - 2]!)) continue;
      if (vocabulary && (vocabulary.isCommonWord(last) || vocabulary.isMostlyDefinite(last))) continue;
      this.#types.set(short, { type: 'person', name: c.name });
    }
    this.#matcher = new EntityMatcher([...this.#types.keys()].map((key) => ({ id: key, names: [key] })));
  }

  /** The lexicon's names in `sentence`. */
  find(sentence: string): { start: number; end: number; type: GuessType; name: string }[] {
    return safeMentions(this.#matcher, sentence).map((m) => ({ start: m.start, end: m.end, ...this.#types.get(m.entityId)! }));
  }
}

export interface TagOptions {
  /** Names learned from the corpus, tagged where no cue announces them. */
  lexicon?: NameLexicon;
  /** Word statistics of the corpus (defaults to the lexicon's). */
  vocabulary?: Vocabulary;
}

/** Likely names in one sentence: cue spans, then lexicon names that do not overlap them. */
export function tagText(sentence: string, options: TagOptions = {}): CueSpan[] {
  const words = readWords(sentence);
  const spans = tagWords(words, { vocabulary: options.vocabulary ?? options.lexicon?.vocabulary });
  if (!options.lexicon) return spans;
  const extra: CueSpan[] = [];
  for (const m of options.lexicon.find(sentence)) {
    if (spans.some((s) => s.start < m.end && m.start < s.end)) continue;
    const firstWord = words.findIndex((w) => w.end > m.start);
    const endWord = words.findIndex((w) => w.start >= m.end);
    extra.push({
      start: m.start,
      end: m.end,
      firstWord,
      endWord: endWord < 0 ? words.length : endWord,
      type: m.type,
      rule: 'lexicon',
      cue: m.name,
    });
  }
  return [...spans, ...extra].sort((a, b) => a.start - b.start);
}

/** A span over the tokens of a pre-tokenized sentence: [start, end) token indices. */
export interface TokenSpan {
  start: number;
  end: number;
  type: GuessType;
  rule: CueRule;
  cue: string;
}

/**
 * The same cues on a pre-tokenized sentence (a BIO corpus): the tokens are joined with spaces,
 * tagged, and each span is mapped back to the tokens it touches.
 */
export function tagSpans(sentenceTokens: readonly string[], options: TagOptions = {}): TokenSpan[] {
  const starts: number[] = [];
  let text = '';
  for (const token of sentenceTokens) {
    if (text) text += ' ';
    starts.push(text.length);
    text += token;
  }
  const tokenAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return tagText(text, options).map((s) => ({
    start: tokenAt(s.start),
    end: tokenAt(s.end - 1) + 1,
    type: s.type,
    rule: s.rule,
    cue: s.cue,
  }));
}
