/**
 * Cue rules that find likely names in one sentence, with no dictionary of names: a title or role
 * before a person ("وزير الخارجية الروسي، سيرغي لافروف"), a place word before a place ("مدينة
 * المفرق"), an organization word before or heading an organization ("حركة حماس", "وزارة الخارجية
 * الروسية"), a dateline ("عمان (بترا) -"), a common first name ("أسامة بن لادن"), a verb of saying
 * before a name ("وقال عباس"), and Latin words in Arabic text ("CNN").
 *
 * With a corpus {@link Vocabulary}, words the corpus shows to be common nouns, adjectives or
 * proclitic + word are kept out of names.
 */
import { normalizeArabic, splitProclitics } from '../../arabic/index.ts';
import {
  COMPOUND_NAME_ENDINGS,
  CONSTRUCT_PERSON_CUES,
  CUE_COMPLEMENTS,
  DEFINITE_PLACE_CUES,
  GIVEN_NAMES,
  ORGANIZATION_CUES,
  PERSON_CUES,
  PLACE_CUES,
  PROPER_ORGANIZATION_CUES,
  REGNAL_ORDINALS,
  SPEECH_VERBS,
  TRAILING_MODIFIERS,
} from './lexicon.ts';
import type { Vocabulary } from './vocabulary.ts';
import {
  afterComma,
  hasTanween,
  isAmbiguousName,
  isCommon,
  isConnector,
  isNisba,
  isPrepositionalMasdar,
  isPrepositionalNoun,
  isStopword,
  isWordLike,
  joined,
  lookup,
  quotedOrJoined,
  readWords,
  type Word,
} from './words.ts';

/** What a candidate name is guessed to be. */
export type GuessType = 'person' | 'place' | 'organization' | 'unknown';

/** Which rule found a span. */
export type CueRule =
  /** A title or role before a person: "الرئيس", "وزير", "المتحدث باسم", "نظيره". */
  | 'title'
  /** A common first name followed by more name: "أسامة بن لادن". */
  | 'given-name'
  /** A place word before a place: "مدينة", "محافظة", "العاصمة". */
  | 'place-word'
  /** An organization word before a proper name: "حركة حماس", "شركة أبل". */
  | 'org-word'
  /** An organization word heading a descriptive name: "وزارة الخارجية", "مجلس الأمن". */
  | 'org-name'
  /** A dateline: "عمان (بترا) -" gives a place and an agency. */
  | 'dateline'
  /** A verb of saying before a name: "قال عباس". */
  | 'speech'
  /** Latin letters in Arabic text: "CNN", "Apple". */
  | 'latin'
  /** A name found elsewhere in the corpus with a cue (see `NameLexicon`). */
  | 'lexicon';

/** A likely name in a sentence. */
export interface CueSpan {
  /** Offsets of the name in the sentence (proclitics before an organization word left out). */
  start: number;
  end: number;
  /** Indices of the name's first word and of the word after its last. */
  firstWord: number;
  endWord: number;
  type: GuessType;
  rule: CueRule;
  /** The cue word as the cue list writes it ("الرئيس", "مدينة"), or the rule name. */
  cue: string;
}

/** What the rules may know besides the sentence. */
export interface TagContext {
  /** Word statistics of the corpus the sentence comes from. */
  vocabulary?: Vocabulary;
}

/** Most words a person, place or organization name is taken to have after its cue. */
const MAX_PERSON_WORDS = 4;
const MAX_NAME_WORDS = 3;
/** Most words between a person cue and the name ("رئيس الوزراء البريطاني الأسبق ..."). */
const MAX_COMPLEMENT_WORDS = 6;

/** One sentence's words and what the rules may know about them. */
interface Sentence {
  words: readonly Word[];
  vocabulary?: Vocabulary;
}

function isCueWord(word: Word): boolean {
  return lookup(word, PERSON_CUES) !== undefined || lookup(word, PLACE_CUES) !== undefined || lookup(word, ORGANIZATION_CUES) !== undefined;
}

