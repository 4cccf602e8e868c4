import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file under `dir`, as paths relative to it (POSIX separators). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Parses a built HTML page of the test site. */
export async function readPage(distDir: string, file: string): Promise<HTMLElement> {
  return parse(await readFile(path.join(distDir, file), 'utf8'));
}

/** The article ids of a content folder (file names of `articles/*.mdx`). */
export async function articleIds(contentDir: string): Promise<string[]> {
  const files = await readdir(path.join(contentDir, 'articles'));
  return files
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -'.mdx'.length))
    .sort();
}
