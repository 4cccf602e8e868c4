/** `src/cli/ingest.ts` end to end: real files in a temp folder, the CLI run by Node 24. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFrontmatter, splitMdxHash, withMdxHash } from '../../src/ingest/index.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { CLI, outcome, outFiles, ROOT, runIngestCli } from './support/cli.ts';
import { compileLikeAstro } from './support/render.ts';

const SEEDS = path.join(import.meta.dirname, 'fixtures', 'seeds');
const RECORDS = path.join(import.meta.dirname, 'fixtures', 'records', 'saudi-style.json');
const MARKDOWN = path.join(import.meta.dirname, 'fixtures', 'markdown', 'article.md');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-ingest-'));
  fs.mkdirSync(path.join(dir, 'in', 'nested'), { recursive: true });
  const seeds = fs.readdirSync(SEEDS).sort();
  seeds.slice(0, 4).forEach((f) => fs.copyFileSync(path.join(SEEDS, f), path.join(dir, 'in', f)));
  fs.copyFileSync(path.join(SEEDS, seeds[4]!), path.join(dir, 'in', 'nested', seeds[4]!));
  fs.writeFileSync(path.join(dir, 'in', 'photo.jpg'), Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ingest = (args: string[], options: { env?: NodeJS.ProcessEnv; input?: string | Uint8Array } = {}) => runIngestCli(dir, args, options);

describe('npm run ingest', { timeout: 120_000 }, () => {
  it('runs on Node 24 (type stripping)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('writes good files, rejects the bad one by name, exits 1, and prints a summary', () => {
    const { code, lines, summary, stderr } = ingest(['--out', 'out', 'in']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(outcome(lines, 'written')).toHaveLength(5);
    expect(outcome(lines, 'rejected')).toEqual([
      `rejected ${path.join('in', 'photo.jpg')}: binary file (contains NUL or control bytes), not text`,
    ]);
    expect(summary).toMatch(/^done: 6 inputs in \d+\.\d s \(\d+ articles\/s\): 5 written, 0 unchanged, 0 duplicate, 0 kept, 1 rejected$/);
    const files = outFiles(path.join(dir, 'out'));
    expect(files).toHaveLength(5);
    for (const line of outcome(lines, 'written')) {
      const [, id, file] = line.split(' ');
      const mdx = fs.readFileSync(path.join(dir, 'out', `${id}.mdx`), 'utf8');
      expect(readFrontmatter(mdx)?.source).toMatchObject({ file: path.basename(file!) });
      expect(mdx).toMatch(/\nmdxHash: [0-9a-f]{64}\n---\n/);
    }
    expect(files.every((f) => /^[0-9a-f]{12}\.mdx$/.test(f))).toBe(true);
  });

  it('reads the records of a wrapper object ({"articles": [...]}) with HTML bodies, one line each', () => {
    const seedText = (i: number) =>
      fs.readFileSync(
        path.join(
          dir,
          'in',
          fs
            .readdirSync(path.join(dir, 'in'))
            .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
            .sort()[i]!,
        ),
        'utf8',
      );
    const html = (text: string) =>
      text
        .split(/\n+/)
        .filter(Boolean)
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('');
    const wrapper = {
      status: 'ok',
      articles: [
        { title: 'الأول', content: html(seedText(0)) },
        { title: 'الثاني', content: html(seedText(1)) },
      ],
    };
    fs.writeFileSync(path.join(dir, 'export.json'), JSON.stringify(wrapper));
    const { code, lines } = ingest(['--out', 'out', 'export.json']);
    expect(code).toBe(0);
    expect(outcome(lines, 'written').map((l) => l.split(' ')[2])).toEqual(['export.json#1', 'export.json#2']);
    for (const file of outFiles(path.join(dir, 'out')))
      expect(fs.readFileSync(path.join(dir, 'out', file), 'utf8')).not.toMatch(/<p>|&lt;p/);
  });

  it('is idempotent: a second run writes nothing and reports every input unchanged', () => {
    ingest(['--out', 'out', 'in']);
    const before = outFiles(path.join(dir, 'out')).map((f) => [
      f,
      fs.statSync(path.join(dir, 'out', f)).mtimeMs,
      fs.readFileSync(path.join(dir, 'out', f), 'utf8'),
    ]);
    const { code, lines } = ingest(['--out', 'out', 'in']);
    expect(code).toBe(1);
    expect(outcome(lines, 'unchanged')).toHaveLength(5);
    expect(outcome(lines, 'written')).toHaveLength(0);
    const after = outFiles(path.join(dir, 'out')).map((f) => [
      f,
      fs.statSync(path.join(dir, 'out', f)).mtimeMs,
      fs.readFileSync(path.join(dir, 'out', f), 'utf8'),
    ]);
    expect(after).toEqual(before);
  });

  it('reports the same text in another file, encoding or spacing, or with other tashkeel, as a duplicate', () => {
    const seed = fs.readFileSync(path.join(dir, 'in', '001_47fcac9e9e7e3a4e.txt'), 'utf8');
    fs.writeFileSync(path.join(dir, 'copy.txt'), `\uFEFF${seed.replace(/\n/g, '\r\n')}\n\n`);
    fs.writeFileSync(path.join(dir, 'respaced.txt'), seed.replace(/ /g, '  ').replace(/روسيا/g, 'روسيَا').replace(/\n\n/g, '\n'));
    const { code, lines } = ingest(['--out', 'out', 'in/001_47fcac9e9e7e3a4e.txt', 'copy.txt', 'respaced.txt']);
    expect(code).toBe(0);
    const id = lines[0]!.split(' ')[1];
    expect(lines).toEqual([
      `written ${id} in/001_47fcac9e9e7e3a4e.txt`,
      `duplicate ${id} copy.txt (same as 001_47fcac9e9e7e3a4e.txt)`,
      `duplicate ${id} respaced.txt (same as 001_47fcac9e9e7e3a4e.txt)`,
    ]);
    expect(outFiles(path.join(dir, 'out'))).toEqual([`${id}.mdx`]);
    // Across runs too: the index is read from the folder's frontmatter.
    expect(ingest(['--out', 'out', 'respaced.txt']).lines).toEqual([`duplicate ${id} respaced.txt (same as 001_47fcac9e9e7e3a4e.txt)`]);
  });

  it('keeps articles edited by hand unless --force, and keeps the id when forced', () => {
    const [first] = ingest(['--out', 'out', 'in/003_b9be8d79b01e2d8f.txt']).lines;
    const id = first!.split(' ')[1]!;
    const file = path.join(dir, 'out', `${id}.mdx`);
    const edited = fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: عنوان عدله المحرر');
    fs.writeFileSync(file, edited);
    expect(ingest(['--out', 'out', 'in/003_b9be8d79b01e2d8f.txt']).lines).toEqual([
      `kept ${id} in/003_b9be8d79b01e2d8f.txt: edited by hand since it was ingested (--force overwrites)`,
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe(edited);
    expect(ingest(['--out', 'out', '--force', 'in/003_b9be8d79b01e2d8f.txt']).lines).toEqual([
      `written ${id} in/003_b9be8d79b01e2d8f.txt (updated)`,
    ]);
    expect(fs.readFileSync(file, 'utf8')).not.toBe(edited);
    expect(outFiles(path.join(dir, 'out'))).toEqual([`${id}.mdx`]);
  });

  it('rewrites an unedited article when ingest now writes it differently', () => {
    const record = (content: string) => JSON.stringify({ title: 'خبر للتجربة', url: 'https://example.com/news/7', content });
    fs.writeFileSync(path.join(dir, 'v1.jsonl'), `${record('قال الوزير إن الاجتماع كان مثمراً.\nوأضاف أن العمل مستمر.')}\n`);
    const [first] = ingest(['--out', 'out', 'v1.jsonl']).lines;
    const id = first!.split(' ')[1]!;
    const file = path.join(dir, 'out', `${id}.mdx`);
    // An older ingest wrote the article differently (here: a paragraph split); nobody edited it since.
    const old = fs.readFileSync(file, 'utf8');
    const stale = old.replace('\n\nوأضاف', ' وأضاف');
    fs.writeFileSync(file, withMdxHash(splitMdxHash(stale).mdx));
    expect(ingest(['--out', 'out', 'v1.jsonl']).lines).toEqual([`written ${id} v1.jsonl#1 (updated)`]);
    expect(fs.readFileSync(file, 'utf8')).toBe(old);
  });

  it('writes two texts that share a URL in one run as two articles (a scraper fault, not a correction)', () => {
    const record = (title: string) =>
      JSON.stringify({ title, url: 'https://example.com/', content: `قال المتحدث إن ${title} صدر اليوم.\nوأضاف أن التفاصيل تتبع.` });
    fs.writeFileSync(path.join(dir, 'same-url.jsonl'), [record('البيان الأول'), record('البيان الثاني')].join('\n'));
    const { lines } = ingest(['--out', 'out', 'same-url.jsonl']);
    expect(outcome(lines, 'written')).toHaveLength(2);
    expect(outFiles(path.join(dir, 'out'))).toHaveLength(2);
    // A site's home page names no article: a later run does not update either of them.
    fs.writeFileSync(path.join(dir, 'later.jsonl'), record('البيان الثالث'));
    expect(outcome(ingest(['--out', 'out', 'later.jsonl']).lines, 'written')).toEqual([expect.not.stringContaining('updated')]);
    expect(outFiles(path.join(dir, 'out'))).toHaveLength(3);
  });

  it('leaves the seed articles (written before mdxHash) unchanged', () => {
    fs.mkdirSync(path.join(dir, 'content'));
    fs.cpSync(path.join(ROOT, 'content', 'articles'), path.join(dir, 'content', 'articles'), { recursive: true });
    const before = fs
      .readdirSync(path.join(dir, 'content', 'articles'))
      .map((f) => fs.readFileSync(path.join(dir, 'content', 'articles', f), 'utf8'));
    const { lines } = ingest([SEEDS], { env: { MARSAD_CONTENT_DIR: path.join(dir, 'content') } });
    expect(outcome(lines, 'unchanged')).toHaveLength(5);
    const after = fs
      .readdirSync(path.join(dir, 'content', 'articles'))
      .map((f) => fs.readFileSync(path.join(dir, 'content', 'articles', f), 'utf8'));
    expect(after).toEqual(before);
  });

  it('writes nothing with --dry-run', () => {
    const { lines } = ingest(['--out', 'out', '--dry-run', 'in/nested']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^written [0-9a-f]{12} in\/nested\/004_9ab9486eea080e7c\.txt \(dry run\)$/);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('writes to $MARSAD_CONTENT_DIR/articles by default', () => {
    const { code } = ingest(['in/nested'], { env: { MARSAD_CONTENT_DIR: 'site-content' } });
    expect(code).toBe(0);
    expect(outFiles(path.join(dir, 'site-content', 'articles'))).toHaveLength(1);
  });

  it('rejects each bad input with one line naming it and the reason, and still writes the rest', () => {
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'blank.txt'), ' \n\n\t \u00A0\n');
    fs.writeFileSync(path.join(dir, 'english.txt'), 'Russia and Turkey agree.\n\nThe two presidents met in Sochi.');
    fs.writeFileSync(
      path.join(dir, 'binary.dat'),
      Uint8Array.from({ length: 256 }, (_, i) => i),
    );
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'broken.txt'));
    const big = fs.openSync(path.join(dir, 'big.txt'), 'w');
    const chunk = Buffer.from('قال الوزير إن الاجتماع كان مثمراً.\n'.repeat(10000));
    for (let size = 0; size < 50 * 1024 * 1024; size += chunk.length) fs.writeSync(big, chunk);
    fs.closeSync(big);
    fs.truncateSync(path.join(dir, 'big.txt'), 50 * 1024 * 1024);
    const files = ['empty.txt', 'blank.txt', 'english.txt', 'binary.dat', 'broken.txt', 'big.txt', 'missing.txt', 'in/nested'];
    const { code, lines } = ingest(['--out', 'out', ...files]);
    expect(code).toBe(1);
    expect(lines.slice(0, 7)).toEqual([
      'rejected empty.txt: empty file',
      'rejected blank.txt: only whitespace, no text',
      'rejected english.txt: no Arabic text',
      'rejected binary.dat: binary file (contains NUL or control bytes), not text',
      'rejected broken.txt: cannot read: no such file or folder',
      'rejected big.txt: too large for one article (50.0 MB; the limit is 2 MB): give several articles as JSON Lines records',
      'rejected missing.txt: cannot read: no such file or folder',
    ]);
    expect(lines[7]).toMatch(/^written [0-9a-f]{12} in\/nested\/004/);
    expect(outFiles(path.join(dir, 'out'))).toHaveLength(1);
  });

  it('stops with one line and exit code 2 when the output folder cannot be used', () => {
    fs.writeFileSync(path.join(dir, 'not-a-folder'), '');
    const run = spawnSync(process.execPath, [CLI, '--out', 'not-a-folder', 'in'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      `ingest stopped: cannot use output folder ${path.join(fs.realpathSync(dir), 'not-a-folder')}: it is a file, not a folder (ENOTDIR)`,
    );
    const below = spawnSync(process.execPath, [CLI, '--out', 'not-a-folder/articles', 'in'], { cwd: dir, encoding: 'utf8' });
    expect(below.status).toBe(2);
    expect(below.stderr.trim()).toBe(
      `ingest stopped: cannot create output folder ${path.join(fs.realpathSync(dir), 'not-a-folder/articles')}: ${path.join(fs.realpathSync(dir), 'not-a-folder')} is a file, not a folder (ENOTDIR)`,
    );
  });

  it('reads a folder that cannot be listed as a rejected input', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.chmodSync(path.join(dir, 'locked'), 0);
    const { lines } = ingest(['--out', 'out', 'locked']);
    fs.chmodSync(path.join(dir, 'locked'), 0o755);
    expect(lines).toEqual(['rejected locked: cannot read folder: permission denied']);
  });

  it('reads JSON records, JSON Lines, Markdown, ZIP archives and stdin', () => {
    fs.copyFileSync(RECORDS, path.join(dir, 'day.json'));
    fs.copyFileSync(MARKDOWN, path.join(dir, 'article.md'));
    const records = JSON.parse(fs.readFileSync(RECORDS, 'utf8')) as unknown[];
    fs.writeFileSync(
      path.join(dir, 'day.jsonl'),
      records
        .slice(0, 3)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'archive.zip'),
      zipSync({ 'day.json': strToU8(JSON.stringify(records.slice(3, 5))), 'notes/a.md': fs.readFileSync(MARKDOWN) }),
    );
    const { lines: jsonLines } = ingest(['--out', 'out', 'day.json']);
    expect(jsonLines.filter((l) => !l.startsWith('  '))).toHaveLength(records.length);
    expect(jsonLines[0]).toMatch(/^written [0-9a-f]{12} day\.json#1$/);
    expect(outcome(jsonLines, 'rejected').map((l) => l.replace(/^rejected day\.json#(\d+):.*$/, '$1'))).toEqual(['8', '12']);

    // The same records again, in other containers: duplicates of what day.json wrote; the
    // Markdown file again under another name: a duplicate of the ZIP's copy.
    const { lines } = ingest(['--out', 'out', 'day.jsonl', 'archive.zip', 'article.md']);
    expect(lines).toEqual([
      expect.stringMatching(/^duplicate [0-9a-f]{12} day\.jsonl#1 \(same as day\.json#1\)$/),
      expect.stringMatching(/^duplicate [0-9a-f]{12} day\.jsonl#2 \(same as day\.json#2\)$/),
      expect.stringMatching(/^duplicate [0-9a-f]{12} day\.jsonl#3 \(same as day\.json#3\)$/),
      expect.stringMatching(/^duplicate [0-9a-f]{12} archive\.zip\/day\.json#1 \(same as day\.json#4\)$/),
      expect.stringMatching(/^duplicate [0-9a-f]{12} archive\.zip\/day\.json#2 \(same as day\.json#5\)$/),
      expect.stringMatching(/^written [0-9a-f]{12} archive\.zip\/notes\/a\.md$/),
      expect.stringMatching(/^duplicate [0-9a-f]{12} article\.md \(same as archive\.zip\/notes\/a\.md\)$/),
    ]);
    expect(ingest(['--out', 'out', 'day.json']).lines.filter((l) => l.startsWith('unchanged'))).toHaveLength(records.length - 3);

    const stdin = ingest(['--out', 'out', '-'], { input: 'عنوان من المدخل القياسي\n\nقال الوزير إن الوضع مستقر تماماً.' });
    expect(stdin.lines).toEqual([expect.stringMatching(/^written [0-9a-f]{12} stdin$/)]);
    const piped = ingest(['--out', 'out', '--format', 'jsonl', '-'], {
      input: JSON.stringify({ title: 'خبر عبر الأنبوب', content: 'قال المتحدث إن الخطة جاهزة للتنفيذ.' }),
    });
    expect(piped.lines).toEqual([expect.stringMatching(/^written [0-9a-f]{12} stdin#1$/)]);

    for (const file of outFiles(path.join(dir, 'out'))) {
      const mdx = fs.readFileSync(path.join(dir, 'out', file), 'utf8');
      expect(() => articleSchema.parse(readFrontmatter(mdx))).not.toThrow();
      expect(() => compileLikeAstro(mdx)).not.toThrow();
    }
  });

  it('reports a broken ZIP, bad JSON and bad records one line each', () => {
    fs.writeFileSync(
      path.join(dir, 'broken.zip'),
      Uint8Array.from([
        0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
      ]),
    );
    fs.writeFileSync(path.join(dir, 'notjson.json'), 'هذا ليس JSON');
    fs.writeFileSync(path.join(dir, 'cut.json'), '[{"title": "خبر", "content": "قال الوزير إن');
    fs.writeFileSync(
      path.join(dir, 'mixed.jsonl'),
      '{"content": "عنوان الخبر\\nقال الوزير إن الاجتماع كان مثمراً."}\nnot json\n{"body": ""}\n"a string"\n{"content": "سطر واحد فقط"}\n',
    );
    const { lines } = ingest(['--out', 'out', 'broken.zip', 'notjson.json', 'cut.json', 'mixed.jsonl']);
    expect(lines).toEqual([
      expect.stringMatching(/^rejected broken\.zip: not a readable ZIP archive/),
      'rejected notjson.json: not JSON: it starts with "Ù", not "[" or "{"'.replace('Ù', String.fromCharCode(0xd9)),
      'rejected cut.json#1: invalid JSON: the file ends inside this record',
      expect.stringMatching(/^written [0-9a-f]{12} mixed\.jsonl#1$/),
      expect.stringMatching(/^rejected mixed\.jsonl#2: invalid JSON \(/),
      'rejected mixed.jsonl#3: empty "body" field: no article text',
      'rejected mixed.jsonl#4: not an article record: a JSON string, expected an object',
      'rejected mixed.jsonl#5: no article body: the text is one line (a title at most)',
    ]);
  });

  it('loses no record after one that lost its closing brace: every input is written or rejected by name', () => {
    const records = Array.from({ length: 20 }, (_, i) => ({
      title: `خبر رقم ${i + 1} عن اجتماع المجلس`,
      content: `قال المتحدث في البيان رقم ${i + 1} إن المجلس ناقش الخطة الجديدة.\nوأضاف أن التنفيذ يبدأ الشهر المقبل في المناطق كلها.`,
    }));
    const text = JSON.stringify(records, null, 1);
    const close10 = text.lastIndexOf('}', text.indexOf('"خبر رقم 11 '));
    fs.writeFileSync(path.join(dir, 'day.json'), text.slice(0, close10) + text.slice(close10 + 1));
    const { lines } = ingest(['--out', 'out', 'day.json']);
    expect(lines.filter((l) => l.startsWith('written'))).toHaveLength(19);
    expect(lines.filter((l) => !l.startsWith('written'))).toEqual([
      'rejected day.json#10: invalid JSON: this record is not closed (a "}" is missing) before the next record',
    ]);
    expect(outFiles(path.join(dir, 'out'))).toHaveLength(19);
  });

  it('says so for a ZIP entry whose path leaves the archive, and prints every name on one line', () => {
    const body = strToU8('عنوان الخبر\n\nقال المتحدث إن المجلس ناقش الخطة الجديدة في اجتماعه.');
    fs.writeFileSync(
      path.join(dir, 'climb.zip'),
      zipSync({ '../evil.txt': body, 'a/../../b.txt': body, 'ok.txt': body, '.hidden.txt': body }),
    );
    fs.writeFileSync(path.join(dir, 'only.zip'), zipSync({ '../x.txt': body }));
    fs.mkdirSync(path.join(dir, 'in2'));
    // A file name holding a newline and a forged report line, and one with a right-to-left override.
    fs.writeFileSync(path.join(dir, 'in2', 'a\nwritten 000000000000 forged.txt'), body);
    fs.writeFileSync(path.join(dir, 'in2', 'b\u202etxt.exe'), body);
    const { lines } = ingest(['--out', 'out', 'climb.zip', 'only.zip', 'in2']);
    expect(lines).toEqual([
      'rejected climb.zip/../evil.txt: its path leaves the archive ("/" or "..") and is not read',
      'rejected climb.zip/a/../../b.txt: its path leaves the archive ("/" or "..") and is not read',
      expect.stringMatching(/^written [0-9a-f]{12} climb\.zip\/ok\.txt$/),
      'rejected only.zip/../x.txt: its path leaves the archive ("/" or "..") and is not read',
      expect.stringMatching(/^duplicate [0-9a-f]{12} in2\/a\\nwritten 000000000000 forged\.txt \(same as climb\.zip\/ok\.txt\)$/),
      expect.stringMatching(/^duplicate [0-9a-f]{12} in2\/b\\u202etxt\.exe /),
    ]);
  });

  it('draws a progress bar on a terminal, and prints plain lines off one', () => {
    const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (script.status !== 0) return; // no `script` to give the CLI a terminal
    const run = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --out out in`, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stdout).toMatch(/\ringest \[[█░]+\] +\d+% \d+ inputs/);
    expect(run.stdout).toContain('\r\x1b[K');
    expect(run.stdout).toMatch(/done: 6 inputs/);
    // Off a terminal: no bar, nothing on stderr for a short run.
    expect(ingest(['--out', 'out2', 'in']).stderr).toBe('');
  });

  it('--explain lists what was removed and why, and where metadata came from', () => {
    fs.copyFileSync(path.join(SEEDS, '004_9ab9486eea080e7c.txt'), path.join(dir, 'seed.txt'));
    const { lines } = ingest(['--out', 'out', '--explain', 'seed.txt']);
    expect(lines[0]).toMatch(/^written [0-9a-f]{12} seed\.txt$/);
    expect(lines.slice(1)).toEqual([
      '  removed (number-only line (a share or comment counter)): 0',
      '  removed (comment form): اترك رد',
      '  removed (comment form): لن يتم نشر عنوان بريدك الإلكتروني.',
      '  removed (repeats the title): اتصال هاتفي بين بوتين وأردوغان بعد استهداف دورية مشتركة في ادلب',
    ]);
  });

  it('leaves only whole articles when killed mid-run, and cleans its temporary files next time', async () => {
    const records = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({
        title: `خبر رقم ${i}`,
        content: `قال المتحدث في البيان رقم ${i} إن العمل مستمر.\n${'وأضاف أن الخطة تشمل جميع المناطق. '.repeat(40)}`,
      }),
    );
    fs.writeFileSync(path.join(dir, 'many.jsonl'), records.join('\n'));
    const child = spawn(process.execPath, [CLI, '--out', 'out', 'many.jsonl'], { cwd: dir, stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (outFiles(path.join(dir, 'out')).length > 50) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const written = outFiles(path.join(dir, 'out'));
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) {
      const mdx = fs.readFileSync(path.join(dir, 'out', file), 'utf8');
      expect(readFrontmatter(mdx)?.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(mdx.endsWith('\n')).toBe(true);
      expect(() => compileLikeAstro(mdx)).not.toThrow();
    }
    // The next run takes over the lock the killed one left, finishes the job and removes what the
    // killed one left half-written.
    const { code, lines, stderr } = ingest(['--out', 'out', 'many.jsonl']);
    expect(code).toBe(0);
    // On a loaded machine the run passes ten seconds and prints a progress line too («ingest: 1,234 inputs (…)»).
    const notes = stderr.split('\n').filter((l) => l !== '' && !/^ingest: [\d,]+ inputs\b/.test(l));
    expect(notes).toEqual([
      `ingest: taking over ${path.join(fs.realpathSync(dir), 'out', '.ingest.lock')} from process ${child.pid} (started ${stderr.match(/\(started (\S+)\)/)?.[1]}), which is no longer running`,
    ]);
    expect(fs.existsSync(path.join(dir, 'out', '.ingest.lock'))).toBe(false);
    expect(outcome(lines, 'unchanged').length + outcome(lines, 'written').length).toBe(3000);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(outFiles(path.join(dir, 'out'))).toHaveLength(3000);
  }, 60_000);

  it('prints its help on stdout and exits 0, writing nothing', () => {
    const run = spawnSync(process.execPath, [CLI, '--help', '--out', 'out', 'in'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^usage: npm run ingest -- \[options\] PATH\.\.\.\n/);
    for (const option of ['--out', '--limit', '--since', '--until', '-h, --help']) expect(run.stdout).toContain(`\n  ${option} `);
    expect(run.stdout).toContain('Exit codes: 0 done, 1 some input rejected');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    expect(spawnSync(process.execPath, [CLI, '-h'], { cwd: dir, encoding: 'utf8' }).stdout).toBe(run.stdout);
  });

  it('reports a usage error on stderr with the usage, exits 2 and writes nothing', () => {
    const cases: Array<[string[], string]> = [
      [[], 'no input given'],
      [['--bogus', 'in'], "Unknown option '--bogus'"],
      [['--limit', '0', 'in'], '--limit takes a whole number of inputs, 1 or more, not "0"'],
      [['--limit', 'ten', 'in'], '--limit takes a whole number of inputs, 1 or more, not "ten"'],
      [['--since', '2015-02-30', 'in'], '--since takes a day as YYYY-MM-DD, not "2015-02-30"'],
      [['--until', '10/08/2015', 'in'], '--until takes a day as YYYY-MM-DD, not "10/08/2015"'],
      [['--since', '2015-08-05', '--until', '2015-08-01', 'in'], '--since 2015-08-05 is after --until 2015-08-01: no day is left'],
    ];
    for (const [args, problem] of cases) {
      const run = spawnSync(process.execPath, [CLI, '--out', 'out', ...args], { cwd: dir, encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')[0]).toContain(problem);
      expect(run.stderr).toContain('usage: npm run ingest -- [options] PATH...');
    }
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  describe('--limit and --since/--until', () => {
    // Six records dated 2015-08-01 to 08-06 by their date field, and an undated one fourth.
    const records = Array.from({ length: 6 }, (_, i) => ({
      title: `خبر رقم ${i + 1} عن اجتماع المجلس`,
      content: `قال المتحدث في البيان رقم ${i + 1} إن المجلس ناقش الخطة الجديدة.\nوأضاف أن التنفيذ يبدأ الشهر المقبل في المناطق كلها.`,
      date: `2015-08-0${i + 1} 10:00:00`,
    }));
    records.splice(3, 0, {
      title: 'خبر بلا تاريخ',
      content: 'قال المتحدث إن اللجنة اجتمعت لمناقشة الميزانية.\nوأضاف أن القرار يصدر قريبا.',
      date: '',
    });
    /** Record number (1-based) → the article a run over every record wrote, as id, published day and bytes. */
    let all: Map<number, { id: string; published: unknown; mdx: string }>;

    beforeEach(() => {
      fs.writeFileSync(path.join(dir, 'days.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
      const { code, lines } = ingest(['--out', 'all', 'days.jsonl']);
      expect(code).toBe(0);
      all = new Map(
        lines.map((line) => {
          const [, id, input] = line.split(' ');
          const mdx = fs.readFileSync(path.join(dir, 'all', `${id}.mdx`), 'utf8');
          return [Number(input!.split('#')[1]), { id: id!, published: readFrontmatter(mdx)?.published, mdx }];
        }),
      );
      expect(all.size).toBe(7);
      expect(all.get(4)?.published).toBeNull();
    });

    /** The folder's files and their bytes. */
    const written = (out: string) =>
      Object.fromEntries(outFiles(path.join(dir, out)).map((f) => [f, fs.readFileSync(path.join(dir, out, f), 'utf8')]));
    /** What the run over every record wrote for these record numbers. */
    const expected = (numbers: number[]) => Object.fromEntries(numbers.map((n) => [`${all.get(n)!.id}.mdx`, all.get(n)!.mdx]));

    it('--limit N writes the first N inputs in input order, as a full run writes them', () => {
      const { code, lines, summary } = ingest(['--out', 'out', '--limit', '3', 'days.jsonl']);
      expect(code).toBe(0);
      expect(lines).toEqual([1, 2, 3].map((n) => `written ${all.get(n)!.id} days.jsonl#${n}`));
      expect(summary).toMatch(/^done: 3 inputs in .*: 3 written, 0 unchanged, 0 duplicate, 0 kept, 0 rejected$/);
      expect(written('out')).toEqual(expected([1, 2, 3]));
      // Across inputs too: the folder's six files (five seeds and a photo), then the first record.
      const across = ingest(['--out', 'out2', '--limit', '7', 'in', 'days.jsonl']);
      const input = (line: string) => /^(?:written [0-9a-f]{12} |rejected )([^:\s]+)/.exec(line)?.[1];
      expect(across.lines.map(input)).toEqual([
        ...[
          '000_60af0b160dcc8caa.txt',
          '001_47fcac9e9e7e3a4e.txt',
          '002_12a01e2839ced559.txt',
          '003_b9be8d79b01e2d8f.txt',
          'nested/004_9ab9486eea080e7c.txt',
          'photo.jpg',
        ].map((f) => `in/${f}`),
        'days.jsonl#1',
      ]);
      expect(outFiles(path.join(dir, 'out2'))).toHaveLength(6);
    });

    it('--since and --until write the articles of those days, and count the rest', () => {
      const { code, lines, summary } = ingest(['--out', 'out', '--since', '2015-08-02', '--until', '2015-08-04', 'days.jsonl']);
      expect(code).toBe(0);
      // Records 2, 3 and 5 are dated 08-02 to 08-04; 1, 6 and 7 are not, and 4 is undated.
      expect(lines).toEqual([2, 3, 5].map((n) => `written ${all.get(n)!.id} days.jsonl#${n}`));
      expect(summary).toMatch(
        /: 3 written, 0 unchanged, 0 duplicate, 0 kept, 0 rejected; 4 left out \(dated outside the days asked for, or undated\)$/,
      );
      expect(written('out')).toEqual(expected([2, 3, 5]));
      expect(written('out-since')).toEqual({});
      ingest(['--out', 'out-since', '--since', '2015-08-05', 'days.jsonl']);
      expect(written('out-since')).toEqual(expected([6, 7]));
      ingest(['--out', 'out-until', '--until', '2015-08-01', 'days.jsonl']);
      expect(written('out-until')).toEqual(expected([1]));
    });

    it('--limit with days takes the first N of those days', () => {
      const { code, lines } = ingest(['--out', 'out', '--since', '2015-08-02', '--limit', '3', 'days.jsonl']);
      expect(code).toBe(0);
      expect(lines).toEqual([2, 3, 5].map((n) => `written ${all.get(n)!.id} days.jsonl#${n}`));
      expect(written('out')).toEqual(expected([2, 3, 5]));
    });

    it('still reports a rejected record, which has no day, and counts it in the limit', () => {
      fs.writeFileSync(
        path.join(dir, 'mixed.jsonl'),
        [JSON.stringify(records[0]), 'not json', JSON.stringify(records[1]), JSON.stringify(records[2])].join('\n'),
      );
      const { code, lines } = ingest(['--out', 'out', '--since', '2015-08-02', '--limit', '2', 'mixed.jsonl']);
      expect(code).toBe(1);
      expect(lines).toEqual([expect.stringMatching(/^rejected mixed\.jsonl#2: invalid JSON/), `written ${all.get(2)!.id} mixed.jsonl#3`]);
      expect(outFiles(path.join(dir, 'out'))).toEqual([`${all.get(2)!.id}.mdx`]);
    });
  });

  it('stops cleanly on SIGINT: whole articles only, exit code 130', async () => {
    const records = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ title: `خبر ${i}`, content: `قال المتحدث إن البيان رقم ${i} صدر اليوم.` }),
    );
    fs.writeFileSync(path.join(dir, 'many.jsonl'), records.join('\n'));
    const child = spawn(process.execPath, [CLI, '--out', 'out', 'many.jsonl'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (outFiles(path.join(dir, 'out')).length > 20) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 5);
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    if (code === 0) return; // finished before the signal arrived
    expect(code).toBe(130);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^interrupted: /);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
