/**
 * Draws the articles of the entity-linking judged set (bench/entities/): a seeded sample,
 * stratified by outlet, of SaudiNewsNet records from the given days, and prints their keys
 * with outlet and title (the judging sheet is made from these keys).
 *
 *   node scripts/sample-entities.ts --corpus ../shared/corpus/saudinewsnet \
 *     --days 2015-07-21..2015-07-27 --per-outlet 10 --seed 1307
 *
 * Only records with a body of at least 40 words are drawn (ingest rejects one-line texts), and a
 * text seen before (same title and body) is drawn once.
 */
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { readCorpusDay, seededRandom, type CorpusRecord } from './lib/corpus.ts';

const USAGE = usageFromHeader(import.meta.url);

const { values } = commandLine(USAGE, {
  options: {
    corpus: { type: 'string', default: '../shared/corpus/saudinewsnet' },
    days: { type: 'string', default: '2015-07-21..2015-07-27' },
    'per-outlet': { type: 'string', default: '10' },
    seed: { type: 'string', default: '1307' },
  },
});

function dayRange(spec: string): string[] {
  const [from, to = from] = spec.split('..');
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

const byOutlet = new Map<string, { key: string; record: CorpusRecord }[]>();
const seen = new Set<string>();
for (const day of dayRange(values.days!)) {
  const records = await readCorpusDay(values.corpus!, day);
  records.forEach((record, index) => {
    const words = record.content.trim().split(/\s+/).length;
    const text = `${record.title}\n${record.content}`.replace(/\s+/g, ' ').trim();
    if (words < 40 || seen.has(text)) return;
    seen.add(text);
    const list = byOutlet.get(record.source) ?? [];
    byOutlet.set(record.source, list);
    list.push({ key: `${day}#${index}`, record });
  });
}

const random = seededRandom(Number(values.seed));
const perOutlet = Number(values['per-outlet']);
for (const outlet of [...byOutlet.keys()].sort()) {
  const pool = byOutlet.get(outlet)!;
  // Partial Fisher–Yates: the first `perOutlet` places hold a uniform sample.
  for (let i = 0; i < Math.min(perOutlet, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    const { key, record } = pool[i]!;
    console.log(`${key}\t${outlet}\t${record.title.replace(/\s+/g, ' ').trim()}`);
  }
}
