/**
 * The books balance (issue 15): random mixes of good and broken records, files and ZIPs through
 * the real CLI, run twice over one folder. Every input is reported exactly once, by name, as
 * written, unchanged, duplicate (of a file on disk), kept or rejected — good inputs never
 * rejected, broken ones always; the summary's counts are the lines' counts; every id reported is
 * a file on disk; every good text is on disk after the run.
 *
 * Good texts: nine real SaudiNewsNet stories (tests/ingest/fixtures/records/alwatan-local.json,
 * each given a URL of its own) as JSON records, and the five seed articles as text files. Broken:
 * JSON records that lost their closing brace, trailing garbage after an array, empty records, an
 * empty text field, English-only records, records that are not objects, JSON Lines lines that are
 * not JSON, empty and English-only text files, a ZIP entry whose path climbs out (`../`); file
 * names with a newline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestBytes, ingestRecord, readFrontmatter } from '../../src/ingest/index.ts';
import { shownName } from '../../src/core/shown-name.ts';
import { settings } from '../../src/settings.ts';
import { outFiles, runIngestCli } from './support/cli.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const STORIES = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'records', 'alwatan-local.json'), 'utf8')) as Array<Record<string, string>>)
  .slice(0, 9)
  .map((r, i) => JSON.stringify({ ...r, url: `https://www.alwatan.com.sa/Local/News_Detail.aspx?ArticleID=${900 + i}` }));
const SEEDS = fs
  .readdirSync(path.join(FIXTURES, 'seeds'))
  .sort()
  .map((f) => fs.readFileSync(path.join(FIXTURES, 'seeds', f)));

/** A record in a JSON array or a JSON Lines file: its raw text, and whether ingest must take it. */
type Piece = { kind: 'story'; index: number } | { kind: 'broken'; raw: string; unclosed?: boolean };
const BROKEN_RECORDS = [
  '{}',
  '{"content": ""}',
  '{"title": "English", "content": "Only English words in this record, nothing else at all."}',
  '42',
  '{"title": "بلا نص"}',
];
const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: STORIES.length - 1 }).map((index): Piece => ({ kind: 'story', index })) },
  { weight: 1, arbitrary: fc.constantFrom(...BROKEN_RECORDS).map((raw): Piece => ({ kind: 'broken', raw })) },
  // A record that lost its closing brace.
  {
    weight: 1,
    arbitrary: fc.constant<Piece>({
      kind: 'broken',
      raw: '{"title": "خبر مكسور", "content": "قال المتحدث إن هذا السجل فقد قوسه."',
      unclosed: true,
    }),
  },
);
const textFile = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: SEEDS.length - 1 }).map((seed) => ({ seed })) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Russia and Turkey agree.\n\nThe two presidents met in Sochi.').map((text) => ({ text })) },
);
const name = fc.constantFrom('a', 'b', 'يوم', 'x\ny', 'tab\tname');
const input = fc.oneof(
  fc.record({ kind: fc.constant('json' as const), name, pieces: fc.array(piece, { minLength: 1, maxLength: 6 }), garbage: fc.boolean() }),
  fc.record({ kind: fc.constant('jsonl' as const), name, pieces: fc.array(piece, { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('text' as const), name, file: textFile }),
  fc.record({
    kind: fc.constant('zip' as const),
    name,
    pieces: fc.array(piece, { minLength: 1, maxLength: 4 }),
    seeds: fc.array(fc.nat({ max: SEEDS.length - 1 }), { maxLength: 2 }),
    climbs: fc.boolean(),
  }),
);
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

/** What the report must say of one input: good (taken), or bad (rejected). */
interface Expected {
  name: string;
  good: boolean;
  /** The content hash a good input's article has. */
  contentHash?: string;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-fuzz-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes the inputs into `dir/run<n>/in`; returns their paths (as given to the CLI) and what each input must come to. */
function materialize(inputs: Input[], n: number): { paths: string[]; expected: Expected[] } {
  const folder = path.join(`run${n}`, 'in');
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  const paths: string[] = [];
  const expected: Expected[] = [];
  const record = (p: Piece, shown: string, nameAsRecorded: string): Expected => {
    if (p.kind === 'broken') return { name: shown, good: false };
    const raw = STORIES[p.index]!;
    const result = ingestRecord(JSON.parse(raw), raw, nameAsRecorded);
    if (!result.ok) throw new Error(`fixture story ${p.index} is not ingested: ${result.reason}`);
    return { name: shown, good: true, contentHash: result.article.contentHash };
  };
  const text = (bytes: Uint8Array, shown: string, good: boolean): Expected => {
    if (!good) return { name: shown, good };
    const result = ingestBytes(bytes, 'x.txt');
    if (!result.ok) throw new Error(`seed is not ingested: ${result.reason}`);
    return { name: shown, good, contentHash: result.article.contentHash };
  };
  const arrayOf = (pieces: Piece[]) => `[${pieces.map((p) => (p.kind === 'story' ? STORIES[p.index] : p.raw)).join(',\n')}]`;
  for (const [i, item] of inputs.entries()) {
    const base = `${i}-${item.name}`;
    if (item.kind === 'json' || item.kind === 'jsonl') {
      const file = path.join(folder, `${base}.${item.kind}`);
      const body =
        item.kind === 'json'
          ? `${arrayOf(item.pieces)}${item.garbage ? ' garbage' : ''}`
          : item.pieces.map((p) => (p.kind === 'story' ? STORIES[p.index] : p.raw)).join('\n');
      fs.writeFileSync(path.join(dir, file), body);
      paths.push(file);
      item.pieces.forEach((p, k) => expected.push(record(p, `${shownName(file)}#${k + 1}`, `${path.basename(file)}#${k + 1}`)));
      if (item.kind === 'json' && item.garbage) expected.push({ name: `${shownName(file)}#${item.pieces.length + 1}`, good: false });
    } else if (item.kind === 'text') {
      const file = path.join(folder, `${base}.txt`);
      const bytes = 'seed' in item.file ? SEEDS[item.file.seed]! : strToU8(item.file.text);
      fs.writeFileSync(path.join(dir, file), bytes);
      paths.push(file);
      expected.push(text(bytes, shownName(file), 'seed' in item.file));
    } else {
      const file = path.join(folder, `${base}.zip`);
      const entries: Record<string, Uint8Array> = {};
      const shown = shownName(file);
      if (item.climbs) {
        entries['../outside.txt'] = SEEDS[0]!;
        expected.push({ name: `${shown}/../outside.txt`, good: false });
      }
      entries['day/records.json'] = strToU8(arrayOf(item.pieces));
      item.pieces.forEach((p, k) =>
        expected.push(record(p, `${shown}/day/records.json#${k + 1}`, `${path.basename(file)}/day/records.json#${k + 1}`)),
      );
      item.seeds.forEach((seed, k) => {
        entries[`seed-${k}.txt`] = SEEDS[seed]!;
        expected.push(text(SEEDS[seed]!, `${shown}/seed-${k}.txt`, true));
      });
      fs.writeFileSync(path.join(dir, file), zipSync(entries));
      paths.push(file);
    }
  }
  return { paths, expected };
}

const LINE = /^(written|unchanged|duplicate|kept) ([0-9a-f]{12,64}) (.+?)(?: \(.*\)|: edited by hand .*)?$|^(rejected) (.+?): (.+)$/;
const SUMMARY =
  /^done: (\d+) inputs in [\d.]+ s \(\d+ articles\/s\): (\d+) written(?: \((\d+) updated\))?, (\d+) unchanged, (\d+) duplicate, (\d+) kept, (\d+) rejected$/;

/** Checks one run's report against what each input must come to; returns the outcome by input name. */
function balance(run: ReturnType<typeof runIngestCli>, expected: Expected[], out: string): Map<string, string> {
  const outcomes = new Map<string, string>();
  const counts: Record<string, number> = { written: 0, unchanged: 0, duplicate: 0, kept: 0, rejected: 0 };
  const onDisk = new Set(outFiles(out).map((f) => f.slice(0, -'.mdx'.length)));
  const names = new Set(expected.map((e) => e.name));
  for (const line of run.lines) {
    const m = LINE.exec(line);
    expect(m, `a report line of an unknown form: ${JSON.stringify(line)}`).not.toBeNull();
    const word = (m![1] ?? m![4])!;
    const reported = (m![3] ?? m![5])!;
    expect(names.has(reported), `reported an input nobody gave: ${JSON.stringify(line)}`).toBe(true);
    expect(outcomes.has(reported), `reported twice: ${reported}`).toBe(false);
    outcomes.set(reported, word);
    counts[word]!++;
    if (word !== 'rejected') expect(onDisk.has(m![2]!), `${line}: no file ${m![2]}.mdx`).toBe(true);
  }
  for (const e of expected) {
    const word = outcomes.get(e.name);
    expect(word, `not reported: ${e.name}`).toBeDefined();
    if (e.good) expect(['written', 'unchanged', 'duplicate', 'kept'], `${e.name} was ${word}`).toContain(word);
    else expect(word, `${e.name} is broken`).toBe('rejected');
  }
  const summary = SUMMARY.exec(run.summary);
  expect(summary, run.summary).not.toBeNull();
  expect(Number(summary![1])).toBe(run.lines.length);
  expect([summary![2], summary![4], summary![5], summary![6], summary![7]].map(Number)).toEqual([
    counts.written,
    counts.unchanged,
    counts.duplicate,
    counts.kept,
    counts.rejected,
  ]);
  expect(run.code).toBe(counts.rejected! > 0 ? 1 : 0);
  // Nothing good is lost: every good text is an article on disk.
  const hashes = new Set(outFiles(out).map((f) => readFrontmatter(fs.readFileSync(path.join(out, f), 'utf8'))?.contentHash));
  for (const e of expected) if (e.good) expect(hashes.has(e.contentHash), `${e.name}: its text is not on disk`).toBe(true);
  return outcomes;
}

describe('ingest fuzz: the books balance', () => {
  let runs = 0;
  it('property: every input reported once by name, counts agree, every id on disk, nothing good lost — and again on a second run', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 6 }), (inputs) => {
        const n = runs++;
        const { paths, expected } = materialize(inputs, n);
        const out = path.join(dir, `run${n}`, 'out');
        const first = runIngestCli(dir, ['--out', out, ...paths]);
        // Nothing on stderr but, on a slow machine, the progress line a run past ten seconds prints.
        expect(first.stderr.split('\n').filter((l) => l !== '' && !/^ingest: [\d,]+ inputs\b/.test(l))).toEqual([]);
        balance(first, expected, out);

        // An editor changes one article; the same inputs again write nothing new.
        const files = outFiles(out);
        const edited = files[0] ? path.join(out, files[0]) : null;
        if (edited) fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace(/^title: .*$/m, 'title: عنوان عدله المحرر'));
        const before = files.map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
        const second = runIngestCli(dir, ['--out', out, ...paths]);
        const outcomes = balance(second, expected, out);
        expect([...outcomes.values()].filter((w) => w === 'written')).toEqual([]);
        expect(outFiles(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8'))).toEqual(before);
      }),
      { numRuns: settings().fuzzRuns },
    );
  }, 1_800_000);
});
