/**
 * `npm run entities:suggest -- [--content DIR] [--text PATH...] [--min-count N] [--limit N]
 *  [--type TYPE] [--json]`
 *
 * Lists likely names of persons, places and organizations that the entity registry does not
 * have yet, most frequent first, with the cue behind each type guess and an example sentence, so
 * an editor can grow `content/entities/`. Reads the articles of the content folder
 * (`$MARSAD_CONTENT_DIR` or `content/`), or with `--text` raw corpora as ingest reads them (plain
 * text, JSONL, JSON arrays, ZIPs of them). Names the registry already matches are left out.
 *
 * An input that gives nothing (a file that cannot be read, a broken ZIP or JSON file, a record
 * without text, an article the site would not build from) is reported on stderr, one line each —
 * `rejected <input>: <reason>`, as ingest reports them — and skipped. Exits 1 when any input was
 * rejected, after reading all the others; 2 on bad options or a registry that breaks a rule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { discoverNames, type Candidate, type DiscoveryDocument, type Evidence, type GuessType } from '../entities/discover.ts';
import { readCorpus, type CorpusProblem } from '../entities/discover/corpus-files.ts';
import { EntityMatcher } from '../entities/matcher.ts';
import type { Mention } from '../entities/mentions.ts';
import { entityNames, loadRegistry, RegistryError, type RegistryEntity } from '../entities/registry.ts';
import { displayPath } from '../entities/registry-rules.ts';
import { readFrontmatter } from '../ingest/index.ts';
import { shownName } from '../core/shown-name.ts';
import { renderArticleBody } from '../render/article.ts';
import { settingsOrExit } from '../settings.ts';
import { articleFiles } from '../site/article-files.ts';
import { entityUrl } from '../site-core/urls.ts';

const USAGE = `usage: npm run entities:suggest -- [--content DIR] [--text PATH...] [--min-count N] [--limit N] [--type TYPE] [--json]
  --content DIR    content folder with articles/ and entities/ (default: $MARSAD_CONTENT_DIR or content)
  --text PATH...   read raw text instead of the articles: .txt (one paragraph a line), .jsonl,
                   .json (objects with title/content or text), .zip of those, or folders of them
  --min-count N    only names seen at least N times (default 1)
  --limit N        print at most N names (default 50; 0 for all)
  --type TYPE      only person, place, organization or unknown
  --json           print the candidates as JSON`;

const TYPE_LABELS: Record<GuessType, string> = {
  person: 'شخص',
  place: 'مكان',
  organization: 'منظمة',
  unknown: 'غير محدد',
};

const RULE_LABELS: Record<Evidence['rule'], string> = {
  title: 'لقب',
  'given-name': 'اسم أول',
  'place-word': 'كلمة مكان',
  'org-word': 'كلمة منظمة',
  'org-name': 'كلمة منظمة',
  dateline: 'سطر المصدر',
  speech: 'فعل قول',
  latin: 'حروف لاتينية',
  lexicon: 'سبق رصده',
  repeated: 'تكرار',
  adjective: 'نسبة',
};

/** "لقب: الرئيس ×3" — the strongest evidence for the guess. */
function evidenceLabel(candidate: Candidate): string {
  const e = candidate.evidence.find((x) => x.type === candidate.type) ?? candidate.evidence[0];
  if (!e) return '';
  const cue = e.cue === e.rule || e.rule === 'repeated' || e.rule === 'dateline' || e.rule === 'latin' ? '' : `: ${e.cue}`;
  return `${RULE_LABELS[e.rule]}${cue} ×${e.count}`;
}

