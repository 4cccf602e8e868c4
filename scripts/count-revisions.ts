/**
 * The real data behind `REVISION_SIMILARITY` (src/ingest/similarity.ts): how alike are two
 * different texts at one URL? SaudiNewsNet holds every URL once, but many differ only in their
 * query (`News_Detail.aspx?ArticleID=230554`, `details.php?id=1386688`, `…html?weekly`): with the
 * query dropped, they are what a scraper that records one section URL for many stories produces,
 * mixed with the same story published twice or corrected. Every record is ingested with the
 * library, and each pair of different texts (different content hashes) in one such group is
 * sketched from its MDX as the store does; the script prints how the similarities spread and the
 * closest pairs, by record key (`2015-07-31#1389`: day and 0-based index), to read and judge.
 *
 *   npm run count:revisions -- [--corpus DIR] [--top 30]
 */
import { readdirSync } from 'node:fs';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { articleToMdx, ingestRecord } from '../src/ingest/index.ts';
import { REVISION_SIMILARITY, type Sketch, similarity, sketchOfMdx } from '../src/ingest/similarity.ts';
import { DEFAULT_CORPUS, readCorpusDay } from './lib/corpus.ts';

const USAGE = usageFromHeader(import.meta.url);

const { values } = commandLine(USAGE, {
  options: { corpus: { type: 'string', default: DEFAULT_CORPUS }, top: { type: 'string', default: '30' } },
});
const days = readdirSync(values.corpus)
  .filter((f) => /^\d{4}-\d\d-\d\d\.zip$/.test(f))
  .map((f) => f.slice(0, 10))
  .sort();

interface Text {
  key: string;
  title: string;
  contentHash: string;
  sketch: Sketch;
}
const groups = new Map<string, Text[]>();
let records = 0;
for (const day of days) {
  for (const [i, record] of (await readCorpusDay(values.corpus, day)).entries()) {
    records++;
    const group = urlWithoutQuery(record.url);
    if (!group) continue;
    const result = ingestRecord(record, JSON.stringify(record), `${day}#${i}`);
    if (!result.ok) continue;
    const { article } = result;
    const texts = groups.get(group) ?? [];
    if (!texts.some((t) => t.contentHash === article.contentHash)) {
      texts.push({
        key: `${day}#${i}`,
        title: article.title,
        contentHash: article.contentHash,
        sketch: sketchOfMdx(articleToMdx(article)),
      });
    }
    groups.set(group, texts);
  }
}

const pairs: Array<{ similarity: number; a: Text; b: Text; group: string }> = [];
const buckets = new Array<number>(10).fill(0);
let shared = 0;
for (const [group, texts] of groups) {
  if (texts.length < 2) continue;
  shared++;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const s = similarity(texts[i]!.sketch, texts[j]!.sketch);
      buckets[Math.min(9, Math.floor(s * 10))]!++;
      if (s >= 0.3) pairs.push({ similarity: s, a: texts[i]!, b: texts[j]!, group });
    }
  }
}
console.log(`${records} records in ${days.length} days; ${shared} URLs without their query hold two or more different texts`);
console.log(`pairs of different texts by similarity (word 3-shingle Jaccard; revision at ≥ ${REVISION_SIMILARITY}):`);
buckets.forEach((n, i) => console.log(`  ${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}  ${n}`));
console.log(`closest pairs:`);
for (const p of pairs.sort((x, y) => y.similarity - x.similarity).slice(0, Number(values.top))) {
  console.log(`  ${p.similarity.toFixed(3)}  ${p.a.key} «${p.a.title}»  ${p.b.key} «${p.b.title}»  ${p.group}`);
}

/** Host (without `www.`) and path, decoded, without a trailing slash; null for a bare host. */
function urlWithoutQuery(url: string): string | null {
  try {
    const u = new URL(url.trim());
    const pathname = decodeURIComponent(u.pathname).replace(/\/$/, '');
    return pathname === '' ? null : `${u.host.replace(/^www\./, '')}${pathname}`;
  } catch {
    return null;
  }
}