/** A word that may be part of a name: letters, not a stop word, common word or cue word. */
export function isNameWord(word: Word, vocabulary?: Vocabulary): boolean {
  if (!isWordLike(word) || isStopword(word) || isCommon(word) || isCueWord(word) || hasTanween(word)) return false;
  return !vocabulary || !(vocabulary.isCommonWord(word) || vocabulary.hasCommonProclitic(word));
}

/** An adjective describing the name before it: "المحتلة", "السابق", and with a vocabulary "مستقلة". */
function isAdjective(word: Word, vocabulary?: Vocabulary): boolean {
  if (word.definite && lookup(word, TRAILING_MODIFIERS)) return true;
  if (!word.definite && word.kind === 'arabic' && /..يه$/.test(word.norm)) return true; // "ساحلية"
  return vocabulary?.isInflected(word) ?? false;
}

interface RunOptions {
  max: number;
  /** The name may start with a word that has the article ("مدينة الصالحية"). */
  definiteFirst: boolean;
  /** A person's name: nisba family names (الحريري) and regnal ordinals (الثاني) continue it. */
  person?: boolean;
}

/**
 * The end (exclusive) of the name that starts at `words[j]`, or `j` when no name starts there.
 * The name is a run of name words separated by spaces only; after its first word, adjectives
 * ("المحتلة", "السابق", a nisba after a place or organization) end it.
 */
function nameRun({ words, vocabulary }: Sentence, j: number, options: RunOptions): number {
  const first = words[j];
  if (!first) return j;
  const firstOk = (isNameWord(first, vocabulary) && !isPrepositionalNoun(first)) || (options.person && isAmbiguousName(first));
  if (!firstOk || (!options.person && isAdjective(first, vocabulary) && !first.definite)) return j;
  if (first.definite && !options.definiteFirst) return j;
  let k = j + 1;
  while (k < words.length && k - j < options.max && joined(words[k]!)) {
    const w = words[k]!;
    const previous = words[k - 1]!;
    if (options.person && lookup(w, REGNAL_ORDINALS)) {
      k++;
      break;
    }
    const afterConnector = isConnector(previous);
    // Arabic names are mostly common words (جواد، سمير، مطر): after the first word the corpus
    // tests are milder — verbs, pronoun suffixes, و + word and nouns mostly written with the
    // article end a name.
    const inflected =
      vocabulary !== undefined &&
      (vocabulary.isInflectedForm(w) || vocabulary.isMostlyDefinite(w) || vocabulary.hasCommonProclitic(w, 'وف'));
    const ok =
      (isNameWord(w) && !inflected && !isPrepositionalMasdar(w) && !isPrepositionalNoun(w)) ||
      (options.person && !previous.definite && lookup(w, COMPOUND_NAME_ENDINGS) !== undefined) ||
      (previous.norm === 'عبد' && isWordLike(w)) ||
      (options.person && afterConnector && isAmbiguousName(w));
    if (!ok) break;
    // After "الأسد" or "الشرق" only another definite word continues the name ("الشرق الأوسط"),
    // not "وفدا" in "استقبل الرئيس بشار الأسد وفدا".
    // "الله" of "عبد الله" is not a family name: "علي عبد الله صالح".
    const previousDefinite = previous.definite && !(k - 2 >= j && words[k - 2]!.norm === 'عبد');
    if (previousDefinite && !w.definite) break;
    // A family name with the article comes second ("بشار الأسد") or after "بن", "أبو" ...
    if (options.person && w.definite && !previous.definite && k - j >= 2 && !afterConnector) break;
    // A third word in ة is a noun after the name ("فلاديمير بوتين رسالة"), unless after "أبو".
    if (options.person && k - j >= 2 && !afterConnector && /ة$/.test(w.text)) break;
    if (w.definite && lookup(w, TRAILING_MODIFIERS)) break;
    if (!options.person && (isNisba(w) || isAdjective(w, vocabulary))) break;
    k++;
  }
  while (k > j + 1 && isConnector(words[k - 1]!)) k--;
  if (k === j + 1 && isConnector(first)) return j;
  return k;
}

