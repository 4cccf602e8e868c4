/**
 * `npm run bench:ingest -- --corpus ../shared/corpus/saudinewsnet [--limit N] [--out DIR] [--runs 2]`
 *
 * Ingests a corpus (any input the CLI takes: the SaudiNewsNet ZIPs, a folder, a JSONL file) into a
 * temporary folder with the CLI's own code path (`runIngest`), and prints articles per second,
 * total time, peak RSS, and RSS after 1,000 / 10,000 / all inputs to show that memory stays flat.
 * A second run over the same folder measures idempotence (every input `unchanged`/`duplicate`).
 * `--limit N` stops after N inputs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runIngest, type Summary } from '../src/ingest/io/run.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    limit: { type: 'string' },
    out: { type: 'string' },
    runs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});
if (!values.corpus) {
  console.error('usage: npm run bench:ingest -- --corpus PATH [--limit N] [--out DIR] [--runs 1|2] [--keep]');
  process.exit(2);
}
const corpus = path.resolve(values.corpus);
const limit = values.limit ? Number(values.limit) : Infinity;
const out = values.out ? path.resolve(values.out) : fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-bench-'));
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

async function run(label: string): Promise<Summary> {
  const controller = new AbortController();
  const marks: Array<[number, number]> = [];
  let seen = 0;
  const cpu = process.cpuUsage();
  const summary = await runIngest(
    { paths: [corpus], outDir: out, signal: controller.signal },
    {
      line() {},
      progress(p) {
        seen = p.inputs;
        if (seen === 1000 || seen === 10000 || seen % 20000 === 0) marks.push([seen, process.memoryUsage().rss]);
        if (seen >= limit) controller.abort();
      },
    },
  );
  marks.push([seen, process.memoryUsage().rss]);
  const used = process.cpuUsage(cpu);
  const seconds = summary.elapsedMs / 1000;
  console.log(`${label}: ${summary.inputs} inputs in ${seconds.toFixed(2)} s = ${Math.round(summary.inputs / seconds)} articles/s`);
  console.log(
    `  ${summary.written} written, ${summary.unchanged} unchanged, ${summary.duplicate} duplicate, ${summary.kept} kept, ${summary.rejected} rejected`,
  );
  console.log(`  CPU ${((used.user + used.system) / 1e6).toFixed(1)} s (main thread and workers); RSS after ${marks.map(([n, rss]) => `${n}: ${mb(rss)}`).join(', ')}`);
  return summary;
}

console.log(`corpus ${corpus} → ${out}; ${os.availableParallelism()} CPUs, Node ${process.versions.node}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await run('first run (empty folder)');
if (values.runs !== '1') await run('second run (same inputs again)');
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; ${fs.readdirSync(out).filter((f) => f.endsWith('.mdx')).length} MDX files`);
if (!values.keep && !values.out) fs.rmSync(out, { recursive: true, force: true });
