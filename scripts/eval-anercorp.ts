/**
 * Measures entity discovery on ANERcorp (BIO, `token TAG` per line, blank line between sentences):
 * entity-level precision, recall and F1 for PERS, LOC and ORG, exact span match and partial overlap.
 *
 *   npm run eval:anercorp [-- PATH] [--json] [--errors N]
 *
 * PATH defaults to ../shared/arabic/anercorp/ANERCorp_CamelLab_test.txt (next to the repository).
 * Two settings are scored:
 * - "cues": each sentence alone, by its cues (`tagSpans(tokens)`);
 * - "corpus": discovery runs over the whole text first, as `entities:suggest` does over a corpus,
 *   and names it found with a cue are then also tagged where they appear without one.
 * Nothing is learned from the gold tags. MISC is not predicted and not scored.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandLine, usageError, usageFromHeader } from '../src/cli/args.ts';
import {
  bioSpans,
  discoverNames,
  NameLexicon,
  parseBio,
  scoreSpans,
  tagSpans,
  type GuessType,
  type LabeledSpan,
  type Score,
  type TokenSpan,
  vocabularyOf,
} from '../src/entities/discover.ts';

const LABELS = ['PERS', 'LOC', 'ORG'] as const;
const LABEL_OF: Record<GuessType, string | undefined> = {
  person: 'PERS',
  place: 'LOC',
  organization: 'ORG',
  unknown: undefined,
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = usageFromHeader(import.meta.url);
const { values: args, positionals } = commandLine(USAGE, {
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, errors: { type: 'string', default: '0' } },
});
const json = args.json;
const errorCount = Number(args.errors);
if (!Number.isInteger(errorCount) || errorCount < 0)
  usageError(`eval:anercorp: --errors takes a whole number, not "${args.errors}"`, USAGE);
if (positionals.length > 1) usageError('eval:anercorp: one PATH at most', USAGE);
const file = positionals[0] ?? path.resolve(root, '../shared/arabic/anercorp/ANERCorp_CamelLab_test.txt');

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`eval:anercorp: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
  process.exit(2);
}
const sentences = parseBio(text);
const gold = sentences.map((s) => bioSpans(s.tags));

const toLabeled = (spans: readonly TokenSpan[]): (LabeledSpan & { rule: string; cue: string })[] =>
  spans.flatMap((s) => {
    const label = LABEL_OF[s.type];
    return label ? [{ start: s.start, end: s.end, label, rule: s.rule, cue: s.cue }] : [];
  });

const started = performance.now();
const cueOnly = sentences.map((s) => toLabeled(tagSpans(s.tokens)));
const texts = sentences.map((s) => s.tokens.join(' '));
const candidates = discoverNames(texts);
const lexicon = new NameLexicon(candidates, vocabularyOf(texts));
const corpus = sentences.map((s) => toLabeled(tagSpans(s.tokens, { lexicon })));
const seconds = (performance.now() - started) / 1000;

const settings = [
  { name: 'cues', description: 'each sentence by its own cues', predicted: cueOnly },
  { name: 'corpus', description: 'cues + names discovered in the whole text', predicted: corpus },
].map((s) => ({ ...s, ...scoreSpans(gold, s.predicted, LABELS) }));

/** Precision of each rule: how many of its spans match a gold span exactly (any label / its label). */
function byRule(predicted: typeof corpus) {
  const rules = new Map<string, { spans: number; exact: number; exactLabel: number }>();
  predicted.forEach((spans, i) => {
    for (const s of spans) {
      const r = rules.get(s.rule) ?? { spans: 0, exact: 0, exactLabel: 0 };
      const match = gold[i]!.find((g) => g.start === s.start && g.end === s.end);
      r.spans++;
      if (match) r.exact++;
      if (match?.label === s.label) r.exactLabel++;
      rules.set(s.rule, r);
    }
  });
  return [...rules].sort((a, b) => b[1].spans - a[1].spans);
}

const goldCount = gold.flat().filter((g) => (LABELS as readonly string[]).includes(g.label)).length;
const report = {
  file: path.relative(process.cwd(), file),
  sentences: sentences.length,
  tokens: sentences.reduce((n, s) => n + s.tokens.length, 0),
  goldEntities: goldCount,
  candidates: candidates.length,
  seconds: Number(seconds.toFixed(2)),
  settings: settings.map(({ name, description, byLabel, micro, predicted }) => ({
    name,
    description,
    scores: [...byLabel, micro],
    rules: Object.fromEntries(byRule(predicted)),
  })),
};

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log(`ANERcorp: ${report.file} — ${report.sentences} sentences, ${report.tokens} tokens, ${goldCount} PERS/LOC/ORG entities`);
  console.log(`discovery over the whole text: ${report.candidates} candidates, ${report.seconds} s\n`);
  for (const s of settings) {
    console.log(`${s.name}: ${s.description}`);
    console.log('label   gold  pred  exact |  P(%)  R(%) F1(%) | partial P  R    F1');
    for (const row of [...s.byLabel, s.micro] as Score[]) {
      console.log(
        `${row.label.padEnd(6)} ${String(row.gold).padStart(5)} ${String(row.predicted).padStart(5)} ${String(row.correct).padStart(6)} |` +
          ` ${pct(row.precision)} ${pct(row.recall)} ${pct(row.f1)} |     ${pct(row.partialPrecision)} ${pct(row.partialRecall)} ${pct(row.partialF1)}`,
      );
    }
    console.log('by rule (spans, exact span, exact span and label):');
    for (const [rule, r] of byRule(s.predicted)) {
      console.log(`  ${rule.padEnd(10)} ${String(r.spans).padStart(5)} ${String(r.exact).padStart(5)} ${String(r.exactLabel).padStart(5)}`);
    }
    console.log('');
  }
  if (errorCount > 0) printErrors(corpus, errorCount);
}

/** The most frequent false positives and false negatives (exact match), for error analysis. */
function printErrors(predicted: typeof corpus, n: number): void {
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const text = (i: number, s: LabeledSpan) => sentences[i]!.tokens.slice(s.start, s.end).join(' ');
  predicted.forEach((spans, i) => {
    for (const s of spans) {
      if (!gold[i]!.some((g) => g.start === s.start && g.end === s.end && g.label === s.label)) {
        const g = gold[i]!.find((x) => x.start < s.end && s.start < x.end);
        const key = `${s.label} ${text(i, s)} [${s.rule}:${s.cue}]${g ? ` ≈ ${g.label} ${text(i, g)}` : ''}`;
        fp.set(key, (fp.get(key) ?? 0) + 1);
      }
    }
    for (const g of gold[i]!) {
      if (!(LABELS as readonly string[]).includes(g.label)) continue;
      if (!spans.some((s) => g.start === s.start && g.end === s.end && g.label === s.label)) {
        const key = `${g.label} ${text(i, g)}`;
        fn.set(key, (fn.get(key) ?? 0) + 1);
      }
    }
  });
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`top false positives (corpus):`);
  for (const [k, c] of top(fp)) console.log(`  ${String(c).padStart(3)}  ${k}`);
  console.log(`top false negatives (corpus):`);
  for (const [k, c] of top(fn)) console.log(`  ${String(c).padStart(3)}  ${k}`);
}
