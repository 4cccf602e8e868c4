import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import type { EntityCard } from '../../src/site-core/entity-card.ts';
import { entityCardGroup, entityCardsUrl, entityIdOf } from '../../src/site-core/entity-card-groups.ts';

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

/**
 * The preview card of the entity `id` (or of the entity page at `/entities/<id>/`), read from its
 * group's file as the browser reads it (src/site-core/entity-card-groups.ts); undefined when the
 * group has no card for it.
 */
export async function readEntityCard(distDir: string, idOrHref: string): Promise<EntityCard | undefined> {
  const id = entityIdOf(idOrHref) ?? idOrHref;
  const file = path.join(distDir, entityCardsUrl(entityCardGroup(id)));
  const cards = JSON.parse(await readFile(file, 'utf8')) as Record<string, EntityCard>;
  return Object.hasOwn(cards, id) ? cards[id] : undefined;
}

/**
 * How a build wrote `page` (e.g. "/archive/index.html"), from its whole log: 'restored' when Astro
 * did not render it again — copied from its cache "(restored)", or left where it was in the output
 * folder "(cached)" — 'rendered' when it did, undefined when the log does not name it.
 */
export function pageWrite(log: string, page: string): 'restored' | 'rendered' | undefined {
  const line = log.split('\n').find((l) => l.endsWith(`─ ${page}`) || l.includes(`─ ${page} `));
  return line === undefined ? undefined : /\((?:restored|cached)\)/.test(line) ? 'restored' : 'rendered';
}
