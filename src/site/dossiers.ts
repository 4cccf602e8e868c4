/**
 * The dossiers the site publishes (content/dossiers, src/site/dossier-loader.ts) and what pages
 * need of them. Loaded once per build, like the articles (src/site/data.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkDossierSource, DossierError } from '../dossiers/check.ts';
import { displayPath } from '../entities/registry-rules.ts';
import { settings } from '../settings.ts';
import { getArticlesById, getEntities, getRegistry } from './data.ts';

export type DossierEntry = CollectionEntry<'dossiers'>;

/** How many dossiers the front page and an entity page list (the newest). */
export const DOSSIERS_LISTED = 3;

/** The day a dossier was last brought up to date: `updated`, else `published`. */
export const dossierDate = (d: DossierEntry): Date => d.data.updated ?? d.data.published;

let dossiers: Promise<DossierEntry[]> | undefined;

/**
 * The published dossiers, most recently updated first; drafts too with `MARSAD_DRAFTS=1`, for an
 * editor's preview.
 */
export function getDossiers(): Promise<DossierEntry[]> {
  dossiers ??= getCollection('dossiers').then((all) =>
    all
      .filter((d) => settings().drafts || !d.data.draft)
      .sort((a, b) => dossierDate(b).getTime() - dossierDate(a).getTime() || a.data.title.localeCompare(b.data.title, 'ar')),
  );
  return dossiers;
}

/** The dossiers about an entity (its id in their front matter's `entities`). */
export async function getDossiersAbout(entityId: string): Promise<DossierEntry[]> {
  return (await getDossiers()).filter((d) => d.data.entities.includes(entityId));
}

/**
 * Checks a dossier against the site about to be built: the loader's checks (src/dossiers/check.ts)
 * again — in `astro dev` the file may have changed since — and that every entity it names has a
 * page. Throws a `DossierError` naming the file, line and column of each problem.
 */
export async function checkDossier(dossier: DossierEntry): Promise<void> {
  const [registry, articles, entities] = await Promise.all([getRegistry(), getArticlesById(), getEntities()]);
  const file = path.resolve(dossier.filePath!);
  const problems = checkDossierSource(
    readFileSync(file, 'utf8'),
    {
      entity: (id) => registry.get(id)?.data,
      hasArticle: (id) => articles.has(id),
      hasPage: (id) => entities.has(id),
      registryDir: displayPath(path.join(settings().contentDir, 'entities')),
    },
    dossier.data.entities,
  );
  if (problems.length > 0) throw new DossierError(displayPath(file), problems);
}
