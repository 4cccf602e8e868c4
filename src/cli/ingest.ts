/**
 * `npm run ingest -- [--out DIR] [--force] [--dry-run] PATH...`
 *
 * Reads raw article files (folders are walked recursively, hidden entries skipped), turns each into
 * `<out>/<id>.mdx` with the ingest library, and prints one line per input:
 *   written <id> <file> | unchanged <id> <file> | duplicate <id> <file> (same as <other>) |
 *   rejected <file>: <reason>
 * Exits 1 when any input was rejected, after handling all the others.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Article, articleId, articleToMdx, ingestBytes, readFrontmatter } from '../ingest/index.ts';

const USAGE = `usage: npm run ingest -- [--out DIR] [--force] [--dry-run] PATH...
  PATH       article files or folders (walked recursively)
  --out DIR  where to write <id>.mdx (default: $MARSAD_CONTENT_DIR/articles or content/articles)
  --force    rewrite articles that already exist (editor changes are lost)
  --dry-run  report what would happen, write nothing`;

/** What the output folder already holds, found by content hash and by raw-input hash. */
interface Existing {
  id: string;
  path: string;
  sourceFile: string;
}

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const outDir = path.resolve(
    values.out ?? (process.env.MARSAD_CONTENT_DIR ? path.join(process.env.MARSAD_CONTENT_DIR, 'articles') : 'content/articles'),
  );
  const dryRun = values['dry-run'];
  const suffix = dryRun ? ' (dry run)' : '';

  const byContent = new Map<string, Existing>();
  const byInput = new Map<string, Existing>();
  for (const existing of readExisting(outDir)) {
    byContent.set(existing.contentHash, existing);
    byInput.set(existing.sha256, existing);
  }

  let rejected = 0;
  for (const input of expandPaths(positionals)) {
    if ('error' in input) {
      console.log(`rejected ${input.file}: ${input.error}`);
      rejected++;
      continue;
    }
    const result = ingestBytes(input.bytes, path.basename(input.file));
    if (!result.ok) {
      console.log(`rejected ${input.file}: ${result.reason}`);
      rejected++;
      continue;
    }
    const article = result.article;
    const sameInput = byInput.get(article.source.sha256);
    const sameContent = byContent.get(article.contentHash);
    const known = sameInput ?? sameContent;
    if (known && !values.force) {
      // Unchanged: this very file was ingested before. Duplicate: another file had the same text.
      console.log(
        sameInput?.sourceFile === article.source.file
          ? `unchanged ${known.id} ${input.file}`
          : `duplicate ${known.id} ${input.file} (same as ${known.sourceFile})`,
      );
      continue;
    }
    // Ids never change: a forced rewrite goes to the existing file.
    const target = known ?? newTarget(outDir, article);
    const written = { ...article, id: target.id };
    if (!dryRun) writeAtomic(target.path, articleToMdx(written));
    const entry = { id: target.id, path: target.path, sourceFile: article.source.file };
    byContent.set(article.contentHash, entry);
    byInput.set(article.source.sha256, entry);
    console.log(`written ${target.id} ${input.file}${suffix}`);
  }
  return rejected > 0 ? 1 : 0;
}

/** Articles already in the output folder, from their frontmatter. */
function readExisting(outDir: string): Array<Existing & { contentHash: string; sha256: string }> {
  if (!fs.existsSync(outDir)) return [];
  return fs
    .readdirSync(outDir)
    .filter((name) => name.endsWith('.mdx'))
    .flatMap((name) => {
      const file = path.join(outDir, name);
      const data = readFrontmatter(fs.readFileSync(file, 'utf8'));
      const source = data?.source as { file?: unknown; sha256?: unknown } | undefined;
      if (typeof data?.contentHash !== 'string') return [];
      return [
        {
          id: name.slice(0, -'.mdx'.length),
          path: file,
          contentHash: data.contentHash,
          sha256: typeof source?.sha256 === 'string' ? source.sha256 : '',
          sourceFile: typeof source?.file === 'string' ? source.file : name,
        },
      ];
    });
}

/** `<id>.mdx` for a new article; a longer id if a different file already has that name. */
function newTarget(outDir: string, article: Article): { id: string; path: string } {
  for (const length of [article.id.length, 16, 24, 64]) {
    const id = articleId(article.contentHash, length);
    const file = path.join(outDir, `${id}.mdx`);
    if (!fs.existsSync(file)) return { id, path: file };
  }
  throw new Error(`cannot name ${article.contentHash}: every candidate file exists`);
}

/** Writes via a temporary file in the same folder and a rename, so readers never see half a file. */
function writeAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, file);
}

type Input = { file: string; bytes: Uint8Array } | { file: string; error: string };

/** Files named on the command line, and every non-hidden file under named folders, sorted. */
function* expandPaths(paths: string[]): Generator<Input> {
  for (const p of paths) {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch (error) {
      yield { file: p, error: `cannot read: ${describe(error)}` };
      continue;
    }
    if (stat.isDirectory()) yield* walk(p);
    else yield readInput(p);
  }
}

function* walk(dir: string): Generator<Input> {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    yield { file: dir, error: `cannot read folder: ${describe(error)}` };
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(file);
    else if (entry.isFile()) yield readInput(file);
  }
}

function readInput(file: string): Input {
  try {
    return { file, bytes: fs.readFileSync(file) };
  } catch (error) {
    return { file, error: `cannot read: ${describe(error)}` };
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code === 'ENOENT' ? 'no such file or folder' : e.code === 'EACCES' ? 'permission denied' : e.message;
}

process.exitCode = main(process.argv.slice(2));
