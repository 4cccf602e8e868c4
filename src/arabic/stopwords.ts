/**
 * Lucene's default Arabic stop words (ArabicAnalyzer's `stopwords.txt`).
 *
 * The list was created by Jacques Savoy and is distributed under the BSD license
 * (http://members.unine.ch/jacques.savoy/clef/index.html), as shipped with Apache Lucene.
 * It is written unnormalized, with both أ and ا forms of some words.
 */
import { normalizeArabic } from './normalize.ts';

/** Lucene's Arabic stop words, as written in its list (unnormalized). */
// biome-ignore format: a word list packed as Lucene lists it (one word a line would take 120 lines)
export const LUCENE_ARABIC_STOPWORDS: readonly string[] = [
  'من', 'ومن', 'منها', 'منه', 'في', 'وفي', 'فيها', 'فيه', 'و', 'ف', 'ثم', 'او', 'أو', 'ب', 'بها',
  'به', 'ا', 'أ', 'اى', 'اي', 'أي', 'أى', 'لا', 'ولا', 'الا', 'ألا', 'إلا', 'لكن', 'ما', 'وما',
  'كما', 'فما', 'عن', 'مع', 'اذا', 'إذا', 'ان', 'أن', 'إن', 'انها', 'أنها', 'إنها', 'انه', 'أنه',
  'إنه', 'بان', 'بأن', 'فان', 'فأن', 'وان', 'وأن', 'وإن', 'التى', 'التي', 'الذى', 'الذي', 'الذين',
  'الى', 'الي', 'إلى', 'إلي', 'على', 'عليها', 'عليه', 'اما', 'أما', 'إما', 'ايضا', 'أيضا', 'كل',
  'وكل', 'لم', 'ولم', 'لن', 'ولن', 'هى', 'هي', 'هو', 'وهى', 'وهي', 'وهو', 'فهى', 'فهي', 'فهو',
  'انت', 'أنت', 'لك', 'لها', 'له', 'هذه', 'هذا', 'تلك', 'ذلك', 'هناك', 'كانت', 'كان', 'يكون',
  'تكون', 'وكانت', 'وكان', 'غير', 'بعض', 'قد', 'نحو', 'بين', 'بينما', 'منذ', 'ضمن', 'حيث', 'الان',
  'الآن', 'خلال', 'بعد', 'قبل', 'حتى', 'عند', 'عندما', 'لدى', 'جميع',
];

/**
 * The stop words normalized with `normalizeArabic` (أن → ان, التى → التي...), for matching
 * normalized tokens: also catches vocalized or variant spellings the raw list misses.
 */
export const ARABIC_STOPWORDS: ReadonlySet<string> = new Set(LUCENE_ARABIC_STOPWORDS.map((word) => normalizeArabic(word)));