function span(words: readonly Word[], first: number, end: number, type: GuessType, rule: CueRule, cue: string, start?: number): CueSpan {
  return { start: start ?? words[first]!.start, end: words[end - 1]!.end, firstWord: first, endWord: end, type, rule, cue };
}

/** Offset of `stem` inside `word` once its proclitics are left out ("بوزارة" → "وزارة"). */
function stemStart(word: Word, stem: string): number {
  const stemNorm = normalizeArabic(stem);
  for (const split of splitProclitics(word.text)) {
    if (split.stem.length === word.text.length - split.stemStart && normalizeArabic(split.stem) === stemNorm) {
      return word.start + split.stemStart;
    }
  }
  return word.start;
}

interface Match {
  spans: CueSpan[];
  /** Index of the first word after what the rule consumed. */
  next: number;
}

/** "مدينة المفرق", "ولاية يوتا", "العاصمة الروسية موسكو". */
function placeAt(s: Sentence, i: number, nested: boolean): Match | undefined {
  const { words } = s;
  const w = words[i]!;
  const cue = lookup(w, PLACE_CUES);
  if (!cue || (w.definite && !lookup(w, DEFINITE_PLACE_CUES))) return undefined;
  let j = i + 1;
  if (w.definite) {
    // "العاصمة الروسية موسكو": the adjective of origin comes between.
    while (j < words.length && j - i <= 2 && joined(words[j]!) && isNisba(words[j]!)) j++;
  }
  const first = words[j];
  if (!first || !quotedOrJoined(first)) return undefined;
  // "إقليم الأمريكي", "العاصمة المقدسة": an adjective the corpus inflects is not a place name.
  if (first.definite && s.vocabulary?.isInflected(first)) return undefined;
  const end = nameRun(s, j, { max: nested ? 1 : MAX_NAME_WORDS, definiteFirst: true });
  if (end === j) return undefined;
  return { spans: [span(words, j, end, 'place', 'place-word', cue)], next: end };
}

/** "حركة حماس", "صحيفة ديلي تلغراف"; "وزارة الخارجية الروسية", "مجلس الأمن الدولي". */
function organizationAt(s: Sentence, i: number, nested: boolean): Match | undefined {
  const { words } = s;
  const w = words[i]!;
  const cue = lookup(w, ORGANIZATION_CUES);
  if (!cue || w.definite) return undefined;
  const j = i + 1;
  const x = words[j];
  if (!x || !quotedOrJoined(x)) return undefined;
  if (!x.definite || (lookup(w, PROPER_ORGANIZATION_CUES) && isNameWord(x, s.vocabulary))) {
    const end = nameRun(s, j, { max: nested ? 1 : MAX_NAME_WORDS, definiteFirst: x.definite });
    if (end > j) return { spans: [span(words, j, end, 'organization', 'org-word', cue)], next: end };
    if (!x.definite) return undefined;
  }
  // The words after the cue are often common nouns ("الأمن", "الصحة"): only stop words and
  // describing adjectives end the name.
  const part = (y: Word) => y.definite && isWordLike(y) && !isStopword(y) && !lookup(y, TRAILING_MODIFIERS);
  if (!joined(x) || !part(x)) return undefined;
  let k = j + 1;
  while (k < words.length && k - j < MAX_NAME_WORDS && joined(words[k]!)) {
    const y = words[k]!;
    if (!part(y) || isNisba(y)) break;
    k++;
  }
  // "جامعة الملك عبد العزيز", "مستشفى الأمير سلطان": a title in the name, then its person.
  if (k < words.length && lookup(words[k - 1]!, PERSON_CUES) && joined(words[k]!)) {
    // A first name ("عبد", "فهد") may be a common word in a big corpus: no vocabulary here.
    k = Math.max(k, nameRun({ words }, k, { max: 2, definiteFirst: false, person: true }));
  }
  const last = words[k];
  if (last && joined(last) && isNisba(last) && !lookup(last, TRAILING_MODIFIERS)) k++;
  return { spans: [span(words, i, k, 'organization', 'org-name', cue, stemStart(w, cue))], next: k };
}

