/**
 * An article's identity across runs (issue 15, item 1), with the real CLI in temp folders.
 *
 * The fixture holds ten real SaudiNewsNet records of Al-Watan's local news (CC BY-NC-SA 4.0, for
 * testing), their URLs cut to the section page `News_Detail.aspx` without the query that named
 * the story — what a scraper that records the section URL gives. Records 1–4 and 6–9 are eight
 * different stories, some written from one template (telegrams of congratulation to four
 * countries, two executions, two rain stories); 5 and 10 are one story that Al-Watan published
 * twice (2015-07-31#1390 then #1389, article ids 230545 and 230554): the headline rewritten,
 * the paragraphs broken differently — a real revision.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/ingest/index.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { folderBytes, outcome, outFiles, runIngestCli } from './support/cli.ts';

const RECORDS = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'records', 'alwatan-local.json'), 'utf8')) as Array<
  Record<string, string>
>;
const SECTION = 'http://www.alwatan.com.sa/Local/News_Detail.aspx';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-identity-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ingest = (args: string[]) => runIngestCli(dir, args);
const day = (name: string, records: Array<Record<string, string>>) => fs.writeFileSync(path.join(dir, name), JSON.stringify(records));
const idOf = (line: string) => line.split(' ')[1]!;

describe('identity across runs', { timeout: 120_000 }, () => {
  it('keeps every story a scraper recorded at one section URL, whichever run brings it, and re-running changes nothing', () => {
    expect(RECORDS.every((r) => r.url === SECTION)).toBe(true);
    day('day1.json', RECORDS.slice(0, 4));
    day('day2.json', RECORDS.slice(5, 9));
    const first = ingest(['--out', 'out', 'day1.json']);
    expect(outcome(first.lines, 'written')).toHaveLength(4);
    // Another day's stories at the same URL are new articles, not updates of the first day's.
    const second = ingest(['--out', 'out', 'day2.json']);
    expect(second.lines).toEqual([1, 2, 3, 4].map((n) => expect.stringMatching(new RegExp(`^written [0-9a-f]{12} day2\\.json#${n}$`))));
    expect(second.summary).toMatch(/: 4 written, 0 unchanged/);
    expect(outFiles(path.join(dir, 'out'))).toHaveLength(8);
    const once = folderBytes(path.join(dir, 'out'));
    // Day 1 again, then day 2 again: nothing flips back.
    expect(ingest(['--out', 'out', 'day1.json']).lines).toEqual(first.lines.map((l) => l.replace(/^written/, 'unchanged')));
    expect(ingest(['--out', 'out', 'day2.json']).lines).toEqual(second.lines.map((l) => l.replace(/^written/, 'unchanged')));
    expect(folderBytes(path.join(dir, 'out'))).toEqual(once);
    // Each story is its own page, under its own title.
    const titles = outFiles(path.join(dir, 'out')).map((f) => readFrontmatter(fs.readFileSync(path.join(dir, 'out', f), 'utf8'))?.title);
    expect(new Set(titles)).toEqual(new Set([...RECORDS.slice(0, 4), ...RECORDS.slice(5, 9)].map((r) => r.title!.trim())));
  });

  it('updates an article in place when a new text at its URL is a revision, says so with the similarity, and never back', () => {
    const original = RECORDS[4]!;
    const revised = RECORDS[9]!;
    // A sentence corrected in the revision: the fire was reported in the afternoon, not at noon.
    expect(revised.content).toContain('ظهر أمس');
    const corrected = { ...revised, content: revised.content!.replace('ظهر أمس', 'عصر أمس') };
    day('day1.json', RECORDS.slice(0, 5));
    day('day2.json', [revised]);
    day('day3.json', [corrected]);
    const first = ingest(['--out', 'out', 'day1.json']);
    const id = idOf(first.lines[4]!);
    expect(first.lines[4]).toBe(`written ${id} day1.json#5`);
    const file = path.join(dir, 'out', `${id}.mdx`);

    const second = ingest(['--out', 'out', 'day2.json']);
    expect(second.lines).toEqual([
      expect.stringMatching(new RegExp(`^written ${id} day2\\.json#1 \\(updated: a revision of day1\\.json#5, similarity 0\\.9\\d\\)$`)),
    ]);
    expect(second.summary).toMatch(/: 1 written \(1 updated\)/);
    let mdx = fs.readFileSync(file, 'utf8');
    expect(readFrontmatter(mdx)?.title).toBe(revised.title!.trim());

    const third = ingest(['--out', 'out', 'day3.json']);
    expect(third.lines).toEqual([
      expect.stringMatching(new RegExp(`^written ${id} day3\\.json#1 \\(updated: a revision of day2\\.json#1, similarity 0\\.9\\d\\)$`)),
    ]);
    mdx = fs.readFileSync(file, 'utf8');
    expect(mdx).toContain('عصر أمس');
    expect(mdx).not.toContain('ظهر أمس');
    const data = articleSchema.parse(readFrontmatter(mdx));
    expect(data.earlierVersions?.map((v) => v.file)).toEqual(['day1.json#5', 'day2.json#1']);
    expect(outFiles(path.join(dir, 'out'))).toHaveLength(5);

    // The old texts again: known as earlier versions, the article keeps the latest.
    const after = folderBytes(path.join(dir, 'out'));
    const again = ingest(['--out', 'out', 'day1.json', 'day2.json']);
    expect(again.lines.slice(4)).toEqual([
      `unchanged ${id} day1.json#5 (an earlier version, since revised by day3.json#1)`,
      `unchanged ${id} day2.json#1 (an earlier version, since revised by day3.json#1)`,
    ]);
    fs.writeFileSync(path.join(dir, 'copy.jsonl'), `${JSON.stringify(original)}\n`);
    expect(ingest(['--out', 'out', 'copy.jsonl']).lines).toEqual([
      `duplicate ${id} copy.jsonl#1 (same as day1.json#5, an earlier version, since revised by day3.json#1)`,
    ]);
    expect(folderBytes(path.join(dir, 'out'))).toEqual(after);
  });

  it('gives the same folder however the inputs are split into runs, and later runs report unchanged or duplicate only', () => {
    day('day1.json', RECORDS.slice(0, 5));
    day('day2.json', RECORDS.slice(5, 10));
    fs.writeFileSync(path.join(dir, 'both.jsonl'), `${JSON.stringify(RECORDS[0])}\n${JSON.stringify(RECORDS[9])}\n`);
    const inputs = ['day1.json', 'day2.json', 'both.jsonl'];
    // One run of everything.
    const one = ingest(['--out', 'one', ...inputs]);
    expect(one.summary).toMatch(/: 10 written \(1 updated\), 0 unchanged, 2 duplicate, 0 kept, 0 rejected$/);
    // Each input in a run of its own; then day 1, day 2 and the rest again, in that order and reversed.
    for (const input of inputs) ingest(['--out', 'split', input]);
    expect(folderBytes(path.join(dir, 'split'))).toEqual(folderBytes(path.join(dir, 'one')));
    for (const order of [inputs, [...inputs].reverse()]) {
      for (const input of order) {
        const run = ingest(['--out', 'split', input]);
        expect(outcome(run.lines, 'written')).toEqual([]);
        expect(run.lines.every((l) => /^(?:unchanged|duplicate) /.test(l))).toBe(true);
      }
    }
    expect(folderBytes(path.join(dir, 'split'))).toEqual(folderBytes(path.join(dir, 'one')));
    // Stories that are not revisions of each other: the days' order does not matter either.
    day('a.json', RECORDS.slice(0, 4));
    day('b.json', RECORDS.slice(5, 9));
    ingest(['--out', 'ab', 'a.json', 'b.json']);
    ingest(['--out', 'ba', 'b.json']);
    ingest(['--out', 'ba', 'a.json']);
    expect(folderBytes(path.join(dir, 'ba'))).toEqual(folderBytes(path.join(dir, 'ab')));
  });
});