/** The example sentence cut to about `width` characters around the name, which is put in «». */
export function shortExample(sentence: string, [start, end]: [number, number], width = 90): string {
  const room = Math.max(0, width - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(sentence.length, end + (room - (start - from)));
  from = Math.max(0, Math.min(from, to - width));
  // Whole words only.
  if (from > 0) from = sentence.indexOf(' ', from) + 1 || from;
  if (from > start) from = start;
  if (to < sentence.length) {
    const space = sentence.lastIndexOf(' ', to);
    to = space > end ? space : to;
  }
  const text = `${sentence.slice(from, start)}«${sentence.slice(start, end)}»${sentence.slice(end, to)}`.replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '… ' : ''}${text}${to < sentence.length ? ' …' : ''}`;
}

/**
 * The articles of `dir` (`<id>.mdx`, as the site reads them), read with the same MDX parser as the
 * site: title + blocks. A file the site would not build from goes to `problems` and is skipped.
 */
function readArticles(dir: string): { documents: DiscoveryDocument[]; problems: CorpusProblem[] } {
  const noMentions = (): Mention[] => [];
  const files = articleFiles(dir);
  const problems = files.problems.map((p) => ({ input: displayPath(p.file), reason: `${p.message} [${p.rule}]` }));
  const documents = files.articles.flatMap(({ id, file }): DiscoveryDocument[] => {
    let mdx: string;
    try {
      mdx = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({
        input: displayPath(file),
        reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      });
      return [];
    }
    const body = mdx.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
    const frontmatter = readFrontmatter(mdx);
    let paragraphs: string[];
    try {
      paragraphs = renderArticleBody(body, { findMentions: noMentions, hasEntity: () => true, entityUrl }).blocks.map((b) => b.text);
    } catch (error) {
      problems.push({ input: displayPath(file), reason: (error as Error).message.replace(/\s+/g, ' ') });
      return [];
    }
    for (const field of ['standfirst', 'title']) {
      const value = frontmatter?.[field];
      if (typeof value === 'string' && value.trim()) paragraphs.unshift(value);
    }
    return [{ id, paragraphs }];
  });
  return { documents, problems };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        text: { type: 'boolean', default: false },
        'min-count': { type: 'string', default: '1' },
        limit: { type: 'string', default: '50' },
        type: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const minCount = Number(values['min-count']);
  const limit = Number(values.limit);
  const type = values.type as GuessType | undefined;
  const badNumber = !Number.isInteger(minCount) || minCount < 1 || !Number.isInteger(limit) || limit < 0;
  if (badNumber || (type && !(type in TYPE_LABELS)) || (positionals.length > 0 && !values.text)) {
    console.error(USAGE);
    return 2;
  }
  if (values.text && positionals.length === 0) {
    console.error(`--text needs at least one file or folder\n${USAGE}`);
    return 2;
  }

  const contentDir = path.resolve(values.content ?? settingsOrExit().contentDir);
  let registry: RegistryEntity[];
  try {
    registry = loadRegistry(path.join(contentDir, 'entities'));
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    console.error(error.message);
    return 2;
  }
  const matcher = new EntityMatcher(entityNames(registry));
  const { documents, problems } = values.text ? await readCorpus(positionals) : readArticles(path.join(contentDir, 'articles'));
  // One line per input that gave nothing, as ingest reports them; the rest is read as usual.
  for (const { input, reason } of problems) console.error(`rejected ${shownName(input)}: ${reason}`);
  const status = problems.length > 0 ? 1 : 0;

  let candidates = discoverNames(documents, { findKnown: (sentence) => matcher.findMentions(sentence), minCount });
  if (type) candidates = candidates.filter((c) => c.type === type);
  const shown = limit > 0 ? candidates.slice(0, limit) : candidates;

  if (values.json) {
    console.log(JSON.stringify(shown, null, 2));
    return status;
  }
  const source = values.text ? positionals.join('، ') : path.relative(process.cwd(), path.join(contentDir, 'articles')) || '.';
  console.log(
    `أسماء مقترحة للسجل: ${candidates.length} (تُعرض ${shown.length}) — النصوص: ${documents.length} من ${source} — كيانات السجل: ${registry.length}`,
  );
  if (shown.length === 0) return status;
  console.log('العدد  المقالات  النوع      الاسم — الدليل — مثال');
  for (const c of shown) {
    const counts = `${String(c.count).padStart(5)}  ${String(c.articles).padStart(8)}`;
    console.log(`${counts}  ${TYPE_LABELS[c.type].padEnd(9)}  ${c.name} — ${evidenceLabel(c)} — ${shortExample(c.example, c.exampleSpan)}`);
  }
  return status;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));

export { main };
