/**
 * Entity linking on real news, measured on the judged set `bench/entities/judged.json`:
 *
 *   npm run eval:entities [-- --corpus ../shared/corpus/saudinewsnet] [--work DIR] [--reuse]
 *                            [--errors N] [--json FILE] [--no-goal]
 *
 * 1. takes the judged records out of the corpus ZIPs (by day and index) into a JSON Lines file;
 * 2. ingests them with the project's ingest CLI, with the registry `content/entities` +
 *    `bench/scale/registry` (as `npm run bench:scale` builds it);
 * 3. builds the site (`astro build`, as `npm run build`'s first step) — or, with `--reuse`, reads
 *    the build of a previous run in the same `--work` folder;
 * 4. reads what the built site links, article by article and zone by zone, from
 *    `dist/data/graph.json`, and scores it against the judgments (bench/entities/README.md):
 *    precision, recall and F1 overall (article–entity pairs), per zone (article–entity–zone
 *    triples) and per outlet; false positives by the class judged for them, false negatives by
 *    zone; then each error.
 * Exits 1 when precision < 0.98 or recall < 0.93 (the goal of the entity-linking issue), unless
 * `--no-goal`, or when a step fails; 2 on a usage error.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { projectRoot } from './lib/build.ts';
import { DEFAULT_CORPUS, parseRecordKey, readCorpusDay, type CorpusRecord } from './lib/corpus.ts';
import type { Graph } from '../src/site/graph.ts';
import { mentionZones, type MentionZone } from '../src/entities/mentions.ts';
import { readFrontmatter } from '../src/ingest/index.ts';

const USAGE = usageFromHeader(import.meta.url);

const run = promisify(execFile);
const GOAL = { precision: 0.98, recall: 0.93 };

const { values: args } = commandLine(USAGE, {
  options: {
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    set: { type: 'string', default: path.join(projectRoot, 'bench/entities/judged.json') },
    work: { type: 'string', default: path.join(os.tmpdir(), 'marsad-eval-entities') },
    reuse: { type: 'boolean', default: false },
    errors: { type: 'string', default: '1000' },
    json: { type: 'string' },
    goal: { type: 'boolean', default: true },
    'zone-errors': { type: 'boolean', default: false },
  },
  allowNegative: true,
});

interface JudgedMention {
  entity: string;
  zones: MentionZone[];
  as: string[];
  pass: 'read' | 'scan';
}
interface JudgedArticle {
  key: string;
  outlet: string;
  url: string;
  mentions: JudgedMention[];
  negatives: { entity: string; as: string; class: string }[];
  uncertain: { entity: string; as: string; why: string }[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const work = path.resolve(args.work!);
const content = path.join(work, 'content');
const dist = path.join(work, 'dist');

const judged = JSON.parse(await readFile(args.set!, 'utf8')) as { articles: JudgedArticle[] };

async function registryFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of ['content/entities', 'bench/scale/registry']) {
    for (const f of (await readdir(path.join(projectRoot, dir))).filter((f) => f.endsWith('.json')))
      out.push(path.join(projectRoot, dir, f));
  }
  return out;
}

if (!args.reuse) {
  await rm(work, { recursive: true, force: true });
  await mkdir(path.join(content, 'entities'), { recursive: true });
  for (const file of await registryFiles()) await copyFile(file, path.join(content, 'entities', path.basename(file)));

  log(`reading ${judged.articles.length} judged records from ${args.corpus}…`);
  const days = new Map<string, CorpusRecord[]>();
  const lines: string[] = [];
  for (const a of judged.articles) {
    const { day, index } = parseRecordKey(a.key);
    if (!days.has(day)) days.set(day, await readCorpusDay(args.corpus!, day));
    const record = days.get(day)![index];
    if (!record || record.url !== a.url)
      throw new Error(`${a.key}: the corpus record there is not the judged one (url ${record?.url ?? 'none'}, judged ${a.url})`);
    lines.push(JSON.stringify(record));
  }
  const records = path.join(work, 'records.jsonl');
  await writeFile(records, `${lines.join('\n')}\n`);

  log('ingesting with the project’s ingest…');
  const ingest = await run(
    process.execPath,
    [path.join(projectRoot, 'src/cli/ingest.ts'), '--out', path.join(content, 'articles'), records],
    { cwd: projectRoot },
  ).catch((e) => e as { stdout: string; stderr: string; code: number });
  await writeFile(path.join(work, 'ingest.log'), `${ingest.stdout}\n${ingest.stderr}`);

  log('building the site (astro build)…');
  try {
    await run(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        MARSAD_CONTENT_DIR: content,
        MARSAD_OUT_DIR: dist,
        MARSAD_CACHE_DIR: path.join(work, 'cache'),
      },
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`astro build failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

// Which article (by id) each judged record became: the ingest writes `records.jsonl#<line>`, from 1.
const keyOfArticle = new Map<string, string>();
for (const file of (await readdir(path.join(content, 'articles'))).filter((f) => f.endsWith('.mdx'))) {
  const frontmatter = readFrontmatter(await readFile(path.join(content, 'articles', file), 'utf8'));
  const source = (frontmatter?.source as { file?: string } | undefined)?.file ?? '';
  const line = /#(\d+)$/.exec(source);
  if (line) keyOfArticle.set(file.slice(0, -'.mdx'.length), judged.articles[Number(line[1]) - 1]!.key);
}
const graph = JSON.parse(await readFile(path.join(dist, 'data/graph.json'), 'utf8')) as Graph;
/** Judged key → entity → zones the site links. */
const linked = new Map<string, Map<string, Set<MentionZone>>>();
for (const article of graph.articles) {
  const key = keyOfArticle.get(article.id);
  if (!key) continue;
  linked.set(key, new Map(article.entities.map((e) => [e.id, new Set(Object.keys(e.zones ?? { body: e.count }) as MentionZone[])])));
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const score = (t: Tally) => {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...t, precision, recall, f1 };
};

