/**
 * SaudiNewsNet as the benchmarks read it: one ZIP a day (`YYYY-MM-DD.zip`), each holding one JSON
 * array of `{source, url, date_extracted, title, author, content}`. A record is named by its day
 * and its 0-based index in that array (`2015-07-21#1374`); the ingest CLI counts records from 1
 * (`2015-07-21.zip/2015-07-21.json#1375` is the same record).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { projectRoot } from './build.ts';

/** The seeded generator (mulberry32) the pictures use: the same seed draws the same sample on every machine. */
export { seededRandom } from '../../src/pictures/types.ts';

export interface CorpusRecord {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  author: string;
  content: string;
}

/** Where the benchmarks look for SaudiNewsNet unless `--corpus` says otherwise (beside the project). */
export const DEFAULT_CORPUS = path.resolve(projectRoot, '../shared/corpus/saudinewsnet');

/** Every record of one day, in file order. */
export async function readCorpusDay(corpus: string, day: string): Promise<CorpusRecord[]> {
  const file = path.join(corpus, `${day}.zip`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new Error(`${file}: cannot read the day's ZIP (${(error as Error).message}); --corpus must name the SaudiNewsNet folder`);
  }
  const json = Object.entries(unzipSync(bytes)).find(([name]) => name.endsWith('.json'));
  if (!json) throw new Error(`${file}: no .json file inside`);
  return JSON.parse(strFromU8(json[1])) as CorpusRecord[];
}

/** `2015-07-21#1374` → day and index. */
export function parseRecordKey(key: string): { day: string; index: number } {
  const m = /^(\d{4}-\d{2}-\d{2})#(\d+)$/.exec(key);
  if (!m) throw new Error(`"${key}" is not a record key (YYYY-MM-DD#index)`);
  return { day: m[1]!, index: Number(m[2]) };
}