/**
 * "الرئيس الأميركي جورج بوش", "وزير الخارجية الروسي، سيرغي لافروف،", "المتحدث باسم حركة طالبان
 * محمد حنيف": after the cue, skip its complement (definite words, titles, an organization or place
 * with its cue) and at most one comma, then take the name.
 */
function personAt(s: Sentence, i: number): Match | undefined {
  const { words } = s;
  const cue = lookup(words[i]!, PERSON_CUES);
  if (!cue) return undefined;
  const spans: CueSpan[] = [];
  let comma = false;
  let j = i + 1;
  // "رئيس الوزراء", "مدرب برشلونة", "أمير قطر": the next word completes the title.
  let construct = !words[i]!.definite && lookup(words[i]!, CONSTRUCT_PERSON_CUES) !== undefined;
  while (j < words.length && j - i <= MAX_COMPLEMENT_WORDS) {
    const w = words[j]!;
    if (!quotedOrJoined(w)) {
      if (comma || construct || !afterComma(w)) return spans.length ? { spans, next: j } : undefined;
      comma = true;
    }
    if (!comma) {
      const nested = organizationAt(s, j, true) ?? placeAt(s, j, true);
      if (nested) {
        spans.push(...nested.spans);
        j = nested.next;
        construct = false;
        continue;
      }
      const complement = construct || isCueWord(w) || lookup(w, CUE_COMPLEMENTS) || (w.definite && isWordLike(w) && !isStopword(w));
      if (complement && isWordLike(w) && !isStopword(w)) {
        construct = !w.definite && lookup(w, CONSTRUCT_PERSON_CUES) !== undefined;
        j++;
        continue;
      }
    }
    break;
  }
  const end = nameRun(s, j, { max: MAX_PERSON_WORDS, definiteFirst: false, person: true });
  if (end === j) return spans.length ? { spans, next: j } : undefined;
  spans.push(span(words, j, end, 'person', 'title', cue));
  return { spans, next: end };
}

/** "أسامة بن لادن", "وجورج بوش": a common first name and at least one more name word. */
function givenNameAt(s: Sentence, i: number): Match | undefined {
  const { words } = s;
  const w = words[i]!;
  const given = lookup(w, GIVEN_NAMES);
  if (!given || w.definite || !isNameWord(w, s.vocabulary)) return undefined;
  const end = nameRun(s, i, { max: MAX_PERSON_WORDS, definiteFirst: false, person: true });
  if (end < i + 2) return undefined;
  return { spans: [span(words, i, end, 'person', 'given-name', given, stemStart(w, given))], next: end };
}

/** "وقال عباس", "أضاف لافروف". */
function speechAt(s: Sentence, i: number): Match | undefined {
  const { words } = s;
  const w = words[i]!;
  const cue = lookup(w, SPEECH_VERBS);
  const j = i + 1;
  if (!cue || w.definite || j >= words.length || !joined(words[j]!)) return undefined;
  const end = nameRun(s, j, { max: MAX_NAME_WORDS, definiteFirst: false, person: true });
  if (end === j) return undefined;
  return { spans: [span(words, j, end, 'person', 'speech', cue)], next: end };
}

const DASH = /^[-–—ـ]+$/;

/**
 * A dateline at the start of a sentence: "عمان (بترا) -", "واشنطن (CNN) --" (a place and an
 * agency), "القاهرة - رويترز:" (the same, the other way round).
 */