const overall = tally();
const aboutOnly = tally();
const byZone = new Map<MentionZone, Tally>(mentionZones.map((z) => [z, tally()]));
const byOutlet = new Map<string, Tally>();
const fpClasses = new Map<string, number>();
const fnClasses = new Map<string, number>();
const errors: string[] = [];
/** Pairs right overall but with a zone wrong (shown with --zone-errors). */
const zoneErrors: string[] = [];
const missing: string[] = [];

for (const a of judged.articles) {
  const site = linked.get(a.key);
  if (!site) missing.push(a.key);
  const got = site ?? new Map<string, Set<MentionZone>>();
  const gold = new Map(a.mentions.map((m) => [m.entity, new Set(m.zones)]));
  const uncertain = new Set(a.uncertain.map((u) => u.entity));
  const outlet = byOutlet.get(a.outlet) ?? tally();
  byOutlet.set(a.outlet, outlet);
  for (const [entity, zones] of gold) {
    const hit = got.has(entity);
    overall[hit ? 'tp' : 'fn'] += 1;
    outlet[hit ? 'tp' : 'fn'] += 1;
    const goldAbout = zones.has('title') || zones.has('body');
    const siteAbout = hit && (got.get(entity)!.has('title') || got.get(entity)!.has('body'));
    if (goldAbout) aboutOnly[siteAbout ? 'tp' : 'fn'] += 1;
    else if (siteAbout) aboutOnly.fp += 1;
    for (const zone of zones) {
      const zoneHit = got.get(entity)?.has(zone) ?? false;
      byZone.get(zone)![zoneHit ? 'tp' : 'fn'] += 1;
      if (!zoneHit && hit) zoneErrors.push(`zone FN ${a.key} ${a.outlet} ${entity} ${zone}`);
    }
    if (!hit) {
      // The class of a miss: the zone a reader would have seen it in first.
      const cls = zones.has('outlet')
        ? 'outlet'
        : zones.has('title') || zones.has('body')
          ? zones.has('body')
            ? 'body'
            : 'title only'
          : zones.has('dateline')
            ? 'dateline'
            : 'credit';
      fnClasses.set(cls, (fnClasses.get(cls) ?? 0) + 1);
      const m = a.mentions.find((x) => x.entity === entity)!;
      errors.push(`FN ${a.key} ${a.outlet} ${entity} [${[...zones].join(',')}] as «${m.as.join('», «')}»`);
    }
  }
  for (const [entity, zones] of got) {
    for (const zone of zones) {
      if (!gold.get(entity)?.has(zone) && !uncertain.has(entity)) {
        byZone.get(zone)!.fp += 1;
        if (gold.has(entity)) zoneErrors.push(`zone FP ${a.key} ${a.outlet} ${entity} ${zone}`);
      }
    }
    if (gold.has(entity) || uncertain.has(entity)) continue;
    overall.fp += 1;
    outlet.fp += 1;
    if (zones.has('title') || zones.has('body')) aboutOnly.fp += 1;
    const negative = a.negatives.find((n) => n.entity === entity);
    const cls = negative?.class ?? 'unjudged';
    fpClasses.set(cls, (fpClasses.get(cls) ?? 0) + 1);
    errors.push(`FP ${a.key} ${a.outlet} ${entity} [${[...zones].join(',')}] ${negative ? `${cls}: «${negative.as}»` : 'not judged'}`);
  }
}

const pct = (x: number) => x.toFixed(3);
const row = (name: string, t: Tally) => {
  const s = score(t);
  return `${name.padEnd(16)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}   ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}`;
};
const out: string[] = [];
out.push(
  `judged set: ${judged.articles.length} articles, ${judged.articles.reduce((n, a) => n + a.mentions.length, 0)} judged pairs; ${missing.length} not on the site${missing.length ? ` (${missing.join(' ')})` : ''}`,
);
out.push('');
out.push(`${''.padEnd(16)} P      R      F1        TP   FP   FN`);
out.push(row('all zones', overall));
out.push(row('title + body', aboutOnly));
for (const [zone, t] of byZone) out.push(row(`  ${zone}`, t));
out.push('');
for (const [outlet, t] of [...byOutlet].sort()) out.push(row(outlet, t));
out.push('');
out.push(
  `false positives by class: ${
    [...fpClasses]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ') || 'none'
  }`,
);
out.push(
  `false negatives by zone:  ${
    [...fnClasses]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ') || 'none'
  }`,
);
const limit = Number(args.errors);
if (limit > 0 && errors.length > 0) {
  out.push('');
  out.push(...errors.sort().slice(0, limit));
}
if (args['zone-errors'] && zoneErrors.length > 0) {
  out.push('');
  out.push(...zoneErrors.sort());
}
console.log(out.join('\n'));

const result = score(overall);
if (args.json) {
  await writeFile(
    args.json,
    `${JSON.stringify(
      {
        overall: result,
        titleAndBody: score(aboutOnly),
        zones: Object.fromEntries([...byZone].map(([z, t]) => [z, score(t)])),
        outlets: Object.fromEntries([...byOutlet].map(([o, t]) => [o, score(t)])),
        falsePositives: Object.fromEntries(fpClasses),
        falseNegatives: Object.fromEntries(fnClasses),
        missing,
      },
      null,
      2,
    )}\n`,
  );
}
const met = result.precision >= GOAL.precision && result.recall >= GOAL.recall;
console.log(`\ngoal (P ≥ ${GOAL.precision}, R ≥ ${GOAL.recall}): ${met ? 'met' : 'not met'}`);
if (args.goal && !met) process.exitCode = 1;
