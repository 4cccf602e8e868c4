/**
 * `npm run bench:ingest -- --corpus ../shared/corpus/saudinewsnet [--limit N] [--out DIR] [--runs 1|2] [--jobs N]`
 *
 * Ingests a corpus (any input the CLI takes: the SaudiNewsNet ZIPs, a folder, a JSONL file) into a
 * temporary folder with the CLI's own code path (`runIngest`), each run in a fresh process, and
 * prints articles per second, total and CPU time, RSS after 1,000 / 10,000 / 20,000 / all inputs
 * (to show that memory stays flat) and the run's peak RSS. The second run goes over the same
 * folder again: every input must come out `unchanged` or `duplicate`. `--limit N` stops after N
 * inputs; `--jobs N` sets the worker threads (default: the CLI's choice).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandLine, usageError, usageFromHeader } from '../src/cli/args.ts';
import { runIngest, type Summary } from '../src/ingest/io/run.ts';

const USAGE = usageFromHeader(import.meta.url);

const { values } = commandLine(USAGE, {
  options: {
    corpus: { type: 'string' },
    limit: { type: 'string' },
    out: { type: 'string' },
    runs: { type: 'string', default: '2' },
    jobs: { type: 'string' },
    keep: { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
  },
});
if (!values.corpus) usageError('bench:ingest: --corpus PATH is required', USAGE);
const corpus = path.resolve(values.corpus);
const limit = values.limit ? Number(values.limit) : Infinity;
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

interface Figures {
  summary: Summary;
  marks: Array<[number, number]>;
  cpuMs: number;
  maxRss: number;
}

/** One run, in this process: the figures go to stdout as JSON for the parent. */
async function child(out: string): Promise<void> {
  const controller = new AbortController();
  const marks: Array<[number, number]> = [];
  const cpu = process.cpuUsage();
  const summary = await runIngest(
    { paths: [corpus], outDir: out, signal: controller.signal, jobs: values.jobs === undefined ? undefined : Number(values.jobs) },
    {
      line() {},
      progress(p) {
        if (p.inputs === 1000 || p.inputs === 10000 || p.inputs === 20000) marks.push([p.inputs, process.memoryUsage().rss]);
        if (p.inputs >= limit) controller.abort();
      },
    },
  );
  marks.push([summary.inputs, process.memoryUsage().rss]);
  const used = process.cpuUsage(cpu);
  const figures: Figures = { summary, marks, cpuMs: (used.user + used.system) / 1000, maxRss: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(JSON.stringify(figures));
}

function report(label: string, { summary, marks, cpuMs, maxRss }: Figures): void {
  const seconds = summary.elapsedMs / 1000;
  console.log(
    `${label}: ${summary.inputs} inputs in ${seconds.toFixed(2)} s = ${Math.round(summary.inputs / seconds)} articles/s (${summary.jobs} worker threads)`,
  );
  console.log(
    `  ${summary.written} written, ${summary.unchanged} unchanged, ${summary.duplicate} duplicate, ${summary.kept} kept, ${summary.rejected} rejected`,
  );
  console.log(
    `  CPU ${(cpuMs / 1000).toFixed(1)} s; RSS after ${marks.map(([n, rss]) => `${n}: ${mb(rss)}`).join(', ')}; peak RSS ${mb(maxRss)}`,
  );
}

if (values.child) {
  await child(path.resolve(values.out!));
} else {
  const out = values.out ? path.resolve(values.out) : fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-bench-'));
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(`corpus ${corpus} → ${out}; ${os.availableParallelism()} CPUs, Node ${process.versions.node}`);
  const labels = ['first run (empty folder)', 'second run (same inputs again)'].slice(0, values.runs === '1' ? 1 : 2);
  for (const label of labels) {
    const args = [import.meta.filename, '--child', '--corpus', corpus, '--out', out];
    if (values.limit) args.push('--limit', values.limit);
    if (values.jobs) args.push('--jobs', values.jobs);
    const before = load();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`${label} failed: ${run.stderr}`);
    report(`${label}, load average before ${before}`, JSON.parse(run.stdout) as Figures);
  }
  console.log(`${fs.readdirSync(out).filter((f) => f.endsWith('.mdx')).length} MDX files`);
  if (!values.keep && !values.out) fs.rmSync(out, { recursive: true, force: true });
}
