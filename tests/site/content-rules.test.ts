import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../../scripts/lib/build.ts';
import { ARTICLE_FILE_RULES } from '../../src/site/article-files.ts';

/**
 * Bad content stops `npm run build` (the project's real build steps, on a copy of the seed content)
 * with every problem at once, each naming its file and rule — the registry rules of
 * src/entities/registry-rules.ts (each one alone: tests/entities/registry-rules.test.ts) and the
 * article file rules of src/site/article-files.ts. The builds fail while Astro loads the content,
 * in a few seconds.
 */

let work: string;

/** A copy of the seed content in `work/<name>`. */
async function seedCopy(name: string): Promise<string> {
  const content = path.join(work, name);
  await cp(path.join(projectRoot, 'content'), content, { recursive: true });
  return content;
}

/** `npm run build` on `content`: whether it built, and what it printed. */
async function build(content: string): Promise<{ ok: boolean; output: string }> {
  try {
    await buildSite({ contentDir: content, outDir: path.join(content, '..', 'dist'), cacheDir: path.join(content, '..', 'cache') });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: (error as Error).message };
  }
}

async function editJson(file: string, change: (data: Record<string, unknown>) => Record<string, unknown>, to = file): Promise<void> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await mkdir(path.dirname(to), { recursive: true });
  await writeFile(to, `${JSON.stringify(change(data), null, 2)}\n`);
}

describe('npm run build on bad content', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'marsad-content-rules-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('fails on a bad registry, listing every problem with its file and rule', async () => {
    const content = await seedCopy('registry');
    const entities = path.join(content, 'entities');
    const file = (name: string) => path.join(entities, name);
    await editJson(file('russia.json'), (data) => ({ ...data, aliases: [...(data.aliases as string[]), 'بوتين'] }));
    await editJson(
      file('russia.json'),
      (data) => ({ ...data, name: 'روسيا القيصرية', nameEn: 'Tsarist Russia', aliases: [] }),
      file('Russia.json'),
    );
    await editJson(file('china.json'), (data) => ({ ...data, aliases: [...(data.aliases as string[]), 'في', '\u064B\u064C'] }));
    await editJson(file('china.json'), (data) => data, file('asia/china.json'));
    await writeFile(file('iran.yaml'), 'type: place\nname: إيران\n');

    const { ok, output } = await build(content);
    expect(ok).toBe(false);
    const lines = [
      `${file('Russia.json')}: the file name "Russia" is not a lowercase Latin slug (a-z, 0-9 and "-"), as the entity's id must be [entity-id]`,
      `${file('asia/china.json')}: in a subfolder: an entity file must sit directly in ${entities} [subfolder]`,
      `${file('china.json')}: alias «في» is a stop word: it would match in almost every article [stopword-name]`,
      `${file('china.json')}: alias «\u064B\u064C» has no letter or digit [blank-name]`,
      `${file('iran.yaml')}: not a registry file: the registry reads only <id>.json files [not-json]`,
      `${file('russia.json')}: differs only by case from ${file('Russia.json')} [case-collision]`,
      `${file('russia.json')}: alias «بوتين» is also an alias of vladimir-putin (${file('vladimir-putin.json')}) [shared-alias]`,
      `${file('vladimir-putin.json')}: alias «بوتين» is also an alias of russia (${file('russia.json')}) [shared-alias]`,
    ];
    expect(output).toContain(`the entity registry ${entities} has ${lines.length} problems:\n${lines.join('\n')}\n`);
  }, 120_000);

  it('fails on an article in a subfolder or named "...mdx", naming each file and rule', async () => {
    const content = await seedCopy('articles');
    const articles = path.join(content, 'articles');
    const article = await readFile(path.join(articles, '2e329347f617.mdx'), 'utf8');
    await mkdir(path.join(articles, '2015'), { recursive: true });
    await writeFile(path.join(articles, '2015', 'story.mdx'), article);
    await writeFile(path.join(articles, '...mdx'), article);
    await writeFile(path.join(articles, '.mdx'), article);

    const { ok, output } = await build(content);
    expect(ok).toBe(false);
    expect(output).not.toContain('Missing parameter');
    expect(output).toContain(
      [
        '3 articles cannot be built:',
        `${path.join(articles, '...mdx')}: the file name gives no usable article id (".."): letters and digits, with "-", "_" or "." between them [article-id]`,
        `${path.join(articles, '.mdx')}: the file name gives no usable article id (""): letters and digits, with "-", "_" or "." between them [article-id]`,
        `${path.join(articles, '2015/story.mdx')}: in a subfolder: an article must sit directly in the articles folder, as <id>.mdx [article-subfolder]`,
      ].join('\n'),
    );
  }, 120_000);

  it('documents every article file rule in docs/entities.md', async () => {
    const docs = await readFile(path.join(projectRoot, 'docs/entities.md'), 'utf8');
    expect(Object.keys(ARTICLE_FILE_RULES).filter((rule) => !docs.includes(`\`${rule}\``))).toEqual([]);
  });
});
