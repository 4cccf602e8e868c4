/**
 * The words of a sentence as entity discovery sees them: tokens of the shared tokenizer with their
 * normalized form, the punctuation written before them, and the questions the cue rules ask
 * (is it a stop word, a common word, a cue word, definite, an adjective of origin ...).
 */
import { normalizeArabic, splitProclitics, tokenize, type TokenKind } from '../../arabic/index.ts';
import { COMMON_WORDS, NAME_CONNECTORS, STOPWORDS, type WordList } from './lexicon.ts';

/** One word of a sentence. */
export interface Word {
  /** The word as written. */
  text: string;
  /** Offsets of the word in the sentence. */
  start: number;
  end: number;
  kind: TokenKind;
  /** `normalizeArabic(text)`. */
  norm: string;
  /**
   * Normalized readings of the word without its conjunction and preposition proclitics, the article
   * kept ("وبالرئيس" → "الرئيس"), longest prefix first, the whole word last.
   */
  stems: string[];
  /** The same readings and those without the article too ("وبالرئيس" → "الرئيس", "رئيس"). */
  bareStems: string[];
  /** Punctuation and symbols between the previous word (or the sentence start) and this one. */
  gapBefore: string;
  /** The word carries the definite article (ال، وال، بال، لل ...), judged on the unnormalized text. */
  definite: boolean;
}

/** Splits a sentence into {@link Word}s. */
export function readWords(sentence: string): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  for (const token of tokenize(sentence)) {
    const norm = normalizeArabic(token.text);
    const raw = splitProclitics(token.text);
    const splits = splitProclitics(norm);
    words.push({
      text: token.text,
      start: token.start,
      end: token.end,
      kind: token.kind,
      norm,
      stems: splits.filter((s) => !s.definite || s.stem.startsWith('ال')).map((s) => s.stem),
      bareStems: splits.map((s) => s.stem),
      gapBefore: sentence.slice(previousEnd, token.start).replace(/[\s\u00A0]+/g, ''),
      definite: token.kind === 'arabic' && raw.some((s) => s.definite),
    });
    previousEnd = token.end;
  }
  return words;
}

/** Quotation marks, which may stand between a cue and its name ("حركة «حماس»"). */
const QUOTES = /^["'«»“”‘’„]+$/;
/** Commas. */
const COMMAS = /^[،,]+$/;

/** Words `a` and `b` (adjacent) are separated by spaces only. */
export function joined(b: Word): boolean {
  return b.gapBefore === '';
}

/** Only quotation marks (or nothing) separate the word from the previous one. */
export function quotedOrJoined(b: Word): boolean {
  return b.gapBefore === '' || QUOTES.test(b.gapBefore);
}

/** A comma (and perhaps quotes) separates the word from the previous one. */
export function afterComma(b: Word): boolean {
  return COMMAS.test(b.gapBefore.replace(/["'«»“”‘’„]/g, ''));
}

/**
 * The first of `list`'s words (as the list writes it) that `word` is, as written or after proclitics ("والرئيس" is
 * "الرئيس", "ووزير" is "وزير"); undefined if none.
 */
export function lookup(word: Word, list: WordList): string | undefined {
  const found = list.get(word.norm);
  if (found !== undefined) return found;
  for (const stem of word.bareStems) {
    const written = list.get(stem);
    if (written !== undefined) return written;
  }
  return undefined;
}

/**
 * A stop word, as written or after proclitics ("وفي", "فإن"). Normalized, the name "علي" is the
 * preposition "على" (which some outlets write علي): see {@link isAmbiguousName}.
 */
export function isStopword(word: Word): boolean {
  if (word.kind !== 'arabic') return false;
  return word.stems.some((s) => STOPWORDS.has(s) || STOPWORDS.has(s.replace(PARTICLE_SUFFIX, '')));
}

/** Pronoun suffixes on particles: "إنني", "لكنهم", "عليها". */
const PARTICLE_SUFFIX = /(ني|نا|ه|ها|هم|هما|هن|ك|كم)$/;

/**
 * A preposition on a noun, "بمناسبة", "لمكافحة", "ببرقية", "بموجب": not the first word of a name,
 * even when the corpus is too small to show the noun alone.
 */
export function isPrepositionalNoun(word: Word): boolean {
  if (word.kind !== 'arabic' || word.definite || word.norm.length < 4) return false;
  // "بموجب", "بمنتجع", "لمكافحة": a preposition on a noun of the مفعل / مفاعلة shapes.
  if (word.norm.length >= 5 && /^[وف]?[بلك]م/.test(word.norm)) return true;
  // "ببرقية", "بجدة": a preposition on a feminine noun or a place.
  return /^[وف]?[بل][^ا]/.test(word.norm) && /..ة$/.test(word.text);
}

/** "علي": a stop word, but a name after a title or a name connector ("الرئيس علي", "بن علي"). */
export function isAmbiguousName(word: Word): boolean {
  return word.norm === 'علي' && word.text.endsWith('ي');
}

/** Written with tanween ("عسكرياً", "تذكيراً"): an indefinite common word, not a name. */
export function hasTanween(word: Word): boolean {
  return /[\u064B-\u064D]/.test(word.text);
}

/** A common (non-name) word of news text, as written or after proclitics. */
export function isCommon(word: Word): boolean {
  return word.kind === 'arabic' && lookup(word, COMMON_WORDS) !== undefined;
}

/** "بن", "أبو", "عبد" ...: joins the parts of a person's name. */
export function isConnector(word: Word): boolean {
  return NAME_CONNECTORS.has(word.norm);
}

/**
 * An adjective of origin or affiliation (nisba) with the article: "الروسي", "الأمريكية",
 * "الفلسطينيين". Also true of family names (الحريري), so callers ask only where an adjective is
 * expected.
 */
export function isNisba(word: Word): boolean {
  return word.definite && /..(ي|يه|يين|يون|يان|يتين)$/.test(word.norm);
}

/** Letters only (any script), at least two of them. */
export function isWordLike(word: Word): boolean {
  return (word.kind === 'arabic' || word.kind === 'latin') && word.norm.length >= 2;
}

/**
 * The shapes of Arabic verbal nouns that lead common phrases ("تطبيع العلاقات", "إسقاط الطائرة",
 * "استهداف دورية", "اتصالات عسكرية"): تفعيل، إفعال، استفعال، افتعال، انفعال, and their plurals.
 */
export function isVerbalNoun(word: Word): boolean {
  const n = word.norm.replace(/ات$/, '');
  return word.kind === 'arabic' && !word.definite && /^(ت..ي.|ا..ا.|است..ا.|ا.ت.ا.|ان..ا.)$/.test(n);
}

/** A masdar with a preposition inside a name run: "باستمرار", "لاتفاق", "بانتظار". */
export function isPrepositionalMasdar(word: Word): boolean {
  return word.kind === 'arabic' && word.norm.length >= 6 && /^[وف]?[بل]ا(ست|ن|ت)/.test(word.norm);
}

/** Ends with a pronoun suffix as written ("ذكره", "قولها"), not a ة; "الله" excepted. */
export function hasPronounEnding(word: Word): boolean {
  return word.kind === 'arabic' && word.norm.length >= 4 && /(ه|ها|هم|هما)$/.test(word.text) && !/لله$/.test(word.norm);
}
