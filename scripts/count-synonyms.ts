/**
 * How often each word of the search synonyms table (src/search/synonyms.ts) is written in a
 * SaudiNewsNet folder: the articles holding the word (with or without the article and a
 * proclitic, letters folded the analyzer's way), and for each group, the articles holding one of
 * its words but not the others, which only the table can bring to a reader who typed another.
 *
 *   npm run count:synonyms -- --corpus ../shared/corpus/saudinewsnet
 */
import { readdirSync } from 'node:fs';
import { commandLine, usageError, usageFromHeader } from '../src/cli/args.ts';
import { normalizeArabic } from '../src/arabic/index.ts';
import { lookupForms, ONE_WAY_SYNONYMS, SYNONYM_GROUPS } from '../src/search/synonyms.ts';
import { readCorpusDay } from './lib/corpus.ts';

const USAGE = usageFromHeader(import.meta.url);

const { values } = commandLine(USAGE, { options: { corpus: { type: 'string' } } });
if (!values.corpus) usageError('count:synonyms: --corpus DIR (the SaudiNewsNet folder of YYYY-MM-DD.zip files) is required', USAGE);

const words = new Set<string>();
for (const group of SYNONYM_GROUPS) for (const word of group) words.add(normalizeArabic(word));
for (const [word, standard] of ONE_WAY_SYNONYMS) for (const w of [word, ...standard]) words.add(normalizeArabic(w));

const articlesWith = new Map<string, number>();
const groupOnly = new Map<number, number[]>();
let articles = 0;
const days = readdirSync(values.corpus)
  .filter((f) => /^\d{4}-\d{2}-\d{2}\.zip$/.test(f))
  .sort();
for (const file of days) {
  for (const record of await readCorpusDay(values.corpus, file.slice(0, 10))) {
    articles++;
    const found = new Set<string>();
    for (const token of `${record.title} ${record.content}`.split(/[^\p{Script=Arabic}]+/u)) {
      if (!token) continue;
      const form = lookupForms(token).find((f) => words.has(f));
      if (form) found.add(form);
    }
    for (const form of found) articlesWith.set(form, (articlesWith.get(form) ?? 0) + 1);
    SYNONYM_GROUPS.forEach((group, g) => {
      const counts = groupOnly.get(g) ?? group.map(() => 0);
      const present = group.map((w) => found.has(normalizeArabic(w)));
      if (present.filter(Boolean).length === 1) counts[present.indexOf(true)]!++;
      groupOnly.set(g, counts);
    });
  }
}

console.log(`${articles} articles in ${days.length} days\n`);
console.log('group: word articles (only this word of the group)');
SYNONYM_GROUPS.forEach((group, g) => {
  const only = groupOnly.get(g)!;
  console.log(group.map((w, i) => `${w} ${articlesWith.get(normalizeArabic(w)) ?? 0} (${only[i]})`).join(' · '));
});
console.log('\none-way: word articles → standard words');
for (const [word, standard] of ONE_WAY_SYNONYMS) {
  console.log(
    `${word} ${articlesWith.get(normalizeArabic(word)) ?? 0} → ${standard.map((w) => `${w} ${articlesWith.get(normalizeArabic(w)) ?? 0}`).join(' · ')}`,
  );
}