function datelineAt(s: Sentence): Match | undefined {
  const { words } = s;
  const m = nameRun(s, 0, { max: 2, definiteFirst: true });
  if (m === 0 || m >= words.length) return undefined;
  const gap = words[m]!.gapBefore;
  const agencyEnd = (from: number, closing: RegExp) => {
    let a = from + 1;
    while (a < words.length && a - from < 3 && joined(words[a]!)) a++;
    const after = a < words.length ? words[a]!.gapBefore : undefined;
    return after !== undefined && closing.test(after) ? a : undefined;
  };
  let a: number | undefined;
  if (gap === '(') a = agencyEnd(m, /^\)\s*[-–—ـ:]/);
  else if (DASH.test(gap)) a = agencyEnd(m, /^[:-–—ـ]+$/);
  if (a === undefined) return undefined;
  return {
    spans: [span(words, 0, m, 'place', 'dateline', 'dateline'), span(words, m, a, 'organization', 'dateline', 'dateline')],
    next: a,
  };
}

/**
 * A news agency in a dateline among the first words, when the place before it is not a name
 * word: "... (رويترز) -", "... - رويترز:", "(CNN) --".
 */
function agencyAt(s: Sentence, i: number): Match | undefined {
  const { words } = s;
  const w = words[i]!;
  if (i > 2 || !(w.gapBefore === '(' || DASH.test(w.gapBefore)) || !isNameWord(w)) return undefined;
  let a = i + 1;
  while (a < words.length && a - i < 3 && joined(words[a]!) && isNameWord(words[a]!)) a++;
  const after = a < words.length ? words[a]!.gapBefore : '';
  // "(رويترز) -" or "- رويترز:", not a byline "- غيث الطراونة -".
  const closed = w.gapBefore === '(' ? /^\)\s*[-–—ـ:]/.test(after) : /^:/.test(after);
  if (!closed || a - i > 2) return undefined;
  return { spans: [span(words, i, a, 'organization', 'dateline', 'dateline')], next: a };
}

/** A run of Latin words: "CNN" (an acronym is taken for an organization), "Financial Times". */
function latinAt({ words }: Sentence, i: number): Match | undefined {
  const capitalized = (w: Word) => w.kind === 'latin' && /^\p{Lu}/u.test(w.text);
  if (!capitalized(words[i]!)) return undefined;
  // A caption or quote in English is not Arabic text with a foreign name in it.
  const arabic = words.filter((w) => w.kind === 'arabic').length;
  if (arabic * 2 < words.length) return undefined;
  let k = i + 1;
  while (k < words.length && k - i < 4 && capitalized(words[k]!) && joined(words[k]!)) k++;
  const text = words[i]!.text;
  if (k === i + 1 && text.length < 2) return undefined;
  const acronym = k === i + 1 && /^[A-Z]{2,6}$/.test(text);
  return { spans: [span(words, i, k, acronym ? 'organization' : 'unknown', 'latin', 'latin')], next: k };
}

/** Finds likely names in already-split words (see {@link tagSentence}). */
export function tagWords(words: readonly Word[], context: TagContext = {}): CueSpan[] {
  const s: Sentence = { words, vocabulary: context.vocabulary };
  const spans: CueSpan[] = [];
  let i = 0;
  if (words.length > 0) {
    const dateline = datelineAt(s);
    if (dateline) {
      spans.push(...dateline.spans);
      i = dateline.next;
    }
  }
  while (i < words.length) {
    const match =
      personAt(s, i) ??
      organizationAt(s, i, false) ??
      placeAt(s, i, false) ??
      givenNameAt(s, i) ??
      agencyAt(s, i) ??
      speechAt(s, i) ??
      latinAt(s, i);
    if (match && match.next > i) {
      spans.push(...match.spans);
      i = match.next;
    } else {
      i++;
    }
  }
  return spans;
}

/** Finds likely names in one sentence, by cues alone. Spans are in order and do not overlap. */
export function tagSentence(sentence: string, context: TagContext = {}): CueSpan[] {
  return tagWords(readWords(sentence), context);
}
