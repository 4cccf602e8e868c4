/**
 * The judges' second pass for the entity-linking judged set (bench/entities/README.md): lists every
 * place where a SaudiNewsNet record carries a registry name, alias or source name — with the
 * proclitics و ف ب ل ك (and their pairs), the article ال added or not, and the normalizer's
 * letter folding (ة/ه, ى/ي, hamza forms, tashkeel) — overlapping hits all listed, in the title,
 * the author field and the content. It decides nothing: every hit is judged by reading.
 *
 *   node scripts/scan-registry-names.ts --corpus ../shared/corpus/saudinewsnet 2015-07-24#1323 …
 */
import path from 'node:path';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { loadRegistry } from '../src/entities/registry.ts';
import { normalizeArabic, tokenize } from '../src/arabic/index.ts';
import { parseRecordKey, readCorpusDay, type CorpusRecord } from './lib/corpus.ts';
import { projectRoot } from './lib/build.ts';

const USAGE = usageFromHeader(import.meta.url);

const { values, positionals } = commandLine(USAGE, {
  allowPositionals: true,
  options: { corpus: { type: 'string', default: path.resolve(projectRoot, '../shared/corpus/saudinewsnet') } },
});

const registry = [
  ...loadRegistry(path.join(projectRoot, 'content/entities')),
  ...loadRegistry(path.join(projectRoot, 'bench/scale/registry')),
];
const names: { id: string; name: string; words: string[] }[] = [];
for (const e of registry) {
  for (const name of new Set([e.name, ...e.aliases, ...e.sourceNames])) {
    const words = tokenize(name).map((t) => normalizeArabic(t.text, { lowercase: true }));
    if (words.length > 0) names.push({ id: e.id, name, words });
  }
}
const byFirst = new Map<string, typeof names>();
for (const n of names) {
  const key = n.words[0]!.replace(/^ال/, '');
  byFirst.set(key, [...(byFirst.get(key) ?? []), n]);
}

const CLITICS = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'فب', 'ول', 'فل', 'وك', 'فك'];
/** The bare forms a text word may stand for: clitics off, ال off (لل → ال). */
function bareForms(word: string): string[] {
  const out = new Set<string>();
  for (const c of CLITICS) {
    if (!word.startsWith(c)) continue;
    let rest = word.slice(c.length);
    if (c.endsWith('ل') && rest.startsWith('ل')) out.add(rest.slice(1));
    if (rest.startsWith('ال')) rest = rest.slice(2);
    if (rest.length >= 2) out.add(rest);
  }
  return [...out];
}

/** One line per entity and written form: how often, and the first place in context. */
function scan(text: string): string[] {
  const tokens = tokenize(text);
  const keys = tokens.map((t) => normalizeArabic(t.text, { lowercase: true }));
  const hits = new Map<string, { count: number; line: string }>();
  for (let i = 0; i < tokens.length; i++) {
    for (const form of bareForms(keys[i]!)) {
      for (const n of byFirst.get(form) ?? []) {
        if (n.words.length > 1 && n.words.slice(1).some((w, k) => keys[i + 1 + k] !== w)) continue;
        const end = tokens[i + n.words.length - 1]!.end;
        const from = Math.max(0, tokens[i]!.start - 40);
        const written = text.slice(tokens[i]!.start, end);
        const key = `${n.id}\0${written}`;
        const seen = hits.get(key);
        if (seen) {
          seen.count += 1;
          continue;
        }
        const context = `${text.slice(from, tokens[i]!.start)}[${written}]${text.slice(end, end + 40)}`;
        hits.set(key, { count: 1, line: `${n.id} («${n.name}»): …${context.replace(/\s+/g, ' ')}…` });
      }
    }
  }
  return [...hits.values()].map((h) => `  ${h.count > 1 ? `×${h.count} ` : ''}${h.line}`);
}

const days = new Map<string, CorpusRecord[]>();
for (const key of positionals) {
  const { day, index } = parseRecordKey(key);
  if (!days.has(day)) days.set(day, await readCorpusDay(values.corpus!, day));
  const record = days.get(day)![index];
  if (!record) throw new Error(`${key}: no such record`);
  console.log(`== ${key} (${record.source})`);
  for (const [field, text] of [
    ['title', record.title],
    ['author', record.author],
    ['content', record.content],
  ] as const) {
    const hits = scan(text ?? '');
    if (hits.length > 0) console.log(` ${field}:\n${hits.join('\n')}`);
  }
}
