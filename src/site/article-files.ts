/**
 * Which files of the articles folder (`content/articles/`) are articles, and under which id: an
 * article is `<id>.mdx` directly in the folder, its id is the file name and its URL
 * `/articles/<id>/`. An `.mdx` file that cannot be one is a problem with its file and rule, never
 * a page that fails later without saying which file it came from. Other files (ingest's
 * `.<id>.mdx.<pid>.<n>.tmp` while it writes, notes) are not articles and are left alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allContentFiles } from '../entities/registry.ts';
import { displayPath, type ContentProblem } from '../entities/registry-rules.ts';

/** Every article file rule by its short name, with what it rejects (docs/entities.md lists them too). */
export const ARTICLE_FILE_RULES = {
  'article-subfolder': 'an `.mdx` file in a subfolder of the articles folder (an article is one `<id>.mdx` directly in it)',
  'article-id': 'an `.mdx` file whose name gives no usable id (`.mdx`, `...mdx`, `.hidden.mdx`, spaces or punctuation)',
} as const;

export type ArticleFileRule = keyof typeof ARTICLE_FILE_RULES;

/**
 * An article id, used as is in its URL: letters (any script) and digits, with "-", "_" or "."
 * between them — ingest writes hex digests (`2e329347f617`), editors may write words.
 */
const ARTICLE_ID = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}._-]*[\p{L}\p{M}\p{N}])?$/u;

/** The articles of a folder (id and absolute path, in id order) and the `.mdx` files that cannot be articles. */
export function articleFiles(dir: string): { articles: { id: string; file: string }[]; problems: ContentProblem<ArticleFileRule>[] } {
  const articles: { id: string; file: string }[] = [];
  const problems: ContentProblem<ArticleFileRule>[] = [];
  for (const name of allContentFiles(dir)) {
    if (!name.endsWith('.mdx')) continue;
    const file = path.join(dir, name);
    const id = name.slice(0, -'.mdx'.length);
    if (name.includes('/')) {
      problems.push({
        file,
        rule: 'article-subfolder',
        message: 'in a subfolder: an article must sit directly in the articles folder, as <id>.mdx',
      });
    } else if (!ARTICLE_ID.test(id)) {
      problems.push({
        file,
        rule: 'article-id',
        message: `the file name gives no usable article id (${JSON.stringify(id)}): letters and digits, with "-", "_" or "." between them`,
      });
    } else {
      articles.push({ id, file });
    }
  }
  return { articles, problems };
}

/**
 * An article file's source, or null with the problem, naming the file, added to `problems` (the
 * content loader and the partitioned build's index read articles the same way).
 */
export function readArticleSource(file: string, problems: string[]): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`${displayPath(file)}: cannot be read (${(error as Error).message})`);
    return null;
  }
}
