import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deserialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/build.ts';
import { loadRegistry } from '../../src/entities/registry.ts';
import { prepareArticles } from '../../src/site/article-loader.ts';
import { articlePreparer } from '../../src/site/article-prepare.ts';
import type { StoredArticle } from '../../src/site/partition.ts';

const run = promisify(execFile);
let work: string;
let content: string;

/** `astro sync` on the temp content with its own cache: runs the article loader and nothing else. */
async function sync(): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
      cwd: projectRoot,
      env: { ...process.env, MARSAD_CONTENT_DIR: content, MARSAD_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}

const counts = (output: string) => /(\d+) articles, (\d+) rendered, (\d+) unchanged/.exec(output)?.slice(1).map(Number);

describe('the article loader', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-loader-'));
    content = path.join(work, 'content');
    await cp(path.join(projectRoot, 'content'), content, { recursive: true });
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('renders only what changed: an article, or every article when the registry changes', async () => {
    expect(counts((await sync()).output)).toEqual([5, 5, 0]);
    expect(counts((await sync()).output)).toEqual([5, 0, 5]);

    const article = path.join(content, 'articles', '2e329347f617.mdx');
    await writeFile(article, `${await readFile(article, 'utf8')}\nفقرة أضافها محرر.\n`);
    expect(counts((await sync()).output)).toEqual([5, 1, 4]);

    const entity = path.join(content, 'entities', 'aleppo.json');
    const data = JSON.parse(await readFile(entity, 'utf8'));
    await writeFile(entity, JSON.stringify({ ...data, aliases: [...data.aliases, 'الشهباء'] }));
    expect(counts((await sync()).output)).toEqual([5, 5, 0]);
  }, 120_000);

  it('keeps each article’s text in the cache, not the content store; renders again one whose body files are gone, drops a deleted one’s', async () => {
    const bodies = path.join(work, 'cache', 'marsad-articles');
    const html = async () => (await readdir(path.join(bodies, 'html'))).sort();
    await sync();
    const files = await html();
    expect(files).toHaveLength(5);
    expect((await readdir(path.join(bodies, 'prepared'))).sort()).toEqual(files.map((f) => f.replace(/\.html$/, '.v8')));
    // The store holds no article's text past its lead (the start the word counts read): not its last sentence.
    const body = await readFile(path.join(bodies, 'html', files[0]!), 'utf8');
    const sentence = body
      .replace(/<[^>]+>/g, ' ')
      .split(/[.،]/)
      .map((t) => t.trim())
      .findLast((t) => t.length > 40)!;
    expect(sentence).toBeDefined();
    const store = await readFile(path.join(work, 'cache', 'data-store.json'), 'utf8');
    expect(store).not.toContain(sentence);
    // Nor its headline or lead: those are in the records file beside the bodies, one per article.
    const records = deserialize(await readFile(path.join(bodies, 'articles.v8'))).records as Map<string, StoredArticle>;
    expect(records.size).toBe(5);
    const [, record] = [...records].find(([, r]) => `${r.digest}.html` === files[0])!;
    expect(record.metadata.lead!.length).toBeGreaterThan(40);
    expect(store).not.toContain(String(record.data.title));
    expect(store).not.toContain(record.metadata.lead!.slice(0, 40));

    await rm(path.join(bodies, 'html', files[0]!));
    expect(counts((await sync()).output)).toEqual([5, 1, 4]);
    expect(await html()).toEqual(files);

    await rm(path.join(content, 'articles', '2e329347f617.mdx'));
    await rm(path.join(content, 'dossiers'), { recursive: true, force: true });
    expect(counts((await sync()).output)).toEqual([4, 0, 4]);
    expect(await html()).toHaveLength(4);
    expect((deserialize(await readFile(path.join(bodies, 'articles.v8'))).records as Map<string, StoredArticle>).size).toBe(4);
  }, 120_000);

  it('reads an article file again only when its time or size changed', async () => {
    const article = path.join(content, 'articles', '5a646d3e6574.mdx');
    const text = await readFile(article, 'utf8');
    const total = (await readdir(path.join(content, 'articles'))).filter((f) => f.endsWith('.mdx')).length;
    // Settled files (older than SETTLED_MS, src/site/file-stamp.ts): their times and sizes are recorded.
    const past = new Date(Date.now() - 60_000);
    for (const f of await readdir(path.join(content, 'articles'))) await utimes(path.join(content, 'articles', f), past, past);
    await sync();
    // The same size and time: not read, so not rendered again (as make and git assume).
    const edited = text.replace('روسيا', 'روسيه');
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    await writeFile(article, edited);
    await utimes(article, past, past);
    expect(counts((await sync()).output)).toEqual([total, 0, total]);
    // A new time: read, and rendered again.
    const later = new Date(Date.now() - 30_000);
    await utimes(article, later, later);
    expect(counts((await sync()).output)).toEqual([total, 1, total - 1]);
    await writeFile(article, text);
  }, 120_000);

  it('renders every article again, with a warning, when the records file cannot be read', async () => {
    await sync();
    await writeFile(path.join(work, 'cache', 'marsad-articles', 'articles.v8'), 'not a records file');
    const { ok, output } = await sync();
    expect(ok).toBe(true);
    expect(output).toContain('articles.v8');
    expect(output).toMatch(/every article is rendered again/);
    const [total, rendered] = counts(output)!;
    expect(rendered).toBe(total);
    expect(counts((await sync()).output)).toEqual([total, 0, total]);
  }, 120_000);

  it('prepares articles on worker threads exactly as in its own thread', async () => {
    const dir = path.join(projectRoot, 'content', 'articles');
    const items = await Promise.all(
      (await readdir(dir)).map(async (f) => ({ id: f.replace(/\.mdx$/, ''), source: await readFile(path.join(dir, f), 'utf8') })),
    );
    const options = { registry: loadRegistry(path.join(projectRoot, 'content', 'entities')), enrich: true };
    const inWorkers = await prepareArticles([...items, { id: 'bad', source: 'نص {1+1}' }], options, 2);
    const prepare = articlePreparer(options);
    expect(inWorkers).toEqual([
      ...items.map(({ id, source }) => prepare(id, source)),
      { ok: false, id: 'bad', line: 1, column: 4, reason: expect.stringContaining('JavaScript expressions') },
    ]);
    expect(inWorkers.filter((r) => r.ok && r.metadata.counts.size > 0)).toHaveLength(items.length);
  }, 60_000);

  it('stops on an invalid article with its file, line, column and reason', async () => {
    const bad = path.join(content, 'articles', 'bad.mdx');
    const frontmatter = [
      '---',
      'title: خبر',
      'source:',
      '  file: bad.txt',
      `  sha256: ${'a'.repeat(64)}`,
      `contentHash: ${'a'.repeat(64)}`,
      '---',
    ];
    await writeFile(bad, [...frontmatter, '', 'فقرة أولى.', '', 'ثم {alert(1)} هنا.', ''].join('\n'));
    const { ok, output } = await sync();
    expect(ok).toBe(false);
    expect(output).toContain(`${bad}:11:4: {alert(1)}: JavaScript expressions are not allowed in articles`);

    await writeFile(bad, [...frontmatter.slice(0, -1), 'published: أمس', '---', '', 'فقرة.', ''].join('\n'));
    const second = await sync();
    expect(second.ok).toBe(false);
    expect(second.output).toContain(bad);
    expect(second.output).toMatch(/published/);
    await rm(bad);
  }, 120_000);
});
